import type { Executor } from '../../../db/client.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { findCongress } from '../congresses.repo.js';
import { type AssignmentInsert, findUnits, insertAssignments } from '../suggestions.assignment.repo.js';
import {
  assignmentDeadlines,
  hasReplyingUnit,
  type PlannedUnit,
  planRefusal,
  ROLE_LABELS,
} from '../suggestions.assignment.rules.js';
import { REPLYING_ROLES } from '../suggestions.assignment.workflow.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';

export interface AssignOptions {
  units: PlannedUnit[];
  batchLabel?: string | null;
  note?: string | null;
}

/**
 * Handling units only (not congress bodies), active, and of the suggestion's region line: a unit of
 * the congress's region or above it (a city bureau may handle a county's suggestion), or below it.
 * Each refusal names the unit.
 */
export async function checkUnits(db: Executor, regionCode: string, ids: string[]) {
  const found = new Map((await findUnits(db, ids)).map((o) => [o.id, o]));
  for (const id of ids) {
    const unit = found.get(id);
    if (!unit)
      throw badRequest('UNIT_NOT_FOUND', { zh: '所选承办单位不存在', en: 'A chosen unit does not exist' }, { unitId: id });
    if (unit.category !== 'unit') {
      throw badRequest(
        'NOT_A_UNIT',
        { zh: `“${unit.name}”不是承办单位`, en: `${unit.name} is not a handling unit` },
        { unitId: id },
      );
    }
    if (unit.status !== 'active') {
      throw badRequest(
        'UNIT_INACTIVE',
        { zh: `承办单位“${unit.name}”已停用`, en: `The unit ${unit.name} is inactive` },
        { unitId: id },
      );
    }
    if (!regionCode.startsWith(unit.regionCode) && !unit.regionCode.startsWith(regionCode)) {
      throw badRequest(
        'UNIT_OUT_OF_REGION',
        { zh: `承办单位“${unit.name}”不在本建议所属区域`, en: `The unit ${unit.name} is outside the suggestion's region` },
        { unitId: id },
      );
    }
  }
  return found;
}

/**
 * The office assigns an accepted suggestion (交办) to one or more units with their roles. Each
 * assignment gets its deadlines from the congress's rules (DESIGN §4): the return window in working
 * days, the reply (or a co unit's opinion) in months. The suggestion's own deadline becomes the
 * reply's; the deadline it had to be assigned by (a recess suggestion's 5 working days) ends here,
 * and whether it was kept is frozen on the timeline.
 */
export async function assignSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: AssignOptions,
): Promise<SuggestionRow> {
  const calendar = await loadCalendar(deps.db);
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'assign',
    input: () => ({ hasReplyingUnit: hasReplyingUnit(body.units) }),
    prepare: async ({ tx, row, now }) => {
      const plan = planRefusal(body.units);
      if (plan) throw new AppError(plan.status, plan.code, plan.text, plan.details);
      const units = await checkUnits(
        tx,
        row.regionCode,
        body.units.map((u) => u.unitId),
      );
      const congress = await findCongress(tx, row.congressId);
      if (!congress) throw new Error(`congress ${row.congressId} of suggestion ${row.id} not found`);
      const values: AssignmentInsert[] = body.units.map((u) => {
        const due = assignmentDeadlines(calendar, congress, now, u.role);
        return {
          suggestionId: row.id,
          regionCode: row.regionCode,
          unitId: u.unitId,
          role: u.role,
          round: 1,
          status: 'pending',
          batchLabel: body.batchLabel ?? null,
          assignedBy: ctx.user?.id ?? null,
          assignedAt: now,
          returnDueAt: due.returnDueAt,
          dueAt: due.dueAt,
          originalDueAt: due.dueAt,
        };
      });
      const replyDue = values
        .filter((v) => REPLYING_ROLES.includes(v.role))
        .reduce((m, v) => (v.dueAt.getTime() > m.getTime() ? v.dueAt : m), new Date(0));
      const named = body.units.map((u) => ({
        unitId: u.unitId,
        unitName: units.get(u.unitId)?.name ?? '',
        role: u.role,
        roleLabel: ROLE_LABELS[u.role].zh,
      }));
      return {
        set: { assignedAt: now, dueAt: replyDue },
        note: body.note ?? null,
        data: { units: named, batchLabel: body.batchLabel ?? null, dueAt: replyDue.toISOString() },
        payload: { units: named, unitIds: named.map((u) => u.unitId), batchLabel: body.batchLabel ?? null },
        after: async (t) => {
          await insertAssignments(t, values);
        },
      };
    },
  });
}
