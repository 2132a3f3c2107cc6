import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';

/** server/src/modules/audit/audit.schema.ts AuditEvent */
export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: 'link' | 'content' | string | null;
}

export type AuditQuery = Partial<{
  action: string;
  actor: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}> & { page: number; pageSize: number };

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => api<Page<AuditEvent>>('/audit-events', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A mutation rather than a query: each click walks the whole chain again on the server. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api<ChainReport>('/audit-events/verify') });
}
