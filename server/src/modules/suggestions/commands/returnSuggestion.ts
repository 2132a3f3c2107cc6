import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { resetConfirmations, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';

/**
 * The office returns a suggestion to its lead deputy for revision, with the reason (sent to the
 * deputy). It becomes a draft again; a changed text needs the co-signers' signatures anew.
 */
export function returnSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'return_for_revision'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'return_for_revision',
    input: () => ({ reason: body.reason }),
    prepare: ({ row }) => ({
      set: { returnReason: body.reason, returnCount: row.returnCount + 1, reviewedBy: ctx.user?.id ?? null },
      note: body.reason,
      payload: { reason: body.reason },
      after: async (tx, saved) => {
        await resetConfirmations(tx, saved.id);
      },
    }),
  });
}
