import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type Query } from '../../../lib/api';
import type { Category, CheckView, DraftInput, SimilarItem, Suggestion, SuggestionItem, Timeline } from './types';

export const suggestionKeys = {
  all: ['suggestions'] as const,
  list: (query: Query) => ['suggestions', 'list', query] as const,
  count: (query: Query) => ['suggestions', 'count', query] as const,
  detail: (id: string) => ['suggestions', 'detail', id] as const,
  timeline: (id: string) => ['suggestions', 'timeline', id] as const,
  similar: (id: string) => ['suggestions', 'similar', id] as const,
  categories: ['suggestions', 'categories'] as const,
};

export function useSuggestions(query: Query, enabled = true) {
  return useQuery({
    queryKey: suggestionKeys.list(query),
    queryFn: ({ signal }) => api<Page<SuggestionItem>>('/suggestions', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many a box or queue holds: the list's own total, read with the smallest page. */
export function useSuggestionCount(query: Query) {
  return useQuery({
    queryKey: suggestionKeys.count(query),
    queryFn: ({ signal }) =>
      api<Page<SuggestionItem>>('/suggestions', { query: { ...query, page: 1, pageSize: 1 }, signal }).then((p) => p.total),
    staleTime: 30_000,
  });
}

export function useSuggestion(id: string | undefined) {
  return useQuery({
    queryKey: suggestionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Suggestion>(`/suggestions/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useTimeline(id: string | undefined) {
  return useQuery({
    queryKey: suggestionKeys.timeline(id ?? ''),
    queryFn: ({ signal }) => api<Timeline>(`/suggestions/${id}/timeline`, { signal }),
    enabled: !!id,
  });
}

export function useSimilar(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: suggestionKeys.similar(id ?? ''),
    queryFn: ({ signal }) => api<{ items: SimilarItem[] }>(`/suggestions/${id}/similar`, { signal }),
    enabled: !!id && enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: suggestionKeys.categories,
    queryFn: ({ signal }) => api<{ items: Category[] }>('/suggestions/categories', { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

export const fileUrl = (id: string, fileId: string) => apiUrl(`/suggestions/${id}/files/${fileId}`);

/** After any change, the suggestion page, the lists and the counts are read again. */
export function useInvalidateSuggestions() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: suggestionKeys.all });
}

/** Saves the answer the server gives after a change as the page's data, then refreshes the rest. */
function useSaved(id?: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateSuggestions();
  return (saved: Suggestion) => {
    qc.setQueryData(suggestionKeys.detail(id ?? saved.id), saved);
    return invalidate();
  };
}

export function useCheck() {
  return useMutation({
    mutationFn: (body: {
      congressId?: string | null;
      suggestionId?: string | null;
      title: string;
      grounds: string;
      proposal: string;
    }) => api<CheckView>('/suggestions/check', { method: 'POST', body }),
  });
}

export function useCreateSuggestion() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: DraftInput) => api<Suggestion>('/suggestions', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useEditSuggestion(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (body: Partial<Omit<DraftInput, 'cosignerIds'>>) =>
      api<Suggestion>(`/suggestions/${id}`, { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useInvite(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (deputyIds: string[]) => api<Suggestion>(`/suggestions/${id}/cosigners`, { method: 'POST', body: { deputyIds } }),
    onSuccess: saved,
  });
}

export function useUninvite(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (deputyId: string) => api<Suggestion>(`/suggestions/${id}/cosigners/${deputyId}`, { method: 'DELETE' }),
    onSuccess: saved,
  });
}

export function useAnswerInvitation(id: string) {
  const saved = useSaved(id);
  const invalidate = useInvalidateSuggestions();
  return useMutation({
    mutationFn: (body: { decision: 'confirm' | 'decline'; reason?: string | null }) =>
      api<Suggestion>(`/suggestions/${id}/cosignature`, { method: 'POST', body }),
    onSuccess: saved,
    onError: () => invalidate(),
  });
}

/** One step of the workflow; the body carries what the action needs (reason, merge target, committee…). */
export function useTransition(id: string) {
  const saved = useSaved(id);
  const invalidate = useInvalidateSuggestions();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: Record<string, unknown> }) =>
      api<Suggestion>(`/suggestions/${id}/transitions/${action}`, { method: 'POST', body }),
    onSuccess: saved,
    // A 409 means someone else moved the suggestion first: show it as it is now.
    onError: () => invalidate(),
  });
}

export function uploadFile(id: string, file: File) {
  const formData = new FormData();
  formData.append('file', file);
  return api<{ id: string; filename: string }>(`/suggestions/${id}/files`, { method: 'POST', formData });
}

export function useRemoveFile(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: (fileId: string) => api<Suggestion>(`/suggestions/${id}/files/${fileId}`, { method: 'DELETE' }),
    onSuccess: saved,
  });
}
