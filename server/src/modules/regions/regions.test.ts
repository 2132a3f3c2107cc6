import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor } from '../../test/factories.js';

let t: TestApp;
let reader: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  reader = await agentFor(t.app, { role: 'deputy', regionCode: '230102' });
  admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
});
afterAll(async () => t?.close());

interface Item {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  isGrouping: boolean;
  namePinyin: string;
  hasChildren: boolean;
  path: { code: string; name: string }[];
}
const list = async (query: string, agent = reader) => {
  const res = await agent.inject({ method: 'GET', url: `/api/regions?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

/** A 12-digit code under a Harbin township that is not taken yet. */
async function freeCommunityCode(township = '230102001'): Promise<string> {
  for (;;) {
    const code = `${township}${String(100 + Math.floor(Math.random() * 899)).padStart(3, '0')}`;
    const res = await reader.inject({ method: 'GET', url: `/api/regions/${code}` });
    if (res.statusCode === 404) return code;
  }
}
const addCommunity = (payload: Record<string, unknown>, agent = admin, lang = 'zh-CN') =>
  agent.inject({ method: 'POST', url: '/api/regions', payload, headers: { 'accept-language': lang } });

describe('browsing', () => {
  it('lists the 31 provinces when no parent is given, in pinyin order', async () => {
    const { items, total } = await list('pageSize=50');
    expect(total).toBe(31);
    expect(items).toHaveLength(31);
    expect(items.every((i) => i.level === 'province' && i.parentCode === null && i.hasChildren && i.path.length === 0)).toBe(
      true,
    );
    expect(items[0]?.name).toBe('安徽省');
    const pinyins = items.map((i) => i.namePinyin);
    expect(pinyins).toEqual([...pinyins].sort());
    expect(items.find((i) => i.code === '23')?.name).toBe('黑龙江省');
  });

  it("pages through a parent's children", async () => {
    const first = await list('pageSize=10&page=1');
    const last = await list('pageSize=10&page=4');
    expect(first.items).toHaveLength(10);
    expect(last.items).toHaveLength(1);
    expect(last.total).toBe(31);
  });

  it("lists Harbin's 9 districts and 9 counties and county-level cities with their path", async () => {
    const { items, total } = await list('parent=2301&pageSize=50');
    expect(total).toBe(18);
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(byCode.get('230102')?.name).toBe('道里区');
    expect(byCode.get('230109')?.name).toBe('松北区');
    expect(byCode.get('230184')?.name).toBe('五常市');
    expect(items.filter((i) => i.name.endsWith('区'))).toHaveLength(9);
    expect(items.filter((i) => !i.name.endsWith('区'))).toHaveLength(9);
    expect(items[0]?.name).toBe('阿城区');
    const daoli = byCode.get('230102');
    expect(daoli).toMatchObject({ level: 'county', parentCode: '2301', hasChildren: true });
    expect(daoli?.path.map((p) => [p.code, p.name])).toEqual([
      ['23', '黑龙江省'],
      ['2301', '哈尔滨市'],
    ]);
  });

  it('filters by level within a subtree', async () => {
    const daoli = await list('parent=230102&level=township&pageSize=200');
    expect(daoli.total).toBeGreaterThan(10);
    expect(daoli.items.every((i) => i.level === 'township' && i.code.startsWith('230102'))).toBe(true);
    expect(daoli.items.map((i) => i.name)).toContain('兆麟街道');
    const harbin = await list('parent=2301&level=township&pageSize=1');
    expect(harbin.total).toBeGreaterThan(daoli.total);
    const counties = await list('parent=2301&level=county&pageSize=50');
    expect(counties.total).toBe(18);
  });

  it('marks the statistical groupings (市辖区) so a picker can skip them', async () => {
    const { items } = await list('parent=11');
    expect(items).toEqual([expect.objectContaining({ code: '1101', name: '市辖区', isGrouping: true, level: 'city' })]);
  });

  it('returns one region with its ancestors and child count', async () => {
    const res = await reader.inject({ method: 'GET', url: '/api/regions/230109' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '230109',
      name: '松北区',
      level: 'county',
      editable: false,
      path: [
        { code: '23', name: '黑龙江省' },
        { code: '2301', name: '哈尔滨市' },
      ],
    });
    expect(res.json().childCount).toBeGreaterThan(0);
  });

  it('answers an unknown code with 404 and a bad code with 400', async () => {
    const missing = await reader.inject({ method: 'GET', url: '/api/regions/230199', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'REGION_NOT_FOUND', message: 'There is no region with code 230199' });
    const bad = await reader.inject({ method: 'GET', url: '/api/regions/23x' });
    expect(bad.statusCode).toBe(400);
    const badLevel = await reader.inject({ method: 'GET', url: '/api/regions?level=village' });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().issues[0].path).toBe('level');
  });
});

describe('search', () => {
  it.each(['haerbin', 'HaErBin', 'hrb', '哈尔', '哈尔滨'])('finds 哈尔滨市 by %s, higher levels first', async (q) => {
    const { items, total } = await list(`q=${encodeURIComponent(q)}&pageSize=5`);
    expect(total).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ code: '2301', name: '哈尔滨市', level: 'city' });
    expect(items[0]?.path).toEqual([{ code: '23', name: '黑龙江省', isGrouping: false }]);
  });

  it('searches within a parent and a level', async () => {
    const { items, total } = await list(`parent=2301&level=county&q=${encodeURIComponent('松北')}`);
    expect(total).toBe(1);
    expect(items[0]?.code).toBe('230109');
    const initials = await list('parent=2301&level=county&q=dl');
    expect(initials.items.map((i) => i.name)).toEqual(['道里区']);
  });

  it('treats LIKE wildcards literally and finds codes by prefix', async () => {
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
    const byCode = await list('q=23010&level=county');
    expect(byCode.items.map((i) => i.code)).toContain('230102');
  });
});

describe('adding communities', () => {
  it('adds a community under a township, audits it, and shows it under its parent', async () => {
    const code = await freeCommunityCode();
    const name = `测试社区${code.slice(-3)}`;
    const res = await addCommunity({ code, parentCode: '230102001', name: `  ${name}  ` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code, name, level: 'community', parentCode: '230102001', editable: true, childCount: 0 });
    expect(res.json().path.map((p: { code: string }) => p.code)).toEqual(['23', '2301', '230102', '230102001']);

    const children = await list('parent=230102001&pageSize=200');
    expect(children.items.map((i) => i.code)).toContain(code);
    const township = await reader.inject({ method: 'GET', url: '/api/regions/230102001' });
    expect(township.json().hasChildren).toBe(true);

    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'region.created'), eq(auditEvents.entityId, code)));
    expect(audit).toMatchObject({ actorRole: 'sysadmin', regionCode: code, after: { code, name, level: 'community' } });
  });

  it('takes the parent from the code when none is given', async () => {
    const code = await freeCommunityCode('230109002');
    const res = await addCommunity({ code, name: `村${code.slice(-3)}` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().parentCode).toBe('230109002');
  });

  it('refuses an unknown parent (404), a non-township parent and a code outside it (400), duplicates (409)', async () => {
    const unknown = await addCommunity({ code: '230102999001', parentCode: '230102999', name: '无' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PARENT_REGION_NOT_FOUND');

    const notTownship = await addCommunity({ code: '230102001001', parentCode: '230102', name: '社区' });
    expect(notTownship.statusCode).toBe(400);
    expect(notTownship.json()).toMatchObject({
      code: 'PARENT_NOT_TOWNSHIP',
      message: expect.stringContaining('道里区（230102）不是乡镇（街道）'),
    });

    const outside = await addCommunity({ code: '230103001001', parentCode: '230102001', name: '社区' }, admin, 'en');
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'CODE_NOT_UNDER_PARENT',
      message: 'The code 230103001001 must start with the parent township code 230102001',
    });

    const reserved = await addCommunity({ code: '230102001000', name: '社区' });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().code).toBe('CODE_RESERVED');

    const code = await freeCommunityCode();
    expect((await addCommunity({ code, name: `社区${code}` })).statusCode).toBe(201);
    const dupCode = await addCommunity({ code, name: `另一个${code}` });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().code).toBe('DUPLICATE_REGION_CODE');
    const other = await freeCommunityCode();
    const dupName = await addCommunity({ code: other, name: `社区${code}` });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().code).toBe('DUPLICATE_REGION_NAME');
  });

  it('validates the name: required and at most 50 characters', async () => {
    const code = await freeCommunityCode();
    const empty = await addCommunity({ code, name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0]).toMatchObject({ path: 'name', message: '不能为空' });
    const long = await addCommunity({ code, name: '社'.repeat(51) }, admin, 'en');
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0]).toMatchObject({ path: 'name', message: 'At most 50 characters' });
    const badCode = await addCommunity({ code: '2301020010', name: '社区' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().issues[0].path).toBe('code');
  });

  it('keeps a system administrator of a region within it', async () => {
    const local = await agentFor(t.app, { role: 'sysadmin', regionCode: '230103' });
    const res = await addCommunity({ code: await freeCommunityCode(), name: '越权社区' }, local);
    expect(res.statusCode).toBe(403);
  });
});

describe('renaming', () => {
  it('renames an added community and audits before and after', async () => {
    const code = await freeCommunityCode();
    await addCommunity({ code, name: `旧名${code}` });
    const res = await admin.inject({ method: 'PATCH', url: `/api/regions/${code}`, payload: { name: `新名${code}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: `新名${code}`, namePinyin: expect.stringMatching(/^xinming/) });
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'region.renamed'), eq(auditEvents.entityId, code)));
    expect(audit).toMatchObject({ before: { name: `旧名${code}` }, after: { name: `新名${code}` } });
  });

  it('refuses to rename a statistical region (409) and answers 404 for an unknown one', async () => {
    const res = await admin.inject({ method: 'PATCH', url: '/api/regions/230102', payload: { name: '改名区' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'REGION_READ_ONLY' });
    expect(res.json().message).toContain('国家统计用区划代码');
    const missing = await admin.inject({
      method: 'PATCH',
      url: `/api/regions/${await freeCommunityCode()}`,
      payload: { name: '无' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('REGION_NOT_FOUND');
  });
});

describe('access', () => {
  it('requires a session to read (401)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.statusCode).toBe(401);
    const one = await t.app.inject({ method: 'GET', url: '/api/regions/23' });
    expect(one.statusCode).toBe(401);
  });

  it('lets every role read, and only the system administrator add or rename (403)', async () => {
    for (const role of ['office_staff', 'secadmin', 'auditor', 'unit_staff'] as const) {
      const agent = await agentFor(t.app, { role });
      expect((await agent.inject({ method: 'GET', url: '/api/regions?parent=23' })).statusCode).toBe(200);
      const post = await addCommunity({ code: '230102001123', name: '社区' }, agent);
      expect(post.statusCode).toBe(403);
      const patch = await agent.inject({ method: 'PATCH', url: '/api/regions/230102001123', payload: { name: 'x' } });
      expect(patch.statusCode).toBe(403);
    }
  });
});
