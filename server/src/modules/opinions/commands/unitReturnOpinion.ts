import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { updateRoundUnits } from '../opinions.repo.js';
import { currentRound } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 退回: the unit says the case is not its matter; it goes back to the office, and the unit stops
 * being its lead unit (a re-handling round could otherwise send it back there).
 */
export function unitReturnOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'unit_return'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'unit_return',
    input: () => ({ reason: body.reason }),
    prepare: ({ row, now }) => {
      const round = currentRound(row);
      return {
        set: { leadUnitId: null, replyDueAt: null },
        note: body.reason,
        data: { unitId: row.leadUnitId, round },
        payload: { unitId: row.leadUnitId, reason: body.reason },
        after: (t) => updateRoundUnits(t, row.id, round, { status: 'returned', note: body.reason, at: now }, ['transferred']),
      };
    },
  });
}
