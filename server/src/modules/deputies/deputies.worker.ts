import type { AppDeps } from '../../app.js';
import { runDeputyImport } from './commands/runDeputyImport.js';
import { DEPUTY_IMPORT_QUEUE } from './commands/startDeputyImport.js';

/** The deputies module's background work: roster imports. */
export async function registerDeputyWorkers(deps: AppDeps): Promise<void> {
  await deps.jobs.work<{ importId: string }>(DEPUTY_IMPORT_QUEUE, async (data) => {
    if (typeof data?.importId === 'string') await runDeputyImport(deps, data.importId);
  });
}
