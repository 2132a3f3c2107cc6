import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';

/**
 * The total of a list as the list itself reports it (pageSize=1), so the number on the home page is
 * always the count of the list it links to.
 */
export function useListTotal(path: string, enabled: boolean) {
  return useQuery({
    queryKey: ['home-total', path],
    queryFn: ({ signal }) => api<Page<unknown>>(path, { query: { page: 1, pageSize: 1 }, signal }).then((r) => r.total),
    enabled,
    staleTime: 60_000,
  });
}
