import { and, asc, count, eq, ilike, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { offsetOf } from '../../platform/http.js';
import { users } from '../../platform/platform.tables.js';
import { isPinyinQuery, likeEscape } from '../../platform/text.js';
import { initialsVariants } from '../regions/regions.search.js';
import { regions } from '../regions/regions.tables.js';
import type { OrganizationVisibility } from './organizations.policy.js';
import type { OrganizationQuery } from './organizations.schema.js';
import { organizations } from './organizations.tables.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationInsert = typeof organizations.$inferInsert;

const parent = alias(organizations, 'parent');

/** The organization and every one below it (UNION, not UNION ALL: a bad cycle cannot loop forever). */
const subtreeIds = (rootId: string) => sql`(
  WITH RECURSIVE tree(id) AS (
    SELECT o.id FROM organizations o WHERE o.id = ${rootId}
    UNION
    SELECT o.id FROM organizations o JOIN tree ON o.parent_id = tree.id
  ) SELECT id FROM tree)`;

function visibilityCondition(v: OrganizationVisibility): SQL | undefined {
  if (v.kind === 'tree') return v.rootId ? sql`${organizations.id} IN ${subtreeIds(v.rootId)}` : sql`false`;
  return v.regionCode ? like(organizations.regionCode, `${v.regionCode}%`) : undefined;
}

/** Chinese text as a substring of the name or short name; Latin letters also as pinyin or initials. */
function searchCondition(raw: string): SQL {
  const text = `%${likeEscape(raw)}%`;
  const compact = raw.replace(/[\s']/g, '');
  const byName = or(ilike(organizations.name, text), ilike(organizations.shortName, text)) as SQL;
  if (!isPinyinQuery(compact)) return byName;
  // Names carry their region (哈尔滨市公安局), so pinyin matches anywhere in the name, not only at its start.
  const lower = compact.toLowerCase();
  const initials = initialsVariants(lower).map((v) => like(organizations.nameInitials, `%${likeEscape(v)}%`));
  return or(byName, like(organizations.namePinyin, `%${likeEscape(lower)}%`), ...initials) as SQL;
}

export async function listOrganizations(db: Executor, f: OrganizationQuery, visibility: OrganizationVisibility) {
  const conds = [visibilityCondition(visibility)];
  if (f.regionCode) conds.push(like(organizations.regionCode, `${f.regionCode}%`));
  if (f.category) conds.push(eq(organizations.category, f.category));
  if (f.kind) conds.push(eq(organizations.kind, f.kind));
  if (f.status) conds.push(eq(organizations.status, f.status));
  if (f.parentId) conds.push(eq(organizations.parentId, f.parentId));
  if (f.q) conds.push(searchCondition(f.q));
  const where = and(...conds.filter((c): c is SQL => !!c));
  const [rows, [total]] = await Promise.all([
    selectWithNames(db)
      .where(where)
      // Region code first groups each region's bodies together, the city's before its districts'.
      .orderBy(asc(organizations.regionCode), asc(organizations.namePinyin), asc(organizations.id))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

function selectWithNames(db: Executor) {
  return db
    .select({ organization: organizations, regionName: regions.name, parentName: parent.name })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .leftJoin(parent, eq(parent.id, organizations.parentId));
}

export type OrganizationWithNames = Awaited<ReturnType<typeof listOrganizations>>['rows'][number];

export async function findOrganizationWithNames(db: Executor, id: string): Promise<OrganizationWithNames | undefined> {
  const [row] = await selectWithNames(db).where(eq(organizations.id, id));
  return row;
}

export async function findOrganization(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(organizations).where(eq(organizations.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Whether `id` is `rootId` or lies below it: the check that keeps the parent chain free of cycles. */
export async function isInSubtree(db: Executor, rootId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, id), sql`${organizations.id} IN ${subtreeIds(rootId)}`));
  return !!row;
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(eq(organizations.parentId, id));
  return row?.n ?? 0;
}

/** Children whose region would fall outside `regionCode`'s subtree if their parent moved there. */
export async function childOutsideRegion(db: Executor, id: string, regionCode: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.parentId, id), sql`${organizations.regionCode} NOT LIKE ${`${regionCode}%`}`))
    .limit(1);
  return row;
}

export async function nameTaken(db: Executor, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const conds = [eq(organizations.regionCode, regionCode), eq(organizations.name, name)];
  if (exceptId) conds.push(ne(organizations.id, exceptId));
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(...conds))
    .limit(1);
  return !!row;
}

export async function insertOrganization(db: Executor, values: OrganizationInsert): Promise<OrganizationRow | undefined> {
  // The only unique key besides the id is (region_code, name): a conflict means the name is taken.
  const [row] = await db.insert(organizations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateOrganization(
  db: Executor,
  id: string,
  set: Partial<OrganizationInsert>,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.update(organizations).set(set).where(eq(organizations.id, id)).returning();
  return row;
}

export async function accountsActingFor(db: Executor, organizationId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.username));
}

export async function regionOf(db: Executor, code: string) {
  const [row] = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(eq(regions.code, code));
  return row;
}
