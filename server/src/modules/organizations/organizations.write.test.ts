import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';
import { buildOrganization } from '../../test/factories.organizations.js';

let t: TestApp;
let daoliOffice: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  daoliOffice = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
  admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
});
afterAll(async () => t?.close());

const create = (payload: Record<string, unknown>, agent = daoliOffice, lang = 'zh-CN') =>
  agent.inject({ method: 'POST', url: '/api/organizations', payload, headers: { 'accept-language': lang } });
const patch = (id: string, payload: Record<string, unknown>, agent = daoliOffice) =>
  agent.inject({ method: 'PATCH', url: `/api/organizations/${id}`, payload });
const lastAudit = async (action: string, entityId: string) => {
  const [row] = await t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
};

describe('creating', () => {
  it('creates a handling unit, derives its category, and audits it', async () => {
    const name = `道里区住房和城乡建设局${uniq()}`;
    const res = await create({
      regionCode: '230102',
      kind: 'government_department',
      name,
      shortName: '区住建局',
      contactName: '张明',
      contactPhone: '0451-86661234',
      address: '哈尔滨市道里区经纬街 1 号',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      regionCode: '230102',
      regionName: '道里区',
      category: 'unit',
      kind: 'government_department',
      name,
      status: 'active',
      parentId: null,
      childCount: 0,
      accounts: [],
    });
    expect(body.namePinyin.startsWith('daoliquzhufang')).toBe(true);
    const audit = await lastAudit('organization.created', body.id);
    expect(audit).toMatchObject({
      actorRole: 'office_staff',
      regionCode: '230102',
      after: { name, contactPhone: '0451-86661234' },
    });
  });

  it('accepts a matching category and refuses a mismatch', async () => {
    const ok = await create({
      regionCode: '230102',
      kind: 'office',
      category: 'congress',
      name: `道里区人大常委会代表工委${uniq()}`,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await create(
      { regionCode: '230102', kind: 'court', category: 'congress', name: `道里区人民法院${uniq()}` },
      daoliOffice,
      'en',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'category', message: expect.stringContaining('does not match the kind') });
    const unknownKind = await create({ regionCode: '230102', kind: 'ministry', name: '部' });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().issues[0].path).toBe('kind');
  });

  it('refuses an unknown region code (404) and a malformed one (400)', async () => {
    const unknown = await create({ regionCode: '230199', kind: 'court', name: '不存在区法院' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'REGION_NOT_FOUND', message: '行政区划代码 230199 不存在' });
    const malformed = await create({ regionCode: '2301x', kind: 'court', name: '法院' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().issues[0].path).toBe('regionCode');
  });

  it('keeps names unique per region (409) but allows the same name elsewhere', async () => {
    const name = `区市场监督管理局${uniq()}`;
    expect((await create({ regionCode: '230102', kind: 'government_department', name })).statusCode).toBe(201);
    const dup = await create({ regionCode: '230102', kind: 'government_department', name: ` ${name} ` });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_ORGANIZATION_NAME');
    const elsewhere = await create({ regionCode: '230103', kind: 'government_department', name }, admin);
    expect(elsewhere.statusCode).toBe(201);
  });

  it('requires the parent to exist, be active, and cover the region', async () => {
    const city = await buildOrganization(t.deps.db, { regionCode: '2301', kind: 'government_department' });
    const child = await create({ regionCode: '230102', kind: 'public_utility', parentId: city.id, name: `道里供水所${uniq()}` });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json()).toMatchObject({ parentId: city.id, parentName: city.name });

    const nangang = await buildOrganization(t.deps.db, { regionCode: '230103' });
    const across = await create({
      regionCode: '230102',
      kind: 'government_department',
      parentId: nangang.id,
      name: `跨区${uniq()}`,
    });
    expect(across.statusCode).toBe(400);
    expect(across.json().code).toBe('PARENT_OUTSIDE_REGION');

    const missing = await create({
      regionCode: '230102',
      kind: 'court',
      parentId: '00000000-0000-4000-8000-000000000000',
      name: `法院${uniq()}`,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PARENT_ORGANIZATION_NOT_FOUND');

    const inactive = await buildOrganization(t.deps.db, { regionCode: '230102', status: 'inactive' });
    const under = await create({ regionCode: '230102', kind: 'court', parentId: inactive.id, name: `法院${uniq()}` });
    expect(under.statusCode).toBe(409);
    expect(under.json().code).toBe('PARENT_INACTIVE');
  });

  it('places congress bodies at the levels where they exist', async () => {
    const presidiumInDistrict = await create({ regionCode: '230102', kind: 'township_presidium', name: `主席团${uniq()}` });
    expect(presidiumInDistrict.statusCode).toBe(400);
    expect(presidiumInDistrict.json().code).toBe('KIND_NOT_FOR_REGION_LEVEL');
    const working = await create({
      regionCode: '230102001',
      kind: 'street_working_committee',
      name: `兆麟街道人大工委${uniq()}`,
    });
    expect(working.statusCode, working.body).toBe(201);
    const committeeInTownship = await create({ regionCode: '230102001', kind: 'standing_committee', name: `常委会${uniq()}` });
    expect(committeeInTownship.statusCode).toBe(400);
  });

  it('validates lengths, empties and phone numbers field by field', async () => {
    const res = await create({
      regionCode: '230102',
      kind: 'court',
      name: '院'.repeat(101),
      shortName: '短'.repeat(51),
      contactName: '名'.repeat(51),
      address: '址'.repeat(201),
      contactPhone: 'abc-123',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['address', 'contactName', 'contactPhone', 'name', 'shortName']);
    const empty = await create({ regionCode: '230102', kind: 'court', name: '   ' });
    expect(empty.json().issues[0]).toMatchObject({ path: 'name', message: '不能为空' });
    const phone = await create(
      { regionCode: '230102', kind: 'court', name: `法院${uniq()}`, contactPhone: '138-0000' },
      daoliOffice,
      'en',
    );
    expect(phone.statusCode).toBe(400);
    expect(phone.json().issues[0]).toMatchObject({
      path: 'contactPhone',
      message: expect.stringContaining('Not a valid phone number'),
    });
    const wrongType = await create({ regionCode: 230102, kind: 'court', name: ['x'] });
    expect(wrongType.statusCode).toBe(400);
  });

  it('keeps office staff within their region (403); the system administrator may write anywhere', async () => {
    const outside = await create({ regionCode: '230103', kind: 'court', name: `南岗区人民法院${uniq()}` });
    expect(outside.statusCode).toBe(403);
    const scopedAdmin = await agentFor(t.app, { role: 'sysadmin', regionCode: '230102' });
    const anywhere = await create({ regionCode: '110101', kind: 'court', name: `东城区人民法院${uniq()}` }, scopedAdmin);
    expect(anywhere.statusCode, anywhere.body).toBe(201);
    for (const role of ['leader', 'deputy', 'station_staff', 'unit_staff', 'secadmin', 'auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '230102' });
      expect((await create({ regionCode: '230102', kind: 'court', name: `法院${uniq()}` }, agent)).statusCode).toBe(403);
    }
    const noSession = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { regionCode: '230102', kind: 'court', name: 'x' },
    });
    expect(noSession.statusCode).toBe(401);
  });
});

describe('updating', () => {
  it('edits fields, keeps absent ones, clears nulls, and audits before and after', async () => {
    const org = await buildOrganization(t.deps.db, {
      regionCode: '230102',
      shortName: '旧简称',
      contactName: '李华',
      address: '旧址',
    });
    const res = await patch(org.id, { name: `道里区水务局${uniq()}`, shortName: null, contactPhone: '13800001234' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ shortName: null, contactName: '李华', address: '旧址', contactPhone: '13800001234' });
    expect(res.json().namePinyin.startsWith('daoliqushuiwuju')).toBe(true);
    const audit = await lastAudit('organization.updated', org.id);
    expect(audit?.before).toMatchObject({ name: org.name, shortName: '旧简称' });
    expect(audit?.after).toMatchObject({ name: res.json().name, shortName: null });
  });

  it('deactivates and reactivates through the status, with its own audit action', async () => {
    const org = await buildOrganization(t.deps.db, { regionCode: '230102' });
    const off = await patch(org.id, { status: 'inactive' });
    expect(off.json().status).toBe('inactive');
    expect(await lastAudit('organization.deactivated', org.id)).toMatchObject({
      before: { status: 'active' },
      after: { status: 'inactive' },
    });
    expect((await patch(org.id, { status: 'active' })).json().status).toBe('active');
    expect(await lastAudit('organization.activated', org.id)).toBeDefined();
    const bad = await patch(org.id, { status: 'deleted' });
    expect(bad.statusCode).toBe(400);
  });

  it('changes the kind and with it the category; refuses a category that does not fit', async () => {
    const org = await buildOrganization(t.deps.db, { regionCode: '230102', kind: 'government_department' });
    const res = await patch(org.id, { kind: 'special_committee' });
    expect(res.json()).toMatchObject({ kind: 'special_committee', category: 'congress' });
    const mismatch = await patch(org.id, { category: 'unit' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().code).toBe('KIND_CATEGORY_MISMATCH');
  });

  it('refuses cycles, duplicate names, children stranded outside a new region, and empty changes', async () => {
    const top = await buildOrganization(t.deps.db, { regionCode: '230102' });
    const child = await buildOrganization(t.deps.db, { regionCode: '230102001', parentId: top.id });
    const self = await patch(top.id, { parentId: top.id });
    expect(self.json().code).toBe('PARENT_CYCLE');
    const below = await patch(top.id, { parentId: child.id });
    expect(below.statusCode).toBe(400);
    expect(below.json().code).toBe('PARENT_CYCLE');

    const other = await buildOrganization(t.deps.db, { regionCode: '230102' });
    const dup = await patch(other.id, { name: top.name });
    expect(dup.statusCode).toBe(409);

    const moved = await patch(top.id, { regionCode: '230103' }, admin);
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('CHILDREN_OUTSIDE_REGION');

    const nothing = await patch(top.id, {});
    expect(nothing.statusCode).toBe(400);
    const missing = await patch('00000000-0000-4000-8000-000000000000', { status: 'inactive' });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps office staff within their region for both the old and the new place', async () => {
    const nangang = await buildOrganization(t.deps.db, { regionCode: '230103' });
    expect((await patch(nangang.id, { contactName: '王强' })).statusCode).toBe(403);
    const own = await buildOrganization(t.deps.db, { regionCode: '230102' });
    expect((await patch(own.id, { regionCode: '230103' })).statusCode).toBe(403);
    expect((await patch(nangang.id, { contactName: '王强' }, admin)).statusCode).toBe(200);
  });
});
