import { cut_for_search } from 'jieba-wasm';

/**
 * Chinese words for full-text search (DESIGN §6.1). PostgreSQL has no Chinese parser, so jieba cuts
 * the text and the words go into a tsvector with the 'simple' configuration:
 * `to_tsvector('simple', searchDocument(title, content))`, queried with
 * `to_tsquery('simple', searchQuery(q))`.
 *
 * jieba's dictionary sometimes glues a word to its neighbour (路灯不亮 → 路 | 灯不亮), and pg_trgm
 * cannot find two-character words, so the document also carries every two-character pair of each
 * run of Chinese characters: a two-character query always finds the text that contains it.
 */

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const HAN = /^\p{Script=Han}+$/u;
/** Letters and digits only: what survives is safe inside a tsquery without quoting. */
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_QUERY_WORDS = 16;

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

function words(text: string): string[] {
  const out: string[] = [];
  for (const token of cut_for_search(normalize(text), false)) {
    for (const w of token.match(WORD) ?? []) out.push(w);
  }
  return out;
}

function hanPairs(run: string): string[] {
  const chars = [...run];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(`${chars[i]}${chars[i + 1]}`);
  return pairs;
}

/** The distinct words of the texts: jieba's words, and the character pairs of runs of Chinese. */
export function indexTokens(...texts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of words(text)) seen.add(w);
    for (const run of normalize(text).match(HAN_RUN) ?? []) {
      if ([...run].length > 2) for (const p of hanPairs(run)) seen.add(p);
    }
  }
  return [...seen];
}

/** The text to pass to to_tsvector('simple', …). */
export const searchDocument = (...texts: (string | null | undefined)[]): string => indexTokens(...texts).join(' ');

/** The words of a search box entry, at most 16. */
export function queryTokens(q: string): string[] {
  return [...new Set(words(q))].slice(0, MAX_QUERY_WORDS);
}

/**
 * Of the words queryTokens found, those every document matching the query holds, however the
 * document was cut: a word of one or two Chinese characters is in the document itself, and a longer
 * one only ever reaches the document from a run of Chinese of three or more characters, whose every
 * pair the document carries (indexTokens). Only Chinese words: they are lexemes of the 'simple'
 * configuration as they are.
 */
export function requiredWords(tokens: string[]): string[] {
  const out = new Set<string>();
  for (const w of tokens) {
    if (!HAN.test(w)) continue;
    for (const p of [...w].length <= 2 ? [w] : hanPairs(w)) out.add(p);
  }
  return [...out];
}

/** The pairs a run of Chinese of three or more characters puts in its document; null for any other text. */
export const hanRunPairs = (text: string): string[] | null => {
  const t = normalize(text);
  return HAN.test(t) && [...t].length > 2 ? hanPairs(t) : null;
};

/**
 * A to_tsquery('simple', …) expression that needs every word of the query; a Chinese word of three
 * or more characters also matches through its character pairs, in case the document was cut
 * differently around it. Null when the query has no words (only punctuation or emoji).
 */
export const searchQuery = (q: string): string | null => searchQueryOf(queryTokens(q));

/** searchQuery of the words queryTokens found. */
export function searchQueryOf(tokens: string[]): string | null {
  const terms = tokens.map((w) => {
    if (!HAN.test(w) || [...w].length <= 2) return w;
    return `(${w} | (${hanPairs(w).join(' & ')}))`;
  });
  return terms.length ? terms.join(' & ') : null;
}
