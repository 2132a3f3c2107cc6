import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';
import type { Breakdown, Dimension, Overview, StatsFilter } from './types';

export const statisticsKeys = {
  overview: (f: StatsFilter) => ['statistics', 'opinions', 'overview', f] as const,
  breakdown: (dimension: Dimension, f: StatsFilter, page: number, pageSize: number) =>
    ['statistics', 'opinions', 'breakdown', dimension, f, page, pageSize] as const,
};

export function useOverview(f: StatsFilter) {
  return useQuery({
    queryKey: statisticsKeys.overview(f),
    queryFn: ({ signal }) => api<Overview>('/statistics/opinions/overview', { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBreakdown(dimension: Dimension, f: StatsFilter, page = 1, pageSize = 100, enabled = true) {
  return useQuery({
    queryKey: statisticsKeys.breakdown(dimension, f, page, pageSize),
    queryFn: ({ signal }) =>
      api<Breakdown>('/statistics/opinions/breakdown', { query: { ...f, dimension, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const exportUrl = (f: StatsFilter) => apiUrl('/statistics/opinions/export.xlsx', { ...f });

/** The received dates of the case list that a period of months stands for (contracts.md §A, §C). */
export function listDates(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${from}-01`, to: `${to}-${String(last).padStart(2, '0')}` };
}

/** Every state but merged: the cases "received" counts (DESIGN §5). */
export const COUNTED_STATES = [
  'submitted',
  'accepted',
  'in_review',
  'transferred',
  'handling',
  'replied',
  'awaiting_evaluation',
  'closed',
  'rejected',
  'converted',
].join(',');
