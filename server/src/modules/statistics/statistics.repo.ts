import { and, asc, between, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { opinionCategories } from '../opinions/opinions.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { regions } from '../regions/regions.tables.js';
import { METRIC_COLUMNS, type MetricColumn, type Sums } from './statistics.metrics.js';
import type { StatisticsScope } from './statistics.policy.js';
import type { Dimension } from './statistics.schema.js';
import { opinionStatCube as cube } from './statistics.tables.js';

/** The unit_id of the cells that count every case (a unit's own cells carry its id). */
const ALL_CASES = '00000000-0000-0000-0000-000000000000';

/** The SQL of the statistics: sums over the cells of opinion_stat_cube, and the names of what they count. */

/** Whole months, as YYYY-MM. */
export interface Period {
  from: string;
  to: string;
}

// Column names come from the constant list, never from a request.
const sums = Object.fromEntries(
  METRIC_COLUMNS.map((col) => [col, sql.raw(`coalesce(sum("opinion_stat_cube"."${col}"), 0)::float8`).mapWith(Number)]),
) as Record<MetricColumn, SQL<number>>;

/** Rolled up to every ancestor region, so a region's cells are read at scope = its code. */
const ROLLED = new Set(['total', 'region', 'category', 'channel']);

type StorageDim = 'total' | 'region' | 'category' | 'channel' | 'station' | 'deputy' | 'unit';

function cellsOf(scope: StatisticsScope, dim: StorageDim, period: Period): SQL | undefined {
  // A unit's cells are all at scope ''; every case's rolled-up cells at each ancestor region.
  const rolled = scope.unitId !== null || ROLLED.has(dim);
  // A prefix as a range: the scope column sorts by byte (COLLATE "C"), and ':' follows '9'.
  const place = rolled
    ? eq(cube.scope, scope.regionCode)
    : scope.regionCode
      ? sql`${cube.scope} >= ${scope.regionCode} AND ${cube.scope} < ${`${scope.regionCode}:`}`
      : undefined;
  return and(
    eq(cube.unitId, scope.unitId ?? ALL_CASES),
    eq(cube.dim, dim),
    place,
    between(cube.month, `${period.from}-01`, `${period.to}-01`),
  );
}

/** The name of a member, read in the same query as its figures (one round trip per breakdown). */
function nameOf(dimension: Dimension): SQL<string | null> {
  const id = sql`nullif(${cube.member}, '')::uuid`;
  switch (dimension) {
    case 'region':
      return sql`(SELECT r.name FROM regions r WHERE r.code = (${cube.member} COLLATE "default"))`;
    case 'station':
      return sql`(SELECT s.name FROM stations s WHERE s.id = ${id})`;
    case 'deputy':
      return sql`(SELECT p.name FROM deputies d JOIN persons p ON p.id = d.person_id WHERE d.id = ${id})`;
    case 'unit':
      return sql`(SELECT o.name FROM organizations o WHERE o.id = ${id})`;
    default:
      return sql`NULL::text`;
  }
}

/** What a dimension groups by, and in which cells. */
function groupingOf(dimension: Dimension): { dim: StorageDim; key: SQL<string>; name: SQL<string | null> } {
  if (dimension === 'month') return { dim: 'total', key: sql<string>`to_char(${cube.month}, 'YYYY-MM')`, name: sql`NULL::text` };
  return { dim: dimension, key: sql<string>`${cube.member}`, name: nameOf(dimension) };
}

const toSums = (row: Record<string, unknown>): Sums =>
  Object.fromEntries(METRIC_COLUMNS.map((col) => [col, Number(row[col] ?? 0)])) as Sums;

export async function sumCells(db: Executor, scope: StatisticsScope, period: Period): Promise<Sums> {
  const [row] = await db
    .select(sums)
    .from(cube)
    .where(cellsOf(scope, 'total', period));
  return toSums(row ?? {});
}

export interface GroupRow {
  /** '' stands for "none" (no station, no category…). */
  key: string;
  /** Of a region, station, deputy or unit; null for the other dimensions and for "none". */
  name: string | null;
  sums: Sums;
}

/** Dimensions with a member per station or deputy: a province has thousands of them. */
const LARGE: readonly Dimension[] = ['station', 'deputy', 'unit'];

/**
 * The sums per member of a dimension, most received first (months in order). With a page, only
 * that page is read, and `total` is the number of members.
 */
export async function groupCells(
  db: Executor,
  scope: StatisticsScope,
  period: Period,
  dimension: Dimension,
  page?: { limit: number; offset: number },
): Promise<{ rows: GroupRow[]; total: number }> {
  if (page && LARGE.includes(dimension)) return rankedPage(db, scope, period, dimension, page);
  const { dim, key, name } = groupingOf(dimension);
  const order = dimension === 'month' ? [asc(key)] : [sql`${sums.received} DESC`, asc(key)];
  const query = db
    .select({ key: key.as('key'), name: name.as('name'), members: sql<number>`count(*) OVER ()`.mapWith(Number), ...sums })
    .from(cube)
    .where(cellsOf(scope, dim, period))
    .groupBy(key)
    .orderBy(...order)
    .$dynamic();
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return {
    rows: rows.map((r) => ({ key: r.key, name: r.name, sums: toSums(r) })),
    total: rows[0]?.members ?? (page && page.offset > 0 ? await countMembers(db, scope, period, dimension) : 0),
  };
}

/**
 * One page of a dimension that may have thousands of members (the stations of a province), in one
 * statement: the members are ranked by `received`, which the key's index carries, without reading
 * the table; then every figure is summed for the members of the page only, in the regions their
 * cells lie in.
 */
async function rankedPage(
  db: Executor,
  scope: StatisticsScope,
  period: Period,
  dimension: Dimension,
  page: { limit: number; offset: number },
): Promise<{ rows: GroupRow[]; total: number }> {
  const { dim, key, name } = groupingOf(dimension);
  const ranked = db.$with('ranked').as(
    db
      .select({
        member: sql<string>`${key}`.as('ranked_member'),
        members: sql<number>`count(*) OVER ()`.as('ranked_members'),
        received: sql<number>`sum(${sql.raw('"opinion_stat_cube"."received"')})`.as('ranked_received'),
        scopes: sql<string[]>`array_agg(DISTINCT ${cube.scope})`.as('ranked_scopes'),
      })
      .from(cube)
      .where(cellsOf(scope, dim, period))
      .groupBy(key)
      .orderBy(sql`ranked_received DESC`, asc(key))
      .limit(page.limit)
      .offset(page.offset),
  );
  const rows = await db
    .with(ranked)
    .select({ key: key.as('key'), name: name.as('name'), members: sql<number>`ranked.ranked_members`.mapWith(Number), ...sums })
    .from(cube)
    .innerJoin(ranked, and(sql`${cube.member} = ranked.ranked_member`, sql`${cube.scope} = ANY(ranked.ranked_scopes)`))
    .where(cellsOf(scope, dim, period))
    .groupBy(key, sql`ranked.ranked_members`, sql`ranked.ranked_received`)
    .orderBy(sql`ranked.ranked_received DESC`, asc(key));
  const total = rows[0]?.members ?? (page.offset > 0 ? await countMembers(db, scope, period, dimension) : 0);
  return { rows: rows.map((r) => ({ key: r.key, name: r.name, sums: toSums(r) })), total };
}

/** The number of members when the page asked for lies past the last one. */
async function countMembers(db: Executor, scope: StatisticsScope, period: Period, dimension: Dimension): Promise<number> {
  const { dim, key } = groupingOf(dimension);
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${key})`.mapWith(Number) })
    .from(cube)
    .where(cellsOf(scope, dim, period));
  return row?.n ?? 0;
}

// --- names ---------------------------------------------------------------------------------------

export interface Named {
  name: string;
  nameEn: string | null;
}

const byKey = <T extends { key: string }>(rows: T[], name: (r: T) => Named) => new Map(rows.map((r) => [r.key, name(r)]));

export async function regionNames(db: Executor, codes: string[]): Promise<Map<string, Named>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ key: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
  return byKey(rows, (r) => ({ name: r.name, nameEn: null }));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuids = (keys: string[]) => keys.filter((k) => UUID_RE.test(k));

export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, Named>> {
  if (!uuids(ids).length) return new Map();
  const rows = await db
    .select({ key: sql<string>`${organizations.id}::text`, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, uuids(ids)));
  return byKey(rows, (r) => ({ name: r.name, nameEn: null }));
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  sortOrder: number;
}

/** The whole category tree: a few dozen rows. */
export const listCategories = (db: Executor): Promise<CategoryNode[]> =>
  db
    .select({
      id: opinionCategories.id,
      parentId: opinionCategories.parentId,
      name: opinionCategories.name,
      nameEn: opinionCategories.nameEn,
      sortOrder: opinionCategories.sortOrder,
    })
    .from(opinionCategories);
