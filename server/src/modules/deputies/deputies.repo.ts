import { and, asc, count, desc, eq, exists, inArray, like, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { insertRecordset } from '../../db/recordset.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { files } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { COUNTY_CODE_LENGTH, regions } from '../regions/regions.tables.js';
import { stationMembers, stations } from '../stations/stations.tables.js';
import type { DeputyFilter } from './deputies.schema.js';
import { orderOf, type SearchOptions, searchCondition, searchPage } from './deputies.search.js';
import { type DeputyLevel, deputies, persons } from './deputies.tables.js';

const region = alias(regions, 'region');
const congressRegion = alias(regions, 'congress_region');

/** One mandate joined with its person, as lists, details and exports show it. */
const deputyRow = {
  id: deputies.id,
  personId: deputies.personId,
  name: persons.name,
  namePinyin: persons.namePinyin,
  gender: persons.gender,
  ethnicity: persons.ethnicity,
  birthDate: persons.birthDate,
  party: persons.party,
  education: persons.education,
  occupationCategory: persons.occupationCategory,
  occupation: persons.occupation,
  phoneMasked: persons.phoneMasked,
  idNumberMasked: persons.idNumberMasked,
  hasPhoto: sql<boolean>`(${persons.photoFileId} IS NOT NULL)`,
  level: deputies.level,
  term: deputies.term,
  congressRegionCode: deputies.congressRegionCode,
  congressRegionName: congressRegion.name,
  regionCode: deputies.regionCode,
  regionName: region.name,
  delegation: deputies.delegation,
  constituency: deputies.constituency,
  deputyGroup: deputies.deputyGroup,
  status: deputies.status,
  startedOn: deputies.startedOn,
  endedOn: deputies.endedOn,
  statusChangedOn: deputies.statusChangedOn,
  createdAt: deputies.createdAt,
  updatedAt: deputies.updatedAt,
};

function selectDeputyRows(db: Executor) {
  return db
    .select(deputyRow)
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .leftJoin(region, eq(region.code, deputies.regionCode))
    .leftJoin(congressRegion, eq(congressRegion.code, deputies.congressRegionCode));
}

/** The list's WHERE: the filters, always inside the account's subtree. */
export function deputyWhere(
  user: SessionUser,
  f: DeputyFilter,
  opts: SearchOptions,
): { where: SQL | undefined; needsPerson: boolean; searching: boolean } {
  const conds: (SQL | undefined)[] = [scopeFilter(user, deputies.regionCode)];
  if (f.regionCode) conds.push(like(deputies.regionCode, `${f.regionCode}%`));
  if (f.level?.length) conds.push(f.level.length === 1 ? eq(deputies.level, f.level[0]!) : inArray(deputies.level, f.level));
  if (f.status?.length)
    conds.push(f.status.length === 1 ? eq(deputies.status, f.status[0]!) : inArray(deputies.status, f.status));
  if (f.term !== undefined) conds.push(eq(deputies.term, f.term));
  if (f.delegation) conds.push(eq(deputies.delegation, f.delegation));
  if (f.deputyGroup) conds.push(eq(deputies.deputyGroup, f.deputyGroup));
  if (f.stationId) {
    conds.push(
      exists(
        sql`(SELECT 1 FROM ${stationMembers} WHERE ${stationMembers.stationId} = ${f.stationId} AND ${stationMembers.deputyId} = ${deputies.id})`,
      ),
    );
  }
  let needsPerson = false;
  if (f.gender) conds.push(eq(persons.gender, f.gender));
  if (f.party) conds.push(eq(persons.party, f.party));
  if (f.gender || f.party) needsPerson = true;
  const search = f.q ? searchCondition(f.q, opts) : undefined;
  if (search) {
    conds.push(search.where);
    needsPerson ||= search.onPerson;
  }
  const all = conds.filter((c): c is SQL => c !== undefined);
  return { where: all.length ? and(...all) : undefined, needsPerson, searching: !!search };
}

export async function listDeputies(
  db: Executor,
  user: SessionUser,
  f: DeputyFilter & { page: number; pageSize: number },
  opts: SearchOptions,
) {
  const { where, needsPerson, searching } = deputyWhere(user, f, opts);
  const offset = (f.page - 1) * f.pageSize;
  // A county's deputies (a few thousand at most) are found first and then ordered, as a search's
  // are: PostgreSQL would otherwise walk the name-order index of the whole province's deputies and
  // read some 11,000 of them for a county's second page (measured 7–13 ms against under 1).
  const narrow = Math.max(f.regionCode?.length ?? 0, user.regionCode.length) >= COUNTY_CODE_LENGTH;
  if (searching || narrow) {
    const { ids, total } = await searchPage(db, where, needsPerson, { sort: f.sort, limit: f.pageSize, offset });
    return { items: await deputyRowsByIds(db, ids), total };
  }
  const counted = needsPerson
    ? db.select({ n: count() }).from(deputies).innerJoin(persons, eq(persons.id, deputies.personId)).where(where)
    : db.select({ n: count() }).from(deputies).where(where);
  const [items, [total]] = await Promise.all([
    selectDeputyRows(db)
      .where(where)
      .orderBy(...orderOf(f.sort))
      .limit(f.pageSize)
      .offset(offset),
    counted,
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every matching mandate id in list order: exports then read the rows in chunks. */
export async function listDeputyIds(db: Executor, user: SessionUser, f: DeputyFilter, opts: SearchOptions): Promise<string[]> {
  const { where } = deputyWhere(user, f, opts);
  const rows = await db
    .select({ id: deputies.id })
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(where)
    .orderBy(...orderOf(f.sort));
  return rows.map((r) => r.id);
}

export async function deputyRowsByIds(db: Executor, ids: string[]): Promise<DeputyRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectDeputyRows(db).where(inArray(deputies.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is DeputyRow => r !== undefined);
}

export async function findDeputyRow(db: Executor, id: string) {
  const [row] = await selectDeputyRows(db).where(eq(deputies.id, id));
  return row;
}
export type DeputyRow = NonNullable<Awaited<ReturnType<typeof findDeputyRow>>>;

export async function otherMandates(db: Executor, personId: string, exceptId: string) {
  return db
    .select({
      id: deputies.id,
      level: deputies.level,
      term: deputies.term,
      congressRegionCode: deputies.congressRegionCode,
      congressRegionName: congressRegion.name,
      regionCode: deputies.regionCode,
      regionName: region.name,
      status: deputies.status,
    })
    .from(deputies)
    .leftJoin(region, eq(region.code, deputies.regionCode))
    .leftJoin(congressRegion, eq(congressRegion.code, deputies.congressRegionCode))
    .where(and(eq(deputies.personId, personId), ne(deputies.id, exceptId)))
    .orderBy(deputies.levelRank, desc(deputies.term));
}

/** The stations the person is grouped into, through any of their mandates. */
export async function stationsOfPerson(db: Executor, personId: string) {
  return db
    .select({
      id: stations.id,
      code: stations.code,
      name: stations.name,
      role: stationMembers.role,
      deputyId: stationMembers.deputyId,
    })
    .from(stationMembers)
    .innerJoin(stations, eq(stations.id, stationMembers.stationId))
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .where(eq(deputies.personId, personId))
    .orderBy(asc(stations.code));
}

export async function findMandate(db: Executor, id: string) {
  const [row] = await db.select().from(deputies).where(eq(deputies.id, id));
  return row;
}

export async function findPerson(db: Executor, id: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersonByIdHash(db: Executor, hash: string) {
  const [row] = await db.select().from(persons).where(eq(persons.idNumberHash, hash));
  return row;
}

export async function personsByIdHashes(db: Executor, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db.select().from(persons).where(inArray(persons.idNumberHash, hashes));
}

/** (person, level, congress, term) of the given persons' mandates: the key a mandate is unique by. */
export async function mandateKeysOfPersons(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: deputies.personId,
      level: deputies.level,
      congressRegionCode: deputies.congressRegionCode,
      term: deputies.term,
    })
    .from(deputies)
    .where(inArray(deputies.personId, personIds));
}

export async function mandateExists(
  db: Executor,
  key: { personId: string; level: DeputyLevel; congressRegionCode: string; term: number },
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: deputies.id })
    .from(deputies)
    .where(
      and(
        eq(deputies.personId, key.personId),
        eq(deputies.level, key.level),
        eq(deputies.congressRegionCode, key.congressRegionCode),
        eq(deputies.term, key.term),
        exceptId ? ne(deputies.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  isGrouping: boolean;
}

export async function regionsByCodes(db: Executor, codes: string[]): Promise<Map<string, RegionInfo>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, isGrouping: regions.isGrouping })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Every region of a subtree ('' = the country), for resolving the names typed in a roster. */
export async function regionsUnder(db: Executor, scope: string): Promise<RegionInfo[]> {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, isGrouping: regions.isGrouping })
    .from(regions)
    .where(scope ? like(regions.code, `${scope}%`) : undefined);
}

export type NewPerson = typeof persons.$inferInsert;
export type NewMandate = typeof deputies.$inferInsert;

export async function insertPerson(tx: Executor, values: NewPerson) {
  const [row] = await tx.insert(persons).values(values).returning();
  return row!;
}

export async function insertMandate(tx: Executor, values: NewMandate) {
  const [row] = await tx.insert(deputies).values(values).returning();
  return row!;
}

export const insertPersons = (tx: Executor, rows: NewPerson[]) => insertRecordset(tx, persons, rows);
export const insertMandates = (tx: Executor, rows: NewMandate[]) => insertRecordset(tx, deputies, rows);

export async function updatePerson(tx: Executor, id: string, values: Partial<NewPerson>) {
  const [row] = await tx
    .update(persons)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning();
  return row!;
}

export async function updateMandate(tx: Executor, id: string, values: Partial<NewMandate>) {
  const [row] = await tx
    .update(deputies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(deputies.id, id))
    .returning();
  return row!;
}

export async function findFile(db: Executor, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

export async function insertFile(tx: Executor, values: typeof files.$inferInsert) {
  const [row] = await tx.insert(files).values(values).returning({ id: files.id });
  return row!;
}

export async function deleteFile(tx: Executor, id: string) {
  await tx.delete(files).where(eq(files.id, id));
}
