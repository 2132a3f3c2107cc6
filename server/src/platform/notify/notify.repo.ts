import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { users } from '../platform.tables.js';
import { type Channel, notifications, notificationTemplates, outbox, type TemplateLocale } from './notify.tables.js';

// All SQL of the outbox dispatcher and the sender.

export type OutboxRow = typeof outbox.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type TemplateRow = typeof notificationTemplates.$inferSelect;

/**
 * The oldest due events nobody else is dispatching, up to `limit`; the row locks hold them for this
 * transaction. An event never tried is due at once, whatever the clock says (emit() stamps it with
 * the database's time, a test's clock may stand elsewhere); a failed one waits out its delay.
 */
export async function claimOutboxRows(tx: Tx, now: Date, topics: readonly string[], limit: number): Promise<OutboxRow[]> {
  if (topics.length === 0) return [];
  return tx
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.dispatchedAt),
        inArray(outbox.topic, [...topics]),
        or(eq(outbox.attempts, 0), lte(outbox.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markDispatched(tx: Tx, ids: number[], now: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ dispatchedAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(inArray(outbox.id, ids));
}

/**
 * The failure itself must be remembered, outside what its event's failure rolled back. The next try waits
 * 30 s, 1, 2, 4 … minutes, at most an hour: a broken subscriber is retried, never dropped.
 */
export async function recordDispatchFailure(db: Executor, id: number, error: string, now: Date): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error,
      nextAttemptAt: sql`${now.toISOString()}::timestamptz + least(power(2, ${outbox.attempts}) * interval '30 seconds', interval '1 hour')`,
    })
    .where(and(eq(outbox.id, id), isNull(outbox.dispatchedAt)));
}

export async function findTemplate(
  db: Executor,
  key: string,
  channel: Channel,
  locale: TemplateLocale,
): Promise<TemplateRow | undefined> {
  const rows = await db
    .select()
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.key, key), eq(notificationTemplates.channel, channel)));
  // Chinese is the language every installation has; another language falls back to it.
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'zh');
}

/** The mobile numbers of accounts (null: the account has none); an unknown account is not in the map. */
export async function phonesOfUsers(db: Executor, userIds: readonly string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.phone]));
}

/** Inserts what is not there yet: a second dispatch of the same event meets the unique key and adds nothing. */
export async function insertNotifications(tx: Tx, rows: NewNotification[]): Promise<{ id: string; status: string }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.outboxId, notifications.channel, notifications.recipientKey] })
    .returning({ id: notifications.id, status: notifications.status });
}

/**
 * Takes up to `limit` due deliveries and leases them until `leaseUntil`: the send happens after
 * this short transaction commits, so no lock is held across a network call, and a process that
 * dies mid-send leaves rows that become due again when the lease runs out.
 */
export async function claimDueNotifications(
  db: Executor,
  now: Date,
  limit: number,
  leaseUntil: Date,
  topics?: readonly string[],
): Promise<NotificationRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          inArray(notifications.status, ['queued', 'failed']),
          lte(notifications.nextAttemptAt, now),
          topics ? inArray(notifications.topic, [...topics]) : undefined,
        ),
      )
      .orderBy(asc(notifications.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: leaseUntil })
      .where(
        inArray(
          notifications.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/**
 * Records the outcome of one attempt. The attempts guard keeps a slow sender, whose lease ran out
 * and whose row was taken again, from overwriting the newer attempt's result.
 */
export async function recordSendOutcome(db: Executor, claimed: NotificationRow, set: Partial<NewNotification>): Promise<void> {
  await db
    .update(notifications)
    .set(set)
    .where(and(eq(notifications.id, claimed.id), eq(notifications.attempts, claimed.attempts)));
}
