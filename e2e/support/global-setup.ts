import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium } from './browser.js';
import { ADMIN_PASSWORD, type RunningServer, root, startServer } from './server.js';

/**
 * One console build and one server with the demo city for every browser test file: seeding the
 * city is the slow part of a browser run, and the files do not depend on each other's changes
 * (each makes its own cases and rosters, and no file changes a demo account's password).
 *
 * Vitest runs every project's global setup before any test, one after the other, so the build and
 * the first start happen in the background: the server tests run beside them, and the browser
 * files wait for the status file (support/shared.ts) that says the server is up, or why it is not.
 */
export default function setup(project: TestProject) {
  // Without a browser there is nothing to serve; with E2E_SERVER_URL the developer's server is used.
  if (!hasChromium || process.env.E2E_SERVER_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'lianluo-e2e-status-'));
  const statusFile = path.join(dir, 'server.json');
  const port = 3900 + Math.floor(Math.random() * 90);
  const starting: Promise<RunningServer | undefined> = buildWeb()
    .then(() => startServer({ demo: true, port }))
    .then((server) => {
      report({ accounts: server.accounts, output: server.output() });
      return server;
    })
    .catch((err: unknown) => {
      report({ error: err instanceof Error ? err.message : String(err) });
      return undefined;
    });
  // Written whole, then renamed: a waiting file never reads half of it.
  function report(status: object) {
    writeFileSync(`${statusFile}.part`, JSON.stringify(status));
    renameSync(`${statusFile}.part`, statusFile);
  }
  project.provide('e2eServer', { url: `http://127.0.0.1:${port}`, adminPassword: ADMIN_PASSWORD, statusFile });
  return async () => {
    const server = await starting;
    await server?.stop();
    if (server) keepLog(server.output());
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * The shared server's output (warnings and errors: LOG_LEVEL warn) goes to e2e/screenshots/server.log,
 * and its error lines into the run's own output, so that a browser test that failed on a server error
 * says which.
 */
function keepLog(output: string) {
  const dir = path.join(root, 'e2e', 'screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'server.log'), output);
  const errors = output.split('\n').filter((line) => /"level":(50|60)/.test(line));
  if (errors.length) {
    console.error(`[e2e server] ${errors.length} error line(s) in e2e/screenshots/server.log; the last ones:`);
    for (const line of errors.slice(-10)) console.error(line.slice(0, 2000));
  }
}

/** Builds the web console once per run (the server serves web/dist only if it exists when it starts). */
function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the console build exited with ${code}`))));
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eServer: { url: string; adminPassword: string; statusFile: string };
  }
}
