import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { nextNumber, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';
import { assertCategory } from './draftSuggestion.js';

/**
 * The office accepts a suggestion (立案): it gets its registration number in the term, session and
 * kind, and may be classed. A recess suggestion keeps its assignment deadline from submission.
 */
export async function acceptSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'accept'>,
): Promise<SuggestionRow> {
  await assertCategory(deps, body.categoryId);
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'accept',
    prepare: async ({ tx, row, now }) => {
      const number = await nextNumber(tx, { termId: row.termId, sessionId: row.sessionId, kind: 'suggestion' });
      return {
        set: {
          number,
          acceptedAt: now,
          reviewedBy: ctx.user?.id ?? null,
          dueAt: row.dueAt,
          ...(body.categoryId ? { categoryId: body.categoryId } : {}),
        },
        note: body.note,
        data: { number, ...(body.categoryId ? { categoryId: body.categoryId } : {}) },
      };
    },
  });
}
