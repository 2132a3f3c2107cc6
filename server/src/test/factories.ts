import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Executor } from '../db/client.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Role } from '../platform/auth/roles.js';
import type { AppInstance } from '../platform/http.js';
import { users } from '../platform/platform.tables.js';

export const uniq = (prefix = '') => `${prefix}${randomBytes(5).toString('hex')}`;

export const TEST_PASSWORD = 'Test-pass-123';
let testPasswordHash: Promise<string> | undefined;

export interface UserOverrides {
  role?: Role;
  regionCode?: string;
  username?: string;
  organizationId?: string | null;
  stationId?: string | null;
  personId?: string | null;
  mustChangePassword?: boolean;
}

/** An account with TEST_PASSWORD; by default office staff of Harbin (2301). */
export async function buildUser(db: Executor, o: UserOverrides = {}) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      username: o.username ?? uniq('u_'),
      displayName: '测试用户',
      role: o.role ?? 'office_staff',
      regionCode: o.regionCode ?? '2301',
      organizationId: o.organizationId ?? null,
      stationId: o.stationId ?? null,
      personId: o.personId ?? null,
      passwordHash: await testPasswordHash,
      mustChangePassword: o.mustChangePassword ?? false,
    })
    .returning();
  if (!user) throw new Error('user not created');
  return user;
}

/** A signed-in client: carries the session cookie and the CSRF header on every request. */
export interface Agent {
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

export async function signIn(app: AppInstance, username: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = (Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '';
  const cookie = raw.split(';')[0] ?? '';
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    inject: (opts) =>
      app.inject({
        ...opts,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
      } as InjectOptions),
  };
}

/** An account of the given role, signed in. */
export async function agentFor(
  app: AppInstance,
  o: UserOverrides = {},
): Promise<Agent & { user: Awaited<ReturnType<typeof buildUser>> }> {
  const user = await buildUser(app.deps.db, o);
  return Object.assign(await signIn(app, user.username), { user });
}
