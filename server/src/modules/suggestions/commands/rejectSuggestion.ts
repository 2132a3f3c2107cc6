import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { REJECT_REASON_LABELS } from '../suggestions.present.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';

/**
 * The office decides it is not a suggestion (a personal matter, no real content, out of jurisdiction,
 * a forwarded letter, promotion, or another reason written out); the reason goes to the deputy.
 */
export function rejectSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'reject'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'reject',
    input: () => ({ rejectReason: body.reason ?? null, reason: body.note }),
    prepare: () => {
      const reason = body.reason ?? 'other';
      const label = REJECT_REASON_LABELS[reason];
      return {
        set: { rejectReason: reason, rejectNote: body.note, reviewedBy: ctx.user?.id ?? null },
        note: body.note ? `${label.zh}：${body.note}` : label.zh,
        data: { reason },
        payload: { reason, reasonLabel: label, note: body.note },
      };
    },
  });
}
