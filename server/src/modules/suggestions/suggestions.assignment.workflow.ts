/**
 * The per-unit part of DESIGN §3.2: each assignment of a suggestion to a unit moves on its own
 * (pending → handling → replied; a misassignment returned within its window; the office decides
 * returns). Pure, like suggestions.workflow.ts, and applied the same way with a guarded update on
 * the assignment's status. Extension limits and commitments are pure checks here too.
 */
import { addMonths, chinaDate, endOfChinaDay } from '../../platform/calendar/calendar.js';
import type { Text } from '../../platform/i18n.js';
import type { Actor, Refusal } from './suggestions.workflow.js';

export const ASSIGNMENT_ROLES = ['lead', 'co', 'separate', 'joint'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
/** The roles whose unit answers the deputy; a co unit sends its opinion to the lead unit instead. */
export const REPLYING_ROLES: readonly AssignmentRole[] = ['lead', 'separate', 'joint'];

export const ASSIGNMENT_STATUSES = ['pending', 'handling', 'replied', 'return_requested', 'returned', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = [
  'unit_accept',
  'request_return',
  'approve_return',
  'refuse_return',
  'reply',
  'send_opinion',
  'withdraw',
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export interface AssignmentInput {
  role?: AssignmentRole;
  /** The acting unit account belongs to the assigned unit. */
  actorIsUnit?: boolean;
  /** The return window (7 working days after assignment by default) has not passed. */
  withinReturnWindow?: boolean;
  reason?: string | null;
  /** The reply is approved by the unit's head (签发) and carries a class. */
  replyApproved?: boolean;
  opinionText?: boolean;
}

interface Rule {
  from: readonly AssignmentStatus[];
  to: AssignmentStatus;
  actors: readonly Actor[];
  roles?: readonly AssignmentRole[];
  guard?: (i: AssignmentInput, actor: Actor) => Refusal | null;
}

const refuse = (code: string, zh: string, en: string): Refusal => ({ status: 400, code, text: { zh, en } });

const unitOnly = (i: AssignmentInput, actor: Actor): Refusal | null =>
  actor === 'unit_staff' && !i.actorIsUnit
    ? { status: 403, code: 'FORBIDDEN', text: { zh: '只有被交办的单位可以办理', en: 'Only the assigned unit may do this' } }
    : null;

const reasonFor =
  (zh: string, en: string) =>
  (i: AssignmentInput): Refusal | null =>
    i.reason?.trim() ? null : refuse('REASON_REQUIRED', `请填写${zh}`, `Give the ${en}`);

export const ASSIGNMENT_RULES: Record<AssignmentAction, Rule> = {
  unit_accept: { from: ['pending'], to: 'handling', actors: ['unit_staff'], guard: unitOnly },
  request_return: {
    from: ['pending'],
    to: 'return_requested',
    actors: ['unit_staff'],
    guard: (i, a) =>
      unitOnly(i, a) ??
      (i.withinReturnWindow
        ? null
        : refuse('RETURN_WINDOW_PASSED', '已超过申请退回的期限', 'The time to ask for a return has passed')) ??
      reasonFor('申请退回的理由', 'reason for the return')(i),
  },
  approve_return: { from: ['return_requested'], to: 'returned', actors: ['office_staff'] },
  refuse_return: {
    from: ['return_requested'],
    to: 'pending',
    actors: ['office_staff'],
    guard: (i) => reasonFor('不同意退回的理由', 'reason for refusing the return')(i),
  },
  reply: {
    from: ['handling'],
    to: 'replied',
    actors: ['unit_staff'],
    roles: REPLYING_ROLES,
    guard: (i, a) =>
      unitOnly(i, a) ??
      (i.replyApproved
        ? null
        : refuse(
            'REPLY_NOT_APPROVED',
            '答复须经单位负责人签发并标明答复类别',
            'The reply must be approved by the head of the unit and classed',
          )),
  },
  send_opinion: {
    from: ['handling'],
    to: 'replied',
    actors: ['unit_staff'],
    roles: ['co'],
    guard: (i, a) =>
      unitOnly(i, a) ??
      (i.opinionText ? null : refuse('OPINION_REQUIRED', '请填写协办意见', 'Write the opinion for the lead unit')),
  },
  withdraw: { from: ['pending', 'handling'], to: 'withdrawn', actors: ['office_staff'] },
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, Text> = {
  pending: { zh: '待签收', en: 'Pending' },
  handling: { zh: '办理中', en: 'Handling' },
  replied: { zh: '已答复', en: 'Replied' },
  return_requested: { zh: '申请退回', en: 'Return requested' },
  returned: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤销交办', en: 'Withdrawn' },
};

export type AssignmentDecision = { ok: true; next: AssignmentStatus } | ({ ok: false } & Refusal);

export function decideAssignment(
  status: AssignmentStatus,
  action: AssignmentAction,
  actor: Actor,
  input: AssignmentInput = {},
): AssignmentDecision {
  const rule = ASSIGNMENT_RULES[action];
  if (!rule.from.includes(status)) {
    const s = ASSIGNMENT_STATUS_LABELS[status];
    return {
      ok: false,
      status: 409,
      code: 'INVALID_TRANSITION',
      text: {
        zh: `该交办当前为“${s.zh}”，不能进行此操作`,
        en: `The assignment is ${s.en.toLowerCase()}: this cannot be done now`,
      },
    };
  }
  if (rule.roles && input.role && !rule.roles.includes(input.role)) {
    return {
      ok: false,
      status: 409,
      code: 'WRONG_ROLE',
      text:
        input.role === 'co'
          ? {
              zh: '协办单位向主办单位提出协办意见，不直接答复代表',
              en: 'A co unit sends its opinion to the lead unit; it does not reply to the deputy',
            }
          : { zh: '只有协办单位提出协办意见', en: 'Only a co unit sends an opinion to the lead unit' },
    };
  }
  if (!rule.actors.includes(actor)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', text: { zh: '您的角色不能进行此操作', en: 'Your role may not do this' } };
  }
  const refusal = rule.guard?.(input, actor);
  if (refusal) return { ok: false, ...refusal };
  return { ok: true, next: rule.to };
}

/**
 * The latest due date an extension may reach: `maxMonths` after the assignment (6 by default,
 * DESIGN §4), the end of that day in China.
 */
export function latestExtendedDue(assignedAt: Date, maxMonths: number): Date {
  return endOfChinaDay(addMonths(chinaDate(assignedAt), maxMonths));
}

/** Refuses an extension past the limit, naming the latest date allowed; null when it fits. */
export function extensionRefusal(assignedAt: Date, currentDue: Date, requestedDue: Date, maxMonths: number): Refusal | null {
  if (requestedDue.getTime() <= currentDue.getTime()) {
    return refuse('EXTENSION_NOT_LATER', '延期后的期限须晚于现有期限', 'The new due date must be later than the current one');
  }
  const latest = latestExtendedDue(assignedAt, maxMonths);
  if (requestedDue.getTime() > latest.getTime()) {
    const day = chinaDate(latest);
    return {
      status: 400,
      code: 'EXTENSION_TOO_LONG',
      text: {
        zh: `办理期限自交办之日起累计不得超过 ${maxMonths} 个月（最晚 ${day}）`,
        en: `The handling time may not exceed ${maxMonths} months from the assignment in all (${day} at the latest)`,
      },
      details: { latest: day },
    };
  }
  return null;
}

/** The replies a suggestion waits for in a round: every assignment of a replying role that is not returned or withdrawn. */
export function allRepliesIn(assignments: readonly { role: AssignmentRole; status: AssignmentStatus }[]): boolean {
  const required = assignments.filter(
    (a) => REPLYING_ROLES.includes(a.role) && a.status !== 'returned' && a.status !== 'withdrawn',
  );
  return required.length > 0 && required.every((a) => a.status === 'replied');
}
