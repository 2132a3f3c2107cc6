import type { RequestContext } from '../../../platform/context.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { decidePendingReturn, latestReplyDue, setAssignedSuggestionDue } from '../suggestions.assignment.repo.js';
import type { DecideReturnInput } from '../suggestions.assignment.schema.js';
import { applyAssignmentStep } from '../suggestions.assignment.transition.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { completeIfAllIn } from '../suggestions.handling.flow.js';
import { takeOver } from './reassignSuggestion.js';

/**
 * The office decides a unit's return request. Approved, the assignment is returned and the office
 * gives it to another unit — at once when the decision names one, or later with reassign. Refused,
 * with a reason, the unit has it again, waiting to be signed for.
 */
export async function decideReturn(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string, body: DecideReturnInput) {
  const approve = body.decision === 'approve';
  const calendar = await loadCalendar(deps.db);
  return applyAssignmentStep(deps, ctx, {
    assignmentId,
    action: approve ? 'approve_return' : 'refuse_return',
    event: approve ? 'return_approved' : 'return_refused',
    input: () => ({ reason: body.reason }),
    prepare: (s) => ({
      note: body.reason,
      data: { decision: body.decision, reason: body.reason },
      topics: ['suggestion.return_decided'],
      after: async (tx, updated) => {
        await decidePendingReturn(tx, updated.id, {
          status: approve ? 'approved' : 'refused',
          decidedBy: s.user.id,
          decidedAt: s.now,
          decisionNote: body.reason,
        });
        if (approve) await setAssignedSuggestionDue(tx, s.row.id, await latestReplyDue(tx, s.row.id), s.now);
      },
      followUp: async (tx, updated) => {
        if (!approve) return;
        if (body.reassignTo) await takeOver(s, ctx, calendar, updated, body.reassignTo);
        // The units left may all have replied already: the suggestion then goes to the deputy's evaluation.
        else await completeIfAllIn(tx, s.row, s.now);
      },
    }),
  });
}
