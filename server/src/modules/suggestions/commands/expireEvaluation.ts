import { type RequestContext, systemContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { insertEvaluation } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';

/**
 * 逾期未评价: the deadline job records the lead deputy's silence for the round (a silent evaluation
 * row, so statistics count it apart from ratings) and closes the suggestion. It refuses while the
 * window is open, so a job run early or twice changes nothing.
 */
export function expireEvaluation(
  deps: SuggestionDeps,
  id: string,
  ctx: RequestContext = systemContext('deadline-jobs'),
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'expire_evaluation',
    prepare: async ({ tx, row, now }) => {
      if (!row.dueAt || now.getTime() <= row.dueAt.getTime()) {
        throw conflict('EVALUATION_WINDOW_OPEN', {
          zh: '评价期限尚未届满，不能按未评价办结',
          en: 'The evaluation window is still open: it cannot be closed unevaluated',
        });
      }
      const round = Math.max(1, row.evaluationRound);
      await insertEvaluation(tx, {
        suggestionId: row.id,
        regionCode: row.regionCode,
        round,
        assignmentId: null,
        deputyId: row.leadDeputyId,
        result: null,
        attitude: null,
        silent: true,
        comment: null,
        evaluatedAt: now,
        createdBy: null,
      });
      return { set: { closedAt: now }, note: '逾期未评价，自动办结', data: { round, unevaluated: true } };
    },
  });
}
