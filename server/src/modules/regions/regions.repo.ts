import { and, asc, count, eq, inArray, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { offsetOf } from '../../platform/http.js';
import { isPinyinQuery, likeEscape } from '../../platform/text.js';
import type { RegionQuery } from './regions.schema.js';
import { initialsVariants } from './regions.search.js';
import { type RegionLevel, regions } from './regions.tables.js';

export type RegionRow = typeof regions.$inferSelect;
export interface PathEntry {
  code: string;
  name: string;
  isGrouping: boolean;
}

/** Codes nest by prefix: 2 digits province, 4 city, 6 county, 9 township, 12 community. */
const PREFIX_LENGTHS = [2, 4, 6, 9] as const;

export function ancestorCodes(code: string): string[] {
  return PREFIX_LENGTHS.filter((n) => n < code.length).map((n) => code.slice(0, n));
}

// Served by regions_parent_idx; cheaper than counting, and lists only need to know whether to show an arrow.
// Written out: drizzle leaves columns in a select list unqualified, which would bind to the inner "c".
const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = regions.code)`.mapWith(Boolean);

/**
 * Latin letters search the pinyin keys by prefix (haerbin, hrb), digits the codes by prefix, anything
 * else the Chinese name as a substring (LIKE; pg_trgm's index serves three characters and more).
 */
function searchCondition(raw: string): SQL {
  const compact = raw.replace(/[\s']/g, '');
  if (/^\d+$/.test(compact)) return like(regions.code, `${compact}%`);
  if (isPinyinQuery(compact)) {
    const lower = compact.toLowerCase();
    const initials = initialsVariants(lower).map((v) => like(regions.nameInitials, `${likeEscape(v)}%`));
    return or(like(regions.namePinyin, `${likeEscape(lower)}%`), ...initials) as SQL;
  }
  return like(regions.name, `%${likeEscape(raw)}%`);
}

function listConditions(f: RegionQuery): SQL | undefined {
  const conds: SQL[] = [];
  const searching = !!f.q || !!f.level;
  if (f.parent) {
    conds.push(
      searching ? (and(like(regions.code, `${f.parent}%`), ne(regions.code, f.parent)) as SQL) : eq(regions.parentCode, f.parent),
    );
  } else if (!searching) {
    conds.push(isNull(regions.parentCode));
  }
  if (f.level) conds.push(eq(regions.level, f.level));
  if (f.q) conds.push(searchCondition(f.q));
  return conds.length ? and(...conds) : undefined;
}

export async function listRegions(db: Executor, f: RegionQuery) {
  const where = listConditions(f);
  // PGlite sorts Chinese by code point, so the pinyin key gives the order; a search shows the higher
  // levels first (哈尔 → 哈尔滨市 before the townships whose names contain it).
  const order = f.q
    ? [asc(sql`length(${regions.code})`), asc(regions.namePinyin), asc(regions.code)]
    : [asc(regions.namePinyin), asc(regions.code)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ region: regions, hasChildren })
      .from(regions)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(regions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findRegion(db: Executor, code: string, opts: { forUpdate?: boolean } = {}): Promise<RegionRow | undefined> {
  const q = db.select().from(regions).where(eq(regions.code, code));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function countChildren(db: Executor, code: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(regions).where(eq(regions.parentCode, code));
  return row?.n ?? 0;
}

/** The ancestors of every given code, in one query; codes whose prefixes are not stored are skipped. */
export async function pathsOf(db: Executor, codes: readonly string[]): Promise<Map<string, PathEntry[]>> {
  const wanted = [...new Set(codes.flatMap(ancestorCodes))];
  const found = wanted.length
    ? await db
        .select({ code: regions.code, name: regions.name, isGrouping: regions.isGrouping })
        .from(regions)
        .where(inArray(regions.code, wanted))
    : [];
  const byCode = new Map(found.map((r) => [r.code, r]));
  return new Map(codes.map((code) => [code, ancestorCodes(code).flatMap((a) => byCode.get(a) ?? [])] as const));
}

/** Another child of the same parent with this name (communities of one township must be told apart). */
export async function siblingNamed(db: Executor, parentCode: string, name: string, exceptCode?: string) {
  const conds = [eq(regions.parentCode, parentCode), eq(regions.name, name)];
  if (exceptCode) conds.push(ne(regions.code, exceptCode));
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(...conds))
    .limit(1);
  return row;
}

export async function insertRegion(db: Executor, row: typeof regions.$inferInsert): Promise<RegionRow | undefined> {
  const [inserted] = await db.insert(regions).values(row).onConflictDoNothing({ target: regions.code }).returning();
  return inserted;
}

export async function updateRegionName(
  db: Executor,
  code: string,
  level: RegionLevel,
  set: Pick<RegionRow, 'name' | 'namePinyin' | 'nameInitials'>,
): Promise<RegionRow | undefined> {
  // Guarded by level, so an imported division can never be renamed even if a caller forgets the check.
  const [row] = await db
    .update(regions)
    .set(set)
    .where(and(eq(regions.code, code), eq(regions.level, level)))
    .returning();
  return row;
}
