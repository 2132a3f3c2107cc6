import type { Db, Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { badRequest } from '../../platform/errors.js';
import { type Figures, figuresOf, type Sums } from './statistics.metrics.js';
import { assertDimension, type StatisticsScope, statisticsScope } from './statistics.policy.js';
import {
  type CategoryNode,
  groupCells,
  listCategories,
  type Named,
  type Period,
  type ScopeNames,
  scopeNames,
  sumCells,
} from './statistics.repo.js';
import { type Dimension, MAX_MONTHS } from './statistics.schema.js';

/** What the statistics routes answer: the counters summed for the account's scope, with names. */

export interface ScopeInfo {
  regionCode: string;
  regionName: string | null;
  path: { code: string; name: string }[];
  unitId: string | null;
  unitName: string | null;
}

export interface BreakdownRow {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  drillable: boolean;
  figures: Figures;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Left out, the period is this year up to this month (China time). */
export function periodOf(q: { from?: string; to?: string }, now: Date): Period {
  const current = chinaDate(now).slice(0, 7);
  const to = q.to ?? (q.from && q.from > current ? q.from : current);
  const from = q.from ?? `${to.slice(0, 4)}-01`;
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) {
    throw badRequest('PERIOD_TOO_LONG', {
      zh: `统计期间不能超过 ${MAX_MONTHS} 个月`,
      en: `The period may not exceed ${MAX_MONTHS} months`,
    });
  }
  return { from, to };
}

/** The regions from the top of the account's view down to the scope's region. */
export function pathCodes(scope: StatisticsScope): string[] {
  const codes: string[] = [];
  for (let len = 2; len <= scope.regionCode.length; len = nextLength(len)) {
    if (len >= scope.rootCode.length) codes.push(scope.regionCode.slice(0, len));
  }
  return codes;
}

export function scopeInfoOf(scope: StatisticsScope, names: ScopeNames): ScopeInfo {
  return {
    regionCode: scope.regionCode,
    regionName: names.regions.get(scope.regionCode) ?? null,
    path: pathCodes(scope).map((code) => ({ code, name: names.regions.get(code) ?? code })),
    unitId: scope.unitId,
    unitName: scope.unitId ? names.unitName : null,
  };
}

export async function scopeInfo(db: Db, scope: StatisticsScope): Promise<ScopeInfo> {
  return scopeInfoOf(scope, await scopeNames(db, pathCodes(scope), scope.unitId));
}

const nextLength = (len: number) => (len < 6 ? len + 2 : len + 3);

export async function overview(db: Db, user: SessionUser, q: { from?: string; to?: string; regionCode?: string }, now: Date) {
  const scope = statisticsScope(user, q.regionCode);
  const period = periodOf(q, now);
  const sums = await sumCells(db, scope, period);
  return { period, scope: await scopeInfo(db, scope), figures: figuresOf(sums) };
}

/** The figures per member of a dimension; without a page, every member (the export). */
export async function breakdownRows(
  db: Executor,
  scope: StatisticsScope,
  period: Period,
  dimension: Dimension,
  page?: { page: number; pageSize: number },
): Promise<{ items: BreakdownRow[]; total: number }> {
  const window = page ? { limit: page.pageSize, offset: (page.page - 1) * page.pageSize } : undefined;
  if (dimension === 'category') return categoryRows(db, scope, period, window);
  const { rows, total } = await groupCells(db, scope, period, dimension, window);
  const items = rows.map((r) => {
    const channel = dimension === 'channel' ? CHANNEL_NAMES[r.key] : undefined;
    return {
      key: r.key === '' ? null : r.key,
      name: r.name ?? channel?.name ?? (dimension === 'month' || dimension === 'channel' ? r.key : null),
      nameEn: channel?.nameEn ?? null,
      drillable: dimension === 'region' && r.key !== scope.regionCode && r.key.length < 12,
      figures: figuresOf(r.sums),
    };
  });
  return { items, total };
}

export async function breakdown(
  db: Db,
  user: SessionUser,
  q: { from?: string; to?: string; regionCode?: string; dimension: Dimension; page: number; pageSize: number },
  now: Date,
) {
  const scope = statisticsScope(user, q.regionCode);
  assertDimension(scope, q.dimension);
  const period = periodOf(q, now);
  const { items, total } = await breakdownRows(db, scope, period, q.dimension, { page: q.page, pageSize: q.pageSize });
  return { dimension: q.dimension, period, scope: await scopeInfo(db, scope), items, total };
}

/**
 * Categories are shown at the top of the tree, each with its subcategories' cases, as the case list
 * filters a category with its subtree. The tree is small: the cells are summed per category here.
 */
async function categoryRows(
  db: Executor,
  scope: StatisticsScope,
  period: Period,
  window?: { limit: number; offset: number },
): Promise<{ items: BreakdownRow[]; total: number }> {
  const [{ rows }, categories] = await Promise.all([groupCells(db, scope, period, 'category'), listCategories(db)]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const rootOf = (id: string): CategoryNode | undefined => {
    let node = byId.get(id);
    for (let depth = 0; node?.parentId && depth < 16; depth++) node = byId.get(node.parentId) ?? node;
    return node;
  };
  const totals = new Map<string, Sums>();
  for (const r of rows) {
    const key = r.key === '' ? '' : (rootOf(r.key)?.id ?? r.key);
    const acc = totals.get(key);
    if (!acc) totals.set(key, { ...r.sums });
    else for (const col of Object.keys(acc) as (keyof Sums)[]) acc[col] += r.sums[col];
  }
  const sorted = [...totals.entries()].sort(
    ([ka, a], [kb, b]) =>
      b.received - a.received || (byId.get(ka)?.sortOrder ?? 1e9) - (byId.get(kb)?.sortOrder ?? 1e9) || ka.localeCompare(kb),
  );
  const paged = window ? sorted.slice(window.offset, window.offset + window.limit) : sorted;
  return {
    total: sorted.length,
    items: paged.map(([key, sums]) => ({
      key: key === '' ? null : key,
      name: byId.get(key)?.name ?? null,
      nameEn: byId.get(key)?.nameEn ?? null,
      drillable: false,
      figures: figuresOf(sums),
    })),
  };
}

/** The channels of DESIGN §2, as the case pages name them. */
export const CHANNEL_NAMES: Record<string, Named> = {
  station_visit: { name: '联络站接待', nameEn: 'Station visit' },
  online: { name: '网上提交', nameEn: 'Online' },
  qr: { name: '扫码提交', nameEn: 'QR code' },
  hotline: { name: '联络站热线', nameEn: 'Station hotline' },
  card: { name: '意见卡', nameEn: 'Opinion card' },
  home_visit: { name: '走访入户', nameEn: 'Home visit' },
  mobile_station: { name: '流动联络站', nameEn: 'Mobile station' },
  letter: { name: '来信', nameEn: 'Letter' },
  hotline_12345: { name: '12345 热线', nameEn: '12345 hotline' },
};
