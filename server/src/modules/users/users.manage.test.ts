import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, buildUser, signIn, TEST_PASSWORD, uniq } from '../../test/factories.js';
import { buildOrganizationForAccount, buildStationForAccount } from '../../test/factories.users.js';

let t: TestApp;
let sysadmin: Agent & { user: { id: string } };
let secadmin: Agent & { user: { id: string } };
let auditor: Agent;

beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
  secadmin = await agentFor(t.app, { role: 'secadmin', regionCode: '' });
  auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
});
afterAll(async () => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function newAccount(o: Record<string, unknown> = {}) {
  const res = await sysadmin.inject({
    method: 'POST',
    url: '/api/users',
    payload: { username: uniq('acct.'), displayName: '李四', role: 'office_staff', regionCode: '2301', ...o },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { user: { id: string; username: string }; password: string };
}

const auditOf = async (entityId: string) => {
  const res = await auditor.inject({ method: 'GET', url: `/api/audit-events?entityType=user&entityId=${entityId}&pageSize=50` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { action: string; actorRole: string; before: unknown; after: unknown }[];
};

describe('password reset', () => {
  it('returns a new one-time password, ends the sessions and lifts a lockout', async () => {
    const target = await buildUser(t.deps.db);
    const session = await signIn(t.app, target.username);
    for (let i = 0; i < 5; i++) await login(target.username, `Wrong-pass-${i}`);
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(423);

    const res = await sysadmin.inject({ method: 'POST', url: `/api/users/${target.id}/reset-password` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { user, password } = res.json();
    expect(user).toMatchObject({ mustChangePassword: true, failedLogins: 0, locked: false, lockedUntil: null });
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await login(target.username, password);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(true);
  });

  it('is refused for administrator accounts, for oneself, and to anyone but the system administrator', async () => {
    const otherAdmin = await buildUser(t.deps.db, { role: 'auditor', regionCode: '' });
    const refused = await sysadmin.inject({ method: 'POST', url: `/api/users/${otherAdmin.id}/reset-password` });
    expect(refused.statusCode).toBe(403);
    expect((await sysadmin.inject({ method: 'POST', url: `/api/users/${sysadmin.user.id}/reset-password` })).statusCode).toBe(
      403,
    );
    const target = await buildUser(t.deps.db);
    expect((await secadmin.inject({ method: 'POST', url: `/api/users/${target.id}/reset-password` })).statusCode).toBe(403);
    expect((await sysadmin.inject({ method: 'POST', url: `/api/users/${crypto.randomUUID()}/reset-password` })).statusCode).toBe(
      404,
    );
  });
});

describe('editing and disabling', () => {
  it('edits the name and phone, and validates them', async () => {
    const { user } = await newAccount();
    const url = `/api/users/${user.id}`;
    const ok = await sysadmin.inject({ method: 'PATCH', url, payload: { displayName: '李四（新）', phone: '0451-86661234' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '李四（新）', phone: '0451-86661234' });
    const cleared = await sysadmin.inject({ method: 'PATCH', url, payload: { phone: '' } });
    expect(cleared.json().phone).toBeNull();
    for (const payload of [{}, { displayName: '' }, { phone: 'call me' }, { status: 'gone' }, { role: 'sysadmin' }]) {
      const res = await sysadmin.inject({ method: 'PATCH', url, payload });
      expect([400], JSON.stringify(payload)).toContain(res.statusCode);
    }
    expect((await sysadmin.inject({ method: 'GET', url })).json().role).toBe('office_staff');
    expect((await secadmin.inject({ method: 'PATCH', url, payload: { displayName: 'x' } })).statusCode).toBe(403);
  });

  it('ends the sessions of a disabled account and lets it back in once enabled', async () => {
    const target = await buildUser(t.deps.db);
    const session = await signIn(t.app, target.username);
    const url = `/api/users/${target.id}`;
    const off = await sysadmin.inject({ method: 'PATCH', url, payload: { status: 'disabled' } });
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('disabled');
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const refused = await login(target.username, TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');
    const disabledList = await sysadmin.inject({ method: 'GET', url: `/api/users?q=${target.username}&status=disabled` });
    expect(disabledList.json().total).toBe(1);
    expect((await sysadmin.inject({ method: 'PATCH', url, payload: { status: 'active' } })).statusCode).toBe(200);
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let the system administrator disable itself', async () => {
    const res = await sysadmin.inject({
      method: 'PATCH',
      url: `/api/users/${sysadmin.user.id}`,
      payload: { status: 'disabled' },
    });
    expect(res.statusCode).toBe(403);
    expect((await sysadmin.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

describe('roles and scope (security administrator)', () => {
  it('changes a role and its scope with the same consistency rules as creation', async () => {
    const { user } = await newAccount();
    const url = `/api/users/${user.id}/role`;
    const unit = await buildOrganizationForAccount(t.deps.db, { category: 'unit', regionCode: '230102' });
    const noOrg = await secadmin.inject({ method: 'PUT', url, payload: { role: 'unit_staff', regionCode: '230102' } });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().code).toBe('ORGANIZATION_REQUIRED');
    const res = await secadmin.inject({
      method: 'PUT',
      url,
      payload: { role: 'unit_staff', regionCode: '230102', organizationId: unit.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'unit_staff',
      regionCode: '230102',
      regionName: '道里区',
      organizationName: unit.name,
    });

    const station = await buildStationForAccount(t.deps.db, { regionCode: '230102' });
    const moved = await secadmin.inject({
      method: 'PUT',
      url,
      payload: { role: 'station_staff', regionCode: '230102', stationId: station.id },
    });
    expect(moved.json()).toMatchObject({ role: 'station_staff', organizationId: null, stationId: station.id });
    const unknownRegion = await secadmin.inject({ method: 'PUT', url, payload: { role: 'leader', regionCode: '999999' } });
    expect(unknownRegion.json().code).toBe('REGION_NOT_FOUND');
  });

  it('is the security administrator’s alone, and never on its own account', async () => {
    const { user } = await newAccount();
    const payload = { role: 'leader', regionCode: '2301' };
    const bySys = await sysadmin.inject({ method: 'PUT', url: `/api/users/${user.id}/role`, payload });
    expect(bySys.statusCode).toBe(403);
    const self = await secadmin.inject({
      method: 'PUT',
      url: `/api/users/${secadmin.user.id}/role`,
      payload: { role: 'sysadmin', regionCode: '' },
    });
    expect(self.statusCode).toBe(403);
    expect((await secadmin.inject({ method: 'GET', url: `/api/users/${secadmin.user.id}` })).json().role).toBe('secadmin');
    expect((await secadmin.inject({ method: 'PUT', url: `/api/users/${crypto.randomUUID()}/role`, payload })).statusCode).toBe(
      404,
    );
  });

  it('may appoint an administrator, whose new powers apply at once', async () => {
    const { user, password } = await newAccount();
    const res = await secadmin.inject({
      method: 'PUT',
      url: `/api/users/${user.id}/role`,
      payload: { role: 'sysadmin', regionCode: '' },
    });
    expect(res.statusCode).toBe(200);
    const appointed = await signIn(t.app, user.username, password);
    await appointed.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: password, newPassword: 'Admin-pass-42' },
    });
    expect((await appointed.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const target = await buildUser(t.deps.db);
    for (let i = 0; i < 5; i++) await login(target.username, `Wrong-pass-${i}`);
    const locked = await secadmin.inject({ method: 'GET', url: `/api/users/${target.id}` });
    expect(locked.json()).toMatchObject({ locked: true, failedLogins: 5 });
    expect((await sysadmin.inject({ method: 'POST', url: `/api/users/${target.id}/unlock` })).statusCode).toBe(403);
    const res = await secadmin.inject({ method: 'POST', url: `/api/users/${target.id}/unlock` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, failedLogins: 0, lockedUntil: null });
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('audit trail', () => {
  it('records every write with its actor, and never a password or its hash', async () => {
    const { user, password } = await newAccount({ phone: '13912345678' });
    await sysadmin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { displayName: '王五' } });
    const reset = await sysadmin.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password` });
    await secadmin.inject({ method: 'PUT', url: `/api/users/${user.id}/role`, payload: { role: 'leader', regionCode: '2301' } });
    await secadmin.inject({ method: 'POST', url: `/api/users/${user.id}/unlock` });

    const events = await auditOf(user.id);
    expect(events.map((e) => e.action).sort()).toEqual(
      ['user.created', 'user.password_reset', 'user.role_changed', 'user.unlocked', 'user.updated'].sort(),
    );
    expect(events.find((e) => e.action === 'user.role_changed')).toMatchObject({
      actorRole: 'secadmin',
      before: { role: 'office_staff' },
      after: { role: 'leader' },
    });
    const text = JSON.stringify(events);
    for (const secret of [password, reset.json().password, 'scrypt$', 'passwordHash', '13912345678']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('139****5678');
    const chain = await auditor.inject({ method: 'GET', url: '/api/audit-events/verify' });
    expect(chain.json().ok).toBe(true);
  });
});
