import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { CSRF_HEADER } from '../../platform/auth/plugin.js';
import { type Access, ROLES, type Role } from '../../platform/auth/roles.js';
import { createSession, SESSION_COOKIE } from '../../platform/auth/session.js';
import type { AppInstance } from '../../platform/http.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildUser } from '../../test/factories.js';
import { buildOrganizationForAccount } from '../../test/factories.users.js';

/**
 * Walks every /api route the app has when the test runs — routes added later by any module are
 * covered without touching this file — against every role and against no session at all.
 */

interface ApiRoute {
  method: string;
  url: string;
  access: Access | undefined;
  hidden: boolean;
  responses: string[];
}

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
const SHORT: Record<Caller, string> = {
  anonymous: 'anon',
  deputy: 'dep',
  station_staff: 'stn',
  office_staff: 'off',
  unit_staff: 'unit',
  leader: 'lead',
  sysadmin: 'sys',
  secadmin: 'sec',
  auditor: 'aud',
};

const routes: ApiRoute[] = [];
let t: TestApp;
let app: AppInstance;
const accounts = new Map<Role, string>();

function collect(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
  const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
  for (const method of [route.method].flat()) {
    if (method === 'HEAD' || method === 'OPTIONS') continue;
    routes.push({
      method,
      url: route.url,
      access: route.config?.access,
      hidden: schema?.hide === true,
      responses: Object.keys(schema?.response ?? {}),
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  // A second app on the same database, built with the hook that sees each route as it is added.
  app = await buildApp(t.deps, { serveWeb: false, onRoute: collect });
  await app.ready();
  // Nation-wide accounts, so a route's finer region rules do not mask what its access rule says.
  // A unit account always acts for its unit; without one, unit routes refuse it for that reason alone.
  const unit = await buildOrganizationForAccount(t.deps.db, { category: 'unit' });
  for (const role of ROLES) {
    const organizationId = role === 'unit_staff' ? unit.id : undefined;
    accounts.set(role, (await buildUser(t.deps.db, { role, regionCode: '', organizationId })).id);
  }
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** A path parameter that is well-formed but names nothing, so an allowed caller changes no data. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (/id$/i.test(name)) return randomUUID();
    if (/code$/i.test(name)) return '999999';
    if (/(date|day)$/i.test(name)) return '2099-12-31';
    if (/year$/i.test(name)) return '2099';
    return 'unknown';
  });
}

const allows = (access: Access | undefined, caller: Caller): boolean => {
  if (access === 'public') return true;
  if (caller === 'anonymous' || !access) return false;
  return access === 'authenticated' || access.includes(caller);
};

/** A fresh session per request, so a route that signs out or changes a password cannot spoil the next cell. */
async function call(route: ApiRoute, caller: Caller) {
  const headers: Record<string, string> = {};
  if (caller !== 'anonymous') {
    const { token, csrfToken } = await createSession(t.deps.db, accounts.get(caller) as string, {});
    headers.cookie = `${SESSION_COOKIE}=${token}`;
    headers[CSRF_HEADER] = csrfToken;
  }
  const withBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
  const res = await app.inject({
    method: route.method as 'GET',
    url: fill(route.url),
    headers,
    ...(withBody ? { payload: {} } : {}),
  });
  let code: string | undefined;
  try {
    code = (res.json() as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: res.statusCode, code };
}

function expectation(route: ApiRoute, caller: Caller, got: { status: number; code?: string }): string | null {
  if (route.access === 'public') return null;
  if (caller === 'anonymous') return got.status === 401 ? null : 'expected 401';
  if (!allows(route.access, caller)) return got.status === 403 && got.code === 'FORBIDDEN' ? null : 'expected 403';
  return got.status === 401 || got.status === 403 ? 'expected to be let through' : null;
}

describe('role × route access matrix', () => {
  it('finds the routes of every module', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    expect(keys).toContain('POST /api/auth/login');
    expect(keys).toContain('GET /api/users');
    expect(keys).toContain('GET /api/audit-events');
  });

  it('gives every /api route an access rule and a response schema', () => {
    const noAccess = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(noAccess, 'routes without config.access').toEqual([]);
    // Hidden routes (the OpenAPI document itself) are not part of the documented contract.
    const noSchema = routes.filter((r) => !r.hidden && !r.responses.some((s) => /^2/.test(s))).map((r) => `${r.method} ${r.url}`);
    expect(noSchema, 'routes without a 2xx response schema').toEqual([]);
  });

  it('authorizes a request before it validates its input', async () => {
    // Otherwise a caller without the right learns the shape of the input, and a denial hides behind a 400.
    const anonymous = await app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(anonymous.statusCode, 'no session: the access check must run at preValidation, before the schema').toBe(401);
    const { token, csrfToken } = await createSession(t.deps.db, accounts.get('deputy') as string, {});
    const denied = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: {},
      headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken },
    });
    expect(denied.statusCode, 'a role outside the access list: the access check must run before the schema').toBe(403);
  });

  it('answers every route as its access rule says, for every role and without a session', async () => {
    const failures: string[] = [];
    const lines: string[] = [];
    const width = Math.max(...routes.map((r) => r.method.length + r.url.length + 1), 10);
    lines.push(`${'route'.padEnd(width)}  access  ${CALLERS.map((c) => SHORT[c].padStart(4)).join(' ')}`);
    const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
    for (const route of sorted) {
      const cells: string[] = [];
      for (const caller of CALLERS) {
        const got = await call(route, caller);
        const problem = expectation(route, caller, got);
        if (problem) failures.push(`${route.method} ${route.url} as ${caller}: ${problem}, got ${got.status} ${got.code ?? ''}`);
        // Allowed cells carry a dot, so the table shows the policy and the answer at once.
        const mark = problem ? '!' : allows(route.access, caller) && caller !== 'anonymous' ? '.' : ' ';
        cells.push(`${got.status}${mark}`.padStart(4));
      }
      const access = route.access === 'public' || route.access === 'authenticated' ? route.access.slice(0, 6) : 'roles';
      lines.push(`${`${route.method} ${route.url}`.padEnd(width)}  ${access.padEnd(6)}  ${cells.join(' ')}`);
    }
    lines.push(`${routes.length} routes × ${CALLERS.length} callers; "." = allowed by the route's access rule, "!" = unexpected`);
    console.log(lines.join('\n'));
    expect(failures).toEqual([]);
  });
});
