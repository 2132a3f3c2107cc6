import { and, asc, count, eq, getTableColumns, ilike, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { offsetOf } from '../../platform/http.js';
import { users } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { isPinyinQuery, likeEscape } from '../../platform/text.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { regions } from '../regions/regions.tables.js';
import type { StationQuery } from './stations.schema.js';
import { type MemberRole, stationMembers, stations } from './stations.tables.js';

export type StationRow = typeof stations.$inferSelect;
export type StationWithRegion = StationRow & { regionName: string | null };

const withRegion = { ...getTableColumns(stations), regionName: regions.name };

// ── regions ──

export async function findRegion(db: Executor, code: string) {
  const [row] = await db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, code));
  return row;
}

/** The region and its ancestors from the province down, without the 市辖区-style statistical groupings. */
export async function regionPath(db: Executor, code: string): Promise<{ code: string; name: string }[]> {
  const prefixes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  const rows = await db
    .select({ code: regions.code, name: regions.name, isGrouping: regions.isGrouping })
    .from(regions)
    .where(inArray(regions.code, prefixes));
  return rows
    .filter((r) => !r.isGrouping)
    .sort((a, b) => a.code.length - b.code.length)
    .map(({ code: c, name }) => ({ code: c, name }));
}

// ── stations ──

function searchCondition(q: string): SQL | undefined {
  const text = likeEscape(q);
  const ors: (SQL | undefined)[] = [ilike(stations.name, `%${text}%`)];
  if (/^[\d-]+$/.test(q)) ors.push(like(stations.code, `${text}%`));
  if (isPinyinQuery(q)) {
    const p = text.toLowerCase();
    ors.push(like(stations.namePinyin, `%${p}%`), like(stations.nameInitials, `%${p}%`));
  }
  return or(...ors);
}

/** A page of stations in the account's subtree, with how many deputies each has grouped into it. */
export async function listStations(db: Executor, user: Pick<SessionUser, 'regionCode'>, f: StationQuery) {
  const where = and(
    scopeFilter(user, stations.regionCode),
    f.regionCode ? like(stations.regionCode, `${f.regionCode}%`) : undefined,
    f.type ? eq(stations.type, f.type) : undefined,
    f.tier ? eq(stations.tier, f.tier) : undefined,
    f.starLevel !== undefined ? eq(stations.starLevel, f.starLevel) : undefined,
    f.status ? eq(stations.status, f.status) : undefined,
    f.q ? searchCondition(f.q) : undefined,
  );
  const memberCount = sql<number>`(SELECT count(*)::int FROM station_members m WHERE m.station_id = ${stations.id})`;
  const [items, [total]] = await Promise.all([
    db
      .select({ ...withRegion, memberCount })
      .from(stations)
      .leftJoin(regions, eq(regions.code, stations.regionCode))
      .where(where)
      .orderBy(asc(stations.code))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(stations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findStation(db: Executor, id: string): Promise<StationWithRegion | undefined> {
  const [row] = await db
    .select(withRegion)
    .from(stations)
    .leftJoin(regions, eq(regions.code, stations.regionCode))
    .where(eq(stations.id, id));
  return row;
}

export async function findStationByCode(db: Executor, code: string): Promise<StationWithRegion | undefined> {
  const [row] = await db
    .select(withRegion)
    .from(stations)
    .leftJoin(regions, eq(regions.code, stations.regionCode))
    .where(eq(stations.code, code));
  return row;
}

/** Reads the station and locks it until the transaction ends, so its members change one writer at a time. */
export async function lockStation(tx: Executor, id: string): Promise<StationRow | undefined> {
  const [row] = await tx.select().from(stations).where(eq(stations.id, id)).for('update');
  return row;
}

export async function stationCodeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: stations.id })
    .from(stations)
    .where(and(eq(stations.code, code), exceptId ? ne(stations.id, exceptId) : undefined));
  return !!row;
}

export async function insertStation(tx: Executor, values: typeof stations.$inferInsert): Promise<StationRow> {
  const [row] = await tx.insert(stations).values(values).returning();
  if (!row) throw new Error('station insert returned no row');
  return row;
}

export async function updateStation(
  tx: Executor,
  id: string,
  values: Partial<typeof stations.$inferInsert>,
): Promise<StationRow> {
  const [row] = await tx.update(stations).set(values).where(eq(stations.id, id)).returning();
  if (!row) throw new Error('station update returned no row');
  return row;
}

/** Members carry their station's region code (DESIGN §6.4): it follows the station when it moves. */
export async function moveMembersRegion(tx: Executor, stationId: string, regionCode: string): Promise<void> {
  await tx.update(stationMembers).set({ regionCode }).where(eq(stationMembers.stationId, stationId));
}

// ── members and staff ──

const roleOrder = sql`CASE ${stationMembers.role} WHEN 'head' THEN 0 WHEN 'deputy_head' THEN 1 ELSE 2 END`;
const levelOrder = sql`CASE ${deputies.level} WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'municipal' THEN 2 WHEN 'county' THEN 3 ELSE 4 END`;

const memberColumns = {
  deputyId: deputies.id,
  personId: persons.id,
  name: persons.name,
  level: deputies.level,
  term: deputies.term,
  deputyGroup: deputies.deputyGroup,
  mandateStatus: deputies.status,
  role: stationMembers.role,
  phoneMasked: persons.phoneMasked,
  joinedOn: stationMembers.joinedOn,
};

const membersWhere = (db: Executor, where: SQL | undefined) =>
  db
    .select(memberColumns)
    .from(stationMembers)
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(where);

/** The deputies grouped into a station: heads first, then by level and name. */
export async function listMembers(db: Executor, stationId: string, opts: { servingOnly?: boolean } = {}) {
  return membersWhere(
    db,
    and(eq(stationMembers.stationId, stationId), opts.servingOnly ? eq(deputies.status, 'serving') : undefined),
  ).orderBy(roleOrder, levelOrder, asc(persons.namePinyin), asc(deputies.id));
}

export type MemberView = Awaited<ReturnType<typeof listMembers>>[number];

export async function findMember(db: Executor, stationId: string, deputyId: string): Promise<MemberView | undefined> {
  const [row] = await membersWhere(db, and(eq(stationMembers.stationId, stationId), eq(stationMembers.deputyId, deputyId)));
  return row;
}

export async function findHead(db: Executor, stationId: string) {
  const [row] = await db
    .select({ deputyId: stationMembers.deputyId, name: persons.name })
    .from(stationMembers)
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(and(eq(stationMembers.stationId, stationId), eq(stationMembers.role, 'head')));
  return row;
}

export async function findDeputy(db: Executor, deputyId: string) {
  const [row] = await db
    .select({ id: deputies.id, status: deputies.status, name: persons.name })
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(eq(deputies.id, deputyId));
  return row;
}

export async function insertMember(
  tx: Executor,
  values: { stationId: string; deputyId: string; regionCode: string; role: MemberRole },
): Promise<void> {
  await tx.insert(stationMembers).values({ ...values, joinedOn: sql`CURRENT_DATE` });
}

export async function setMemberRole(tx: Executor, stationId: string, deputyId: string, role: MemberRole): Promise<void> {
  await tx
    .update(stationMembers)
    .set({ role })
    .where(and(eq(stationMembers.stationId, stationId), eq(stationMembers.deputyId, deputyId)));
}

export async function deleteMember(tx: Executor, stationId: string, deputyId: string) {
  const [row] = await tx
    .delete(stationMembers)
    .where(and(eq(stationMembers.stationId, stationId), eq(stationMembers.deputyId, deputyId)))
    .returning({ role: stationMembers.role });
  return row;
}

/** The station staff (联络员) accounts attached to the station. */
export async function listStaff(db: Executor, stationId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, status: users.status })
    .from(users)
    .where(and(eq(users.stationId, stationId), eq(users.role, 'station_staff')))
    .orderBy(asc(users.username));
}
