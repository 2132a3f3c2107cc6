import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { opinionCategories, opinions, routingRules } from '../modules/opinions/opinions.tables.js';
import { searchDocument } from '../platform/text/tokens.js';
import { uniq } from './factories.js';

/**
 * A category written straight to the table: top-level with a unique code, or under `parent` with the
 * parent's code as prefix. Tests make their own categories, so their routing rules never collide.
 */
export async function buildCategory(
  db: Executor,
  o: { parent?: { id: string; code: string }; name?: string; active?: boolean } = {},
) {
  const own = uniq('t');
  const [row] = await db
    .insert(opinionCategories)
    .values({
      code: o.parent ? `${o.parent.code}.${own}` : own,
      parentId: o.parent?.id ?? null,
      name: o.name ?? `测试分类${own.slice(-6)}`,
      nameEn: `Test category ${own}`,
      active: o.active ?? true,
    })
    .returning();
  if (!row) throw new Error('category not created');
  return row;
}

/** A current routing rule written straight to the table (no audit). */
export async function buildRoutingRule(db: Executor, o: { categoryId: string; regionCode: string; unitId: string }) {
  const [row] = await db.insert(routingRules).values(o).returning();
  if (!row) throw new Error('routing rule not created');
  return row;
}

/**
 * A past case that a unit led, with the search tokens the opinions module would index. Only the
 * columns that suggestions read are meaningful; the rest take the table's defaults.
 */
export async function buildHandledOpinion(
  db: Executor,
  o: { regionCode: string; leadUnitId: string | null; title: string; content?: string; receivedAt?: Date; categoryId?: string },
) {
  const content = o.content ?? o.title;
  const [row] = await db
    .insert(opinions)
    .values({
      trackingCode: uniq('T').toUpperCase(),
      regionCode: o.regionCode,
      channel: 'online',
      categoryId: o.categoryId ?? null,
      title: o.title,
      content,
      state: o.leadUnitId ? 'closed' : 'submitted',
      leadUnitId: o.leadUnitId,
      searchTokens: sql`to_tsvector('simple', ${searchDocument(o.title, content)})`,
      receivedAt: o.receivedAt ?? new Date(),
    })
    .returning({ id: opinions.id });
  if (!row) throw new Error('opinion not created');
  return row;
}
