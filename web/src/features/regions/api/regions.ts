import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'community';

/** server/src/modules/regions/regions.schema.ts RegionItem */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  isGrouping: boolean;
  namePinyin: string;
  nameInitials: string;
  hasChildren: boolean;
  path: { code: string; name: string; isGrouping: boolean }[];
}

/** RegionDetail */
export interface RegionDetail extends Region {
  childCount: number;
  editable: boolean;
  createdAt: string;
}

export interface RegionListQuery {
  parent?: string;
  q?: string;
  level?: RegionLevel;
  page: number;
  pageSize: number;
}

export const regionKeys = {
  all: ['regions'] as const,
  list: (q: RegionListQuery) => ['regions', 'list', q] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
};

export function useRegions(query: RegionListQuery) {
  return useQuery({
    queryKey: regionKeys.list(query),
    queryFn: ({ signal }) => api<Page<Region>>('/regions', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: regionKeys.detail(code ?? ''),
    queryFn: ({ signal }) => api<RegionDetail>(`/regions/${code}`, { signal }),
    enabled: !!code,
  });
}

export function useAddCommunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; parentCode: string; name: string }) =>
      api<RegionDetail>('/regions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useRenameCommunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      api<RegionDetail>(`/regions/${code}`, { method: 'PATCH', body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
