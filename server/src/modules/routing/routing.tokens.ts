import { indexTokens } from '../../platform/text/tokens.js';

/** Enough words to characterize a case; the title comes first, so its words are always among them. */
const MAX_TERMS = 32;

/**
 * A to_tsquery('simple', …) expression that matches a past case sharing any of the text's words, so
 * that ts_rank can weigh how many it shares. The words are those the opinions index is built from
 * (jieba words, then character pairs), which contain only letters and digits and need no quoting.
 * Single characters (的, 了, 在, a digit) match nearly every case and are left out. Null without words.
 */
export function orQueryOf(text: string): string | null {
  const terms = indexTokens(text)
    .filter((w) => [...w].length >= 2)
    .slice(0, MAX_TERMS);
  return terms.length ? terms.join(' | ') : null;
}
