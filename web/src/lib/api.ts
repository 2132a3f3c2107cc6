import i18n from './i18n';
import { getCsrfToken, signalUnauthenticated } from './session';

export type Page<T> = { items: T[]; total: number };

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  formData?: FormData;
  /** Passed on by react-query so leaving a page cancels its requests. */
  signal?: AbortSignal;
  /** For the session probe: a 401 there is an answer ("not signed in"), not a reason to redirect. */
  noRedirect?: boolean;
}

/** A failed API call, with the server's message already in the user's language. */
export class ApiError extends Error {
  status: number;
  code: string;
  issues?: { path: string; message: string }[];

  constructor(status: number, code: string, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The URL of an API resource for links, downloads and <img src>. */
export function apiUrl(path: string, query?: Query): string {
  return `/api${path}${queryString(query)}`;
}

export function acceptLanguage(): string {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined || opts.formData ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() };
  let body: BodyInit | undefined;
  if (opts.formData) {
    body = opts.formData; // the browser sets the multipart boundary itself
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const token = getCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }

  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('common:errors.network'));
  }

  const type = res.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('application/json') ? await res.json().catch(() => null) : null;
  if (res.ok) return payload as T;

  const err = (payload ?? {}) as { code?: string; message?: string; issues?: { path: string; message: string }[] };
  const code = err.code ?? `HTTP_${res.status}`;
  if (res.status === 401 && !opts.noRedirect && (code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED')) {
    signalUnauthenticated(code === 'SESSION_EXPIRED' ? 'expired' : 'unauthenticated');
  }
  throw new ApiError(res.status, code, err.message ?? i18n.t('common:errors.http', { status: res.status }), err.issues);
}

/** The text to show for any error a query or mutation throws. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
