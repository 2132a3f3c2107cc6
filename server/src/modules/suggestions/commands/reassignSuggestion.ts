import type { WorkingCalendar } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { findCongress } from '../congresses.repo.js';
import {
  type AssignmentRow,
  assignmentsOf,
  insertAssignments,
  LIVE_STATUSES,
  latestReplyDue,
  noteReassignment,
  setAssignedSuggestionDue,
  successorOf,
} from '../suggestions.assignment.repo.js';
import { assignmentDeadlines, planRefusal, ROLE_LABELS } from '../suggestions.assignment.rules.js';
import type { ReassignInput } from '../suggestions.assignment.schema.js';
import {
  type AssignmentScope,
  announceAssignment,
  assertOfficeMayAct,
  withAssignment,
} from '../suggestions.assignment.transition.js';
import type { AssignmentRole } from '../suggestions.assignment.workflow.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { STATE_LABELS } from '../suggestions.workflow.js';
import { checkUnits } from './assignSuggestion.js';

/**
 * Another unit takes over a returned or withdrawn assignment: a new assignment row pointing back to
 * the old one (reassigned_from_id), in the same round and batch, with its deadlines counted afresh
 * from now — the new unit gets its full time. Runs inside the caller's transaction (deciding a
 * return may reassign at once).
 */
export async function takeOver(
  s: AssignmentScope,
  ctx: RequestContext,
  calendar: WorkingCalendar,
  old: AssignmentRow,
  pick: { unitId: string; role?: AssignmentRole; note?: string | null },
): Promise<AssignmentRow> {
  // Round 2 (re-handling) assignments may be returned and reassigned as well.
  if (s.row.state !== 'assigned' && s.row.state !== 'rehandling') {
    const st = STATE_LABELS[s.row.state];
    throw conflict('INVALID_STATE', {
      zh: `该建议当前状态为“${st.zh}”，不能再改交其他单位`,
      en: `The suggestion is ${st.en.toLowerCase()}: it cannot be reassigned now`,
    });
  }
  if (old.status !== 'returned' && old.status !== 'withdrawn') {
    throw conflict('NOT_RETURNED', {
      zh: '只有已退回或已撤销的交办可以改交其他单位',
      en: 'Only a returned or withdrawn assignment can be reassigned',
    });
  }
  if (await successorOf(s.tx, old.id)) {
    throw conflict('ALREADY_REASSIGNED', { zh: '该交办已改交其他单位', en: 'This assignment was already reassigned' });
  }
  const role = pick.role ?? old.role;
  const units = await checkUnits(s.tx, s.row.regionCode, [pick.unitId]);
  const live = (await assignmentsOf(s.tx, s.row.id))
    .map((r) => r.a)
    .filter((a) => a.round === old.round && LIVE_STATUSES.includes(a.status));
  if (live.some((a) => a.unitId === pick.unitId)) {
    const name = units.get(pick.unitId)?.name ?? '';
    throw conflict('UNIT_ALREADY_ASSIGNED', {
      zh: `“${name}”已在办理该建议`,
      en: `${name} is already handling this suggestion`,
    });
  }
  const plan = planRefusal([...live.map((a) => ({ unitId: a.unitId, role: a.role })), { unitId: pick.unitId, role }]);
  if (plan) throw new AppError(plan.status, plan.code, plan.text, plan.details);
  const congress = await findCongress(s.tx, s.row.congressId);
  if (!congress) throw new Error(`congress ${s.row.congressId} not found`);
  const due = assignmentDeadlines(calendar, congress, s.now, role);
  const [created] = await insertAssignments(s.tx, [
    {
      suggestionId: s.row.id,
      regionCode: s.row.regionCode,
      unitId: pick.unitId,
      role,
      round: old.round,
      status: 'pending',
      batchLabel: old.batchLabel,
      assignedBy: s.user.id,
      assignedAt: s.now,
      returnDueAt: due.returnDueAt,
      dueAt: due.dueAt,
      originalDueAt: due.dueAt,
      reassignedFromId: old.id,
    },
  ]);
  if (!created) throw new Error('assignment not inserted');
  await noteReassignment(s.tx, old.id, created.id);
  await setAssignedSuggestionDue(s.tx, s.row.id, await latestReplyDue(s.tx, s.row.id), s.now);
  const unitName = units.get(pick.unitId)?.name ?? '';
  await announceAssignment({ ...s, unitName }, ctx, {
    event: 'reassigned',
    assignment: created,
    note: pick.note ?? null,
    data: { reassignedFromId: old.id, previousUnitId: old.unitId, roleLabel: ROLE_LABELS[role].zh },
    topics: ['suggestion.reassigned'],
  });
  return created;
}

/** The office gives a returned (or withdrawn) assignment to another unit. */
export async function reassignSuggestion(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string, body: ReassignInput) {
  const calendar = await loadCalendar(deps.db);
  return withAssignment(deps, ctx, assignmentId, async (s) => {
    assertOfficeMayAct(s.facts);
    return takeOver(s, ctx, calendar, s.assignment, body);
  });
}
