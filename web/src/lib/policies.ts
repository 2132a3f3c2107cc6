/**
 * Who may do what, mirroring the servers' `*.policy.ts` files. The server decides; this map only
 * decides what the console shows (menus, buttons), so a stale entry hides a button or shows one that
 * answers 403 — never a hole. Keep it in step with the server when a policy changes.
 */
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

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
export const BUSINESS_ROLES: readonly Role[] = ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'];
export const STAFF_ROLES: readonly Role[] = ['station_staff', 'office_staff', 'unit_staff', 'leader'];
const ALL: readonly Role[] = ROLES;
const DEPUTY_READERS: readonly Role[] = ['office_staff', 'leader', 'station_staff', 'deputy'];

export const POLICIES = {
  // server/src/modules/regions/regions.policy.ts
  regions: {
    read: ALL,
    create: ['sysadmin'],
    rename: ['sysadmin'],
  },
  // server/src/modules/organizations/organizations.policy.ts
  organizations: {
    list: [...BUSINESS_ROLES, 'sysadmin'],
    read: [...BUSINESS_ROLES, 'sysadmin'],
    create: ['office_staff', 'sysadmin'],
    update: ['office_staff', 'sysadmin'],
    write: ['office_staff', 'sysadmin'],
    /** maySeeAccounts: who sees the accounts acting for an organization. */
    accounts: ['office_staff', 'sysadmin'],
  },
  // server/src/modules/deputies/deputies.policy.ts
  deputies: {
    list: DEPUTY_READERS,
    read: DEPUTY_READERS,
    photo: DEPUTY_READERS,
    create: ['office_staff'],
    update: ['office_staff'],
    write: ['office_staff'],
    uploadPhoto: ['office_staff'],
    export: ['office_staff'],
    import: ['office_staff'],
    /** assertMayReveal: full phone and ID number. */
    reveal: ['office_staff'],
  },
  // server/src/modules/stations/stations.policy.ts
  stations: {
    list: [...BUSINESS_ROLES, 'sysadmin'],
    read: BUSINESS_ROLES,
    write: ['office_staff'],
    members: ['office_staff'],
  },
  // server/src/modules/opinions/opinions.policy.ts (opinionAccess); the case's own actions come from
  // GET /api/opinions/:id/actions, these only decide menus and page-level buttons.
  opinions: {
    list: ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'],
    read: ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'],
    workbench: ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'],
    intake: ['station_staff', 'deputy', 'office_staff'],
    export: ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'],
    /** opinionAccess.person / .publish: a constituent's data by phone; publishing closed cases. */
    person: ['office_staff'],
    publish: ['office_staff'],
  },
  receptions: {
    list: ['deputy', 'station_staff', 'office_staff', 'leader'],
    create: ['deputy', 'station_staff', 'office_staff'],
  },
  // server/src/modules/suggestions/suggestions.policy.ts (suggestionAccess); a suggestion's own actions
  // come with GET /api/suggestions/:id (me.actions), these only decide menus and page-level buttons.
  suggestions: {
    list: ['deputy', 'office_staff', 'unit_staff', 'leader'],
    read: ['deputy', 'office_staff', 'unit_staff', 'leader'],
    draft: ['deputy'],
    cosign: ['deputy'],
    check: ['deputy', 'office_staff'],
    transition: ['deputy', 'office_staff'],
  },
  // server/src/modules/suggestions/suggestions.supervision.policy.ts (supervisionAccess)
  suggestionSupervision: {
    supervise: ['office_staff', 'leader'],
    unitFacing: ['office_staff', 'leader', 'unit_staff'],
    publish: ['office_staff'],
    /** The year's handling report (年度办理情况报告). */
    report: ['office_staff', 'leader'],
  },
  // server/src/modules/statistics/statistics.policy.ts
  statistics: {
    read: ['office_staff', 'leader', 'unit_staff'],
    /** The menu entry: unit accounts reach their unit's figures from the page's URL. */
    menu: ['office_staff', 'leader'],
  },
  // server/src/modules/users/users.policy.ts
  users: {
    list: ['sysadmin', 'secadmin'],
    read: ['sysadmin', 'secadmin'],
    create: ['sysadmin'],
    update: ['sysadmin'],
    resetPassword: ['sysadmin'],
    changeRole: ['secadmin'],
    unlock: ['secadmin'],
  },
  // server/src/modules/audit/audit.policy.ts
  audit: {
    list: ['auditor'],
    verify: ['auditor'],
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

type Policies = typeof POLICIES;
export type Permission = {
  [M in keyof Policies]: `${M & string}.${keyof Policies[M] & string}`;
}[keyof Policies];

export function rolesFor(permission: Permission): readonly Role[] {
  const [module, action] = permission.split('.') as [keyof Policies, string];
  return (POLICIES[module] as Record<string, readonly Role[]>)[action] ?? [];
}

/** Whether the signed-in account may do it; null (signed out) may do nothing. */
export function can(me: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!me && rolesFor(permission).includes(me.role);
}

export function hasRole(me: { role: Role } | null | undefined, roles: readonly Role[] | undefined): boolean {
  return !roles || (!!me && roles.includes(me.role));
}
