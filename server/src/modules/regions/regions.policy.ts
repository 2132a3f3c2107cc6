import type { Access } from '../../platform/auth/roles.js';
import type { RegionLevel } from './regions.tables.js';

/**
 * Regions are reference data without personal data: every signed-in account reads them (pickers,
 * breadcrumbs). Only the system administrator extends the tree, and only with communities and villages
 * below the statistical townships; the imported statistical divisions are never edited by hand.
 */
export const regionAccess = {
  list: 'authenticated',
  read: 'authenticated',
  create: ['sysadmin'],
  rename: ['sysadmin'],
} satisfies Record<string, Access>;

/** The one level administrators may add or rename; the four above come from the national import. */
export const EDITABLE_LEVEL: RegionLevel = 'community';

export const isEditableRegion = (r: { level: RegionLevel }): boolean => r.level === EDITABLE_LEVEL;
