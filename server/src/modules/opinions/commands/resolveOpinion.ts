import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { replyChanges } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/** 直接办结: the deputy, the station or the office settles the matter itself, without a unit. */
export function resolveOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'resolve'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'resolve',
    input: () => ({ replyText: !!body.text }),
    prepare: ({ row, now }) => ({
      set: replyChanges(row, body.result, body.text, now),
      note: body.text,
      data: { result: body.result },
      payload: { result: body.result },
    }),
  });
}
