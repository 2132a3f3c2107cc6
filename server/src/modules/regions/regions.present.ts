import type { Executor } from '../../db/client.js';
import { regionNotFound } from './regions.errors.js';
import { isEditableRegion } from './regions.policy.js';
import { countChildren, findRegion, pathsOf, type RegionRow } from './regions.repo.js';
import type { RegionDetail, RegionItem } from './regions.schema.js';

/** Turns rows into list items, fetching every ancestor path in one query. */
export async function presentRegions(db: Executor, rows: { region: RegionRow; hasChildren: boolean }[]): Promise<RegionItem[]> {
  const paths = await pathsOf(
    db,
    rows.map((r) => r.region.code),
  );
  return rows.map(({ region, hasChildren }) => toItem(region, hasChildren, paths.get(region.code) ?? []));
}

export async function regionDetail(db: Executor, code: string): Promise<RegionDetail> {
  const region = await findRegion(db, code);
  if (!region) throw regionNotFound(code);
  const [paths, childCount] = await Promise.all([pathsOf(db, [code]), countChildren(db, code)]);
  return {
    ...toItem(region, childCount > 0, paths.get(code) ?? []),
    childCount,
    editable: isEditableRegion(region),
    createdAt: region.createdAt.toISOString(),
  };
}

function toItem(r: RegionRow, hasChildren: boolean, path: RegionItem['path']): RegionItem {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    isGrouping: r.isGrouping,
    namePinyin: r.namePinyin,
    nameInitials: r.nameInitials,
    hasChildren,
    path,
  };
}
