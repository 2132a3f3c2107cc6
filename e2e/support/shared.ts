import { inject } from 'vitest';
import type { RunningServer } from './server.js';

/** The server the browser run's global setup started (support/global-setup.ts); stopping it is the setup's job. */
export function sharedServer(): RunningServer {
  const s = inject('e2eServer');
  return { ...s, output: () => s.output, stop: async () => {} };
}
