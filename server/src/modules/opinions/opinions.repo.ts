import { and, asc, count, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { insertRecordsetReturning } from '../../db/recordset.js';
import { files } from '../../platform/platform.tables.js';
import { inboxHasCode } from './opinions.inbox.repo.js';
import { opinionEvents, opinionExtensions, opinionFiles, opinions, opinionUnits } from './opinions.tables.js';
import type { OpinionState } from './opinions.workflow.js';

/** All SQL on the case, its timeline, its units, its files and its extensions. */

export type OpinionRow = typeof opinions.$inferSelect;
export type OpinionInsert = typeof opinions.$inferInsert;
export type OpinionChanges = Partial<Omit<OpinionInsert, 'id' | 'state' | 'version' | 'trackingCode'>>;
export type OpinionEventRow = typeof opinionEvents.$inferSelect;
export type OpinionEventInsert = typeof opinionEvents.$inferInsert;
export type OpinionUnitRow = typeof opinionUnits.$inferSelect;
export type ExtensionRow = typeof opinionExtensions.$inferSelect;

export async function findOpinion(db: Executor, id: string): Promise<OpinionRow | undefined> {
  const [row] = await db.select().from(opinions).where(eq(opinions.id, id));
  return row;
}

export function opinionsByIds(db: Executor, ids: readonly string[]): Promise<OpinionRow[]> {
  return db
    .select()
    .from(opinions)
    .where(inArray(opinions.id, [...ids]));
}

export async function findOpinionByTrackingCode(db: Executor, code: string): Promise<OpinionRow | undefined> {
  const [row] = await db.select().from(opinions).where(eq(opinions.trackingCode, code));
  return row;
}

export async function findOpinionByIdempotencyKey(db: Executor, key: string): Promise<OpinionRow | undefined> {
  const [row] = await db.select().from(opinions).where(eq(opinions.idempotencyKey, key));
  return row;
}

/** Which of these idempotency keys a case already holds. */
export async function idempotencyKeysTaken(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: opinions.idempotencyKey }).from(opinions).where(inArray(opinions.idempotencyKey, keys));
  return new Set(rows.map((r) => r.key).filter((k): k is string => k !== null));
}

/** A code is taken by a case or by a public submission still waiting in the inbox. */
export async function trackingCodeTaken(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ id: opinions.id }).from(opinions).where(eq(opinions.trackingCode, code));
  return !!row || (await inboxHasCode(db, code));
}

/** Inserts a case; the search words go through to_tsvector('simple', …) in the same statement. */
export async function insertOpinion(
  db: Executor,
  values: Omit<OpinionInsert, 'searchTokens'>,
  searchDocument: string,
): Promise<OpinionRow> {
  const [row] = await insertOpinions(db, [{ values, searchDocument }]);
  if (!row) throw new Error('opinion not inserted');
  return row;
}

/** Cases in one statement, each with its search document; the rows in the order given. */
export async function insertOpinions(
  db: Executor,
  items: { values: Omit<OpinionInsert, 'searchTokens'>; searchDocument: string }[],
): Promise<OpinionRow[]> {
  if (items.length === 0) return [];
  const rows = await insertRecordsetReturning(
    db,
    opinions,
    items.map((i) => ({ ...i.values, searchTokens: i.searchDocument })),
    { derived: { searchTokens: (document) => sql`to_tsvector('simple', ${document})` } },
  );
  if (items.length === 1) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((i) => {
    const row = i.values.id ? byId.get(i.values.id) : undefined;
    if (!row) throw new Error('insertOpinions: every case of a batch needs its id');
    return row;
  });
}

/**
 * The guarded write of DESIGN §3: the state moves only if it still is `from`. No row back means
 * someone else moved the case first.
 */
export async function updateStateGuarded(
  db: Executor,
  id: string,
  from: OpinionState,
  to: OpinionState,
  changes: OpinionChanges,
  frozenOverdueStage: OpinionState | null,
): Promise<OpinionRow | undefined> {
  const [row] = await db
    .update(opinions)
    .set({
      ...changes,
      state: to,
      version: sql`${opinions.version} + 1`,
      ...(frozenOverdueStage ? { overdueStages: sql`array_append(${opinions.overdueStages}, ${frozenOverdueStage}::text)` } : {}),
    })
    .where(and(eq(opinions.id, id), eq(opinions.state, from)))
    .returning();
  return row;
}

/** A change beside the state (urging, supervision, an extension) guarded by the version read. */
export async function updateGuardedByVersion(
  db: Executor,
  id: string,
  version: number,
  changes: OpinionChanges,
): Promise<OpinionRow | undefined> {
  const [row] = await db
    .update(opinions)
    .set({ ...changes, version: sql`${opinions.version} + 1` })
    .where(and(eq(opinions.id, id), eq(opinions.version, version)))
    .returning();
  return row;
}

export async function incrementUrgeCount(db: Executor, id: string, version: number, at: Date): Promise<OpinionRow | undefined> {
  const [row] = await db
    .update(opinions)
    .set({ urgeCount: sql`${opinions.urgeCount} + 1`, version: sql`${opinions.version} + 1`, updatedAt: at })
    .where(and(eq(opinions.id, id), eq(opinions.version, version)))
    .returning();
  return row;
}

/** Events in one statement; their ids in the order given (identity values follow the rows' order). */
export async function insertEventIds(db: Executor, events: OpinionEventInsert[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await insertRecordsetReturning(db, opinionEvents, events);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export const listEvents = (db: Executor, opinionId: string) =>
  db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, opinionId)).orderBy(asc(opinionEvents.id));

// --- units ---------------------------------------------------------------------------------------

export async function insertUnits(
  db: Executor,
  rows: {
    opinionId: string;
    regionCode: string;
    unitId: string;
    role: 'lead' | 'co';
    round: number;
    status: OpinionUnitRow['status'];
    dueAt: Date | null;
    note?: string | null;
    at: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(opinionUnits).values(
    rows.map((r) => ({
      opinionId: r.opinionId,
      regionCode: r.regionCode,
      unitId: r.unitId,
      role: r.role,
      round: r.round,
      status: r.status,
      dueAt: r.dueAt,
      note: r.note ?? null,
      createdAt: r.at,
      updatedAt: r.at,
    })),
  );
}

/** Moves the units of a round that are in `from` (all of them when from is absent). */
export async function updateRoundUnits(
  db: Executor,
  opinionId: string,
  round: number,
  set: { status?: OpinionUnitRow['status']; dueAt?: Date | null; note?: string | null; at: Date },
  from?: OpinionUnitRow['status'][],
): Promise<void> {
  const { at, ...rest } = set;
  await db
    .update(opinionUnits)
    .set({ ...rest, updatedAt: at })
    .where(
      and(
        eq(opinionUnits.opinionId, opinionId),
        eq(opinionUnits.round, round),
        from ? inArray(opinionUnits.status, from) : undefined,
      ),
    );
}

export const listUnits = (db: Executor, opinionId: string) =>
  db
    .select()
    .from(opinionUnits)
    .where(eq(opinionUnits.opinionId, opinionId))
    .orderBy(asc(opinionUnits.round), asc(opinionUnits.createdAt));

export async function latestRound(db: Executor, opinionId: string): Promise<number> {
  const [row] = await db
    .select({ round: max(opinionUnits.round) })
    .from(opinionUnits)
    .where(eq(opinionUnits.opinionId, opinionId));
  return row?.round ?? 0;
}

/** The co units of the round that last ran (a re-handling round goes back to the same units). */
export async function coUnitsOfRound(db: Executor, opinionId: string, round: number): Promise<string[]> {
  const rows = await db
    .select({ unitId: opinionUnits.unitId })
    .from(opinionUnits)
    .where(
      and(
        eq(opinionUnits.opinionId, opinionId),
        eq(opinionUnits.round, round),
        eq(opinionUnits.role, 'co'),
        ne(opinionUnits.status, 'returned'),
      ),
    );
  return rows.map((r) => r.unitId);
}

export async function isUnitOfCase(db: Executor, opinionId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: opinionUnits.id })
    .from(opinionUnits)
    .where(and(eq(opinionUnits.opinionId, opinionId), eq(opinionUnits.unitId, unitId)))
    .limit(1);
  return !!row;
}

// --- merged duplicates -------------------------------------------------------------------------

export const followersOf = (db: Executor, primaryId: string) =>
  db
    .select({ id: opinions.id, trackingCode: opinions.trackingCode, regionCode: opinions.regionCode })
    .from(opinions)
    .where(eq(opinions.mergedIntoId, primaryId))
    .orderBy(asc(opinions.receivedAt));

/** The primary, locked against state changes until this transaction ends, so a merge never follows a moving target. */
export async function lockPrimary(db: Executor, id: string): Promise<OpinionRow | undefined> {
  const [row] = await db.select().from(opinions).where(eq(opinions.id, id)).for('share');
  return row;
}

export async function countFollowers(db: Executor, primaryId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(opinions).where(eq(opinions.mergedIntoId, primaryId));
  return row?.n ?? 0;
}

export async function repointFollowers(db: Executor, fromId: string, toId: string, at: Date): Promise<void> {
  await db.update(opinions).set({ mergedIntoId: toId, updatedAt: at }).where(eq(opinions.mergedIntoId, fromId));
}

export async function markFollowersFedBack(db: Executor, primaryId: string, at: Date): Promise<void> {
  await db.update(opinions).set({ fedBackAt: at, updatedAt: at }).where(eq(opinions.mergedIntoId, primaryId));
}

// --- files -------------------------------------------------------------------------------------

export async function insertFile(db: Executor, values: typeof files.$inferInsert) {
  const [row] = await db
    .insert(files)
    .values(values)
    .returning({ id: files.id, filename: files.filename, mimeType: files.mimeType, size: files.size });
  if (!row) throw new Error('file not inserted');
  return row;
}

/** Files the user uploaded (only one's own uploads can be attached to a reply). */
export async function filesOwnedBy(db: Executor, ids: string[], userId: string) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, filename: files.filename })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.createdBy, userId)));
}

export async function attachFiles(
  db: Executor,
  opinionId: string,
  fileIds: string[],
  kind: 'photo' | 'reply',
  at: Date,
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insert(opinionFiles)
    .values(fileIds.map((fileId) => ({ opinionId, fileId, kind, createdAt: at })))
    .onConflictDoNothing();
}

export const listFiles = (db: Executor, opinionId: string) =>
  db
    .select({
      id: files.id,
      filename: files.filename,
      mimeType: files.mimeType,
      size: files.size,
      kind: opinionFiles.kind,
      createdAt: opinionFiles.createdAt,
    })
    .from(opinionFiles)
    .innerJoin(files, eq(files.id, opinionFiles.fileId))
    .where(eq(opinionFiles.opinionId, opinionId))
    .orderBy(asc(opinionFiles.createdAt));

// --- extensions --------------------------------------------------------------------------------

export async function insertExtension(db: Executor, values: typeof opinionExtensions.$inferInsert): Promise<ExtensionRow> {
  const [row] = await db.insert(opinionExtensions).values(values).returning();
  if (!row) throw new Error('extension not inserted');
  return row;
}

export async function findExtension(db: Executor, opinionId: string, id: string): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .select()
    .from(opinionExtensions)
    .where(and(eq(opinionExtensions.id, id), eq(opinionExtensions.opinionId, opinionId)));
  return row;
}

/** Decides a pending request; no row back means it was decided already. */
export async function decidePendingExtension(
  db: Executor,
  id: string,
  set: {
    status: 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: Date;
    decisionNote: string | null;
    newDueAt: Date | null;
  },
): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .update(opinionExtensions)
    .set(set)
    .where(and(eq(opinionExtensions.id, id), eq(opinionExtensions.status, 'pending')))
    .returning();
  return row;
}

export const listExtensions = (db: Executor, opinionId: string) =>
  db
    .select()
    .from(opinionExtensions)
    .where(eq(opinionExtensions.opinionId, opinionId))
    .orderBy(desc(opinionExtensions.createdAt));
