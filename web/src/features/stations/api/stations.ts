import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type Query } from '../../../lib/api';
import type { DeputyOption, MemberRole, StationCard, StationDetail, StationInput, StationListItem, StationMember } from './types';

export const stationKeys = {
  all: ['stations'] as const,
  list: (query: Query) => ['stations', 'list', query] as const,
  detail: (id: string) => ['stations', 'detail', id] as const,
  card: (id: string) => ['stations', 'card', id] as const,
};

export function useStations(query: Query) {
  return useQuery({
    queryKey: stationKeys.list(query),
    queryFn: ({ signal }) => api<Page<StationListItem>>('/stations', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStation(id: string | undefined) {
  return useQuery({
    queryKey: stationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<StationDetail>(`/stations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useStationCard(id: string | undefined) {
  return useQuery({
    queryKey: stationKeys.card(id ?? ''),
    queryFn: ({ signal }) => api<StationCard>(`/stations/${id}/card`, { signal }),
    enabled: !!id,
  });
}

export function useCreateStation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StationInput) => api<StationDetail>('/stations', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: stationKeys.all }),
  });
}

export function useUpdateStation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<StationInput>) => api<StationDetail>(`/stations/${id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      qc.setQueryData(stationKeys.detail(id), saved);
      return qc.invalidateQueries({ queryKey: stationKeys.all });
    },
  });
}

/** Groups a deputy into the station, or changes the role held there (the same PUT). */
export function useSetMember(stationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ deputyId, role }: { deputyId: string; role: MemberRole }) =>
      api<StationMember>(`/stations/${stationId}/members/${deputyId}`, { method: 'PUT', body: { role } }),
    // The deputy's own page lists the stations too.
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: stationKeys.all }), qc.invalidateQueries({ queryKey: ['deputies'] })]),
  });
}

export function useRemoveMember(stationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deputyId: string) => api<{ ok: true }>(`/stations/${stationId}/members/${deputyId}`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: stationKeys.all }), qc.invalidateQueries({ queryKey: ['deputies'] })]),
  });
}

/** Serving deputies within the station's region whose name, pinyin or initials match. */
export function useDeputySearch(regionCode: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stations', 'deputy-search', regionCode, q],
    queryFn: ({ signal }) =>
      api<Page<DeputyOption>>('/deputies', { query: { q: q || undefined, regionCode, status: 'serving', pageSize: 20 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const qrPngUrl = (id: string, size = 1024) => apiUrl(`/stations/${id}/qr.png`, { size });
export const qrSvgUrl = (id: string) => apiUrl(`/stations/${id}/qr.svg`);
