import type { AppDeps } from '../app.js';
import type { Database } from '../db/client.js';

/**
 * Housekeeping that PostgreSQL's autovacuum does on its own and PGlite, which has no background
 * workers, does not: reclaiming the dead row versions that updates leave (the statistics counters
 * are updated with every step of every case) and refreshing the planner's statistics. Without it an
 * embedded installation's counters bloat and its plans go stale.
 */
export const MAINTENANCE_QUEUE = 'db-maintenance';

export async function runMaintenance(database: Pick<Database, 'kind' | 'raw'>): Promise<void> {
  if (database.kind !== 'pglite') return;
  await database.raw.exec('VACUUM (ANALYZE)');
}

export async function registerMaintenance(deps: Pick<AppDeps, 'database' | 'jobs'>): Promise<void> {
  if (deps.database.kind !== 'pglite') return;
  await deps.jobs.work(MAINTENANCE_QUEUE, () => runMaintenance(deps.database));
}

/** Nightly, China time, after the retention job. */
export async function scheduleMaintenance(deps: Pick<AppDeps, 'database' | 'jobs'>): Promise<void> {
  if (deps.database.kind !== 'pglite') return;
  await deps.jobs.schedule?.(MAINTENANCE_QUEUE, '10 4 * * *');
}
