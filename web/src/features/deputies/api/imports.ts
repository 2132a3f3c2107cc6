import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../lib/api';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A roster import and its progress (GET /api/deputy-imports/:id, deputyImports.schema.ts). */
export interface DeputyImport {
  id: string;
  filename: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  errorRows: number;
  /** 0–100: rows checked so far. */
  progress: number;
  /** Why the whole file failed, in the user's language. */
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** All bad entries; `errors` holds the first 1,000 of them, the .xlsx report every one. */
  errorCount: number;
  errors: { row: number; column: string | null; message: string; messageEn: string }[];
  errorsTruncated: boolean;
  errorReportUrl: string | null;
}

export const importKeys = {
  detail: (id: string) => ['deputy-imports', id] as const,
};

export const isFinished = (s: ImportStatus | undefined) => s === 'done' || s === 'failed';

export function useStartImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<DeputyImport>('/deputy-imports', { method: 'POST', formData });
    },
  });
}

/** Polls the import every second while the server works through the file, then stops. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<DeputyImport>(`/deputy-imports/${id}`, { signal }),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (isFinished(query.state.data?.status) || query.state.error ? false : 1000),
  });
}

export const templateUrl = () => apiUrl('/deputy-imports/template');
