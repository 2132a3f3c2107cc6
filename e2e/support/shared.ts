import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from './browser.js';
import type { RunningServer } from './server.js';

/** The console build, then as long as the server's own first start may take (support/server.ts). */
const START_WAIT_MS = 1_620_000;

/**
 * The server the browser run's global setup is starting (support/global-setup.ts): waits until its
 * status file says it is up, or throws what stopped it; stopping it is the setup's job. A developer
 * may instead point the run at a demo server already running, to skip the first start with the demo
 * city: E2E_SERVER_URL, E2E_ACCOUNTS (a file holding the server's "demo account" lines) and
 * E2E_ADMIN_PASSWORD.
 */
export async function sharedServer(): Promise<RunningServer> {
  const url = process.env.E2E_SERVER_URL;
  if (url) {
    const accounts: Record<string, string> = {};
    const lines = readFileSync(process.env.E2E_ACCOUNTS ?? '', 'utf8');
    for (const m of lines.matchAll(/demo account\s+\S+\s+(\S+)\s+(\S+)/g)) accounts[m[1] as string] = m[2] as string;
    return { url, adminPassword: process.env.E2E_ADMIN_PASSWORD ?? '', accounts, output: () => '', stop: async () => {} };
  }
  const s = inject('e2eServer');
  const deadline = Date.now() + START_WAIT_MS;
  while (!existsSync(s.statusFile)) {
    if (Date.now() > deadline) throw new Error('the browser run’s server did not start in time');
    await new Promise((r) => setTimeout(r, 500));
  }
  const status = JSON.parse(readFileSync(s.statusFile, 'utf8')) as
    | { accounts: Record<string, string>; output: string }
    | { error: string };
  if ('error' in status) throw new Error(`the browser run’s server did not start: ${status.error}`);
  return {
    url: s.url,
    adminPassword: s.adminPassword,
    accounts: status.accounts,
    output: () => status.output,
    stop: async () => {},
  };
}

/**
 * A browser test file's setup: the shared server and a browser of its own, ready before its tests
 * (`run.server`, `run.browser`), the browser closed after them.
 */
export function browserRun(): { server: RunningServer; browser: Browser } {
  const run = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    run.server = await sharedServer();
    run.browser = await launch();
  });
  afterAll(async () => {
    await run.browser?.close();
  });
  return run;
}
