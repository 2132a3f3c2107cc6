/**
 * `npm run bench` (DESIGN §8): starts the server on the chosen database with the demo of the
 * chosen scale in a child process, drives each workload with autocannon, and prints one table
 * with each workload's ratio to the two baselines measured in the same run. Results also go to
 * server/bench/results/<date>-<db>-<scale>.json. Compare ratios within a run, not absolute
 * figures across runs: these machines are noisy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuPerRequest, cpuSnapshot } from './cpu.js';
import { addRatios, formatTable, percentile, type WorkloadResult } from './report.js';
import type { ReadyMessage } from './server-entry.js';
import { type BenchContext, type Workload, workloads } from './workloads.js';

const USAGE = `usage: npm run bench -- [options]

  --db pglite|postgres   database under test (default pglite); postgres uses BENCH_DATABASE_URL
                         or postgres://postgres@127.0.0.1:5432/postgres: the demo is seeded once into
                         lianluo_bench_<scale> and each run works on a copy of it (lianluo_bench_<scale>_run,
                         dropped afterwards), so that the cases one run's intake leaves behind never
                         slow or speed the next run's reads; the PGlite folder is reused as it is
  --scale city|province  the demo to load (default city); the PGlite copy lives in server/bench/.data/<scale>
  --duration <s>         seconds per workload (default 10)
  --connections <n>      concurrent connections (default 10)
  --only <a,b,…>         only these workloads (the baselines always run): ${workloads.map((w) => w.name).join(', ')}
  --fresh                drop the bench database (or PGlite folder) and seed it again
  --paired               measure the primary-key read (and, before a write, the insert) again just
                         before each workload and take its ratios against those: on a shared machine
                         the baselines drift by a third within minutes; costs one more run per workload
  --profile              write a CPU profile of the server (.cpuprofile, for Chrome DevTools) under
                         server/bench/results/profiles/`;

interface Options {
  db: 'pglite' | 'postgres';
  scale: 'city' | 'province';
  duration: number;
  connections: number;
  only: string[] | null;
  fresh: boolean;
  profile: boolean;
  paired: boolean;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        db: { type: 'string', default: 'pglite' },
        scale: { type: 'string', default: 'city' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        only: { type: 'string' },
        fresh: { type: 'boolean', default: false },
        profile: { type: 'boolean', default: false },
        paired: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const db = values.db as string;
  const scale = values.scale as string;
  if (db !== 'pglite' && db !== 'postgres') fail(`--db must be pglite or postgres, got "${db}"`);
  if (scale !== 'city' && scale !== 'province') fail(`--scale must be city or province, got "${scale}"`);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(duration) || duration < 1 || duration > 3600)
    fail('--duration must be a whole number of seconds, 1 to 3600');
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) fail('--connections must be 1 to 1000');
  let only: string[] | null = null;
  if (typeof values.only === 'string') {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = only.filter((n) => !workloads.some((w) => w.name === n));
    if (unknown.length) fail(`unknown workload(s): ${unknown.join(', ')}`);
  }
  return {
    db,
    scale,
    duration,
    connections,
    only,
    fresh: values.fresh === true,
    profile: values.profile === true,
    paired: values.paired === true,
  };
}

const benchDatabaseUrl = (name: string) => {
  const url = new URL(process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
};

async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl('postgres') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Creates (or with --fresh, recreates) lianluo_bench_<scale>, seeds it if it is new (the server entry
 * with --prepare-only), and copies it into lianluo_bench_<scale>_run: the URL of the copy.
 */
async function preparePostgres(opts: Options): Promise<{ url: string; drop: () => Promise<void> }> {
  const seeded = `lianluo_bench_${opts.scale}`;
  const run = `${seeded}_run`;
  await asAdmin(async (admin) => {
    if (opts.fresh) await admin.query(`DROP DATABASE IF EXISTS ${seeded} WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [seeded]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${seeded}`);
  });
  await prepareSeeded(opts, benchDatabaseUrl(seeded));
  const started = Date.now();
  await asAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    // FILE_COPY copies the files as they are (a checkpoint first), much quicker than WAL-logging each page.
    await admin.query(`CREATE DATABASE ${run} TEMPLATE ${seeded} STRATEGY FILE_COPY`);
  });
  console.error(`copied ${seeded} into ${run} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    url: benchDatabaseUrl(run),
    drop: () => asAdmin(async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`))),
  };
}

/** Migrates and seeds the database the runs are copied from, in a child process that exits when done. */
function prepareSeeded(opts: Options, url: string): Promise<void> {
  const entry = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
  const args = ['--import', 'tsx', entry, '--db', 'postgres', '--scale', opts.scale, '--url', url, '--prepare-only'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`preparing the bench database failed (exit code ${code})`)),
    );
  });
}

/** Starts server-entry.ts in a child Node process (tsx as a loader, so the PID is the server's own). */
function startServer(opts: Options, url: string | undefined): Promise<{ child: ChildProcess; ready: ReadyMessage }> {
  const entry = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
  const profile = opts.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${fileURLToPath(new URL('./results/profiles/', import.meta.url))}`]
    : [];
  const args = [...profile, '--import', 'tsx', entry, '--db', opts.db, '--scale', opts.scale];
  if (url) args.push('--url', url);
  if (opts.fresh) args.push('--fresh');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // A failing workload logs every request: show the first lines, not thousands.
    const MAX_LOG_LINES = 20;
    let logged = 0;
    // The ready message is the one JSON line with ready:true; the rest (the server's own log lines) is passed on.
    lines.on('line', (line) => {
      let msg: Partial<ReadyMessage> | null = null;
      try {
        msg = JSON.parse(line) as Partial<ReadyMessage>;
      } catch {
        // Not JSON: an ordinary log line.
      }
      if (msg?.ready === true) resolve({ child, ready: msg as ReadyMessage });
      else if (++logged <= MAX_LOG_LINES) process.stderr.write(`[bench server] ${line}\n`);
      else if (logged === MAX_LOG_LINES + 1) process.stderr.write('[bench server] … further log lines not shown\n');
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code} before it was ready`)));
  });
}

async function signIn(base: string, account: { username: string; password: string }) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

function readRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

let clientCounter = 0;
/** A different private address for each request: 10.0.0.1, 10.0.0.2, … */
function fromAnotherClient(req: autocannon.Request): autocannon.Request {
  clientCounter = (clientCounter + 1) % 0xffffff;
  const ip = `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
  return { ...req, headers: { ...req.headers, 'x-forwarded-for': ip } };
}

let varied = 0;
/** The workload's per-request rewrite, then another client address where the workload asks for many. */
function setupFor(w: Workload, ctx: BenchContext) {
  return (req: autocannon.Request): autocannon.Request => {
    let out = req;
    if (w.vary) {
      const body = typeof req.body === 'string' ? req.body : undefined;
      const v = w.vary({ path: String(req.path), body }, varied++, ctx);
      out = { ...req, body: v.body };
    }
    return w.clients === 'many' ? fromAnotherClient(out) : out;
  };
}

interface RunOutcome {
  samples: number[];
  statuses: Record<string, number>;
  errors: number;
  unanswered: number;
  seconds: number;
}

/** One autocannon run; latencies are recorded for every answer, 2xx or not. */
function drive(base: string, w: Workload, ctx: BenchContext, seconds: number, connections: number): Promise<RunOutcome> {
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        // A request slower than the run still counts as a timeout rather than vanishing at the end.
        timeout: Math.max(10, seconds),
        requests: w.requests(ctx).map((r) => ({
          method: r.method ?? 'GET',
          path: r.path,
          headers: r.headers,
          body: r.body,
          ...(w.clients === 'many' || w.vary ? { setupRequest: setupFor(w, ctx) } : {}),
        })),
      },
      (err, result) => {
        if (err) return reject(err);
        const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          samples,
          statuses,
          errors: result.errors + result.timeouts,
          unanswered: Math.max(0, result.requests.sent - samples.length - result.errors - result.timeouts),
          seconds: Math.min(elapsed, seconds) || seconds,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      samples.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

/**
 * Waits until a primary-key read answers again: requests of a slow workload still queued in the
 * server when its run ends (autocannon gives up on them, the server does not) would otherwise be
 * charged to the next workload. One patient request, so the wait does not add to the queue.
 * Returns the seconds waited.
 */
async function settle(base: string, code: string): Promise<number> {
  const started = Date.now();
  const until = started + 15 * 60_000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/bench/pk/${code}`, { signal: AbortSignal.timeout(until - Date.now()) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // Connection trouble while the server is saturated: try again.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return (Date.now() - started) / 1000;
}

/**
 * After the intake workload: how many submissions still wait in the inbox, and how long the
 * registrar takes to make them all cases (at most 15 minutes).
 */
async function inboxDrain(base: string): Promise<{ waiting: number; seconds: number; perSecond: number }> {
  const waitingNow = async () => ((await (await fetch(`${base}/bench/inbox`)).json()) as { waiting: number }).waiting;
  const started = Date.now();
  const waiting = await waitingNow();
  let left = waiting;
  while (left > 0 && Date.now() - started < 15 * 60_000) {
    await new Promise((r) => setTimeout(r, 250));
    left = await waitingNow();
  }
  const seconds = (Date.now() - started) / 1000;
  return { waiting, seconds, perSecond: seconds > 0 ? (waiting - left) / seconds : 0 };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  console.error(`preparing the ${opts.scale} demo on ${opts.db} (the first run seeds it)…`);
  const copy = opts.db === 'postgres' ? await preparePostgres(opts) : undefined;
  const { child, ready } = await startServer(opts, copy?.url);
  const kill = () => child.exitCode === null && child.kill('SIGTERM');
  process.on('exit', kill);
  // Wait for the server to close its database: the next run may reopen the same PGlite folder.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      kill();
    });
  try {
    const base = `http://127.0.0.1:${ready.port}`;
    const ctx: BenchContext = {
      account: ready.account,
      session: await signIn(base, ready.account),
      stationCode: ready.stationCode,
      intakeStationCodes: ready.intakeStationCodes,
      countyCode: '230102',
    };
    const selected = workloads.filter((w) => w.baseline || !opts.only || opts.only.includes(w.name));
    const warmup = Math.max(1, Math.min(3, Math.round(opts.duration / 5)));
    const results: WorkloadResult[] = [];
    let registration: Awaited<ReturnType<typeof inboxDrain>> | null = null;
    const measure = async (w: Workload): Promise<WorkloadResult> => {
      await settle(base, ctx.countyCode);
      await drive(base, w, ctx, warmup, opts.connections);
      await settle(base, ctx.countyCode);
      const cpuBefore = cpuSnapshot(ready.pid, opts.db === 'postgres');
      const clientBefore = process.cpuUsage();
      const run = await drive(base, w, ctx, opts.duration, opts.connections);
      const client = process.cpuUsage(clientBefore);
      const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(ready.pid, opts.db === 'postgres'), run.samples.length);
      const drainSeconds = await settle(base, ctx.countyCode);
      const sorted = Float64Array.from(run.samples).sort();
      const non2xx = Object.fromEntries(Object.entries(run.statuses).filter(([code]) => !code.startsWith('2')));
      return {
        name: w.name,
        description: w.description,
        baseline: w.baseline === true,
        requests: run.samples.length,
        durationSeconds: run.seconds,
        rps: run.samples.length / run.seconds,
        latencyMs: {
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted[sorted.length - 1] ?? Number.NaN,
        },
        non2xx,
        non2xxTotal: Object.values(non2xx).reduce((a, b) => a + b, 0),
        errors: run.errors,
        unanswered: run.unanswered,
        drainSeconds,
        rssMb: readRssMb(ready.pid),
        cpuMs: cpu,
        clientCpuMs: run.samples.length > 0 ? (client.user + client.system) / 1000 / run.samples.length : Number.NaN,
        vsBare: { rps: null, p95: null },
        vsPk: { rps: null, p95: null },
        vsInsert: { rps: null },
        cpuVsPk: null,
      };
    };
    const baselineNamed = (name: string) => {
      const found = workloads.find((w) => w.name === name);
      if (!found) throw new Error(`no baseline workload ${name}`);
      return found;
    };
    for (const w of selected) {
      console.error(`  ${w.name}: ${w.description}`);
      const writes = w.requests(ctx).some((r) => r.method !== undefined && r.method !== 'GET');
      const adjacent =
        opts.paired && !w.baseline
          ? {
              pk: await measure(baselineNamed('pk')),
              insert: writes ? await measure(baselineNamed('insert')) : undefined,
            }
          : undefined;
      results.push({ ...(await measure(w)), adjacent });
      if (w.name === 'intake') registration = await inboxDrain(base);
    }
    addRatios(results);

    console.log(
      `\nLianluo bench — ${opts.db} (${ready.databaseKind}), ${opts.scale} demo, ${opts.connections} connections × ${opts.duration} s per workload, node ${process.version}\n`,
    );
    console.log(formatTable(results));
    if (registration) {
      const r = registration as { waiting: number; seconds: number; perSecond: number };
      console.log(
        `\nintake: ${r.waiting} submissions waited in the inbox after the run; registered as cases in ${r.seconds.toFixed(1)} s (${r.perSecond.toFixed(0)} cases/s)`,
      );
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const dir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}${stamp}-${opts.db}-${opts.scale}.json`;
    writeFileSync(
      file,
      `${JSON.stringify({ at: new Date().toISOString(), db: opts.db, scale: opts.scale, duration: opts.duration, connections: opts.connections, node: process.version, seed: ready.seedSummary, results, registration }, null, 2)}\n`,
    );
    console.log(`\nresults written to ${file}`);
  } finally {
    await stop();
    await copy?.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
