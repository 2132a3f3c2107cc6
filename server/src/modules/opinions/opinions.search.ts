import { type SQL, sql } from 'drizzle-orm';
import { hanRunPairs, queryTokens, requiredWords, searchQueryOf } from '../../platform/text/tokens.js';
import { underRegion } from '../regions/regions.tables.js';
import { opinions } from './opinions.tables.js';

/**
 * The search box of the case lists (DESIGN §6.1): jieba words in the search_tokens tsvector (GIN),
 * OR a substring of three or more characters in the content through the pg_trgm GIN index (numbers,
 * Latin fragments, and phrases cut differently from the document), OR the exact tracking code that
 * someone read out on the phone. Each arm has its own index, so PostgreSQL answers the three with a
 * BitmapOr.
 */
export interface SearchTerms {
  /** A to_tsquery('simple', …) expression, null when the text has no words (only punctuation). */
  tsquery: string | null;
  /** An ILIKE pattern for the WHERE clause, when the text is long enough for trigrams; shorter ones rely on the words. */
  pattern: string | null;
  /** The same pattern at any length, for ranking the candidates (no index needed there). */
  phrase: string;
  /** The text as a tracking code, when it could be one. */
  trackingCode: string | null;
  /**
   * A word every match holds, whichever arm it matches by: the search may read its cases in the order
   * of time (opinion_search_words). Null when some arm can match without any (a Latin substring, a
   * tracking code), and then the search reads the cases themselves. One word, not all of them: each is
   * a join to plan, and on the province demo a second and third word cost more planning (0.3–0.6 ms)
   * than they saved, the rare combinations being found by the GIN index anyway.
   */
  required: string | null;
  /** Every word that `required` could be (it is the first): the rarest of them bounds a search (rareWordPage). */
  holds: string[];
  /**
   * The text when it is one word and nothing but that word can match it (no substring arm, no
   * tracking code): its matches are the word's rows in opinion_search_words, which carry the rank
   * searchRank gives them (migration 0026), so its search reads that index alone.
   */
  word: string | null;
}

/** pg_trgm needs three characters to use its index; shorter substrings would scan the table. */
const MIN_SUBSTRING_CHARS = 3;
const TRACKING_CODE = /^[A-Za-z0-9]{8}$/;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchTermsOf(q: string): SearchTerms {
  const text = q.normalize('NFKC').trim();
  const phrase = `%${escapeLike(text)}%`;
  const tokens = queryTokens(text);
  const tsquery = searchQueryOf(tokens);
  const pattern = [...text].length >= MIN_SUBSTRING_CHARS ? phrase : null;
  const trackingCode = TRACKING_CODE.test(text) ? text.toUpperCase() : null;
  const holds = heldWordsOf(text, tokens, pattern !== null, trackingCode !== null);
  // The words are lower-cased and the phrase is not: only a text that is its word as it stands ranks alike.
  const word = tokens.length === 1 && tsquery === text && pattern === null && trackingCode === null ? text : null;
  return { tsquery, pattern, phrase, trackingCode, required: holds[0] ?? null, holds, word };
}

/** The words both the word arm and the substring arm need (a tracking code needs none). */
function heldWordsOf(text: string, tokens: string[], substring: boolean, code: boolean): string[] {
  if (code) return [];
  const required = requiredWords(tokens);
  if (!substring) return required;
  const pairs = new Set(hanRunPairs(text) ?? []);
  return required.filter((w) => pairs.has(w));
}

/** The WHERE condition of a search; `false` when nothing in the text can match anything. */
export function searchCondition(t: SearchTerms): SQL {
  const arms: SQL[] = [];
  if (t.tsquery) arms.push(sql`${opinions.searchTokens} @@ to_tsquery('simple', ${t.tsquery})`);
  if (t.pattern) arms.push(sql`${opinions.content} ILIKE ${t.pattern}`);
  if (t.trackingCode) arms.push(sql`${opinions.trackingCode} = ${t.trackingCode}`);
  if (arms.length === 0) return sql`false`;
  return sql`(${sql.join(arms, sql` OR `)})`;
}

/**
 * The join that reads only the cases holding the required word, along the word's index in the order
 * of time (migration 0023), so that a common word's newest matches come first without walking the
 * newest cases; the planner still starts from the other filters when they are narrower. The region the
 * search keeps to is stated on the index too, so a county's search passes over the rest of the
 * province there. The search's own condition stays in the WHERE clause: the word only narrows.
 */
export function requiredWordJoin(t: SearchTerms, regionPrefix = ''): SQL {
  if (t.required === null) return sql``;
  const region = regionPrefix === '' ? sql`` : sql` AND ${underRegion(sql`w.region_code`, regionPrefix)}`;
  return sql` JOIN opinion_search_words w ON w.word = ${t.required} AND w.received_at = ${opinions.receivedAt} AND w.opinion_id = ${opinions.id}${region}`;
}

/**
 * How well a case matches: its tracking code above all, then the phrase itself in the title, then in
 * the content, then the words' weight (ts_rank, below 1). Computed only on a bounded pool of
 * candidates (opinions.list.ts), never on every match of a province.
 */
export function searchRank(t: SearchTerms): SQL<number> {
  const parts: SQL[] = [];
  if (t.trackingCode) parts.push(sql`CASE WHEN ${opinions.trackingCode} = ${t.trackingCode} THEN 100 ELSE 0 END`);
  parts.push(sql`CASE WHEN ${opinions.title} ILIKE ${t.phrase} THEN 2 ELSE 0 END`);
  parts.push(sql`CASE WHEN ${opinions.content} ILIKE ${t.phrase} THEN 1 ELSE 0 END`);
  if (t.tsquery) parts.push(sql`ts_rank(coalesce(${opinions.searchTokens}, ''::tsvector), to_tsquery('simple', ${t.tsquery}))`);
  return sql<number>`(${sql.join(parts, sql` + `)})::float8`;
}
