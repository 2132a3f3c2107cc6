import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { opinionKeys } from './opinions';

/** server/src/modules/opinions/opinions.publication.schema.ts */
export interface Publication {
  opinionId: string;
  state: string;
  consentPublish: boolean;
  published: boolean;
  publishedAt: string | null;
  refusal: { zh: string; en: string } | null;
  draft: { title: string; text: string; reply: string | null };
  found: Record<string, number>;
}

export interface PublishInput {
  title: string;
  text: string;
  reply: string | null;
}

const key = (id: string) => ['opinions', 'publication', id] as const;

export function usePublication(id: string, enabled: boolean) {
  return useQuery({
    queryKey: key(id),
    queryFn: ({ signal }) => api<Publication>(`/opinions/${id}/publication`, { signal }),
    enabled,
  });
}

function useAfter(id: string) {
  const qc = useQueryClient();
  return (p: Publication) => {
    qc.setQueryData(key(id), p);
    void qc.invalidateQueries({ queryKey: opinionKeys.timeline(id) });
  };
}

export function usePublish(id: string) {
  const after = useAfter(id);
  return useMutation({
    mutationFn: (body: PublishInput) => api<Publication>(`/opinions/${id}/publication`, { body }),
    onSuccess: after,
  });
}

export function useWithdraw(id: string) {
  const after = useAfter(id);
  return useMutation({
    mutationFn: (reason: string) => api<Publication>(`/opinions/${id}/publication/withdraw`, { body: { reason } }),
    onSuccess: after,
  });
}
