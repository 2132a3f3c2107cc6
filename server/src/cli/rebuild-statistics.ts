import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/lock.js';
import { migrate } from '../db/migrate.js';
import { rebuildOpinionStatistics } from '../modules/statistics/statistics.rebuild.js';
import { systemContext } from '../platform/context.js';

/**
 * 重算群众意见统计 — recompute the opinion statistics from the cases:
 *   npx tsx src/cli/rebuild-statistics.ts
 * Reads the same environment as the server (DATA_DIR, DATABASE_URL). With the embedded database,
 * stop the server first (it holds the data folder); on PostgreSQL it may run beside the server.
 */
async function main() {
  const config = loadConfig();
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
  try {
    await migrate(database);
    const started = Date.now();
    const { cells } = await rebuildOpinionStatistics(database.db, systemContext('rebuild-statistics'));
    console.log(`已重算群众意见统计 statistics rebuilt: ${cells} cells in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
    release?.();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
