import { endOfChinaDay } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.js';
import { findCongress } from '../congresses.repo.js';
import {
  decideExtensionGuarded,
  findExtension,
  latestReplyDue,
  moveAssignmentDue,
  setAssignedSuggestionDue,
} from '../suggestions.assignment.repo.js';
import type { DecideExtensionInput } from '../suggestions.assignment.schema.js';
import { announceAssignment, assertOfficeMayAct, withAssignment } from '../suggestions.assignment.transition.js';
import { extensionRefusal } from '../suggestions.assignment.workflow.js';
import type { SuggestionDeps } from '../suggestions.deps.js';

const decidedAlready = () =>
  conflict('EXTENSION_DECIDED', { zh: '该延期申请已经审批', en: 'This extension request was already decided' });

/**
 * The office approves an extension — the date asked, or an earlier one it grants — within the limit
 * from the assignment, and the assignment's due date moves; or refuses it with a reason.
 */
export async function decideExtension(
  deps: SuggestionDeps,
  ctx: RequestContext,
  extensionId: string,
  body: DecideExtensionInput,
) {
  const found = await findExtension(deps.db, extensionId);
  if (!found) throw notFound('延期申请', 'Extension request');
  return withAssignment(deps, ctx, found.assignmentId, async (s) => {
    assertOfficeMayAct(s.facts);
    const approve = body.decision === 'approve';
    if (!approve && !body.note) {
      throw badRequest('REASON_REQUIRED', { zh: '请填写不同意延期的理由', en: 'Give the reason for refusing the extension' });
    }
    let newDue: Date | null = null;
    if (approve) {
      if (s.assignment.status !== 'pending' && s.assignment.status !== 'handling') {
        throw conflict('INVALID_STATE', {
          zh: '该交办已不在办理中，不能延期',
          en: 'The assignment is no longer being handled: it cannot be extended',
        });
      }
      newDue = body.dueOn ? endOfChinaDay(body.dueOn) : found.requestedDueAt;
      if (newDue.getTime() > found.requestedDueAt.getTime()) {
        throw badRequest('EXTENSION_MORE_THAN_ASKED', {
          zh: '批准的期限不能晚于单位申请的期限',
          en: 'The office cannot grant a later date than the unit asked for',
        });
      }
      const congress = await findCongress(s.tx, s.row.congressId);
      if (!congress) throw new Error(`congress ${s.row.congressId} not found`);
      const refusal = extensionRefusal(s.assignment.assignedAt, s.assignment.dueAt, newDue, congress.extensionMaxMonths);
      if (refusal) throw new AppError(refusal.status, refusal.code, refusal.text, refusal.details);
    }
    const decided = await decideExtensionGuarded(s.tx, extensionId, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: s.user.id,
      decidedAt: s.now,
      decisionNote: body.note,
      newDueAt: newDue,
    });
    if (!decided) throw decidedAlready();
    let assignment = s.assignment;
    if (newDue) {
      const moved = await moveAssignmentDue(s.tx, s.assignment, newDue, s.now);
      if (!moved) throw new Error(`assignment ${s.assignment.id} changed under its lock`);
      assignment = moved;
      await setAssignedSuggestionDue(s.tx, s.row.id, await latestReplyDue(s.tx, s.row.id), s.now);
    }
    await announceAssignment(s, ctx, {
      event: approve ? 'extension_approved' : 'extension_refused',
      assignment,
      note: body.note,
      data: {
        extensionId,
        decision: body.decision,
        previousDueAt: s.assignment.dueAt.toISOString(),
        newDueAt: newDue?.toISOString() ?? null,
      },
      topics: ['suggestion.extension_decided'],
    });
    return decided;
  });
}
