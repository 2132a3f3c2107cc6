import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/lock.js';
import { migrate } from '../db/migrate.js';
import { importRegions } from '../modules/regions/importRegions.js';
import { FieldCrypto, loadDataKey } from '../platform/crypto.js';
import { accountLine } from '../seed/accounts.js';
import { type SeedResult, seedDemo } from '../seed/demo.js';
import type { Scale } from '../seed/sizes.js';

const USAGE = `用法 usage: npm run seed -- [--scale city|province]

  --scale city      哈尔滨市演示数据 (default): about 337 stations and 15,000 deputies
  --scale province  黑龙江省演示数据, ten times that, for benchmarks

Reads the same environment as the server (DATA_DIR, DATABASE_URL, LIANLUO_DATA_KEY).
Does nothing when the demo is already there. The admin account is made by the server's first start.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv: string[]): { scale: Scale } {
  let values: { scale?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`参数错误 bad arguments: ${(err as Error).message}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = values.scale ?? 'city';
  if (scale !== 'city' && scale !== 'province')
    fail(`--scale 只能是 city 或 province (--scale must be city or province, got "${scale}")`);
  return { scale };
}

async function main() {
  const { scale } = parse(process.argv.slice(2));
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
    const applied = await migrate(database);
    if (applied.length) console.log(`已执行数据库迁移 migrations applied: ${applied.join(', ')}`);
    const regions = await importRegions(database.db);
    if (regions) console.log(`已导入全国行政区划 ${regions} 条 (regions imported)`);
    const crypto = new FieldCrypto(loadDataKey(config.dataDir, config.dataKeyHex));
    console.log(
      `正在生成演示数据 building the ${scale} demo on ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}…`,
    );
    const onAccounts = (accounts: SeedResult['accounts']) => {
      for (const a of accounts) console.log(accountLine(a));
      console.log('这些密码只显示这一次 (these passwords are shown once).');
    };
    const result = await seedDemo({ db: database.db, crypto }, { scale, onAccounts });
    console.log(result.summary);
  } finally {
    await database.close();
    release?.();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
