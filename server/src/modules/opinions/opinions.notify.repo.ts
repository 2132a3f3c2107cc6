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

/** The accounts of the person behind each deputy mandate (a person has one account for all mandates). */
export async function deputyAccountsOf(db: Executor, deputyIds: readonly string[]): Promise<Map<string, Account[]>> {
  if (deputyIds.length === 0) return new Map();
  const rows = await db
    .select({ ...account, deputyId: deputies.id })
    .from(users)
    .innerJoin(deputies, eq(deputies.personId, users.personId))
    .where(and(inArray(deputies.id, [...deputyIds]), eq(users.role, 'deputy'), active));
  return groupBy(rows, (r) => r.deputyId);
}

/** The station staff accounts of each station. */
export async function stationStaffAccountsOf(db: Executor, stationIds: readonly string[]): Promise<Map<string, Account[]>> {
  if (stationIds.length === 0) return new Map();
  const rows = await db
    .select({ ...account, stationId: users.stationId })
    .from(users)
    .where(and(inArray(users.stationId, [...stationIds]), eq(users.role, 'station_staff'), active));
  return groupBy(rows, (r) => r.stationId ?? '');
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
 * The office that answers for each region: the office accounts of the nearest level whose subtree
 * holds it (a township's case goes to the township office if it has accounts, else to the county's …),
 * so a case is not announced to every office up to the province. Offices sit at region codes, and a
 * region's ancestors are the prefixes of its code.
 */
export async function officeAccountsOf(db: Executor, regionCodes: readonly string[]): Promise<Map<string, Account[]>> {
  const prefixes = [...new Set(regionCodes.flatMap((code) => [...code].map((_, i) => code.slice(0, i + 1))))];
  if (prefixes.length === 0) return new Map();
  const rows = await db
    .select({ ...account, scope: users.regionCode })
    .from(users)
    .where(and(eq(users.role, 'office_staff'), active, inArray(users.regionCode, prefixes)));
  const answer = new Map<string, Account[]>();
  for (const code of regionCodes) {
    const above = rows.filter((r) => code.startsWith(r.scope));
    const nearest = Math.max(-1, ...above.map((r) => r.scope.length));
    answer.set(
      code,
      above.filter((r) => r.scope.length === nearest).map(({ id, hasPhone }) => ({ id, hasPhone })),
    );
  }
  return answer;
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

function groupBy<R extends Account>(rows: R[], keyOf: (row: R) => string): Map<string, Account[]> {
  const groups = new Map<string, Account[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    list.push({ id: row.id, hasPhone: row.hasPhone });
    groups.set(key, list);
  }
  return groups;
}

/** The sealed phones of constituents to answer (the case, and those merged into it). */
export async function constituentPhones(db: Executor, opinionIds: readonly string[]) {
  if (opinionIds.length === 0) return [];
  return db
    .select({ id: opinions.id, trackingCode: opinions.trackingCode, phoneEnc: opinions.submitterPhoneEnc })
    .from(opinions)
    .where(inArray(opinions.id, [...new Set(opinionIds)]));
}
