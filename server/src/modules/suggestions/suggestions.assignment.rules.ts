/**
 * The pure rules of assignment (交办, DESIGN §3.2 and §4): the deadlines an assignment gets from its
 * congress's settings, and the checks on the units named. The commands read the rows and ask these.
 */
import { addMonths, chinaDate, endOfChinaDay, type WorkingCalendar } from '../../platform/calendar/calendar.js';
import type { Text } from '../../platform/i18n.js';
import type { CongressRow } from './congresses.repo.js';
import { type AssignmentRole, REPLYING_ROLES } from './suggestions.assignment.workflow.js';
import type { Refusal } from './suggestions.workflow.js';

export type DeadlineRules = Pick<CongressRow, 'returnWorkingDays' | 'coOpinionMonths' | 'replyMonths' | 'extensionMaxMonths'>;

export interface AssignmentDeadlines {
  /** Until then the unit may ask to return a misassignment (7 working days by default). */
  returnDueAt: Date;
  /** The reply (3 months), or for a co unit its opinion to the lead unit (1 month): the end of that day in China. */
  dueAt: Date;
}

/** Calendar months after the China day of `at`, ending at the end of that day. */
export const monthsAfter = (at: Date, months: number): Date => endOfChinaDay(addMonths(chinaDate(at), months));

export function assignmentDeadlines(
  calendar: WorkingCalendar,
  rules: DeadlineRules,
  assignedAt: Date,
  role: AssignmentRole,
): AssignmentDeadlines {
  return {
    returnDueAt: calendar.dueAfterWorkingDays(assignedAt, rules.returnWorkingDays),
    dueAt: monthsAfter(assignedAt, role === 'co' ? rules.coOpinionMonths : rules.replyMonths),
  };
}

export const ROLE_LABELS: Record<AssignmentRole, Text> = {
  lead: { zh: '主办', en: 'Lead' },
  co: { zh: '协办', en: 'Co' },
  separate: { zh: '分办', en: 'Separate' },
  joint: { zh: '会办', en: 'Joint' },
};

export interface PlannedUnit {
  unitId: string;
  role: AssignmentRole;
}

const refusal = (code: string, zh: string, en: string, details?: Record<string, unknown>): Refusal => ({
  status: 400,
  code,
  text: { zh, en },
  ...(details ? { details } : {}),
});

/**
 * The shape of the units named for one suggestion: each unit once, at most one lead unit, and a
 * lead unit beside co units (a co unit sends its opinion to the lead unit). Whether one of them
 * replies is the workflow's guard on `assign`.
 */
export function planRefusal(units: readonly PlannedUnit[]): Refusal | null {
  const ids = units.map((u) => u.unitId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) {
    return refusal('UNIT_TWICE', '同一承办单位只能指定一次', 'A unit may be named only once', { unitId: twice });
  }
  const leads = units.filter((u) => u.role === 'lead').length;
  if (leads > 1) {
    return refusal('TWO_LEADS', '只能指定一个主办单位', 'Name at most one lead unit', { leads });
  }
  if (leads === 0 && units.some((u) => u.role === 'co')) {
    return refusal(
      'CO_WITHOUT_LEAD',
      '指定协办单位时须同时指定主办单位',
      'A co unit sends its opinion to a lead unit: name the lead unit too',
    );
  }
  return null;
}

export const hasReplyingUnit = (units: readonly PlannedUnit[]) => units.some((u) => REPLYING_ROLES.includes(u.role));

/** Whether the unit asks within the return window. */
export const withinWindow = (returnDueAt: Date | null, now: Date) => !!returnDueAt && now.getTime() <= returnDueAt.getTime();
