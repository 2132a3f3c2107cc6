import type { RequestContext } from '../../../platform/context.js';
import { dueAfter } from '../opinions.deadlines.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { coUnitsOfRound, insertUnits, latestRound } from '../opinions.repo.js';
import { currentRound } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 重新办理: after an unsatisfied evaluation the office sends the case back to the unit that answered
 * it, with the same co units, as a new round with a new reply deadline.
 */
export function rehandleOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'rehandle'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'rehandle',
    input: (row) => ({ previouslyTransferred: !!row.leadUnitId, hasLeadUnit: !!row.leadUnitId }),
    prepare: async ({ tx, row, now, calendar }) => {
      const leadUnitId = row.leadUnitId as string;
      const complex = body.complex ?? row.complex;
      const replyDueAt = await dueAfter(tx, calendar, row.regionCode, complex ? 'opinion.reply_complex' : 'opinion.reply', now);
      const coUnitIds = (await coUnitsOfRound(tx, row.id, await latestRound(tx, row.id))).filter((id) => id !== leadUnitId);
      const round = currentRound(row);
      return {
        set: { complex, dueAt: replyDueAt, replyDueAt },
        note: body.note,
        data: { leadUnitId, coUnitIds, round, replyDueAt: replyDueAt.toISOString() },
        payload: { unitIds: [leadUnitId, ...coUnitIds], round },
        after: (t) =>
          insertUnits(t, [
            {
              opinionId: row.id,
              regionCode: row.regionCode,
              unitId: leadUnitId,
              role: 'lead',
              round,
              status: 'handling',
              dueAt: replyDueAt,
              note: body.note,
              at: now,
            },
            ...coUnitIds.map((unitId) => ({
              opinionId: row.id,
              regionCode: row.regionCode,
              unitId,
              role: 'co' as const,
              round,
              status: 'handling' as const,
              dueAt: replyDueAt,
              at: now,
            })),
          ]),
      };
    },
  });
}
