import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { openCommitments } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';

/**
 * The office records that a closed class B or C suggestion has kept all its promises (承诺落实):
 * closed → fulfilled. The workflow refuses while a commitment of the last rated reply is open.
 */
export function fulfilSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { note: string | null },
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'fulfil',
    input: async (tx, row) => ({
      replyClass: row.replyClass,
      openCommitments: await openCommitments(tx, row.id, Math.max(1, row.evaluationRound)),
    }),
    prepare: ({ now }) => ({ set: { fulfilledAt: now }, note: body.note, data: { by: 'office' } }),
  });
}
