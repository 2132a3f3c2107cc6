import { type AppDeps, buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { FieldCrypto } from '../platform/crypto.js';
import { copyTestDatabase, createTestApp, type TestApp, testDbKind } from './app.js';
import { uniq } from './factories.js';

/**
 * An app on a database of its own, for tests that seed the demo (its accounts and codes are fixed,
 * so it cannot share the PostgreSQL test database): a private PGlite copy, or a new copy of the
 * prepared PostgreSQL database, dropped on close.
 */
export async function freshApp(prefix: string): Promise<TestApp> {
  if (testDbKind() === 'pglite') return createTestApp();
  const copy = await copyTestDatabase(uniq(prefix));
  const database = await openDatabase({ databaseUrl: copy.url, poolSize: 4 });
  const deps: AppDeps = {
    database,
    db: database.db,
    crypto: new FieldCrypto(Buffer.alloc(32, 7)),
    config: { ...loadConfig({}), demo: false, loginRateLimit: 1000, databaseUrl: copy.url },
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
      await copy.drop();
    },
  };
}
