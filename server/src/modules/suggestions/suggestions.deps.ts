import type { Db } from '../../db/client.js';
import { type Clock, systemClock } from '../../platform/clock.js';
import type { Jobs } from '../../platform/jobs.js';

/** What the suggestion commands need from the app: the routes pass app.deps, the jobs pass the same shape. */
export interface SuggestionDeps {
  db: Db;
  jobs: Jobs;
  clock?: Clock;
}

export const nowOf = (deps: Pick<SuggestionDeps, 'clock'>): Date => (deps.clock ?? systemClock).now();
