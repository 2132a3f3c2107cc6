import type { Role } from '../../platform/auth/roles.js';
import { BUSINESS_ROLES } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { badRequest } from '../../platform/errors.js';
import { assertInScope } from '../../platform/scope.js';
import type { RegionLevel } from '../regions/regions.tables.js';
import type { OrganizationKind } from './organizations.tables.js';

/**
 * Every business role reads the organizations (to transfer, assign, address a reply); the system
 * administrator and the security administrator read them to attach accounts to a unit. Office staff keep the registry within their region;
 * the system administrator may do so anywhere.
 */
export const organizationAccess = {
  list: [...BUSINESS_ROLES, 'sysadmin', 'secadmin'],
  read: [...BUSINESS_ROLES, 'sysadmin', 'secadmin'],
  create: ['office_staff', 'sysadmin'],
  update: ['office_staff', 'sysadmin'],
} satisfies Record<string, readonly Role[]>;

/** Who sees which accounts act for an organization: those who manage accounts and units. */
const SEE_ACCOUNTS: readonly Role[] = ['office_staff', 'sysadmin'];
export const maySeeAccounts = (user: Pick<SessionUser, 'role'>): boolean => SEE_ACCOUNTS.includes(user.role);

/**
 * What a reader may see: a unit account its own organization and those below it; everyone else the
 * organizations of their region subtree. A unit account without an organization sees none.
 */
export type OrganizationVisibility = { kind: 'region'; regionCode: string } | { kind: 'tree'; rootId: string | null };

export function visibilityOf(user: Pick<SessionUser, 'role' | 'regionCode' | 'organizationId'>): OrganizationVisibility {
  if (user.role === 'unit_staff') return { kind: 'tree', rootId: user.organizationId };
  return { kind: 'region', regionCode: user.regionCode };
}

/** Office staff write within their subtree; the system administrator anywhere. */
export function assertMayWrite(user: Pick<SessionUser, 'role' | 'regionCode'>, regionCode: string): void {
  if (user.role === 'sysadmin') return;
  assertInScope(user, regionCode);
}

/**
 * Congress bodies follow the levels of the congress system: a standing committee exists from the county
 * up, a township has a presidium, a street (township-level code) a working committee of the district.
 */
export function assertKindFitsRegion(kind: OrganizationKind, level: RegionLevel, regionName: string): void {
  const township = level === 'township';
  if ((kind === 'township_presidium' || kind === 'street_working_committee') && !township) {
    throw badRequest('KIND_NOT_FOR_REGION_LEVEL', {
      zh: `乡镇人大主席团和街道人大工委只能设在乡镇（街道），${regionName} 不是乡镇（街道）`,
      en: `A township presidium or street working committee belongs to a township; ${regionName} is not one`,
    });
  }
  if (kind === 'standing_committee' && (township || level === 'community')) {
    throw badRequest('KIND_NOT_FOR_REGION_LEVEL', {
      zh: `人大常委会只设在县级及以上，${regionName} 是乡镇（街道）或社区`,
      en: `A standing committee exists at county level and above; ${regionName} is below`,
    });
  }
}
