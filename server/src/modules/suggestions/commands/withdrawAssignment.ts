import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import {
  decideExtensionGuarded,
  latestReplyDue,
  pendingExtensionOf,
  setAssignedSuggestionDue,
} from '../suggestions.assignment.repo.js';
import { applyAssignmentStep } from '../suggestions.assignment.transition.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { completeIfAllIn } from '../suggestions.handling.flow.js';

/**
 * The office withdraws an assignment still being handled (a unit named by mistake), with a reason;
 * an extension the unit asked for lapses with it. Another unit may then take it over (reassign).
 */
export function withdrawAssignment(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string, reason: string | null) {
  return applyAssignmentStep(deps, ctx, {
    assignmentId,
    action: 'withdraw',
    event: 'assignment_withdrawn',
    prepare: (s) => {
      if (!reason) throw badRequest('REASON_REQUIRED', { zh: '请填写撤销交办的理由', en: 'Give the reason for withdrawing it' });
      return {
        note: reason,
        data: { reason },
        topics: ['suggestion.assignment_withdrawn'],
        after: async (tx, updated) => {
          const pending = await pendingExtensionOf(tx, updated.id);
          if (pending) {
            await decideExtensionGuarded(tx, pending.id, {
              status: 'rejected',
              decidedBy: s.user.id,
              decidedAt: s.now,
              decisionNote: '交办已撤销 The assignment was withdrawn',
              newDueAt: null,
            });
          }
          await setAssignedSuggestionDue(tx, s.row.id, await latestReplyDue(tx, s.row.id), s.now);
        },
        // The units left may all have replied already: the suggestion then goes to the deputy's evaluation.
        followUp: async (tx) => {
          await completeIfAllIn(tx, s.row, s.now);
        },
      };
    },
  });
}
