import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/platform.tables.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { regions } from '../regions/regions.tables.js';
import { stationMembers, stations } from '../stations/stations.tables.js';
import { opinionCategories } from './opinions.tables.js';

/**
 * The SQL that looks up who and what a case refers to: its station and the deputies grouped into it,
 * the deputy behind an account, the handling units, the category and the region.
 */

const stationColumns = {
  id: stations.id,
  code: stations.code,
  name: stations.name,
  regionCode: stations.regionCode,
  status: stations.status,
};

export async function findStation(db: Executor, id: string) {
  const [row] = await db.select(stationColumns).from(stations).where(eq(stations.id, id));
  return row;
}

export function stationsByIds(db: Executor, ids: readonly string[]) {
  return db
    .select(stationColumns)
    .from(stations)
    .where(inArray(stations.id, [...ids]));
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return !!row;
}

const categoryColumns = {
  id: opinionCategories.id,
  code: opinionCategories.code,
  name: opinionCategories.name,
  nameEn: opinionCategories.nameEn,
  active: opinionCategories.active,
};

export async function findCategory(db: Executor, id: string) {
  const [row] = await db.select(categoryColumns).from(opinionCategories).where(eq(opinionCategories.id, id));
  return row;
}

export function categoriesByIds(db: Executor, ids: readonly string[]) {
  return db
    .select(categoryColumns)
    .from(opinionCategories)
    .where(inArray(opinionCategories.id, [...ids]));
}

/** The mandates of the person behind a deputy account (a person may be a deputy at several levels). */
export async function deputyIdsOfPerson(db: Executor, personId: string | null): Promise<string[]> {
  if (!personId) return [];
  const rows = await db.select({ id: deputies.id }).from(deputies).where(eq(deputies.personId, personId));
  return rows.map((r) => r.id);
}

/** The stations any of these mandates are grouped into. */
export async function stationIdsOfDeputies(db: Executor, deputyIds: string[]): Promise<string[]> {
  if (deputyIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ stationId: stationMembers.stationId })
    .from(stationMembers)
    .where(inArray(stationMembers.deputyId, deputyIds));
  return rows.map((r) => r.stationId);
}

/** Which of the given mandates are members of the station. */
export async function membersAmong(db: Executor, stationId: string, deputyIds: string[]): Promise<string[]> {
  if (deputyIds.length === 0) return [];
  const rows = await db
    .select({ deputyId: stationMembers.deputyId })
    .from(stationMembers)
    .where(and(eq(stationMembers.stationId, stationId), inArray(stationMembers.deputyId, deputyIds)));
  return rows.map((r) => r.deputyId);
}

/** The serving deputy who heads the station: the default first responsible person for its cases. */
export async function stationHead(db: Executor, stationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ deputyId: stationMembers.deputyId })
    .from(stationMembers)
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .where(and(eq(stationMembers.stationId, stationId), eq(stationMembers.role, 'head'), eq(deputies.status, 'serving')))
    .orderBy(asc(stationMembers.createdAt))
    .limit(1);
  return row?.deputyId;
}

/** The heads of several stations (as stationHead, each the longest serving), in one statement. */
export async function stationHeads(db: Executor, stationIds: string[]): Promise<Map<string, string>> {
  if (stationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([stationMembers.stationId], { stationId: stationMembers.stationId, deputyId: stationMembers.deputyId })
    .from(stationMembers)
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .where(and(inArray(stationMembers.stationId, stationIds), eq(stationMembers.role, 'head'), eq(deputies.status, 'serving')))
    .orderBy(stationMembers.stationId, asc(stationMembers.createdAt));
  return new Map(rows.map((r) => [r.stationId, r.deputyId]));
}

export async function findDeputy(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: deputies.id,
      status: deputies.status,
      regionCode: deputies.regionCode,
      name: persons.name,
      personId: deputies.personId,
    })
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(eq(deputies.id, id));
  return row;
}

export async function deputyNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: deputies.id, name: persons.name })
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(inArray(deputies.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOrganizations(db: Executor, ids: string[]) {
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
    .where(inArray(organizations.id, ids));
}

export async function organizationNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await findOrganizations(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function regionName(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? null;
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
