import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type Query } from '../../../lib/api';
import type { SuggestionItem } from '../../suggestions/api/types';

/** Answers of server/src/modules/suggestions/suggestions.publication.schema.ts. */

export const PUBLICATION_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const REPLY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

export interface PublicationItem {
  id: string;
  replyId: string;
  suggestionId: string;
  regionCode: string;
  year: number;
  status: PublicationStatus;
  title: string;
  text: string;
  names: string[];
  unitName: string;
  replyClass: ReplyClass | null;
  publishedAt: string | null;
  unpublishedAt: string | null;
  unpublishReason: string | null;
  version: number;
}

export interface Publication extends PublicationItem {
  /** The reply as the unit sent it: for the office to compare, never shown to the public. */
  original?: { title: string; text: string };
}

/** What the platform's redaction masks in a text, and how often (platform/text/redact.ts). */
export const REDACTION_KINDS = ['id_number', 'phone', 'bank_card', 'email', 'name', 'address', 'door_number'] as const;
export interface Redaction {
  text: string;
  found: Partial<Record<(typeof REDACTION_KINDS)[number], number>>;
}

export interface ReportCounts {
  submitted: number;
  accepted: number;
  assigned: number;
  replied: number;
  repliedOnTime: number;
  classes: Record<ReplyClass, number>;
  faceToFace: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}
export interface HandlingReport {
  congressName: string;
  year: number;
  counts: ReportCounts;
  units: unknown[];
  keyItems: unknown[];
}

const keys = {
  all: ['suggestionPublication'] as const,
  list: (query: Query) => ['suggestionPublication', 'list', query] as const,
  one: (id: string) => ['suggestionPublication', 'one', id] as const,
};

export function usePublications(query: Query) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<Page<PublicationItem>>('/suggestion-reply-publications', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublication(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<Publication>(`/suggestion-reply-publications/${id}`, { signal }),
    enabled: !!id,
    retry: false,
  });
}

/**
 * Every write answers with the publication as it now is: it becomes the editor's data at once, and
 * the lists are read again (a status changed, or a new row appeared).
 */
function useWrite<B>(send: (body: B) => Promise<Publication>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      qc.setQueryData(keys.one(saved.id), saved);
      return qc.invalidateQueries({ queryKey: ['suggestionPublication', 'list'] });
    },
  });
}

export const useDraftPublication = () =>
  useWrite((body: { replyId: string; names: string[] }) =>
    api<Publication>('/suggestion-reply-publications', { method: 'POST', body }),
  );

export const useEditPublication = (id: string) =>
  useWrite((body: { version: number; title: string; text: string; names: string[] }) =>
    api<Publication>(`/suggestion-reply-publications/${id}`, { method: 'PATCH', body }),
  );

export const usePublish = (id: string) =>
  useWrite((body: { version: number }) =>
    api<Publication>(`/suggestion-reply-publications/${id}/publish`, { method: 'POST', body }),
  );

export const useUnpublish = (id: string) =>
  useWrite((body: { reason: string }) =>
    api<Publication>(`/suggestion-reply-publications/${id}/unpublish`, { method: 'POST', body }),
  );

/** Reloads one publication after a refusal that means it changed meanwhile (409). */
export function useReloadPublication() {
  const qc = useQueryClient();
  return (id: string) => qc.invalidateQueries({ queryKey: keys.one(id) });
}

/**
 * The publication a reply already has (the draft route answers 409 ALREADY_DRAFTED), looked for among
 * the publications of the suggestion's year: the list has no filter by reply.
 */
export async function findPublicationOfReply(replyId: string, year: number | undefined): Promise<string | undefined> {
  const page = await api<Page<PublicationItem>>('/suggestion-reply-publications', { query: { year, pageSize: 200 } });
  return page.items.find((p) => p.replyId === replyId)?.id;
}

export const redact = (text: string, names: string[], signal?: AbortSignal) =>
  api<Redaction>('/suggestion-reply-publications/redaction-preview', { method: 'POST', body: { text, names }, signal });

/** What the redaction would still mask in a text; empty text asks nothing (the server wants one). */
export function useRedactionPreview(text: string, names: string[]) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: ['suggestionPublication', 'redact', trimmed, names],
    queryFn: ({ signal }) => redact(trimmed, names, signal),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Suggestions with a reply sent to the deputy (the statistics' "replied"), found by their title. */
export function useRepliedSuggestions(q: string) {
  return useQuery({
    queryKey: ['suggestionPublication', 'replied', q],
    queryFn: ({ signal }) =>
      api<Page<SuggestionItem>>('/suggestions', { query: { reached: 'replied', q, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useHandlingReport(congressId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['suggestionPublication', 'report', congressId, year],
    queryFn: ({ signal }) => api<HandlingReport>(`/congresses/${congressId}/handling-report`, { query: { year }, signal }),
    enabled: !!congressId,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export const reportDocxUrl = (congressId: string, year: number) =>
  apiUrl(`/congresses/${congressId}/handling-report.docx`, { year });
