import type { Executor, Tx } from '../../db/client.js';
import { chinaDate, endOfChinaDay, type WorkingCalendar } from '../../platform/calendar/calendar.js';
import { systemContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { afterCommitDispatch, emit } from '../../platform/outbox.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { expireEvaluation } from './commands/expireEvaluation.js';
import { DEFAULT_WORKING_DAYS, workingDaysFor } from './opinions.deadlines.js';
import { nowOf, type OpinionDeps } from './opinions.deps.js';
import { announce, basePayload } from './opinions.events.js';
import {
  expiredEvaluations,
  flagOverdue,
  hasNotice,
  lockStage,
  markReminded,
  overdueCandidates,
  type Page,
  recordNotice,
  reminderCandidates,
  widestReminderDays,
} from './opinions.jobs.repo.js';
import type { ReminderKind } from './opinions.reminders.tables.js';
import type { OpinionRow } from './opinions.repo.js';
import type { OpinionState } from './opinions.workflow.js';

/**
 * The deadline sweep of the opinion loop (DESIGN §4), run every few minutes as a durable job:
 *  - a case past its stage's deadline is flagged overdue at once (lists and the workbench count it);
 *  - on working days, from NOTICE_FROM_HOUR China time, whoever must act is reminded once when the
 *    deadline comes within the region's `opinion.reminder_before` working days, and told once after
 *    it has passed (the office and a supervising leader too) — nobody's phone buzzes at midnight or
 *    on a holiday;
 *  - a case whose evaluation window has run out is closed unevaluated (DESIGN §3.1).
 * Each case is handled in its own transaction that claims it with a guarded write, so a sweep run
 * twice, two sweeps at once, or a sweep cut short by a restart never sends a notice twice.
 */

/** What the person holding each stage has to do, as the notices name it. */
export const STAGE_DUTY: Partial<Record<OpinionState, string>> = { submitted: '受理', transferred: '签收', handling: '答复' };

export const NOTICE_FROM_HOUR = 8;
const BATCH = 200;

export interface DeadlineSweepResult {
  flagged: number;
  reminded: number;
  overdueNotices: number;
  expired: number;
  failed: number;
}

export interface SweepOptions {
  /** Only cases of this region subtree (a run for one district; a test keeps to its own region). */
  regionCode?: string;
  log?: (message: string) => void;
}

const chinaHour = (at: Date) => (at.getUTCHours() + 8) % 24;
const startOfChinaDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

export async function runOpinionDeadlinesOnce(deps: OpinionDeps, opts: SweepOptions = {}): Promise<DeadlineSweepResult> {
  const now = nowOf(deps);
  const calendar = await loadCalendar(deps.db);
  const today = chinaDate(now);
  const noticesOpen = calendar.isWorkingDay(today) && chinaHour(now) >= NOTICE_FROM_HOUR;
  const result: DeadlineSweepResult = { flagged: 0, reminded: 0, overdueNotices: 0, expired: 0, failed: 0 };
  const log = opts.log ?? ((m: string) => console.warn(m));
  const each = async <T extends { id: string } | string>(
    what: string,
    next: (p: Page) => Promise<T[]>,
    handle: (item: T) => Promise<void>,
  ) => {
    let afterId: string | undefined;
    for (;;) {
      const items = await next({ regionCode: opts.regionCode, afterId, limit: BATCH });
      for (const item of items) {
        const id = typeof item === 'string' ? item : item.id;
        try {
          await handle(item);
        } catch (err) {
          // One case that fails (and is tried again next run) must not hold up the others.
          result.failed++;
          log(`[opinion-deadlines] ${what} of opinion ${id} failed: ${(err as Error)?.message ?? err}`);
        }
        afterId = id;
      }
      if (items.length < BATCH) return;
    }
  };

  await each(
    'overdue',
    (p) => overdueCandidates(deps.db, now, noticesOpen, p),
    async (row) => {
      const done = await markOverdue(
        deps,
        row,
        now,
        noticesOpen ? calendar.workingDaysBetween(chinaDate(row.dueAt as Date), today) : null,
      );
      if (done.flagged) result.flagged++;
      if (done.told) result.overdueNotices++;
    },
  );

  if (noticesOpen) {
    const window = await reminderWindow(deps.db, calendar, today);
    const daysBefore = new Map<string, Promise<number>>();
    const reminderDays = (region: string) => {
      let days = daysBefore.get(region);
      if (!days) {
        days = workingDaysFor(deps.db, region, 'opinion.reminder_before');
        daysBefore.set(region, days);
      }
      return days;
    };
    await each(
      'reminder',
      (p) => reminderCandidates(deps.db, now, window, startOfChinaDay(today), p),
      async (row) => {
        const left = calendar.workingDaysBetween(today, chinaDate(row.dueAt as Date));
        if (left > (await reminderDays(row.regionCode))) return;
        if (await remind(deps, row, now, left)) result.reminded++;
      },
    );
  }

  await each(
    'evaluation expiry',
    (p) => expiredEvaluations(deps.db, now, p),
    async (id) => {
      try {
        await expireEvaluation(deps, id);
        result.expired++;
      } catch (err) {
        // Evaluated or expired by someone else meanwhile: nothing left to do.
        if (err instanceof AppError && err.statusCode === 409) return;
        throw err;
      }
    },
  );

  if (result.reminded + result.overdueNotices > 0) await afterCommitDispatch(deps.jobs);
  return result;
}

const ctx = () => systemContext('deadline-jobs');

/** Flags the stage overdue (once), and when notices may go out, tells of it (once). */
async function markOverdue(
  deps: OpinionDeps,
  row: OpinionRow,
  now: Date,
  lateDays: number | null,
): Promise<{ flagged: boolean; told: boolean }> {
  return deps.db.transaction(async (tx) => {
    // The guarded UPDATE holds the row: a second sweep waits here, then finds the flag set.
    const flagged = row.overdue ? undefined : await flagOverdue(tx, row, now);
    if (flagged) {
      const duty = STAGE_DUTY[row.state] ?? '办理';
      await announce(tx, ctx(), flagged, row, {
        action: 'overdue',
        note: `${duty}期限已过`,
        data: { stage: row.state, dueAt: row.dueAt?.toISOString() ?? null },
        as: 'system',
        at: now,
      });
    }
    if (lateDays === null) return { flagged: !!flagged, told: false };
    const current = flagged ?? (await lockStage(tx, row));
    const told = !!current && (await notify(tx, current, 'overdue', now, lateDays));
    return { flagged: !!flagged, told };
  });
}

async function remind(deps: OpinionDeps, row: OpinionRow, now: Date, daysLeft: number): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const current = await lockStage(tx, row);
    if (!current || !(await notify(tx, current, 'due_soon', now, daysLeft))) return false;
    await markReminded(tx, current.id, now);
    return true;
  });
}

class AlreadyNotified extends Error {}

/**
 * Writes the notice's outbox message and its marker, once per stage and due date. The caller holds
 * the case's row lock, so the check and the insert cannot interleave with another sweep's.
 */
async function notify(tx: Tx, row: OpinionRow, kind: ReminderKind, now: Date, days: number): Promise<boolean> {
  if (await hasNotice(tx, row, kind)) return false;
  const outboxId = await emit(tx, {
    topic: kind === 'due_soon' ? 'opinion.due_soon' : 'opinion.overdue',
    aggregateType: 'opinion',
    aggregateId: row.id,
    regionCode: row.regionCode,
    payload: { ...basePayload(row), action: kind, fromState: null, eventId: null, actorId: null, stage: row.state, days },
  });
  // Unreachable while the row lock is held; if it ever is reached, the message must not go out.
  if (!(await recordNotice(tx, row, kind, now, outboxId))) throw new AlreadyNotified(`${kind} of ${row.id} recorded twice`);
  return true;
}

/** The latest due date any region's reminder window reaches from today. */
async function reminderWindow(db: Executor, calendar: WorkingCalendar, today: string): Promise<Date> {
  const widest = (await widestReminderDays(db)) ?? DEFAULT_WORKING_DAYS['opinion.reminder_before'];
  return endOfChinaDay(calendar.addWorkingDays(today, Math.max(widest, DEFAULT_WORKING_DAYS['opinion.reminder_before'])));
}
