import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { assertInScope } from '../../../platform/scope.js';
import { pinyinKeys } from '../../../platform/text.js';
import { duplicateCommunityName, regionNotFound, regionReadOnly } from '../regions.errors.js';
import { EDITABLE_LEVEL, isEditableRegion } from '../regions.policy.js';
import { findRegion, siblingNamed, updateRegionName } from '../regions.repo.js';
import type { RenameRegionBody } from '../regions.schema.js';

/** Renames a community added by an administrator; the statistical divisions stay as published. */
export async function renameCommunity(db: Db, ctx: RequestContext, code: string, input: RenameRegionBody): Promise<void> {
  await db.transaction(async (tx) => {
    const region = await findRegion(tx, code, { forUpdate: true });
    if (!region) throw regionNotFound(code);
    if (!isEditableRegion(region) || !region.parentCode) throw regionReadOnly(region.code, region.name);
    if (ctx.user) assertInScope(ctx.user, region.code);
    if (region.name === input.name) return;
    // Lock the township as addCommunity does, so a rename and an add cannot create the same name twice.
    await findRegion(tx, region.parentCode, { forUpdate: true });
    if (await siblingNamed(tx, region.parentCode, input.name, region.code)) throw duplicateCommunityName(input.name);

    const updated = await updateRegionName(tx, region.code, EDITABLE_LEVEL, { name: input.name, ...pinyinKeys(input.name) });
    if (!updated) throw regionReadOnly(region.code, region.name);
    await recordAudit(tx, ctx, {
      action: 'region.renamed',
      entityType: 'region',
      entityId: region.code,
      regionCode: region.code,
      before: { name: region.name },
      after: { name: updated.name },
    });
  });
}
