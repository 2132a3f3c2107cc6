import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { type CategoryRow, codeTaken, findCategory, insertCategory, siblingNamed } from '../categories.repo.js';
import {
  categoryTooDeep,
  codeNotUnderParent,
  duplicateCategoryCode,
  duplicateCategoryName,
  parentCategoryInactive,
  parentCategoryNotFound,
  topLevelCodeWithDot,
} from '../routing.errors.js';
import type { CreateCategoryBody } from '../routing.schema.js';

/**
 * Adds a category at the top or under a top-level one. A child's code is its parent's code, a dot and
 * its own part (urban.roads), so the code alone tells where a category sits, in reports and in Open311.
 */
export async function createCategory(db: Db, ctx: RequestContext, input: CreateCategoryBody): Promise<CategoryRow> {
  const parentId = input.parentId ?? null;
  return db.transaction(async (tx) => {
    if (parentId) {
      const parent = await findCategory(tx, parentId, { forUpdate: true });
      if (!parent) throw parentCategoryNotFound(parentId);
      if (parent.parentId) throw categoryTooDeep(parent.name);
      if (!input.code.startsWith(`${parent.code}.`)) throw codeNotUnderParent(input.code, parent.code);
      if (!parent.active) throw parentCategoryInactive(parent.name);
    } else if (input.code.includes('.')) {
      throw topLevelCodeWithDot(input.code);
    }
    if (await codeTaken(tx, input.code)) throw duplicateCategoryCode(input.code);
    if (await siblingNamed(tx, parentId, input.name)) throw duplicateCategoryName(input.name);

    const created = await insertCategory(tx, {
      code: input.code,
      parentId,
      name: input.name,
      nameEn: input.nameEn,
      description: input.description,
      sortOrder: input.sortOrder ?? 0,
    });
    // A concurrent insert took the code between the check and the insert.
    if (!created) throw duplicateCategoryCode(input.code);

    await recordAudit(tx, ctx, {
      action: 'opinion_category.created',
      entityType: 'opinion_category',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
