import type { Locale, Text } from './i18n.js';

/** A failure the client can act on: an HTTP status, a stable code, and a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly text: Text,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
  }

  messageFor(locale: Locale): string {
    return this.text[locale];
  }
}

export const notFound = (zh: string, en: string) => new AppError(404, 'NOT_FOUND', { zh: `${zh}不存在`, en: `${en} not found` });

export const forbidden = (text: Text = { zh: '无权进行此操作', en: 'You are not allowed to do this' }) =>
  new AppError(403, 'FORBIDDEN', text);

export const conflict = (code: string, text: Text) => new AppError(409, code, text);

export const badRequest = (code: string, text: Text, details?: Record<string, unknown>) => new AppError(400, code, text, details);

/** PostgreSQL error codes that mean the client sent something the data cannot hold. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
