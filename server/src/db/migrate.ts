import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, RawClient } from './client.js';

/** server/migrations, from both src/db and dist/db. */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_LOCK = 7_270_001;

/**
 * Applies the plain-SQL migrations in file-name order, each in its own transaction.
 * On PostgreSQL an advisory lock keeps two starting processes from migrating at once.
 */
export async function migrate(database: Database): Promise<string[]> {
  if (!database.pool) return applyAll(database.raw, false);
  // Session-level advisory locks belong to one connection: hold one for the whole run.
  const conn = await database.pool.connect();
  try {
    const raw: RawClient = {
      exec: async (text) => {
        await conn.query(text);
      },
      query: async <T>(text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[],
    };
    return await applyAll(raw, true);
  } finally {
    conn.release();
  }
}

async function applyAll(raw: RawClient, lock: boolean): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  if (lock) await raw.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await raw.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const text = readFileSync(migrationsDir + file, 'utf8');
      const name = file.replace(/'/g, "''");
      await raw.exec(`BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`);
      applied.push(file);
    }
    return applied;
  } catch (err) {
    await raw.exec('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    if (lock) await raw.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
