import { and, asc, count, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { files } from '../../platform/platform.tables.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import {
  type CosignerStatus,
  type SuggestionFileKind,
  suggestionCosigners,
  suggestionEvents,
  suggestionFiles,
  suggestions,
} from './suggestions.tables.js';
import type { Kind, SuggestionState } from './suggestions.workflow.js';

/** All SQL on a suggestion, its timeline, its co-signers and its files. */

export type SuggestionRow = typeof suggestions.$inferSelect;
export type SuggestionInsert = typeof suggestions.$inferInsert;
export type SuggestionChanges = Partial<Omit<SuggestionInsert, 'id' | 'state' | 'version' | 'searchTokens'>>;
export type SuggestionEventRow = typeof suggestionEvents.$inferSelect;
export type CosignerRow = typeof suggestionCosigners.$inferSelect;

export async function findSuggestion(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SuggestionRow | undefined> {
  const q = db.select().from(suggestions).where(eq(suggestions.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Inserts a draft; the search words go through to_tsvector('simple', …) in the same statement. */
export async function insertSuggestion(
  db: Executor,
  values: Omit<SuggestionInsert, 'searchTokens'>,
  searchDocument: string,
): Promise<SuggestionRow> {
  const [row] = await db
    .insert(suggestions)
    .values({ ...values, searchTokens: sql`to_tsvector('simple', ${searchDocument})` })
    .returning();
  if (!row) throw new Error('suggestion not inserted');
  return row;
}

/**
 * The guarded write of DESIGN §3: the state moves only if it still is `from`. No row back means
 * someone else moved the suggestion first.
 */
export async function updateStateGuarded(
  db: Executor,
  id: string,
  from: SuggestionState,
  to: SuggestionState,
  changes: SuggestionChanges,
  frozenOverdueStage: SuggestionState | null,
  searchDocument?: string,
): Promise<SuggestionRow | undefined> {
  const [row] = await db
    .update(suggestions)
    .set({
      ...changes,
      state: to,
      version: sql`${suggestions.version} + 1`,
      ...(searchDocument !== undefined ? { searchTokens: sql`to_tsvector('simple', ${searchDocument})` } : {}),
      ...(frozenOverdueStage
        ? { overdueStages: sql`array_append(${suggestions.overdueStages}, ${frozenOverdueStage}::text)` }
        : {}),
    })
    .where(and(eq(suggestions.id, id), eq(suggestions.state, from)))
    .returning();
  return row;
}

/** An edit of the text, only while it is still a draft. */
export async function updateDraftGuarded(
  db: Executor,
  id: string,
  changes: SuggestionChanges,
  searchDocument: string,
): Promise<SuggestionRow | undefined> {
  const [row] = await db
    .update(suggestions)
    .set({ ...changes, version: sql`${suggestions.version} + 1`, searchTokens: sql`to_tsvector('simple', ${searchDocument})` })
    .where(and(eq(suggestions.id, id), eq(suggestions.state, 'draft')))
    .returning();
  return row;
}

/**
 * The next registration number in the scope of a term, a session (or the recess) and a kind. The
 * advisory lock makes two acceptances in the same scope take turns until they commit.
 */
export async function nextNumber(db: Executor, s: { termId: string; sessionId: string | null; kind: Kind }): Promise<number> {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`suggestion-number:${s.termId}:${s.sessionId ?? 'recess'}:${s.kind}`}))`,
  );
  const [row] = await db
    .select({ n: max(suggestions.number) })
    .from(suggestions)
    .where(
      and(
        eq(suggestions.termId, s.termId),
        s.sessionId ? eq(suggestions.sessionId, s.sessionId) : isNull(suggestions.sessionId),
        eq(suggestions.kind, s.kind),
      ),
    );
  return (row?.n ?? 0) + 1;
}

/** The events' ids in the order given (identities are handed out in the order of the rows). */
export async function insertEventIds(db: Executor, events: (typeof suggestionEvents.$inferInsert)[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await db.insert(suggestionEvents).values(events).returning({ id: suggestionEvents.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export const listEvents = (db: Executor, suggestionId: string) =>
  db.select().from(suggestionEvents).where(eq(suggestionEvents.suggestionId, suggestionId)).orderBy(asc(suggestionEvents.id));

// --- co-signers --------------------------------------------------------------------------------

export const listCosigners = (db: Executor, suggestionId: string) =>
  db
    .select({
      deputyId: suggestionCosigners.deputyId,
      status: suggestionCosigners.status,
      invitedAt: suggestionCosigners.invitedAt,
      respondedAt: suggestionCosigners.respondedAt,
      declineReason: suggestionCosigners.declineReason,
      name: persons.name,
      deputyStatus: deputies.status,
      delegation: deputies.delegation,
    })
    .from(suggestionCosigners)
    .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(eq(suggestionCosigners.suggestionId, suggestionId))
    .orderBy(asc(suggestionCosigners.invitedAt), asc(persons.name));

/** Invites mandates; one already invited keeps its answer, one that declined is asked again. */
export async function inviteCosigners(
  db: Executor,
  rows: { suggestionId: string; deputyId: string; regionCode: string; invitedBy: string | null; at: Date }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const saved = await db
    .insert(suggestionCosigners)
    .values(
      rows.map((r) => ({
        suggestionId: r.suggestionId,
        deputyId: r.deputyId,
        regionCode: r.regionCode,
        invitedBy: r.invitedBy,
        status: 'invited' as const,
        invitedAt: r.at,
      })),
    )
    .onConflictDoUpdate({
      target: [suggestionCosigners.suggestionId, suggestionCosigners.deputyId],
      set: { status: 'invited', invitedAt: sql`excluded.invited_at`, respondedAt: null, respondedBy: null, declineReason: null },
      setWhere: eq(suggestionCosigners.status, 'declined'),
    })
    .returning({ deputyId: suggestionCosigners.deputyId });
  return saved.map((r) => r.deputyId);
}

export async function removeCosigner(db: Executor, suggestionId: string, deputyId: string): Promise<boolean> {
  const rows = await db
    .delete(suggestionCosigners)
    .where(and(eq(suggestionCosigners.suggestionId, suggestionId), eq(suggestionCosigners.deputyId, deputyId)))
    .returning({ deputyId: suggestionCosigners.deputyId });
  return rows.length > 0;
}

/** A co-signer's answer; no row back when the invitation is gone. */
export async function answerCosigner(
  db: Executor,
  suggestionId: string,
  deputyId: string,
  set: { status: CosignerStatus; respondedBy: string | null; respondedAt: Date; declineReason: string | null },
): Promise<CosignerRow | undefined> {
  const [row] = await db
    .update(suggestionCosigners)
    .set(set)
    .where(and(eq(suggestionCosigners.suggestionId, suggestionId), eq(suggestionCosigners.deputyId, deputyId)))
    .returning();
  return row;
}

/** A changed text voids the signatures given to the old one: everyone is asked again. */
export async function resetConfirmations(db: Executor, suggestionId: string): Promise<number> {
  const rows = await db
    .update(suggestionCosigners)
    .set({ status: 'invited', respondedAt: null, respondedBy: null })
    .where(and(eq(suggestionCosigners.suggestionId, suggestionId), ne(suggestionCosigners.status, 'invited')))
    .returning({ deputyId: suggestionCosigners.deputyId });
  return rows.length;
}

/** How many co-signers are in each answer; `serving` counts only mandates still serving. */
export async function cosignerCounts(db: Executor, suggestionId: string) {
  const rows = await db
    .select({ status: suggestionCosigners.status, deputyStatus: deputies.status, n: count() })
    .from(suggestionCosigners)
    .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
    .where(eq(suggestionCosigners.suggestionId, suggestionId))
    .groupBy(suggestionCosigners.status, deputies.status);
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
  return {
    total: sum(() => true),
    invited: sum((r) => r.status === 'invited'),
    confirmedServing: sum((r) => r.status === 'confirmed' && r.deputyStatus === 'serving'),
    confirmedEnded: sum((r) => r.status === 'confirmed' && r.deputyStatus !== 'serving'),
    declined: sum((r) => r.status === 'declined'),
  };
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

export async function attachFile(
  db: Executor,
  v: { suggestionId: string; fileId: string; regionCode: string; kind: SuggestionFileKind; createdBy: string | null; at: Date },
) {
  await db.insert(suggestionFiles).values({ ...v, createdAt: v.at });
}

export async function detachFile(db: Executor, suggestionId: string, fileId: string, kind: SuggestionFileKind): Promise<boolean> {
  const rows = await db
    .delete(suggestionFiles)
    .where(
      and(eq(suggestionFiles.suggestionId, suggestionId), eq(suggestionFiles.fileId, fileId), eq(suggestionFiles.kind, kind)),
    )
    .returning({ fileId: suggestionFiles.fileId });
  return rows.length > 0;
}

export const listFiles = (db: Executor, suggestionId: string) =>
  db
    .select({
      id: files.id,
      filename: files.filename,
      mimeType: files.mimeType,
      size: files.size,
      kind: suggestionFiles.kind,
      createdAt: suggestionFiles.createdAt,
    })
    .from(suggestionFiles)
    .innerJoin(files, eq(files.id, suggestionFiles.fileId))
    .where(eq(suggestionFiles.suggestionId, suggestionId))
    .orderBy(asc(suggestionFiles.createdAt));

export async function countFiles(db: Executor, suggestionId: string, kind: SuggestionFileKind): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(suggestionFiles)
    .where(and(eq(suggestionFiles.suggestionId, suggestionId), eq(suggestionFiles.kind, kind)));
  return row?.n ?? 0;
}

export async function readFile(db: Executor, suggestionId: string, fileId: string) {
  const [row] = await db
    .select({ filename: files.filename, mimeType: files.mimeType, content: files.content })
    .from(suggestionFiles)
    .innerJoin(files, eq(files.id, suggestionFiles.fileId))
    .where(and(eq(suggestionFiles.suggestionId, suggestionId), eq(suggestionFiles.fileId, fileId)));
  return row;
}

// --- merged suggestions ------------------------------------------------------------------------

export const followersOf = (db: Executor, primaryId: string) =>
  db
    .select({ id: suggestions.id, title: suggestions.title, leadDeputyId: suggestions.leadDeputyId })
    .from(suggestions)
    .where(eq(suggestions.mergedIntoId, primaryId))
    .orderBy(asc(suggestions.submittedAt));

/** The primary of a merge, locked against state changes until this transaction ends. */
export async function lockPrimary(db: Executor, id: string): Promise<SuggestionRow | undefined> {
  const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id)).for('share');
  return row;
}

export async function repointFollowers(db: Executor, fromId: string, toId: string, at: Date): Promise<void> {
  await db.update(suggestions).set({ mergedIntoId: toId, updatedAt: at }).where(eq(suggestions.mergedIntoId, fromId));
}

export async function findMany(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(suggestions).where(inArray(suggestions.id, ids));
}

/** A change beside the state (co-signers, files): the version moves so that readers see it changed. */
export async function touch(db: Executor, id: string, at: Date): Promise<SuggestionRow> {
  const [row] = await db
    .update(suggestions)
    .set({ version: sql`${suggestions.version} + 1`, updatedAt: at })
    .where(eq(suggestions.id, id))
    .returning();
  if (!row) throw new Error('suggestion vanished inside its own transaction');
  return row;
}
