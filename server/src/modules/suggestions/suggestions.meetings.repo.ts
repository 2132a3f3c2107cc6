import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import {
  suggestionMeetingSuggestions as meetingSuggestions,
  suggestionCoordinationMeetings as meetings,
  suggestionMeetingUnits as meetingUnits,
  suggestionMeetingProblems as problems,
} from './suggestions.supervision.tables.js';
import { suggestions } from './suggestions.tables.js';

/** All SQL of the coordination meetings of "为代表办实事". */

export type MeetingRow = typeof meetings.$inferSelect;

export interface NewMeeting {
  meeting: typeof meetings.$inferInsert;
  unitIds: readonly string[];
  suggestionIds: readonly string[];
  problems: readonly { problem: string; result: string; suggestionId: string | null }[];
}

type MeetingParts = Omit<NewMeeting, 'meeting'>;

async function insertParts(db: Executor, meetingId: string, m: MeetingParts): Promise<void> {
  if (m.unitIds.length > 0) await db.insert(meetingUnits).values(m.unitIds.map((unitId) => ({ meetingId, unitId })));
  await db.insert(meetingSuggestions).values(m.suggestionIds.map((suggestionId) => ({ meetingId, suggestionId })));
  if (m.problems.length > 0) {
    await db.insert(problems).values(m.problems.map((p, i) => ({ meetingId, position: i + 1, ...p })));
  }
}

export async function insertMeeting(db: Executor, m: NewMeeting): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(m.meeting).returning();
  if (!row) throw new Error('meeting not inserted');
  await insertParts(db, row.id, m);
  return row;
}

/** The meeting's row locked for a correction or a deletion, so that two of them apply one after the other. */
export async function lockMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for('update');
  return row;
}

/** A corrected meeting: its own fields, and its units, suggestions and problems written anew. */
export async function replaceMeeting(
  db: Executor,
  id: string,
  set: Pick<MeetingRow, 'heldOn' | 'place' | 'attendees' | 'summary'>,
  parts: MeetingParts,
): Promise<MeetingRow> {
  const [row] = await db.update(meetings).set(set).where(eq(meetings.id, id)).returning();
  if (!row) throw new Error('meeting not updated');
  await db.delete(meetingUnits).where(eq(meetingUnits.meetingId, id));
  await db.delete(meetingSuggestions).where(eq(meetingSuggestions.meetingId, id));
  await db.delete(problems).where(eq(problems.meetingId, id));
  await insertParts(db, id, parts);
  return row;
}

/** Its units, suggestions and problems go with it (ON DELETE CASCADE). */
export async function deleteMeeting(db: Executor, id: string): Promise<void> {
  await db.delete(meetings).where(eq(meetings.id, id));
}

export async function findMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

export async function meetingParts(db: Executor, id: string) {
  const [units, discussed, settled] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(meetingUnits)
      .innerJoin(organizations, eq(organizations.id, meetingUnits.unitId))
      .where(eq(meetingUnits.meetingId, id))
      .orderBy(asc(organizations.namePinyin)),
    db
      .select({ id: suggestions.id, title: suggestions.title, number: suggestions.number })
      .from(meetingSuggestions)
      .innerJoin(suggestions, eq(suggestions.id, meetingSuggestions.suggestionId))
      .where(eq(meetingSuggestions.meetingId, id))
      .orderBy(asc(suggestions.number), asc(suggestions.title)),
    db
      .select({
        position: problems.position,
        problem: problems.problem,
        result: problems.result,
        suggestionId: problems.suggestionId,
      })
      .from(problems)
      .where(eq(problems.meetingId, id))
      .orderBy(asc(problems.position)),
  ]);
  return { units, suggestions: discussed, problems: settled };
}

export async function listMeetings(db: Executor, where: SQL | undefined) {
  return db
    .select({
      meeting: meetings,
      problemCount: sql<number>`(SELECT count(*)::int FROM suggestion_meeting_problems p WHERE p.meeting_id = suggestion_coordination_meetings.id)`,
      suggestionCount: sql<number>`(SELECT count(*)::int FROM suggestion_meeting_suggestions s WHERE s.meeting_id = suggestion_coordination_meetings.id)`,
    })
    .from(meetings)
    .where(where)
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(500);
}

/** The suggestions among these ids that belong to the congress (and were submitted). */
export async function suggestionsOfCongress(db: Executor, congressId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(
      and(inArray(suggestions.id, [...ids]), eq(suggestions.congressId, congressId), sql`${suggestions.submittedAt} IS NOT NULL`),
    );
}

/** The active handling units among these ids (not congress bodies). */
export async function unitsAmong(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organizations.id, regionCode: organizations.regionCode })
    .from(organizations)
    .where(and(inArray(organizations.id, [...ids]), eq(organizations.category, 'unit'), eq(organizations.status, 'active')));
}

/** The meetings in the account's region subtree, by year and congress. */
export function meetingsFor(db: Executor, regionScope: string, q: { year?: number; congressId?: string }) {
  return listMeetings(
    db,
    and(
      regionScope === '' ? undefined : sql`${meetings.regionCode} LIKE ${`${regionScope}%`}`,
      q.year ? sql`extract(year FROM ${meetings.heldOn}) = ${q.year}` : undefined,
      q.congressId ? eq(meetings.congressId, q.congressId) : undefined,
    ),
  );
}
