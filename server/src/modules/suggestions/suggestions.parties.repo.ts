import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/platform.tables.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { suggestionAssignments } from './suggestions.handling.tables.js';
import { suggestionCategories, suggestionCosigners } from './suggestions.tables.js';

/** The SQL that looks up the people and bodies a suggestion refers to: mandates, units, committees. */

export type MandateRow = Awaited<ReturnType<typeof mandatesByIds>>[number];

const mandateColumns = {
  id: deputies.id,
  personId: deputies.personId,
  name: persons.name,
  level: deputies.level,
  congressRegionCode: deputies.congressRegionCode,
  regionCode: deputies.regionCode,
  term: deputies.term,
  status: deputies.status,
  delegation: deputies.delegation,
};

/** Mandates with the person's name, in the order asked. */
export async function mandatesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(mandateColumns)
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(inArray(deputies.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The mandates of the person behind a deputy account (a person may be a deputy at several levels). */
export async function mandatesOfPerson(db: Executor, personId: string | null) {
  if (!personId) return [];
  return db
    .select(mandateColumns)
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(eq(deputies.personId, personId))
    .orderBy(asc(deputies.levelRank), asc(deputies.term));
}

export async function deputyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await mandatesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findCategory(db: Executor, id: string) {
  const [row] = await db.select().from(suggestionCategories).where(eq(suggestionCategories.id, id));
  return row;
}

export const listCategories = (db: Executor) =>
  db
    .select()
    .from(suggestionCategories)
    .where(eq(suggestionCategories.active, true))
    .orderBy(asc(suggestionCategories.sortOrder));

export async function findOrganization(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      regionCode: organizations.regionCode,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

export async function organizationNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The answer of the first of these mandates that was invited to co-sign. */
export async function cosignerAmong(db: Executor, suggestionId: string, deputyIds: string[]) {
  if (deputyIds.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(suggestionCosigners)
    .where(and(eq(suggestionCosigners.suggestionId, suggestionId), inArray(suggestionCosigners.deputyId, deputyIds)))
    .limit(1);
  return row;
}

export async function isAssignedUnit(db: Executor, suggestionId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: suggestionAssignments.id })
    .from(suggestionAssignments)
    .where(and(eq(suggestionAssignments.suggestionId, suggestionId), eq(suggestionAssignments.unitId, unitId)))
    .limit(1);
  return !!row;
}
