import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { OPINION_TOPICS } from '../modules/opinions/opinions.subscribers.js';
import { runNotificationsOnce, runOutboxOnce } from '../platform/notify/index.js';
import { notifications, outbox } from '../platform/notify/notify.tables.js';
import type { TestApp } from './app.js';

/** The notifications of a case's events, oldest first. */
export const notesOf = (t: TestApp, caseId: string) =>
  t.deps.db
    .select({
      id: notifications.id,
      topic: notifications.topic,
      channel: notifications.channel,
      userId: notifications.recipientUserId,
      phoneEnc: notifications.recipientPhoneEnc,
      phoneMasked: notifications.recipientPhoneMasked,
      status: notifications.status,
      provider: notifications.provider,
      body: notifications.body,
      vars: notifications.vars,
      link: notifications.link,
    })
    .from(notifications)
    .innerJoin(outbox, eq(outbox.id, notifications.outboxId))
    .where(and(eq(outbox.aggregateType, 'opinion'), eq(outbox.aggregateId, caseId)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));

/**
 * Dispatches and sends until every event of the cases is dispatched and every SMS is out. On the
 * shared PostgreSQL database another test file's workers may take an event first (and stamp it with
 * the real time), so this waits for the outcome rather than counting its own runs, and sends with
 * whichever is later of the test's clock and the real one.
 */
export async function deliver(t: TestApp, ...caseIds: string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await runOutboxOnce(t.deps, { topics: OPINION_TOPICS, log: () => {} });
    const at = Math.max(Date.now(), t.deps.clock?.now().getTime() ?? 0);
    await runNotificationsOnce(t.deps, { topics: OPINION_TOPICS, now: new Date(at) });
    const pending = await t.deps.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.aggregateId, caseIds), isNull(outbox.dispatchedAt)));
    const notes = (await Promise.all(caseIds.map((id) => notesOf(t, id)))).flat();
    if (pending.length === 0 && !notes.some((n) => n.status === 'queued' || n.status === 'failed')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the events were not delivered');
}

/** Who got a topic's notices: in-app recipients, and SMS recipients by account or masked phone. */
export async function told(t: TestApp, caseId: string, topic: string) {
  const notes = (await notesOf(t, caseId)).filter((n) => n.topic === topic);
  return {
    inApp: notes.filter((n) => n.channel === 'in_app').map((n) => n.userId),
    sms: notes.filter((n) => n.channel === 'sms').map((n) => n.userId ?? n.phoneMasked),
    notes,
  };
}

export const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
