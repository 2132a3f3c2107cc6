import type { AppDeps } from './app.js';
import { registerDeputyWorkers } from './modules/deputies/deputies.worker.js';
import { registerOpinionWorkers, scheduleOpinionJobs } from './modules/opinions/opinions.workers.js';
import { registerSuggestionWorkers, scheduleSuggestionJobs } from './modules/suggestions/suggestions.jobs.js';
import { registerMaintenance, scheduleMaintenance } from './platform/maintenance.js';
import { registerNotificationWorkers } from './platform/notify/workers.js';

/** Each module that runs background jobs adds its worker here; the server starts them after boot. */
type WorkerRegistration = (deps: AppDeps) => Promise<void>;

const registrations: WorkerRegistration[] = [
  registerDeputyWorkers,
  registerNotificationWorkers,
  registerOpinionWorkers,
  registerSuggestionWorkers,
  registerMaintenance,
];

export async function registerWorkers(deps: AppDeps): Promise<void> {
  for (const register of registrations) await register(deps);
}

/**
 * Cron schedules of sweeps over the whole database. Only the server starts them: a test app's
 * workers share the test database with every other test file, and a sweep there on the real clock
 * would act on other tests' cases.
 */
const schedules: WorkerRegistration[] = [scheduleOpinionJobs, scheduleSuggestionJobs, scheduleMaintenance];

export async function registerSchedules(deps: AppDeps): Promise<void> {
  for (const schedule of schedules) await schedule(deps);
}
