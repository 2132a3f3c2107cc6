import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Executor, resultRows } from './client.js';

/** A column written from an expression over the row's value of that key (a tsvector from its text). */
export type Derived = (value: SQL) => SQL;

interface Options<T extends PgTable> {
  /** Keys whose value goes through an expression; the value itself is sent as text. */
  derived?: Partial<Record<keyof T['$inferInsert'] & string, Derived>>;
}

/**
 * Many rows of a table in one statement, sent as one jsonb parameter and expanded by
 * jsonb_to_recordset. Drizzle's multi-row VALUES builder wraps and checks every value: 100 cases of
 * 37 columns took 18 ms of node's CPU to assemble, and PostgreSQL parsed 3,700 bind parameters. One
 * JSON document costs a JSON.stringify, and the statement's text is the same whatever the number of
 * rows (docs/decisions.md, "A batch's rows as one jsonb recordset"). Keys no
 * row sets are left out, so their defaults apply; a key some rows leave out is NULL in those.
 * Rows are written in the order given (a sequence's ids follow it).
 */
export async function insertRecordset<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: Options<T> = {},
): Promise<void> {
  if (rows.length > 0) await db.execute(statement(table, rows, options, sql``));
}

/**
 * As insertRecordset, answering the rows written, mapped as drizzle maps a select's. They come back
 * in the order written, as RETURNING gives them; PostgreSQL does not promise that order, so callers
 * that pair rows with their input match them by key or by ascending id.
 */
export async function insertRecordsetReturning<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: Options<T> = {},
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const res = await db.execute(statement(table, rows, options, sql` RETURNING *`));
  return resultRows<Record<string, unknown>>(res).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columnsOf(table)) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}

const columnEntries = new WeakMap<PgTable, [string, PgColumn][]>();

/** A table's columns by their keys, worked out once per table. */
function columnsOf(table: PgTable): [string, PgColumn][] {
  let entries = columnEntries.get(table);
  if (!entries) {
    entries = Object.entries(getTableColumns(table)) as [string, PgColumn][];
    columnEntries.set(table, entries);
  }
  return entries;
}

function statement<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], options: Options<T>, tail: SQL): SQL {
  const derived = (options.derived ?? {}) as Record<string, Derived | undefined>;
  const columns = columnsOf(table).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const target = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const record = columns.map(([key, c]) => `"${key}" ${derived[key] ? 'text' : c.getSQLType()}`).join(', ');
  const select = sql.join(
    columns.map(([key]) => {
      const value = sql.raw(`x."${key}"`);
      return derived[key]?.(value) ?? value;
    }),
    sql`, `,
  );
  return sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.raw(target)}) SELECT ${select} FROM ROWS FROM (jsonb_to_recordset(${wellFormedJson(rows)}::jsonb) AS (${sql.raw(record)})) WITH ORDINALITY AS x ORDER BY x.ordinality${tail}`;
}

/**
 * The rows as JSON that jsonb takes: JSON.stringify writes a lone UTF-16 surrogate as an escape,
 * which jsonb refuses, where a text parameter would have become U+FFFD. A well-formed string has
 * no such escape (its pairs are written as they are), so only text that shows one is done again.
 */
function wellFormedJson(rows: readonly unknown[]): string {
  const text = JSON.stringify(rows);
  if (!/\\u[dD][89a-fA-F]/.test(text)) return text;
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/\p{Cs}/gu, '\uFFFD') : value,
  );
}
