export const ROLES = [
  'deputy',
  'station_staff',
  'office_staff',
  'unit_staff',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** The three separated administrators of 等保 (三员分立): none of them sees business data. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
export const BUSINESS_ROLES: readonly Role[] = ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'];
/** Everyone who works with the registries. */
export const STAFF_ROLES: readonly Role[] = ['station_staff', 'office_staff', 'unit_staff', 'leader'];

/**
 * A route's access rule: 'public' needs no account; 'authenticated' any signed-in account;
 * otherwise the roles allowed. Finer rules (region scope, own unit) live in the module's policy.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];
