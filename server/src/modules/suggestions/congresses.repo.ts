import { and, asc, count, desc, eq, gte, inArray, like, lte, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { likeEscape } from '../../platform/text.js';
import { regions } from '../regions/regions.tables.js';
import { congresses, congressSessions, congressTerms } from './congresses.tables.js';
import { suggestions } from './suggestions.tables.js';

/** All SQL on congresses, their terms and their sessions. */

export type CongressRow = typeof congresses.$inferSelect;
export type CongressInsert = typeof congresses.$inferInsert;
export type TermRow = typeof congressTerms.$inferSelect;
export type SessionRow = typeof congressSessions.$inferSelect;

export async function findRegion(db: Executor, code: string) {
  const [row] = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, isGrouping: regions.isGrouping })
    .from(regions)
    .where(eq(regions.code, code));
  return row;
}

export async function regionNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The congress, locked for the rest of the transaction when asked, so its terms and sessions change one writer at a time. */
export async function findCongress(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CongressRow | undefined> {
  const q = db.select().from(congresses).where(eq(congresses.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findCongressByRegion(db: Executor, regionCode: string): Promise<CongressRow | undefined> {
  const [row] = await db.select().from(congresses).where(eq(congresses.regionCode, regionCode));
  return row;
}

export async function insertCongress(db: Executor, values: CongressInsert): Promise<CongressRow> {
  const [row] = await db.insert(congresses).values(values).returning();
  if (!row) throw new Error('congress not inserted');
  return row;
}

export async function updateCongress(db: Executor, id: string, set: Partial<CongressInsert>): Promise<CongressRow | undefined> {
  const [row] = await db.update(congresses).set(set).where(eq(congresses.id, id)).returning();
  return row;
}

export async function listCongresses(
  db: Executor,
  q: { regionCode?: string; q?: string; page: number; pageSize: number },
): Promise<{ rows: CongressRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    q.regionCode ? like(congresses.regionCode, `${q.regionCode}%`) : undefined,
    q.q ? like(congresses.name, `%${likeEscape(q.q)}%`) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(congresses)
      .where(where)
      .orderBy(asc(congresses.regionCode))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(congresses).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// --- terms -------------------------------------------------------------------------------------

export async function findTerm(db: Executor, id: string): Promise<TermRow | undefined> {
  const [row] = await db.select().from(congressTerms).where(eq(congressTerms.id, id));
  return row;
}

export const termsOf = (db: Executor, congressId: string) =>
  db.select().from(congressTerms).where(eq(congressTerms.congressId, congressId)).orderBy(desc(congressTerms.number));

export async function insertTerm(db: Executor, values: typeof congressTerms.$inferInsert): Promise<TermRow> {
  const [row] = await db.insert(congressTerms).values(values).returning();
  if (!row) throw new Error('term not inserted');
  return row;
}

export async function updateTerm(db: Executor, id: string, set: Partial<typeof congressTerms.$inferInsert>) {
  const [row] = await db.update(congressTerms).set(set).where(eq(congressTerms.id, id)).returning();
  return row;
}

/** The term of a congress that runs on a day (the current term for today). */
export async function termOn(db: Executor, congressId: string, day: string): Promise<TermRow | undefined> {
  const terms = await termsOf(db, congressId);
  return terms.find((t) => t.startsOn <= day && (t.endsOn === null || day <= t.endsOn));
}

export async function termHasSuggestions(db: Executor, termId: string): Promise<boolean> {
  const [row] = await db.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.termId, termId)).limit(1);
  return !!row;
}

// --- sessions ----------------------------------------------------------------------------------

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(congressSessions).where(eq(congressSessions.id, id));
  return row;
}

export const sessionsOfCongress = (db: Executor, congressId: string) =>
  db.select().from(congressSessions).where(eq(congressSessions.congressId, congressId)).orderBy(desc(congressSessions.opensOn));

export async function insertSession(db: Executor, values: typeof congressSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(congressSessions).values(values).returning();
  if (!row) throw new Error('session not inserted');
  return row;
}

export async function updateSession(db: Executor, id: string, set: Partial<typeof congressSessions.$inferInsert>) {
  const [row] = await db.update(congressSessions).set(set).where(eq(congressSessions.id, id)).returning();
  return row;
}

/** Another session of the congress whose days meet [from, to]. */
export async function overlappingSession(db: Executor, congressId: string, from: string, to: string, exceptId?: string) {
  const [row] = await db
    .select()
    .from(congressSessions)
    .where(
      and(
        eq(congressSessions.congressId, congressId),
        lte(congressSessions.opensOn, to),
        gte(congressSessions.closesOn, from),
        exceptId ? ne(congressSessions.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

export interface SessionFilter {
  congressId?: string;
  termId?: string;
  regionCode?: string;
  openOn?: string;
  page: number;
  pageSize: number;
}

export async function listSessions(db: Executor, f: SessionFilter) {
  const where = and(
    f.congressId ? eq(congressSessions.congressId, f.congressId) : undefined,
    f.termId ? eq(congressSessions.termId, f.termId) : undefined,
    f.regionCode ? like(congressSessions.regionCode, `${f.regionCode}%`) : undefined,
    f.openOn ? and(lte(congressSessions.opensOn, f.openOn), gte(congressSessions.closesOn, f.openOn)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ session: congressSessions, termNumber: congressTerms.number, congressName: congresses.name })
      .from(congressSessions)
      .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
      .innerJoin(congresses, eq(congresses.id, congressSessions.congressId))
      .where(where)
      .orderBy(desc(congressSessions.opensOn), asc(congressSessions.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(congressSessions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
