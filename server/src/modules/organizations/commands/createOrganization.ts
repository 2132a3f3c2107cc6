import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { forbidden } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { duplicateName } from '../organizations.errors.js';
import { assertMayWrite } from '../organizations.policy.js';
import { insertOrganization, nameTaken, type OrganizationRow } from '../organizations.repo.js';
import { checkPlacement } from '../organizations.rules.js';
import type { CreateOrganizationBody } from '../organizations.schema.js';
import { categoryOf } from '../organizations.tables.js';

export async function createOrganization(db: Db, ctx: RequestContext, input: CreateOrganizationBody): Promise<OrganizationRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const parentId = input.parentId ?? null;
  return db.transaction(async (tx) => {
    await checkPlacement(tx, { regionCode: input.regionCode, parentId, kind: input.kind });
    assertMayWrite(user, input.regionCode);
    if (await nameTaken(tx, input.regionCode, input.name)) throw duplicateName(input.name, input.regionCode);

    const created = await insertOrganization(tx, {
      regionCode: input.regionCode,
      parentId,
      category: categoryOf(input.kind),
      kind: input.kind,
      name: input.name,
      shortName: input.shortName,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: input.address,
      status: input.status,
      ...pinyinKeys(input.name),
    });
    // A concurrent insert of the same name got there between the check and the insert.
    if (!created) throw duplicateName(input.name, input.regionCode);

    await recordAudit(tx, ctx, {
      action: 'organization.created',
      entityType: 'organization',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created;
  });
}
