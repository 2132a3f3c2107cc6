import { and, asc, eq, gt, gte, inArray, isNull, like, lt, lte, max, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications, outbox } from '../../platform/notify/notify.tables.js';
import { opinionReminders, type ReminderKind } from './opinions.reminders.tables.js';
import type { OpinionRow } from './opinions.repo.js';
import { deadlineRules, opinionEvents, opinions } from './opinions.tables.js';
import { CLOSED_STATES, type OpinionState } from './opinions.workflow.js';

/** All SQL of the deadline sweep and the retention job. */

/** The stages whose deadline binds the people handling the case (the evaluation window binds the constituent). */
export const STAFF_STAGES = ['submitted', 'transferred', 'handling'] as const satisfies readonly OpinionState[];

const inRegion = (column: Parameters<typeof like>[0], regionCode: string | undefined): SQL | undefined =>
  regionCode ? like(column, `${regionCode}%`) : undefined;

const noticeExists = (kind: ReminderKind) =>
  sql`EXISTS (SELECT 1 FROM ${opinionReminders} WHERE ${opinionReminders.opinionId} = ${opinions.id}
    AND ${opinionReminders.kind} = ${kind} AND ${opinionReminders.stage} = ${opinions.state}
    AND ${opinionReminders.dueAt} = ${opinions.dueAt})`;

export interface Page {
  regionCode?: string;
  /** Keyset: only cases after this id, so a case that keeps failing does not hold the sweep up. */
  afterId?: string;
  limit: number;
}

const page = (p: Page) => (p.afterId ? gt(opinions.id, p.afterId) : undefined);

/** Past their stage's deadline and not yet flagged — or, when notices may go out, not yet told. */
export function overdueCandidates(db: Executor, now: Date, withNotices: boolean, p: Page): Promise<OpinionRow[]> {
  return db
    .select()
    .from(opinions)
    .where(
      and(
        inArray(opinions.state, [...STAFF_STAGES]),
        lt(opinions.dueAt, now),
        withNotices ? or(eq(opinions.overdue, false), sql`NOT ${noticeExists('overdue')}`) : eq(opinions.overdue, false),
        inRegion(opinions.regionCode, p.regionCode),
        page(p),
      ),
    )
    .orderBy(asc(opinions.id))
    .limit(p.limit);
}

/** Due by `until`, not yet reminded of this due date, and not entered into their stage since `stageStartedBefore`. */
export function reminderCandidates(
  db: Executor,
  now: Date,
  until: Date,
  stageStartedBefore: Date,
  p: Page,
): Promise<OpinionRow[]> {
  return db
    .select()
    .from(opinions)
    .where(
      and(
        inArray(opinions.state, [...STAFF_STAGES]),
        gte(opinions.dueAt, now),
        lte(opinions.dueAt, until),
        sql`NOT ${noticeExists('due_soon')}`,
        sql`NOT EXISTS (SELECT 1 FROM ${opinionEvents} WHERE ${opinionEvents.opinionId} = ${opinions.id}
          AND ${opinionEvents.toState} = ${opinions.state} AND ${opinionEvents.at} >= ${stageStartedBefore.toISOString()}::timestamptz)`,
        inRegion(opinions.regionCode, p.regionCode),
        page(p),
      ),
    )
    .orderBy(asc(opinions.id))
    .limit(p.limit);
}

export async function expiredEvaluations(db: Executor, now: Date, p: Page): Promise<string[]> {
  const rows = await db
    .select({ id: opinions.id })
    .from(opinions)
    .where(
      and(
        eq(opinions.state, 'awaiting_evaluation'),
        lt(opinions.dueAt, now),
        inRegion(opinions.regionCode, p.regionCode),
        page(p),
      ),
    )
    .orderBy(asc(opinions.id))
    .limit(p.limit);
  return rows.map((r) => r.id);
}

/** The widest reminder window any region has set, to bound the candidates. */
export async function widestReminderDays(db: Executor): Promise<number | null> {
  const [row] = await db
    .select({ days: max(deadlineRules.workingDays) })
    .from(deadlineRules)
    .where(eq(deadlineRules.step, 'opinion.reminder_before'));
  return row?.days ?? null;
}

/** The guarded write of the overdue flag: only the stage and due date the sweep read, only once. */
export async function flagOverdue(tx: Executor, row: OpinionRow, now: Date): Promise<OpinionRow | undefined> {
  const [saved] = await tx
    .update(opinions)
    .set({ overdue: true, version: sql`${opinions.version} + 1`, updatedAt: now })
    .where(stillAt(row, eq(opinions.overdue, false)))
    .returning();
  return saved;
}

/** Locks the case if it is still in the stage and due date the sweep read; undefined when it moved on. */
export async function lockStage(tx: Executor, row: OpinionRow): Promise<OpinionRow | undefined> {
  const [locked] = await tx.select().from(opinions).where(stillAt(row)).for('update');
  return locked;
}

export async function markReminded(tx: Executor, id: string, now: Date): Promise<void> {
  await tx.update(opinions).set({ remindedAt: now }).where(eq(opinions.id, id));
}

const stillAt = (row: OpinionRow, extra?: SQL) =>
  and(
    eq(opinions.id, row.id),
    eq(opinions.state, row.state),
    row.dueAt ? eq(opinions.dueAt, row.dueAt) : isNull(opinions.dueAt),
    extra,
  );

/** Whether this stage's due date has had its notice of this kind (a case without one needs none). */
export async function hasNotice(tx: Executor, row: OpinionRow, kind: ReminderKind): Promise<boolean> {
  if (!row.dueAt) return true;
  const [found] = await tx
    .select({ opinionId: opinionReminders.opinionId })
    .from(opinionReminders)
    .where(
      and(
        eq(opinionReminders.opinionId, row.id),
        eq(opinionReminders.kind, kind),
        eq(opinionReminders.stage, row.state),
        eq(opinionReminders.dueAt, row.dueAt),
      ),
    );
  return !!found;
}

/**
 * Records a notice; false when this case, kind, stage and due date has one already. Two sweeps at
 * once: the second waits on the key until the first commits, then finds it.
 */
export async function recordNotice(
  tx: Executor,
  row: OpinionRow,
  kind: ReminderKind,
  sentAt: Date,
  outboxId: number,
): Promise<boolean> {
  if (!row.dueAt) return false;
  const inserted = await tx
    .insert(opinionReminders)
    .values({ opinionId: row.id, regionCode: row.regionCode, kind, stage: row.state, dueAt: row.dueAt, sentAt, outboxId })
    .onConflictDoNothing()
    .returning({ opinionId: opinionReminders.opinionId });
  return inserted.length > 0;
}

// --- retention -----------------------------------------------------------------------------------

/**
 * Closed cases whose constituent's details are still kept, closed before `cutoff` — a merged case
 * only once its primary has been closed that long too, since the primary's answer still goes to it.
 * Locked and skipped by a concurrent run.
 */
export function casesToAnonymize(tx: Executor, cutoff: Date, p: Omit<Page, 'afterId'>): Promise<OpinionRow[]> {
  return tx
    .select()
    .from(opinions)
    .where(
      and(
        isNull(opinions.anonymizedAt),
        inArray(opinions.state, [...CLOSED_STATES]),
        lt(opinions.closedAt, cutoff),
        sql`NOT EXISTS (SELECT 1 FROM opinions p WHERE p.id = ${opinions.mergedIntoId}
          AND (p.closed_at IS NULL OR p.closed_at >= ${cutoff.toISOString()}::timestamptz))`,
        inRegion(opinions.regionCode, p.regionCode),
      ),
    )
    .orderBy(asc(opinions.closedAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}

/** Drops the constituent's name, phone (and its blind index) and address, masked copies included. */
export async function anonymizeCase(tx: Executor, id: string, now: Date): Promise<OpinionRow | undefined> {
  const [row] = await tx
    .update(opinions)
    .set({
      submitterNameEnc: null,
      submitterNameMasked: null,
      submitterPhoneEnc: null,
      submitterPhoneHash: null,
      submitterPhoneMasked: null,
      submitterAddressEnc: null,
      anonymizedAt: now,
      version: sql`${opinions.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(opinions.id, id), isNull(opinions.anonymizedAt)))
    .returning();
  return row;
}

/**
 * The SMS deliveries to the constituents of these cases keep the number too: drop it, and the blind
 * index in the recipient key. A delivery still waiting is not sent any more.
 */
export async function scrubConstituentDeliveries(tx: Executor, opinionIds: readonly string[]): Promise<void> {
  if (opinionIds.length === 0) return;
  const waiting = sql`${notifications.status} IN ('queued', 'failed')`;
  await tx
    .update(notifications)
    .set({
      recipientPhoneEnc: null,
      recipientPhoneMasked: null,
      recipientKey: sql`'phone:anonymized:' || ${notifications.id}::text`,
      status: sql`CASE WHEN ${waiting} THEN 'skipped' ELSE ${notifications.status} END`,
      lastError: sql`CASE WHEN ${waiting} THEN 'The constituent''s details were anonymised' ELSE ${notifications.lastError} END`,
      nextAttemptAt: sql`CASE WHEN ${waiting} THEN NULL ELSE ${notifications.nextAttemptAt} END`,
    })
    .where(
      and(
        isNull(notifications.recipientUserId),
        like(notifications.recipientKey, 'phone:%'),
        inArray(
          notifications.outboxId,
          tx
            .select({ id: outbox.id })
            .from(outbox)
            .where(and(eq(outbox.aggregateType, 'opinion'), inArray(outbox.aggregateId, [...opinionIds]))),
        ),
      ),
    );
}

/** Deletes up to `limit` read in-app messages written before `cutoff`; returns how many. */
export async function deleteReadMessages(tx: Executor, cutoff: Date, p: Omit<Page, 'afterId'>): Promise<number> {
  const batch = tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.channel, 'in_app'),
        sql`${notifications.readAt} IS NOT NULL`,
        lt(notifications.createdAt, cutoff),
        inRegion(notifications.regionCode, p.regionCode),
      ),
    )
    .limit(p.limit);
  const deleted = await tx.delete(notifications).where(inArray(notifications.id, batch)).returning({ id: notifications.id });
  return deleted.length;
}
