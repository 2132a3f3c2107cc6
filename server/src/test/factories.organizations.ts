import type { Executor } from '../db/client.js';
import {
  categoryOf,
  type OrganizationKind,
  type OrganizationStatus,
  organizations,
} from '../modules/organizations/organizations.tables.js';
import { pinyinKeys } from '../platform/text.js';
import { uniq } from './factories.js';

export interface OrganizationOverrides {
  regionCode?: string;
  parentId?: string | null;
  kind?: OrganizationKind;
  name?: string;
  shortName?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  status?: OrganizationStatus;
}

/**
 * An organization written straight to the table (no audit): by default an active government department
 * of Harbin (2301) with a unique name. The category always follows the kind, as the API enforces.
 */
export async function buildOrganization(db: Executor, o: OrganizationOverrides = {}) {
  const kind = o.kind ?? 'government_department';
  const name = o.name ?? `测试单位${uniq()}`;
  const [row] = await db
    .insert(organizations)
    .values({
      regionCode: o.regionCode ?? '2301',
      parentId: o.parentId ?? null,
      category: categoryOf(kind),
      kind,
      name,
      shortName: o.shortName ?? null,
      contactName: o.contactName ?? null,
      contactPhone: o.contactPhone ?? null,
      address: o.address ?? null,
      status: o.status ?? 'active',
      ...pinyinKeys(name),
    })
    .returning();
  if (!row) throw new Error('organization not created');
  return row;
}
