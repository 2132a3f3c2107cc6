import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildUser, signIn } from '../../test/factories.js';
import { users } from '../platform.tables.js';
import { hashToken, SESSION_COOKIE } from './session.js';
import { SessionCache } from './sessionCache.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const sessionIdOf = (cookie: string) => {
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (!token) throw new Error(`no session cookie in ${cookie}`);
  return hashToken(decodeURIComponent(token));
};

/** What another process does: a change straight in the database, announced only by the trigger's notice. */
const elsewhere = (text: string, values: unknown[]) => t.deps.database.raw.query(text, values);

describe('the session cache', () => {
  it('answers from memory after the first lookup, while it hears the notices', async () => {
    expect(t.app.sessionCache.listening).toBe(true);
    const user = await buildUser(t.deps.db, { role: 'leader' });
    const agent = await signIn(t.app, user.username);
    expect((await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(t.app.sessionCache.get(sessionIdOf(agent.cookie))?.username).toBe(user.username);
  });

  it('drops a session ended by another process at its commit', async () => {
    const user = await buildUser(t.deps.db, { role: 'leader' });
    const agent = await signIn(t.app, user.username);
    expect((await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await elsewhere('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    // PostgreSQL delivers the notice to the listening connection a moment after the commit.
    await expect.poll(async () => (await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('reads a user changed by another process anew: a new role, or disabled', async () => {
    const user = await buildUser(t.deps.db, { role: 'leader' });
    const agent = await signIn(t.app, user.username);
    expect((await agent.inject({ method: 'GET', url: '/api/auth/me' })).json().role).toBe('leader');
    await elsewhere(`UPDATE users SET role = 'office_staff' WHERE id = $1`, [user.id]);
    await expect.poll(async () => (await agent.inject({ method: 'GET', url: '/api/auth/me' })).json().role).toBe('office_staff');
    await t.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    await expect.poll(async () => (await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('sees an idle session end even when the cache holds it', async () => {
    const user = await buildUser(t.deps.db);
    const agent = await signIn(t.app, user.username);
    expect((await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await elsewhere(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    await expect.poll(async () => (await agent.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('SessionCache', () => {
  const row = { name: 'r' };
  const listening = () => {
    const c = new SessionCache<typeof row>();
    c.listening = true;
    return c;
  };

  it('keeps nothing while it does not hear the notices', () => {
    const c = new SessionCache<typeof row>();
    c.set('s1', 'u1', row);
    expect(c.get('s1')).toBeUndefined();
  });

  it('forgets by session, by user, on an unknown notice, and after its time', () => {
    const c = listening();
    c.set('s1', 'u1', row, 0);
    c.set('s2', 'u1', row, 0);
    c.set('s3', 'u2', row, 0);
    c.onNotice('s:s1');
    expect(c.get('s1', 1)).toBeUndefined();
    expect(c.get('s2', 1)).toBe(row);
    c.onNotice('u:u1');
    expect(c.get('s2', 1)).toBeUndefined();
    expect(c.get('s3', 1)).toBe(row);
    expect(c.get('s3', 30_001)).toBeUndefined();
    c.set('s4', 'u3', row, 0);
    c.onNotice(undefined);
    expect(c.get('s4', 1)).toBeUndefined();
  });

  it('holds at most ten thousand sessions, dropping the oldest', () => {
    const c = listening();
    for (let i = 0; i <= 10_000; i++) c.set(`s${i}`, 'u', row, 0);
    expect(c.get('s0', 1)).toBeUndefined();
    expect(c.get('s1', 1)).toBe(row);
    expect(c.get('s10000', 1)).toBe(row);
  });
});
