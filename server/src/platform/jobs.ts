import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

export type JobHandler<T> = (data: T, jobId: string) => Promise<void>;

/** Durable background work on the app's own database (pg-boss), embedded or PostgreSQL alike. */
export interface Jobs {
  /** Queues a job. pg-boss 10 does not deduplicate by singletonKey on standard queues, so handlers must be idempotent. */
  send<T extends object>(queue: string, data: T, opts?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
  work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void>;
  /**
   * Queues a job by cron (China time), once per tick across all processes. Optional so that test
   * apps built without a job queue need not provide it.
   */
  schedule?(queue: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss calls executeSql with parameters for one statement and without for scripts;
 * PGlite's query() takes one statement and exec() takes scripts, returning one result per statement.
 */
function pgliteAdapter(client: PGlite) {
  return {
    // pg-boss reads `.rows` of a single result and iterates an array for scripts, as with node-postgres.
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return (results.length === 1 ? results[0] : results) as { rows: unknown[] };
    },
  };
}

export async function startJobs(database: Database, opts: { connectionString?: string } = {}): Promise<Jobs> {
  const common = { pollingIntervalSeconds: 1, monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 300 };
  const boss = database.pglite
    ? new PgBoss({ ...common, db: pgliteAdapter(database.pglite) })
    : new PgBoss({ ...common, connectionString: opts.connectionString, max: 4 });
  boss.on('error', (err) => {
    // pg-boss reports background failures here; they must not crash the server.
    console.error('[jobs]', err);
  });
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  return {
    async send(queue, data, o = {}) {
      await ensureQueue(queue);
      return boss.send(queue, data, { singletonKey: o.singletonKey, startAfter: o.startAfter, retryLimit: 3, retryDelay: 5 });
    },
    async work(queue, handler) {
      await ensureQueue(queue);
      await boss.work(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, job.id);
      });
    },
    async schedule(queue, cron) {
      await ensureQueue(queue);
      await boss.schedule(queue, cron, {}, { tz: 'Asia/Shanghai' });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
