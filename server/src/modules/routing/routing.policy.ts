import type { Access, Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';

/**
 * The category tree is installation-wide configuration (it is also the list of Open311 services), so
 * only the system administrator keeps it; every account reads it, and the public portal reads the active
 * part. Routing rules belong to a region: the congress office keeps those of its subtree, leaders read
 * them, and the office asks for suggestions when it transfers a case.
 */
export const routingAccess = {
  readCategories: 'authenticated',
  readPublicCategories: 'public',
  writeCategories: ['sysadmin'],
  listRules: ['office_staff', 'leader'],
  writeRules: ['office_staff'],
  suggest: ['office_staff'],
} satisfies Record<string, Access | readonly Role[]>;

/**
 * Suggestions from past cases look at least county-wide: a township sees few cases of its own, and the
 * units that handle them are mostly county departments. The widening stops at the caller's scope so no
 * one learns about cases outside their subtree; only unit names and counts come back, never cases.
 */
export function similarCasesRegion(user: Pick<SessionUser, 'regionCode'>, regionCode: string): string {
  const county = regionCode.slice(0, 6);
  return county.length >= user.regionCode.length ? county : user.regionCode;
}
