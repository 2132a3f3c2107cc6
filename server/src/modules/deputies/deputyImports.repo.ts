import { and, count, desc, eq, getTableColumns, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Text } from '../../platform/i18n.js';
import { users } from '../../platform/platform.tables.js';
import { deputyImports, type ImportError } from './deputies.tables.js';

export type DeputyImportRow = typeof deputyImports.$inferSelect;

export async function insertImport(tx: Executor, values: typeof deputyImports.$inferInsert) {
  const [row] = await tx.insert(deputyImports).values(values).returning();
  return row!;
}

export async function findImport(db: Executor, id: string) {
  const [row] = await db.select().from(deputyImports).where(eq(deputyImports.id, id));
  return row;
}

/**
 * Takes an import for processing. A queued import, or one left running by a worker that died, is
 * (re)started from scratch; a finished one is left alone, so a job delivered twice does nothing.
 */
export async function claimImport(db: Executor, id: string) {
  const [row] = await db
    .update(deputyImports)
    .set({ status: 'running', startedAt: new Date(), processedRows: 0, totalRows: 0, message: null, messageEn: null })
    .where(and(eq(deputyImports.id, id), inArray(deputyImports.status, ['queued', 'running'])))
    .returning();
  return row;
}

export async function setImportTotal(db: Executor, id: string, totalRows: number) {
  await db.update(deputyImports).set({ totalRows }).where(eq(deputyImports.id, id));
}

export async function setImportProgress(db: Executor, id: string, processedRows: number) {
  await db.update(deputyImports).set({ processedRows }).where(eq(deputyImports.id, id));
}

export async function finishImport(
  tx: Executor,
  id: string,
  result: { totalRows: number; importedRows: number; errorRows: number; errors: ImportError[] },
) {
  await tx
    .update(deputyImports)
    .set({
      status: 'done',
      totalRows: result.totalRows,
      processedRows: result.totalRows,
      importedRows: result.importedRows,
      errorRows: result.errorRows,
      // jsonb from one parameter: far cheaper than drizzle's per-element encoding for 10,000 errors.
      errors: sql`${JSON.stringify(result.errors)}::jsonb`,
      finishedAt: new Date(),
    })
    .where(eq(deputyImports.id, id));
}

export async function failImport(db: Executor, id: string, text: Text) {
  await db
    .update(deputyImports)
    .set({ status: 'failed', message: text.zh, messageEn: text.en, importedRows: 0, finishedAt: new Date() })
    .where(eq(deputyImports.id, id));
}

export async function findUser(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Recent imports of the account's subtree, without their error lists. */
export async function listImports(db: Executor, scope: string, page: { page: number; pageSize: number }) {
  const where = scope ? like(deputyImports.regionCode, `${scope}%`) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(deputyImports), errors: sql<ImportError[]>`'[]'::jsonb` })
      .from(deputyImports)
      .where(where)
      .orderBy(desc(deputyImports.createdAt), desc(deputyImports.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(deputyImports).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
