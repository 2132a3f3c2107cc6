import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import {
  type CategoryInsert,
  type CategoryRow,
  deactivateChildren,
  findCategory,
  siblingNamed,
  updateCategory as writeCategory,
} from '../categories.repo.js';
import { categoryNotFound, duplicateCategoryName, parentCategoryInactive } from '../routing.errors.js';
import type { UpdateCategoryBody } from '../routing.schema.js';

/**
 * Renames, re-orders, deactivates or reactivates a category; there is no delete, because past cases and
 * routing rules keep pointing at it. Deactivating a top-level category deactivates its children too
 * (the public form could not show them without their parent); reactivating one brings back only itself.
 */
export async function updateCategory(db: Db, ctx: RequestContext, id: string, input: UpdateCategoryBody): Promise<CategoryRow> {
  return db.transaction(async (tx) => {
    const before = await findCategory(tx, id, { forUpdate: true });
    if (!before) throw categoryNotFound(id);

    if (input.active === true && !before.active && before.parentId) {
      const parent = await findCategory(tx, before.parentId);
      if (parent && !parent.active) throw parentCategoryInactive(parent.name);
    }
    if (input.name !== undefined && input.name !== before.name && (await siblingNamed(tx, before.parentId, input.name, id)))
      throw duplicateCategoryName(input.name);

    const set: Partial<CategoryInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.nameEn !== undefined) set.nameEn = input.nameEn;
    if (input.description !== undefined) set.description = input.description;
    if (input.sortOrder !== undefined) set.sortOrder = input.sortOrder;
    if (input.active !== undefined) set.active = input.active;
    const after = await writeCategory(tx, id, set);
    if (!after) throw categoryNotFound(id);

    const switchedOff = before.active && !after.active && !after.parentId ? await deactivateChildren(tx, id) : [];
    await recordAudit(tx, ctx, {
      action:
        after.active !== before.active
          ? `opinion_category.${after.active ? 'activated' : 'deactivated'}`
          : 'opinion_category.updated',
      entityType: 'opinion_category',
      entityId: id,
      before,
      after: switchedOff.length ? { ...after, deactivatedChildren: switchedOff } : after,
    });
    return after;
  });
}
