import type { Db } from '../../db/client.js';
import { type Clock, systemClock } from '../../platform/clock.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Jobs } from '../../platform/jobs.js';

/**
 * What the opinion commands need from the app: the routes pass app.deps; the public portal and the
 * deadline jobs pass the same shape.
 */
export interface OpinionDeps {
  db: Db;
  crypto: FieldCrypto;
  jobs: Jobs;
  clock?: Clock;
}

export const nowOf = (deps: Pick<OpinionDeps, 'clock'>): Date => (deps.clock ?? systemClock).now();
