import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  adminPassword: string;
  /** Demo accounts printed on first start: username → password. */
  accounts: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

export const ADMIN_PASSWORD = 'E2e-admin-Pass1';

/**
 * Starts the real server the way the README does (first start on an empty embedded database,
 * demo city included), on a free port, and reads the printed demo passwords from its output.
 */
export async function startServer(opts: { demo?: boolean; port?: number } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianluo-e2e-'));
  const port = opts.port ?? 3900 + Math.floor(Math.random() * 90);
  const adminPassword = ADMIN_PASSWORD;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LIANLUO_ADMIN_PASSWORD: adminPassword,
      LIANLUO_DEMO: opts.demo === false ? '0' : '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  // The first start seeds the demo city while the server tests share the two cores: give it time.
  const deadline = Date.now() + 1_500_000;
  while (!out.includes('is running')) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const accounts: Record<string, string> = {};
  for (const m of out.matchAll(/demo account\s+\S+\s+(\S+)\s+(\S+)/g)) accounts[m[1] as string] = m[2] as string;
  return {
    url: `http://127.0.0.1:${port}`,
    adminPassword,
    accounts,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
