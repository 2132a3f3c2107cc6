import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';

/** The year-end evaluation (/api/statistics/suggestions/awards): sheets and rankings. */

export interface Criterion {
  key: string;
  name: string;
  nameEn: string | null;
  weight: number;
  maxScore: number | null;
}
export interface Sheet {
  target: 'unit' | 'suggestion';
  criteria: Criterion[];
  version: number;
}
export interface UnitRanking {
  sheet: Sheet;
  items: { rank: number; unitId: string; name: string; score: number; parts: Record<string, number> }[];
}
export interface SuggestionRanking {
  sheet: Sheet;
  items: {
    rank: number;
    suggestionId: string;
    number: number | null;
    title: string;
    leadName: string;
    score: number;
    reviewers: number;
    parts: Record<string, number | null>;
  }[];
}
export interface CongressOption {
  id: string;
  name: string;
}

const base = (congressId: string, year: number) => `/statistics/suggestions/awards/${congressId}/${year}`;

export function useCongresses(regionCode: string) {
  return useQuery({
    queryKey: ['congresses', 'options', regionCode],
    queryFn: ({ signal }) =>
      api<{ items: CongressOption[] }>('/congresses', { query: { regionCode: regionCode || undefined, pageSize: 100 }, signal }),
  });
}

export function useUnitRanking(congressId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['statistics', 'suggestions', 'awards', 'units', congressId, year],
    queryFn: ({ signal }) => api<UnitRanking>(`${base(congressId as string, year)}/rankings/units`, { signal }),
    enabled: !!congressId,
  });
}

export function useSuggestionRanking(congressId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['statistics', 'suggestions', 'awards', 'suggestions', congressId, year],
    queryFn: ({ signal }) => api<SuggestionRanking>(`${base(congressId as string, year)}/rankings/suggestions`, { signal }),
    enabled: !!congressId,
  });
}

export const rankingExportUrl = (congressId: string, year: number, target: 'units' | 'suggestions') =>
  apiUrl(`${base(congressId, year)}/rankings/${target}/export.xlsx`);
