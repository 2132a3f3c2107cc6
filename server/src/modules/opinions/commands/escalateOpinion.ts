import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/** 提交工委: what the station cannot settle goes to the deputies' affairs office for transfer. */
export function escalateOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'escalate'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'escalate',
    prepare: () => ({ note: body.note }),
  });
}
