import type { Role } from '../../platform/auth/roles.js';

/**
 * Who may call the handling and evaluation routes at all (issue 4 items 5–6). Whether this account
 * may act on this suggestion is decided per request: a unit only on what is assigned to it, a deputy
 * only as the lead deputy, the office only in its region (suggestions.policy.ts facts).
 */
export const handlingAccess = {
  read: ['deputy', 'office_staff', 'unit_staff', 'leader'],
  unit: ['unit_staff'],
  deputy: ['deputy'],
  office: ['office_staff'],
} satisfies Record<string, readonly Role[]>;
