import { and, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import type { OpinionRow } from './opinions.repo.js';
import { opinions } from './opinions.tables.js';

/** How many of the most recent cases sharing words with the case are scored: bounded, whatever the region's size. */
const CANDIDATES = 200;

const leadUnit = alias(organizations, 'lead_unit');

/**
 * Cases like this one: candidates share at least two of its main words (one, when it has only one)
 * through the GIN index; the most recent of them are scored by word overlap (ts_rank), title likeness
 * (pg_trgm similarity) and a boost for the same category and the same region, and the best come back.
 */
export async function similarCases(
  db: Executor,
  row: Pick<OpinionRow, 'id' | 'title' | 'categoryId' | 'regionCode'>,
  tsquery: string,
  visible: SQL | undefined,
  limit: number,
) {
  const query = sql`to_tsquery('simple', ${tsquery})`;
  const sameCategory = row.categoryId ? sql`CASE WHEN ${opinions.categoryId} = ${row.categoryId} THEN 0.3 ELSE 0 END` : sql`0`;
  const score = sql<number>`(
    ts_rank(coalesce(${opinions.searchTokens}, ''::tsvector), ${query})
    + similarity(${opinions.title}, ${row.title})
    + ${sameCategory}
    + CASE WHEN ${opinions.regionCode} = ${row.regionCode} THEN 0.2
           WHEN left(${opinions.regionCode}, 6) = ${row.regionCode.slice(0, 6)} THEN 0.1 ELSE 0 END
  )::float8`;
  const candidates = db
    .select({
      id: opinions.id,
      trackingCode: opinions.trackingCode,
      title: opinions.title,
      state: opinions.state,
      leadUnitId: opinions.leadUnitId,
      receivedAt: opinions.receivedAt,
      score: score.as('score'),
    })
    .from(opinions)
    .where(and(visible, ne(opinions.id, row.id), ne(opinions.state, 'merged'), sql`${opinions.searchTokens} @@ ${query}`))
    .orderBy(desc(opinions.receivedAt))
    .limit(CANDIDATES)
    .as('candidates');
  return db
    .select({
      id: candidates.id,
      trackingCode: candidates.trackingCode,
      title: candidates.title,
      state: candidates.state,
      score: candidates.score,
      leadUnitId: candidates.leadUnitId,
      leadUnitName: leadUnit.name,
      receivedAt: candidates.receivedAt,
    })
    .from(candidates)
    .leftJoin(leadUnit, eq(leadUnit.id, candidates.leadUnitId))
    .orderBy(desc(candidates.score), desc(candidates.receivedAt))
    .limit(limit);
}
