import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCaseWorld, type CaseWorld } from '../../test/factories.opinions.js';
import { inboxSubmission, randomIp, randomMobile, waitingSubmission } from '../../test/factories.portal.js';
import { opinionInbox } from './opinions.inbox.tables.js';
import { InboxWriter, MAX_WRITE_BATCH } from './opinions.inbox.writer.js';
import { intakeRegistrar } from './opinions.registrar.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const inInbox = async (id: string) => (await t.deps.db.select().from(opinionInbox).where(eq(opinionInbox.id, id))).length;

describe('submissions written together', () => {
  it('answers each submission of a batch on its own: written, kept out by its conditions, or failed', async () => {
    const writer = new InboxWriter(t.deps.db, 5);
    const good = Array.from({ length: MAX_WRITE_BATCH + 3 }, () => inboxSubmission(t.deps, { stationCode: w.station.code }));
    const unknownStation = inboxSubmission(t.deps, { stationCode: '999999-999' });
    // A value the database refuses (the channel's CHECK) fails its statement; the others are then written one by one.
    const refused = { ...inboxSubmission(t.deps, { stationCode: w.station.code }), channel: 'fax' as 'qr' };
    const answers = await Promise.allSettled([
      ...good.map((s) => writer.write(s)),
      writer.write(unknownStation),
      writer.write(refused),
    ]);
    const written = answers.slice(0, good.length);
    expect(written.every((a) => a.status === 'fulfilled' && a.value?.stationName === w.station.name)).toBe(true);
    expect(written.map((a) => (a.status === 'fulfilled' ? a.value?.trackingCode : null))).toEqual(
      good.map((s) => s.trackingCode),
    );
    expect(answers[good.length]).toEqual({ status: 'fulfilled', value: undefined });
    expect(answers[good.length + 1]?.status).toBe('rejected');
    for (const s of good) expect(await inInbox(s.id)).toBe(1);
    expect(await inInbox(unknownStation.id)).toBe(0);
    expect(await inInbox(refused.id)).toBe(0);
  });

  it('never writes one phone or one idempotency key in two statements at once, so the hourly limit and the key hold', async () => {
    const writer = new InboxWriter(t.deps.db, 5);
    const phone = randomMobile();
    for (let i = 0; i < 3; i++) await waitingSubmission(t.deps, { stationCode: w.station.code, phone });
    const samePhone = Array.from({ length: 4 }, () => inboxSubmission(t.deps, { stationCode: w.station.code, phone }));
    const key = `tap-${randomMobile()}`;
    const sameKey = Array.from({ length: 3 }, () => inboxSubmission(t.deps, { stationCode: w.station.code, key }));
    const answers = await Promise.all([...samePhone, ...sameKey].map((s) => writer.write(s)));
    expect(answers.slice(0, 4).filter(Boolean)).toHaveLength(2);
    expect(answers.slice(4).filter(Boolean)).toHaveLength(1);
  });

  it('gives concurrent portal submissions their own cases, and holds one phone to five an hour among them', async () => {
    const phone = randomMobile();
    const post = (p: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/opinions',
        payload: { stationCode: w.station.code, content: '楼道灯坏了', phone: p, consentShare: true },
        remoteAddress: randomIp(),
      });
    const others = Array.from({ length: 6 }, () => randomMobile());
    const answers = await Promise.all([...others.map(post), ...Array.from({ length: 7 }, () => post(phone))]);
    expect(answers.slice(0, 6).map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    const own = answers.slice(6).map((a) => a.statusCode);
    expect(own.filter((s) => s === 201)).toHaveLength(5);
    expect(own.filter((s) => s === 429)).toHaveLength(2);
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().trackingCode)).size).toBe(11);
    await intakeRegistrar(t.deps).settled();
  });
});
