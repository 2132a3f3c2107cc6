import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, buildUser, signIn, uniq } from '../../test/factories.js';
import { buildOrganizationForAccount, buildPersonForAccount, buildStationForAccount } from '../../test/factories.users.js';

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

const create = (payload: Record<string, unknown>, agent: Agent = sysadmin, lang = 'zh-CN') =>
  agent.inject({ method: 'POST', url: '/api/users', payload, headers: { 'accept-language': lang } });

const officeStaff = (o: Record<string, unknown> = {}) => ({
  username: uniq('staff.'),
  displayName: '张三',
  role: 'office_staff',
  regionCode: '2301',
  ...o,
});

describe('creating accounts', () => {
  it('creates an account with a one-time password that signs in and must be changed first', async () => {
    const res = await create(officeStaff({ phone: '13800138000' }));
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { user, password } = res.json();
    expect(user).toMatchObject({ role: 'office_staff', regionCode: '2301', regionName: '哈尔滨市', mustChangePassword: true });
    expect(user.status).toBe('active');
    expect(JSON.stringify(res.json())).not.toMatch(/passwordHash|scrypt/);

    const first = await login(user.username, password);
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const agent = await signIn(t.app, user.username, password);
    const blocked = await agent.inject({ method: 'GET', url: '/api/roles' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await agent.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: password, newPassword: 'Changed-pass-99' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await agent.inject({ method: 'GET', url: '/api/roles' })).statusCode).toBe(200);
  });

  it('refuses bad usernames with field-level messages in the client language', async () => {
    for (const username of ['ab', 'x'.repeat(33), 'has space', '张三', 'semi;colon', '']) {
      const res = await create(officeStaff({ username }));
      expect(res.statusCode, username).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain('username');
    }
    const en = await create(officeStaff({ username: 'no way!' }), sysadmin, 'en-US');
    expect(en.json().issues[0].message).toBe('A username may contain letters, digits, _ . and - only');
  });

  it('refuses a duplicate username, whatever its case, with 409', async () => {
    const username = uniq('Dup.');
    expect((await create(officeStaff({ username }))).statusCode).toBe(201);
    for (const again of [username, username.toLowerCase()]) {
      const res = await create(officeStaff({ username: again }));
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('USERNAME_TAKEN');
      expect(res.json().message).toContain(again);
    }
  });

  it('validates the other fields: region, display name, phone, unknown role', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ regionCode: '990101' }, 400, 'REGION_NOT_FOUND'],
      [{ regionCode: '23x1' }, 400, 'VALIDATION'],
      [{ displayName: '   ' }, 400, 'VALIDATION'],
      [{ displayName: '名'.repeat(65) }, 400, 'VALIDATION'],
      [{ phone: '138001380001' }, 400, 'VALIDATION'],
      [{ role: 'superuser' }, 400, 'VALIDATION'],
      [{ organizationId: 'not-a-uuid' }, 400, 'VALIDATION'],
    ];
    for (const [patch, status, code] of cases) {
      const res = await create(officeStaff(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().code).toBe(code);
    }
  });

  it('needs an organization for unit staff, and a handling unit at that', async () => {
    const none = await create(officeStaff({ role: 'unit_staff' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('ORGANIZATION_REQUIRED');
    const congress = await buildOrganizationForAccount(t.deps.db, { category: 'congress' });
    const wrong = await create(officeStaff({ role: 'unit_staff', organizationId: congress.id }));
    expect(wrong.json().code).toBe('ORGANIZATION_NOT_UNIT');
    const missing = await create(officeStaff({ role: 'unit_staff', organizationId: crypto.randomUUID() }));
    expect(missing.json().code).toBe('ORGANIZATION_NOT_FOUND');
    const unit = await buildOrganizationForAccount(t.deps.db, { category: 'unit', regionCode: '230102' });
    const ok = await create(officeStaff({ role: 'unit_staff', organizationId: unit.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ organizationId: unit.id, organizationName: unit.name });
    // An office account may name its congress body, but not a unit; a deputy names none.
    expect((await create(officeStaff({ organizationId: congress.id }))).statusCode).toBe(201);
    expect((await create(officeStaff({ organizationId: unit.id }))).json().code).toBe('ORGANIZATION_NOT_CONGRESS');
    const inactive = await buildOrganizationForAccount(t.deps.db, { category: 'unit', status: 'inactive' });
    expect((await create(officeStaff({ role: 'unit_staff', organizationId: inactive.id }))).json().code).toBe(
      'ORGANIZATION_INACTIVE',
    );
    const elsewhere = await buildOrganizationForAccount(t.deps.db, { category: 'unit', regionCode: '2302' });
    expect((await create(officeStaff({ role: 'unit_staff', organizationId: elsewhere.id }))).json().code).toBe(
      'OUTSIDE_ACCOUNT_REGION',
    );
  });

  it('needs a station for station staff and a person for deputies, one account per person', async () => {
    const none = await create(officeStaff({ role: 'station_staff' }));
    expect(none.json().code).toBe('STATION_REQUIRED');
    const station = await buildStationForAccount(t.deps.db);
    const ok = await create(officeStaff({ role: 'station_staff', stationId: station.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ stationId: station.id, stationName: station.name });
    expect((await create(officeStaff({ stationId: station.id }))).json().code).toBe('STATION_NOT_ALLOWED');

    expect((await create(officeStaff({ role: 'deputy' }))).json().code).toBe('PERSON_REQUIRED');
    const person = await buildPersonForAccount(t.deps.db);
    const deputy = await create(officeStaff({ role: 'deputy', personId: person.id }));
    expect(deputy.statusCode).toBe(201);
    expect(deputy.json().user.personId).toBe(person.id);
    const twice = await create(officeStaff({ role: 'deputy', personId: person.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('PERSON_HAS_ACCOUNT');
    expect((await create(officeStaff({ personId: person.id }))).json().code).toBe('PERSON_NOT_ALLOWED');
  });

  it('lets the system administrator create business accounts only (separation of duties)', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor']) {
      const res = await create(officeStaff({ role, regionCode: '' }));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().message).toContain('三员分立');
    }
    for (const agent of [secadmin, auditor]) expect((await create(officeStaff(), agent)).statusCode).toBe(403);
  });

  it('keeps a region-scoped administrator inside its subtree', async () => {
    const local = await agentFor(t.app, { role: 'sysadmin', regionCode: '230102' });
    expect((await create(officeStaff({ regionCode: '230102' }), local)).statusCode).toBe(201);
    expect((await create(officeStaff({ regionCode: '2302' }), local)).statusCode).toBe(403);
    expect((await create(officeStaff({ regionCode: '' }), local)).statusCode).toBe(403);
    const list = await local.inject({ method: 'GET', url: '/api/users?pageSize=200' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((u: { regionCode: string }) => u.regionCode.startsWith('230102'))).toBe(true);
    const outsider = await buildUser(t.deps.db, { regionCode: '2302' });
    expect((await local.inject({ method: 'GET', url: `/api/users/${outsider.id}` })).statusCode).toBe(403);
  });
});

describe('reading accounts', () => {
  it('lists with filters and paging for both administrators, never with a password hash', async () => {
    const tag = uniq('find');
    for (const role of ['office_staff', 'leader', 'leader']) {
      expect((await create(officeStaff({ username: `${tag}.${uniq()}`, role, regionCode: '230103' }))).statusCode).toBe(201);
    }
    for (const agent of [sysadmin, secadmin]) {
      const res = await agent.inject({ method: 'GET', url: `/api/users?q=${tag}&role=leader&regionCode=2301&status=active` });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(2);
      expect(res.json().items[0]).toMatchObject({ role: 'leader', regionName: '南岗区', failedLogins: 0, locked: false });
      expect(res.json().items[0]).toHaveProperty('lockedUntil');
      expect(res.json().items[0]).toHaveProperty('lastLoginAt');
      expect(JSON.stringify(res.json())).not.toMatch(/password_?hash|scrypt/i);
    }
    const page = await sysadmin.inject({ method: 'GET', url: `/api/users?q=${tag}&pageSize=1&page=2` });
    expect(page.json()).toMatchObject({ total: 3 });
    expect(page.json().items).toHaveLength(1);
    const none = await sysadmin.inject({ method: 'GET', url: `/api/users?q=${tag}&regionCode=2302` });
    expect(none.json().total).toBe(0);
    const bad = await sysadmin.inject({ method: 'GET', url: '/api/users?role=king&pageSize=1000' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows one account, and answers 404 and 400 for missing and malformed ids', async () => {
    const { user } = (await create(officeStaff())).json();
    const one = await secadmin.inject({ method: 'GET', url: `/api/users/${user.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: user.id, username: user.username, mustChangePassword: true });
    expect((await sysadmin.inject({ method: 'GET', url: `/api/users/${crypto.randomUUID()}` })).statusCode).toBe(404);
    expect((await sysadmin.inject({ method: 'GET', url: '/api/users/42' })).statusCode).toBe(400);
  });

  it('keeps accounts away from business roles and the auditor', async () => {
    for (const role of ['office_staff', 'leader', 'auditor'] as const) {
      const agent = await agentFor(t.app, { role });
      expect((await agent.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    }
  });

  it('serves the role catalog to every signed-in account', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const res = await deputy.inject({ method: 'GET', url: '/api/roles' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(8);
    const auditorRole = res.json().items.find((r: { role: string }) => r.role === 'auditor');
    expect(auditorRole).toMatchObject({
      administrator: true,
      name: { zh: '审计管理员', en: 'Auditor' },
      grantedBy: ['secadmin'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/roles' })).statusCode).toBe(401);
  });
});
