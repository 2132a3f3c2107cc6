import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError, lockDataDir } from './db/lock.js';
import { migrate } from './db/migrate.js';
import { FieldCrypto, loadDataKey } from './platform/crypto.js';
import { startJobs } from './platform/jobs.js';
import { createNotifyProviders } from './platform/notify/providers/index.js';
import { registerSchedules, registerWorkers } from './workers.js';

/** Opens the database, migrates, bootstraps first-run data, and listens. Stops cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config) {
  let release: (() => void) | undefined;
  if (!config.databaseUrl) {
    try {
      release = lockDataDir(config.dataDir);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        console.error(err.message);
        process.exit(3);
      }
      throw err;
    }
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
  });
  const applied = await migrate(database);
  const crypto = new FieldCrypto(loadDataKey(config.dataDir, config.dataKeyHex));
  const jobs = await startJobs(database, { connectionString: config.databaseUrl });
  // The console SMS provider writes to the server's log (the app exists by the time anything is sent).
  const notify = createNotifyProviders(config.notify, (fields, msg) => app.log.info(fields, msg));
  const deps = { database, db: database.db, crypto, config, jobs, notify };
  const app = await buildApp(deps, {
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
  });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  await bootstrap(deps, (msg) => console.log(msg));
  await registerWorkers(deps);
  await registerSchedules(deps);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
      await jobs.stop();
      await database.close();
    } finally {
      release?.();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Lianluo 联络 is running: http://localhost:${config.port}  (database: ${database.kind})`);
  return app;
}
