import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 不予受理: matters in litigation, arbitration or administrative review, or that belong to 信访
 * procedures, are not accepted; the constituent is told why and where to turn (DESIGN §3.1).
 */
export function rejectOpinion(deps: OpinionDeps, ctx: RequestContext, opinionId: string, body: Omit<BodyOf<'reject'>, 'action'>) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'reject',
    input: () => ({ reason: body.reason }),
    prepare: ({ now }) => ({
      set: { rejectReason: body.reason, rejectGuidance: body.guidance, closedAt: now },
      note: body.reason,
      data: body.guidance ? { guidance: body.guidance } : undefined,
      payload: { reason: body.reason, guidance: body.guidance },
    }),
  });
}
