import { defineConfig } from 'vitest/config';

const serverProject = (name: string, globalSetup: string, db: string) => ({
  test: {
    name,
    root: './server',
    include: ['src/**/*.test.ts'],
    globalSetup: [globalSetup],
    env: { LIANLUO_TEST_DB: db },
    // Generous: CI runs the PGlite and PostgreSQL projects side by side on two cores, and the access
    // matrix and the demo city's setup take minutes there. Speed is measured by the benchmarks.
    testTimeout: 240_000,
    hookTimeout: 360_000,
    // Each file builds its own app on its own database, and what modules keep (caches, subscriptions)
    // is keyed by that app or replaced by the next one: a worker imports the server once rather than
    // once per file, which was a third of CI's time.
    isolate: false,
  },
});

// The PostgreSQL run is added when TEST_DATABASE_URL names a server (CI does).
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker; the files mostly wait on PostgreSQL, on PGlite's
    // disk or on the browser, so three keep both cores busy. Each worker has its own databases.
    maxWorkers: 3,
    projects: [
      serverProject('server', './src/test/global-setup-pglite.ts', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [serverProject('server-pg', './src/test/global-setup-pg.ts', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['**/*.e2e.ts'],
          // One console build and one demo server for every file (support/global-setup.ts).
          globalSetup: ['./support/global-setup.ts'],
          testTimeout: 180_000,
          // The first file's setup waits for the shared server's first start (support/shared.ts).
          hookTimeout: 1_700_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
