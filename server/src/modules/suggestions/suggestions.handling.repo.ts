import { and, asc, count, desc, eq, gt, inArray, like, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import type { AssignmentStatus } from './suggestions.assignment.workflow.js';
import {
  type ReplyStatus,
  suggestionAssignments,
  suggestionCommitments,
  suggestionConsultations,
  suggestionCoOpinions,
  suggestionEvaluations,
  suggestionReplies,
} from './suggestions.handling.tables.js';
import { suggestions } from './suggestions.tables.js';

/** All SQL of handling and evaluation (DESIGN §3.2, issue 4 items 5–6): co opinions, consultations, replies, commitments, evaluations. */

export type AssignmentRow = typeof suggestionAssignments.$inferSelect;
export type ReplyRow = typeof suggestionReplies.$inferSelect;
export type CommitmentRow = typeof suggestionCommitments.$inferSelect;
export type ConsultationRow = typeof suggestionConsultations.$inferSelect;
export type CoOpinionRow = typeof suggestionCoOpinions.$inferSelect;
export type EvaluationRow = typeof suggestionEvaluations.$inferSelect;

const INACTIVE: AssignmentStatus[] = ['returned', 'withdrawn'];

// --- assignments -------------------------------------------------------------------------------

export const assignmentsOf = (db: Executor, suggestionId: string) =>
  db
    .select({ a: suggestionAssignments, unitName: organizations.name })
    .from(suggestionAssignments)
    .innerJoin(organizations, eq(organizations.id, suggestionAssignments.unitId))
    .where(eq(suggestionAssignments.suggestionId, suggestionId))
    .orderBy(asc(suggestionAssignments.round), asc(suggestionAssignments.assignedAt), asc(suggestionAssignments.id));

/** The unit's assignment in the latest round it takes part in (returned and withdrawn ones are history). */
export async function currentAssignmentOf(
  db: Executor,
  suggestionId: string,
  unitId: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .select()
    .from(suggestionAssignments)
    .where(
      and(
        eq(suggestionAssignments.suggestionId, suggestionId),
        eq(suggestionAssignments.unitId, unitId),
        notInArray(suggestionAssignments.status, INACTIVE),
      ),
    )
    .orderBy(desc(suggestionAssignments.round))
    .limit(1);
  return row;
}

export const roundAssignments = (db: Executor, suggestionId: string, round: number) =>
  db
    .select()
    .from(suggestionAssignments)
    .where(and(eq(suggestionAssignments.suggestionId, suggestionId), eq(suggestionAssignments.round, round)));

export async function latestRound(db: Executor, suggestionId: string): Promise<number> {
  const [row] = await db
    .select({ round: sql<number>`coalesce(max(${suggestionAssignments.round}), 1)` })
    .from(suggestionAssignments)
    .where(eq(suggestionAssignments.suggestionId, suggestionId));
  return Number(row?.round ?? 1);
}

/** The per-unit guarded write: the status moves only if it still is `from`. */
export async function updateAssignmentGuarded(
  db: Executor,
  id: string,
  from: AssignmentStatus,
  to: AssignmentStatus,
  set: Partial<Pick<AssignmentRow, 'repliedAt' | 'repliedOnTime' | 'updatedAt'>>,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .update(suggestionAssignments)
    .set({ ...set, status: to, version: sql`${suggestionAssignments.version} + 1` })
    .where(and(eq(suggestionAssignments.id, id), eq(suggestionAssignments.status, from)))
    .returning();
  return row;
}

export async function insertAssignments(db: Executor, rows: (typeof suggestionAssignments.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(suggestionAssignments).values(rows).returning();
}

// --- co opinions -------------------------------------------------------------------------------

export async function insertCoOpinion(db: Executor, values: typeof suggestionCoOpinions.$inferInsert) {
  const [row] = await db.insert(suggestionCoOpinions).values(values).onConflictDoNothing().returning();
  return row;
}

export const coOpinionsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionCoOpinions)
    .where(eq(suggestionCoOpinions.suggestionId, suggestionId))
    .orderBy(asc(suggestionCoOpinions.sentAt));

// --- consultations -----------------------------------------------------------------------------

export async function insertConsultation(db: Executor, values: typeof suggestionConsultations.$inferInsert) {
  const [row] = await db.insert(suggestionConsultations).values(values).returning();
  if (!row) throw new Error('consultation not inserted');
  return row;
}

export const consultationsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionConsultations)
    .where(eq(suggestionConsultations.suggestionId, suggestionId))
    .orderBy(asc(suggestionConsultations.heldAt), asc(suggestionConsultations.createdAt));

export async function findConsultation(db: Executor, suggestionId: string, id: string) {
  const [row] = await db
    .select()
    .from(suggestionConsultations)
    .where(and(eq(suggestionConsultations.id, id), eq(suggestionConsultations.suggestionId, suggestionId)));
  return row;
}

/** The deputy's answer, once: only while the consultation is still unconfirmed. */
export async function answerConsultationGuarded(
  db: Executor,
  id: string,
  set: { confirmation: 'confirmed' | 'disputed'; confirmedAt: Date; confirmationNote: string | null },
) {
  const [row] = await db
    .update(suggestionConsultations)
    .set(set)
    .where(and(eq(suggestionConsultations.id, id), eq(suggestionConsultations.confirmation, 'pending')))
    .returning();
  return row;
}

// --- replies and commitments -------------------------------------------------------------------

export async function replyOfAssignment(db: Executor, assignmentId: string): Promise<ReplyRow | undefined> {
  const [row] = await db.select().from(suggestionReplies).where(eq(suggestionReplies.assignmentId, assignmentId));
  return row;
}

export async function findReply(db: Executor, suggestionId: string, id: string): Promise<ReplyRow | undefined> {
  const [row] = await db
    .select()
    .from(suggestionReplies)
    .where(and(eq(suggestionReplies.id, id), eq(suggestionReplies.suggestionId, suggestionId)));
  return row;
}

/** A new draft; undefined when the assignment already has a reply (two first saves at once). */
export async function insertReply(db: Executor, values: typeof suggestionReplies.$inferInsert) {
  const [row] = await db.insert(suggestionReplies).values(values).onConflictDoNothing().returning();
  return row;
}

/** The reply's guarded write: only from the statuses the step starts at. */
export async function updateReplyGuarded(
  db: Executor,
  id: string,
  from: readonly ReplyStatus[],
  set: Partial<Omit<typeof suggestionReplies.$inferInsert, 'id' | 'version'>>,
): Promise<ReplyRow | undefined> {
  const [row] = await db
    .update(suggestionReplies)
    .set({ ...set, version: sql`${suggestionReplies.version} + 1` })
    .where(and(eq(suggestionReplies.id, id), inArray(suggestionReplies.status, [...from])))
    .returning();
  return row;
}

export const repliesOf = (db: Executor, suggestionId: string) =>
  db
    .select({ r: suggestionReplies, unitName: organizations.name })
    .from(suggestionReplies)
    .innerJoin(organizations, eq(organizations.id, suggestionReplies.unitId))
    .where(eq(suggestionReplies.suggestionId, suggestionId))
    .orderBy(asc(suggestionReplies.round), asc(suggestionReplies.createdAt));

/** A draft's commitments follow the draft: each save replaces them. */
export async function replaceCommitments(
  db: Executor,
  reply: Pick<ReplyRow, 'id' | 'suggestionId' | 'regionCode' | 'unitId'>,
  items: { content: string; dueOn: string }[],
  at: Date,
): Promise<void> {
  await db.delete(suggestionCommitments).where(eq(suggestionCommitments.replyId, reply.id));
  if (items.length === 0) return;
  await db.insert(suggestionCommitments).values(
    items.map((c) => ({
      suggestionId: reply.suggestionId,
      regionCode: reply.regionCode,
      replyId: reply.id,
      unitId: reply.unitId,
      content: c.content,
      dueOn: c.dueOn,
      createdAt: at,
      updatedAt: at,
    })),
  );
}

export const commitmentsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionCommitments)
    .where(eq(suggestionCommitments.suggestionId, suggestionId))
    .orderBy(asc(suggestionCommitments.dueOn), asc(suggestionCommitments.createdAt));

export async function findCommitment(db: Executor, suggestionId: string, id: string): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .select()
    .from(suggestionCommitments)
    .where(and(eq(suggestionCommitments.id, id), eq(suggestionCommitments.suggestionId, suggestionId)));
  return row;
}

export async function completeCommitmentGuarded(
  db: Executor,
  id: string,
  set: { doneAt: Date; doneNote: string | null; updatedAt: Date },
): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .update(suggestionCommitments)
    .set({ ...set, status: 'done' })
    .where(and(eq(suggestionCommitments.id, id), eq(suggestionCommitments.status, 'open')))
    .returning();
  return row;
}

/**
 * Open commitments of the sent replies of a round: the answer the deputy last rated is the one
 * whose promises must be kept (a re-handling reply supersedes the first round's).
 */
export async function openCommitments(db: Executor, suggestionId: string, round: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(suggestionCommitments)
    .innerJoin(suggestionReplies, eq(suggestionReplies.id, suggestionCommitments.replyId))
    .where(
      and(
        eq(suggestionCommitments.suggestionId, suggestionId),
        eq(suggestionCommitments.status, 'open'),
        eq(suggestionReplies.status, 'sent'),
        eq(suggestionReplies.round, round),
      ),
    );
  return row?.n ?? 0;
}

// --- evaluations -------------------------------------------------------------------------------

/** One evaluation per round (of the handling as a whole); undefined when the round is already rated. */
export async function insertEvaluation(db: Executor, values: typeof suggestionEvaluations.$inferInsert) {
  const [row] = await db.insert(suggestionEvaluations).values(values).onConflictDoNothing().returning();
  return row;
}

export const evaluationsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionEvaluations)
    .where(eq(suggestionEvaluations.suggestionId, suggestionId))
    .orderBy(asc(suggestionEvaluations.round));

export interface Page {
  regionCode?: string;
  afterId?: string;
  limit: number;
}

/** Suggestions whose evaluation window has run out, by id (keyset pages). */
export async function expiredEvaluations(db: Executor, now: Date, p: Page): Promise<string[]> {
  const where: (SQL | undefined)[] = [
    eq(suggestions.state, 'awaiting_evaluation'),
    lt(suggestions.dueAt, now),
    p.regionCode ? like(suggestions.regionCode, `${p.regionCode}%`) : undefined,
    p.afterId ? gt(suggestions.id, p.afterId) : undefined,
  ];
  const rows = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(and(...where))
    .orderBy(asc(suggestions.id))
    .limit(p.limit);
  return rows.map((r) => r.id);
}

/**
 * Assigned or re-handling suggestions whose replies of the latest round are all in (at least one
 * sent, none outstanding) but which still wait: a replying unit withdrawn or returned after the
 * others replied leaves nobody whose reply would move them on.
 */
export async function repliesCompleteButWaiting(db: Executor, p: Page): Promise<string[]> {
  const latest = sql`(SELECT max(m.round) FROM suggestion_assignments m WHERE m.suggestion_id = ${suggestions.id})`;
  const replying = sql`SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = ${suggestions.id}
    AND a.round = ${latest} AND a.role <> 'co'`;
  const rows = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(
      and(
        inArray(suggestions.state, ['assigned', 'rehandling']),
        p.regionCode ? like(suggestions.regionCode, `${p.regionCode}%`) : undefined,
        p.afterId ? gt(suggestions.id, p.afterId) : undefined,
        sql`EXISTS (${replying} AND a.status = 'replied')`,
        sql`NOT EXISTS (${replying} AND a.status NOT IN ('replied', 'returned', 'withdrawn'))`,
      ),
    )
    .orderBy(asc(suggestions.id))
    .limit(p.limit);
  return rows.map((r) => r.id);
}
