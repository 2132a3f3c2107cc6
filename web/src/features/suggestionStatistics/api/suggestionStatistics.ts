import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';

/** The contract of /api/statistics/suggestions (server/src/modules/suggestionStatistics). */

export const COUNTS = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'repliedOnTime',
  'classA',
  'classB',
  'classC',
  'classD',
  'faceToFace',
  'evaluated',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'rehandled',
] as const;
export type CountName = (typeof COUNTS)[number];
export type Rate = number | null;

export type Figures = Record<CountName, number> & {
  onTimeRate: Rate;
  solvedRate: Rate;
  classShares: Record<'A' | 'B' | 'C' | 'D', Rate>;
  faceToFaceRate: Rate;
  satisfactionRate: Rate;
};
/** For each count, the query of GET /api/suggestions that lists what it counts. */
export type Links = Record<CountName, string>;

export const DIMENSIONS = ['unit', 'session', 'year', 'category', 'delegation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface StatsFilter {
  year?: number;
  regionCode?: string;
}

export interface Overview {
  filter: Record<string, unknown>;
  figures: Figures;
  links: Links;
}

export interface BreakdownItem {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  figures: Figures;
  links: Links | null;
}

export interface Breakdown {
  dimension: Dimension;
  items: BreakdownItem[];
  total: number;
}

const keys = {
  overview: (f: StatsFilter) => ['statistics', 'suggestions', 'overview', f] as const,
  breakdown: (d: Dimension, f: StatsFilter) => ['statistics', 'suggestions', 'breakdown', d, f] as const,
};

export function useSuggestionOverview(f: StatsFilter) {
  return useQuery({
    queryKey: keys.overview(f),
    queryFn: ({ signal }) => api<Overview>('/statistics/suggestions/overview', { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSuggestionBreakdown(dimension: Dimension, f: StatsFilter, enabled = true) {
  return useQuery({
    queryKey: keys.breakdown(dimension, f),
    queryFn: ({ signal }) => api<Breakdown>('/statistics/suggestions/breakdown', { query: { ...f, dimension }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const exportUrl = (f: StatsFilter) => apiUrl('/statistics/suggestions/export.xlsx', { ...f });

/** The suggestion list a figure counts: its "all" box with the figure's filter (the server's own link). */
export const listHref = (link: string | undefined | null) => (link ? `/suggestions?view=all&${link}` : null);

export const percent = (rate: Rate) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
