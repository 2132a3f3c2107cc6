import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/platform.tables.js';
import { deputies } from '../deputies/deputies.tables.js';
import { opinions } from './opinions.tables.js';

/** The SQL that finds whom an opinion event concerns: the accounts behind each party of a case. */

export interface Account {
  id: string;
  /** Whether an SMS can be tried: the account has a number (compose reads and checks it). */
  hasPhone: boolean;
}

const account = { id: users.id, hasPhone: sql<boolean>`${users.phone} IS NOT NULL AND ${users.phone} <> ''` };
const active = eq(users.status, 'active');

/** The accounts of the person behind a deputy mandate (a person has one account for all mandates). */
export async function deputyAccounts(db: Executor, deputyId: string | null): Promise<Account[]> {
  if (!deputyId) return [];
  return db
    .select(account)
    .from(users)
    .innerJoin(deputies, eq(deputies.personId, users.personId))
    .where(and(eq(deputies.id, deputyId), eq(users.role, 'deputy'), active));
}

export async function stationStaffAccounts(db: Executor, stationId: string | null): Promise<Account[]> {
  if (!stationId) return [];
  return db
    .select(account)
    .from(users)
    .where(and(eq(users.stationId, stationId), eq(users.role, 'station_staff'), active));
}

export async function unitAccounts(db: Executor, unitIds: readonly string[]): Promise<Account[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return [];
  return db
    .select(account)
    .from(users)
    .where(and(inArray(users.organizationId, ids), eq(users.role, 'unit_staff'), active));
}

/**
 * The office that answers for a region: the office accounts of the nearest level whose subtree holds
 * it (a township's case goes to the township office if it has accounts, else to the county's …), so
 * a case is not announced to every office up to the province.
 */
export async function officeAccountsFor(db: Executor, regionCode: string): Promise<Account[]> {
  const rows = await db
    .select({ ...account, scope: users.regionCode })
    .from(users)
    .where(and(eq(users.role, 'office_staff'), active, sql`${regionCode} LIKE ${users.regionCode} || '%'`));
  const nearest = Math.max(-1, ...rows.map((r) => r.scope.length));
  return rows.filter((r) => r.scope.length === nearest).map(({ id, hasPhone }) => ({ id, hasPhone }));
}

export async function accountsByIds(db: Executor, ids: readonly (string | null | undefined)[]): Promise<Account[]> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return [];
  return db
    .select(account)
    .from(users)
    .where(and(inArray(users.id, wanted), active));
}

export async function displayNameOf(db: Executor, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/** The sealed phones of constituents to answer (the case, and those merged into it). */
export async function constituentPhones(db: Executor, opinionIds: readonly string[]) {
  if (opinionIds.length === 0) return [];
  return db
    .select({ id: opinions.id, trackingCode: opinions.trackingCode, phoneEnc: opinions.submitterPhoneEnc })
    .from(opinions)
    .where(inArray(opinions.id, [...new Set(opinionIds)]));
}
