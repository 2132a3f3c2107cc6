import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { insertRecordset } from '../db/recordset.js';

/**
 * Inserts many rows of a drizzle table, a few thousand per statement (db/recordset.ts: one jsonb
 * parameter each, where drizzle's VALUES builder spends most of a second on 1,000 wide rows).
 */
export async function insertBatches<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  size = 2000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insertRecordset(tx, table, rows.slice(i, i + size));
}
