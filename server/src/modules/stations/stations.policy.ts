import { BUSINESS_ROLES, type Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { assertInScope } from '../../platform/scope.js';

/**
 * Who may do what with stations. Every business role reads the stations of its region subtree;
 * the sysadmin and secadmin also list them (names and codes only) to attach station staff accounts.
 * Only the deputies' affairs office edits stations and groups deputies into them, within its subtree.
 */
export const stationAccess = {
  list: [...BUSINESS_ROLES, 'sysadmin', 'secadmin'],
  read: BUSINESS_ROLES,
  write: ['office_staff'],
  members: ['office_staff'],
} satisfies Record<string, readonly Role[]>;

/**
 * A station (or the region a station is put in) must lie in the account's region subtree (403 otherwise).
 * No user means the system itself (the demo seed, jobs), which has the whole country.
 */
export function assertRegionInScope(user: SessionUser | null, regionCode: string): void {
  if (user) assertInScope(user, regionCode);
}
