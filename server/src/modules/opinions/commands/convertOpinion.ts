import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 转为代表建议: a matter that needs a deputy's suggestion rather than a unit's answer. The case
 * closes as converted; converted_suggestion_id stays empty until the suggestions module creates the
 * suggestion and links it back.
 */
export function convertOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'convert'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'convert',
    prepare: ({ now }) => ({
      set: { closedAt: now, convertedSuggestionId: null },
      note: body.note,
      data: { convertedSuggestionId: null, link: 'pending: the suggestions module links the suggestion it creates' },
    }),
  });
}
