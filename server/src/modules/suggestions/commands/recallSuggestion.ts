import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { resetConfirmations, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';

/**
 * The lead deputy takes a suggestion back from co-signing to edit it. The co-signers signed the old
 * text, so their answers are voided and they are asked again when it goes out anew.
 */
export function recallSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { note: string | null },
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'recall',
    prepare: () => ({
      note: body.note,
      after: async (tx, saved) => {
        await resetConfirmations(tx, saved.id);
      },
    }),
  });
}
