import type { RequestContext } from '../../../platform/context.js';
import { dueAfter } from '../opinions.deadlines.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { updateRoundUnits } from '../opinions.repo.js';
import { currentRound } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/** 签收: the lead unit takes the case; its reply deadline (15 working days, 30 when complex) starts now. */
export function unitAcceptOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'unit_accept'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'unit_accept',
    prepare: async ({ tx, row, now, calendar }) => {
      const replyDueAt =
        row.replyDueAt ??
        (await dueAfter(tx, calendar, row.regionCode, row.complex ? 'opinion.reply_complex' : 'opinion.reply', now));
      const round = currentRound(row);
      return {
        set: { dueAt: replyDueAt, replyDueAt },
        note: body.note,
        data: { round, replyDueAt: replyDueAt.toISOString() },
        after: (t) => updateRoundUnits(t, row.id, round, { status: 'handling', dueAt: replyDueAt, at: now }, ['transferred']),
      };
    },
  });
}
