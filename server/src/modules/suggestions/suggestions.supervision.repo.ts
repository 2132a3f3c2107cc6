import { and, asc, count, desc, eq, ilike, inArray, like, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/platform.tables.js';
import { isPinyinQuery, likeEscape } from '../../platform/text.js';
import { organizations } from '../organizations/organizations.tables.js';
import { initialsVariants } from '../regions/regions.search.js';
import { regions } from '../regions/regions.tables.js';
import { suggestionAssignments } from './suggestions.handling.tables.js';
import {
  suggestionKeyItems,
  suggestionProgressReports,
  suggestionSupervisionTopics,
  suggestionUrgings,
} from './suggestions.supervision.tables.js';
import { suggestions } from './suggestions.tables.js';

/** All SQL of key supervision: topics, key items, progress reports and urgings. */

export type TopicRow = typeof suggestionSupervisionTopics.$inferSelect;
export type TopicInsert = typeof suggestionSupervisionTopics.$inferInsert;
export type KeyItemRow = typeof suggestionKeyItems.$inferSelect;
export type ProgressReportRow = typeof suggestionProgressReports.$inferSelect;
export type UrgingRow = typeof suggestionUrgings.$inferSelect;
export type AssignmentRow = typeof suggestionAssignments.$inferSelect;

/** Assignments that still count: a returned or withdrawn one is history. */
const live = notInArray(suggestionAssignments.status, ['returned', 'withdrawn']);

export async function findTopic(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<TopicRow | undefined> {
  const q = db.select().from(suggestionSupervisionTopics).where(eq(suggestionSupervisionTopics.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertTopic(db: Executor, values: TopicInsert): Promise<TopicRow> {
  const [row] = await db.insert(suggestionSupervisionTopics).values(values).returning();
  if (!row) throw new Error('topic not inserted');
  return row;
}

/** Guarded by the version the editor read, so two editors do not overwrite each other unseen. */
export async function updateTopicGuarded(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<TopicInsert, 'id' | 'version'>>,
  at: Date,
): Promise<TopicRow | undefined> {
  const [row] = await db
    .update(suggestionSupervisionTopics)
    .set({ ...set, version: sql`${suggestionSupervisionTopics.version} + 1`, updatedAt: at })
    .where(and(eq(suggestionSupervisionTopics.id, id), eq(suggestionSupervisionTopics.version, version)))
    .returning();
  return row;
}

export async function listTopics(db: Executor, where: SQL | undefined) {
  return db
    .select({
      topic: suggestionSupervisionTopics,
      items: sql<number>`(SELECT count(*)::int FROM suggestion_key_items k WHERE k.topic_id = suggestion_supervision_topics.id)`,
    })
    .from(suggestionSupervisionTopics)
    .where(where)
    .orderBy(desc(suggestionSupervisionTopics.year), asc(suggestionSupervisionTopics.name))
    .limit(500);
}

export async function findUserBrief(db: Executor, id: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, regionCode: users.regionCode, status: users.status, name: users.displayName })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

export async function findKeyItem(db: Executor, suggestionId: string): Promise<KeyItemRow | undefined> {
  const [row] = await db.select().from(suggestionKeyItems).where(eq(suggestionKeyItems.suggestionId, suggestionId));
  return row;
}

/** Marks the suggestion key, or changes its topic and note; the caller holds the suggestion's lock. */
export async function upsertKeyItem(
  db: Executor,
  v: { suggestionId: string; regionCode: string; topicId: string | null; note: string | null; markedBy: string; at: Date },
): Promise<KeyItemRow> {
  const [row] = await db
    .insert(suggestionKeyItems)
    .values({
      suggestionId: v.suggestionId,
      regionCode: v.regionCode,
      topicId: v.topicId,
      note: v.note,
      markedBy: v.markedBy,
      markedAt: v.at,
      updatedAt: v.at,
    })
    .onConflictDoUpdate({
      target: suggestionKeyItems.suggestionId,
      set: { topicId: v.topicId, note: v.note, version: sql`${suggestionKeyItems.version} + 1`, updatedAt: v.at },
    })
    .returning();
  if (!row) throw new Error('key item not written');
  return row;
}

export async function deleteKeyItem(db: Executor, suggestionId: string): Promise<KeyItemRow | undefined> {
  const [row] = await db.delete(suggestionKeyItems).where(eq(suggestionKeyItems.suggestionId, suggestionId)).returning();
  return row;
}

export async function findAssignment(db: Executor, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(suggestionAssignments).where(eq(suggestionAssignments.id, id));
  return row;
}

/** The live assignments of suggestions, latest round first within each. */
export async function liveAssignmentsOf(db: Executor, suggestionIds: readonly string[]): Promise<AssignmentRow[]> {
  if (suggestionIds.length === 0) return [];
  return db
    .select()
    .from(suggestionAssignments)
    .where(and(inArray(suggestionAssignments.suggestionId, [...suggestionIds]), live))
    .orderBy(
      desc(suggestionAssignments.round),
      sql`CASE ${suggestionAssignments.role} WHEN 'lead' THEN 0 WHEN 'joint' THEN 1 WHEN 'separate' THEN 2 ELSE 3 END`,
      asc(suggestionAssignments.assignedAt),
    );
}

export async function insertProgressReport(db: Executor, values: typeof suggestionProgressReports.$inferInsert) {
  const [row] = await db.insert(suggestionProgressReports).values(values).returning();
  if (!row) throw new Error('progress report not inserted');
  return row;
}

/** A suggestion's reports, newest first; a unit's view is limited to its own. */
export async function listProgressReports(db: Executor, suggestionId: string, unitId: string | null) {
  return db
    .select()
    .from(suggestionProgressReports)
    .where(
      and(
        eq(suggestionProgressReports.suggestionId, suggestionId),
        unitId ? eq(suggestionProgressReports.unitId, unitId) : undefined,
      ),
    )
    .orderBy(desc(suggestionProgressReports.reportedOn), desc(suggestionProgressReports.createdAt))
    .limit(500);
}

/** The newest report of each suggestion. */
export async function lastReports(db: Executor, suggestionIds: readonly string[]) {
  if (suggestionIds.length === 0) return new Map<string, ProgressReportRow>();
  const rows = await db
    .selectDistinctOn([suggestionProgressReports.suggestionId])
    .from(suggestionProgressReports)
    .where(inArray(suggestionProgressReports.suggestionId, [...suggestionIds]))
    .orderBy(
      suggestionProgressReports.suggestionId,
      desc(suggestionProgressReports.reportedOn),
      desc(suggestionProgressReports.createdAt),
    );
  return new Map(rows.map((r) => [r.suggestionId, r]));
}

export async function insertUrging(db: Executor, values: typeof suggestionUrgings.$inferInsert): Promise<UrgingRow> {
  const [row] = await db.insert(suggestionUrgings).values(values).returning();
  if (!row) throw new Error('urging not inserted');
  return row;
}

export async function urgeCounts(db: Executor, assignmentIds: readonly string[]): Promise<Map<string, number>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: suggestionUrgings.assignmentId, n: count() })
    .from(suggestionUrgings)
    .where(inArray(suggestionUrgings.assignmentId, [...assignmentIds]))
    .groupBy(suggestionUrgings.assignmentId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Urgings, newest first, with the suggestion's title; the caller's filter says whose. */
export async function listUrgings(db: Executor, where: SQL | undefined, page: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ urging: suggestionUrgings, title: suggestions.title, dueAt: suggestionAssignments.dueAt })
      .from(suggestionUrgings)
      .innerJoin(suggestions, eq(suggestions.id, suggestionUrgings.suggestionId))
      .innerJoin(suggestionAssignments, eq(suggestionAssignments.id, suggestionUrgings.assignmentId))
      .where(where)
      .orderBy(desc(suggestionUrgings.urgedAt), desc(suggestionUrgings.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(suggestionUrgings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Key items with their suggestion and topic. The filter comes from the caller: the region subtree,
 * a year, a topic, or the topics a leader supervises.
 */
export async function listKeyItems(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select({ item: suggestionKeyItems, suggestion: suggestions, topic: suggestionSupervisionTopics })
    .from(suggestionKeyItems)
    .innerJoin(suggestions, eq(suggestions.id, suggestionKeyItems.suggestionId))
    .leftJoin(suggestionSupervisionTopics, eq(suggestionSupervisionTopics.id, suggestionKeyItems.topicId))
    .where(where)
    .orderBy(asc(suggestions.dueAt), desc(suggestionKeyItems.markedAt))
    .limit(limit);
}

/** The key items among a congress's suggestions first submitted in the year (China time). */
export const keyItemsOfCongressYear = (db: Executor, congressId: string, year: number) =>
  listKeyItems(
    db,
    and(
      eq(suggestions.congressId, congressId),
      sql`extract(year FROM ${suggestions.submittedAt} AT TIME ZONE 'Asia/Shanghai') = ${year}`,
    ),
    500,
  );

/**
 * Active leader accounts under the caller's filter; for a congress, those whose region covers it (the
 * rule of assertSupervisingLeader). Few per region, so the caller searches them by name itself.
 */
export async function leaderAccounts(db: Executor, scope: SQL | undefined, congressRegion: string | null) {
  return db
    .select({
      id: users.id,
      name: users.displayName,
      username: users.username,
      regionCode: users.regionCode,
      regionName: regions.name,
    })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(
      and(
        eq(users.role, 'leader'),
        eq(users.status, 'active'),
        scope,
        congressRegion === null ? undefined : sql`${congressRegion} LIKE ${users.regionCode} || '%'`,
      ),
    )
    .orderBy(asc(users.regionCode), asc(users.displayName))
    .limit(500);
}

/** Active special committees under the caller's filter; for a congress, its own (assertSupervisingCommittee). */
export async function specialCommittees(db: Executor, scope: SQL | undefined, congressRegion: string | null, q?: string) {
  const lower = q?.replace(/[\s']/g, '').toLowerCase() ?? '';
  const pinyin = isPinyinQuery(lower)
    ? [
        like(organizations.namePinyin, `%${likeEscape(lower)}%`),
        ...initialsVariants(lower).map((v) => like(organizations.nameInitials, `%${likeEscape(v)}%`)),
      ]
    : [];
  const search = q
    ? or(ilike(organizations.name, `%${likeEscape(q)}%`), ilike(organizations.shortName, `%${likeEscape(q)}%`), ...pinyin)
    : undefined;
  return db
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode, regionName: regions.name })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .where(
      and(
        eq(organizations.kind, 'special_committee'),
        eq(organizations.status, 'active'),
        scope,
        congressRegion === null ? undefined : eq(organizations.regionCode, congressRegion),
        search,
      ),
    )
    .orderBy(asc(organizations.regionCode), asc(organizations.namePinyin))
    .limit(50);
}
