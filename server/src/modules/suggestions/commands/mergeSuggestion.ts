import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { lockPrimary, repointFollowers, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';
import { STATE_LABELS, type SuggestionState } from '../suggestions.workflow.js';

/** A primary may take in others until its replies are in. */
const PRIMARY_STATES: readonly SuggestionState[] = ['submitted', 'accepted', 'assigned'];

/**
 * The office merges a suggestion into another of the same congress for one handling (并案). The
 * merged suggestion follows the primary, and its lead deputy still gets the answer; suggestions
 * merged into this one follow the primary too.
 */
export function mergeSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'merge'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'merge',
    input: () => ({ mergeTarget: !!body.primaryId }),
    prepare: async ({ tx, row, now }) => {
      const primaryId = body.primaryId as string;
      if (primaryId === row.id) {
        throw badRequest('MERGE_SELF', { zh: '不能并入建议本身', en: 'A suggestion cannot be merged into itself' });
      }
      const primary = await lockPrimary(tx, primaryId);
      if (!primary || primary.congressId !== row.congressId || primary.kind !== 'suggestion') {
        throw badRequest('MERGE_TARGET_INVALID', {
          zh: '主建议不存在，或不是同一人大的代表建议',
          en: 'The primary does not exist or is not a suggestion of the same congress',
        });
      }
      if (!PRIMARY_STATES.includes(primary.state)) {
        const s = STATE_LABELS[primary.state];
        throw conflict('MERGE_TARGET_CLOSED', {
          zh: `主建议当前状态为“${s.zh}”，不能再并入其他建议`,
          en: `The primary is ${s.en.toLowerCase()}: nothing can be merged into it now`,
        });
      }
      return {
        set: { mergedIntoId: primary.id, dueAt: null },
        note: body.note,
        data: { primaryId: primary.id },
        payload: { primaryId: primary.id },
        after: async (t) => {
          await repointFollowers(t, row.id, primary.id, now);
          await announce(t, ctx, primary, null, {
            action: 'merge_in',
            note: body.note,
            data: { followerId: row.id },
            topics: [],
            at: now,
          });
        },
      };
    },
  });
}
