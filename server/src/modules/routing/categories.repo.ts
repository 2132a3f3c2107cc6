import { and, asc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { opinionCategories } from '../opinions/opinions.tables.js';

export type CategoryRow = typeof opinionCategories.$inferSelect;
export type CategoryInsert = typeof opinionCategories.$inferInsert;

/** Every category, in the order the forms show them; the tree is built from this one read (a few dozen rows). */
export async function listCategories(db: Executor, opts: { activeOnly?: boolean } = {}): Promise<CategoryRow[]> {
  return db
    .select()
    .from(opinionCategories)
    .where(opts.activeOnly ? eq(opinionCategories.active, true) : undefined)
    .orderBy(asc(opinionCategories.sortOrder), asc(opinionCategories.code));
}

export async function findCategory(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CategoryRow | undefined> {
  const q = db.select().from(opinionCategories).where(eq(opinionCategories.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ id: opinionCategories.id }).from(opinionCategories).where(eq(opinionCategories.code, code));
  return !!row;
}

/** Two categories of one name under one parent would look the same in the public form. */
export async function siblingNamed(db: Executor, parentId: string | null, name: string, exceptId?: string): Promise<boolean> {
  const conds: SQL[] = [
    parentId ? eq(opinionCategories.parentId, parentId) : isNull(opinionCategories.parentId),
    eq(opinionCategories.name, name),
  ];
  if (exceptId) conds.push(ne(opinionCategories.id, exceptId));
  const [row] = await db
    .select({ id: opinionCategories.id })
    .from(opinionCategories)
    .where(and(...conds))
    .limit(1);
  return !!row;
}

export async function insertCategory(db: Executor, row: CategoryInsert): Promise<CategoryRow | undefined> {
  const [created] = await db.insert(opinionCategories).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateCategory(db: Executor, id: string, set: Partial<CategoryInsert>): Promise<CategoryRow | undefined> {
  const [row] = await db.update(opinionCategories).set(set).where(eq(opinionCategories.id, id)).returning();
  return row;
}

/** A parent going out of use takes its active children with it; returns the codes it switched off. */
export async function deactivateChildren(db: Executor, parentId: string): Promise<string[]> {
  const rows = await db
    .update(opinionCategories)
    .set({ active: false })
    .where(and(eq(opinionCategories.parentId, parentId), eq(opinionCategories.active, true)))
    .returning({ code: opinionCategories.code });
  return rows.map((r) => r.code).sort();
}
