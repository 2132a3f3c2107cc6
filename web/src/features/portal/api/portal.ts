import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, acceptLanguage, apiUrl, type Query } from '../../../lib/api';
import i18n from '../../../lib/i18n';
import type { EvaluationInput, PublicCase, PublicCategoryNode, PublicStation, SubmitReceipt } from './types';

/**
 * The public API needs no session and no CSRF token, but the case submission carries an
 * Idempotency-Key header the console's client cannot send, so the portal has its own small fetch.
 * Errors come back as ApiError with the server's message in the user's language.
 */
export async function publicFetch<T>(
  path: string,
  opts: {
    method?: 'GET' | 'POST';
    query?: Query;
    json?: unknown;
    form?: FormData;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'omit', // nothing of a console session belongs on a constituent's request
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('common:errors.network'));
  }
  const type = res.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('application/json') ? await res.json().catch(() => null) : null;
  if (res.ok) return payload as T;
  // A proxy in front of the server may answer 413 or 429 with an HTML page: the status still says what happened.
  const err = (payload ?? {}) as { code?: string; message?: string; issues?: { path: string; message: string }[] };
  throw new ApiError(
    res.status,
    err.code ?? `HTTP_${res.status}`,
    err.message ?? i18n.t('common:errors.http', { status: res.status }),
    err.issues,
  );
}

export const portalKeys = {
  station: (code: string) => ['portal', 'station', code] as const,
  categories: ['portal', 'categories'] as const,
  case: (code: string, last4: string) => ['portal', 'case', code, last4] as const,
};

export function usePublicStation(code: string | undefined) {
  return useQuery({
    queryKey: portalKeys.station(code ?? ''),
    queryFn: ({ signal }) => publicFetch<PublicStation>(`/public/stations/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export function usePublicCategories() {
  return useQuery({
    queryKey: portalKeys.categories,
    queryFn: ({ signal }) =>
      publicFetch<{ items: PublicCategoryNode[]; total: number }>('/public/opinion-categories', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSubmitOpinion() {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: FormData | Record<string, unknown>; idempotencyKey: string }) =>
      publicFetch<SubmitReceipt>('/public/opinions', {
        method: 'POST',
        ...(body instanceof FormData ? { form: body } : { json: body }),
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
  });
}

export function usePublicCase(code: string, last4: string | null) {
  return useQuery({
    queryKey: portalKeys.case(code, last4 ?? ''),
    queryFn: ({ signal }) =>
      publicFetch<PublicCase>(`/public/opinions/${encodeURIComponent(code)}`, { query: { last4 }, signal }),
    enabled: !!code && !!last4,
    staleTime: 60_000,
  });
}

export function useEvaluateCase(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationInput) =>
      publicFetch<PublicCase>(`/public/opinions/${encodeURIComponent(code)}/evaluation`, { method: 'POST', json: body }),
    onSuccess: (saved, body) => qc.setQueryData(portalKeys.case(code, body.last4), saved),
  });
}

/** The address of a case photo: the server's own URL, with the proof of ownership the route asks for. */
export function casePhotoUrl(url: string, last4: string): string {
  if (/[?&]last4=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}last4=${encodeURIComponent(last4)}`;
}
