import type { CategoryRow } from './categories.repo.js';
import type { CategoryItem, CategoryNode, PublicCategoryNode } from './routing.schema.js';

export function toCategoryItem(c: CategoryRow): CategoryItem {
  return {
    id: c.id,
    code: c.code,
    parentId: c.parentId,
    name: c.name,
    nameEn: c.nameEn,
    description: c.description,
    sortOrder: c.sortOrder,
    active: c.active,
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * Two levels: top-level categories with their children, each level in the order of the rows given
 * (sort order, then code). A child whose parent is missing from the rows is left out with it.
 */
export function categoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const children = new Map<string, CategoryItem[]>();
  for (const row of rows) {
    if (!row.parentId) continue;
    const list = children.get(row.parentId) ?? [];
    list.push(toCategoryItem(row));
    children.set(row.parentId, list);
  }
  return rows.filter((r) => !r.parentId).map((r) => ({ ...toCategoryItem(r), children: children.get(r.id) ?? [] }));
}

export const countNodes = (tree: readonly CategoryNode[]): number =>
  tree.reduce((n, node) => n + 1 + (node.children?.length ?? 0), 0);

/** What the public portal and Open311 clients see: active categories only, without administrative fields. */
export function publicCategoryTree(activeRows: readonly CategoryRow[]): PublicCategoryNode[] {
  const pick = ({ id, code, name, nameEn, description }: CategoryItem) => ({ id, code, name, nameEn, description });
  // The rows are active ones only, so an inactive parent is absent and its children drop out with it.
  return categoryTree(activeRows).map((node) => ({ ...pick(node), children: (node.children ?? []).map(pick) }));
}
