import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import type { Jobs } from './jobs.js';
import { MAINTENANCE_QUEUE, registerMaintenance, runMaintenance, scheduleMaintenance } from './maintenance.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('database maintenance', () => {
  it('vacuums and analyzes an embedded database, nightly, and leaves PostgreSQL to its autovacuum', async () => {
    const calls: string[] = [];
    const jobs: Jobs = {
      send: async () => null,
      work: async (queue) => {
        calls.push(`work ${queue}`);
      },
      schedule: async (queue, cron) => {
        calls.push(`schedule ${queue} ${cron}`);
      },
      stop: async () => {},
    };
    await registerMaintenance({ database: t.deps.database, jobs });
    await scheduleMaintenance({ database: t.deps.database, jobs });
    const pglite = t.deps.database.kind === 'pglite';
    expect(calls).toEqual(pglite ? [`work ${MAINTENANCE_QUEUE}`, `schedule ${MAINTENANCE_QUEUE} 10 4 * * *`] : []);
    // It runs on the live database without a transaction around it.
    await runMaintenance(t.deps.database);
    const [row] = await t.deps.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
    expect(row?.n).toBeGreaterThan(0);
  });
});
