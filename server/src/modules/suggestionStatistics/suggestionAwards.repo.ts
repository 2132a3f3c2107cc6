import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { suggestions } from '../suggestions/suggestions.tables.js';
import { type AwardTarget, suggestionAwardScores, suggestionAwardSheets } from './suggestionAwards.tables.js';
import { cohortWhere } from './suggestionStatistics.metrics.js';

/** All SQL of the year-end evaluation: its sheets, the reviewers' scores, the suggestions in the running. */

export type SheetRow = typeof suggestionAwardSheets.$inferSelect;

export async function findSheet(db: Executor, congressId: string, year: number, target: AwardTarget): Promise<SheetRow | null> {
  const [row] = await db
    .select()
    .from(suggestionAwardSheets)
    .where(
      and(
        eq(suggestionAwardSheets.congressId, congressId),
        eq(suggestionAwardSheets.year, year),
        eq(suggestionAwardSheets.target, target),
      ),
    );
  return row ?? null;
}

/** The first save: null when another editor saved first (the caller answers 409). */
export async function insertSheet(
  tx: Executor,
  v: { congressId: string; regionCode: string; year: number; target: AwardTarget; criteria: unknown[]; updatedBy: string },
): Promise<SheetRow | null> {
  const [row] = await tx.insert(suggestionAwardSheets).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

/** A later save, guarded by the version the editor read: null when it changed meanwhile. */
export async function updateSheet(
  tx: Executor,
  id: string,
  expectedVersion: number,
  v: { criteria: unknown[]; updatedBy: string },
): Promise<SheetRow | null> {
  const [row] = await tx
    .update(suggestionAwardSheets)
    .set({ ...v, version: sql`${suggestionAwardSheets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(suggestionAwardSheets.id, id), eq(suggestionAwardSheets.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** A reviewer's scores of one suggestion: each criterion given replaces the reviewer's earlier score. */
export async function upsertScores(
  tx: Executor,
  rows: { sheetId: string; suggestionId: string; reviewerId: string; regionCode: string; criterion: string; score: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(suggestionAwardScores)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        suggestionAwardScores.sheetId,
        suggestionAwardScores.suggestionId,
        suggestionAwardScores.reviewerId,
        suggestionAwardScores.criterion,
      ],
      set: { score: sql`excluded.score`, enteredAt: sql`now()` },
    });
}

export async function reviewerScores(db: Executor, sheetId: string, suggestionId: string, reviewerId: string) {
  return db
    .select({ criterion: suggestionAwardScores.criterion, score: suggestionAwardScores.score })
    .from(suggestionAwardScores)
    .where(
      and(
        eq(suggestionAwardScores.sheetId, sheetId),
        eq(suggestionAwardScores.suggestionId, suggestionId),
        eq(suggestionAwardScores.reviewerId, reviewerId),
      ),
    );
}

export async function sheetScores(db: Executor, sheetId: string) {
  return db
    .select({
      suggestionId: suggestionAwardScores.suggestionId,
      reviewerId: suggestionAwardScores.reviewerId,
      criterion: suggestionAwardScores.criterion,
      score: suggestionAwardScores.score,
    })
    .from(suggestionAwardScores)
    .where(eq(suggestionAwardScores.sheetId, sheetId));
}

/** The suggestions in the running: the congress's suggestions of the year (by first submission) that were accepted. */
const candidateWhere = (congressId: string, year: number) =>
  and(cohortWhere({ congressId, year }), isNotNull(suggestions.acceptedAt));

export async function awardCandidates(db: Executor, congressId: string, year: number) {
  return db
    .select({ id: suggestions.id, number: suggestions.number, title: suggestions.title, leadName: persons.name })
    .from(suggestions)
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(candidateWhere(congressId, year))
    .orderBy(asc(suggestions.number), asc(suggestions.id));
}

export async function isCandidate(db: Executor, congressId: string, year: number, suggestionId: string) {
  const [row] = await db
    .select({ id: suggestions.id, regionCode: suggestions.regionCode })
    .from(suggestions)
    .where(and(eq(suggestions.id, suggestionId), candidateWhere(congressId, year)));
  return row ?? null;
}
