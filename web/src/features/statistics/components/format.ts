import type { TFunction } from 'i18next';
import { COUNTED_STATES, listDates } from '../api/statistics';
import type { BreakdownItem, Dimension, Period, Scope } from '../api/types';

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
export const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

/** A member's name in the page's language: "none" rows, and the scope's own level, said as such. */
export function itemName(item: BreakdownItem, dimension: Dimension, scope: Scope | undefined, t: TFunction, en: boolean) {
  if (item.key === null) return t(`statistics:none.${dimension}`);
  const name = (en && item.nameEn) || item.name || item.key;
  return dimension === 'region' && item.key === scope?.regionCode ? `${name}${t('statistics:self')}` : name;
}

// The case list page takes these filters from its URL; deputyId and unitId are filters of the API
// (contracts.md §A) that the page does not offer yet, so those rows link nowhere rather than to a
// longer list.
const FILTER: Record<Dimension, string | null | false> = {
  region: 'regionCode',
  station: 'stationId',
  deputy: false,
  unit: false,
  category: 'categoryId',
  channel: 'channel',
  month: null,
};

/** The case list a figure counts (contracts.md §A): the same received dates, region and member. */
export function listLink(period: Period, scope: Scope | undefined, dimension?: Dimension, key?: string | null): string | null {
  if (key === null || (dimension && FILTER[dimension] === false)) return null;
  const months = dimension === 'month' && key ? { from: key, to: key } : period;
  const params = new URLSearchParams({ state: COUNTED_STATES, ...listDates(months.from, months.to) });
  if (scope?.regionCode) params.set('regionCode', scope.regionCode);
  const filter = dimension ? FILTER[dimension] : null;
  if (filter && key) params.set(filter, key);
  return `/opinions?${params.toString()}`;
}
