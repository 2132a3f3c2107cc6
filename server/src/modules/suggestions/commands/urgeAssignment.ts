import type { RequestContext } from '../../../platform/context.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import { findAssignment, insertUrging, type UrgingRow, urgeCounts } from '../suggestions.supervision.repo.js';

export const URGED_TOPIC = 'suggestion.urged';

/**
 * 催办: the office or a leader presses a unit on its assignment. Each notice is a row (the count is
 * theirs), a timeline event, and an outbox message that tells the unit's accounts in the app and by
 * SMS once the transaction has committed.
 */
export async function urgeAssignment(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { assignmentId: string; note: string | null },
): Promise<{ urging: UrgingRow; count: number }> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    const user = ctx.user;
    if (!user) throw forbidden();
    assertSupervises(user, row.regionCode);
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '催办', en: 'urge a unit' });
    const assignment = await findAssignment(tx, body.assignmentId);
    if (!assignment || assignment.suggestionId !== row.id) throw notFound('交办记录', 'Assignment');
    if (assignment.status !== 'pending' && assignment.status !== 'handling') {
      throw conflict('ASSIGNMENT_NOT_OPEN', {
        zh: '该单位的承办事项已答复或已退回，无需催办',
        en: "The unit's assignment is already answered or returned: there is nothing to urge",
      });
    }
    const urging = await insertUrging(tx, {
      suggestionId: row.id,
      regionCode: row.regionCode,
      assignmentId: assignment.id,
      unitId: assignment.unitId,
      note: body.note,
      urgedBy: user.id,
      urgedAt: now,
    });
    const count = (await urgeCounts(tx, [assignment.id])).get(assignment.id) ?? 1;
    await announce(tx, ctx, row, null, {
      action: 'urge',
      note: body.note,
      data: { urgingId: urging.id, assignmentId: assignment.id, unitId: assignment.unitId, count },
      topics: [URGED_TOPIC],
      payload: {
        urgingId: urging.id,
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        count,
        note: body.note,
        dueAt: assignment.dueAt.toISOString(),
      },
      at: now,
    });
    return { urging, count };
  });
}
