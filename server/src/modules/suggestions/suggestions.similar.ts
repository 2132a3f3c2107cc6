import { and, desc, eq, isNotNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { sessionLabel } from './congresses.rules.js';
import { congressSessions, congressTerms } from './congresses.tables.js';
import { subjectWords } from './suggestions.matters.js';
import { suggestions } from './suggestions.tables.js';
import { STATE_LABELS } from './suggestions.workflow.js';

/**
 * Similar suggestions of the same congress, this session and past ones (shown at submission so a
 * deputy sees what was raised and answered before). The GIN index on the jieba words finds the
 * candidates — any subject word in common, or a title close by trigrams — and the few best by
 * ts_rank are then scored by the subject words they have in common, each weighted by how rare it is
 * among the candidates (a cosine over TF-IDF-like weights, the document frequencies taken from the
 * candidates on the same topic), plus 0.15 of the titles' trigram similarity. The weights matter:
 * the candidates of a query mostly share its topic's vocabulary (老旧小区, 改造, 管网), so a plain
 * cosine rates the same topic raised for another district as high as the same matter raised twice;
 * the rarer words (the place, the road) are what set a repeat apart. bench/assist.ts measures it.
 * Known limit: jieba's dictionary lacks most town names (新发镇 comes out as single characters, which
 * are not subject words), so two towns' suggestions on one topic stay hard to tell apart.
 */

const MAX_TERMS = 32;
const CANDIDATES = 40;
export const MIN_SCORE = 0.2;

export interface SimilarText {
  title: string;
  grounds?: string | null;
  proposal?: string | null;
}

const textOf = (t: SimilarText) => [t.title, t.proposal ?? '', t.grounds ?? ''].join('\n');

export function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.sqrt(a.size * b.size);
}

/**
 * Cosine of two word sets with each word weighted by `weight` (1 for every word gives `cosine`).
 */
export function weightedCosine(a: Set<string>, b: Set<string>, weight: (w: string) => number): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const w of a) {
    const x = weight(w) ** 2;
    na += x;
    if (b.has(w)) common += x;
  }
  for (const w of b) nb += weight(w) ** 2;
  return na > 0 && nb > 0 ? common / Math.sqrt(na * nb) : 0;
}

/**
 * Inverse document frequency over the query and its candidates, as if PRIOR more texts without the
 * word were among them: with a few candidates every word weighs about the same (a plain cosine);
 * with many, the words all of them share weigh little and the rare ones much.
 */
const PRIOR = 2;
export function poolWeights(sets: readonly Set<string>[]): (w: string) => number {
  const df = new Map<string, number>();
  for (const set of sets) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sets.length + PRIOR;
  return (w) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1));
}

const TITLE_WEIGHT = 0.15;
const TOPIC_COSINE = 0.4;

export async function similarSuggestions(
  db: Executor,
  q: { congressId: string; text: SimilarText; excludeIds?: string[]; limit?: number },
) {
  const words = subjectWords(textOf(q.text));
  const terms = [...subjectWords(q.text.title), ...words].filter((w, i, all) => all.indexOf(w) === i).slice(0, MAX_TERMS);
  if (terms.length === 0 && [...q.text.title].length < 3) return [];
  const tsquery = terms.length ? sql`to_tsquery('simple', ${terms.join(' | ')})` : sql`NULL::tsquery`;
  const titleSimilarity = sql<number>`similarity(${suggestions.title}, ${q.text.title})`;
  const rank = sql<number>`coalesce(ts_rank(${suggestions.searchTokens}, ${tsquery}), 0) + ${titleSimilarity}`;
  const rows = await db
    .select({
      id: suggestions.id,
      title: suggestions.title,
      grounds: suggestions.grounds,
      proposal: suggestions.proposal,
      kind: suggestions.kind,
      state: suggestions.state,
      number: suggestions.number,
      termNumber: congressTerms.number,
      sessionNumber: congressSessions.number,
      leadDeputyName: persons.name,
      titleSimilarity: titleSimilarity.mapWith(Number),
    })
    .from(suggestions)
    .innerJoin(congressTerms, eq(congressTerms.id, suggestions.termId))
    .leftJoin(congressSessions, eq(congressSessions.id, suggestions.sessionId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(
      and(
        eq(suggestions.congressId, q.congressId),
        isNotNull(suggestions.submittedAt),
        ne(suggestions.state, 'withdrawn'),
        q.excludeIds?.length ? notInArray(suggestions.id, q.excludeIds) : undefined,
        terms.length
          ? sql`(${suggestions.searchTokens} @@ ${tsquery} OR ${suggestions.title} % ${q.text.title})`
          : sql`${suggestions.title} % ${q.text.title}`,
      ),
    )
    .orderBy(desc(rank))
    .limit(CANDIDATES);
  const candidateWords = rows.map((r) => subjectWords(textOf(r)));
  // The document frequencies come from the candidates on the query's topic only (a plain cosine
  // of at least TOPIC_COSINE): the others were found through a word or two they share — often the
  // place itself — and counting them would make the place look common.
  const topical = candidateWords.filter((c) => cosine(words, c) >= TOPIC_COSINE);
  const weight = poolWeights([words, ...topical]);
  return rows
    .map((r, i) => {
      const score = Math.min(
        1,
        weightedCosine(words, candidateWords[i] as Set<string>, weight) + TITLE_WEIGHT * r.titleSimilarity,
      );
      return {
        id: r.id,
        title: r.title,
        kind: r.kind,
        state: r.state,
        stateLabel: STATE_LABELS[r.state],
        number: r.number,
        place: sessionLabel(r.termNumber, r.sessionNumber ?? null),
        leadDeputyName: r.leadDeputyName,
        score: Math.round(score * 1000) / 1000,
      };
    })
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, q.limit ?? 5);
}
