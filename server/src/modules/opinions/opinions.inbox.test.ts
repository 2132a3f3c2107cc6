import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCaseWorld, type CaseWorld } from '../../test/factories.opinions.js';
import { formData, randomMobile, waitingSubmission } from '../../test/factories.portal.js';
import { verifyAuditChain } from '../audit/audit.repo.js';
import { registerInbox, registerInboxBatch } from './commands/registerInbox.js';
import { MAX_INBOX_ATTEMPTS } from './opinions.inbox.repo.js';
import { opinionInbox } from './opinions.inbox.tables.js';
import { trackingCodeTaken } from './opinions.repo.js';
import { opinionEvents, opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

/** A submission waiting in the inbox at the world's station. */
const waiting = (o: { phone?: string; trackingCode?: string; key?: string } = {}) =>
  waitingSubmission(t.deps, { stationCode: w.station.code, ...o });

const caseOf = async (id: string) => (await t.deps.db.select().from(opinions).where(eq(opinions.id, id)))[0];
const inboxRow = async (id: string) => (await t.deps.db.select().from(opinionInbox).where(eq(opinionInbox.id, id)))[0];

describe('the public inbox', () => {
  it('registers a waiting submission as the case the constituent was told of, with its timeline, audit and outbox', async () => {
    const sub = await waiting();
    expect(sub.stationName).toBe(w.station.name);
    expect(await trackingCodeTaken(t.deps.db, sub.trackingCode)).toBe(true);
    expect(await caseOf(sub.id)).toBeUndefined();

    while ((await registerInboxBatch(t.deps)) > 0) {
      // until the inbox is empty (other files' rows too)
    }
    const row = await caseOf(sub.id);
    expect(row).toMatchObject({
      trackingCode: sub.trackingCode,
      stationId: w.station.id,
      regionCode: w.station.regionCode,
      channel: 'qr',
      state: 'submitted',
      responsibleDeputyId: w.head.id,
      createdBy: null,
      receivedAt: sub.receivedAt,
    });
    expect(row!.dueAt!.getTime()).toBeGreaterThan(sub.receivedAt.getTime());
    expect(await inboxRow(sub.id)).toBeUndefined();

    const [event] = await t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, sub.id));
    expect(event).toMatchObject({ action: 'submit', toState: 'submitted', actorRole: 'public', at: sub.receivedAt });
    const [audit] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, sub.id));
    expect(audit).toMatchObject({ action: 'opinion.submit', ip: '198.51.100.7', userAgent: 'test-phone' });
    const sent = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, sub.id), eq(outbox.topic, 'opinion.submitted')));
    expect(sent).toHaveLength(1);
  });

  it('registers a batch in a few statements, each case as one registered alone, the audit chain intact', async () => {
    const key = `inbox-batch-${randomUUID()}`;
    const subs = [await waiting(), await waiting({ key }), await waiting()];
    // An officer's case took the second key meanwhile: it stays with that case, and this one is registered without it.
    await t.deps.database.raw.query(
      `UPDATE opinions SET idempotency_key = $1 WHERE id = (SELECT id FROM opinions WHERE idempotency_key IS NULL LIMIT 1)`,
      [key],
    );
    let taken = 0;
    let together = 0;
    for (;;) {
      const run = await registerInbox(t.deps);
      if (run.taken === 0) break;
      taken += run.taken;
      together += run.together;
    }
    // None of them has photos: all were written in the batch's few statements, none one by one.
    expect(together).toBe(taken);
    expect(taken).toBeGreaterThanOrEqual(3);
    for (const sub of subs) {
      expect(await caseOf(sub.id)).toMatchObject({
        state: 'submitted',
        responsibleDeputyId: w.head.id,
        receivedAt: sub.receivedAt,
      });
      const events = await t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, sub.id));
      expect(events).toMatchObject([{ action: 'submit', actorRole: 'public', at: sub.receivedAt }]);
      const audits = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, sub.id));
      expect(audits).toMatchObject([{ action: 'opinion.submit', ip: '198.51.100.7', after: { eventId: events[0]!.id } }]);
      const sent = await t.deps.db.select().from(outbox).where(eq(outbox.aggregateId, sub.id));
      expect(sent).toMatchObject([
        { topic: 'opinion.submitted', payload: { eventId: events[0]!.id, trackingCode: sub.trackingCode } },
      ]);
    }
    expect((await caseOf(subs[1]!.id))!.idempotencyKey).toBeNull();
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('keeps a submission that cannot be registered, with its error, and registers the others', async () => {
    const good = await waiting();
    const bad = await waiting();
    // An officer's case took the code meanwhile (the unique index refuses the second case).
    await t.deps.database.raw.query(`UPDATE opinions SET tracking_code = $1 WHERE id = (SELECT id FROM opinions LIMIT 1)`, [
      bad.trackingCode,
    ]);
    for (let i = 0; i < MAX_INBOX_ATTEMPTS + 1; i++) await registerInboxBatch(t.deps);
    expect(await caseOf(good.id)).toBeDefined();
    expect(await caseOf(bad.id)).toBeUndefined();
    const kept = await inboxRow(bad.id);
    expect(kept).toMatchObject({ attempts: MAX_INBOX_ATTEMPTS, trackingCode: bad.trackingCode });
    expect(kept!.lastError).toBeTruthy();
    // Past its last attempt it is no longer taken in every batch.
    expect(await registerInboxBatch(t.deps)).toBe(0);
  });

  it('registers a waiting submission when the constituent looks it up before the registrar ran', async () => {
    const sub = await waiting();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${sub.trackingCode}?last4=${sub.phone.slice(-4)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ trackingCode: sub.trackingCode, state: 'submitted' });
    expect(await inboxRow(sub.id)).toBeUndefined();
  });

  it('answers a replay of a waiting submission with its code, and counts waiting submissions against the phone', async () => {
    const phone = randomMobile();
    const key = `inbox-${randomUUID()}`;
    const first = await waiting({ phone, key });
    const replayed = formData({ stationCode: w.station.code, content: '再次提交', phone, consentShare: 'true' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      payload: replayed.payload,
      headers: { ...replayed.headers, 'idempotency-key': key },
      remoteAddress: '198.51.100.8',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().trackingCode).toBe(first.trackingCode);
    for (let i = 0; i < 4; i++) await waiting({ phone });
    const sixth = await t.app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      ...formData({ stationCode: w.station.code, content: '第六条', phone, consentShare: 'true' }),
      remoteAddress: '198.51.100.9',
    });
    expect(sixth.statusCode).toBe(429);
  });
});
