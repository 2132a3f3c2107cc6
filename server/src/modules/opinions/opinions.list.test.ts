import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { Agent } from '../../test/factories.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld } from '../../test/factories.opinions.js';
import { listPage, rankedPage } from './opinions.list.repo.js';
import { searchCondition, searchRank, searchTermsOf } from './opinions.search.js';
import { opinionCategories, opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;
let cat: Record<string, string>;
/** a: overdue street lights; b: heating, transferred; c: the office's own, no station; d: the other station's. */
const c: Record<'a' | 'b' | 'c' | 'd', { id: string; trackingCode: string }> = {} as never;

const DAY = 86_400_000;
const A_CONTENT =
  '幸福小区东门外三盏路灯已坏一个多月，门牌 88163 号附近，晚上老人出行不安全，希望尽快修复。' +
  '同时附近的人行道地砖松动，雨天积水严重，行人经过时容易滑倒，周边商户和学校家长也多次反映，希望一并处理。';
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const rows = await t.deps.db
    .select({ id: opinionCategories.id, code: opinionCategories.code })
    .from(opinionCategories)
    .where(inArray(opinionCategories.code, ['urban', 'urban.roads', 'utilities.heating']));
  cat = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  c.a = await buildOpinion(t.deps, {
    stationId: w.station.id,
    title: '幸福小区路灯不亮',
    content: A_CONTENT,
    categoryId: cat['urban.roads'],
    channel: 'qr',
    receivedAt: new Date(Date.now() - 40 * DAY).toISOString(),
  });
  c.b = await buildOpinion(t.deps, {
    stationId: w.station.id,
    content: '锦绣家园冬季暖气不热，室温只有十二度，请供热公司检修管道。',
    categoryId: cat['utilities.heating'],
    channel: 'hotline',
  });
  await advance(w, c.b.id, 'transferred');
  const created = await w.office.inject({
    method: 'POST',
    url: '/api/opinions',
    payload: { channel: 'letter', regionCode: w.county, content: '建议在人民公园增设健身器材和休息座椅。' },
  });
  expect(created.statusCode, created.body).toBe(201);
  c.c = created.json();
  c.d = await buildOpinion(t.deps, { stationId: w.otherStation.id, content: '幸福小区西门的路灯晚上也不亮，门口很黑。' });
});
afterAll(async () => {
  await t?.close();
});

type Item = { id: string; [k: string]: unknown };
type Page = { items: Item[]; total: number; totalExact: boolean };

async function list(agent: Agent, query = '', lang = 'zh'): Promise<Page> {
  const res = await agent.inject({
    method: 'GET',
    url: `/api/opinions?pageSize=100${query}`,
    headers: { 'accept-language': lang },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = async (agent: Agent, query = '') => (await list(agent, query)).items.map((i) => i.id);
const mine = (found: string[]) => (Object.keys(c) as (keyof typeof c)[]).filter((k) => found.includes(c[k].id)).sort();

describe('GET /api/opinions: who sees what', () => {
  it('lists exactly the cases each account may open', async () => {
    const agents: [string, Agent][] = [
      ['deputy', w.deputy],
      ['otherDeputy', w.otherDeputy],
      ['stationStaff', w.stationStaff],
      ['otherStationStaff', w.otherStationStaff],
      ['office', w.office],
      ['farOffice', w.farOffice],
      ['leader', w.leader],
      ['unitStaff', w.unitStaff],
      ['coUnitStaff', w.coUnitStaff],
    ];
    for (const [name, agent] of agents) {
      const listed = await ids(agent);
      for (const [key, { id }] of Object.entries(c)) {
        const opened = (await agent.inject({ method: 'GET', url: `/api/opinions/${id}` })).statusCode;
        expect([200, 403], `${name} GET ${key}`).toContain(opened);
        expect(listed.includes(id), `${name} lists ${key}`).toBe(opened === 200);
      }
    }
    expect(mine(await ids(w.office))).toEqual(['a', 'b', 'c', 'd']);
    expect(mine(await ids(w.stationStaff))).toEqual(['a', 'b']);
    expect(mine(await ids(w.otherStationStaff))).toEqual(['d']);
    expect(mine(await ids(w.unitStaff))).toEqual(['b']);
    expect(mine(await ids(w.coUnitStaff))).toEqual(['b']);
    expect(mine(await ids(w.farOffice))).toEqual([]);
  });

  it('answers the items of the contract, with the constituent masked', async () => {
    const page = await list(w.stationStaff, `&stationId=${w.station.id}`);
    const a = page.items.find((i) => i.id === c.a.id);
    expect(a).toMatchObject({
      trackingCode: c.a.trackingCode,
      title: '幸福小区路灯不亮',
      state: 'submitted',
      channel: 'qr',
      categoryId: cat['urban.roads'],
      categoryName: '道路与路灯',
      regionCode: w.township,
      stationId: w.station.id,
      stationName: w.station.name,
      responsibleDeputyId: w.head.id,
      responsibleDeputyName: w.head.name,
      leadUnitId: null,
      overdue: true,
      supervised: false,
      urgeCount: 0,
      evaluation: null,
      submitterNameMasked: '王**',
    });
    expect(a?.summary).toBe([...A_CONTENT].slice(0, 80).join(''));
    expect(typeof a?.regionName).toBe('string');
    const b = page.items.find((i) => i.id === c.b.id);
    expect(b).toMatchObject({ state: 'transferred', leadUnitId: w.unit.id, leadUnitName: w.unit.name, overdue: false });
    expect(JSON.stringify(page)).not.toContain('13912345678');
    expect(page.totalExact).toBe(true);
  });
});

describe('GET /api/opinions: filters', () => {
  it('filters by state, channel, category subtree, region, station, deputy and unit', async () => {
    const o = w.office;
    expect(mine(await ids(o, '&state=transferred'))).toEqual(['b']);
    expect(mine(await ids(o, '&state=submitted,transferred'))).toEqual(['a', 'b', 'c', 'd']);
    expect(mine(await ids(o, '&state=submitted&state=rejected'))).toEqual(['a', 'c', 'd']);
    expect(mine(await ids(o, '&channel=hotline,letter'))).toEqual(['b', 'c']);
    expect(mine(await ids(o, `&categoryId=${cat.urban}`))).toEqual(['a']);
    expect(mine(await ids(o, `&categoryId=${cat['urban.roads']}`))).toEqual(['a']);
    expect(mine(await ids(o, `&regionCode=${w.township}`))).toEqual(['a', 'b', 'd']);
    expect(mine(await ids(o, `&regionCode=${w.county}`))).toEqual(['a', 'b', 'c', 'd']);
    expect(mine(await ids(o, `&stationId=${w.otherStation.id}`))).toEqual(['d']);
    expect(mine(await ids(o, `&deputyId=${w.head.id}`))).toEqual(['a', 'b']);
    expect(mine(await ids(o, `&unitId=${w.coUnit.id}`))).toEqual(['b']);
    // Filters narrow the account's scope, never widen it.
    expect(mine(await ids(w.farOffice, `&regionCode=${w.county}`))).toEqual([]);
  });

  it('filters by received date (China days), overdue and supervision', async () => {
    const o = w.office;
    const aDay = chinaDay(Date.now() - 40 * DAY);
    expect(mine(await ids(o, `&from=${aDay}&to=${aDay}`))).toEqual(['a']);
    expect(mine(await ids(o, `&from=${chinaDay(Date.now() - 39 * DAY)}`))).toEqual(['b', 'c', 'd']);
    expect(mine(await ids(o, `&to=${chinaDay(Date.now() - 39 * DAY)}`))).toEqual(['a']);
    expect(mine(await ids(o, '&overdue=true'))).toEqual(['a']);
    expect(mine(await ids(o, '&overdue=false'))).toEqual(['b', 'c', 'd']);
    expect(mine(await ids(o, '&supervised=true'))).toEqual([]);
    expect(mine(await ids(o, '&supervised=false'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts and pages', async () => {
    const o = w.office;
    const q = `&stationId=${w.station.id}`;
    expect(mine(await ids(o, `${q}&sort=receivedAt`))).toEqual(['a', 'b']);
    expect((await ids(o, `${q}&sort=receivedAt`))[0]).toBe(c.a.id);
    expect((await ids(o, `${q}&sort=-receivedAt`))[0]).toBe(c.b.id);
    // a's deadline passed weeks ago; b's is days ahead.
    expect(await ids(o, `${q}&sort=dueAt`)).toEqual([c.a.id, c.b.id]);
    expect(await ids(o, `${q}&sort=-dueAt`)).toEqual([c.b.id, c.a.id]);
    const p1 = await o.inject({ method: 'GET', url: `/api/opinions?stationId=${w.station.id}&pageSize=1&page=1` });
    const p2 = await o.inject({ method: 'GET', url: `/api/opinions?stationId=${w.station.id}&pageSize=1&page=2` });
    expect(p1.json().total).toBe(2);
    expect([p1.json().items[0].id, p2.json().items[0].id]).toEqual([c.b.id, c.a.id]);
    // Past the last case: no rows, and still the number of cases (the page of one statement counts on its rows).
    const past = await o.inject({ method: 'GET', url: `/api/opinions?stationId=${w.station.id}&pageSize=1&page=3` });
    expect(past.json()).toMatchObject({ items: [], total: 2, totalExact: true });
    const none = await o.inject({ method: 'GET', url: `/api/opinions?stationId=${w.station.id}&channel=card` });
    expect(none.json()).toMatchObject({ items: [], total: 0, totalExact: true });
  });
});

describe('GET /api/opinions: search', () => {
  it('finds Chinese words, phrases, numbers, substrings and tracking codes', async () => {
    const o = w.office;
    expect(mine(await ids(o, `&q=${encodeURIComponent('路灯')}`))).toEqual(['a', 'd']);
    expect(mine(await ids(o, `&q=${encodeURIComponent('暖气不热')}`))).toEqual(['b']);
    expect(mine(await ids(o, `&q=${encodeURIComponent('健身器材')}`))).toEqual(['c']);
    expect(mine(await ids(o, '&q=88163'))).toEqual(['a']);
    // Not a word of the document: found as a substring through the trigram index.
    expect(mine(await ids(o, '&q=8816'))).toEqual(['a']);
    expect(mine(await ids(o, `&q=${c.b.trackingCode.toLowerCase()}`))).toEqual(['b']);
    // Only punctuation: nothing to look for, an empty page rather than an error.
    expect(await list(o, `&q=${encodeURIComponent('！！')}`)).toMatchObject({ items: [], total: 0 });
  });

  it('counts a search with its ranking, on every page and past the last match', async () => {
    const q = `&q=${encodeURIComponent('路灯')}`;
    const all = await list(w.office, q);
    expect(all.totalExact).toBe(true);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const page = async (n: number) =>
      (await w.office.inject({ method: 'GET', url: `/api/opinions?pageSize=1&page=${n}${q}` })).json() as Page;
    expect(await page(2)).toMatchObject({ total: all.total, totalExact: true });
    expect((await page(2)).items).toHaveLength(1);
    expect(await page(50)).toMatchObject({ items: [], total: all.total, totalExact: true });
  });

  it('combines the search with the filters and the scope', async () => {
    expect(mine(await ids(w.office, `&q=${encodeURIComponent('路灯')}&stationId=${w.otherStation.id}`))).toEqual(['d']);
    expect(mine(await ids(w.office, `&q=${encodeURIComponent('路灯')}&overdue=true`))).toEqual(['a']);
    expect(mine(await ids(w.stationStaff, `&q=${encodeURIComponent('路灯')}`))).toEqual(['a']);
    expect(mine(await ids(w.unitStaff, `&q=${encodeURIComponent('路灯')}`))).toEqual([]);
  });

  it('answers a one-word search from the word’s index as from the cases themselves', async () => {
    for (const word of ['路灯', '暖气', '健身']) {
      const q = `&q=${encodeURIComponent(word)}`;
      const index = await list(w.office, q);
      // A filter that every case passes makes the list read the cases themselves.
      const cases = await list(w.office, `${q}&from=2000-01-01`);
      expect(index.items.length, word).toBeGreaterThan(0);
      expect(index, word).toEqual(cases);
      expect(await list(w.office, `${q}&regionCode=${w.township}`), word).toEqual(
        await list(w.office, `${q}&regionCode=${w.township}&from=2000-01-01`),
      );
    }
  });

  it('ranks the phrase in the title above a mention in the content, unless another order is asked for', async () => {
    // d is newer and has the words, a has the phrase in its title.
    const q = `&q=${encodeURIComponent('幸福小区路灯')}&regionCode=${w.township}`;
    expect(mine(await ids(w.office, q))).toEqual(['a', 'd']);
    expect((await ids(w.office, q))[0]).toBe(c.a.id);
    expect((await ids(w.office, `${q}&sort=-receivedAt`))[0]).toBe(c.d.id);
    const byCode = await ids(w.office, `&q=${c.d.trackingCode}`);
    expect(byCode[0]).toBe(c.d.id);
    const oldest = await ids(w.office, `&q=${encodeURIComponent('路灯')}&sort=receivedAt`);
    expect(oldest[0]).toBe(c.a.id);
  });
});

describe('GET /api/opinions: validation', () => {
  const bad = async (query: string, lang = 'zh') => {
    const res = await w.office.inject({ method: 'GET', url: `/api/opinions?${query}`, headers: { 'accept-language': lang } });
    expect(res.statusCode, query).toBe(400);
    return res.json() as { code: string; message: string };
  };

  it('answers 400 with a message in Chinese or English, never 500', async () => {
    expect((await bad('stationId=abc')).message).toContain('联络站编号格式不正确');
    expect((await bad('stationId=abc', 'en')).message).toMatch(/station id is not a valid/i);
    expect((await bad('categoryId=1')).message).toContain('类别编号格式不正确');
    expect((await bad('unitId=x')).message).toContain('承办单位编号格式不正确');
    // The English twin of a shared Chinese message is whichever module registered it: match loosely.
    expect((await bad('deputyId=x', 'en')).message).toMatch(/deputy id is not a valid/i);
    expect((await bad('from=2024-02-30')).message).toContain('开始日期不是有效的日期');
    expect((await bad('to=2024/01/01', 'en')).message).toContain('The end date must be a date as YYYY-MM-DD');
    expect((await bad('from=2024-03-02&to=2024-03-01')).message).toContain('开始日期不能晚于结束日期');
    expect((await bad('state=open')).message).toContain('未知的意见状态');
    expect((await bad('state=submitted,nope', 'en')).message).toContain('Unknown opinion state');
    expect((await bad('channel=fax')).message).toContain('未知的渠道');
    expect((await bad('overdue=yes')).message).toContain('是否超期只能为 true 或 false');
    expect((await bad('supervised=1', 'en')).message).toContain('supervised must be true or false');
    expect((await bad('queue=everything')).message).toContain('未知的工作队列');
    expect((await bad('sort=title')).message).toContain('排序方式不正确');
    expect((await bad('regionCode=abc')).message).toContain('行政区划代码格式不正确');
    expect((await bad('pageSize=101')).message).toContain('每页条数应在 1 到 100 之间');
    expect((await bad('page=0', 'en')).message).toContain('Pages start at 1');
    expect((await bad(`q=${'路'.repeat(101)}`)).message).toContain('搜索词不能超过 100 个字符');
  });

  it('finds the same page whether its matches are read in one pass or along the index', async () => {
    for (const sort of ['-receivedAt', 'receivedAt', 'dueAt', '-dueAt'] as const) {
      for (const offset of [0, 1, 2]) {
        const window = { limit: 2, offset };
        const onePass = await listPage(t.deps.db, undefined, sort, window);
        // More matches than the pass holds: the page comes from casePage.
        const alongIndex = await listPage(t.deps.db, undefined, sort, window, undefined, 1);
        expect(
          alongIndex.rows.map((r) => r.id),
          `${sort} from ${offset}`,
        ).toEqual(onePass.rows.map((r) => r.id));
        expect(alongIndex.total).toBe(onePass.total);
        expect(onePass.total).toBeGreaterThanOrEqual(4);
        expect(onePass.rows[0]?.stationName ?? null).toBe(alongIndex.rows[0]?.stationName ?? null);
      }
    }
  });

  it('ranks the newest matches of a search and counts one more when there are more', async () => {
    // Matches from a day to more than a year old, the newest first.
    const ages = [1, 3, 20, 100, 500];
    const made: string[] = [];
    for (const days of ages) {
      const receivedAt = new Date(Date.now() - days * DAY);
      const o = await buildOpinion(t.deps, {
        stationId: w.station.id,
        content: `楼下鸽舍的噪音和气味影响居民休息，已经持续 ${days} 天。`,
        // Intake takes dates of the past year only: an older case is moved back afterwards.
        receivedAt: new Date(Math.max(receivedAt.getTime(), Date.now() - 300 * DAY)).toISOString(),
      });
      await t.deps.db.update(opinions).set({ receivedAt }).where(eq(opinions.id, o.id));
      made.push(o.id);
    }
    const terms = searchTermsOf('鸽舍');
    // A pool of n holds the n newest matches, whatever their age, and counts up to n + 1.
    for (let pool = 1; pool <= ages.length; pool++) {
      const found = await rankedPage(t.deps.db, searchCondition(terms), searchRank(terms), pool, 10, 0);
      expect(new Set(found.rows.map((r) => r.id)), `pool ${pool}`).toEqual(new Set(made.slice(0, pool)));
      expect(found.pooled, `pool ${pool}`).toBe(Math.min(pool + 1, ages.length));
    }
  });

  it('keeps the roles without cases out', async () => {
    const { agentFor } = await import('../../test/factories.js');
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    expect((await admin.inject({ method: 'GET', url: '/api/opinions' })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: '/api/opinions/workbench' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/opinions' })).statusCode).toBe(401);
  });
});
