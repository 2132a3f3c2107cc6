import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { assertInScope } from '../../../platform/scope.js';
import { pinyinKeys } from '../../../platform/text.js';
import {
  codeNotUnderParent,
  duplicateCommunityName,
  duplicateRegionCode,
  parentNotTownship,
  parentRegionNotFound,
  reservedCommunityCode,
} from '../regions.errors.js';
import { EDITABLE_LEVEL } from '../regions.policy.js';
import { findRegion, insertRegion, siblingNamed } from '../regions.repo.js';
import type { CreateCommunityBody } from '../regions.schema.js';

/**
 * Adds a community or village (12-digit code) under a statistical township. The township row is locked
 * for the transaction, so two administrators adding under the same township cannot both pass the
 * duplicate-name check.
 */
export async function addCommunity(db: Db, ctx: RequestContext, input: CreateCommunityBody): Promise<string> {
  const parentCode = input.parentCode ?? input.code.slice(0, 9);
  return db.transaction(async (tx) => {
    const parent = await findRegion(tx, parentCode, { forUpdate: true });
    if (!parent) throw parentRegionNotFound(parentCode);
    if (parent.level !== 'township') throw parentNotTownship(parent.code, parent.name);
    if (ctx.user) assertInScope(ctx.user, parent.code);
    if (!input.code.startsWith(parent.code)) throw codeNotUnderParent(input.code, parent.code);
    if (input.code.endsWith('000')) throw reservedCommunityCode(input.code);
    if (await siblingNamed(tx, parent.code, input.name)) throw duplicateCommunityName(input.name);

    const created = await insertRegion(tx, {
      code: input.code,
      name: input.name,
      level: EDITABLE_LEVEL,
      parentCode: parent.code,
      provinceCode: parent.provinceCode,
      isGrouping: false,
      ...pinyinKeys(input.name),
      createdBy: ctx.user?.id ?? null,
    });
    if (!created) throw duplicateRegionCode(input.code);

    await recordAudit(tx, ctx, {
      action: 'region.created',
      entityType: 'region',
      entityId: created.code,
      regionCode: created.code,
      after: { code: created.code, name: created.name, level: created.level, parentCode: created.parentCode },
    });
    return created.code;
  });
}
