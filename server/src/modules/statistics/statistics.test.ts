import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor } from '../../test/factories.js';
import { buildOpinion, step } from '../../test/factories.opinions.js';
import { waitingSubmission } from '../../test/factories.portal.js';
import { buildStation } from '../../test/factories.stations.js';
import {
  breakdownOf,
  buildStatsWorld,
  categoryIds,
  directCounts,
  incrementalAndRebuilt,
  listDates,
  listTotal,
  overviewOf,
  type Query,
  regionName,
  type StatsWorld,
  stageAverages,
} from '../../test/factories.statistics.js';
import { registerInboxBatch } from '../opinions/commands/registerInbox.js';
import { runOpinionDeadlinesOnce } from '../opinions/opinions.jobs.js';
import { opinions } from '../opinions/opinions.tables.js';

/**
 * The figures of DESIGN §5 on a township of the test's own, driven through the real API along every
 * path of the loop — rejected, merged, answered on the spot, converted, re-handled after an
 * unsatisfied evaluation, returned by a unit and transferred again, re-categorised, overdue — and
 * checked against the opinions table, the case list with the same filters, the timelines, and a
 * rebuild of the counters from scratch.
 */

const at = (local: string) => `${local}+08:00`;
const clock = fixedClock(at('2026-02-13T10:00:00'));
let t: TestApp;
let w: StatsWorld;
let cat: Record<string, string>;
const c: Record<string, string> = {};

const FEB = { from: '2026-02', to: '2026-02' };
const MAR = { from: '2026-03', to: '2026-03' };
const BOTH = { from: '2026-02', to: '2026-03' };

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildStatsWorld(t);
  cat = await categoryIds(t.deps.db);
  const open = async (o: { channel: string; categoryId?: string; content?: string }) =>
    (
      await buildOpinion(t.deps, {
        stationId: w.station.id,
        channel: o.channel as 'qr',
        categoryId: o.categoryId,
        content: `${o.content ?? '小区路灯坏了，晚上出行不安全。'}${Math.random()}`,
      })
    ).id;

  // February: received on Friday 13th, before the Spring Festival (15–23) and its make-up Saturdays.
  clock.set(at('2026-02-13T10:00:00'));
  c.a = await open({ channel: 'qr', categoryId: cat['urban.roads'] });
  c.b = await open({ channel: 'hotline', categoryId: cat['utilities.heating'] });
  c.c = await open({ channel: 'card', categoryId: cat['utilities.heating'], content: '暖气不热。' });
  c.d = await open({ channel: 'qr', categoryId: cat['urban.roads'], content: '人行道破损。' });
  c.e = await open({ channel: 'qr', categoryId: cat['urban.roads'] });
  const byOffice = await w.office.inject({
    method: 'POST',
    url: '/api/opinions',
    payload: { channel: 'letter', regionCode: w.township, content: '建议在社区公园增设健身器材。' },
  });
  expect(byOffice.statusCode, byOffice.body).toBe(201);
  c.k = byOffice.json().id;

  clock.set(at('2026-02-25T09:00:00'));
  for (const id of [c.a, c.c, c.d] as string[]) {
    await step(w.deputy, id, 'accept');
    await step(w.deputy, id, 'escalate');
  }
  await step(w.deputy, c.b as string, 'reject', { reason: '属于诉讼程序中的事项', guidance: '请向法院咨询' });
  await step(w.office, c.a as string, 'transfer', { leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id] });
  await step(w.office, c.c as string, 'transfer', { leadUnitId: w.unit.id });
  await step(w.office, c.d as string, 'transfer', { leadUnitId: w.unit.id });
  await step(w.office, c.e as string, 'merge', { primaryId: c.a });

  clock.set(at('2026-02-27T16:00:00'));
  await step(w.unitStaff, c.a as string, 'unit_accept');
  await step(w.unitStaff, c.c as string, 'unit_accept');
  // Not the housing bureau's matter: returned, and sent to the city management bureau instead.
  await step(w.unitStaff, c.d as string, 'unit_return', { reason: '不属于本单位职责' });
  await step(w.office, c.d as string, 'transfer', { leadUnitId: w.coUnit.id });

  // March.
  clock.set(at('2026-03-10T09:00:00'));
  await step(w.unitStaff, c.a as string, 'reply', { result: 'resolved', text: '已更换路灯。' });
  await step(w.unitStaff, c.c as string, 'reply', { result: 'basically_resolved', text: '已排查管道。' });
  c.f = await open({ channel: 'station_visit' });
  c.g = await open({ channel: 'qr', categoryId: cat.environment });
  c.h = await open({ channel: 'online', categoryId: cat.education });
  c.i = await open({ channel: 'qr', categoryId: cat['traffic.parking'] });
  c.j = await open({ channel: 'hotline', categoryId: cat.other });
  await step(w.deputy, c.f, 'accept');
  await step(w.deputy, c.f, 'answer_on_spot', { result: 'resolved', text: '当场协调物业解决。' });
  await step(w.deputy, c.h, 'accept');
  await step(w.deputy, c.h, 'convert');
  await step(w.deputy, c.i, 'accept');
  await step(w.deputy, c.i, 'escalate');
  await step(w.office, c.i, 'transfer', { leadUnitId: w.unit.id });
  await step(w.deputy, c.j, 'accept');
  await step(w.deputy, c.j, 'answer_on_spot', { result: 'being_resolved', text: '已列入明年计划。' });
  // Public submissions at a station of the county itself, registered together in one statement: their
  // cells are counted together (migration 0027). Outside the township, so its figures stay as above.
  const countyStation = await buildStation(t.deps.db, { regionCode: w.county });
  c.countyStation = countyStation.id;
  for (const categoryId of [cat.environment, cat.environment, cat['urban.roads'], undefined]) {
    await waitingSubmission(t.deps, { stationCode: countyStation.code, categoryId, receivedAt: clock.now() });
  }
  while ((await registerInboxBatch(t.deps)) > 0) {
    // until the inbox is empty
  }

  clock.set(at('2026-03-11T09:00:00'));
  for (const id of [c.a, c.c, c.f, c.j] as string[]) await step(w.stationStaff, id, 'feedback');
  clock.set(at('2026-03-12T09:00:00'));
  await step(w.stationStaff, c.a as string, 'evaluate', { evaluation: 'satisfied' });
  await step(w.stationStaff, c.c as string, 'evaluate', { evaluation: 'unsatisfied', comment: '还是不热' });
  await step(w.stationStaff, c.f, 'evaluate', { evaluation: 'basically_satisfied' });
});
afterAll(async () => {
  await t?.close();
});

/** Each count of the overview equals the opinions table's, and the lists with the same filters agree. */
async function expectOverviewMatches(agent: Agent, period: { from: string; to: string }) {
  const figures = await overviewOf(agent, period);
  const { rows, counts } = await directCounts(t.deps.db, w.township, period);
  expect(figures).toMatchObject(counts);
  expect(figures.stages).toEqual(await stageAverages(t.deps.db, rows));
  const dates = listDates(period.from, period.to);
  expect(figures.received).toBe(await listTotal(agent, dates));
  expect(figures.rejected).toBe(await listTotal(agent, { ...dates, state: 'rejected' }));
  expect(figures.pending).toBe(await listTotal(agent, { ...dates, state: 'submitted' }));
  expect(figures.closed).toBe(await listTotal(agent, { ...dates, state: 'closed' }));
  expect(figures.converted).toBe(await listTotal(agent, { ...dates, state: 'converted' }));
  expect(figures.supervised).toBe(await listTotal(agent, { ...dates, supervised: 'true' }));
  return figures;
}

/** Every row of a breakdown equals the case list filtered by that row. */
async function expectRowsMatchList(agent: Agent, dimension: string, filter: string, q: Query) {
  const rows = await breakdownOf(agent, dimension, q);
  const dates = listDates(q.from as string, q.to as string);
  for (const r of rows) {
    if (r.key === null) continue;
    const listed = await listTotal(agent, { ...dates, regionCode: q.regionCode, [filter]: r.key });
    expect(r.figures.received, `${dimension} ${r.key}`).toBe(listed);
  }
  const sum = rows.reduce((n, r) => n + (r.figures.received as number), 0);
  return { rows, sum };
}

describe('opinion statistics equal the cases they count', () => {
  it('counts each period as its cohort of received cases, by the lists and the timelines', async () => {
    const feb = await expectOverviewMatches(w.office, FEB);
    // a, b, c, d and the office's own case k; e was merged into a and is not counted.
    expect(feb).toMatchObject({ received: 5, rejected: 1, pending: 1, accepted: 4, replied: 2, resolved: 2, fedBack: 2 });
    expect(feb).toMatchObject({ satisfied: 1, unsatisfied: 1, evaluated: 2, satisfactionRate: 0.5, onTimeRate: 1 });
    const mar = await expectOverviewMatches(w.office, MAR);
    expect(mar).toMatchObject({
      received: 5,
      pending: 1,
      converted: 1,
      closed: 1,
      basicallySatisfied: 1,
      replied: 2,
      resolved: 1,
    });
    const both = await expectOverviewMatches(w.office, BOTH);
    expect(both.received).toBe(10);
    // The stage lengths come from the timelines: the first stage crossed the Spring Festival.
    expect(feb.stages.submitted).toEqual({ cases: 4, averageDays: 3 });
  });

  it('breaks the figures down by station, deputy, unit, category, channel, month and region, each row equal to its list', async () => {
    const q = { ...BOTH, regionCode: w.township };
    const station = await expectRowsMatchList(w.office, 'station', 'stationId', q);
    expect(station.sum).toBe(10);
    expect(station.rows.find((r) => r.key === null)?.figures.received).toBe(1); // the office's letter has no station
    expect(station.rows.find((r) => r.key === w.station.id)?.name).toBe(w.station.name);
    // Above a county the members are ranked first and only the page is summed: the same figures.
    const city = w.county.slice(0, 4);
    const cityOffice = await agentFor(t.app, { role: 'office_staff', regionCode: city });
    for (const dimension of ['station', 'deputy', 'unit']) {
      const wide = await breakdownOf(cityOffice, dimension, { ...BOTH, regionCode: city });
      const near = await breakdownOf(w.office, dimension, q);
      for (const r of near.filter((n) => n.key !== null)) {
        expect(wide.find((x) => x.key === r.key)?.figures, `${dimension} ${r.key}`).toEqual(r.figures);
      }
    }
    const deputy = await expectRowsMatchList(w.office, 'deputy', 'deputyId', q);
    expect(deputy.sum).toBe(10);
    expect(deputy.rows.find((r) => r.key === w.head.id)?.name).toBe(w.head.name);
    const unit = await expectRowsMatchList(w.office, 'unit', 'unitId', q);
    // a, c, d (returned, then the co unit's), i for the housing bureau; a and d for the other.
    expect(Object.fromEntries(unit.rows.map((r) => [r.key, r.figures.received]))).toEqual({ [w.unit.id]: 4, [w.coUnit.id]: 2 });
    const category = await expectRowsMatchList(w.office, 'category', 'categoryId', q);
    expect(category.sum).toBe(10);
    // Subcategories count under their top category, as the list filters a category with its subtree.
    expect(category.rows.find((r) => r.key === cat.urban)).toMatchObject({ name: '城市建设与管理', figures: { received: 2 } });
    const channel = await expectRowsMatchList(w.office, 'channel', 'channel', q);
    expect(channel.sum).toBe(10);
    const months = await breakdownOf(w.office, 'month', q);
    expect(months.map((r) => [r.key, r.figures.received])).toEqual([
      ['2026-02', 5],
      ['2026-03', 5],
    ]);
    const region = await breakdownOf(w.countyOffice, 'region', { ...BOTH, regionCode: w.county });
    const mine = region.find((r) => r.key === w.township);
    expect(mine).toMatchObject({ drillable: true, name: await regionName(t.deps.db, w.township) });
    expect(mine?.figures.received).toBe(10);
    expect(mine?.figures.received).toBe(
      await listTotal(w.countyOffice, { ...listDates('2026-02', '2026-03'), regionCode: w.township }),
    );
  });

  it('reads a year so far from its year cells, and months when the year goes on past the period', async () => {
    const city = w.county.slice(0, 4);
    const cityOffice = await agentFor(t.app, { role: 'office_staff', regionCode: city });
    const cases: [string, Agent, string][] = [
      ['station', w.office, w.township],
      ['deputy', w.office, w.township],
      ['unit', w.office, w.township],
      ['region', w.countyOffice, w.county],
    ];
    for (const [dimension, agent, regionCode] of cases) {
      const byMonths = await breakdownOf(agent, dimension, { ...BOTH, regionCode });
      expect(byMonths.length, dimension).toBeGreaterThan(0);
      // January to March: nothing of 2026 after March, so the year cells answer, with the same figures.
      const yearSoFar = await breakdownOf(agent, dimension, { from: '2026-01', to: '2026-03', regionCode });
      expect(yearSoFar, dimension).toEqual(byMonths);
      if (dimension !== 'region') {
        const ranked = await breakdownOf(cityOffice, dimension, { from: '2026-01', to: '2026-03', regionCode: city });
        for (const r of byMonths.filter((n) => n.key !== null)) {
          expect(ranked.find((x) => x.key === r.key)?.figures, `${dimension} ${r.key}`).toEqual(r.figures);
        }
      }
      // January to February: March's cases are in the year cells but not in the period.
      const feb = await breakdownOf(agent, dimension, { ...FEB, regionCode });
      const janFeb = await breakdownOf(agent, dimension, { from: '2026-01', to: '2026-02', regionCode });
      expect(janFeb, dimension).toEqual(feb);
      expect(janFeb, dimension).not.toEqual(yearSoFar);
    }
    // Which cells answered: a year cell changed by hand shows in the year so far only.
    const cells: [string, Agent, string, string, ReturnType<typeof sql>][] = [
      ['station', w.office, w.township, w.station.id, sql`dim = 'station' AND member = ${w.station.id}`],
      ['region', w.countyOffice, w.county, w.township, sql`dim = 'region' AND scope = ${w.county} AND member = ${w.township}`],
    ];
    for (const [dimension, agent, regionCode, key, cell] of cells) {
      const bump = (n: number) => t.deps.db.execute(sql`UPDATE opinion_stat_year SET received = received + ${n} WHERE ${cell}`);
      const received = async (from: string, to: string) =>
        (await breakdownOf(agent, dimension, { from, to, regionCode })).find((r) => r.key === key)?.figures.received;
      const [before, febBefore] = [await received('2026-01', '2026-03'), await received('2026-01', '2026-02')];
      await bump(1000);
      try {
        expect(await received('2026-01', '2026-03'), dimension).toBe((before as number) + 1000);
        expect(await received('2026-01', '2026-02'), dimension).toBe(febBefore);
      } finally {
        await bump(-1000);
      }
    }
  });

  it('names the scope of a breakdown as its overview does, with rows, ranked or none', async () => {
    const get = async (agent: Agent, url: string) => {
      const res = await agent.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      return res.json().scope;
    };
    const at = `regionCode=${w.county}&from=2026-02&to=2026-03`;
    const expected = await get(w.countyOffice, `/api/statistics/opinions/overview?${at}`);
    expect(expected.regionName).toBeTruthy();
    for (const query of ['dimension=region', 'dimension=station', 'dimension=station&page=99', 'dimension=category']) {
      expect(await get(w.countyOffice, `/api/statistics/opinions/breakdown?${at}&${query}`)).toEqual(expected);
    }
    // Above a county the members are ranked first (the other statement); the scope is named the same.
    const city = await agentFor(t.app, { role: 'office_staff', regionCode: w.county.slice(0, 4) });
    const whole = await get(city, '/api/statistics/opinions/overview?from=2026-02&to=2026-03');
    expect(whole.regionName).toBeTruthy();
    for (const query of ['dimension=deputy', 'dimension=unit&page=99']) {
      expect(await get(city, `/api/statistics/opinions/breakdown?from=2026-02&to=2026-03&${query}`)).toEqual(whole);
    }
  });

  it("gives a unit account the figures of its unit's cases, as its list shows them", async () => {
    const dates = listDates('2026-02', '2026-03');
    for (const [agent, expected] of [
      [w.unitStaff, 4],
      [w.coUnitStaff, 2],
    ] as const) {
      const figures = await overviewOf(agent, BOTH);
      expect(figures.received).toBe(expected);
      expect(figures.received).toBe(await listTotal(agent, dates));
      for (const dimension of ['month', 'category', 'channel']) {
        const rows = await breakdownOf(agent, dimension, BOTH);
        expect(
          rows.reduce((n, r) => n + (r.figures.received as number), 0),
          dimension,
        ).toBe(expected);
      }
      const channels = await breakdownOf(agent, 'channel', BOTH);
      for (const r of channels) {
        expect(r.figures.received).toBe(await listTotal(agent, { ...dates, channel: r.key ?? undefined }));
      }
    }
  });

  it('follows a re-handled case through its second round, and a re-categorised case to its new category', async () => {
    const before = await overviewOf(w.office, FEB);
    expect(before).toMatchObject({ inProgress: 2, unsatisfied: 1 });

    clock.set(at('2026-03-13T09:00:00'));
    await step(w.office, c.c as string, 'rehandle');
    clock.set(at('2026-03-20T09:00:00'));
    await step(w.unitStaff, c.c as string, 'reply', { result: 'resolved', text: '已更换阀门，室温达标。' });
    const supervised = await w.leader.inject({
      method: 'POST',
      url: `/api/opinions/${c.i}/supervise`,
      payload: { instruction: '请尽快签收办理' },
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    clock.set(at('2026-03-23T09:00:00'));
    await step(w.stationStaff, c.c as string, 'feedback');
    clock.set(at('2026-03-24T09:00:00'));
    await step(w.stationStaff, c.c as string, 'evaluate', { evaluation: 'satisfied' });
    const after = await expectOverviewMatches(w.office, FEB);
    expect(after).toMatchObject({ closed: 2, satisfied: 2, unsatisfied: 0, inProgress: 1 });
    // Its two rounds of handling add up in the stage of handling; the case counts once.
    expect(after.stages.handling.cases).toBe(2);

    // No command re-classifies a case yet: a direct write stands for it (and for any other writer).
    const categoriesBefore = await breakdownOf(w.office, 'category', FEB);
    await t.deps.db
      .update(opinions)
      .set({ categoryId: cat.environment })
      .where(eq(opinions.id, c.d as string));
    const categoriesAfter = await breakdownOf(w.office, 'category', FEB);
    const received = (rows: typeof categoriesBefore, key: string) => rows.find((r) => r.key === key)?.figures.received ?? 0;
    expect(received(categoriesAfter, cat.urban as string)).toBe(received(categoriesBefore, cat.urban as string) - 1);
    expect(received(categoriesAfter, cat.environment as string)).toBe(received(categoriesBefore, cat.environment as string) + 1);
    await expectRowsMatchList(w.office, 'category', 'categoryId', FEB);
  });

  it('counts what the deadline sweep flags overdue, and closes unevaluated cases on time', async () => {
    const before = await overviewOf(w.office, MAR);
    expect(before).toMatchObject({ closed: 1, overdue: 0 });
    // j's evaluation window (15 working days from 11 March) ended on 1 April.
    clock.set(at('2026-04-02T09:00:00'));
    await runOpinionDeadlinesOnce(t.deps, { regionCode: w.township, log: () => {} });
    const mar = await expectOverviewMatches(w.office, MAR);
    expect(mar.overdue).toBe(2); // g was never accepted, nor i signed for by the unit
    expect(mar).toMatchObject({ supervised: 1, closed: 2, evaluated: 1 });
    expect(mar.stages.awaiting_evaluation.cases).toBe(2);
  });

  it('counts public submissions registered in one statement as the list shows them', async () => {
    const rows = await breakdownOf(w.countyOffice, 'station', { ...MAR, regionCode: w.county });
    const batch = rows.find((r) => r.key === c.countyStation);
    expect(batch?.figures).toMatchObject({ received: 4, pending: 4 });
    const dates = listDates(MAR.from, MAR.to);
    expect(await listTotal(w.countyOffice, { ...dates, stationId: c.countyStation })).toBe(4);
    const categories = await expectRowsMatchList(w.countyOffice, 'category', 'categoryId', { ...MAR, regionCode: w.county });
    expect(categories.sum).toBe(await listTotal(w.countyOffice, { ...dates, regionCode: w.county }));
  });

  it('keeps counters a rebuild from scratch reproduces row for row', async () => {
    const { incremental, rebuilt } = await incrementalAndRebuilt(t.deps.db);
    expect(incremental.cells.length).toBeGreaterThan(0);
    expect(rebuilt.facts).toEqual(incremental.facts);
    expect(rebuilt.cells).toEqual(incremental.cells);
    expect(incremental.years.length).toBeGreaterThan(0);
    expect(rebuilt.years).toEqual(incremental.years);
    const empty = (await t.deps.db.execute(
      sql`SELECT count(*)::int AS n FROM opinion_stat_cube WHERE received <= 0`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(empty.rows[0]?.n).toBe(0);
  });
});
