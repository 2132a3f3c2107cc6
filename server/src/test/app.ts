import { readFileSync } from 'node:fs';
import pg from 'pg';
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
 * A real app on a real database: a private PGlite copied from the prepared template, or the
 * PostgreSQL test database of this worker (tests make their own rows, so the files a worker runs one
 * after another do not collide).
 */
export async function createTestApp(
  opts: { jobs?: boolean; notify?: NotifyProviders; clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const kind = testDbKind();
  const databaseUrl = kind === 'postgres' ? await workerDatabase() : undefined;
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

/** Runs one statement on the server's maintenance database (never on the template: a copy needs it idle). */
async function onServer(templateUrl: string, statement: string): Promise<void> {
  const url = new URL(templateUrl);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A copy of the prepared PostgreSQL database (migrated, with the regions) under a new name: for a
 * worker, or for a test that needs a database to itself.
 */
export async function copyTestDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const templateUrl = inject('testDatabaseUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${suffix}`;
  try {
    await onServer(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  } catch (e) {
    // Another app of the same worker made its copy first.
    if ((e as { code?: string }).code !== '42P04') throw e;
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(templateUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Each test worker gets its own copy of the prepared database (global-setup-pg.ts), so files run side
 * by side without seeing each other's rows; the copy is made once per worker and dropped with the
 * template at the end of the run.
 */
async function workerDatabase(): Promise<string> {
  return (await copyTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}`)).url;
}
