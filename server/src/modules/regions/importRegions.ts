import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pinyinKeys } from '../../platform/text.js';
import { regions } from './regions.tables.js';

const dir = fileURLToPath(new URL('../../../assets/regions/', import.meta.url));
const GROUPING_NAMES = new Set(['市辖区', '省直辖县级行政区划', '自治区直辖县级行政区划', '县']);

/** The shipped CSVs are simple: quoted names without commas or quotes inside. */
function readCsv(file: string): string[][] {
  return readFileSync(dir + file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

type RegionRow = typeof regions.$inferInsert;

export function loadRegionRows(): RegionRow[] {
  const rows: RegionRow[] = [];
  const add = (code: string, name: string, level: RegionRow['level'], parentCode: string | null, isGrouping = false) =>
    rows.push({ code, name, level, parentCode, provinceCode: code.slice(0, 2), isGrouping, ...pinyinKeys(name) });
  for (const [code, name] of readCsv('provinces.csv')) add(code as string, name as string, 'province', null);
  for (const [code, name, p] of readCsv('cities.csv'))
    add(code as string, name as string, 'city', p as string, GROUPING_NAMES.has(name as string));
  for (const [code, name, c] of readCsv('areas.csv')) add(code as string, name as string, 'county', c as string);
  for (const [code, name, a] of readCsv('streets.csv')) add(code as string, name as string, 'township', a as string);
  return rows;
}

/** Imports the national tree once; returns how many rows were written (0 when already there). */
export async function importRegions(db: Db): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(regions);
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = loadRegionRows();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await tx.insert(regions).values(rows.slice(i, i + 2000));
    }
  });
  return rows.length;
}
