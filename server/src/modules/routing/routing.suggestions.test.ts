import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';
import { buildOrganization } from '../../test/factories.organizations.js';
import { buildCategory, buildHandledOpinion, buildRoutingRule } from '../../test/factories.routing.js';
import { suggestUnits } from './routing.repo.js';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await agentFor(t.app, { role: 'office_staff', regionCode: '23' });
});
afterAll(async () => t?.close());

interface Suggestion {
  unitId: string;
  unitName: string;
  source: 'rule' | 'similar';
  reason: string;
  rule: { id: string; regionCode: string; parentCategory: boolean } | null;
  similar: { count: number; lastReceivedAt: string; score: number } | null;
}

async function suggest(query: Record<string, string>, agent: Agent = office, lang = 'zh') {
  const res = await agent.inject({
    method: 'GET',
    url: `/api/routing/suggestions?${new URLSearchParams(query)}`,
    headers: { 'accept-language': lang },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Suggestion[] }).items;
}

const TOWNSHIP = '230102001'; // 兆麟街道, in 道里区 (230102) of Harbin (2301)
const YEAR = 365.25 * 86_400_000;

describe('unit suggestions for a transfer', () => {
  it('prefers the rule of the most specific region: the county rule wins over the city rule', async () => {
    const db = t.deps.db;
    const category = await buildCategory(db);
    const cityUnit = await buildOrganization(db, { regionCode: '2301' });
    const countyUnit = await buildOrganization(db, { regionCode: '230102' });
    const provinceUnit = await buildOrganization(db, { regionCode: '23' });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '2301', unitId: cityUnit.id });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '23', unitId: provinceUnit.id });
    const countyRule = await buildRoutingRule(db, { categoryId: category.id, regionCode: '230102', unitId: countyUnit.id });
    // Another county's rule does not apply to this township.
    await buildRoutingRule(db, {
      categoryId: category.id,
      regionCode: '230103',
      unitId: (await buildOrganization(db, { regionCode: '230103' })).id,
    });

    const items = await suggest({ regionCode: TOWNSHIP, categoryId: category.id });
    expect(items.map((s) => s.unitId)).toEqual([countyUnit.id, cityUnit.id, provinceUnit.id]);
    expect(items[0]).toMatchObject({
      source: 'rule',
      rule: { id: countyRule.id, regionCode: '230102', parentCategory: false },
      similar: null,
    });
    expect(items[0]?.reason).toContain('道里区');
    expect((await suggest({ regionCode: TOWNSHIP, categoryId: category.id }, office, 'en'))[0]?.reason).toContain('Routing rule');

    // In the city itself only the city's and province's rules apply.
    expect((await suggest({ regionCode: '2301', categoryId: category.id })).map((s) => s.unitId)).toEqual([
      cityUnit.id,
      provinceUnit.id,
    ]);
    expect((await suggest({ regionCode: TOWNSHIP, categoryId: category.id, limit: '1' })).map((s) => s.unitId)).toEqual([
      countyUnit.id,
    ]);
  });

  it('falls back from a child category to its parent, the own category first within a region', async () => {
    const db = t.deps.db;
    const parent = await buildCategory(db);
    const child = await buildCategory(db, { parent });
    const bare = await buildCategory(db, { parent });
    const parentUnit = await buildOrganization(db, { regionCode: '2301' });
    const childUnit = await buildOrganization(db, { regionCode: '2301' });
    await buildRoutingRule(db, { categoryId: parent.id, regionCode: '2301', unitId: parentUnit.id });
    await buildRoutingRule(db, { categoryId: child.id, regionCode: '2301', unitId: childUnit.id });

    const fallback = await suggest({ regionCode: TOWNSHIP, categoryId: bare.id });
    expect(fallback.map((s) => [s.unitId, s.rule?.parentCategory])).toEqual([[parentUnit.id, true]]);
    expect(fallback[0]?.reason).toContain('上级分类');

    const own = await suggest({ regionCode: TOWNSHIP, categoryId: child.id });
    expect(own.map((s) => [s.unitId, s.rule?.parentCategory])).toEqual([
      [childUnit.id, false],
      [parentUnit.id, true],
    ]);
  });

  it('skips rules whose unit has been deactivated since', async () => {
    const db = t.deps.db;
    const category = await buildCategory(db);
    const gone = await buildOrganization(db, { regionCode: '230102', status: 'inactive' });
    const city = await buildOrganization(db, { regionCode: '2301' });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '230102', unitId: gone.id });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '2301', unitId: city.id });
    expect((await suggest({ regionCode: TOWNSHIP, categoryId: category.id })).map((s) => s.unitId)).toEqual([city.id]);
  });

  it('ranks the units that led similar past cases by how many, how alike and how recent', async () => {
    const db = t.deps.db;
    // A county few other tests touch (漠河市), and a marker word that only this test's cases carry.
    const region = '232701';
    const marker = uniq('mk');
    const busy = await buildOrganization(db, { regionCode: region });
    const fresh = await buildOrganization(db, { regionCode: '2327' });
    const stale = await buildOrganization(db, { regionCode: region });
    const unrelated = await buildOrganization(db, { regionCode: region });
    const closed = await buildOrganization(db, { regionCode: region, status: 'inactive' });
    const faraway = await buildOrganization(db, { regionCode: '230102' });
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      await buildHandledOpinion(db, {
        regionCode: `${region}10${i}`,
        leadUnitId: busy.id,
        title: `小区路灯不亮 ${marker}`,
        content: `晚上小区门口路灯不亮，老人出行不便 ${marker}`,
        receivedAt: new Date(now - (i + 1) * 30 * 86_400_000),
      });
    }
    await buildHandledOpinion(db, { regionCode: `${region}100`, leadUnitId: fresh.id, title: `路灯损坏 ${marker}` });
    await buildHandledOpinion(db, {
      regionCode: `${region}101`,
      leadUnitId: stale.id,
      title: `路灯损坏 ${marker}`,
      receivedAt: new Date(now - 2 * YEAR),
    });
    await buildHandledOpinion(db, { regionCode: region, leadUnitId: unrelated.id, title: '医保报销比例问题' });
    await buildHandledOpinion(db, { regionCode: region, leadUnitId: closed.id, title: `路灯不亮 ${marker}` });
    await buildHandledOpinion(db, { regionCode: '230102', leadUnitId: faraway.id, title: `路灯不亮 ${marker}` });
    await buildHandledOpinion(db, { regionCode: region, leadUnitId: null, title: `路灯不亮 ${marker}` });
    // Beyond the window of past cases that still count.
    const ancient = await buildOrganization(db, { regionCode: region });
    await buildHandledOpinion(db, {
      regionCode: region,
      leadUnitId: ancient.id,
      title: `路灯不亮 ${marker}`,
      receivedAt: new Date(now - 4 * YEAR),
    });

    const items = await suggest({ regionCode: `${region}100`, text: `我家楼下路灯不亮好几天了 ${marker}`, limit: '10' });
    const mine = items.filter((s) =>
      [busy.id, fresh.id, stale.id, unrelated.id, closed.id, faraway.id, ancient.id].includes(s.unitId),
    );
    expect(mine.map((s) => s.unitId)).toEqual([busy.id, fresh.id, stale.id]);
    expect(mine.every((s) => s.source === 'similar' && s.rule === null)).toBe(true);
    expect(mine[0]?.similar?.count).toBe(3);
    expect(mine[0]?.reason).toBe('近期主办过 3 件相似意见');
    expect(mine[1]?.similar?.count).toBe(1);
    expect(mine[1]?.similar?.score ?? 0).toBeGreaterThan(mine[2]?.similar?.score ?? 0);

    // A text without words (only punctuation and emoji) proposes nothing from past cases.
    expect(await suggest({ regionCode: region, text: '！！😀😀' })).toEqual([]);
  });

  it('merges a unit found both ways into its rule place, with its case count', async () => {
    const db = t.deps.db;
    const category = await buildCategory(db);
    const marker = uniq('mk');
    const ruled = await buildOrganization(db, { regionCode: '232721' });
    const other = await buildOrganization(db, { regionCode: '232721' });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '232721', unitId: ruled.id });
    for (const unit of [other, other, ruled]) {
      await buildHandledOpinion(db, { regionCode: '232721', leadUnitId: unit.id, title: `供暖温度不达标 ${marker}` });
    }
    const items = await suggest({ regionCode: '232721', categoryId: category.id, text: `暖气不热 ${marker}` });
    expect(items.map((s) => [s.unitId, s.source])).toEqual([
      [ruled.id, 'rule'],
      [other.id, 'similar'],
    ]);
    expect(items[0]?.similar?.count).toBe(1);
    expect(items[0]?.reason).toContain('相似意见');
  });

  it('is callable by the opinions module inside a transaction', async () => {
    const db = t.deps.db;
    const category = await buildCategory(db);
    const unit = await buildOrganization(db, { regionCode: '230102' });
    await buildRoutingRule(db, { categoryId: category.id, regionCode: '230102', unitId: unit.id });
    const found = await db.transaction((tx) =>
      suggestUnits(tx, { regionCode: TOWNSHIP, categoryId: category.id, text: '路灯', limit: 3 }),
    );
    expect(found[0]).toMatchObject({
      unitId: unit.id,
      source: 'rule',
      reason: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('asks for a region in scope and valid input', async () => {
    const district = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    expect((await district.inject({ method: 'GET', url: '/api/routing/suggestions?regionCode=230103' })).statusCode).toBe(403);
    const deputy = await agentFor(t.app, { role: 'deputy', regionCode: '230102' });
    expect((await deputy.inject({ method: 'GET', url: '/api/routing/suggestions?regionCode=230102' })).statusCode).toBe(403);

    const get = (q: string) =>
      office.inject({ method: 'GET', url: `/api/routing/suggestions?${q}`, headers: { 'accept-language': 'en' } });
    expect((await get('')).json().issues[0].path).toBe('regionCode');
    expect((await get(`regionCode=2301&text=${'字'.repeat(2001)}`)).json().issues[0].message).toContain('2,000');
    expect((await get('regionCode=2301&limit=0')).statusCode).toBe(400);
    expect((await get('regionCode=2301&limit=21')).statusCode).toBe(400);
    expect((await get('regionCode=2301&categoryId=00000000-0000-4000-8000-000000000000')).json()).toMatchObject({
      statusCode: 404,
      code: 'CATEGORY_NOT_FOUND',
    });
    expect((await get('regionCode=2301')).json()).toEqual({ items: [], total: 0 });
  });
});
