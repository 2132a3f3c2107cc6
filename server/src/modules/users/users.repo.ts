import { and, asc, count, eq, ilike, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forgetCachedUser } from '../../platform/auth/sessionCache.js';
import { offsetOf } from '../../platform/http.js';
import { sessions, users } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { likeEscape } from '../../platform/text.js';
import { persons } from '../deputies/deputies.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { regions } from '../regions/regions.tables.js';
import { stations } from '../stations/stations.tables.js';
import type { UserDetail, UserQuery } from './users.schema.js';

export type UserRow = typeof users.$inferSelect;

// Every column but the password hash: the hash never leaves the repository.
const detailColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  stationId: users.stationId,
  stationName: stations.name,
  personId: users.personId,
  personName: persons.name,
  phone: users.phone,
  status: users.status,
  mustChangePassword: users.mustChangePassword,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

type DetailRow = Awaited<ReturnType<typeof detailQuery>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(r: DetailRow, now = new Date()): UserDetail {
  return {
    ...r,
    role: r.role as UserDetail['role'],
    status: r.status as UserDetail['status'],
    regionName: r.regionCode ? r.regionName : null,
    lockedUntil: iso(r.lockedUntil),
    locked: !!r.lockedUntil && r.lockedUntil > now,
    lastLoginAt: iso(r.lastLoginAt),
    passwordChangedAt: iso(r.passwordChangedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function detailQuery(db: Executor) {
  return db
    .select(detailColumns)
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(stations, eq(stations.id, users.stationId))
    .leftJoin(persons, eq(persons.id, users.personId));
}

export async function listUsers(db: Executor, actor: SessionUser, f: UserQuery) {
  const conds: (SQL | undefined)[] = [scopeFilter(actor, users.regionCode)];
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    conds.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.regionCode) conds.push(like(users.regionCode, `${f.regionCode}%`));
  if (f.status) conds.push(eq(users.status, f.status));
  if (f.organizationId) conds.push(eq(users.organizationId, f.organizationId));
  if (f.stationId) conds.push(eq(users.stationId, f.stationId));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    detailQuery(db).where(where).orderBy(asc(users.username)).limit(f.pageSize).offset(offsetOf(f)),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const now = new Date();
  return { items: rows.map((r) => present(r, now)), total: total?.n ?? 0 };
}

export async function findUserDetail(db: Executor, id: string): Promise<UserDetail | undefined> {
  const [row] = await detailQuery(db).where(eq(users.id, id));
  return row && present(row);
}

/** The row to change, locked until the transaction ends so two administrators cannot interleave. */
export async function lockUser(tx: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Usernames are unique regardless of case, so "Admin" cannot pose as "admin". */
export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return !!row;
}

export async function personHasAccount(db: Executor, personId: string, exceptUserId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, personId), exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .limit(1);
  return !!row;
}

/**
 * Serializes every change that could take an administrator role away from an account (role change,
 * disabling), so two administrators demoting the last two holders at once cannot both succeed.
 * An advisory lock rather than row locks: row locks taken in different orders would deadlock.
 */
export async function lockAdministratorHolders(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lianluo.users.administrator_holders'))`);
}

/** Call under lockAdministratorHolders. */
export async function otherActiveHolders(tx: Executor, role: string, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.status, 'active'), ne(users.id, exceptUserId)));
  return row?.n ?? 0;
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return !!row;
}

export async function findOrganization(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      regionCode: organizations.regionCode,
      category: organizations.category,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

export async function findStation(db: Executor, id: string) {
  const [row] = await db
    .select({ id: stations.id, regionCode: stations.regionCode, status: stations.status })
    .from(stations)
    .where(eq(stations.id, id));
  return row;
}

export async function findPerson(db: Executor, id: string) {
  const [row] = await db.select({ id: persons.id, regionCode: persons.regionCode }).from(persons).where(eq(persons.id, id));
  return row;
}

export async function insertUser(tx: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function updateUser(tx: Executor, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
  // Sessions carry the user's role, region and status: this process reads them anew (others hear the trigger).
  forgetCachedUser(id);
  return row;
}

export async function deleteSessionsOf(tx: Executor, userId: string): Promise<number> {
  const gone = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  forgetCachedUser(userId);
  return gone.length;
}
