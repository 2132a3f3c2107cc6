import { type RequestContext, systemContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { applyTransition } from '../opinions.transition.js';

/**
 * 逾期未评价办结: the deadline job closes a case whose constituent gave no evaluation within the
 * window. It refuses while the window is open, so a job run early (or twice) changes nothing.
 */
export function expireEvaluation(deps: OpinionDeps, opinionId: string, ctx: RequestContext = systemContext('deadline-jobs')) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'expire_evaluation',
    as: 'system',
    prepare: ({ row, now }) => {
      if (row.dueAt && now.getTime() <= row.dueAt.getTime()) {
        throw conflict('EVALUATION_WINDOW_OPEN', {
          zh: '评价期限尚未届满，不能按未评价办结',
          en: 'The evaluation window is still open: the case cannot be closed unevaluated',
        });
      }
      return { set: { closedAt: now }, note: '逾期未评价，自动办结', data: { unevaluated: true } };
    },
  });
}
