import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { replyChanges } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/** 当场答复: the deputy or the station answers at the reception itself. */
export function answerOnSpot(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'answer_on_spot'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'answer_on_spot',
    input: () => ({ replyText: !!body.text }),
    prepare: ({ row, now }) => ({
      set: replyChanges(row, body.result, body.text, now),
      note: body.text,
      data: { result: body.result },
      payload: { result: body.result },
    }),
  });
}
