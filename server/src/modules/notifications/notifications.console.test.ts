import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone } from '../../platform/crypto.js';
import { runNotificationsOnce, runOutboxOnce } from '../../platform/notify/index.js';
import { ConsoleSmsProvider } from '../../platform/notify/providers/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { emitCommitted, notificationsOf, testClock, testEvent, uniqMobile } from '../../test/factories.notifications.js';

// An installation without SMS contract or mail server: SMS goes to the log, email is skipped visibly.
const lines: string[] = [];
const clock = testClock();
let t: TestApp;
let ev: Awaited<ReturnType<typeof testEvent>>;

beforeAll(async () => {
  t = await createTestApp({ notify: { sms: new ConsoleSmsProvider((_, msg) => lines.push(msg)), email: null } });
  ev = await testEvent(t.deps.db);
});
afterAll(async () => {
  ev?.unsubscribe();
  await t?.close();
});

const runOnce = async () => {
  const dispatched = await runOutboxOnce(t.deps, { now: clock.now(), topics: [ev.topic], log: () => {} });
  const sent = await runNotificationsOnce(t.deps, { now: clock.now(), topics: [ev.topic] });
  return { dispatched, sent };
};

describe('the built-in console provider and a missing mail server', () => {
  it('writes the SMS to the log with the number masked, keeps the number encrypted, and records the send', async () => {
    const phone = uniqMobile();
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'c',
      regionCode: '230102',
      recipients: [{ phone, channels: ['sms'], vars: { code: 'HRB-7', summary: '噪音扰民' } }],
    });
    const { dispatched, sent } = await runOnce();
    expect(dispatched.queued).toBe(1);
    expect(sent).toMatchObject({ sent: 1 });
    const [row] = await notificationsOf(t.deps.db, id);
    expect(row).toMatchObject({
      status: 'sent',
      provider: 'console',
      attempts: 1,
      body: '您的意见HRB-7：噪音扰民',
      recipientPhoneMasked: maskPhone(phone),
    });
    expect(row?.recipientPhoneEnc).not.toContain(phone);
    expect(t.deps.crypto.decrypt(row?.recipientPhoneEnc ?? '')).toBe(phone);
    expect(row?.providerMessageId).toMatch(/^console-/);
    expect(lines).toContain(`SMS ${maskPhone(phone)}: 您的意见HRB-7：噪音扰民`);
    expect(lines.join('\n')).not.toContain(phone);

    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const list = await admin.inject({ method: 'GET', url: `/api/notifications?topic=${ev.topic}&channel=sms` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      recipient: maskPhone(phone),
      status: 'sent',
      provider: 'console',
      regionCode: '230102',
    });
    // Administrators see that a message went out, not the number or what it said.
    expect(list.body).not.toContain(phone);
    expect(list.body).not.toContain('噪音扰民');
  });

  it('skips email with the reason when no mail server is configured, and refuses to requeue it', async () => {
    const id = await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'mail',
      recipients: [{ email: 'office@example.cn', channels: ['email'], vars: { code: 'E-2', summary: '无邮件服务器' } }],
    });
    const { dispatched } = await runOnce();
    expect(dispatched).toMatchObject({ dispatched: 1, queued: 0 });
    const [row] = await notificationsOf(t.deps.db, id);
    expect(row).toMatchObject({ status: 'skipped', recipientEmail: 'office@example.cn', nextAttemptAt: null });
    expect(row?.lastError).toContain('SMTP_URL');

    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const listed = (await admin.inject({ method: 'GET', url: `/api/notifications?status=skipped&topic=${ev.topic}` })).json();
    expect(listed.items.find((d: { id: string }) => d.id === row?.id)).toMatchObject({
      recipient: 'o***@example.cn',
      lastError: row?.lastError,
    });
    const retry = await admin.inject({
      method: 'POST',
      url: `/api/notifications/${row?.id}/retry`,
      headers: { 'accept-language': 'en' },
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'NO_ADDRESS', message: 'No mail server is configured (SMTP_URL, SMTP_FROM)' });
  });
});
