import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';

/**
 * Inserts many rows of a drizzle table, a few thousand per statement, as one JSON parameter
 * expanded by json_populate_recordset. Drizzle's multi-row VALUES builder spends most of a
 * second assembling 1,000 wide rows (20,000 bind parameters); one JSON document per batch costs
 * a JSON.stringify and lets PostgreSQL do the parsing, on PGlite and PostgreSQL alike. Columns
 * that no row sets are left out of the statement, so their defaults apply.
 */
export async function insertBatches<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  size = 2000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((r) => (r as Record<string, unknown>)[key] !== undefined),
  );
  const list = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        out[column.name] = value === undefined || value === null ? null : toJson(column.mapToDriverValue(value));
      }
      return out;
    });
    await tx.execute(
      sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(batch)}::json)`,
    );
  }
}

const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
