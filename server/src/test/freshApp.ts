import pg from 'pg';
import { inject } from 'vitest';
import { type AppDeps, buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { importRegions } from '../modules/regions/importRegions.js';
import { FieldCrypto } from '../platform/crypto.js';
import { createTestApp, type TestApp, testDbKind } from './app.js';
import { uniq } from './factories.js';

/**
 * An app on a database of its own, for tests that seed the demo (its accounts and codes are fixed,
 * so it cannot share the PostgreSQL test database): a private PGlite copy, or a new PostgreSQL
 * database dropped on close.
 */
export async function freshApp(prefix: string): Promise<TestApp> {
  if (testDbKind() === 'pglite') return createTestApp();
  const base = inject('testDatabaseUrl');
  const name = uniq(prefix);
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(database);
  await importRegions(database.db);
  const deps: AppDeps = {
    database,
    db: database.db,
    crypto: new FieldCrypto(Buffer.alloc(32, 7)),
    config: { ...loadConfig({}), demo: false, loginRateLimit: 1000, databaseUrl: url.toString() },
    jobs: { send: async () => null, work: async () => {}, stop: async () => {} },
  };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.close();
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
