import type { RequestContext } from '../../../platform/context.js';
import { applyAssignmentStep } from '../suggestions.assignment.transition.js';
import type { SuggestionDeps } from '../suggestions.deps.js';

/** The unit signs for what it was assigned (签收) and starts handling it. */
export function acceptAssignment(deps: SuggestionDeps, ctx: RequestContext, assignmentId: string) {
  return applyAssignmentStep(deps, ctx, {
    assignmentId,
    action: 'unit_accept',
    event: 'assignment_accepted',
    prepare: ({ now }) => ({ set: { acceptedAt: now }, topics: ['suggestion.assignment_accepted'] }),
  });
}
