import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotificationsOnce, runOutboxOnce } from '../../platform/notify/index.js';
import { auditEvents, users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import {
  CapturingEmailProvider,
  emitCommitted,
  notificationsOf,
  ScriptedSmsProvider,
  testClock,
  testEvent,
  uniqMobile,
} from '../../test/factories.notifications.js';

const sms = new ScriptedSmsProvider();
const email = new CapturingEmailProvider();
const clock = testClock();
let t: TestApp;
let ev: Awaited<ReturnType<typeof testEvent>>;

const dispatch = () => runOutboxOnce(t.deps, { now: clock.now(), topics: [ev.topic], log: () => {} });
const send = () => runNotificationsOnce(t.deps, { now: clock.now(), topics: [ev.topic] });
const smsTo = (phone: string, code = 'C-1') =>
  emitCommitted(t.deps.db, {
    topic: ev.topic,
    aggregateType: 'opinion',
    aggregateId: code,
    regionCode: '230102',
    recipients: [{ phone, channels: ['sms'], vars: { code, summary: '小区路灯不亮' } }],
  });
const only = async (outboxId: number) => {
  const [row] = await notificationsOf(t.deps.db, outboxId);
  if (!row) throw new Error('no notification');
  return row;
};

beforeAll(async () => {
  t = await createTestApp({ notify: { sms, email } });
  ev = await testEvent(t.deps.db);
});
afterAll(async () => {
  ev?.unsubscribe();
  await t?.close();
});

describe('SMS and email deliveries', () => {
  it('retries a failing provider with growing delays and records the send on the third attempt', async () => {
    const phone = uniqMobile();
    sms.failFirst(phone, 2);
    const id = await smsTo(phone);
    await dispatch();
    expect(await send()).toMatchObject({ failed: 1, sent: 0 });
    const first = await only(id);
    expect(first).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'gateway unavailable (call 1)',
      provider: 'scripted',
    });
    expect(first.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 60_000);

    // Not due yet: nothing is sent before the delay runs out.
    expect(await send()).toMatchObject({ failed: 0, sent: 0 });
    clock.advance(60_000);
    expect(await send()).toMatchObject({ failed: 1 });
    const second = await only(id);
    expect(second).toMatchObject({ status: 'failed', attempts: 2 });
    expect(second.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 120_000);
    clock.advance(120_000);
    expect(await send()).toMatchObject({ sent: 1 });
    const done = await only(id);
    expect(done).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      nextAttemptAt: null,
      providerMessageId: `scripted-${done.id}-3`,
    });
    expect(sms.calls.get(phone)).toBe(3);
    expect(sms.sent.find((m) => m.phone === phone)).toMatchObject({
      templateKey: ev.key,
      params: { code: 'C-1', summary: '小区路灯不亮' },
    });
  });

  it('marks a delivery dead after six failures, lists it for the system administrator, and requeues it on request', async () => {
    const phone = uniqMobile();
    sms.failFirst(phone, Number.POSITIVE_INFINITY);
    const id = await smsTo(phone, 'DEAD-1');
    await dispatch();
    for (let i = 0; i < 6; i++) {
      await send();
      clock.advance(60 * 60_000);
    }
    const dead = await only(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 6, nextAttemptAt: null, lastError: 'gateway unavailable (call 6)' });
    expect(await send()).toMatchObject({ sent: 0, failed: 0, dead: 0 });
    expect(sms.calls.get(phone)).toBe(6);

    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const office = await agentFor(t.app, { role: 'office_staff' });
    const listed = await admin.inject({ method: 'GET', url: `/api/notifications?status=dead&topic=${ev.topic}` });
    expect(listed.json().items.map((d: { id: string }) => d.id)).toContain(dead.id);
    expect((await office.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(403);
    expect((await office.inject({ method: 'POST', url: `/api/notifications/${dead.id}/retry` })).statusCode).toBe(403);
    // A regional administrator sees its own region's deliveries only.
    const elsewhere = await agentFor(t.app, { role: 'sysadmin', regionCode: '11' });
    expect((await elsewhere.inject({ method: 'GET', url: `/api/notifications?topic=${ev.topic}` })).json().total).toBe(0);
    expect((await elsewhere.inject({ method: 'POST', url: `/api/notifications/${dead.id}/retry` })).statusCode).toBe(403);

    const retry = await admin.inject({ method: 'POST', url: `/api/notifications/${dead.id}/retry` });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id: dead.id, status: 'queued' });
    expect(await only(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await admin.inject({ method: 'POST', url: `/api/notifications/${dead.id}/retry` })).json().code).toBe(
      'NOT_RETRYABLE',
    );
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.retry'), eq(auditEvents.entityId, dead.id)));
    expect(audit).toMatchObject({ actorId: admin.user.id, before: { status: 'dead', attempts: 6 }, after: { status: 'queued' } });

    sms.failFirst(phone, 0);
    expect(await send()).toMatchObject({ sent: 1 });
    expect(await only(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends email as escaped HTML with a plain-text part', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'mail',
      recipients: [
        {
          userId: deputy.user.id,
          email: 'Deputy@Example.cn',
          channels: ['email'],
          vars: { code: 'E-1', summary: '<script>alert(1)</script> & more' },
        },
      ],
    });
    await dispatch();
    expect(await send()).toMatchObject({ sent: 1 });
    const mail = email.sent.find((m) => m.to === 'deputy@example.cn');
    expect(mail?.subject).toBe('意见 E-1');
    expect(mail?.html).toBe('您的意见E-1：&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(mail?.text).toBe('您的意见E-1：<script>alert(1)</script> & more');
  });

  it('texts an account at its own mobile number, and skips an account that has none', async () => {
    const withPhone = await agentFor(t.app, { role: 'unit_staff' });
    const phone = uniqMobile();
    await t.deps.db.update(users).set({ phone }).where(eq(users.id, withPhone.user.id));
    const landline = await agentFor(t.app, { role: 'unit_staff' });
    await t.deps.db.update(users).set({ phone: '0451-86661234' }).where(eq(users.id, landline.user.id));
    const none = await agentFor(t.app, { role: 'unit_staff' });
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'u',
      recipients: [withPhone, landline, none].map((a) => ({
        userId: a.user.id,
        channels: ['sms', 'in_app'],
        vars: { code: 'U-1', summary: '转办' },
      })),
    });
    await dispatch();
    await send();
    const rows = (await notificationsOf(t.deps.db, id)).filter((n) => n.channel === 'sms');
    const of = (userId: string) => rows.find((r) => r.recipientUserId === userId);
    expect(of(withPhone.user.id)).toMatchObject({
      status: 'sent',
      recipientPhoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
    expect(of(landline.user.id)).toMatchObject({ status: 'skipped', lastError: 'Not a mobile number that can receive SMS' });
    expect(of(none.user.id)).toMatchObject({ status: 'skipped', lastError: 'The recipient has no mobile number' });
    expect((await none.inject({ method: 'GET', url: '/api/messages' })).json().total).toBe(1);
  });
});
