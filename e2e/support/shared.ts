import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { RunningServer } from './server.js';

/**
 * The server the browser run's global setup started (support/global-setup.ts); stopping it is the
 * setup's job. A developer may instead point the run at a demo server already running, to skip the
 * first start with the demo city: E2E_SERVER_URL, E2E_ACCOUNTS (a file holding the server's
 * "demo account" lines) and E2E_ADMIN_PASSWORD.
 */
export function sharedServer(): RunningServer {
  const url = process.env.E2E_SERVER_URL;
  if (url) {
    const accounts: Record<string, string> = {};
    const lines = readFileSync(process.env.E2E_ACCOUNTS ?? '', 'utf8');
    for (const m of lines.matchAll(/demo account\s+\S+\s+(\S+)\s+(\S+)/g)) accounts[m[1] as string] = m[2] as string;
    return { url, adminPassword: process.env.E2E_ADMIN_PASSWORD ?? '', accounts, output: () => '', stop: async () => {} };
  }
  const s = inject('e2eServer');
  return { ...s, output: () => s.output, stop: async () => {} };
}
