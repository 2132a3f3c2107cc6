import type { FastifyRequest } from 'fastify';

export type Locale = 'zh' | 'en';

/** Chinese first; English when the client asks for it. */
export function localeOf(req: Pick<FastifyRequest, 'headers'>): Locale {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export interface Text {
  zh: string;
  en: string;
}

// Zod schemas carry one message string; tr() registers its English twin so the error
// handler can answer in the client's language.
const english = new Map<string, string>();

export function tr(zh: string, en: string): string {
  english.set(zh, en);
  return zh;
}

export function translate(message: string, locale: Locale): string {
  return locale === 'en' ? (english.get(message) ?? message) : message;
}

export function isTranslated(message: string): boolean {
  return english.has(message);
}
