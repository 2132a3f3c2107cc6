import { and, desc, eq, inArray, like, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { likeEscape } from '../../platform/text.js';
import { organizations } from '../organizations/organizations.tables.js';
import { suggestionAssignments } from './suggestions.handling.tables.js';
import { suggestions } from './suggestions.tables.js';

/** The SQL behind unit recommendation (suggestions.recommend.ts): past assigned suggestions and their units. */

export interface PastScope {
  regionCode: string;
  excludeIds?: readonly string[];
  /** Only suggestions submitted before this instant (a benchmark's held-out split). */
  before?: Date | null;
}

const pastWhere = (p: PastScope): (SQL | undefined)[] => [
  p.regionCode ? like(suggestions.regionCode, `${likeEscape(p.regionCode)}%`) : undefined,
  p.excludeIds?.length ? notInArray(suggestions.id, [...p.excludeIds]) : undefined,
  p.before ? lt(suggestions.submittedAt, p.before) : undefined,
  sql`EXISTS (SELECT 1 FROM ${suggestionAssignments} WHERE ${suggestionAssignments.suggestionId} = ${suggestions.id})`,
];

/**
 * Past assigned suggestions sharing a subject word with the text (the GIN index on the jieba words),
 * or with a title close by trigrams; the best `limit` by text rank.
 */
export async function assignedNeighbours(db: Executor, p: PastScope & { terms: string[]; title: string; limit: number }) {
  const tsquery = p.terms.length ? sql`to_tsquery('simple', ${p.terms.join(' | ')})` : sql`NULL::tsquery`;
  const titleSimilarity = sql<number>`similarity(${suggestions.title}, ${p.title})`;
  const match = p.terms.length
    ? sql`(${suggestions.searchTokens} @@ ${tsquery} OR ${suggestions.title} % ${p.title})`
    : sql`${suggestions.title} % ${p.title}`;
  return db
    .select({
      id: suggestions.id,
      title: suggestions.title,
      grounds: suggestions.grounds,
      proposal: suggestions.proposal,
      number: suggestions.number,
      titleSimilarity: titleSimilarity.mapWith(Number),
    })
    .from(suggestions)
    .where(and(match, ...pastWhere(p)))
    .orderBy(desc(sql`coalesce(ts_rank(${suggestions.searchTokens}, ${tsquery}), 0) + ${titleSimilarity}`))
    .limit(p.limit);
}

/** The assignments of these suggestions, to active handling units only. */
export async function unitsOf(db: Executor, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db
    .select({
      suggestionId: suggestionAssignments.suggestionId,
      unitId: suggestionAssignments.unitId,
      unitName: organizations.name,
      role: suggestionAssignments.role,
      status: suggestionAssignments.status,
    })
    .from(suggestionAssignments)
    .innerJoin(organizations, eq(organizations.id, suggestionAssignments.unitId))
    .where(
      and(
        inArray(suggestionAssignments.suggestionId, suggestionIds),
        eq(organizations.category, 'unit'),
        eq(organizations.status, 'active'),
      ),
    );
}

/** How many suggestions of the category each unit answered (lead, separate or joint; not returned). */
export async function categoryUnits(db: Executor, p: PastScope & { categoryId: string }) {
  return db
    .select({
      unitId: suggestionAssignments.unitId,
      unitName: organizations.name,
      n: sql<number>`count(DISTINCT ${suggestionAssignments.suggestionId})`.mapWith(Number),
    })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(organizations, eq(organizations.id, suggestionAssignments.unitId))
    .where(
      and(
        eq(suggestions.categoryId, p.categoryId),
        inArray(suggestionAssignments.role, ['lead', 'separate', 'joint']),
        notInArray(suggestionAssignments.status, ['returned', 'withdrawn']),
        eq(organizations.category, 'unit'),
        eq(organizations.status, 'active'),
        ...pastWhere(p),
      ),
    )
    .groupBy(suggestionAssignments.unitId, organizations.name)
    .orderBy(desc(sql`count(DISTINCT ${suggestionAssignments.suggestionId})`))
    .limit(50);
}
