/**
 * The constituent-opinion loop (DESIGN §3.1) as data: (state, action, role) → next state, with guards.
 * Pure — no I/O — so every path is unit-tested and the commands only apply what this module decides
 * through a guarded UPDATE … WHERE state = expected.
 */
import type { Role } from '../../platform/auth/roles.js';
import type { Text } from '../../platform/i18n.js';

export const OPINION_STATES = [
  'submitted',
  'accepted',
  'in_review',
  'transferred',
  'handling',
  'replied',
  'awaiting_evaluation',
  'closed',
  'rejected',
  'merged',
  'converted',
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];

export const CLOSED_STATES: readonly OpinionState[] = ['closed', 'rejected', 'merged', 'converted'];
export const OPEN_STATES: readonly OpinionState[] = OPINION_STATES.filter((s) => !CLOSED_STATES.includes(s));

export const OPINION_ACTIONS = [
  'accept',
  'reject',
  'answer_on_spot',
  'resolve',
  'escalate',
  'transfer',
  'unit_accept',
  'unit_return',
  'reply',
  'feedback',
  'evaluate',
  'rehandle',
  'expire_evaluation',
  'merge',
  'convert',
] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

/** Who acts: an account's role, the constituent through the public portal, or the deadline jobs. */
export type Actor = Role | 'public' | 'system';

export type Evaluation = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** What the guards need to know about the case and the request. */
export interface TransitionInput {
  reason?: string | null;
  evaluation?: Evaluation;
  /** The acting deputy is the case's responsible deputy (or no deputy owns it yet). */
  actorIsResponsibleDeputy?: boolean;
  /** The acting unit account belongs to the case's lead unit. */
  actorIsLeadUnit?: boolean;
  /** The acting station staff works at the case's station. */
  actorAtStation?: boolean;
  /** A lead unit is named for transfer or re-handling. */
  hasLeadUnit?: boolean;
  /** The case was handled by a unit before (re-handling goes back to it). */
  previouslyTransferred?: boolean;
  replyText?: boolean;
  mergeTarget?: boolean;
}

interface Rule {
  from: readonly OpinionState[];
  to: OpinionState | ((input: TransitionInput) => OpinionState);
  actors: readonly Actor[];
  guard?: (input: TransitionInput, actor: Actor) => Text | null;
}

const needReason = (what: Text) => (i: TransitionInput) =>
  i.reason && i.reason.trim().length > 0 ? null : { zh: `请填写${what.zh}`, en: `Give the ${what.en}` };

const deputyOwns = (i: TransitionInput, actor: Actor): Text | null =>
  actor === 'deputy' && !i.actorIsResponsibleDeputy
    ? { zh: '只有该意见的第一责任人代表可以处理', en: 'Only the responsible deputy may act on this opinion' }
    : null;

const staffAtStation = (i: TransitionInput, actor: Actor): Text | null =>
  actor === 'station_staff' && !i.actorAtStation
    ? { zh: '只有本联络站的联络员可以处理', en: 'Only staff of this station may act on this opinion' }
    : null;

const leadUnitOnly = (i: TransitionInput, actor: Actor): Text | null =>
  actor === 'unit_staff' && !i.actorIsLeadUnit
    ? { zh: '只有主办单位可以进行此操作', en: 'Only the lead unit may do this' }
    : null;

const all =
  (...guards: ((i: TransitionInput, a: Actor) => Text | null)[]) =>
  (i: TransitionInput, a: Actor) => {
    for (const g of guards) {
      const refusal = g(i, a);
      if (refusal) return refusal;
    }
    return null;
  };

const FRONT_LINE: readonly Actor[] = ['deputy', 'station_staff', 'office_staff'];

export const RULES: Record<OpinionAction, Rule> = {
  accept: { from: ['submitted'], to: 'accepted', actors: FRONT_LINE, guard: all(deputyOwns, staffAtStation) },
  reject: {
    from: ['submitted'],
    to: 'rejected',
    actors: FRONT_LINE,
    guard: all(
      deputyOwns,
      staffAtStation,
      needReason({ zh: '不予受理的理由和指引', en: 'reason and guidance for not accepting' }),
    ),
  },
  answer_on_spot: {
    from: ['accepted'],
    to: 'replied',
    actors: ['deputy', 'station_staff'],
    guard: all(deputyOwns, staffAtStation, (i) => (i.replyText ? null : { zh: '请填写答复内容', en: 'Write the answer' })),
  },
  resolve: {
    from: ['accepted', 'in_review'],
    to: 'replied',
    actors: FRONT_LINE,
    guard: all(deputyOwns, staffAtStation, (i) => (i.replyText ? null : { zh: '请填写办理结果', en: 'Write the result' })),
  },
  escalate: { from: ['accepted'], to: 'in_review', actors: ['deputy', 'station_staff'], guard: all(deputyOwns, staffAtStation) },
  transfer: {
    from: ['in_review'],
    to: 'transferred',
    actors: ['office_staff'],
    guard: (i) => (i.hasLeadUnit ? null : { zh: '请选择主办单位', en: 'Choose the lead unit' }),
  },
  unit_accept: { from: ['transferred'], to: 'handling', actors: ['unit_staff'], guard: leadUnitOnly },
  unit_return: {
    from: ['transferred'],
    to: 'in_review',
    actors: ['unit_staff'],
    guard: all(leadUnitOnly, needReason({ zh: '退回理由', en: 'reason for returning' })),
  },
  reply: {
    from: ['handling'],
    to: 'replied',
    actors: ['unit_staff'],
    guard: all(leadUnitOnly, (i) => (i.replyText ? null : { zh: '请填写答复内容', en: 'Write the reply' })),
  },
  feedback: { from: ['replied'], to: 'awaiting_evaluation', actors: FRONT_LINE, guard: all(deputyOwns, staffAtStation) },
  evaluate: {
    from: ['awaiting_evaluation'],
    to: (i) => (i.evaluation === 'unsatisfied' ? 'in_review' : 'closed'),
    // Staff record an evaluation given by phone or in person on the constituent's behalf.
    actors: ['public', 'deputy', 'station_staff', 'office_staff'],
    guard: (i) =>
      i.evaluation ? null : { zh: '请选择满意、基本满意或不满意', en: 'Choose satisfied, basically satisfied or unsatisfied' },
  },
  rehandle: {
    from: ['in_review'],
    to: 'handling',
    actors: ['office_staff'],
    guard: (i) =>
      i.previouslyTransferred && i.hasLeadUnit
        ? null
        : { zh: '该意见未曾转办，请使用“转办”', en: 'This opinion was never transferred: transfer it instead' },
  },
  expire_evaluation: { from: ['awaiting_evaluation'], to: 'closed', actors: ['system'] },
  merge: {
    from: OPEN_STATES,
    to: 'merged',
    actors: ['office_staff'],
    guard: (i) => (i.mergeTarget ? null : { zh: '请选择要并入的主意见', en: 'Choose the opinion to merge into' }),
  },
  convert: { from: OPEN_STATES, to: 'converted', actors: ['deputy', 'office_staff'], guard: deputyOwns },
};

export const STATE_LABELS: Record<OpinionState, Text> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_review: { zh: '工委审核', en: 'In review' },
  transferred: { zh: '已转办', en: 'Transferred' },
  handling: { zh: '办理中', en: 'Handling' },
  replied: { zh: '已答复', en: 'Replied' },
  awaiting_evaluation: { zh: '待评价', en: 'Awaiting evaluation' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已并案', en: 'Merged' },
  converted: { zh: '已转为代表建议', en: 'Converted to a suggestion' },
};

export const ACTION_LABELS: Record<OpinionAction, Text> = {
  accept: { zh: '受理', en: 'accept' },
  reject: { zh: '不予受理', en: 'reject' },
  answer_on_spot: { zh: '当场答复', en: 'answer on the spot' },
  resolve: { zh: '直接办结答复', en: 'resolve' },
  escalate: { zh: '提交工委', en: 'escalate' },
  transfer: { zh: '转办', en: 'transfer' },
  unit_accept: { zh: '签收', en: 'accept (unit)' },
  unit_return: { zh: '退回', en: 'return' },
  reply: { zh: '答复', en: 'reply' },
  feedback: { zh: '反馈群众', en: 'feed back' },
  evaluate: { zh: '评价', en: 'evaluate' },
  rehandle: { zh: '重新办理', en: 're-handle' },
  expire_evaluation: { zh: '逾期未评价办结', en: 'close unevaluated' },
  merge: { zh: '并案', en: 'merge' },
  convert: { zh: '转为代表建议', en: 'convert to a suggestion' },
};

export type Decision = { ok: true; next: OpinionState } | { ok: false; status: 403 | 409 | 400; code: string; text: Text };

/** Decides one transition; the caller applies it with a guarded update on `state = from`. */
export function decide(state: OpinionState, action: OpinionAction, actor: Actor, input: TransitionInput = {}): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(state)) {
    const s = STATE_LABELS[state];
    const a = ACTION_LABELS[action];
    return {
      ok: false,
      status: 409,
      code: 'INVALID_TRANSITION',
      text: { zh: `意见当前状态为“${s.zh}”，不能${a.zh}`, en: `The opinion is ${s.en.toLowerCase()}: it cannot ${a.en} now` },
    };
  }
  if (!rule.actors.includes(actor)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', text: { zh: '您的角色不能进行此操作', en: 'Your role may not do this' } };
  }
  const refusal = rule.guard?.(input, actor);
  if (refusal) return { ok: false, status: 400, code: 'TRANSITION_GUARD', text: refusal };
  return { ok: true, next: typeof rule.to === 'function' ? rule.to(input) : rule.to };
}

/** The actions an actor may take from a state — what the case page offers as buttons. */
export function availableActions(state: OpinionState, actor: Actor): OpinionAction[] {
  return OPINION_ACTIONS.filter((a) => RULES[a].from.includes(state) && RULES[a].actors.includes(actor));
}

export const isClosed = (s: OpinionState) => CLOSED_STATES.includes(s);
