import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import { congresses } from './congresses.tables.js';
import { suggestionReplies } from './suggestions.handling.tables.js';
import { type PublicationStatus, suggestionReplyPublications as pubs } from './suggestions.supervision.tables.js';
import { suggestions } from './suggestions.tables.js';

/**
 * All SQL of published replies. The public queries select the redacted columns of published rows
 * only, and never join the original reply's text: what the public sees cannot come from elsewhere.
 */

export type PublicationRow = typeof pubs.$inferSelect;
export type PublicationInsert = typeof pubs.$inferInsert;

/** The reply to publish, with what its title and scope come from. */
export async function findReplyForPublication(db: Executor, replyId: string) {
  const [row] = await db
    .select({
      reply: suggestionReplies,
      suggestionTitle: suggestions.title,
      submittedAt: suggestions.submittedAt,
      congressId: suggestions.congressId,
    })
    .from(suggestionReplies)
    .innerJoin(suggestions, eq(suggestions.id, suggestionReplies.suggestionId))
    .where(eq(suggestionReplies.id, replyId));
  return row;
}

export async function findPublication(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(pubs).where(eq(pubs.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPublicationOfReply(db: Executor, replyId: string) {
  const [row] = await db.select().from(pubs).where(eq(pubs.replyId, replyId));
  return row;
}

export async function insertPublication(db: Executor, values: PublicationInsert): Promise<PublicationRow> {
  const [row] = await db.insert(pubs).values(values).returning();
  if (!row) throw new Error('publication not inserted');
  return row;
}

/** The guarded write: only from the expected statuses (and the version the editor read, when given). */
export async function updatePublicationGuarded(
  db: Executor,
  id: string,
  from: readonly PublicationStatus[],
  version: number | null,
  set: Partial<Omit<PublicationInsert, 'id' | 'version'>>,
  at: Date,
): Promise<PublicationRow | undefined> {
  const [row] = await db
    .update(pubs)
    .set({ ...set, version: sql`${pubs.version} + 1`, updatedAt: at })
    .where(and(eq(pubs.id, id), inArray(pubs.status, [...from]), version === null ? undefined : eq(pubs.version, version)))
    .returning();
  return row;
}

/** The office's list: its region's publications of every status. */
export async function listPublications(db: Executor, where: SQL | undefined, page: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ publication: pubs, unitName: organizations.name, replyClass: suggestionReplies.replyClass })
      .from(pubs)
      .innerJoin(suggestionReplies, eq(suggestionReplies.id, pubs.replyId))
      .innerJoin(organizations, eq(organizations.id, suggestionReplies.unitId))
      .where(where)
      .orderBy(desc(pubs.updatedAt), desc(pubs.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(pubs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const unitNameOf = async (db: Executor, unitId: string) =>
  (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, unitId)))[0]?.name ?? '—';

/** `%` and `_` typed by the public are literal characters, not patterns. */
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A publication whose published title or text holds the words as typed (a few hundred a year per congress: no index needed). */
export const wordingContains = (q: string): SQL =>
  sql`(${pubs.title} ILIKE ${likeEscaped(q)} OR ${pubs.text} ILIKE ${likeEscaped(q)})`;

const publicColumns = {
  id: pubs.id,
  year: pubs.year,
  title: pubs.title,
  publishedAt: pubs.publishedAt,
  regionCode: pubs.regionCode,
  congressName: congresses.name,
  unitName: organizations.name,
  replyClass: suggestionReplies.replyClass,
  repliedAt: suggestionReplies.sentAt,
};

const publicFrom = (db: Executor) =>
  db
    .select(publicColumns)
    .from(pubs)
    .innerJoin(congresses, eq(congresses.id, pubs.congressId))
    .innerJoin(suggestionReplies, eq(suggestionReplies.id, pubs.replyId))
    .innerJoin(organizations, eq(organizations.id, suggestionReplies.unitId));

export async function publicList(
  db: Executor,
  q: { year?: number; q?: string; regionCode?: string; limit: number; offset: number },
) {
  const where = and(
    eq(pubs.status, 'published'),
    q.year ? eq(pubs.year, q.year) : undefined,
    q.regionCode ? sql`${pubs.regionCode} LIKE ${`${q.regionCode}%`}` : undefined,
    q.q ? wordingContains(q.q) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    publicFrom(db).where(where).orderBy(desc(pubs.publishedAt), desc(pubs.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(pubs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A published reply with its redacted text; nothing for a draft or a withdrawn one. */
export async function publicOne(db: Executor, id: string) {
  const [row] = await db
    .select({ ...publicColumns, text: pubs.text })
    .from(pubs)
    .innerJoin(congresses, eq(congresses.id, pubs.congressId))
    .innerJoin(suggestionReplies, eq(suggestionReplies.id, pubs.replyId))
    .innerJoin(organizations, eq(organizations.id, suggestionReplies.unitId))
    .where(and(eq(pubs.id, id), eq(pubs.status, 'published')));
  return row;
}
