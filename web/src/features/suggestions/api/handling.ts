import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';
import type { AssignmentPanel, BatchResult, Handling, UnitPick, UnitRecommendation } from './handlingTypes';
import { suggestionKeys } from './suggestions';

const keys = {
  assignments: (id: string) => ['suggestions', 'assignments', id] as const,
  handling: (id: string) => ['suggestions', 'handling', id] as const,
  recommend: (id: string) => ['suggestions', 'recommend', id] as const,
};

export function useAssignments(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.assignments(id),
    queryFn: ({ signal }) => api<AssignmentPanel>(`/suggestions/${id}/assignments`, { signal }),
    enabled,
    retry: false,
  });
}

export function useHandling(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.handling(id),
    queryFn: ({ signal }) => api<Handling>(`/suggestions/${id}/handling`, { signal }),
    enabled,
    retry: false,
  });
}

/** Units proposed from past assignments of similar suggestions, with the reason for each. */
export function useRecommendations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.recommend(id),
    queryFn: ({ signal }) =>
      api<{ items: UnitRecommendation[] }>(`/suggestions/${id}/unit-suggestions`, { query: { limit: 5 }, signal }).then(
        (r) => r.items,
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * Any write of the assignment or handling panels: everything about suggestions is read again, as a
 * step there may move the suggestion itself (all replied → awaiting evaluation).
 */
export function useHandlingWrite<T = unknown>() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: suggestionKeys.all });
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT'; path: string; body?: unknown }) =>
      api<T>(path, { method, body: body ?? {} }),
    onSettled: () => refresh(),
  });
}

export function useBatchAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { batchLabel: string; note?: string | null; items: { suggestionId: string; units: UnitPick[] }[] }) =>
      api<BatchResult>('/suggestion-batches', { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}

export const batchListUrl = (label: string, format: 'xlsx' | 'docx') =>
  apiUrl(`/suggestion-batches/${encodeURIComponent(label)}/list.${format}`);
export const letterUrl = (path: string) => (path.startsWith('/api') ? path : apiUrl(path));
