import { useMutation } from '@tanstack/react-query';
import { ApiError, acceptLanguage, api, apiUrl } from '../../../lib/api';
import i18n from '../../../lib/i18n';
import { getCsrfToken } from '../../../lib/session';
import type { OpinionState } from './types';

/** server/src/modules/opinions/opinions.person.schema.ts */
export interface PersonCase {
  id: string;
  trackingCode: string;
  title: string;
  state: OpinionState;
  open: boolean;
  channel: string;
  stationName: string | null;
  regionName: string | null;
  receivedAt: string;
  closedAt: string | null;
  name: string | null;
  address: string | null;
}

export interface PersonCases {
  phoneMasked: string;
  total: number;
  openCount: number;
  cases: PersonCase[];
}

export interface EraseResult {
  erased: number;
  openErased: number;
  trackingCodes: string[];
}

/** Looked up by POST, so the phone never sits in a URL or the browser's history. */
export function useLookupPerson() {
  return useMutation({ mutationFn: (phone: string) => api<PersonCases>('/opinions/constituents/lookup', { body: { phone } }) });
}

export function useErasePerson() {
  return useMutation({
    mutationFn: (body: { phone: string; reason: string; includeOpen: boolean }) =>
      api<EraseResult>('/opinions/constituents/erase', { body }),
  });
}

/** The file name the server gave in Content-Disposition (filename*=UTF-8''…). */
function filenameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header);
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

/** A POSTed download: fetched as a blob and handed to the browser as a file. */
export async function downloadPersonData(phone: string, format: 'xlsx' | 'json'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(apiUrl(`/opinions/constituents/export.${format}`), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': acceptLanguage(),
        'X-CSRF-Token': getCsrfToken(),
      },
      body: JSON.stringify({ phone }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common:errors.network'));
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? `HTTP ${res.status}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res, `export.${format}`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
