import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type Query } from '../../../lib/api';
import type {
  CaseActions,
  CreateOpinionInput,
  Extension,
  Opinion,
  OpinionPage,
  SimilarCase,
  TimelineEvent,
  TransitionAction,
  UploadedFile,
  Workbench,
} from './types';

export const opinionKeys = {
  all: ['opinions'] as const,
  list: (query: Query) => ['opinions', 'list', query] as const,
  workbench: ['opinions', 'workbench'] as const,
  detail: (id: string) => ['opinions', 'detail', id] as const,
  timeline: (id: string) => ['opinions', 'timeline', id] as const,
  actions: (id: string) => ['opinions', 'actions', id] as const,
  similar: (id: string) => ['opinions', 'similar', id] as const,
};

export function useOpinions(query: Query, enabled = true) {
  return useQuery({
    queryKey: opinionKeys.list(query),
    queryFn: ({ signal }) => api<OpinionPage>('/opinions', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The queues of the caller's role with their counts (the same totals the list gives per queue). */
export function useWorkbench() {
  return useQuery({
    queryKey: opinionKeys.workbench,
    queryFn: ({ signal }) => api<Workbench>('/opinions/workbench', { signal }),
    staleTime: 30_000,
  });
}

export function useOpinion(id: string | undefined) {
  return useQuery({
    queryKey: opinionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Opinion>(`/opinions/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useTimeline(id: string | undefined) {
  return useQuery({
    queryKey: opinionKeys.timeline(id ?? ''),
    queryFn: ({ signal }) => api<Page<TimelineEvent>>(`/opinions/${id}/timeline`, { signal }),
    enabled: !!id,
  });
}

export function useCaseActions(id: string | undefined) {
  return useQuery({
    queryKey: opinionKeys.actions(id ?? ''),
    queryFn: ({ signal }) => api<CaseActions>(`/opinions/${id}/actions`, { signal }),
    enabled: !!id,
  });
}

export function useSimilar(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: opinionKeys.similar(id ?? ''),
    queryFn: ({ signal }) => api<{ items: SimilarCase[] }>(`/opinions/${id}/similar`, { signal }),
    enabled: !!id && enabled,
    staleTime: 5 * 60_000,
  });
}

export const exportUrl = (query: Query) => apiUrl('/opinions/export.xlsx', { ...query, page: undefined, pageSize: undefined });

/** After any change to a case, the case page, the lists and the workbench counts are read again. */
function useInvalidateOpinions() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: opinionKeys.all });
}

export function useCreateOpinion() {
  const invalidate = useInvalidateOpinions();
  return useMutation({
    mutationFn: (body: CreateOpinionInput) => api<Opinion>('/opinions', { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

/** One step of the workflow; the body carries what the action needs (reason, units, reply…). */
export function useTransition(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateOpinions();
  return useMutation({
    mutationFn: ({ action, body }: { action: TransitionAction; body: Record<string, unknown> }) =>
      api<Opinion>(`/opinions/${id}/transitions/${action}`, { method: 'POST', body }),
    onSuccess: (saved) => {
      qc.setQueryData(opinionKeys.detail(id), saved);
      return invalidate();
    },
    // A 409 means someone else moved the case first: show the case as it is now.
    onError: () => invalidate(),
  });
}

export function useSideAction(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateOpinions();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'urge' | 'supervise' | 'extensions'; body: Record<string, unknown> }) =>
      api<Opinion | Extension>(`/opinions/${id}/${path}`, { method: 'POST', body }),
    onSuccess: (saved, { path }) => {
      if (path !== 'extensions') qc.setQueryData(opinionKeys.detail(id), saved);
      return invalidate();
    },
    onError: () => invalidate(),
  });
}

export function useDecideExtension(id: string) {
  const invalidate = useInvalidateOpinions();
  return useMutation({
    mutationFn: ({ extId, approve, note }: { extId: string; approve: boolean; note: string | null }) =>
      api<Extension>(`/opinions/${id}/extensions/${extId}/decision`, { method: 'POST', body: { approve, note } }),
    onSettled: () => invalidate(),
  });
}

/** A reply's attachment: uploaded first, then named in the reply. */
export function uploadCaseFile(id: string, file: File): Promise<UploadedFile> {
  const formData = new FormData();
  formData.append('file', file);
  return api<UploadedFile>(`/opinions/${id}/files`, { method: 'POST', formData });
}
