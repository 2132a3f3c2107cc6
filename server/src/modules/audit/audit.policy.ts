import type { Role } from '../../platform/auth/roles.js';

/** Only the auditor reads the trail (三员分立): the administrators cannot erase their own tracks. */
export const auditAccess = {
  list: ['auditor'],
  verify: ['auditor'],
} satisfies Record<string, readonly Role[]>;
