import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';

/** The lead deputy withdraws a suggestion before the office has taken it up. */
export function withdrawSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { note: string | null },
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, { suggestionId: id, action: 'withdraw', prepare: () => ({ note: body.note }) });
}
