import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { assertInScope } from '../../platform/scope.js';
import { organizationNotFound, outsideTree } from './organizations.errors.js';
import { maySeeAccounts, visibilityOf } from './organizations.policy.js';
import {
  accountsActingFor,
  countChildren,
  findOrganizationWithNames,
  isInSubtree,
  type OrganizationWithNames,
} from './organizations.repo.js';
import type { OrganizationDetail, OrganizationItem } from './organizations.schema.js';

export function toItem({ organization: o, regionName, parentName }: OrganizationWithNames): OrganizationItem {
  return {
    id: o.id,
    regionCode: o.regionCode,
    regionName,
    parentId: o.parentId,
    parentName,
    category: o.category,
    kind: o.kind,
    name: o.name,
    shortName: o.shortName,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    address: o.address,
    status: o.status,
    namePinyin: o.namePinyin,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** A unit account reads its own organization's tree; everyone else their region subtree. */
export async function assertMayRead(db: Executor, user: SessionUser, o: { id: string; regionCode: string }): Promise<void> {
  const visibility = visibilityOf(user);
  if (visibility.kind === 'region') return assertInScope(user, o.regionCode);
  if (!visibility.rootId || !(await isInSubtree(db, visibility.rootId, o.id))) throw outsideTree();
}

/**
 * The organization as the reader may see it, or 404 / 403 when it is missing or outside their view.
 * After a write the writer's own rule already applied (a system administrator writes anywhere), so
 * `afterWrite` skips the reading scope.
 */
export async function organizationDetail(
  db: Executor,
  user: SessionUser,
  id: string,
  opts: { afterWrite?: boolean } = {},
): Promise<OrganizationDetail> {
  const row = await findOrganizationWithNames(db, id);
  if (!row) throw organizationNotFound(id);
  if (!opts.afterWrite) await assertMayRead(db, user, row.organization);
  const [childCount, accounts] = await Promise.all([
    countChildren(db, id),
    maySeeAccounts(user) ? accountsActingFor(db, id) : Promise.resolve(null),
  ]);
  return {
    ...toItem(row),
    childCount,
    accounts:
      accounts?.map((a) => ({ ...a, role: a.role as NonNullable<OrganizationDetail['accounts']>[number]['role'] })) ?? null,
  };
}
