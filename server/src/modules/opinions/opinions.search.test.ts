import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCaseWorld, buildOpinion, type CaseWorld } from '../../test/factories.opinions.js';
import { randomCounty } from '../../test/factories.stations.js';
import { underRegion } from '../regions/regions.tables.js';
import { RARE_WORD_CASES, rankedPage, rareWordPage, wordRankedPage } from './opinions.list.repo.js';
import { requiredWordJoin, searchCondition, searchRank, searchTermsOf } from './opinions.search.js';
import { opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

const CONTENTS = [
  '幸福小区东门外三盏路灯已坏一个多月，晚上老人出行不安全。',
  '小区停车难，晚上车辆停到消防通道上。',
  '路灯不亮，停车场也没有照明。',
  'Parking lot 3号楼 的灯坏了，abc123 门禁也坏了。',
  '垃圾清运不及时，夏天气味很大，请环卫部门处理。',
  '楼道里的灯不亮了，请物业更换灯泡。',
  '車站旁边的灯不亮（全角ＡＢＣ）。',
];
const QUERIES = [
  '路灯',
  '停车难',
  '停车',
  '灯不亮',
  '路灯不亮',
  '不亮',
  '灯',
  '垃圾清运不及时',
  '3号楼',
  'abc123',
  'parking',
  '车站',
  '停车场照明',
  '鸽子',
];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  for (const content of CONTENTS) await buildOpinion(t.deps, { stationId: w.station.id, content });
  // A title of its own (otherwise it is the content's beginning): the word in the content only, in the title only.
  await buildOpinion(t.deps, { stationId: w.station.id, title: '夜间照明', content: '小区北门的路灯坏了。' });
  await buildOpinion(t.deps, { stationId: w.station.id, title: '路灯维修', content: '北门晚上一片漆黑，请尽快修好。' });
});
afterAll(async () => {
  await t?.close();
});

const wordsOf = async (id: string) =>
  resultRows<{ word: string }>(
    await t.deps.db.execute(sql`SELECT word FROM opinion_search_words WHERE opinion_id = ${id} ORDER BY word`),
  ).map((r) => r.word);
const lexemesOf = async (id: string) =>
  resultRows<{ word: string }>(
    await t.deps.db.execute(
      sql`SELECT unnest(tsvector_to_array(search_tokens)) AS word FROM opinions WHERE id = ${id} ORDER BY 1`,
    ),
  ).map((r) => r.word);

describe('search along the words in the order of time', () => {
  it('requires only words that every match of the words or of the substring holds', () => {
    expect(searchTermsOf('路灯').required).toBe('路灯');
    // 停车难 matches 停车难 or its pairs, and the substring 停车难 holds both pairs.
    expect(searchTermsOf('停车难').required).toBe('停车');
    // 路灯不亮 is cut 路 | 灯不亮: the substring 路灯不亮 does not need 路 alone, only its pairs.
    expect(searchTermsOf('路灯不亮').required).toBe('灯不');
    // A Latin substring or a tracking code can match without any Chinese word.
    expect(searchTermsOf('3号楼').required).toBeNull();
    expect(searchTermsOf('abc12345').required).toBeNull();
    expect(searchTermsOf('！！').required).toBeNull();
  });

  it('reads a search from the word’s index only when nothing but the word can match', () => {
    expect(searchTermsOf('路灯').word).toBe('路灯');
    expect(searchTermsOf('灯').word).toBe('灯');
    expect(searchTermsOf('12').word).toBe('12');
    // A longer text also matches as a substring, a Chinese one also by its pairs.
    expect(searchTermsOf('停车难').word).toBeNull();
    expect(searchTermsOf('abc123').word).toBeNull();
    // Two words, a word with punctuation, a word in capitals (the phrase ranks it as typed).
    expect(searchTermsOf('路 灯').word).toBeNull();
    expect(searchTermsOf('灯!').word).toBeNull();
    expect(searchTermsOf('AB').word).toBeNull();
  });

  it('ranks a one-word search from the word’s index as from the cases themselves', async () => {
    // In the cases' township (other files' cases are elsewhere) and in a region without them; deep
    // enough for every match, and a pool of two paged by one.
    const words = [...new Set([...QUERIES, '坏', '楼道', '12'].map((q) => searchTermsOf(q).word).filter((q) => q !== null))];
    expect(words).toEqual(['路灯', '停车', '灯', '车站', '鸽子', '坏', '楼道', '12']);
    let found = 0;
    for (const region of [w.township, '99']) {
      for (const word of words) {
        const terms = searchTermsOf(word);
        const where = and(searchCondition(terms), underRegion(opinions.regionCode, region));
        for (const [pool, limit, offset] of [
          [200, 50, 0],
          [2, 1, 1],
        ] as const) {
          const cases = await rankedPage(t.deps.db, where, searchRank(terms), pool, limit, offset);
          const index = await wordRankedPage(t.deps.db, word, region, pool, limit, offset);
          const label = `${word} in '${region}', ${pool}/${limit}/${offset}`;
          expect(index.rows, label).toEqual(cases.rows);
          expect(index.pooled, label).toBe(cases.pooled);
          found += cases.rows.length;
        }
      }
    }
    expect(found).toBeGreaterThan(5);
  });

  it('reads a search by its rarest word as from the cases themselves, and leaves a common one to them', async () => {
    const here = eq(opinions.stationId, w.station.id);
    let found = 0;
    for (const region of ['', w.county, w.township, '99']) {
      for (const q of QUERIES) {
        const terms = searchTermsOf(q);
        if (terms.holds.length === 0) continue;
        const where = and(searchCondition(terms), here, region ? underRegion(opinions.regionCode, region) : undefined);
        for (const [pool, limit, offset] of [
          [200, 50, 0],
          [2, 1, 1],
        ] as const) {
          const cases = await rankedPage(t.deps.db, where, searchRank(terms), pool, limit, offset);
          const rare = await rareWordPage(t.deps.db, where, searchRank(terms), terms.holds, region, pool, limit, offset);
          const label = `${q} in '${region}', ${pool}/${limit}/${offset}`;
          // Other files' cases in the same database may make a word common on PostgreSQL, never here.
          expect(rare, label).not.toBeNull();
          expect(rare?.rows, label).toEqual(cases.rows);
          expect(rare?.pooled, label).toBe(cases.pooled);
          found += cases.rows.length;
        }
      }
    }
    expect(found).toBeGreaterThan(20);
    // One more case than the bound holds 蜂箱: read as rankedPage does; 蜂箱 with a rare word still by that word.
    for (let i = 0; i <= RARE_WORD_CASES; i++) {
      await buildOpinion(t.deps, { stationId: w.otherStation.id, content: `楼顶的蜂箱${i}号招来很多蜜蜂。` });
    }
    const common = searchTermsOf('蜂箱');
    const inTownship = (terms: typeof common) => and(searchCondition(terms), underRegion(opinions.regionCode, w.township));
    expect(
      await rareWordPage(t.deps.db, inTownship(common), searchRank(common), common.holds, w.township, 200, 20, 0),
    ).toBeNull();
    const both = searchTermsOf('蜂箱幸福');
    expect(both.holds).toEqual(['蜂箱', '幸福']);
    const rare = await rareWordPage(t.deps.db, inTownship(both), searchRank(both), both.holds, w.township, 200, 20, 0);
    expect(rare).toEqual({ rows: [], pooled: 0 });
  });

  it('ranks a case anew when its title or content changes', async () => {
    const o = await buildOpinion(t.deps, { stationId: w.station.id, content: '健身器材损坏。', title: '器材' });
    const rankOf = async () =>
      resultRows<{ rank: number }>(
        await t.deps.db.execute(sql`SELECT rank FROM opinion_search_words WHERE opinion_id = ${o.id} AND word = '健身'`),
      )[0]?.rank;
    const before = Number(await rankOf());
    await t.deps.db.update(opinions).set({ title: '健身器材' }).where(eq(opinions.id, o.id));
    expect(Number(await rankOf())).toBeCloseTo(before + 2, 5);
    await t.deps.db.update(opinions).set({ content: '器材损坏。' }).where(eq(opinions.id, o.id));
    expect(Number(await rankOf())).toBeCloseTo(before + 1, 5);
    await t.deps.db.delete(opinions).where(eq(opinions.id, o.id));
  });

  it('finds the same matches, in the same order, as reading the cases themselves', async () => {
    // Every reading keeps to this file's station: on PostgreSQL other files write cases with the same
    // words into the same database meanwhile. Without a region, in the cases' county and township, and
    // in a region without them.
    const here = eq(opinions.stationId, w.station.id);
    for (const region of ['', w.county, w.township, '99']) {
      for (const q of QUERIES) {
        const terms = searchTermsOf(q);
        const where = and(searchCondition(terms), here, region ? underRegion(opinions.regionCode, region) : undefined);
        const cases = await rankedPage(t.deps.db, where, searchRank(terms), 200, 50, 0);
        const words = await rankedPage(t.deps.db, where, searchRank(terms), 200, 50, 0, requiredWordJoin(terms, region));
        const label = `${q} in '${region}'`;
        expect(
          words.rows.map((r) => r.id),
          label,
        ).toEqual(cases.rows.map((r) => r.id));
        expect(words.pooled, label).toBe(cases.pooled);
      }
    }
    // The queries do find cases, in the county as well: the comparison is not between empty lists.
    const lamp = searchTermsOf('灯不亮');
    const inCounty = and(searchCondition(lamp), here, underRegion(opinions.regionCode, w.county));
    const found = await rankedPage(t.deps.db, inCounty, searchRank(lamp), 200, 50, 0, requiredWordJoin(lamp, w.county));
    expect(found.rows.length).toBe(3);
  });

  it('keeps a case’s words as its words change, its time or region moves and it is deleted', async () => {
    const o = await buildOpinion(t.deps, { stationId: w.station.id, content: '公园健身器材损坏，孩子容易受伤。' });
    expect(await wordsOf(o.id)).toEqual(await lexemesOf(o.id));
    expect(await wordsOf(o.id)).toContain('健身');

    await t.deps.db.update(opinions).set({ searchTokens: sql`to_tsvector('simple', '河道 垃圾')` }).where(eq(opinions.id, o.id));
    expect(await wordsOf(o.id)).toEqual(['垃圾', '河道']);

    const earlier = new Date(Date.now() - 30 * 86_400_000);
    await t.deps.db.update(opinions).set({ receivedAt: earlier }).where(eq(opinions.id, o.id));
    const times = resultRows<{ at: Date | string }>(
      await t.deps.db.execute(sql`SELECT DISTINCT received_at AS at FROM opinion_search_words WHERE opinion_id = ${o.id}`),
    );
    expect(times.map((r) => new Date(r.at).getTime())).toEqual([earlier.getTime()]);

    const { county: far } = await randomCounty(t.deps.db, { notIn: w.county.slice(0, 4) });
    await t.deps.db.update(opinions).set({ regionCode: far }).where(eq(opinions.id, o.id));
    const regions = resultRows<{ region: string }>(
      await t.deps.db.execute(sql`SELECT DISTINCT region_code AS region FROM opinion_search_words WHERE opinion_id = ${o.id}`),
    );
    expect(regions.map((r) => r.region)).toEqual([far]);

    await t.deps.db.update(opinions).set({ searchTokens: null }).where(eq(opinions.id, o.id));
    expect(await wordsOf(o.id)).toEqual([]);
    await t.deps.db.update(opinions).set({ searchTokens: sql`to_tsvector('simple', '河道')` }).where(eq(opinions.id, o.id));
    await t.deps.db.delete(opinions).where(eq(opinions.id, o.id));
    expect(await wordsOf(o.id)).toEqual([]);
  });
});
