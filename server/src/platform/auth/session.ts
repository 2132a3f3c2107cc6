import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { type Db, preparedQuery } from '../../db/client.js';
import { sessions } from '../platform.tables.js';
import type { Role } from './roles.js';
import { forgetCachedSession, forgetCachedUser, type SessionCache } from './sessionCache.js';

export const SESSION_COOKIE = 'lianluo_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const MAX_SESSION_MS = 12 * 60 * 60 * 1000;
/** Writing last_seen on every request would turn every read into a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** '' means the whole country. */
  regionCode: string;
  organizationId: string | null;
  stationId: string | null;
  personId: string | null;
  mustChangePassword: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + MAX_SESSION_MS),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, csrfToken };
}

export type SessionLookup =
  | { ok: true; user: SessionUser; csrfToken: string; sessionId: string }
  | { ok: false; reason: 'missing' | 'expired' };

/** Every authenticated request runs it: fixed text, prepared once per connection. */
const SESSION_LOOKUP = `
SELECT s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
  u.id, u.username, u.display_name AS "displayName", u.role, u.region_code AS "regionCode",
  u.organization_id AS "organizationId", u.station_id AS "stationId", u.person_id AS "personId",
  u.must_change_password AS "mustChangePassword", u.status
FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`;

export type SessionRow = SessionUser & { csrfToken: string; lastSeenAt: Date; expiresAt: Date; status: string };

/** The cache (sessionCache.ts) answers while it hears the database's change notices; the database otherwise. */
export async function findSession(
  db: Db,
  token: string,
  now = new Date(),
  cache?: SessionCache<SessionRow>,
): Promise<SessionLookup> {
  const id = hashToken(token);
  let row = cache?.get(id, now.getTime());
  if (!row) {
    [row] = await preparedQuery<SessionRow>(db, 'session-lookup', SESSION_LOOKUP, [id]);
    if (row) cache?.set(id, row.id, row, now.getTime());
  }
  if (!row) return { ok: false, reason: 'missing' };
  const { csrfToken, lastSeenAt, expiresAt, status, ...user } = row;
  const idle = now.getTime() - lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS || expiresAt <= now || status !== 'active') {
    await deleteSession(db, id);
    return { ok: false, reason: 'expired' };
  }
  if (idle > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    cache?.update(id, (r) => ({ ...r, lastSeenAt: now }));
  }
  return { ok: true, sessionId: id, csrfToken, user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  forgetCachedSession(sessionId);
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`) : eq(sessions.userId, userId),
    );
  // The session kept is forgotten too: the user's row (a password no longer to be changed) is read anew.
  forgetCachedUser(userId);
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)));
}
