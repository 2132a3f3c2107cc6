import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { publicFetch } from './portal';

/** server/src/modules/suggestions/suggestions.publication.schema.ts PublicReplyItem: redacted wording only. */
export type ReplyClass = 'A' | 'B' | 'C' | 'D';
export interface PublicReplyItem {
  id: string;
  year: number;
  title: string;
  congressName: string;
  unitName: string;
  replyClass: ReplyClass | null;
  repliedOn: string | null;
  publishedAt: string;
}
export interface PublicReply extends PublicReplyItem {
  text: string;
}
export interface PublicReplyList {
  items: PublicReplyItem[];
  total: number;
  page: number;
}

/** The server's fixed page size (suggestions.publication.read.ts PUBLIC_PAGE_SIZE). */
export const REPLY_PAGE_SIZE = 20;

export function usePublicReplies(query: { q?: string; year?: number; page: number }) {
  return useQuery({
    queryKey: ['portal', 'replies', query],
    queryFn: ({ signal }) => publicFetch<PublicReplyList>('/public/suggestion-replies', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePublicReply(id: string) {
  return useQuery({
    queryKey: ['portal', 'reply', id],
    queryFn: ({ signal }) => publicFetch<PublicReply>(`/public/suggestion-replies/${encodeURIComponent(id)}`, { signal }),
    staleTime: 60_000,
    // A withdrawn reply answers 404: asking again will not bring it back.
    retry: false,
  });
}
