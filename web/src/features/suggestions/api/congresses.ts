import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import type { CongressItem, CongressView, DeputyOption } from './types';

/** The congresses an account sees; a deputy drafts in the congresses of the regions above it. */
export function useCongresses() {
  return useQuery({
    queryKey: ['suggestions', 'congresses'],
    queryFn: ({ signal }) => api<Page<CongressItem>>('/congresses', { query: { pageSize: 100 }, signal }),
    staleTime: 10 * 60_000,
  });
}

/** A congress with its terms and sessions. */
export function useCongress(id: string | undefined) {
  return useQuery({
    queryKey: ['suggestions', 'congress', id],
    queryFn: ({ signal }) => api<CongressView>(`/congresses/${id}`, { signal }),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
}

/** Serving deputies of a congress found by name or pinyin, for the co-signer picker. */
export function useCongressDeputies(congress: CongressItem | undefined, q: string) {
  return useQuery({
    queryKey: ['suggestions', 'deputies', congress?.id, q],
    queryFn: ({ signal }) =>
      api<Page<DeputyOption>>('/deputies', {
        query: { q, level: congress?.level, regionCode: congress?.regionCode, status: 'serving', pageSize: 30 },
        signal,
      }).then((p) => p.items.filter((d) => d.congressRegionCode === congress?.regionCode)),
    enabled: !!congress,
    staleTime: 60_000,
  });
}
