import { type Db, type Executor, fixedQuery } from '../../db/client.js';
import { nameCacheOf } from '../../platform/names.js';
import { opinionCategories } from '../opinions/opinions.tables.js';
import { COUNTY_CODE_LENGTH, regionRangeEnd } from '../regions/regions.tables.js';
import { METRIC_COLUMNS, type Sums, sumsOf } from './statistics.metrics.js';
import type { StatisticsScope } from './statistics.policy.js';
import type { Dimension } from './statistics.schema.js';

/** The unit_id of the cells that count every case (a unit's own cells carry its id). */
const ALL_CASES = '00000000-0000-0000-0000-000000000000';

/** The SQL of the statistics: sums over the cells of opinion_stat_cube, and the names of what they count. */

/** Whole months, as YYYY-MM. */
export interface Period {
  from: string;
  to: string;
}

/*
 * Every statement here is fixed text, prepared once per connection and named after its variant
 * (fixedQuery): an overview or a breakdown is a handful of index-only reads of the cube, and
 * building and planning a drizzle query with thirty sums cost more than reading them.
 */

/**
 * A value per metric column as one text, in METRIC_COLUMNS order (sumsOf reads it). Column names come
 * from the constant list.
 */
const joined = (value: (col: string) => string) => `concat_ws(',', ${METRIC_COLUMNS.map(value).join(', ')}) AS sums`;
/** The sums of the cells. Every sum is coalesced: concat_ws skips a null, which would move the values after it. */
const SUMS = joined((col) => `coalesce(sum(c.${col}), 0)`);
/** One cell's own figures, as SUMS writes them. */
const CELL_SUMS = joined((col) => `c.${col}`);

/** Rolled up to every ancestor region, so a region's cells are read at scope = its code. */
const ROLLED = new Set(['total', 'region', 'category', 'channel']);
/**
 * The dimensions with year cells (migrations 0020 and 0022): those read by region range, and the
 * regions, whose breakdown reads each child region's months (the province demo: 156 cells).
 */
const WITH_YEAR_CELLS = new Set<StorageDim>(['region', 'station', 'deputy', 'unit']);

type StorageDim = 'total' | 'region' | 'category' | 'channel' | 'station' | 'deputy' | 'unit';

/** The cells a statement sums: `from(extra)` is its FROM clause (alias c), `extra` a further condition on c. */
interface Cells {
  /** Which of the statement texts cellsOf writes: a prepared statement's name tells them apart. */
  variant: 'rolled' | 'rolled-year' | 'range' | 'range-year';
  values: unknown[];
  from(extra?: string): string;
  /**
   * Of 'rolled-year' cells, the two branches of `from` apart: there a member has one year cell, which
   * needs no summing (groupCells).
   */
  branches?: { years: string; months: string };
}

/**
 * No case of the period's year was received after the period's last month: its year cells then
 * hold exactly what its months do. (The global totals at scope '' have a cell for every month with
 * any case, so one index probe tells.)
 */
const NOTHING_LATER = `NOT EXISTS (SELECT 1 FROM opinion_stat_cube t
  WHERE t.unit_id = '${ALL_CASES}' AND t.dim = 'total' AND t.scope = ''
    AND t.month > $4::date AND t.month < $3::date + interval '1 year')`;

/**
 * The cells of a scope, dimension and period as a FROM clause on $1…$5 (or $1…$6 for a range of
 * regions) and the values for them. A unit's cells are all at scope ''; every case's rolled-up cells
 * at each ancestor region; the others (station, deputy, unit) at their own region, read as a range
 * (the scope column sorts by byte, COLLATE "C"). Those and the regions have year cells too
 * (WITH_YEAR_CELLS): a period from January to a month of the same year reads them when nothing of
 * its year lies after it (the usual "this year so far"), and the months otherwise; the planner keeps
 * one branch and skips the other.
 */
function cellsOf(scope: StatisticsScope, dim: StorageDim, period: Period): Cells {
  const values: unknown[] = [scope.unitId ?? ALL_CASES, dim, `${period.from}-01`, `${period.to}-01`];
  const months = 'c.unit_id = $1::uuid AND c.dim = $2 AND c.month BETWEEN $3::date AND $4::date';
  const and = (extra?: string) => (extra ? ` AND ${extra}` : '');
  const yearly = WITH_YEAR_CELLS.has(dim) && period.from.endsWith('-01') && period.from.slice(0, 4) === period.to.slice(0, 4);
  /** The year cells when nothing of the year lies after the period, the months otherwise. */
  const branchesOf = (where: string, extra?: string) => ({
    years: `opinion_stat_year c
       WHERE (SELECT ${NOTHING_LATER}) AND c.unit_id = $1::uuid AND c.dim = $2 AND c.month = $3::date AND ${where}${and(extra)}`,
    months: `opinion_stat_cube c
       WHERE NOT (SELECT ${NOTHING_LATER}) AND ${months} AND ${where}${and(extra)}`,
  });
  const yearsOrMonths = (where: string) => (extra?: string) => {
    const b = branchesOf(where, extra);
    return `(SELECT * FROM ${b.years}
      UNION ALL
      SELECT * FROM ${b.months}) c`;
  };
  if (scope.unitId !== null || ROLLED.has(dim)) {
    return yearly
      ? {
          variant: 'rolled-year',
          values: [...values, scope.regionCode],
          from: yearsOrMonths('c.scope = $5'),
          branches: branchesOf('c.scope = $5'),
        }
      : {
          variant: 'rolled',
          values: [...values, scope.regionCode],
          from: (extra) => `opinion_stat_cube c WHERE ${months} AND c.scope = $5${and(extra)}`,
        };
  }
  const range = 'c.scope >= $5 AND c.scope < $6';
  return {
    variant: yearly ? 'range-year' : 'range',
    values: [...values, scope.regionCode, regionRangeEnd(scope.regionCode)],
    from: yearly ? yearsOrMonths(range) : (extra) => `opinion_stat_cube c WHERE ${months} AND ${range}${and(extra)}`,
  };
}

/**
 * Each statement is prepared under a name per text. A generic plan suits every scope here: an index
 * range of the key and an aggregate, whatever the range's size; planning the thirty-odd sums was
 * most of a breakdown's time in the database. The ranked page's join is the exception (rankedPage).
 */
const statementName = (name: string, cells: Cells) => `${name}-${cells.variant}`;

/** The name of a member, read in the same statement as its figures. */
function nameOf(dimension: Dimension, member = 'c.member'): string {
  const id = `nullif(${member}, '')::uuid`;
  switch (dimension) {
    case 'region':
      return `(SELECT r.name FROM regions r WHERE r.code = (${member} COLLATE "default"))`;
    case 'station':
      return `(SELECT s.name FROM stations s WHERE s.id = ${id})`;
    case 'deputy':
      return `(SELECT p.name FROM deputies d JOIN persons p ON p.id = d.person_id WHERE d.id = ${id})`;
    case 'unit':
      return `(SELECT o.name FROM organizations o WHERE o.id = ${id})`;
    default:
      return 'NULL::text';
  }
}

/** What a dimension groups by, and in which cells. */
function groupingOf(dimension: Dimension): { dim: StorageDim; key: string; name: string } {
  if (dimension === 'month') return { dim: 'total', key: `to_char(c.month, 'YYYY-MM')`, name: 'NULL::text' };
  return { dim: dimension, key: 'c.member', name: nameOf(dimension) };
}

/** The names a scope shows beside its figures: the regions of its path and its unit. */
export interface ScopeNames {
  regions: Map<string, string>;
  unitName: string | null;
}

/**
 * The names of a scope (codes are region codes) from the process's name cache (platform/names.ts),
 * not read inside the statements of the figures: there a generic plan estimates `code = ANY($n)` at
 * ten regions against a custom plan's one, enough for PostgreSQL to judge the generic plan dearer and
 * plan the statement every time (the province overview's bind took 0.5 ms once a VACUUM FULL of the
 * cells had changed the other estimates).
 */
export async function scopeNames(db: Db, codes: string[], unitId: string | null): Promise<ScopeNames> {
  const name = await nameCacheOf(db).lookup(db, { region: codes, unit: [unitId] });
  const regions = new Map<string, string>();
  for (const code of codes) {
    const found = name('region', code);
    if (found !== null) regions.set(code, found);
  }
  return { regions, unitName: name('unit', unitId) };
}

/** The scope's total figures. */
export async function sumCells(db: Executor, scope: StatisticsScope, period: Period): Promise<Sums> {
  const cells = cellsOf(scope, 'total', period);
  const [row] = await fixedQuery<{ sums: string }>(db, 'stat-sum-total', `SELECT ${SUMS} FROM ${cells.from()}`, cells.values);
  return sumsOf(row?.sums);
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

interface GroupRowText {
  key: string;
  name: string | null;
  members: number | string;
  sums: string;
}

export interface Groups {
  rows: GroupRow[];
  total: number;
}

const groupsOf = (rows: GroupRowText[], total: number): Groups => ({
  rows: rows.map((r) => ({ key: r.key, name: r.name, sums: sumsOf(r.sums) })),
  total,
});

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
): Promise<Groups> {
  // A county's stations, deputies or units are a few thousand cells at most: summing them all in
  // one pass is quicker than ranking first; above a county, the two steps (see rankedPage).
  if (page && LARGE.includes(dimension) && scope.regionCode.length < COUNTY_CODE_LENGTH) {
    return rankedPage(db, scope, period, dimension, page);
  }
  const { dim, key, name } = groupingOf(dimension);
  const cells = cellsOf(scope, dim, period);
  const n = cells.values.length;
  const page$ = `LIMIT $${n + 1} OFFSET $${n + 2}`;
  const order = dimension === 'month' ? 'key' : 'sum(c.received) DESC, key';
  // The regions' year cells, one per child region, are read as they are: summing a row each with
  // thirty-one aggregates, sorted into groups of one, was more than a quarter of the statement's time.
  const text = cells.branches
    ? `SELECT g.key, ${nameOf(dimension, 'g.key')} AS name, count(*) OVER () AS members, g.sums FROM (
        SELECT ${key} AS key, c.received, ${CELL_SUMS} FROM ${cells.branches.years}
        UNION ALL
        SELECT ${key}, sum(c.received), ${SUMS} FROM ${cells.branches.months} GROUP BY 1) g
      ORDER BY g.received DESC, g.key ${page$}`
    : `SELECT ${key} AS key, ${name} AS name, count(*) OVER () AS members, ${SUMS}
      FROM ${cells.from()} GROUP BY 1 ORDER BY ${order} ${page$}`;
  const statement = statementName(`stat-group-${dimension}`, cells);
  const rows = await fixedQuery<GroupRowText>(db, statement, text, [...cells.values, page?.limit ?? null, page?.offset ?? 0]);
  const total = rows[0]
    ? Number(rows[0].members)
    : page && page.offset > 0
      ? await countMembers(db, scope, period, dimension)
      : 0;
  return groupsOf(rows, total);
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
): Promise<Groups> {
  const { dim, key } = groupingOf(dimension);
  const cells = cellsOf(scope, dim, period);
  const n = cells.values.length;
  // The page's sums are read per member (LATERAL), in its own regions' cells: one short index range
  // each, whatever plan a prepared statement settles on.
  const text = `WITH ranked AS (
      SELECT ${key} AS member, count(*) OVER () AS members, sum(c.received) AS received, array_agg(DISTINCT c.scope) AS scopes
      FROM ${cells.from()}
      GROUP BY 1 ORDER BY received DESC, member LIMIT $${n + 1} OFFSET $${n + 2})
    SELECT ranked.member AS key, ${nameOf(dimension, 'ranked.member')} AS name, ranked.members, s.*
    FROM ranked CROSS JOIN LATERAL (
      SELECT ${SUMS} FROM ${cells.from('c.scope = ANY(ranked.scopes) AND c.member = ranked.member')}) s
    ORDER BY ranked.received DESC, ranked.member`;
  // Planned for its values each time: a generic plan of this join, made for a township's few cells,
  // was seen to take fifty times longer on a province's thousands.
  const rows = await fixedQuery<GroupRowText>(db, null, text, [...cells.values, page.limit, page.offset]);
  const total = rows[0] ? Number(rows[0].members) : page.offset > 0 ? await countMembers(db, scope, period, dimension) : 0;
  return groupsOf(rows, total);
}

/** The number of members when the page asked for lies past the last one. */
async function countMembers(db: Executor, scope: StatisticsScope, period: Period, dimension: Dimension): Promise<number> {
  const { dim, key } = groupingOf(dimension);
  const cells = cellsOf(scope, dim, period);
  const text = `SELECT count(DISTINCT ${key}) AS n FROM ${cells.from()}`;
  const [row] = await fixedQuery<{ n: number | string }>(
    db,
    statementName(`stat-members-${dimension}`, cells),
    text,
    cells.values,
  );
  return Number(row?.n ?? 0);
}

// --- names ---------------------------------------------------------------------------------------

export interface Named {
  name: string;
  nameEn: string | null;
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
