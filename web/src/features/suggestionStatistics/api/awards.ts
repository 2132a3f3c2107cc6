import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';

/** The year-end evaluation (/api/statistics/suggestions/awards): sheets, scores and rankings. */

/**
 * Who may save a sheet and who may score, mirroring server/src/modules/suggestionStatistics/
 * suggestionStatistics.policy.ts (awardsSheet, awardsScore). The server decides; these only decide
 * which buttons show. To move into web/src/lib/policies.ts with the other modules' entries.
 */
export const AWARD_SHEET_ROLES = ['office_staff'] as const;
export const AWARD_SCORE_ROLES = ['office_staff', 'leader'] as const;

/** The units' sheet's criteria (server: suggestionAwards.scoring.ts UNIT_CRITERIA). */
export const UNIT_CRITERIA = [
  'on_time_rate',
  'solved_rate',
  'face_to_face_rate',
  'satisfaction_rate',
  'reply_rate',
  'rehandled_penalty',
] as const;

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
  /** 0: not saved yet, the defaults are shown. */
  version: number;
  updatedAt?: string | null;
}
export interface UnitCriterionInput {
  key: string;
  weight: number;
}
export interface SuggestionCriterionInput {
  key: string;
  name: string;
  nameEn: string | null;
  weight: number;
  maxScore: number;
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
    /** The scores this account gave, read back into the scoring dialog. */
    mine: Record<string, number> | null;
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

const awardsKey = ['statistics', 'suggestions', 'awards'] as const;

export function useSaveSheet(congressId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      target,
      criteria,
      version,
    }: {
      target: 'units' | 'suggestions';
      criteria: UnitCriterionInput[] | SuggestionCriterionInput[];
      version: number;
    }) => api<Sheet>(`${base(congressId, year)}/sheets/${target}`, { method: 'PUT', body: { criteria, version } }),
    onSettled: () => qc.invalidateQueries({ queryKey: awardsKey }),
  });
}

export function useEnterScores(congressId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ suggestionId, scores }: { suggestionId: string; scores: Record<string, number> }) =>
      api<{ scores: Record<string, number> }>(`${base(congressId, year)}/scores/${suggestionId}`, {
        method: 'PUT',
        body: { scores },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: awardsKey }),
  });
}
