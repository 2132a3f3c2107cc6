import { describe, expect, it } from 'vitest';
import { ROLES } from '../../platform/auth/roles.js';
import {
  type Actor,
  availableActions,
  decide,
  KINDS,
  type Kind,
  RULES,
  SUGGESTION_ACTIONS,
  SUGGESTION_STATES,
  type SuggestionAction,
  type SuggestionState,
  type TransitionInput,
} from './suggestions.workflow.js';

const ACTORS: readonly Actor[] = [...ROLES, 'system'];

/** For each action, facts that satisfy its guards (the lead deputy acting, reasons given…). */
const GOOD: Record<SuggestionAction, Omit<TransitionInput, 'kind'>> = {
  submit: { actorIsLead: true, contentComplete: true, cosignerCount: 0, byDelegation: true },
  recall: { actorIsLead: true },
  withdraw: { actorIsLead: true },
  accept: {},
  return_for_revision: { reason: '请补充调研数据' },
  reject: { rejectReason: 'personal_matter' },
  merge: { mergeTarget: true },
  refer: { committeeNamed: true },
  list: {},
  convert: { reason: '内容更适合作为建议办理' },
  not_list: { reason: '不属于本级人大职权' },
  assign: { hasReplyingUnit: true },
  all_replied: {},
  evaluate: { actorIsLead: true, result: 'satisfied', attitude: 'satisfied', evaluationRound: 1 },
  expire_evaluation: {},
  fulfil: { replyClass: 'B', openCommitments: 0 },
};

type Allowed = [SuggestionState, SuggestionAction, Actor, readonly Kind[], SuggestionState];
const BOTH = KINDS;
/**
 * The machine of DESIGN §3.2, written out independently of RULES: every (state, action, actor, kind)
 * that may happen with good facts, and where it leads. Everything else must be refused.
 */
const ALLOWED: Allowed[] = [
  ['draft', 'submit', 'deputy', BOTH, 'submitted'],
  ['draft', 'withdraw', 'deputy', BOTH, 'withdrawn'],
  ['cosigning', 'submit', 'deputy', BOTH, 'submitted'],
  ['cosigning', 'recall', 'deputy', BOTH, 'draft'],
  ['cosigning', 'withdraw', 'deputy', BOTH, 'withdrawn'],
  ['submitted', 'withdraw', 'deputy', BOTH, 'withdrawn'],
  ['submitted', 'accept', 'office_staff', ['suggestion'], 'accepted'],
  ['submitted', 'return_for_revision', 'office_staff', BOTH, 'draft'],
  ['submitted', 'reject', 'office_staff', ['suggestion'], 'rejected'],
  ['submitted', 'merge', 'office_staff', ['suggestion'], 'merged'],
  ['submitted', 'refer', 'office_staff', ['motion'], 'committee_review'],
  ['accepted', 'merge', 'office_staff', ['suggestion'], 'merged'],
  ['accepted', 'assign', 'office_staff', ['suggestion'], 'assigned'],
  ['committee_review', 'list', 'office_staff', ['motion'], 'listed'],
  ['committee_review', 'convert', 'office_staff', ['motion'], 'accepted'],
  ['committee_review', 'not_list', 'office_staff', ['motion'], 'not_listed'],
  ['assigned', 'all_replied', 'system', BOTH, 'awaiting_evaluation'],
  ['rehandling', 'all_replied', 'system', BOTH, 'awaiting_evaluation'],
  ['awaiting_evaluation', 'evaluate', 'deputy', BOTH, 'closed'],
  ['awaiting_evaluation', 'expire_evaluation', 'system', BOTH, 'closed'],
  ['closed', 'fulfil', 'office_staff', BOTH, 'fulfilled'],
  ['closed', 'fulfil', 'system', BOTH, 'fulfilled'],
];

const allowedNext = (s: SuggestionState, a: SuggestionAction, actor: Actor, kind: Kind) =>
  ALLOWED.find(([s2, a2, actor2, kinds]) => s2 === s && a2 === a && actor2 === actor && kinds.includes(kind))?.[4];

describe('suggestion workflow', () => {
  it('allows exactly the transitions of DESIGN §3.2 and refuses every other state × action × actor × kind', () => {
    let allowed = 0;
    let refused = 0;
    for (const state of SUGGESTION_STATES) {
      for (const action of SUGGESTION_ACTIONS) {
        for (const actor of ACTORS) {
          for (const kind of KINDS) {
            const d = decide(state, action, actor, { kind, ...GOOD[action] });
            const next = allowedNext(state, action, actor, kind);
            const where = `${state} --${action}/${actor}/${kind}-->`;
            if (next) {
              expect(d, where).toEqual({ ok: true, next });
              allowed++;
            } else {
              expect(d.ok, where).toBe(false);
              if (!d.ok) {
                // A wrong state or kind is a conflict with the suggestion as it is; a wrong role a 403.
                const rule = RULES[action];
                const stateOrKindWrong = !rule.from.includes(state) || (rule.kinds !== undefined && !rule.kinds.includes(kind));
                expect(d.status, where).toBe(stateOrKindWrong ? 409 : 403);
                expect(d.text.zh.length, where).toBeGreaterThan(0);
                expect(d.text.en.length, where).toBeGreaterThan(0);
              }
              refused++;
            }
          }
        }
      }
    }
    expect(allowed).toBe(ALLOWED.reduce((n, [, , , kinds]) => n + kinds.length, 0));
    expect(refused).toBeGreaterThan(3000);
  });

  it('offers as buttons exactly the allowed actions', () => {
    for (const state of SUGGESTION_STATES) {
      for (const actor of ACTORS) {
        for (const kind of KINDS) {
          const expected = SUGGESTION_ACTIONS.filter((a) => allowedNext(state, a, actor, kind));
          expect(availableActions(state, actor, kind), `${state}/${actor}/${kind}`).toEqual(expected);
        }
      }
    }
  });

  it('sends a joint draft out for co-signing and submits one without co-signers directly', () => {
    const joint = { actorIsLead: true, contentComplete: true, cosignerCount: 3, invitedCount: 3 };
    expect(decide('draft', 'submit', 'deputy', joint)).toEqual({ ok: true, next: 'cosigning' });
    expect(decide('draft', 'submit', 'deputy', { ...joint, cosignerCount: 0, invitedCount: 0 })).toEqual({
      ok: true,
      next: 'submitted',
    });
    expect(decide('cosigning', 'submit', 'deputy', { ...joint, invitedCount: 1, confirmedCount: 2 })).toEqual({
      ok: true,
      next: 'submitted',
    });
  });

  it('counts a motion’s signatures, the lead deputy included, and names how many are missing', () => {
    const base = { kind: 'motion' as const, actorIsLead: true, contentComplete: true, minSigners: 10 };
    const alone = decide('draft', 'submit', 'deputy', { ...base, cosignerCount: 0 });
    expect(alone).toMatchObject({
      ok: false,
      status: 400,
      code: 'MOTION_SIGNATURES_SHORT',
      details: { required: 10, have: 1, missing: 9 },
    });
    const fewInvited = decide('draft', 'submit', 'deputy', { ...base, cosignerCount: 5, invitedCount: 5 });
    expect(fewInvited).toMatchObject({ ok: false, code: 'MOTION_INVITATIONS_SHORT', details: { have: 6, missing: 4 } });
    expect(decide('draft', 'submit', 'deputy', { ...base, cosignerCount: 9, invitedCount: 9 })).toEqual({
      ok: true,
      next: 'cosigning',
    });
    const oneShort = decide('cosigning', 'submit', 'deputy', { ...base, cosignerCount: 12, invitedCount: 4, confirmedCount: 8 });
    expect(oneShort).toMatchObject({
      ok: false,
      code: 'MOTION_SIGNATURES_SHORT',
      details: { required: 10, have: 9, missing: 1 },
    });
    if (!oneShort.ok) {
      expect(oneShort.text.zh).toContain('还差 1 名');
      expect(oneShort.text.en).toContain('1 more needed');
    }
    expect(decide('cosigning', 'submit', 'deputy', { ...base, cosignerCount: 9, confirmedCount: 9 })).toEqual({
      ok: true,
      next: 'submitted',
    });
    // A township congress needs five; a delegation needs nobody.
    expect(decide('cosigning', 'submit', 'deputy', { ...base, minSigners: 5, cosignerCount: 4, confirmedCount: 4 }).ok).toBe(
      true,
    );
    expect(decide('draft', 'submit', 'deputy', { ...base, byDelegation: true, cosignerCount: 0 })).toEqual({
      ok: true,
      next: 'submitted',
    });
    // A suggestion has no threshold.
    expect(decide('draft', 'submit', 'deputy', { ...base, kind: 'suggestion', cosignerCount: 0 }).ok).toBe(true);
  });

  it('lets only the lead deputy act, and only on a complete text', () => {
    expect(decide('draft', 'submit', 'deputy', { contentComplete: true, actorIsLead: false })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(decide('cosigning', 'recall', 'deputy', { actorIsLead: false })).toMatchObject({ ok: false, status: 403 });
    expect(decide('draft', 'submit', 'deputy', { actorIsLead: true, contentComplete: false })).toMatchObject({
      ok: false,
      code: 'CONTENT_INCOMPLETE',
    });
    expect(decide('awaiting_evaluation', 'evaluate', 'deputy', { ...GOOD.evaluate, actorIsLead: false })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('requires the review’s reasons, targets, committee and units', () => {
    expect(decide('submitted', 'return_for_revision', 'office_staff', { reason: '  ' })).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(decide('submitted', 'reject', 'office_staff', {})).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(decide('submitted', 'reject', 'office_staff', { rejectReason: 'other' })).toMatchObject({ ok: false });
    expect(decide('submitted', 'reject', 'office_staff', { rejectReason: 'other', reason: '重复提出' })).toEqual({
      ok: true,
      next: 'rejected',
    });
    expect(decide('submitted', 'merge', 'office_staff', {})).toMatchObject({ code: 'MERGE_TARGET_REQUIRED' });
    expect(decide('submitted', 'refer', 'office_staff', { kind: 'motion' })).toMatchObject({ code: 'COMMITTEE_REQUIRED' });
    expect(decide('committee_review', 'convert', 'office_staff', { kind: 'motion' })).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(decide('committee_review', 'not_list', 'office_staff', { kind: 'motion' })).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(decide('committee_review', 'list', 'office_staff', { kind: 'motion' })).toEqual({ ok: true, next: 'listed' });
    expect(decide('accepted', 'assign', 'office_staff', { hasReplyingUnit: false })).toMatchObject({ code: 'UNIT_REQUIRED' });
  });

  it('refuses a suggestion’s review on a motion and a committee’s on a suggestion, as conflicts', () => {
    const accept = decide('submitted', 'accept', 'office_staff', { kind: 'motion' });
    expect(accept).toMatchObject({ ok: false, status: 409, code: 'WRONG_KIND' });
    if (!accept.ok) expect(accept.text.zh).toBe('议案不能立案');
    expect(decide('committee_review', 'list', 'office_staff', { kind: 'suggestion' })).toMatchObject({ code: 'WRONG_KIND' });
    const late = decide('accepted', 'withdraw', 'deputy', { actorIsLead: true });
    expect(late).toMatchObject({ ok: false, status: 409, code: 'INVALID_TRANSITION' });
    if (!late.ok) {
      expect(late.text.zh).toBe('该建议当前状态为“已立案”，不能撤回');
      expect(late.text.en).toBe('The suggestion is accepted: it cannot withdraw now');
    }
  });

  it('re-handles after a first unsatisfied rating and closes after the second, whatever it says', () => {
    const rate = (result: 'satisfied' | 'unsatisfied', attitude: 'satisfied' | 'unsatisfied', evaluationRound: number) =>
      decide('awaiting_evaluation', 'evaluate', 'deputy', { actorIsLead: true, result, attitude, evaluationRound });
    expect(rate('unsatisfied', 'satisfied', 1)).toEqual({ ok: true, next: 'rehandling' });
    expect(rate('satisfied', 'unsatisfied', 1)).toEqual({ ok: true, next: 'rehandling' });
    expect(rate('unsatisfied', 'unsatisfied', 2)).toEqual({ ok: true, next: 'closed' });
    expect(rate('satisfied', 'satisfied', 2)).toEqual({ ok: true, next: 'closed' });
    expect(decide('awaiting_evaluation', 'evaluate', 'deputy', { actorIsLead: true, result: 'satisfied' })).toMatchObject({
      code: 'EVALUATION_REQUIRED',
    });
  });

  it('marks commitments fulfilled only for class B or C replies with none open', () => {
    expect(decide('closed', 'fulfil', 'office_staff', { replyClass: 'A' })).toMatchObject({ code: 'NOT_COMMITTED' });
    expect(decide('closed', 'fulfil', 'office_staff', { replyClass: 'C', openCommitments: 2 })).toMatchObject({
      code: 'COMMITMENTS_OPEN',
      details: { open: 2 },
    });
    expect(decide('closed', 'fulfil', 'office_staff', { replyClass: 'C', openCommitments: 0 })).toEqual({
      ok: true,
      next: 'fulfilled',
    });
  });

  it('never lets administrators, station staff or leaders move a suggestion', () => {
    for (const state of SUGGESTION_STATES) {
      for (const actor of ['sysadmin', 'secadmin', 'auditor', 'station_staff', 'leader', 'unit_staff'] as const) {
        for (const kind of KINDS) expect(availableActions(state, actor, kind)).toEqual([]);
      }
    }
  });
});
