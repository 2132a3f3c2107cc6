/**
 * The deputy suggestion and motion loop (DESIGN §3.2) as data: (state, action, role) → next state,
 * with guards. Pure — no I/O — so every path is unit-tested; the commands apply what this module
 * decides through a guarded UPDATE … WHERE state = expected. The per-unit assignment machine lives
 * in suggestions.assignment.workflow.ts.
 */
import type { Role } from '../../platform/auth/roles.js';
import type { Text } from '../../platform/i18n.js';

export const SUGGESTION_STATES = [
  'draft',
  'cosigning',
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'withdrawn',
  'committee_review',
  'listed',
  'not_listed',
  'assigned',
  'awaiting_evaluation',
  'rehandling',
  'closed',
  'fulfilled',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** States after which nothing more happens to the suggestion itself ('closed' may still become 'fulfilled'). */
export const FINAL_STATES: readonly SuggestionState[] = ['rejected', 'merged', 'withdrawn', 'listed', 'not_listed', 'fulfilled'];

export const SUGGESTION_ACTIONS = [
  'submit',
  'recall',
  'withdraw',
  'accept',
  'return_for_revision',
  'reject',
  'merge',
  'refer',
  'list',
  'convert',
  'not_list',
  'assign',
  'all_replied',
  'evaluate',
  'expire_evaluation',
  'fulfil',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

export const KINDS = ['suggestion', 'motion'] as const;
export type Kind = (typeof KINDS)[number];

/** Why the office does not take a suggestion (DESIGN §3.2); 'other' needs a note. */
export const REJECT_REASONS = [
  'personal_matter',
  'no_content',
  'out_of_jurisdiction',
  'forwarded_letter',
  'promotion',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** Who acts: an account's role, or the deadline jobs and the handling bookkeeping. */
export type Actor = Role | 'system';

/** What the guards need to know about the suggestion and the request. */
export interface TransitionInput {
  kind?: Kind;
  /** The acting deputy holds the lead mandate. */
  actorIsLead?: boolean;
  /** Co-signers the lead deputy invited (any answer). */
  cosignerCount?: number;
  /** Co-signers who confirmed and still serve in the congress. */
  confirmedCount?: number;
  /** Co-signers still waiting to answer. */
  invitedCount?: number;
  /** Signatures a motion needs, the lead deputy's included (per congress). */
  minSigners?: number;
  /** The motion is raised by a delegation the lead deputy belongs to. */
  byDelegation?: boolean;
  /** Grounds and proposal are written. */
  contentComplete?: boolean;
  reason?: string | null;
  rejectReason?: RejectReason | null;
  mergeTarget?: boolean;
  committeeNamed?: boolean;
  /** The assignment names a unit that replies (lead, separate or joint). */
  hasReplyingUnit?: boolean;
  result?: Rating | null;
  attitude?: Rating | null;
  /** The evaluation round under way: 1, or 2 after re-handling (final). */
  evaluationRound?: number;
  replyClass?: 'A' | 'B' | 'C' | 'D' | null;
  openCommitments?: number;
  /** Set by decide(): the suggestion is a draft (submitting it may start co-signing). */
  fromDraft?: boolean;
}

/** A refusal: an HTTP status, a stable code, the reason in both languages, and facts for the client. */
export interface Refusal {
  status: 400 | 403 | 409;
  code: string;
  text: Text;
  details?: Record<string, unknown>;
}

type Guard = (input: TransitionInput, actor: Actor) => Refusal | null;

interface Rule {
  from: readonly SuggestionState[];
  to: SuggestionState | ((input: TransitionInput) => SuggestionState);
  actors: readonly Actor[];
  /** The kinds the action applies to; both when absent. */
  kinds?: readonly Kind[];
  guard?: Guard;
}

const guardRefusal = (code: string, zh: string, en: string, details?: Record<string, unknown>): Refusal => ({
  status: 400,
  code,
  text: { zh, en },
  ...(details ? { details } : {}),
});

const leadOnly: Guard = (i, actor) =>
  actor === 'deputy' && !i.actorIsLead
    ? { status: 403, code: 'FORBIDDEN', text: { zh: '只有领衔代表可以进行此操作', en: 'Only the lead deputy may do this' } }
    : null;

const needReason =
  (zh: string, en: string): Guard =>
  (i) =>
    i.reason && i.reason.trim().length > 0 ? null : guardRefusal('REASON_REQUIRED', `请填写${zh}`, `Give the ${en}`);

const all =
  (...guards: Guard[]): Guard =>
  (i, a) => {
    for (const g of guards) {
      const refusal = g(i, a);
      if (refusal) return refusal;
    }
    return null;
  };

const contentComplete: Guard = (i) =>
  i.contentComplete
    ? null
    : guardRefusal('CONTENT_INCOMPLETE', '请填写案据和方案后再提交', 'Write the grounds and the proposal before submitting');

/**
 * A motion needs a delegation or `minSigners` deputies signing, the lead deputy included. Sending it
 * for co-signing already needs enough invitations to reach the threshold; submitting needs enough
 * confirmations. The refusal names how many are missing.
 */
export function motionSignatures(i: TransitionInput, counting: 'invited' | 'confirmed'): Refusal | null {
  if (i.kind !== 'motion' || i.byDelegation) return null;
  const required = i.minSigners ?? 10;
  const have = 1 + (counting === 'confirmed' ? (i.confirmedCount ?? 0) : (i.confirmedCount ?? 0) + (i.invitedCount ?? 0));
  if (have >= required) return null;
  const missing = required - have;
  if (counting === 'invited') {
    return guardRefusal(
      'MOTION_INVITATIONS_SHORT',
      `议案须由代表团或 ${required} 名以上代表联名提出：领衔代表和已邀请的代表共 ${have} 名，还需邀请 ${missing} 名代表`,
      `A motion needs a delegation or at least ${required} deputies signing: the lead deputy and those invited make ${have}; invite ${missing} more`,
      { required, have, missing },
    );
  }
  return guardRefusal(
    'MOTION_SIGNATURES_SHORT',
    `议案须由代表团或 ${required} 名以上代表联名提出：目前 ${have} 名代表联名（含领衔代表），还差 ${missing} 名`,
    `A motion needs a delegation or at least ${required} deputies signing: ${have} have signed (the lead deputy included); ${missing} more needed`,
    { required, have, missing },
  );
}

/** Submitting a draft: a joint one goes out for co-signing, one without co-signers goes to the office. */
const submitGuard: Guard = (i, a) =>
  leadOnly(i, a) ??
  contentComplete(i, a) ??
  ((i.cosignerCount ?? 0) > 0 ? motionSignatures(i, 'invited') : motionSignatures(i, 'confirmed'));

const rating: Guard = (i) =>
  i.result && i.attitude
    ? null
    : guardRefusal(
        'EVALUATION_REQUIRED',
        '请分别评价办理结果和办理态度（满意、基本满意或不满意）',
        'Rate both the result and the attitude (satisfied, basically satisfied or unsatisfied)',
      );

const OFFICE: readonly Actor[] = ['office_staff'];
const DEPUTY: readonly Actor[] = ['deputy'];
const SYSTEM: readonly Actor[] = ['system'];

export const RULES: Record<SuggestionAction, Rule> = {
  submit: {
    from: ['draft', 'cosigning'],
    to: (i) => (i.fromDraft && (i.cosignerCount ?? 0) > 0 ? 'cosigning' : 'submitted'),
    actors: DEPUTY,
    guard: (i, a) =>
      i.fromDraft ? submitGuard(i, a) : (leadOnly(i, a) ?? contentComplete(i, a) ?? motionSignatures(i, 'confirmed')),
  },
  recall: { from: ['cosigning'], to: 'draft', actors: DEPUTY, guard: leadOnly },
  withdraw: { from: ['draft', 'cosigning', 'submitted'], to: 'withdrawn', actors: DEPUTY, guard: leadOnly },
  accept: { from: ['submitted'], to: 'accepted', actors: OFFICE, kinds: ['suggestion'] },
  return_for_revision: {
    from: ['submitted'],
    to: 'draft',
    actors: OFFICE,
    guard: needReason('退回修改的理由', 'reason for returning it for revision'),
  },
  reject: {
    from: ['submitted'],
    to: 'rejected',
    actors: OFFICE,
    kinds: ['suggestion'],
    guard: (i) => {
      if (!i.rejectReason)
        return guardRefusal('REASON_REQUIRED', '请选择不作为建议处理的理由', 'Choose why it is not treated as a suggestion');
      if (i.rejectReason === 'other' && !i.reason?.trim())
        return guardRefusal('REASON_REQUIRED', '选择“其他”时请写明理由', 'With "other", write the reason');
      return null;
    },
  },
  merge: {
    from: ['submitted', 'accepted'],
    to: 'merged',
    actors: OFFICE,
    kinds: ['suggestion'],
    guard: (i) =>
      i.mergeTarget ? null : guardRefusal('MERGE_TARGET_REQUIRED', '请选择要并入的主建议', 'Choose the suggestion to merge into'),
  },
  refer: {
    from: ['submitted'],
    to: 'committee_review',
    actors: OFFICE,
    kinds: ['motion'],
    guard: (i) =>
      i.committeeNamed ? null : guardRefusal('COMMITTEE_REQUIRED', '请选择审议议案的专门委员会', 'Choose the special committee'),
  },
  list: { from: ['committee_review'], to: 'listed', actors: OFFICE, kinds: ['motion'] },
  convert: {
    from: ['committee_review'],
    to: 'accepted',
    actors: OFFICE,
    kinds: ['motion'],
    guard: needReason('转为建议的理由', 'reason for converting it to a suggestion'),
  },
  not_list: {
    from: ['committee_review'],
    to: 'not_listed',
    actors: OFFICE,
    kinds: ['motion'],
    guard: needReason('不列入议程的理由', 'reason for not listing it'),
  },
  assign: {
    from: ['accepted'],
    to: 'assigned',
    actors: OFFICE,
    kinds: ['suggestion'],
    guard: (i) =>
      i.hasReplyingUnit
        ? null
        : guardRefusal('UNIT_REQUIRED', '请至少指定一个主办、分办或会办单位', 'Name at least one lead, separate or joint unit'),
  },
  all_replied: { from: ['assigned', 'rehandling'], to: 'awaiting_evaluation', actors: SYSTEM },
  evaluate: {
    from: ['awaiting_evaluation'],
    // Unsatisfied after the first round means re-handling; the second evaluation is final.
    to: (i) =>
      (i.result === 'unsatisfied' || i.attitude === 'unsatisfied') && (i.evaluationRound ?? 1) < 2 ? 'rehandling' : 'closed',
    actors: DEPUTY,
    guard: all(leadOnly, rating),
  },
  expire_evaluation: { from: ['awaiting_evaluation'], to: 'closed', actors: SYSTEM },
  fulfil: {
    from: ['closed'],
    to: 'fulfilled',
    // The office, or the system when a unit reports the last open commitment done.
    actors: ['office_staff', 'system'],
    guard: (i) => {
      if (i.replyClass !== 'B' && i.replyClass !== 'C')
        return guardRefusal('NOT_COMMITTED', '只有 B 类、C 类答复有待落实的承诺', 'Only class B and C replies carry commitments');
      if ((i.openCommitments ?? 0) > 0)
        return guardRefusal(
          'COMMITMENTS_OPEN',
          `还有 ${i.openCommitments} 项承诺尚未落实`,
          `${i.openCommitments} commitment(s) are still open`,
          { open: i.openCommitments },
        );
      return null;
    },
  },
};

export const STATE_LABELS: Record<SuggestionState, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  cosigning: { zh: '联名中', en: 'Co-signing' },
  submitted: { zh: '待审查', en: 'Submitted' },
  accepted: { zh: '已立案', en: 'Accepted' },
  rejected: { zh: '不作为建议处理', en: 'Rejected' },
  merged: { zh: '已并案', en: 'Merged' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  committee_review: { zh: '专门委员会审议中', en: 'In committee review' },
  listed: { zh: '已列入议程', en: 'Listed for the agenda' },
  not_listed: { zh: '不列入议程', en: 'Not listed' },
  assigned: { zh: '已交办', en: 'Assigned' },
  awaiting_evaluation: { zh: '待评价', en: 'Awaiting evaluation' },
  rehandling: { zh: '重新办理中', en: 'Re-handling' },
  closed: { zh: '已办结', en: 'Closed' },
  fulfilled: { zh: '承诺已落实', en: 'Commitments fulfilled' },
};

export const ACTION_LABELS: Record<SuggestionAction, Text> = {
  submit: { zh: '提交', en: 'submit' },
  recall: { zh: '撤回修改', en: 'recall for editing' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  accept: { zh: '立案', en: 'accept' },
  return_for_revision: { zh: '退回修改', en: 'return for revision' },
  reject: { zh: '不作为建议处理', en: 'reject' },
  merge: { zh: '并案', en: 'merge' },
  refer: { zh: '交专门委员会审议', en: 'refer to a special committee' },
  list: { zh: '列入议程', en: 'list for the agenda' },
  convert: { zh: '转为建议', en: 'convert to a suggestion' },
  not_list: { zh: '不列入议程', en: 'not list' },
  assign: { zh: '交办', en: 'assign' },
  all_replied: { zh: '答复齐全', en: 'complete the replies' },
  evaluate: { zh: '评价', en: 'evaluate' },
  expire_evaluation: { zh: '逾期未评价', en: 'close unevaluated' },
  fulfil: { zh: '承诺落实', en: 'mark fulfilled' },
};

const KIND_LABELS: Record<Kind, Text> = { suggestion: { zh: '建议', en: 'suggestion' }, motion: { zh: '议案', en: 'motion' } };
export const kindLabel = (k: Kind) => KIND_LABELS[k];

export type Decision = { ok: true; next: SuggestionState } | ({ ok: false } & Refusal);

/** Decides one transition; the caller applies it with a guarded update on `state = from`. */
export function decide(
  state: SuggestionState,
  action: SuggestionAction,
  actor: Actor,
  input: Omit<TransitionInput, 'fromDraft'> = {},
): Decision {
  const rule = RULES[action];
  const a = ACTION_LABELS[action];
  const kind = input.kind ?? 'suggestion';
  const noun = KIND_LABELS[kind];
  if (!rule.from.includes(state)) {
    const s = STATE_LABELS[state];
    return {
      ok: false,
      status: 409,
      code: 'INVALID_TRANSITION',
      text: {
        zh: `该${noun.zh}当前状态为“${s.zh}”，不能${a.zh}`,
        en: `The ${noun.en} is ${s.en.toLowerCase()}: it cannot ${a.en} now`,
      },
    };
  }
  if (rule.kinds && !rule.kinds.includes(kind)) {
    return {
      ok: false,
      status: 409,
      code: 'WRONG_KIND',
      text: { zh: `${noun.zh}不能${a.zh}`, en: `A ${noun.en} cannot be handled by "${a.en}"` },
    };
  }
  if (!rule.actors.includes(actor)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', text: { zh: '您的角色不能进行此操作', en: 'Your role may not do this' } };
  }
  const facts = { ...input, fromDraft: state === 'draft' };
  const refusal = rule.guard?.(facts, actor);
  if (refusal) return { ok: false, ...refusal };
  return { ok: true, next: typeof rule.to === 'function' ? rule.to(facts) : rule.to };
}

/** The actions an actor may take from a state on a suggestion of this kind — the buttons a page offers. */
export function availableActions(state: SuggestionState, actor: Actor, kind: Kind): SuggestionAction[] {
  return SUGGESTION_ACTIONS.filter((a) => {
    const r = RULES[a];
    return r.from.includes(state) && r.actors.includes(actor) && (!r.kinds || r.kinds.includes(kind));
  });
}

export const isFinal = (s: SuggestionState) => FINAL_STATES.includes(s);
