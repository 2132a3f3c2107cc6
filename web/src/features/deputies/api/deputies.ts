import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type Query } from '../../../lib/api';
import type { CreatedDeputy, DeputyDetail, DeputyInput, DeputyListItem } from './types';

export const deputyKeys = {
  all: ['deputies'] as const,
  list: (query: Query) => ['deputies', 'list', query] as const,
  detail: (id: string) => ['deputies', 'detail', id] as const,
  revealed: (id: string) => ['deputies', 'revealed', id] as const,
};

export const listDeputies = (query: Query, signal?: AbortSignal) => api<Page<DeputyListItem>>('/deputies', { query, signal });

export function useDeputies(query: Query) {
  return useQuery({
    queryKey: deputyKeys.list(query),
    queryFn: ({ signal }) => listDeputies(query, signal),
    // Paging and filtering keep the old rows on screen until the new ones arrive: no flicker.
    placeholderData: keepPreviousData,
  });
}

export function useDeputy(id: string | undefined) {
  return useQuery({
    queryKey: deputyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<DeputyDetail>(`/deputies/${id}`, { signal }),
    enabled: !!id,
  });
}

/**
 * The full phone and ID number. Each request is written to the audit trail, so it runs only when
 * the user asks, is never refetched on its own, and is dropped from the cache when the page closes.
 */
export function useRevealedDeputy(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: deputyKeys.revealed(id ?? ''),
    queryFn: ({ signal }) => api<DeputyDetail>(`/deputies/${id}`, { query: { reveal: 1 }, signal }),
    enabled: !!id && enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}

export function useCreateDeputy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeputyInput) => api<CreatedDeputy>('/deputies', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: deputyKeys.all }),
  });
}

export function useUpdateDeputy(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<DeputyInput>) => api<DeputyDetail>(`/deputies/${id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      qc.setQueryData(deputyKeys.detail(id), saved);
      return qc.invalidateQueries({ queryKey: deputyKeys.all });
    },
  });
}

export function useUploadPhoto(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<unknown>(`/deputies/${id}/photo`, { method: 'POST', formData });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: deputyKeys.all }),
  });
}

/** The photo's address; the version makes the browser fetch it again after an upload. */
export function photoSrc(deputy: Pick<DeputyDetail, 'id' | 'photoUrl' | 'hasPhoto' | 'updatedAt'>): string | undefined {
  if (!deputy.hasPhoto) return undefined;
  const base = deputy.photoUrl ?? apiUrl(`/deputies/${deputy.id}/photo`);
  return `${base}${base.includes('?') ? '&' : '?'}v=${encodeURIComponent(deputy.updatedAt)}`;
}

/** The Excel export of the list as filtered (paging left out: the export holds every matching row). */
export function exportUrl(filters: Query): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return apiUrl('/deputies/export.xlsx', rest);
}
