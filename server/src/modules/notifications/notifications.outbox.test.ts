import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { runNotificationsOnce, runOutboxOnce } from '../../platform/notify/index.js';
import { outbox } from '../../platform/notify/notify.tables.js';
import { declareTopics, emit, emitAll } from '../../platform/outbox.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor, uniq } from '../../test/factories.js';
import { emitCommitted, notificationsOf, outboxRow, testClock, testEvent } from '../../test/factories.notifications.js';

let t: TestApp;
let ev: Awaited<ReturnType<typeof testEvent>>;
const clock = testClock();
const dispatch = () => runOutboxOnce(t.deps, { now: clock.now(), topics: [ev.topic], log: () => {} });

beforeAll(async () => {
  t = await createTestApp();
  ev = await testEvent(t.deps.db);
});
afterAll(async () => {
  ev?.unsubscribe();
  await t?.close();
});

describe('the transactional outbox', () => {
  it('emits nothing when the transaction that wrote the event rolls back', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    let written = 0;
    await expect(
      t.deps.db.transaction(async (tx) => {
        written = await emit(tx, {
          topic: ev.topic,
          aggregateType: 'opinion',
          aggregateId: 'rolled-back',
          regionCode: '2301',
          payload: { recipients: [{ userId: deputy.user.id, channels: ['in_app'], vars: { code: 'X', summary: 'x' } }] },
        });
        throw new Error('the command failed after emitting');
      }),
    ).rejects.toThrow('the command failed');
    expect(written).toBeGreaterThan(0);
    expect(await outboxRow(t.deps.db, written)).toBeUndefined();
    expect((await dispatch()).dispatched).toBe(0);
    const inbox = await deputy.inject({ method: 'GET', url: '/api/messages' });
    expect(inbox.json()).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('dispatches a committed event into the recipient’s messages, which they read', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const other = await agentFor(t.app, { role: 'deputy' });
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'o-1',
      regionCode: '230102',
      recipients: [
        { userId: deputy.user.id, channels: ['in_app'], vars: { code: 'HRB-0001', summary: '路灯不亮' }, link: '/opinions/o-1' },
      ],
    });
    expect((await outboxRow(t.deps.db, id))?.dispatchedAt).toBeNull();
    expect(await dispatch()).toEqual({ dispatched: 1, failed: 0, queued: 0 });
    expect((await outboxRow(t.deps.db, id))?.dispatchedAt).not.toBeNull();

    const inbox = await deputy.inject({ method: 'GET', url: '/api/messages' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({
      total: 1,
      unread: 1,
      items: [
        { subject: '意见 HRB-0001', body: '您的意见HRB-0001：路灯不亮', link: '/opinions/o-1', readAt: null, topic: ev.topic },
      ],
    });
    const messageId = inbox.json().items[0].id as string;
    expect((await other.inject({ method: 'GET', url: '/api/messages' })).json().total).toBe(0);
    // Someone else's message is not found, rather than admitted to exist.
    expect((await other.inject({ method: 'POST', url: `/api/messages/${messageId}/read` })).statusCode).toBe(404);

    const read = await deputy.inject({ method: 'POST', url: `/api/messages/${messageId}/read` });
    expect(read.json()).toEqual({ ok: true, unread: 0 });
    const after = (await deputy.inject({ method: 'GET', url: '/api/messages' })).json();
    expect(after.items[0].readAt).not.toBeNull();
    expect((await deputy.inject({ method: 'GET', url: '/api/messages?unread=true' })).json().total).toBe(0);
    expect((await deputy.inject({ method: 'POST', url: '/api/messages/not-a-uuid/read' })).statusCode).toBe(400);
    expect((await deputy.inject({ method: 'GET', url: '/api/messages?unread=maybe' })).statusCode).toBe(400);
  });

  it('marks all messages read at once', async () => {
    const staff = await agentFor(t.app, { role: 'station_staff' });
    for (const code of ['A-1', 'A-2', 'A-3']) {
      await emitCommitted(t.deps.db, {
        topic: ev.topic,
        aggregateType: 'opinion',
        aggregateId: code,
        recipients: [{ userId: staff.user.id, channels: ['in_app'], vars: { code, summary: '积水' } }],
      });
    }
    expect((await dispatch()).dispatched).toBe(3);
    expect((await staff.inject({ method: 'GET', url: '/api/messages?pageSize=2' })).json()).toMatchObject({
      total: 3,
      unread: 3,
    });
    expect((await staff.inject({ method: 'POST', url: '/api/messages/read-all' })).json()).toEqual({ updated: 3, unread: 0 });
    expect((await staff.inject({ method: 'POST', url: '/api/messages/read-all' })).json()).toEqual({ updated: 0, unread: 0 });
  });

  it('creates nothing more when the same event is dispatched twice, or by two workers at once', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const recipients = [
      {
        userId: deputy.user.id,
        phone: '13800138000',
        channels: ['in_app', 'sms'] as const,
        vars: { code: 'D-1', summary: '重复' },
      },
    ];
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'd',
      recipients: [...recipients, ...recipients],
    });
    const both = await Promise.all([dispatch(), dispatch()]);
    expect(both.map((r) => r.dispatched).sort()).toEqual([0, 1]);
    expect((await notificationsOf(t.deps.db, id)).map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);

    // A redelivery (a crash after the inserts, before the commit of a later step) meets the unique key.
    await t.deps.db.update(outbox).set({ dispatchedAt: null }).where(eq(outbox.id, id));
    expect(await dispatch()).toEqual({ dispatched: 1, failed: 0, queued: 0 });
    expect(await notificationsOf(t.deps.db, id)).toHaveLength(2);
    expect((await deputy.inject({ method: 'GET', url: '/api/messages' })).json().total).toBe(1);
    await runNotificationsOnce(t.deps, { now: clock.now(), topics: [ev.topic] });
  });

  it('keeps an event whose subscriber fails, with the error, and dispatches it once the subscriber works', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'f',
      recipients: [{ userId: deputy.user.id, channels: ['in_app'], vars: { code: 'F-1', summary: '失败' } }],
    });
    ev.failSubscriber(new Error('the opinion vanished'));
    expect(await dispatch()).toEqual({ dispatched: 0, failed: 1, queued: 0 });
    const failed = await outboxRow(t.deps.db, id);
    expect(failed).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: 'the opinion vanished' });
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(await notificationsOf(t.deps.db, id)).toHaveLength(0);

    ev.failSubscriber(null);
    // Not before its delay has passed…
    expect((await dispatch()).dispatched).toBe(0);
    clock.advance(60_000);
    expect((await dispatch()).dispatched).toBe(1);
    expect(await outboxRow(t.deps.db, id)).toMatchObject({ attempts: 2, lastError: null });
    expect((await deputy.inject({ method: 'GET', url: '/api/messages' })).json().items[0].body).toBe('您的意见F-1：失败');
  });

  it('fails the event loudly when a subscriber names an undeclared template or an unreachable in-app recipient', async () => {
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'bad',
      recipients: [{ channels: ['in_app'], vars: { code: 'B', summary: 'b' } }],
    });
    expect((await dispatch()).failed).toBe(1);
    expect((await outboxRow(t.deps.db, id))?.lastError).toContain('needs a userId');
    const id2 = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'bad2',
      recipients: [{ phone: '13800138000', channels: ['sms'], templateKey: 'test.nobody_declared_this', vars: {} }],
    });
    clock.advance(10 * 60_000);
    expect((await dispatch()).failed).toBeGreaterThanOrEqual(1);
    expect((await outboxRow(t.deps.db, id2))?.lastError).toContain('Undeclared template key');
  });

  it('dispatches a fresh event whatever the clock of the dependencies says, and stamps the message with it', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'clock',
      recipients: [{ userId: deputy.user.id, channels: ['in_app'], vars: { code: 'K-1', summary: '节前受理' } }],
    });
    const before = fixedClock('2026-02-13T09:00:00+08:00');
    expect((await runOutboxOnce({ ...t.deps, clock: before }, { topics: [ev.topic] })).dispatched).toBeGreaterThanOrEqual(1);
    const [row] = await notificationsOf(t.deps.db, id);
    expect(row?.sentAt?.toISOString()).toBe('2026-02-13T01:00:00.000Z');
    expect((await outboxRow(t.deps.db, id))?.dispatchedAt?.toISOString()).toBe('2026-02-13T01:00:00.000Z');
  });

  it('marks a declared topic without subscribers dispatched, and leaves a topic nobody here knows in the outbox', async () => {
    const recorded = `test.${uniq('rec')}`;
    const unknown = `test.${uniq('unk')}`;
    declareTopics(recorded);
    const a = await t.deps.db.transaction((tx) => emit(tx, { topic: recorded, aggregateType: 'opinion', aggregateId: 'r' }));
    const b = await t.deps.db.transaction((tx) => emit(tx, { topic: unknown, aggregateType: 'opinion', aggregateId: 'u' }));
    const run = await runOutboxOnce(t.deps, { now: clock.now(), topics: [recorded, unknown] });
    expect(run).toEqual({ dispatched: 1, failed: 0, queued: 0 });
    expect((await outboxRow(t.deps.db, a))?.dispatchedAt).not.toBeNull();
    expect(await notificationsOf(t.deps.db, a)).toHaveLength(0);
    expect(await outboxRow(t.deps.db, b)).toMatchObject({ dispatchedAt: null, attempts: 0 });
    await expect(
      t.deps.db.transaction((tx) => emit(tx, { topic: 'Not A Topic', aggregateType: 'x', aggregateId: 'y' })),
    ).rejects.toThrow('Invalid outbox topic');
  });

  it('dispatches a burst in batches, and a failing event among them fails alone', async () => {
    // What the tests before left failing is tried now, so that it is not due again during the burst.
    clock.advance(2 * 60 * 60_000);
    await dispatch();
    const staff = await agentFor(t.app, { role: 'station_staff' });
    const good = (code: string) => [{ userId: staff.user.id, channels: ['in_app' as const], vars: { code, summary: '积水' } }];
    const ids = await t.deps.db.transaction((tx) =>
      emitAll(
        tx,
        Array.from({ length: 120 }, (_, i) => ({
          topic: ev.topic,
          aggregateType: 'opinion',
          aggregateId: `burst-${i}`,
          // The 70th, in the second batch, names an in-app recipient without an account.
          payload: { recipients: i === 70 ? [{ channels: ['in_app'], vars: { code: 'X', summary: 'x' } }] : good(`B-${i}`) },
        })),
      ),
    );
    expect(await dispatch()).toEqual({ dispatched: 119, failed: 1, queued: 0 });
    expect(await outboxRow(t.deps.db, ids[70] as number)).toMatchObject({ dispatchedAt: null, attempts: 1 });
    expect((await outboxRow(t.deps.db, ids[70] as number))?.lastError).toContain('needs a userId');
    expect(await outboxRow(t.deps.db, ids[71] as number)).toMatchObject({ attempts: 1, lastError: null });
    expect((await outboxRow(t.deps.db, ids[71] as number))?.dispatchedAt).not.toBeNull();
    const inbox = (await staff.inject({ method: 'GET', url: '/api/messages?pageSize=1' })).json();
    expect(inbox).toMatchObject({ total: 119, unread: 119 });
  });

  it('records a missing template variable as a dead delivery instead of dropping it', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'mv',
      recipients: [{ userId: deputy.user.id, channels: ['in_app'], vars: { code: 'M-1' } }],
    });
    clock.advance(60 * 60_000);
    await dispatch();
    const [row] = await notificationsOf(t.deps.db, id);
    expect(row).toMatchObject({ status: 'dead', channel: 'in_app' });
    expect(row?.lastError).toContain('{{summary}}');
    expect((await deputy.inject({ method: 'GET', url: '/api/messages' })).json().total).toBe(0);
  });
});
