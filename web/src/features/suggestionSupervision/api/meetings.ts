import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Named } from './supervision';

/** Coordination meetings of "为代表办实事": server/src/modules/suggestions/suggestions.supervision.schema.ts (Meeting*). */

export interface MeetingItem {
  id: string;
  congressId: string;
  regionCode: string;
  heldOn: string;
  place: string;
  attendees: string;
  summary: string;
  createdAt: string;
  problemCount: number;
  suggestionCount: number;
}

export interface MeetingProblem {
  position: number;
  problem: string;
  result: string;
  suggestionId: string | null;
}

export interface Meeting extends Omit<MeetingItem, 'problemCount' | 'suggestionCount'> {
  units: Named[];
  suggestions: { id: string; title: string; number: number | null }[];
  problems: MeetingProblem[];
}

export interface MeetingInput {
  congressId: string;
  heldOn: string;
  place: string;
  attendees: string;
  summary?: string | null;
  unitIds: string[];
  suggestionIds: string[];
  problems: { problem: string; result: string; suggestionId?: string | null }[];
}

const KEY = ['suggestionSupervision', 'meetings'] as const;

export function useMeetings(f: { year?: number; congressId?: string }) {
  return useQuery({
    queryKey: [...KEY, 'list', f],
    queryFn: ({ signal }) => api<{ items: MeetingItem[] }>('/suggestion-coordination-meetings', { query: f, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => api<Meeting>(`/suggestion-coordination-meetings/${id}`, { signal }),
  });
}

export function useRecordMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => api<Meeting>('/suggestion-coordination-meetings', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** A correction: the whole meeting as it should stand (the server keeps its congress). */
export function useCorrectMeeting(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => api<Meeting>(`/suggestion-coordination-meetings/${id}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ id: string }>(`/suggestion-coordination-meetings/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
