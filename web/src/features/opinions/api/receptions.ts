import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../lib/api';
import type { Reception, ReceptionInput } from './types';

export const receptionKeys = {
  all: ['receptions'] as const,
  list: (query: Query) => ['receptions', 'list', query] as const,
};

export function useReceptions(query: Query, enabled = true) {
  return useQuery({
    queryKey: receptionKeys.list(query),
    queryFn: ({ signal }) => api<Page<Reception>>('/receptions', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateReception() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceptionInput) => api<Reception>('/receptions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: receptionKeys.all }),
  });
}
