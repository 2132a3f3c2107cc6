import type { RequestContext } from '../../../platform/context.js';
import { insertReturn } from '../suggestions.assignment.repo.js';
import { withinWindow } from '../suggestions.assignment.rules.js';
import { applyAssignmentStep } from '../suggestions.assignment.transition.js';
import type { SuggestionDeps } from '../suggestions.deps.js';

/**
 * The unit asks to return a misassigned suggestion, with its reason, before signing for it and
 * within the return window (7 working days after assignment by default); the office decides.
 */
export function requestReturn(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string, reason: string | null) {
  return applyAssignmentStep(deps, ctx, {
    assignmentId,
    action: 'request_return',
    event: 'return_requested',
    input: ({ assignment, now }) => ({ withinReturnWindow: withinWindow(assignment.returnDueAt, now), reason }),
    prepare: ({ row, assignment, user, now }) => ({
      note: reason,
      data: { reason },
      topics: ['suggestion.return_requested'],
      after: async (tx) => {
        await insertReturn(tx, {
          suggestionId: row.id,
          regionCode: row.regionCode,
          assignmentId: assignment.id,
          unitId: assignment.unitId,
          reason: reason ?? '',
          requestedBy: user.id,
          requestedAt: now,
        });
      },
    }),
  });
}
