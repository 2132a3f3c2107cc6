import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildUser, signIn, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (username: string, password: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang } });

describe('sign-in', () => {
  it('signs in, sets an HttpOnly SameSite cookie, and answers /me', async () => {
    const user = await buildUser(t.deps.db, { role: 'leader' });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const agent = await signIn(t.app, user.username);
    const me = await agent.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: user.username, role: 'leader', regionCode: '2301', regionName: '哈尔滨市' });
  });

  it('answers a wrong password in the client language', async () => {
    const user = await buildUser(t.deps.db);
    const zh = await login(user.username, 'wrong-Password-1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().message).toBe('用户名或密码错误');
    const en = await login(user.username, 'wrong-Password-1', 'en-US');
    expect(en.json().message).toBe('Wrong username or password');
  });

  it('locks the account after five failures, even for the right password', async () => {
    const user = await buildUser(t.deps.db);
    for (let i = 0; i < 5; i++) expect((await login(user.username, `bad-Password-${i}`)).statusCode).toBe(401);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('rejects empty and oversized fields with a 400 and field-level issues', async () => {
    const res = await login('', '');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['username', 'password']);
    const big = await login('x'.repeat(5000), 'y');
    expect(big.statusCode).toBe(400);
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 5, password: [] } });
    expect(wrongType.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('requires a CSRF token on writes', async () => {
    const user = await buildUser(t.deps.db);
    const agent = await signIn(t.app, user.username);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: agent.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const ok = await agent.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await agent.inject({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const user = await buildUser(t.deps.db);
    const agent = await signIn(t.app, user.username);
    await t.deps.database.raw.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
      user.id,
    ]);
    const res = await agent.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('forces a change of a generated password before anything else, and enforces the policy', async () => {
    const user = await buildUser(t.deps.db, { mustChangePassword: true });
    const agent = await signIn(t.app, user.username);
    const blocked = await agent.inject({ method: 'GET', url: '/api/audit-events' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await agent.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('至少 8 位');
    const ok = await agent.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'New-pass-456' },
    });
    expect(ok.statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.mustChangePassword).toBe(false);
    expect((await login(user.username, 'New-pass-456')).statusCode).toBe(200);
  });
});

describe('platform', () => {
  it('reports health with the database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().database.kind).toBe(t.database.kind);
    expect(res.json().database.version).toMatch(/^\d+/);
    expect(res.json().intake).toEqual({ waiting: expect.any(Number), stuck: expect.any(Number) });
  });

  it('sends the security headers with every answer', async () => {
    for (const url of ['/api/health', '/api/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
    }
  });

  it('serves OpenAPI 3 and the docs UI', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toMatch(/^3\./);
    expect(Object.keys(spec.json().paths)).toContain('/api/auth/login');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown routes with a 404 in JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
  });
});
