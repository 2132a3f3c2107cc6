/**
 * The server under benchmark, run in its own process so the harness's load generator does not
 * share its event loop or its memory figure. Prepares the database (migrations, regions, the demo
 * of the chosen scale — all reused when already there), makes a bench account with a fresh
 * password, adds the baseline routes and listens on a free port. It then writes one JSON line
 * to stdout for the harness; everything else goes to stderr.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AppDeps, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { lockDataDir } from '../src/db/lock.js';
import { migrate } from '../src/db/migrate.js';
import { importRegions } from '../src/modules/regions/importRegions.js';
import { regions } from '../src/modules/regions/regions.tables.js';
import { stations } from '../src/modules/stations/stations.tables.js';
import { recordAudit } from '../src/platform/audit.js';
import { generatePassword, hashPassword } from '../src/platform/auth/password.js';
import { systemContext } from '../src/platform/context.js';
import { FieldCrypto, loadDataKey } from '../src/platform/crypto.js';
import { ErrorResponse } from '../src/platform/http.js';
import { startJobs } from '../src/platform/jobs.js';
import { runMaintenance } from '../src/platform/maintenance.js';
import { users } from '../src/platform/platform.tables.js';
import { seedDemo } from '../src/seed/demo.js';
import { SCALES, type Scale } from '../src/seed/sizes.js';
import { registerWorkers } from '../src/workers.js';

export const benchDataDir = fileURLToPath(new URL('./.data/', import.meta.url));
export const BENCH_USERNAME = 'bench_office';

/** What the server tells the harness once it listens. */
export interface ReadyMessage {
  ready: true;
  port: number;
  pid: number;
  databaseKind: string;
  seedSummary: string;
  account: { username: string; password: string };
  stationCode: string;
  /** Active stations across the demo, for the intake workload's submissions. */
  intakeStationCodes: string[];
}

const log = (msg: string) => process.stderr.write(`[bench server] ${msg}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      scale: { type: 'string' },
      url: { type: 'string' },
      fresh: { type: 'boolean' },
      'prepare-only': { type: 'boolean' },
    },
    strict: true,
  });
  const scale = values.scale as Scale;
  if (!SCALES[scale]) throw new Error(`unknown scale ${values.scale}`);
  const onPostgres = values.db === 'postgres';
  if (onPostgres && !values.url) throw new Error('--url is required with --db postgres');

  // The data key lives next to the data it encrypts, so a reused database stays readable.
  const keyDir = `${benchDataDir}${onPostgres ? 'postgres-' : ''}${scale}`;
  const release = onPostgres ? undefined : lockDataDir(keyDir);
  if (values.fresh && !onPostgres) {
    rmSync(`${keyDir}/pglite`, { recursive: true, force: true });
    rmSync(`${keyDir}/data.key`, { force: true });
  }
  const database = await openDatabase(onPostgres ? { databaseUrl: values.url } : { dataDir: `${keyDir}/pglite` });
  await migrate(database);
  await importRegions(database.db);
  const crypto = new FieldCrypto(loadDataKey(keyDir));
  const started = Date.now();
  const seeded = await seedDemo({ db: database.db, crypto }, { scale });
  // An embedded installation vacuums nightly (platform/maintenance.ts); measure it as it runs after a night.
  await runMaintenance(database);
  log(seeded.created ? `demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${seeded.summary}` : 'demo reused');
  // The runner copies a prepared PostgreSQL database for each run (run.ts) and starts the server on the copy.
  if (values['prepare-only']) {
    await database.close();
    release?.();
    return;
  }

  const rootCode = SCALES[scale].rootCode;
  const password = generatePassword();
  await upsertBenchAccount(database.db, rootCode, await hashPassword(password));
  const [station] = await database.db
    .select({ code: stations.code })
    .from(stations)
    .innerJoin(users, eq(users.stationId, stations.id))
    .where(eq(users.username, 'demo_station'));
  if (!station) throw new Error('the demo has no station for demo_station');

  const config = {
    ...loadConfig({}),
    databaseUrl: values.url,
    dataDir: keyDir,
    demo: false,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  };
  const jobs = await startJobs(database, { connectionString: values.url });
  const deps: AppDeps = { database, db: database.db, crypto, config, jobs };
  const app = await buildApp(deps, { logger: { level: config.logLevel }, serveWeb: false });

  app.get(
    '/bench/bare',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
  app.get(
    '/bench/pk/:code',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.object({ code: z.string().max(12) }),
        response: { 200: z.object({ code: z.string(), name: z.string(), level: z.string() }), 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const [row] = await database.db
        .select({ code: regions.code, name: regions.name, level: regions.level })
        .from(regions)
        .where(eq(regions.code, req.params.code))
        .limit(1);
      if (!row) return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: 'no such region' });
      return row;
    },
  );
  // Public submissions still waiting to become cases (the intake workload's registration lag).
  app.get(
    '/bench/inbox',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: z.object({ waiting: z.number() }) } } },
    async () => {
      const [row] = await database.raw.query<{ n: string }>('SELECT count(*) AS n FROM opinion_inbox WHERE attempts < 5');
      return { waiting: Number(row?.n ?? 0) };
    },
  );
  // The third baseline: one row written through the same stack, what an intake route is held to.
  await database.raw.exec(
    'CREATE TABLE IF NOT EXISTS bench_rows (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  app.post(
    '/bench/insert',
    {
      config: { access: 'public' },
      schema: { hide: true, body: z.object({ note: z.string().max(200) }), response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => {
      const rows = await database.raw.query<{ id: string }>('INSERT INTO bench_rows (note) VALUES ($1) RETURNING id', [
        req.body.note,
      ]);
      return reply.code(201).send({ id: rows[0]?.id ?? '' });
    },
  );
  await registerWorkers(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const stop = async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    release?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  const ready: ReadyMessage = {
    ready: true,
    port,
    pid: process.pid,
    databaseKind: database.kind,
    seedSummary: seeded.created ? seeded.summary : 'reused',
    account: { username: BENCH_USERNAME, password },
    stationCode: station.code,
    intakeStationCodes: (
      await database.raw.query<{ code: string }>("SELECT code FROM stations WHERE status = 'active' ORDER BY md5(code) LIMIT 200")
    ).map((r) => r.code),
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

/** An office account of the whole demo region, with a password made for this run only. */
async function upsertBenchAccount(db: AppDeps['db'], regionCode: string, passwordHash: string) {
  await db.transaction(async (tx) => {
    const [office] = await tx
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(users.username, 'demo_office'));
    const [row] = await tx
      .insert(users)
      .values({
        username: BENCH_USERNAME,
        displayName: '性能测试账号 (benchmark)',
        role: 'office_staff',
        regionCode,
        organizationId: office?.organizationId ?? null,
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      })
      .onConflictDoUpdate({
        target: users.username,
        set: {
          passwordHash,
          failedLogins: 0,
          lockedUntil: null,
          mustChangePassword: false,
          status: 'active',
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: users.id });
    await recordAudit(tx, systemContext('bench'), {
      action: 'user.bench_password',
      entityType: 'user',
      entityId: row?.id,
      after: { username: BENCH_USERNAME },
    });
  });
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
