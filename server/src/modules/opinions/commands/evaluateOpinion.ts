import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import type { Anonymous } from '../opinions.events.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 满意度测评: the constituent rates the answer (through the portal, or by phone to the station,
 * which records it). Satisfied closes the case; unsatisfied sends it back to the office for a new
 * round of handling.
 */
export function evaluateOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'evaluate'>, 'action'>,
  opts: { as?: Anonymous } = {},
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'evaluate',
    as: opts.as,
    input: () => ({ evaluation: body.evaluation }),
    prepare: ({ row, now }) => {
      const unsatisfied = body.evaluation === 'unsatisfied';
      return {
        set: {
          evaluation: body.evaluation,
          evaluationComment: body.comment,
          evaluatedAt: now,
          ...(unsatisfied ? { rehandleCount: row.rehandleCount + 1 } : { closedAt: now }),
        },
        note: body.comment,
        data: { evaluation: body.evaluation, ...(unsatisfied ? { round: row.rehandleCount + 2 } : {}) },
        payload: { evaluation: body.evaluation },
      };
    },
  });
}
