import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import type { Category, OpinionListItem, StationMemberOption, StationOption, UnitOption, UnitSuggestion } from './types';

/** The category tree (top level with children); inactive ones are kept so old cases still show a name. */
export function useCategories() {
  return useQuery({
    queryKey: ['opinion-categories'],
    queryFn: ({ signal }) => api<Page<Category>>('/opinion-categories', { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

/** Active stations whose name, pinyin or code match, within the account's scope. */
export function useStationOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['stations', 'options', q],
    queryFn: ({ signal }) =>
      api<Page<StationOption>>('/stations', { query: { q: q || undefined, status: 'active', pageSize: 30 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useStationName(id: string | undefined) {
  return useQuery({
    queryKey: ['stations', 'option', id],
    queryFn: ({ signal }) => api<StationOption>(`/stations/${id}`, { signal }),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
}

/** The deputies grouped into a station, for the reception's duty roster. */
export function useStationMembers(stationId: string | undefined) {
  return useQuery({
    queryKey: ['stations', 'members-of', stationId],
    queryFn: ({ signal }) => api<{ members: StationMemberOption[] }>(`/stations/${stationId}`, { signal }).then((s) => s.members),
    enabled: !!stationId,
    staleTime: 60_000,
  });
}

/** Active handling units (not congress bodies) matching the text. */
export function useUnitOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'unit-options', q],
    queryFn: ({ signal }) =>
      api<Page<UnitOption>>('/organizations', {
        query: { q: q || undefined, category: 'unit', status: 'active', pageSize: 30 },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Units proposed for a transfer: routing rules of the category and region, then units of similar cases. */
export function useUnitSuggestions(
  args: { regionCode: string; categoryId?: string | null; text?: string } | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['routing', 'suggestions', args],
    queryFn: ({ signal }) =>
      api<Page<UnitSuggestion>>('/routing/suggestions', {
        query: {
          regionCode: args?.regionCode,
          categoryId: args?.categoryId ?? undefined,
          text: args?.text?.slice(0, 2000),
          limit: 5,
        },
        signal,
      }),
    enabled: enabled && !!args,
    staleTime: 5 * 60_000,
  });
}

/** Open cases to merge a duplicate into, found by text or tracking code. */
export function useMergeTargets(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['opinions', 'merge-targets', q],
    queryFn: ({ signal }) =>
      api<Page<OpinionListItem>>('/opinions', {
        query: {
          q: q || undefined,
          state: 'submitted,accepted,in_review,transferred,handling,replied,awaiting_evaluation',
          pageSize: 20,
        },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
