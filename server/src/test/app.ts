import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type AppDeps, buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import type { Clock } from '../platform/clock.js';
import { FieldCrypto } from '../platform/crypto.js';
import type { AppInstance } from '../platform/http.js';
import { type Jobs, startJobs } from '../platform/jobs.js';
import { ConsoleSmsProvider, type NotifyProviders } from '../platform/notify/providers/index.js';
import { registerWorkers } from '../workers.js';

export interface TestApp {
  app: AppInstance;
  deps: AppDeps;
  database: Database;
  close(): Promise<void>;
}

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.LIANLUO_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

const TEST_KEY = Buffer.alloc(32, 7);

/**
 * A real app on a real database: a private PGlite copied from the prepared template, or the shared
 * PostgreSQL test database (tests make their own rows, so they do not collide).
 */
export async function createTestApp(
  opts: { jobs?: boolean; notify?: NotifyProviders; clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const kind = testDbKind();
  const databaseUrl = kind === 'postgres' ? inject('testDatabaseUrl') : undefined;
  const database = databaseUrl
    ? await openDatabase({ databaseUrl, poolSize: 4 })
    : await openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  const config = { ...loadConfig({}), demo: false, loginRateLimit: 1000, databaseUrl, ...opts.config };
  const jobs: Jobs = opts.jobs
    ? await startJobs(database, { connectionString: databaseUrl })
    : {
        send: async () => {
          throw new Error('this test app was created without jobs: createTestApp({ jobs: true })');
        },
        work: async () => {},
        stop: async () => {},
      };
  // SMS goes to a silent console provider unless the test brings its own; no mail server.
  const notify = opts.notify ?? { sms: new ConsoleSmsProvider(() => {}), email: null };
  const deps: AppDeps = { database, db: database.db, crypto: new FieldCrypto(TEST_KEY), config, jobs, notify, clock: opts.clock };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  // With a job queue the test app runs the workers the server runs.
  if (opts.jobs) await registerWorkers(deps);
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
