import type { TestProject } from 'vitest/node';
import { hasChromium } from './browser.js';
import { buildWeb, type RunningServer, startServer } from './server.js';

/**
 * One console build and one server with the demo city for every browser test file: seeding the
 * city is the slow part of a browser run, and the files do not depend on each other's changes
 * (each makes its own cases and rosters, and no file changes a demo account's password).
 */
export default async function setup(project: TestProject) {
  // Without a browser there is nothing to serve; with E2E_SERVER_URL the developer's server is used.
  if (!hasChromium || process.env.E2E_SERVER_URL) return;
  buildWeb();
  const server: RunningServer = await startServer({ demo: true });
  project.provide('e2eServer', {
    url: server.url,
    adminPassword: server.adminPassword,
    accounts: server.accounts,
    output: server.output(),
  });
  return async () => {
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eServer: { url: string; adminPassword: string; accounts: Record<string, string>; output: string };
  }
}
