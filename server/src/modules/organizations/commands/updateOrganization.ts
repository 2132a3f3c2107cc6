import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { forbidden, pgErrorCode } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { categoryMismatch, duplicateName, organizationNotFound } from '../organizations.errors.js';
import { assertMayWrite } from '../organizations.policy.js';
import {
  findOrganization,
  nameTaken,
  type OrganizationInsert,
  type OrganizationRow,
  updateOrganization as writeOrganization,
} from '../organizations.repo.js';
import { checkPlacement } from '../organizations.rules.js';
import type { UpdateOrganizationBody } from '../organizations.schema.js';
import { categoryOf } from '../organizations.tables.js';

/** Edits, moves, deactivates or reactivates an organization; there is no hard delete. */
export async function updateOrganization(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateOrganizationBody,
): Promise<OrganizationRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findOrganization(tx, id, { forUpdate: true });
    if (!before) throw organizationNotFound(id);
    assertMayWrite(user, before.regionCode);

    const kind = input.kind ?? before.kind;
    if (input.category && categoryOf(kind) !== input.category) throw categoryMismatch(kind, input.category);
    const next = {
      regionCode: input.regionCode ?? before.regionCode,
      parentId: input.parentId === undefined ? before.parentId : input.parentId,
      kind,
      name: input.name ?? before.name,
    };
    assertMayWrite(user, next.regionCode);
    await checkPlacement(tx, next, before);
    const renamed = next.name !== before.name || next.regionCode !== before.regionCode;
    if (renamed && (await nameTaken(tx, next.regionCode, next.name, id))) throw duplicateName(next.name, next.regionCode);

    const set: Partial<OrganizationInsert> = {
      ...next,
      category: categoryOf(kind),
      ...pinyinKeys(next.name),
      updatedAt: new Date(),
    };
    if (input.shortName !== undefined) set.shortName = input.shortName;
    if (input.contactName !== undefined) set.contactName = input.contactName;
    if (input.contactPhone !== undefined) set.contactPhone = input.contactPhone;
    if (input.address !== undefined) set.address = input.address;
    if (input.status !== undefined) set.status = input.status;

    let after: OrganizationRow | undefined;
    try {
      after = await writeOrganization(tx, id, set);
    } catch (err) {
      // The name was taken by a concurrent write after the check above.
      if (pgErrorCode(err) === '23505') throw duplicateName(next.name, next.regionCode);
      throw err;
    }
    if (!after) throw organizationNotFound(id);

    await recordAudit(tx, ctx, {
      action:
        after.status !== before.status
          ? `organization.${after.status === 'active' ? 'activated' : 'deactivated'}`
          : 'organization.updated',
      entityType: 'organization',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}
