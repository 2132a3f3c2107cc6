import { randomInt } from 'node:crypto';
import type { OpinionChanges, OpinionRow } from './opinions.repo.js';
import type { ReplyResult } from './opinions.tables.js';

/**
 * Tracking codes are read over the phone and typed on old phones: no 0/O, 1/I/L, no lower case.
 * 31 symbols, 8 places: about 8.5 × 10^11 codes, so a collision is rare and simply retried.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 8;
export const TRACKING_CODE_RE = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** A title for cases entered without one: the start of the content, on one line. */
export function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= 30 ? line : `${chars.slice(0, 30).join('')}…`;
}

/** The columns a reply writes; it is on time when made by the reply deadline (or when there was none). */
export function replyChanges(
  row: Pick<OpinionRow, 'replyDueAt'>,
  result: ReplyResult,
  text: string | null,
  now: Date,
): OpinionChanges {
  return {
    replyResult: result,
    replyText: text,
    repliedAt: now,
    repliedOnTime: !row.replyDueAt || now.getTime() <= row.replyDueAt.getTime(),
  };
}

/** The round of unit handling a case is in: 1, then one more for each unsatisfied evaluation. */
export const currentRound = (row: Pick<OpinionRow, 'rehandleCount'>) => row.rehandleCount + 1;
