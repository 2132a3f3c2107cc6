import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { notFound } from '../../platform/errors.js';
import { users } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { isPinyinQuery, toInitials, toPinyin } from '../../platform/text.js';
import { organizations } from '../organizations/organizations.tables.js';
import { initialsVariants } from '../regions/regions.search.js';
import { findCongress } from './congresses.repo.js';
import { REPLYING_ROLES } from './suggestions.assignment.workflow.js';
import { organizationNames, userNames } from './suggestions.parties.repo.js';
import { assertMayView, suggestionFacts } from './suggestions.policy.js';
import { findSuggestion, type SuggestionRow } from './suggestions.repo.js';
import { assertSupervises, isSupervisor } from './suggestions.supervision.policy.js';
import {
  type KeyItemRow,
  lastReports,
  leaderAccounts,
  listKeyItems,
  listTopics,
  listUrgings,
  liveAssignmentsOf,
  type ProgressReportRow,
  specialCommittees,
  type TopicRow,
  urgeCounts,
} from './suggestions.supervision.repo.js';
import type { KeyItemView, ProgressReportView, SupervisorList, TopicItem, UrgingView } from './suggestions.supervision.schema.js';
import { suggestionKeyItems, suggestionSupervisionTopics, suggestionUrgings } from './suggestions.supervision.tables.js';
import { suggestions } from './suggestions.tables.js';

/** The views of key supervision: each key item with its progress, topics, progress reports. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const OPEN_ASSIGNMENT = ['pending', 'handling', 'return_requested'];

interface KeyRow {
  item: KeyItemRow;
  suggestion: SuggestionRow;
  topic: TopicRow | null;
}

/** Each key item's progress: its units, the due date still ahead, overdue, urgings, the last report. */
export async function keyItemViews(db: Executor, rows: readonly KeyRow[], now: Date): Promise<z.infer<typeof KeyItemView>[]> {
  const ids = rows.map((r) => r.suggestion.id);
  const assignments = await liveAssignmentsOf(db, ids);
  const [units, counts, reports] = await Promise.all([
    organizationNames(
      db,
      assignments.map((a) => a.unitId),
    ),
    urgeCounts(
      db,
      assignments.map((a) => a.id),
    ),
    lastReports(db, ids),
  ]);
  return rows.map(({ item, suggestion: s, topic }) => {
    // Only the latest round counts: a re-handled suggestion is judged on its second round.
    const mine = assignments.filter((a) => a.suggestionId === s.id);
    const round = Math.max(0, ...mine.map((a) => a.round));
    const current = mine.filter((a) => a.round === round);
    const open = current.filter((a) => REPLYING_ROLES.includes(a.role) && OPEN_ASSIGNMENT.includes(a.status));
    const due = open.length > 0 ? new Date(Math.min(...open.map((a) => a.dueAt.getTime()))) : s.dueAt;
    const overdue = s.overdue || current.some((a) => a.overdue) || open.some((a) => a.dueAt.getTime() < now.getTime());
    const last = reports.get(s.id);
    return {
      suggestionId: s.id,
      number: s.number,
      title: s.title,
      state: s.state,
      topic: topic ? { id: topic.id, name: topic.name, year: topic.year } : null,
      note: item.note,
      markedAt: item.markedAt.toISOString(),
      units: current.map((a) => ({
        id: a.id,
        unit: { id: a.unitId, name: units.get(a.unitId) ?? '—' },
        role: a.role,
        round: a.round,
        status: a.status,
        dueAt: a.dueAt.toISOString(),
        overdue: a.overdue || (OPEN_ASSIGNMENT.includes(a.status) && a.dueAt.getTime() < now.getTime()),
        repliedAt: iso(a.repliedAt),
        urgeCount: counts.get(a.id) ?? 0,
      })),
      dueAt: iso(due),
      overdue,
      urgeCount: current.reduce((n, a) => n + (counts.get(a.id) ?? 0), 0),
      lastReport: last ? { reportedOn: last.reportedOn, text: last.text, side: last.side } : null,
      version: item.version,
    };
  });
}

const KEY_ITEM_LIMIT = 1000;

/** Key items in the account's region, by year (of the suggestion's first submission, China time) and topic. */
export async function keyItemsFor(
  db: Executor,
  user: SessionUser,
  q: { year?: number; topicId?: string; mine?: boolean },
  now: Date,
) {
  const conditions: (SQL | undefined)[] = [scopeFilter(user, suggestionKeyItems.regionCode)];
  if (q.year) conditions.push(sql`extract(year FROM ${suggestions.submittedAt} AT TIME ZONE 'Asia/Shanghai') = ${q.year}`);
  if (q.topicId) conditions.push(eq(suggestionKeyItems.topicId, q.topicId));
  if (q.mine) conditions.push(or(eq(suggestionSupervisionTopics.leaderId, user.id), eq(suggestionKeyItems.markedBy, user.id)));
  const rows = await listKeyItems(db, and(...conditions), KEY_ITEM_LIMIT);
  return keyItemViews(db, rows, now);
}

export async function keyItemOf(db: Executor, suggestionId: string, now: Date) {
  const rows = await listKeyItems(db, eq(suggestionKeyItems.suggestionId, suggestionId), 1);
  return (await keyItemViews(db, rows, now))[0] ?? null;
}

export async function topicItems(db: Executor, topics: readonly (TopicRow & { itemCount: number })[]) {
  const names = await userNames(
    db,
    topics.flatMap((t) => (t.leaderId ? [t.leaderId] : [])),
  );
  const committees = await organizationNames(
    db,
    topics.flatMap((t) => (t.committeeId ? [t.committeeId] : [])),
  );
  return topics.map(
    (t): z.infer<typeof TopicItem> => ({
      id: t.id,
      congressId: t.congressId,
      regionCode: t.regionCode,
      year: t.year,
      name: t.name,
      description: t.description,
      leader: t.leaderId ? { id: t.leaderId, name: names.get(t.leaderId) ?? '—' } : null,
      committee: t.committeeId ? { id: t.committeeId, name: committees.get(t.committeeId) ?? '—' } : null,
      itemCount: t.itemCount,
      version: t.version,
    }),
  );
}

export async function itemCountOf(db: Executor, topicId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestionKeyItems)
    .where(eq(suggestionKeyItems.topicId, topicId));
  return row?.n ?? 0;
}

export async function reportViews(
  db: Executor,
  rows: readonly ProgressReportRow[],
): Promise<z.infer<typeof ProgressReportView>[]> {
  const [units, authors] = await Promise.all([
    organizationNames(
      db,
      rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
    ),
    userNames(
      db,
      rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    suggestionId: r.suggestionId,
    side: r.side,
    assignmentId: r.assignmentId,
    unit: r.unitId ? { id: r.unitId, name: units.get(r.unitId) ?? '—' } : null,
    reportedOn: r.reportedOn,
    text: r.text,
    authorName: r.createdBy ? (authors.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Topics in the account's region subtree, by year and congress, with how many key items each holds. */
export async function topicsFor(db: Executor, user: SessionUser, q: { year?: number; congressId?: string }) {
  const rows = await listTopics(
    db,
    and(
      scopeFilter(user, suggestionSupervisionTopics.regionCode),
      q.year ? eq(suggestionSupervisionTopics.year, q.year) : undefined,
      q.congressId ? eq(suggestionSupervisionTopics.congressId, q.congressId) : undefined,
    ),
  );
  return topicItems(
    db,
    rows.map((r) => ({ ...r.topic, itemCount: r.items })),
  );
}

/** A topic with its key items and their progress. */
export async function topicDetail(db: Executor, user: SessionUser, topic: TopicRow, now: Date) {
  const items = await keyItemsFor(db, user, { topicId: topic.id }, now);
  const [item] = await topicItems(db, [{ ...topic, itemCount: items.length }]);
  return { ...(item as z.infer<typeof TopicItem>), items };
}

/** A suggestion the account may open, read without a lock (404 unknown, 403 not theirs to see). */
export async function visibleSuggestion(db: Executor, user: SessionUser, id: string): Promise<SuggestionRow> {
  const row = await findSuggestion(db, id);
  if (!row) throw notFound('建议', 'Suggestion');
  assertMayView(await suggestionFacts(db, user, row), row);
  return row;
}

/** Urgings: a unit's own, or those of the supervising account's region; optionally of one suggestion. */
export async function urgingsFor(
  db: Executor,
  user: SessionUser,
  q: { suggestionId?: string; urgingId?: string; page: number; pageSize: number },
): Promise<{ items: z.infer<typeof UrgingView>[]; total: number }> {
  if (!isSupervisor(user) && !user.organizationId) return { items: [], total: 0 };
  const where = and(
    isSupervisor(user)
      ? scopeFilter(user, suggestionUrgings.regionCode)
      : eq(suggestionUrgings.unitId, user.organizationId as string),
    q.suggestionId ? eq(suggestionUrgings.suggestionId, q.suggestionId) : undefined,
    q.urgingId ? eq(suggestionUrgings.id, q.urgingId) : undefined,
  );
  const { rows, total } = await listUrgings(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const [units, counts] = await Promise.all([
    organizationNames(
      db,
      rows.map((r) => r.urging.unitId),
    ),
    urgeCounts(
      db,
      rows.map((r) => r.urging.assignmentId),
    ),
  ]);
  return {
    total,
    items: rows.map(({ urging: u, title, dueAt }) => ({
      id: u.id,
      suggestionId: u.suggestionId,
      suggestionTitle: title,
      assignmentId: u.assignmentId,
      unit: { id: u.unitId, name: units.get(u.unitId) ?? '—' },
      note: u.note,
      urgedAt: u.urgedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      count: counts.get(u.assignmentId) ?? 1,
    })),
  };
}

const LEADER_LIMIT = 50;

/** A leader's name found by a substring, the account name, or (typed in Latin letters) pinyin and initials. */
function nameMatches(q: string, name: string, username: string): boolean {
  const lower = q.replace(/[\s']/g, '').toLowerCase();
  if (name.includes(q) || username.toLowerCase().includes(lower)) return true;
  if (!isPinyinQuery(lower)) return false;
  const initials = toInitials(name);
  return toPinyin(name).includes(lower) || initialsVariants(lower).some((v) => initials.includes(v));
}

/**
 * Who may supervise a topic, for the office and leaders to pick from: the leader accounts and special
 * committees of the account's region subtree, narrowed for a congress to those its topics accept.
 */
export async function supervisorsFor(
  db: Executor,
  user: SessionUser,
  q: { congressId?: string; q?: string },
): Promise<z.infer<typeof SupervisorList>> {
  let congressRegion: string | null = null;
  if (q.congressId) {
    const congress = await findCongress(db, q.congressId);
    if (!congress) throw notFound('人大', 'Congress');
    assertSupervises(user, congress.regionCode);
    congressRegion = congress.regionCode;
  }
  const [leaders, committees] = await Promise.all([
    leaderAccounts(db, scopeFilter(user, users.regionCode), congressRegion),
    specialCommittees(db, scopeFilter(user, organizations.regionCode), congressRegion, q.q),
  ]);
  const search = q.q;
  return {
    leaders: (search ? leaders.filter((l) => nameMatches(search, l.name, l.username)) : leaders)
      .slice(0, LEADER_LIMIT)
      .map(({ username: _username, ...l }) => l),
    committees,
  };
}
