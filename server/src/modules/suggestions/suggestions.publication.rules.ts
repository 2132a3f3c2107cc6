import type { SessionUser } from '../../platform/auth/session.js';
import { redact } from '../../platform/text/redact.js';

/**
 * What a published reply may not carry. The numbers are found by the platform's redaction patterns;
 * the names are those the office listed. Stated-name and door-number guesses are left to the office's
 * reading: they would refuse ordinary replies (联系人 of a unit, 3号楼 of a project).
 */
const BLOCKING = ['id_number', 'phone', 'bank_card', 'email'] as const;

export function identifyingLeft(title: string, text: string, names: readonly string[]): string[] {
  const whole = `${title}\n${text}`;
  const { found } = redact(whole);
  const kinds: string[] = BLOCKING.filter((k) => (found[k] ?? 0) > 0);
  if (names.some((n) => whole.includes(n))) kinds.push('name');
  return kinds;
}

const clip = (s: string, max: number) => {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};

/** The redacted title and text a draft publication starts from; the office edits them before publishing. */
export function redactedDraft(suggestionTitle: string, replyText: string, names: readonly string[]) {
  const title = redact(suggestionTitle, { names }).text;
  return {
    title: clip(`关于“${title}”的答复`, 200),
    text: redact(replyText, { names }).text,
  };
}

/** The year a suggestion belongs to: its first submission, China time. */
export const yearOf = (at: Date) => Number(new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

export type Publisher = Pick<SessionUser, 'id' | 'role' | 'regionCode'>;
