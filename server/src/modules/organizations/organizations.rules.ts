import type { Executor } from '../../db/client.js';
import { regionNotFound } from '../regions/regions.errors.js';
import {
  childrenOutsideRegion,
  parentCycle,
  parentInactive,
  parentNotFound,
  parentOutsideRegion,
} from './organizations.errors.js';
import { assertKindFitsRegion } from './organizations.policy.js';
import { childOutsideRegion, findOrganization, isInSubtree, type OrganizationRow, regionOf } from './organizations.repo.js';
import type { OrganizationKind } from './organizations.tables.js';

export interface Placement {
  regionCode: string;
  parentId: string | null;
  kind: OrganizationKind;
}

/**
 * Checks where an organization sits: its region exists and suits its kind, its parent exists, is active
 * and covers its region, and (when it moves) it neither becomes its own ancestor nor strands a child
 * outside its region. Only what changes is checked, so an edit of a phone number never fails on history.
 */
export async function checkPlacement(tx: Executor, next: Placement, before?: OrganizationRow): Promise<void> {
  const regionChanged = !before || before.regionCode !== next.regionCode;
  const kindChanged = !before || before.kind !== next.kind;
  const parentChanged = !before || before.parentId !== next.parentId;

  if (regionChanged || kindChanged) {
    const region = await regionOf(tx, next.regionCode);
    if (!region) throw regionNotFound(next.regionCode);
    assertKindFitsRegion(next.kind, region.level, region.name);
  }
  if (next.parentId && (parentChanged || regionChanged)) {
    const parent = await findOrganization(tx, next.parentId);
    if (!parent) throw parentNotFound(next.parentId);
    if (before && (await isInSubtree(tx, before.id, parent.id))) throw parentCycle();
    if (!next.regionCode.startsWith(parent.regionCode))
      throw parentOutsideRegion(parent.name, parent.regionCode, next.regionCode);
    if (parentChanged && parent.status !== 'active') throw parentInactive(parent.name);
  }
  if (before && regionChanged) {
    const child = await childOutsideRegion(tx, before.id, next.regionCode);
    if (child) throw childrenOutsideRegion(child.name, next.regionCode);
  }
}
