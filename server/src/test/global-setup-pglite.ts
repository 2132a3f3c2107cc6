import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { importRegions } from '../modules/regions/importRegions.js';
import { startJobs } from '../platform/jobs.js';

/**
 * Builds one migrated PGlite database with the national regions and the job queue's schema,
 * dumps it, and lets every test file start from a copy in well under a second.
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({});
  await migrate(database);
  await importRegions(database.db);
  const jobs = await startJobs(database);
  await jobs.stop();
  const dump = (await database.pglite?.dumpDataDir('gzip')) as Blob;
  await database.close();
  const dir = path.resolve('.vitest-tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testDatabaseUrl: string;
  }
}
