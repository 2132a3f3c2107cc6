import { type Executor, resultRows, textToSql } from '../../db/client.js';
import { chinaDate, endOfChinaDay, type WorkingCalendar } from '../../platform/calendar/calendar.js';
import type { DeadlineStep } from './opinions.tables.js';
import type { OpinionState } from './opinions.workflow.js';

/**
 * Deadlines per stage (DESIGN §4), in working days on the Chinese calendar. The rule with the longest
 * region prefix of the case's region wins, so a city can shorten the national default for itself
 * and a district can differ again; region '' holds the national defaults.
 */

/** The defaults of DESIGN §4, used only if the national rows were deleted from deadline_rules. */
export const DEFAULT_WORKING_DAYS: Record<DeadlineStep, number> = {
  'opinion.accept': 2,
  'opinion.unit_accept': 3,
  'opinion.reply': 15,
  'opinion.reply_complex': 30,
  'opinion.evaluation': 15,
  'opinion.reminder_before': 2,
};

export async function workingDaysFor(db: Executor, regionCode: string, step: DeadlineStep): Promise<number> {
  return (await workingDaysForRegions(db, [regionCode], step)).get(regionCode) ?? DEFAULT_WORKING_DAYS[step];
}

/**
 * workingDaysFor of several regions in one statement: a batch of public submissions comes from
 * stations all over a province, and a query per region was most of the registrar's round trips.
 */
export async function workingDaysForRegions(
  db: Executor,
  regionCodes: readonly string[],
  step: DeadlineStep,
): Promise<Map<string, number>> {
  const codes = [...new Set(regionCodes)];
  const days = new Map<string, number>();
  if (codes.length === 0) return days;
  const rows = resultRows<{ code: string; days: number | null }>(
    await db.execute(
      textToSql(
        `SELECT r.code, (SELECT d.working_days FROM deadline_rules d
            WHERE d.step = $2 AND r.code LIKE d.region_code || '%'
            ORDER BY length(d.region_code) DESC LIMIT 1) AS days
          FROM unnest($1::text[]) AS r(code)`,
        [`{${codes.map((c) => `"${c}"`).join(',')}}`, step],
      ),
    ),
  );
  for (const r of rows) days.set(r.code, r.days ?? DEFAULT_WORKING_DAYS[step]);
  return days;
}

/** The end (China time) of the day on which `step`'s working days after `from` have passed. */
export async function dueAfter(
  db: Executor,
  calendar: WorkingCalendar,
  regionCode: string,
  step: DeadlineStep,
  from: Date,
): Promise<Date> {
  return calendar.dueAfterWorkingDays(from, await workingDaysFor(db, regionCode, step));
}

/** A due date pushed back by `days` working days, counted from the old due date's day. */
export function extendDue(calendar: WorkingCalendar, due: Date, days: number): Date {
  return endOfChinaDay(calendar.addWorkingDays(chinaDate(due), days));
}

/**
 * Whether the stage that a transition ends was overdue: it ended after its deadline. Null when the
 * stage had no deadline, and for the evaluation window, which binds the constituent, not the
 * people handling the case (its end is what closes a case unevaluated, not a lateness).
 */
export function stageOverdue(state: OpinionState, dueAt: Date | null, now: Date): boolean | null {
  if (!dueAt || state === 'awaiting_evaluation') return null;
  return now.getTime() > dueAt.getTime();
}
