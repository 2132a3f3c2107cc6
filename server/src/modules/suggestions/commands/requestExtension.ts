import { endOfChinaDay } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, conflict, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { findCongress } from '../congresses.repo.js';
import { insertExtension, pendingExtensionOf } from '../suggestions.assignment.repo.js';
import type { ExtensionInput } from '../suggestions.assignment.schema.js';
import { actsForUnit, announceAssignment, withAssignment } from '../suggestions.assignment.transition.js';
import { ASSIGNMENT_STATUS_LABELS, extensionRefusal } from '../suggestions.assignment.workflow.js';
import type { SuggestionDeps } from '../suggestions.deps.js';

/**
 * The unit asks for more time while handling, with a reason and the new due date (the end of that
 * day in China). The date may not pass the congress's limit counted from the assignment (6 months
 * by default, DESIGN §4): the refusal names the latest date allowed. One request waits at a time.
 */
export async function requestExtension(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string, body: ExtensionInput) {
  try {
    return await withAssignment(deps, ctx, assignmentId, async (s) => {
      if (!actsForUnit(s.user, s.assignment)) {
        throw forbidden({ zh: '只有被交办的单位可以申请延期', en: 'Only the assigned unit may ask for an extension' });
      }
      if (s.assignment.status !== 'handling') {
        const st = ASSIGNMENT_STATUS_LABELS[s.assignment.status];
        throw conflict('INVALID_TRANSITION', {
          zh: `该交办当前为“${st.zh}”，签收办理后才能申请延期`,
          en: `The assignment is ${st.en.toLowerCase()}: an extension is asked for while handling it`,
        });
      }
      if (await pendingExtensionOf(s.tx, s.assignment.id)) throw pendingAlready();
      const congress = await findCongress(s.tx, s.row.congressId);
      if (!congress) throw new Error(`congress ${s.row.congressId} not found`);
      const requested = endOfChinaDay(body.dueOn);
      const refusal = extensionRefusal(s.assignment.assignedAt, s.assignment.dueAt, requested, congress.extensionMaxMonths);
      if (refusal) throw new AppError(refusal.status, refusal.code, refusal.text, refusal.details);
      const ext = await insertExtension(s.tx, {
        suggestionId: s.row.id,
        regionCode: s.row.regionCode,
        assignmentId: s.assignment.id,
        requestedBy: s.user.id,
        reason: body.reason,
        requestedDueAt: requested,
      });
      await announceAssignment(s, ctx, {
        event: 'extension_requested',
        note: body.reason,
        data: { extensionId: ext.id, requestedDueAt: requested.toISOString(), reason: body.reason },
        topics: ['suggestion.extension_requested'],
      });
      return ext;
    });
  } catch (err) {
    // Two staff of the unit asking at the same moment: the unique index on pending requests keeps one.
    if (pgErrorCode(err) === '23505') throw pendingAlready();
    throw err;
  }
}

const pendingAlready = () =>
  conflict('EXTENSION_PENDING', {
    zh: '已有一项延期申请等待审批',
    en: 'An extension request is already waiting for a decision',
  });
