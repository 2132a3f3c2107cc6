import { and, asc, count, desc, eq, inArray, like, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/platform.tables.js';
import { likeEscape } from '../../platform/text.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import type { AssignmentStatus } from './suggestions.assignment.workflow.js';
import { suggestionAssignments, suggestionExtensions, suggestionReturns } from './suggestions.handling.tables.js';
import { suggestions } from './suggestions.tables.js';

/** All SQL of assignment (交办): the assignment rows, return requests, extensions and batch lists. */

export type AssignmentRow = typeof suggestionAssignments.$inferSelect;
export type AssignmentInsert = typeof suggestionAssignments.$inferInsert;
export type AssignmentChanges = Partial<Omit<AssignmentInsert, 'id' | 'status' | 'version' | 'suggestionId'>>;
export type ExtensionRow = typeof suggestionExtensions.$inferSelect;
export type ReturnRow = typeof suggestionReturns.$inferSelect;

/** The statuses in which an assignment still binds its unit. */
export const LIVE_STATUSES: readonly AssignmentStatus[] = ['pending', 'handling', 'return_requested', 'replied'];

export async function findUnits(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      category: organizations.category,
      status: organizations.status,
      regionCode: organizations.regionCode,
    })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
}

export async function insertAssignments(db: Executor, rows: AssignmentInsert[]): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  return db.insert(suggestionAssignments).values(rows).returning();
}

export async function findAssignment(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(suggestionAssignments).where(eq(suggestionAssignments.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The guarded write of DESIGN §3 for one assignment: it moves only if its status still is `from`. */
export async function updateAssignmentGuarded(
  db: Executor,
  id: string,
  from: AssignmentStatus,
  to: AssignmentStatus,
  changes: AssignmentChanges,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .update(suggestionAssignments)
    .set({ ...changes, status: to, version: sql`${suggestionAssignments.version} + 1` })
    .where(and(eq(suggestionAssignments.id, id), eq(suggestionAssignments.status, from)))
    .returning();
  return row;
}

/** Moves the due date of an assignment still being handled, guarded on the version read. */
export async function moveAssignmentDue(db: Executor, a: Pick<AssignmentRow, 'id' | 'version'>, dueAt: Date, at: Date) {
  const [row] = await db
    .update(suggestionAssignments)
    .set({ dueAt, updatedAt: at, version: sql`${suggestionAssignments.version} + 1` })
    .where(
      and(
        eq(suggestionAssignments.id, a.id),
        eq(suggestionAssignments.version, a.version),
        inArray(suggestionAssignments.status, ['pending', 'handling']),
      ),
    )
    .returning();
  return row;
}

export const assignmentsOf = (db: Executor, suggestionId: string) =>
  db
    .select({ a: suggestionAssignments, unitName: organizations.name, assignedByName: users.displayName })
    .from(suggestionAssignments)
    .innerJoin(organizations, eq(organizations.id, suggestionAssignments.unitId))
    .leftJoin(users, eq(users.id, suggestionAssignments.assignedBy))
    .where(eq(suggestionAssignments.suggestionId, suggestionId))
    .orderBy(asc(suggestionAssignments.round), asc(suggestionAssignments.assignedAt), asc(suggestionAssignments.createdAt));

export const extensionsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionExtensions)
    .where(eq(suggestionExtensions.suggestionId, suggestionId))
    .orderBy(asc(suggestionExtensions.createdAt));

export const returnsOf = (db: Executor, suggestionId: string) =>
  db
    .select()
    .from(suggestionReturns)
    .where(eq(suggestionReturns.suggestionId, suggestionId))
    .orderBy(asc(suggestionReturns.requestedAt));

/** The latest reply deadline among the assignments that answer the deputy and still bind a unit. */
export async function latestReplyDue(db: Executor, suggestionId: string): Promise<Date | null> {
  const [row] = await db
    .select({ due: max(suggestionAssignments.dueAt) })
    .from(suggestionAssignments)
    .where(
      and(
        eq(suggestionAssignments.suggestionId, suggestionId),
        inArray(suggestionAssignments.role, ['lead', 'separate', 'joint']),
        inArray(suggestionAssignments.status, ['pending', 'handling', 'return_requested']),
      ),
    );
  return row?.due ?? null;
}

/** The suggestion's own deadline follows its assignments while they are handled. */
export async function setAssignedSuggestionDue(db: Executor, suggestionId: string, dueAt: Date | null, at: Date) {
  if (!dueAt) return;
  await db
    .update(suggestions)
    .set({ dueAt, updatedAt: at })
    .where(and(eq(suggestions.id, suggestionId), inArray(suggestions.state, ['assigned', 'rehandling'])));
}

// --- returns -------------------------------------------------------------------------------------

export async function insertReturn(db: Executor, values: typeof suggestionReturns.$inferInsert): Promise<ReturnRow> {
  const [row] = await db.insert(suggestionReturns).values(values).returning();
  if (!row) throw new Error('return not inserted');
  return row;
}

export async function decidePendingReturn(
  db: Executor,
  assignmentId: string,
  d: { status: 'approved' | 'refused'; decidedBy: string | null; decidedAt: Date; decisionNote: string | null },
): Promise<ReturnRow | undefined> {
  const [row] = await db
    .update(suggestionReturns)
    .set(d)
    .where(and(eq(suggestionReturns.assignmentId, assignmentId), eq(suggestionReturns.status, 'pending')))
    .returning();
  return row;
}

/** Records which new assignment took over a returned one. */
export async function noteReassignment(db: Executor, returnedAssignmentId: string, newAssignmentId: string) {
  await db
    .update(suggestionReturns)
    .set({ reassignedAssignmentId: newAssignmentId })
    .where(and(eq(suggestionReturns.assignmentId, returnedAssignmentId), eq(suggestionReturns.status, 'approved')));
}

/** The assignment that already took over this one, if any. */
export async function successorOf(db: Executor, assignmentId: string) {
  const [row] = await db
    .select({ id: suggestionAssignments.id })
    .from(suggestionAssignments)
    .where(eq(suggestionAssignments.reassignedFromId, assignmentId))
    .limit(1);
  return row;
}

// --- extensions ----------------------------------------------------------------------------------

export async function insertExtension(db: Executor, values: typeof suggestionExtensions.$inferInsert): Promise<ExtensionRow> {
  const [row] = await db.insert(suggestionExtensions).values(values).returning();
  if (!row) throw new Error('extension not inserted');
  return row;
}

export async function findExtension(db: Executor, id: string) {
  const [row] = await db.select().from(suggestionExtensions).where(eq(suggestionExtensions.id, id));
  return row;
}

export async function pendingExtensionOf(db: Executor, assignmentId: string) {
  const [row] = await db
    .select()
    .from(suggestionExtensions)
    .where(and(eq(suggestionExtensions.assignmentId, assignmentId), eq(suggestionExtensions.status, 'pending')));
  return row;
}

/** The guarded decision: only a request still pending is decided. */
export async function decideExtensionGuarded(
  db: Executor,
  id: string,
  d: {
    status: 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: Date;
    decisionNote: string | null;
    newDueAt: Date | null;
  },
): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .update(suggestionExtensions)
    .set(d)
    .where(and(eq(suggestionExtensions.id, id), eq(suggestionExtensions.status, 'pending')))
    .returning();
  return row;
}

// --- batches (交办会) -------------------------------------------------------------------------------

const inRegion = (regionCode: string): SQL | undefined =>
  regionCode === '' ? undefined : like(suggestionAssignments.regionCode, `${likeEscape(regionCode)}%`);

/** The labels of the batches in the account's region, newest first, with how many suggestions each holds. */
export async function listBatches(db: Executor, regionCode: string) {
  const rows = await db
    .select({
      label: suggestionAssignments.batchLabel,
      suggestions: sql<number>`count(DISTINCT ${suggestionAssignments.suggestionId})`.mapWith(Number),
      assignments: count(),
      assignedAt: max(suggestionAssignments.assignedAt),
    })
    .from(suggestionAssignments)
    .where(and(sql`${suggestionAssignments.batchLabel} IS NOT NULL`, inRegion(regionCode)))
    .groupBy(suggestionAssignments.batchLabel)
    .orderBy(desc(max(suggestionAssignments.assignedAt)))
    .limit(200);
  return rows.flatMap((r) => (r.label ? [{ ...r, label: r.label }] : []));
}

/** Every assignment of a batch in the account's region, with what the printed list shows. */
export function batchAssignments(db: Executor, label: string, regionCode: string) {
  return db
    .select({
      suggestionId: suggestions.id,
      number: suggestions.number,
      title: suggestions.title,
      leadDeputyName: persons.name,
      unitName: organizations.name,
      role: suggestionAssignments.role,
      status: suggestionAssignments.status,
      assignedAt: suggestionAssignments.assignedAt,
      dueAt: suggestionAssignments.dueAt,
    })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(organizations, eq(organizations.id, suggestionAssignments.unitId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(
      and(
        eq(suggestionAssignments.batchLabel, label),
        inArray(suggestionAssignments.status, [...LIVE_STATUSES]),
        inRegion(regionCode),
      ),
    )
    .orderBy(asc(suggestions.number), asc(suggestions.id), asc(suggestionAssignments.createdAt));
}
export type BatchAssignment = Awaited<ReturnType<typeof batchAssignments>>[number];
