import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { runOpinionDeadlinesOnce } from './opinions.jobs.js';
import { intakeRegistrar } from './opinions.registrar.js';
import { runRetentionOnce } from './opinions.retention.js';
import { registerOpinionSubscribers } from './opinions.subscribers.js';

/** The opinion loop's background work: its notifications, the public inbox, the deadline sweep and retention. */

export const OPINION_DEADLINES_QUEUE = 'opinion-deadlines';
export const OPINION_RETENTION_QUEUE = 'opinion-retention';
/** The sweep of the public inbox: what a crash or another process left unregistered. */
export const OPINION_INBOX_QUEUE = 'opinion-inbox';

/** A run may be limited to a region subtree; the scheduled runs cover everything. */
const RunData = z.object({
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});

function regionOf(queue: string, data: unknown): { regionCode?: string } | null {
  const parsed = RunData.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  // A malformed job must not turn into a sweep of everything: drop it, loudly.
  console.warn(`[${queue}] job with invalid data ignored`);
  return null;
}

export async function registerOpinionWorkers(deps: AppDeps): Promise<void> {
  registerOpinionSubscribers(deps);
  const registrar = intakeRegistrar(deps);
  await deps.jobs.work(OPINION_INBOX_QUEUE, async () => {
    registrar.kick();
    await registrar.settled();
  });
  // Submissions a stopped process had taken in but not registered.
  registrar.kick();
  await deps.jobs.work(OPINION_DEADLINES_QUEUE, async (data) => {
    const opts = regionOf(OPINION_DEADLINES_QUEUE, data);
    if (opts) await runOpinionDeadlinesOnce(deps, opts);
  });
  await deps.jobs.work(OPINION_RETENTION_QUEUE, async (data) => {
    const opts = regionOf(OPINION_RETENTION_QUEUE, data);
    if (opts) await runRetentionOnce(deps, opts);
  });
}

/**
 * The cron schedules (China time): the inbox every minute, the deadline sweep every ten minutes, retention nightly. pg-boss
 * keeps them in the database and queues each tick once across all processes.
 */
export async function scheduleOpinionJobs(deps: Pick<AppDeps, 'jobs'>): Promise<void> {
  await deps.jobs.schedule?.(OPINION_DEADLINES_QUEUE, '*/10 * * * *');
  await deps.jobs.schedule?.(OPINION_RETENTION_QUEUE, '40 3 * * *');
  await deps.jobs.schedule?.(OPINION_INBOX_QUEUE, '* * * * *');
}
