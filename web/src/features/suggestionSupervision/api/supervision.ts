import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import { suggestionKeys } from '../../suggestions/api/suggestions';
import type { SuggestionState } from '../../suggestions/api/types';

/** Answers of server/src/modules/suggestions/suggestions.supervision.schema.ts. */

export interface Named {
  id: string;
  name: string;
}

export interface Topic {
  id: string;
  congressId: string;
  regionCode: string;
  year: number;
  name: string;
  description: string;
  leader: Named | null;
  committee: Named | null;
  itemCount: number;
  version: number;
}

export type AssignmentRole = 'lead' | 'co' | 'separate' | 'joint';

export interface AssignmentProgress {
  id: string;
  unit: Named;
  role: AssignmentRole;
  round: number;
  status: string;
  dueAt: string;
  overdue: boolean;
  repliedAt: string | null;
  urgeCount: number;
}

export type ProgressSide = 'unit' | 'supervisor';

export interface KeyItem {
  suggestionId: string;
  number: number | null;
  title: string;
  state: SuggestionState;
  topic: { id: string; name: string; year: number } | null;
  note: string | null;
  markedAt: string;
  units: AssignmentProgress[];
  dueAt: string | null;
  overdue: boolean;
  urgeCount: number;
  lastReport: { reportedOn: string; text: string; side: ProgressSide } | null;
  version: number;
}

export interface ProgressReport {
  id: string;
  suggestionId: string;
  side: ProgressSide;
  assignmentId: string | null;
  unit: Named | null;
  reportedOn: string;
  text: string;
  authorName: string | null;
  createdAt: string;
}

export interface Urging {
  id: string;
  suggestionId: string;
  suggestionTitle: string;
  assignmentId: string;
  unit: Named;
  note: string | null;
  urgedAt: string;
  dueAt: string;
  count: number;
}

export interface TopicInput {
  congressId: string;
  year: number;
  name: string;
  description?: string;
  leaderId?: string | null;
  committeeId?: string | null;
}

export type TopicEdit = Omit<TopicInput, 'congressId' | 'year'> & { version: number };

export interface KeyItemFilter {
  year?: number;
  topicId?: string;
  mine?: boolean;
}

const KEY = 'suggestionSupervision';

export function useTopics(year: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'topics', year],
    queryFn: ({ signal }) => api<{ items: Topic[] }>('/suggestion-supervision-topics', { query: { year }, signal }),
  });
}

export function useKeyItems(f: KeyItemFilter) {
  return useQuery({
    queryKey: [KEY, 'key-items', f],
    queryFn: ({ signal }) =>
      api<Page<KeyItem>>('/suggestion-key-items', {
        query: { year: f.year, topicId: f.topicId, mine: f.mine ? 'true' : undefined },
        signal,
      }),
  });
}

export function useSaveTopic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: TopicInput | TopicEdit }) =>
      v.id
        ? api<Topic>(`/suggestion-supervision-topics/${v.id}`, { method: 'PATCH', body: v.body })
        : api<Topic>('/suggestion-supervision-topics', { method: 'POST', body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** A unit's own reports, and whether the suggestion is a key item (it may report only then). */
export function useProgressReports(suggestionId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [KEY, 'progress', suggestionId],
    queryFn: ({ signal }) =>
      api<{ items: ProgressReport[]; keyItem: boolean }>(`/suggestions/${suggestionId}/progress-reports`, { signal }),
  });
}

export interface Supervisor extends Named {
  regionCode: string;
  regionName: string | null;
}

/** The leaders and special committees a congress's topics accept, found by name or pinyin. */
export function useSupervisors(congressId: string | undefined, q: string) {
  return useQuery({
    enabled: !!congressId,
    queryKey: [KEY, 'supervisors', congressId, q],
    queryFn: ({ signal }) =>
      api<{ leaders: Supervisor[]; committees: Supervisor[] }>('/suggestion-supervisors', { query: { congressId, q }, signal }),
    staleTime: 60_000,
  });
}

export function useUrgings(suggestionId: string) {
  return useQuery({
    queryKey: [KEY, 'urgings', suggestionId],
    queryFn: ({ signal }) =>
      api<Page<Urging>>('/suggestion-urgings', { query: { suggestionId, pageSize: 100 }, signal }).then((r) => r.items),
  });
}

export interface Supervision {
  suggestionId: string;
  key: KeyItem | null;
  reports: ProgressReport[];
}

/** The supervising side's view of one suggestion (office and leaders only). */
export function useSupervision(suggestionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'supervision', suggestionId],
    queryFn: ({ signal }) => api<Supervision>(`/suggestions/${suggestionId}/supervision`, { signal }),
    enabled,
  });
}

/** Mark, re-topic, unmark, report progress, urge: each refreshes the feature's queries. */
export function useSupervisionActions(suggestionId: string) {
  const qc = useQueryClient();
  // Each of these writes an event to the suggestion's timeline too.
  const done = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [KEY] }),
      qc.invalidateQueries({ queryKey: suggestionKeys.timeline(suggestionId) }),
    ]);
  const base = `/suggestions/${suggestionId}`;
  return {
    mark: useMutation({
      mutationFn: (body: { topicId?: string | null; note?: string }) =>
        api<Supervision>(`${base}/key-supervision`, { method: 'PUT', body }),
      onSuccess: done,
    }),
    unmark: useMutation({
      mutationFn: () => api<Supervision>(`${base}/key-supervision`, { method: 'DELETE' }),
      onSuccess: done,
    }),
    report: useMutation({
      mutationFn: (body: { reportedOn: string; text: string; assignmentId?: string | null }) =>
        api<ProgressReport>(`${base}/progress-reports`, { method: 'POST', body }),
      onSuccess: done,
    }),
    urge: useMutation({
      mutationFn: (body: { assignmentId: string; note?: string }) => api<Urging>(`${base}/urgings`, { method: 'POST', body }),
      onSuccess: done,
    }),
  };
}
