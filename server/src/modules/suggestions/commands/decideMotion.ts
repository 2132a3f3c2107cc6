import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { nextNumber, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';

/** The special committee lists a motion for the agenda of the standing committee or the congress. */
export function listMotion(deps: SuggestionDeps, ctx: RequestContext, id: string, body: BodyOf<'list'>): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'list',
    prepare: ({ now }) => ({
      set: { committeeDecision: 'listed', committeeReason: body.note, committeeDecidedAt: now },
      note: body.note,
      payload: { reason: body.note },
    }),
  });
}

/**
 * The committee converts a motion to a suggestion, with the reason: it becomes an accepted
 * suggestion with a suggestion number, keeps its co-signers and timeline, and remembers it was a motion.
 */
export function convertMotion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'convert'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'convert',
    input: () => ({ reason: body.reason }),
    prepare: async ({ tx, row, now }) => {
      const number = await nextNumber(tx, { termId: row.termId, sessionId: row.sessionId, kind: 'suggestion' });
      return {
        set: {
          kind: 'suggestion',
          number,
          committeeDecision: 'converted',
          committeeReason: body.reason,
          committeeDecidedAt: now,
          acceptedAt: now,
        },
        note: body.reason,
        data: { motionNumber: row.number, number },
        payload: { reason: body.reason },
      };
    },
  });
}

/** The committee does not list a motion, with the reason (sent to the deputy). */
export function notListMotion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'not_list'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'not_list',
    input: () => ({ reason: body.reason }),
    prepare: ({ now }) => ({
      set: { committeeDecision: 'not_listed', committeeReason: body.reason, committeeDecidedAt: now },
      note: body.reason,
      payload: { reason: body.reason },
    }),
  });
}
