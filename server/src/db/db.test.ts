import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';
import { lockDataDir } from './lock.js';
import { migrate } from './migrate.js';

describe('data folder lock', () => {
  it('refuses a second holder while the first is alive and names it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lianluo-lock-'));
    // A live process other than us holds the lock: our parent.
    writeFileSync(path.join(dir, 'lianluo.lock'), JSON.stringify({ pid: process.ppid, since: 'earlier' }));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`进程 ${process.ppid}`));
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lianluo-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(path.join(dir, 'lianluo.lock'), JSON.stringify({ pid: Number(dead) }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'lianluo.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, 'lianluo.lock'))).toBe(false);
  });
});

describe('migrations', () => {
  it('are all applied and a second run applies nothing', async () => {
    const t = await createTestApp();
    try {
      expect(await migrate(t.database)).toEqual([]);
      const tables = await t.database.raw.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          'regions',
          'organizations',
          'users',
          'sessions',
          'audit_events',
          'persons',
          'deputies',
          'stations',
          'station_members',
        ]),
      );
      // Other test files share the PostgreSQL database and add townships of their own (created_by set).
      const [count] = await t.database.raw.query<{ n: string }>(
        "SELECT count(*) AS n FROM regions WHERE level = 'township' AND created_by IS NULL",
      );
      expect(Number(count?.n)).toBe(41352);
      // Searches read a GIN index's whole pending list: the search indexes keep theirs short (0021).
      const gin = await t.database.raw.query<{ relname: string; reloptions: string[] | null }>(
        "SELECT relname, reloptions FROM pg_class WHERE relname IN ('opinions_search_idx', 'opinions_content_trgm_idx', 'suggestions_search_idx', 'suggestions_title_trgm_idx') ORDER BY 1",
      );
      expect(gin).toHaveLength(4);
      for (const index of gin) expect(index.reloptions, index.relname).toEqual(['gin_pending_list_limit=64']);
    } finally {
      await t.close();
    }
  });
});
