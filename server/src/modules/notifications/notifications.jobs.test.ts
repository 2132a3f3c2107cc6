import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommitDispatch, emit } from '../../platform/outbox.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { notificationsOf, testEvent, uniqMobile } from '../../test/factories.notifications.js';

let t: TestApp;
let ev: Awaited<ReturnType<typeof testEvent>>;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  ev = await testEvent(t.deps.db);
});
afterAll(async () => {
  ev?.unsubscribe();
  await t?.close();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the workers');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the workers of a running server', () => {
  it('dispatch and send on their own once a command wakes them after its commit', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const phone = uniqMobile();
    const id = await t.deps.db.transaction((tx) =>
      emit(tx, {
        topic: ev.topic,
        aggregateType: 'opinion',
        aggregateId: 'w',
        payload: {
          recipients: [
            { userId: deputy.user.id, phone, channels: ['in_app', 'sms'], vars: { code: 'W-1', summary: '后台发送' } },
          ],
        },
      }),
    );
    await afterCommitDispatch(t.deps.jobs);
    const message = await eventually(async () => {
      const inbox = (await deputy.inject({ method: 'GET', url: '/api/messages' })).json();
      return inbox.total === 1 ? inbox.items[0] : undefined;
    });
    expect(message).toMatchObject({ body: '您的意见W-1：后台发送' });
    const sms = await eventually(async () =>
      (await notificationsOf(t.deps.db, id)).find((n) => n.channel === 'sms' && n.status === 'sent'),
    );
    expect(sms).toMatchObject({ provider: 'console', attempts: 1 });
  });
});
