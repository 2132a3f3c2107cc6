import { createHash } from 'node:crypto';
import { type AnyColumn, and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, type Executor, preparedQuery, resultRows } from '../../db/client.js';
import { regionRangeEnd, underRegion } from '../regions/regions.tables.js';
import type { OpinionFilter, OpinionSort, QueueKey } from './opinions.list.schema.js';
import { type ListRow, listRowsByIds, type RawListRow, withListNames } from './opinions.rows.repo.js';
import { type SearchTerms, searchCondition, searchTermsOf } from './opinions.search.js';
import { opinions } from './opinions.tables.js';
import type { CaseScope } from './opinions.visibility.js';
import { CLOSED_STATES, OPEN_STATES, type OpinionState } from './opinions.workflow.js';

/** The SQL of the case lists, the workbench queues, the search and the export. */

/** The states whose deadline binds the people handling the case (the evaluation window binds the constituent). */
export const DEADLINE_STATES: readonly OpinionState[] = OPEN_STATES.filter((s) => s !== 'awaiting_evaluation');

/**
 * Constant state lists go into the SQL as literals, so the planner can match the partial indexes on
 * open cases (their predicate is `state NOT IN ('closed', …)`) whatever the plan cache does.
 */
const states = (list: readonly OpinionState[]) => sql.raw(list.map((s) => `'${s}'`).join(', '));
const isOpen = sql`${opinions.state} NOT IN (${states(CLOSED_STATES)})`;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** One text[] parameter, so that lists of any length share a statement's text. */
const anyOf = (column: AnyColumn, values: readonly string[]) => sql`${column} = ANY(${`{${values.join(',')}}`}::text[])`;

/**
 * States asked for: when none is closed the literal open-case condition goes with them, so that a
 * generic plan, which cannot see the parameter's values, may still use the partial indexes on open cases.
 */
const stateIn = (list: readonly OpinionState[]) =>
  list.some((s) => CLOSED_STATES.includes(s)) ? anyOf(opinions.state, list) : sql`(${anyOf(opinions.state, list)} AND ${isOpen})`;

/** The instants the deadline queues are measured against. */
export interface QueueClock {
  now: Date;
  /** The end of the second working day from today: what is due by then is due soon. */
  soonEnd: Date;
}

/** Never NULL (a case without a deadline is not overdue), so `NOT` of it is the complement. */
export const overdueCondition = (now: Date) =>
  sql`(${opinions.state} IN (${states(DEADLINE_STATES)}) AND ${opinions.dueAt} IS NOT NULL AND ${opinions.dueAt} < ${ts(now)})`;

const dueSoonCondition = (c: QueueClock) =>
  sql`(${opinions.state} IN (${states(DEADLINE_STATES)}) AND ${opinions.dueAt} >= ${ts(c.now)} AND ${opinions.dueAt} <= ${ts(c.soonEnd)})`;

const inList = (column: typeof opinions.id | typeof opinions.stationId | typeof opinions.responsibleDeputyId, ids: string[]) =>
  ids.length ? inArray(column, ids) : sql`false`;

export function scopeCondition(scope: CaseScope): SQL | undefined {
  switch (scope.kind) {
    case 'region':
      return scope.prefix === '' ? undefined : underRegion(opinions.regionCode, scope.prefix);
    case 'station':
      return scope.stationId ? eq(opinions.stationId, scope.stationId) : sql`false`;
    case 'deputy':
      return or(inList(opinions.responsibleDeputyId, scope.deputyIds), inList(opinions.stationId, scope.stationIds));
    case 'unit':
      return scope.unitId
        ? sql`${opinions.id} IN (SELECT ou.opinion_id FROM opinion_units ou WHERE ou.unit_id = ${scope.unitId})`
        : sql`false`;
    case 'none':
      return sql`false`;
  }
}

/** The deputy's own cases: responsible for them, or, while a case has no responsible deputy, of their station. */
const responsibleCondition = (scope: CaseScope): SQL => {
  if (scope.kind !== 'deputy') return sql`false`;
  return sql`(${inList(opinions.responsibleDeputyId, scope.deputyIds)} OR (${opinions.responsibleDeputyId} IS NULL AND ${inList(opinions.stationId, scope.stationIds)}))`;
};

/** Where a unit stands with a case: the status of its latest row (a later round or a new transfer supersedes older ones). */
const unitStatusCondition = (scope: CaseScope, status: 'transferred' | 'handling' | 'replied' | 'returned'): SQL => {
  if (scope.kind !== 'unit' || !scope.unitId) return sql`false`;
  return sql`${opinions.id} IN (
    SELECT ou.opinion_id FROM opinion_units ou
    WHERE ou.unit_id = ${scope.unitId} AND ou.status = ${status}
      AND NOT EXISTS (SELECT 1 FROM opinion_units later
        WHERE later.opinion_id = ou.opinion_id AND later.unit_id = ou.unit_id AND later.created_at > ou.created_at))`;
};

/**
 * The queues of contracts.md §A. A deputy's deadline queues are about the cases they are
 * responsible for; everyone else's about all they see.
 */
export function queueCondition(queue: QueueKey, scope: CaseScope, clock: QueueClock): SQL | undefined {
  const mineIfDeputy = (c: SQL) => (scope.kind === 'deputy' ? and(responsibleCondition(scope), c) : c);
  switch (queue) {
    case 'mine':
      return and(isOpen, responsibleCondition(scope));
    case 'due_soon':
      return mineIfDeputy(dueSoonCondition(clock));
    case 'overdue':
      return mineIfDeputy(overdueCondition(clock.now));
    case 'station_queue':
      // What the station acts on: accepting, answering or escalating, and feeding the answer back.
      return sql`${opinions.state} IN ('submitted', 'accepted', 'replied')`;
    case 'triage':
      // The office decides cases in review (new, returned, or unsatisfied), and takes in cases no station holds.
      // (Stated so that the open-case index answers it without visiting the table.)
      return sql`(${opinions.state} IN ('in_review', 'submitted', 'accepted') AND (${opinions.state} = 'in_review' OR ${opinions.stationId} IS NULL))`;
    case 'all':
      return undefined;
    case 'supervised':
      return and(isOpen, eq(opinions.supervised, true));
    case 'returned':
      if (scope.kind === 'unit') return unitStatusCondition(scope, 'returned');
      // Back with the office because a unit returned it: a return clears the lead unit, which an
      // unsatisfied evaluation keeps (for re-handling). Driven from the few returned unit rows of the region.
      return sql`(${opinions.state} = 'in_review' AND ${opinions.leadUnitId} IS NULL AND ${opinions.id} IN (
        SELECT r.opinion_id FROM opinion_units r WHERE r.status = 'returned'${
          scope.kind === 'region' && scope.prefix !== '' ? sql` AND ${underRegion(sql`r.region_code`, scope.prefix)}` : sql``
        }))`;
    case 'extensions':
      return sql`EXISTS (SELECT 1 FROM opinion_extensions x WHERE x.opinion_id = ${opinions.id} AND x.status = 'pending')`;
    case 'received':
      return and(eq(opinions.state, 'transferred'), unitStatusCondition(scope, 'transferred'));
    case 'due':
      return and(eq(opinions.state, 'handling'), unitStatusCondition(scope, 'handling'));
    case 'replied':
      return unitStatusCondition(scope, 'replied');
  }
}

const CST = '+08:00';
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every filter of the list, AND-ed with the account's scope. */
export function caseCondition(
  scope: CaseScope,
  f: OpinionFilter,
  clock: QueueClock,
  terms: SearchTerms | undefined = f.q ? searchTermsOf(f.q) : undefined,
): SQL | undefined {
  // A region asked for inside the account's region says all the scope says (one prefix less to plan).
  const narrowed = scope.kind === 'region' && !!f.regionCode?.startsWith(scope.prefix);
  const conditions: (SQL | undefined)[] = [narrowed ? undefined : scopeCondition(scope)];
  if (f.queue) conditions.push(queueCondition(f.queue, scope, clock));
  if (terms) conditions.push(searchCondition(terms));
  if (f.state) conditions.push(stateIn(f.state));
  if (f.channel) conditions.push(anyOf(opinions.channel, f.channel));
  if (f.categoryId) {
    conditions.push(sql`${opinions.categoryId} IN (
      WITH RECURSIVE sub AS (
        SELECT id FROM opinion_categories WHERE id = ${f.categoryId}
        UNION ALL SELECT c.id FROM opinion_categories c JOIN sub ON c.parent_id = sub.id)
      SELECT id FROM sub)`);
  }
  if (f.regionCode) conditions.push(underRegion(opinions.regionCode, f.regionCode));
  if (f.stationId) conditions.push(eq(opinions.stationId, f.stationId));
  if (f.deputyId) conditions.push(eq(opinions.responsibleDeputyId, f.deputyId));
  if (f.unitId)
    conditions.push(sql`${opinions.id} IN (SELECT ou.opinion_id FROM opinion_units ou WHERE ou.unit_id = ${f.unitId})`);
  // Received dates are calendar days in China, whatever the server's time zone.
  if (f.from) conditions.push(sql`${opinions.receivedAt} >= ${`${f.from}T00:00:00${CST}`}::timestamptz`);
  if (f.to) conditions.push(sql`${opinions.receivedAt} < ${`${nextDay(f.to)}T00:00:00${CST}`}::timestamptz`);
  if (f.overdue !== undefined) conditions.push(f.overdue ? overdueCondition(clock.now) : sql`NOT ${overdueCondition(clock.now)}`);
  if (f.supervised !== undefined) conditions.push(eq(opinions.supervised, f.supervised));
  return and(...conditions);
}

/**
 * The orders of a list, on opinions' own columns unqualified: they serve the statements on the table
 * and the one-pass set of a list's matches (listPage) alike.
 */
const ORDERS: Record<Exclude<OpinionSort, 'relevance'>, string> = {
  receivedAt: 'received_at ASC, id ASC',
  '-receivedAt': 'received_at DESC, id DESC',
  dueAt: 'due_at ASC NULLS LAST, id ASC',
  '-dueAt': 'due_at DESC NULLS LAST, id DESC',
};

export const orderOf = (sort: Exclude<OpinionSort, 'relevance'>): SQL[] => [sql.raw(ORDERS[sort])];

/**
 * The number of matching cases; with a cap, counting stops there (a search of a common word in a
 * province matches hundreds of thousands), and `exact` says whether the cap was reached.
 */
export async function countCases(db: Executor, where: SQL | undefined, cap?: number): Promise<{ total: number; exact: boolean }> {
  if (cap === undefined) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(opinions).where(where);
    return cappedCount(row?.n ?? 0);
  }
  const limited = db
    .select({ one: sql`1` })
    .from(opinions)
    .where(where)
    .limit(cap + 1)
    .as('limited');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  return cappedCount(row?.n ?? 0, cap);
}

/** A count of matches read up to cap + 1: past the cap it says the cap and that there are more. */
export const cappedCount = (n: number, cap?: number): { total: number; exact: boolean } =>
  cap !== undefined && n > cap ? { total: cap, exact: false } : { total: n, exact: true };

export async function caseIds(db: Executor, where: SQL | undefined, order: SQL[], limit: number, offset = 0): Promise<string[]> {
  const rows = await db
    .select({ id: opinions.id })
    .from(opinions)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map((r) => r.id);
}

/**
 * The CTE `recent` of the pool + 1 most recent matches of `where` among the rows `from` yields (an
 * opinions row in each), with their rank.
 */
const newestMatches = (from: SQL, where: SQL | undefined, rank: SQL<number>, pool: number) =>
  sql`recent AS MATERIALIZED (
    SELECT ${opinions.id} AS id, ${opinions.receivedAt} AS received_at, ${rank} AS rank FROM ${from}
    WHERE ${where ?? sql`true`} ORDER BY ${opinions.receivedAt} DESC, ${opinions.id} DESC LIMIT ${pool + 1})`;

/**
 * After the CTE `recent` (id, received_at, rank): the page's ids by rank among the `pool` newest, and
 * `count`, by default how many `recent` holds.
 */
const poolPage = (
  pool: number,
  limit: number,
  offset: number,
  ids: SQL = sql`id`,
  count: SQL = sql`(SELECT count(*)::int FROM recent)`,
) =>
  sql`, candidates AS (SELECT * FROM recent ORDER BY received_at DESC, id DESC LIMIT ${pool})
    SELECT ARRAY(SELECT ${ids} FROM candidates ORDER BY rank DESC, received_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}) AS ids,
      ${count} AS n`;

/**
 * The best `limit` of the `pool` most recent matches, by `rank`, with their rows: the rank is
 * computed on the pool only, so a search costs the same in a township and in a province. `pooled`
 * is how many matches the pool holds, up to pool + 1 (one more says there are more): the search's
 * count, at no cost.
 */
export async function rankedPage(
  db: Db,
  where: SQL | undefined,
  rank: SQL<number>,
  pool: number,
  limit: number,
  offset: number,
  joins: SQL = sql``,
): Promise<{ rows: ListRow[]; pooled: number }> {
  const [found] = resultRows<{ ids: string[]; n: number | string }>(
    await db.execute(
      sql`WITH ${newestMatches(sql`opinions${joins}`, where, rank, pool)}${poolPage(pool, limit, offset, sql`id::text`)}`,
    ),
  );
  // The rows by the statement prepared once (listRowsByIds), not inside this one: a search is planned
  // for its words each time, and planning the rows' function with it cost 0.3 ms more on the province.
  return { rows: await listRowsByIds(db, found?.ids ?? []), pooled: Number(found?.n ?? 0) };
}

/**
 * rankedPage for a search of one word (SearchTerms.word) whose only other condition is a region: the
 * word's newest rows with their rank, read from its index alone (migration 0026), instead of its 200
 * newest cases. Its shape does not depend on how common the word is, so it is planned once.
 */
export async function wordRankedPage(
  db: Db,
  word: string,
  regionPrefix: string,
  pool: number,
  limit: number,
  offset: number,
): Promise<{ rows: ListRow[]; pooled: number }> {
  const region = regionPrefix === '' ? sql`` : sql` AND ${underRegion(sql`w.region_code`, regionPrefix)}`;
  const found = await pageWithRows(
    db,
    sql`WITH recent AS MATERIALIZED (
        SELECT w.opinion_id AS id, w.received_at, w.rank FROM opinion_search_words w
        WHERE w.word = ${word}${region} ORDER BY w.received_at DESC, w.opinion_id DESC LIMIT ${pool + 1}
      )${poolPage(pool, limit, offset)}`,
    'once',
  );
  return { rows: found.rows, pooled: found.n };
}

/** How many cases the rarest word of a search may have for rareWordPage to read them all. */
export const RARE_WORD_CASES = 64;

/**
 * rankedPage for a search whose rarest held word (SearchTerms.holds) is in at most RARE_WORD_CASES
 * cases of the region: those cases, read along the word's index and checked against all of `where`.
 * The work is bounded by the word whatever the other filters, so the statement is planned once;
 * rankedPage is planned for each search, which cost more than running it for a rare phrase. Null
 * when every held word is commoner, or there is none: the caller reads the search as rankedPage does.
 */
export async function rareWordPage(
  db: Db,
  where: SQL | undefined,
  rank: SQL<number>,
  holds: string[],
  regionPrefix: string,
  pool: number,
  limit: number,
  offset: number,
): Promise<{ rows: ListRow[]; pooled: number } | null> {
  if (holds.length === 0) return null;
  // The words and the region behind sub-selects, which no plan can see into: the plan made for the
  // values then costs what the plan made once does, and PostgreSQL keeps the latter after five runs
  // instead of planning every search for its words (a fixed statement with a rare word's values
  // looks cheaper, and was planned anew each time: 0.5–0.7 ms a search on the province demo).
  const hidden = (value: string, type: SQL) => sql`(SELECT ${value}::${type})`;
  const inRegion = (column: SQL) =>
    regionPrefix === ''
      ? sql``
      : sql` AND ${column} ~>=~ ${hidden(regionPrefix, sql`text`)} AND ${column} ~<~ ${hidden(regionRangeEnd(regionPrefix), sql`text`)}`;
  const bound = sql.raw(String(RARE_WORD_CASES));
  const held = sql`held JOIN opinions ON ${opinions.id} = held.opinion_id AND ${opinions.receivedAt} = held.received_at`;
  const recent = newestMatches(held, where, rank, pool);
  // -1: the rarest word is too common to be read this way.
  const counted = sql`CASE WHEN (SELECT n FROM pick) <= ${bound} THEN (SELECT count(*)::int FROM recent) ELSE -1 END`;
  const found = await pageWithRows(
    db,
    sql`WITH pick AS MATERIALIZED (
        SELECT x.word, (SELECT count(*) FROM (SELECT 1 FROM opinion_search_words c
          WHERE c.word = x.word${inRegion(sql`c.region_code`)} LIMIT ${bound} + 1) s) AS n
        FROM unnest(${hidden(`{${holds.join(',')}}`, sql`text[]`)}) x(word) ORDER BY 2 LIMIT 1
      ), held AS MATERIALIZED (
        SELECT w.opinion_id, w.received_at FROM pick JOIN opinion_search_words w ON w.word = pick.word${inRegion(sql`w.region_code`)}
        WHERE pick.n <= ${bound} LIMIT ${bound}
      ), ${recent}${poolPage(pool, limit, offset, sql`id`, counted)}`,
    'once',
  );
  return found.n < 0 ? null : { rows: found.rows, pooled: found.n };
}

/**
 * A page of a list: its ids and the count (capped as in countCases), then the rows of those ids by
 * `opinion_list_rows` (migration 0025), all in one statement; the rows' names from the process's cache.
 * A search's page is planned for its words each time (`plan`, see pageWithRows).
 */
export async function casePage(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  page: { limit: number; offset: number },
  cap?: number,
  plan: Plan = 'each',
): Promise<{ rows: ListRow[]; total: number; exact: boolean }> {
  const condition = where ?? sql`true`;
  const counted =
    cap === undefined
      ? sql`SELECT count(*)::int FROM opinions WHERE ${condition}`
      : sql`SELECT count(*)::int FROM (SELECT 1 FROM opinions WHERE ${condition} LIMIT ${cap + 1}) matches`;
  const found = await pageWithRows(
    db,
    sql`SELECT ARRAY(
      SELECT ${opinions.id} FROM opinions WHERE ${condition}
      ORDER BY ${sql.join(order, sql`, `)} LIMIT ${page.limit} OFFSET ${page.offset}
    ) AS ids, (${counted}) AS n`,
    plan,
  );
  return { rows: found.rows, ...cappedCount(found.n, cap) };
}

/** The matches a list reads in one pass, to count them and to order its page among them. */
export const ONE_PASS = 10_000;

/**
 * A page of a list counted exactly or up to ONE_PASS (casePage's count and page in one reading): the
 * matches are read once, counted, and the page ordered among them, where casePage reads a county's
 * matches twice and plans its filters twice, which was most of a list's time in the database. Past
 * ONE_PASS matches (a province's whole list) the page is found along the order's index by casePage.
 */
export async function listPage(
  db: Db,
  where: SQL | undefined,
  sort: Exclude<OpinionSort, 'relevance'>,
  page: { limit: number; offset: number },
  cap?: number,
  onePass = ONE_PASS,
): Promise<{ rows: ListRow[]; total: number; exact: boolean }> {
  const found = await pageWithRows(
    db,
    sql`WITH m AS MATERIALIZED (
        SELECT ${opinions.id} AS id, ${opinions.receivedAt} AS received_at, ${opinions.dueAt} AS due_at
        FROM opinions WHERE ${where ?? sql`true`} LIMIT ${onePass + 1})
      SELECT CASE WHEN c.n <= ${onePass} THEN ARRAY(
          SELECT id FROM m ORDER BY ${sql.raw(ORDERS[sort])} LIMIT ${page.limit} OFFSET ${page.offset}) END AS ids, c.n
      FROM (SELECT count(*)::int AS n FROM m) c`,
    'once',
  );
  if (found.n <= onePass) return { rows: found.rows, ...cappedCount(found.n, cap) };
  return casePage(db, where, orderOf(sort), page, cap, 'once');
}

const dialect = new PgDialect();

/**
 * 'once': prepared under a name of its text. A list's filter values are all parameters, so a text
 * serves every list of its shape, and planning it (0.8 ms for a county's filtered list, more than
 * running it) happens once per connection; its generic plan was measured on the province demo for a
 * county's and the province's lists (docs/decisions.md, "Prepared case lists"). 'each': planned for
 * its values, as a search must be: how common its words are decides between walking the newest cases
 * and reading the word's index, and a generic plan of a search was seen to cost twenty times more.
 */
type Plan = 'once' | 'each';

/** `page` yields one row: `ids` (uuid[], in the page's order) and `n`; the answer has the rows of those ids. */
export async function pageWithRows(db: Db, page: SQL, plan: Plan): Promise<{ rows: ListRow[]; n: number }> {
  const query = dialect.sqlToQuery(sql`
    SELECT p.n AS "pageCount", r.* FROM (${page}) p LEFT JOIN LATERAL opinion_list_rows(p.ids) r ON true ORDER BY r.ord`);
  const name = plan === 'once' ? `case-page-${createHash('sha1').update(query.sql).digest('base64url').slice(0, 16)}` : null;
  const all = await preparedQuery<RawListRow & { pageCount: number | string | null }>(db, name, query.sql, query.params);
  return {
    rows: await withListNames(
      db,
      all.filter((r) => r.id !== null),
    ),
    n: Number(all[0]?.pageCount ?? 0),
  };
}
