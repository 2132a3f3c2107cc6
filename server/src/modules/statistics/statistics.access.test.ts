import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/calendar.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { buildOpinion, step } from '../../test/factories.opinions.js';
import {
  breakdownOf,
  buildStatsWorld,
  directCounts,
  getJson,
  incrementalAndRebuilt,
  overviewOf,
  type StatsWorld,
  stageAverages,
} from '../../test/factories.statistics.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { newTrackingCode } from '../opinions/opinions.rules.js';
import { opinionEvents, opinions, opinionUnits } from '../opinions/opinions.tables.js';

/** Who may read the statistics, what bad queries get, the export, and writers other than the commands. */

let t: TestApp;
let w: StatsWorld;
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStatsWorld(t);
  const a = await buildOpinion(t.deps, { stationId: w.station.id, channel: 'qr' });
  await step(w.deputy, a.id, 'accept');
  await step(w.deputy, a.id, 'escalate');
  await step(w.office, a.id, 'transfer', { leadUnitId: w.unit.id });
  const b = await buildOpinion(t.deps, { stationId: w.station.id, channel: 'letter' });
  await step(w.deputy, b.id, 'reject', { reason: '属于信访事项', guidance: '请向信访部门反映' });
});
afterAll(async () => {
  await t?.close();
});

const get = (agent: { inject: StatsWorld['office']['inject'] }, url: string) => agent.inject({ method: 'GET', url });

describe('who sees the statistics', () => {
  it('lets the office and leaders read their region and units their unit; refuses everyone else', async () => {
    const month = thisMonth();
    const q = `from=${month}&to=${month}`;
    expect((await overviewOf(w.office, { from: month, to: month })).received).toBe(2);
    expect((await overviewOf(w.leader, { from: month, to: month })).received).toBe(2);
    expect((await overviewOf(w.unitStaff, { from: month, to: month })).received).toBe(1);
    expect((await overviewOf(w.coUnitStaff, { from: month, to: month })).received).toBe(0);
    for (const agent of [w.deputy, w.stationStaff]) {
      expect((await get(agent, `/api/statistics/opinions/overview?${q}`)).statusCode).toBe(403);
      expect((await get(agent, `/api/statistics/opinions/breakdown?dimension=month&${q}`)).statusCode).toBe(403);
      expect((await get(agent, `/api/statistics/opinions/export.xlsx?${q}`)).statusCode).toBe(403);
    }
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    expect((await get(admin, `/api/statistics/opinions/overview?${q}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/statistics/opinions/overview?${q}` })).statusCode).toBe(401);
    // Another county's office may not look into this township, nor the township office at its county.
    const far = await get(w.farOffice, `/api/statistics/opinions/overview?${q}&regionCode=${w.township}`);
    expect(far.statusCode).toBe(403);
    expect(far.json().message).toBe('该区域不在您的管辖范围内');
    expect((await get(w.office, `/api/statistics/opinions/breakdown?dimension=region&regionCode=${w.county}`)).statusCode).toBe(
      403,
    );
    // A unit's figures are its own cases wherever they came from: not by region, station or deputy.
    const byRegion = await get(w.unitStaff, `/api/statistics/opinions/overview?${q}&regionCode=${w.county}`);
    expect(byRegion.statusCode).toBe(400);
    expect(byRegion.json().message).toBe('承办单位账号统计的是本单位承办的全部意见，不按区域筛选');
    for (const dimension of ['region', 'station', 'deputy', 'unit']) {
      const res = await get(w.unitStaff, `/api/statistics/opinions/breakdown?${q}&dimension=${dimension}`);
      expect(res.statusCode, dimension).toBe(400);
    }
    const unitless = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county });
    expect((await get(unitless, `/api/statistics/opinions/overview?${q}`)).statusCode).toBe(403);
  });

  it('answers the scope with its breadcrumb, from the account’s own region down', async () => {
    const body = await getJson(w.countyOffice, '/api/statistics/opinions/overview', { regionCode: w.township });
    expect(body.scope).toMatchObject({ regionCode: w.township, unitId: null });
    expect(body.scope.path.map((p: { code: string }) => p.code)).toEqual([w.county, w.township]);
    const unit = await getJson(w.unitStaff, '/api/statistics/opinions/overview');
    expect(unit.scope).toMatchObject({ regionCode: '', unitId: w.unit.id, unitName: w.unit.name });
    // Left out, the period is this year up to this month.
    expect(unit.period).toEqual({ from: `${thisMonth().slice(0, 4)}-01`, to: thisMonth() });
  });
});

describe('bad queries', () => {
  it.each([
    [
      'from=2026-13',
      '开始月份格式应为 YYYY-MM（统计按月汇总）',
      'The first month must be a month as YYYY-MM (statistics are kept by month)',
    ],
    [
      'from=2026-03-01',
      '开始月份格式应为 YYYY-MM（统计按月汇总）',
      'The first month must be a month as YYYY-MM (statistics are kept by month)',
    ],
    ['from=2026-04&to=2026-03', '开始月份不能晚于结束月份', 'The first month must not be after the last month'],
    ['from=2000-01&to=2026-03', '统计期间不能超过 120 个月', 'The period may not exceed 120 months'],
    ['regionCode=23x', '行政区划代码格式不正确', 'Not a valid region code'],
  ])('refuses %s with a clear message in both languages', async (query, zh, en) => {
    for (const path of ['overview', 'breakdown', 'export.xlsx']) {
      const url = `/api/statistics/opinions/${path}?dimension=month&${query}`;
      const res = await get(w.office, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toContain(zh);
      const english = await w.office.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(english.json().message).toContain(en);
    }
  });

  it('refuses an unknown dimension and a page size over 100', async () => {
    const dim = await get(w.office, '/api/statistics/opinions/breakdown?dimension=weather');
    expect(dim.statusCode).toBe(400);
    expect(dim.json().message).toContain('统计维度应为');
    expect((await get(w.office, '/api/statistics/opinions/breakdown?dimension=month&pageSize=101')).statusCode).toBe(400);
    expect((await get(w.office, '/api/statistics/opinions/breakdown')).statusCode).toBe(400);
  });

  it('pages a breakdown and says how many members there are', async () => {
    const month = thisMonth();
    const first = await getJson(w.office, '/api/statistics/opinions/breakdown', {
      dimension: 'channel',
      from: month,
      to: month,
      pageSize: '1',
    });
    expect(first).toMatchObject({ total: 2 });
    expect(first.items).toHaveLength(1);
    const second = await getJson(w.office, '/api/statistics/opinions/breakdown', {
      dimension: 'channel',
      from: month,
      to: month,
      pageSize: '1',
      page: '2',
    });
    expect(second.items).toHaveLength(1);
    expect(second.items[0].key).not.toBe(first.items[0].key);
    const past = await getJson(w.office, '/api/statistics/opinions/breakdown', {
      dimension: 'channel',
      from: month,
      to: month,
      page: '9',
    });
    expect(past).toMatchObject({ total: 2, items: [] });
  });
});

describe('the export', () => {
  it('writes the overview and every dimension as sheets, with the figures of the API', async () => {
    const month = thisMonth();
    const res = await get(w.office, `/api/statistics/opinions/export.xlsx?from=${month}&to=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('群众意见统计'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '总体情况',
      '按区域',
      '按月份',
      '按类别',
      '按渠道',
      '按联络站',
      '按代表',
      '按承办单位',
    ]);
    const overview = wb.getWorksheet('总体情况');
    const value = (label: string) => overview?.getColumn(1).values.indexOf(label);
    const receivedRow = value('收到意见') as number;
    expect(overview?.getRow(receivedRow).getCell(2).value).toBe(2);
    expect(overview?.getRow(value('不予受理') as number).getCell(2).value).toBe(1);
    const channels = wb.getWorksheet('按渠道');
    expect(channels?.rowCount).toBe(3);
    const units = wb.getWorksheet('按承办单位');
    expect(units?.getRow(2).getCell(1).value).toBe(w.unit.name);

    const unit = await get(w.unitStaff, `/api/statistics/opinions/export.xlsx?from=${month}&to=${month}`);
    expect(unit.statusCode, unit.body).toBe(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(unit.rawPayload as unknown as ArrayBuffer);
    expect(own.worksheets.map((s) => s.name)).toEqual(['总体情况', '按月份', '按类别', '按渠道']);
  });
});

describe('writers other than the commands', () => {
  it('counts cases a seeder inserts straight into the tables, with their units and timelines', async () => {
    const at = (local: string) => new Date(`${local}+08:00`);
    const received = at('2026-01-05T10:00:00');
    const closed = at('2026-02-02T10:00:00');
    const [row] = await t.deps.db
      .insert(opinions)
      .values({
        trackingCode: newTrackingCode(),
        regionCode: w.township,
        stationId: w.station.id,
        channel: 'card',
        title: '演示意见',
        content: '演示数据：小区门前道路积水。',
        state: 'closed',
        responsibleDeputyId: w.head.id,
        leadUnitId: w.unit.id,
        replyResult: 'resolved',
        replyText: '已疏通。',
        repliedAt: at('2026-01-20T10:00:00'),
        replyDueAt: at('2026-01-30T23:59:59'),
        repliedOnTime: true,
        fedBackAt: at('2026-01-22T10:00:00'),
        evaluation: 'satisfied',
        evaluatedAt: closed,
        closedAt: closed,
        receivedAt: received,
        createdAt: received,
        updatedAt: closed,
      })
      .returning();
    const id = row?.id as string;
    await t.deps.db.insert(opinionUnits).values([
      { opinionId: id, regionCode: w.township, unitId: w.unit.id, role: 'lead', status: 'replied' },
      { opinionId: id, regionCode: w.township, unitId: w.coUnit.id, role: 'co', status: 'replied' },
    ]);
    const path: [string, string | null, string, string][] = [
      ['submit', null, 'submitted', '2026-01-05T10:00:00'],
      ['accept', 'submitted', 'accepted', '2026-01-06T10:00:00'],
      ['escalate', 'accepted', 'in_review', '2026-01-06T11:00:00'],
      ['transfer', 'in_review', 'transferred', '2026-01-07T10:00:00'],
      ['unit_accept', 'transferred', 'handling', '2026-01-08T10:00:00'],
      ['reply', 'handling', 'replied', '2026-01-20T10:00:00'],
      ['feedback', 'replied', 'awaiting_evaluation', '2026-01-22T10:00:00'],
      ['evaluate', 'awaiting_evaluation', 'closed', '2026-02-02T10:00:00'],
    ];
    // One statement, as a bulk loader writes them.
    await t.deps.db.insert(opinionEvents).values(
      path.map(([action, fromState, toState, local]) => ({
        opinionId: id,
        regionCode: w.township,
        action,
        fromState,
        toState,
        at: at(local),
        actorRole: 'system',
      })),
    );
    const period = { from: '2026-01', to: '2026-01' };
    const figures = await overviewOf(w.office, period);
    const { rows, counts } = await directCounts(t.deps.db, w.township, period);
    expect(figures).toMatchObject({ ...counts, received: 1, closed: 1, satisfied: 1, onTimeRate: 1 });
    expect(figures.stages).toEqual(await stageAverages(t.deps.db, rows));
    expect(figures.stages.handling).toEqual({ cases: 1, averageDays: 8 });
    const units = await breakdownOf(w.office, 'unit', period);
    expect(units.map((u) => u.key).sort()).toEqual([w.unit.id, w.coUnit.id].sort());
    const { incremental, rebuilt } = await incrementalAndRebuilt(t.deps.db);
    expect(rebuilt.cells).toEqual(incremental.cells);
    expect(rebuilt.facts).toEqual(incremental.facts);
  });

  it('lets a bulk loader skip the triggers and rebuild before it commits', async () => {
    const period = { from: '2025-12', to: '2025-12' };
    expect((await overviewOf(w.office, period)).received).toBe(0);
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('lianluo.statistics_rebuild', 'on', true)`);
      await tx.insert(opinions).values(
        ['submitted', 'rejected', 'merged'].map((state) => ({
          trackingCode: newTrackingCode(),
          regionCode: w.township,
          stationId: w.station.id,
          channel: 'letter' as const,
          title: '批量导入',
          content: '批量导入的历史意见。',
          state: state as 'submitted',
          receivedAt: new Date('2025-12-10T10:00:00+08:00'),
        })),
      );
      await tx.execute(sql`SELECT opinion_statistics_rebuild()`);
    });
    expect(await overviewOf(w.office, period)).toMatchObject({ received: 2, rejected: 1, pending: 1 });
    const { incremental, rebuilt } = await incrementalAndRebuilt(t.deps.db);
    expect(rebuilt.cells).toEqual(incremental.cells);
  });

  it('counts working days in SQL exactly as the app’s calendar does', async () => {
    const calendar = await loadCalendar(t.deps.db);
    const pairs = Array.from({ length: 400 }, () => {
      const a = addDays('2024-12-01', randomInt(0, 800));
      return [a, addDays(a, randomInt(-3, 90))] as const;
    });
    const res = (await t.deps.db.execute(
      sql`SELECT lianluo_working_days(a::date, b::date) AS n
            FROM unnest(${`{${pairs.map((p) => p[0]).join(',')}}`}::text[], ${`{${pairs.map((p) => p[1]).join(',')}}`}::text[])
                 WITH ORDINALITY AS x(a, b, i) ORDER BY i`,
    )) as unknown as { rows: { n: number }[] };
    expect(res.rows.map((r) => r.n)).toEqual(pairs.map(([a, b]) => calendar.workingDaysBetween(a, b)));
  });
});
