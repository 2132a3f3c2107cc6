import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden } from '../../platform/errors.js';
import { assertInScope } from '../../platform/scope.js';

const READERS = ['office_staff', 'leader', 'station_staff', 'deputy'] as const satisfies readonly Role[];
const OFFICE = ['office_staff'] as const satisfies readonly Role[];

/**
 * Who may do what with the deputy registry. Reading is for the people who work with deputies;
 * writing, importing, exporting and seeing full personal data belong to the deputies' affairs office.
 * Every action is further limited to the account's region subtree.
 */
export const deputyAccess = {
  list: READERS,
  read: READERS,
  photo: READERS,
  create: OFFICE,
  update: OFFICE,
  uploadPhoto: OFFICE,
  export: OFFICE,
  import: OFFICE,
  /**
   * The administrators who link deputy accounts find the person by name; the answer holds names and
   * mandates only (三员分立: they see no personal data), never a phone or an ID number.
   */
  lookupPersons: ['sysadmin', 'secadmin'],
} satisfies Record<string, readonly Role[]>;

/** Roles that may see a deputy's full phone and ID number (each time recorded in the audit trail). */
const REVEALERS: readonly Role[] = OFFICE;

export const mayReveal = (user: SessionUser): boolean => REVEALERS.includes(user.role);

export function assertMayReveal(user: SessionUser): void {
  if (!mayReveal(user)) {
    throw forbidden({ zh: '您无权查看完整的电话和身份证号', en: 'You may not see the full phone and ID number' });
  }
}

/** A mandate is readable and writable by accounts whose subtree holds the region it serves. */
export function assertDeputyInScope(user: SessionUser, deputy: { regionCode: string }): void {
  assertInScope(user, deputy.regionCode);
}

/** A new or moved mandate must land inside the account's subtree. */
export function assertMayPlaceIn(user: SessionUser, regionCode: string): void {
  assertInScope(user, regionCode);
}

/** Imports are visible to the office that made them (or one above it). */
export function assertImportInScope(user: SessionUser, imp: { regionCode: string }): void {
  if (user.regionCode !== '' && !imp.regionCode.startsWith(user.regionCode)) {
    throw forbidden({ zh: '该导入记录不在您的管辖区域内', en: 'This import belongs to another region' });
  }
}
