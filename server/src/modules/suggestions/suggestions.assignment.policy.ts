import type { Role } from '../../platform/auth/roles.js';

/**
 * Who may call the assignment routes at all (issue 4 item 4). Whether this account may act on this
 * assignment is decided per request: the office only in its region (and not a special committee), a
 * unit only on its own unit's assignments (suggestions.assignment.transition.ts).
 */
export const assignmentAccess = {
  /** The assignment panel: whoever may open the suggestion. */
  read: ['deputy', 'office_staff', 'unit_staff', 'leader'],
  office: ['office_staff'],
  /** Batch lists are printed for the meeting the leaders attend. */
  batches: ['office_staff', 'leader'],
  unit: ['unit_staff'],
} satisfies Record<string, readonly Role[]>;
