import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, buildUser, uniq } from '../../test/factories.js';
import { buildOrganization } from '../../test/factories.organizations.js';

let t: TestApp;
let root: Awaited<ReturnType<typeof buildOrganization>>;
let daoliUnit: Awaited<ReturnType<typeof buildOrganization>>;
let daoliSub: Awaited<ReturnType<typeof buildOrganization>>;
let nangangUnit: Awaited<ReturnType<typeof buildOrganization>>;
let daoliCongress: Awaited<ReturnType<typeof buildOrganization>>;
let inactive: Awaited<ReturnType<typeof buildOrganization>>;
const tag = uniq();

// One small tree per test file: a city bureau, its Daoli and Nangang branches, a section below the
// Daoli branch, a Daoli congress office and an inactive Daoli unit.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  root = await buildOrganization(db, { regionCode: '2301', name: `哈尔滨市生态环境局${tag}` });
  daoliUnit = await buildOrganization(db, {
    regionCode: '230102',
    parentId: root.id,
    name: `道里分局${tag}`,
    shortName: '道里环保',
  });
  daoliSub = await buildOrganization(db, {
    regionCode: '230102001',
    parentId: daoliUnit.id,
    name: `兆麟监测站${tag}`,
    kind: 'public_utility',
  });
  nangangUnit = await buildOrganization(db, { regionCode: '230103', parentId: root.id, name: `南岗分局${tag}` });
  daoliCongress = await buildOrganization(db, { regionCode: '230102', kind: 'office', name: `道里区人大常委会代表工委${tag}` });
  inactive = await buildOrganization(db, { regionCode: '230102', name: `已撤销单位${tag}`, status: 'inactive' });
});
afterAll(async () => t?.close());

const ids = async (agent: Agent, query: string) => {
  const res = await agent.inject({ method: 'GET', url: `/api/organizations?pageSize=200&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { id: string }[]; total: number };
  return { ids: body.items.map((i) => i.id), total: body.total, items: body.items as Record<string, unknown>[] };
};
const ours = (list: string[]) =>
  [root, daoliUnit, daoliSub, nangangUnit, daoliCongress, inactive].filter((o) => list.includes(o.id)).map((o) => o.id);

describe('listing', () => {
  it('shows office staff their subtree only, with region and parent names', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const { ids: seen, items } = await ids(office, `q=${tag}`);
    expect(ours(seen).sort()).toEqual([daoliUnit.id, daoliSub.id, daoliCongress.id, inactive.id].sort());
    expect(items.find((i) => i.id === daoliUnit.id)).toMatchObject({
      regionName: '道里区',
      parentName: root.name,
      shortName: '道里环保',
      category: 'unit',
    });
  });

  it('narrows by region subtree, category, kind, status and parent', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect(ours((await ids(leader, `q=${tag}`)).ids)).toHaveLength(6);
    expect(ours((await ids(leader, `q=${tag}&regionCode=230102`)).ids)).toHaveLength(4);
    expect(ours((await ids(leader, `q=${tag}&category=congress`)).ids)).toEqual([daoliCongress.id]);
    expect(ours((await ids(leader, `q=${tag}&kind=public_utility`)).ids)).toEqual([daoliSub.id]);
    expect(ours((await ids(leader, `q=${tag}&status=inactive`)).ids)).toEqual([inactive.id]);
    expect((await ids(leader, `parentId=${root.id}`)).ids.sort()).toEqual([daoliUnit.id, nangangUnit.id].sort());
  });

  it('searches the name, short name, pinyin and initials', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    const scope = `parentId=${root.id}`;
    expect((await ids(leader, `${scope}&q=${encodeURIComponent('道里')}`)).ids).toEqual([daoliUnit.id]);
    expect((await ids(leader, `${scope}&q=${encodeURIComponent('道里环保')}`)).ids).toEqual([daoliUnit.id]);
    expect((await ids(leader, `${scope}&q=nangang`)).ids).toEqual([nangangUnit.id]);
    expect((await ids(leader, `${scope}&q=NGFJ`)).ids).toEqual([nangangUnit.id]);
    expect((await ids(leader, `${scope}&q=${encodeURIComponent('%')}`)).ids).toEqual([]);
  });

  it('sorts by region, then pinyin, and pages', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    const all = await ids(leader, `q=${tag}`);
    const codes = all.items.map((i) => String(i.regionCode));
    expect(codes).toEqual([...codes].sort());
    const page = await leader.inject({ method: 'GET', url: `/api/organizations?q=${tag}&pageSize=2&page=2` });
    expect(page.json().items.map((i: { id: string }) => i.id)).toEqual(all.ids.slice(2, 4));
    expect(page.json().total).toBe(all.total);
  });

  it('shows a unit account its own organization and those below it', async () => {
    const unit = await agentFor(t.app, { role: 'unit_staff', regionCode: '230102', organizationId: daoliUnit.id });
    expect(ours((await ids(unit, `q=${tag}`)).ids).sort()).toEqual([daoliUnit.id, daoliSub.id].sort());
    const orphan = await agentFor(t.app, { role: 'unit_staff', regionCode: '230102' });
    expect((await ids(orphan, '')).total).toBe(0);
  });

  it('lets the system and security administrators pick organizations, but not the auditor', async () => {
    for (const role of ['sysadmin', 'secadmin'] as const) {
      const admin = await agentFor(t.app, { role, regionCode: '' });
      expect(ours((await ids(admin, `q=${tag}`)).ids)).toHaveLength(6);
    }
    for (const role of ['auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '' });
      expect((await agent.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(403);
      expect((await agent.inject({ method: 'GET', url: `/api/organizations/${root.id}` })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
  });

  it('rejects bad filters with 400', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    for (const q of ['kind=ministry', 'category=x', 'status=deleted', 'regionCode=abc', 'parentId=1', 'pageSize=1000']) {
      const res = await leader.inject({ method: 'GET', url: `/api/organizations?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});

describe('detail', () => {
  it('gives office staff the accounts that act for the organization, with parent, region and child count', async () => {
    const acting = await buildUser(t.deps.db, { role: 'unit_staff', regionCode: '230102', organizationId: daoliUnit.id });
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const res = await office.inject({ method: 'GET', url: `/api/organizations/${daoliUnit.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: daoliUnit.id,
      regionName: '道里区',
      parentName: root.name,
      childCount: 1,
    });
    expect(res.json().accounts).toContainEqual({
      id: acting.id,
      username: acting.username,
      displayName: acting.displayName,
      role: 'unit_staff',
      status: 'active',
    });
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const seen = (await admin.inject({ method: 'GET', url: `/api/organizations/${daoliUnit.id}` })).json().accounts;
    expect(seen.map((a: { id: string }) => a.id)).toContain(acting.id);
  });

  it('hides the accounts from other roles', async () => {
    for (const role of ['leader', 'deputy', 'station_staff'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '230102' });
      const res = await agent.inject({ method: 'GET', url: `/api/organizations/${daoliUnit.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().accounts).toBeNull();
    }
  });

  it("refuses what lies outside the reader's region or unit (403), and answers 404 and 400", async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    expect((await office.inject({ method: 'GET', url: `/api/organizations/${nangangUnit.id}` })).statusCode).toBe(403);
    const unit = await agentFor(t.app, { role: 'unit_staff', regionCode: '230102', organizationId: daoliUnit.id });
    expect((await unit.inject({ method: 'GET', url: `/api/organizations/${daoliSub.id}` })).statusCode).toBe(200);
    expect((await unit.inject({ method: 'GET', url: `/api/organizations/${root.id}` })).statusCode).toBe(403);
    expect((await unit.inject({ method: 'GET', url: `/api/organizations/${daoliCongress.id}` })).statusCode).toBe(403);
    const missing = await office.inject({ method: 'GET', url: '/api/organizations/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ORGANIZATION_NOT_FOUND');
    const bad = await office.inject({ method: 'GET', url: '/api/organizations/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
  });
});
