import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import type { SuggestionItem } from './types';

interface Organization {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
}

/** Organizations of a kind in the account's scope, found by name or pinyin (committees, handling units). */
export function useOrganizations(kind: string | string[], q: string, enabled = true) {
  const kinds = Array.isArray(kind) ? kind : [kind];
  return useQuery({
    queryKey: ['suggestions', 'organizations', kinds.join(), q],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        kinds.map((k) =>
          api<Page<Organization>>('/organizations', { query: { kind: k, q, status: 'active', pageSize: 50 }, signal }),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Suggestions another may be merged into: of the same congress, accepted or waiting for review. */
export function useMergeTargets(congressId: string, excludeId: string, q: string) {
  return useQuery({
    queryKey: ['suggestions', 'merge-targets', congressId, q],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['accepted', 'submitted', 'assigned'] as const).map((state) =>
          api<Page<SuggestionItem>>('/suggestions', { query: { congressId, state, q, pageSize: 20 }, signal }),
        ),
      );
      return pages.flatMap((p) => p.items).filter((s) => s.id !== excludeId);
    },
    staleTime: 30_000,
  });
}

/** Handling units (government departments, courts, utilities…) of the account's scope, by name or pinyin. */
export function useUnits(q: string) {
  return useQuery({
    queryKey: ['suggestions', 'units', q],
    queryFn: ({ signal }) =>
      api<Page<Organization>>('/organizations', { query: { category: 'unit', status: 'active', q, pageSize: 30 }, signal }).then(
        (p) => p.items,
      ),
    staleTime: 5 * 60_000,
  });
}
