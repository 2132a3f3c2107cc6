import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  assign,
  buildStatisticsWorld,
  consult,
  evaluate,
  getOk,
  insertSuggestion,
  listTotal,
  reply,
  type StatisticsWorld,
} from '../../test/factories.suggestionStatistics.js';
import { COUNTS, type CountName } from './suggestionStatistics.metrics.js';

/**
 * The figures of item 9 on a county of the test's own with known numbers, the handling rows written
 * straight to the tables. In 2026:
 *   s1 东城, urban:     unit (lead) replied A on time, face to face confirmed, rated satisfied; a return by coUnit
 *   s2 东城, transport: unit (lead) replied B late, coUnit co; rated unsatisfied, re-handled, replied A, basically satisfied
 *   s3 西城, urban:     unit replied C on time, face to face not yet confirmed, evaluation window ran out
 *   s4 西城, recess:    coUnit (lead), reply still a draft
 *   s5 no delegation, no category: submitted, not yet accepted
 * and s8 of 2025 (the past session): unit replied D, face to face, rated unsatisfied. Never counted:
 * a draft and a motion.
 */

let t: TestApp;
let w: StatisticsWorld;
type Figures = Record<CountName, number> & {
  onTimeRate: number | null;
  solvedRate: number | null;
  faceToFaceRate: number | null;
  satisfactionRate: number | null;
  classShares: Record<'A' | 'B' | 'C' | 'D', number | null>;
};
interface Item {
  key: string | null;
  name: string;
  figures: Figures;
  links: Record<CountName, string> | null;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStatisticsWorld(t);
  const cat = w.category;

  const s1 = await insertSuggestion(t, w, { lead: w.east, categoryId: cat.urban });
  const a1 = await assign(t, s1, w.unit.id);
  await assign(t, s1, w.coUnit.id, { role: 'co', status: 'returned' });
  await reply(t, a1, { replyClass: 'A', sentAt: '2026-05-20T10:00:00' });
  await consult(t, a1, w.east.id, { kind: 'face_to_face', confirmation: 'confirmed' });
  await evaluate(t, s1, { result: 'satisfied' });

  const s2 = await insertSuggestion(t, w, { lead: w.east, categoryId: cat.transport });
  const a2 = await assign(t, s2, w.unit.id);
  await assign(t, s2, w.coUnit.id, { role: 'co' });
  await reply(t, a2, { replyClass: 'B', sentAt: '2026-06-20T10:00:00' });
  await consult(t, a2, w.east.id, { kind: 'phone', confirmation: 'confirmed' });
  await evaluate(t, s2, { round: 1, result: 'unsatisfied', evaluatedAt: '2026-06-25T10:00:00' });
  const a2b = await assign(t, s2, w.unit.id, { round: 2, due: '2026-07-31T23:59:59' });
  await reply(t, a2b, { replyClass: 'A', sentAt: '2026-07-10T10:00:00' });
  await evaluate(t, s2, { round: 2, result: 'basically_satisfied', evaluatedAt: '2026-07-20T10:00:00' });

  const s3 = await insertSuggestion(t, w, { lead: w.west, categoryId: cat.urban });
  const a3 = await assign(t, s3, w.unit.id);
  await reply(t, a3, { replyClass: 'C', sentAt: '2026-06-01T10:00:00' });
  await consult(t, a3, w.west.id, { kind: 'face_to_face', confirmation: 'pending' });
  await evaluate(t, s3, { result: null });

  const s4 = await insertSuggestion(t, w, {
    lead: w.west,
    sessionId: null,
    categoryId: cat.urban,
    submittedAt: '2026-08-03T09:00:00',
  });
  const a4 = await assign(t, s4, w.coUnit.id);
  await reply(t, a4, { status: 'draft' });

  await insertSuggestion(t, w, { lead: w.loner, categoryId: null, accepted: false, submittedAt: '2026-12-31T23:30:00' });
  await insertSuggestion(t, w, { submittedAt: null });
  await insertSuggestion(t, w, { kind: 'motion' });

  const s8 = await insertSuggestion(t, w, { lead: w.east, sessionId: w.pastSession.id, submittedAt: '2025-11-03T10:00:00' });
  const a8 = await assign(t, s8, w.unit.id, { due: '2026-02-03T23:59:59' });
  await reply(t, a8, { replyClass: 'D', sentAt: '2026-01-20T10:00:00' });
  await consult(t, a8, w.east.id);
  await evaluate(t, s8, { result: 'unsatisfied' });
});
afterAll(async () => {
  await t?.close();
});

const overview = async (agent = w.office, query = '') =>
  (await getOk(agent, `/api/statistics/suggestions/overview?congressId=${w.congress.id}${query}`)) as {
    figures: Figures;
    links: Record<CountName, string>;
    filter: Record<string, unknown>;
  };
const breakdown = async (dimension: string, query = '', agent = w.office) =>
  (
    (await getOk(agent, `/api/statistics/suggestions/breakdown?congressId=${w.congress.id}&dimension=${dimension}${query}`)) as {
      items: Item[];
    }
  ).items;

describe('suggestion statistics', () => {
  it('counts a year of suggestions as DESIGN §5 defines each figure', async () => {
    const { figures } = await overview(w.office, '&year=2026');
    expect(figures).toMatchObject({
      submitted: 5,
      accepted: 4,
      assigned: 4,
      replied: 3,
      repliedOnTime: 2,
      classA: 2,
      classB: 0,
      classC: 1,
      classD: 0,
      faceToFace: 1,
      evaluated: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 0,
      rehandled: 1,
    });
    expect(figures.solvedRate).toBe(0.6667);
    expect(figures.onTimeRate).toBe(0.6667);
    expect(figures.faceToFaceRate).toBe(0.3333);
    expect(figures.satisfactionRate).toBe(1);
    expect(figures.classShares).toEqual({ A: 0.6667, B: 0, C: 0.3333, D: 0 });
  });

  it('counts every year when no year is asked, and by year', async () => {
    const { figures } = await overview();
    expect(figures).toMatchObject({ submitted: 6, replied: 4, classD: 1, faceToFace: 2, evaluated: 3, unsatisfied: 1 });
    const years = await breakdown('year');
    expect(years.map((y) => [y.key, y.figures.submitted, y.figures.replied])).toEqual([
      ['2026', 5, 3],
      ['2025', 1, 1],
    ]);
  });

  it('gives a rate with nothing to divide by as null, not NaN', async () => {
    const { figures } = await overview(w.office, '&year=2024');
    expect(figures.submitted).toBe(0);
    expect(figures.solvedRate).toBeNull();
    expect(figures.onTimeRate).toBeNull();
    expect(figures.faceToFaceRate).toBeNull();
    expect(figures.satisfactionRate).toBeNull();
    expect(figures.classShares).toEqual({ A: null, B: null, C: null, D: null });
  });

  it('breaks the figures down by unit, session, category and delegation', async () => {
    const units = await breakdown('unit', '&year=2026');
    const byUnit = Object.fromEntries(units.map((u) => [u.key, u.figures]));
    expect(units.map((u) => u.key)).toEqual([w.unit.id, w.coUnit.id]);
    expect(byUnit[w.unit.id]).toMatchObject({
      assigned: 3,
      replied: 3,
      repliedOnTime: 2,
      classA: 2,
      classC: 1,
      faceToFace: 1,
      rehandled: 1,
      satisfied: 1,
      basicallySatisfied: 1,
    });
    // The returned assignment of s1 does not count; the co unit's part of s2 has no reply of its own.
    expect(byUnit[w.coUnit.id]).toMatchObject({ assigned: 2, replied: 0, rehandled: 0, faceToFace: 0 });
    expect(byUnit[w.coUnit.id]?.solvedRate).toBeNull();

    const sessions = await breakdown('session', '&year=2026');
    expect(sessions.map((s) => [s.key, s.figures.submitted])).toEqual([
      [w.session.id, 4],
      [null, 1],
    ]);
    expect(sessions[1]?.name).toBe('闭会期间');
    expect(sessions[0]?.name).toContain('第16届第2次会议');

    const cats = await breakdown('category', '&year=2026');
    expect(cats.map((c) => [c.key, c.figures.submitted])).toEqual([
      [w.category.urban, 3],
      [w.category.transport, 1],
      [null, 1],
    ]);
    expect(cats[2]?.links).toBeNull();

    const delegations = await breakdown('delegation', '&year=2026');
    expect(delegations.map((d) => [d.key, d.figures.submitted, d.figures.replied])).toEqual([
      ['东城代表团', 2, 2],
      ['西城代表团', 2, 1],
      [null, 1, 0],
    ]);
  });

  it('equals the totals of the lists its figures link to', async () => {
    const checks: [string, number, number][] = [];
    const all = await overview(w.office, '&year=2026');
    for (const c of COUNTS) checks.push([`overview ${c}`, all.figures[c], await listTotal(w.office, all.links[c])]);
    for (const dimension of ['unit', 'session', 'delegation']) {
      for (const item of await breakdown(dimension, '&year=2026')) {
        if (!item.links) continue;
        for (const c of ['submitted', 'replied', 'repliedOnTime', 'classA', 'faceToFace', 'evaluated', 'rehandled'] as const) {
          checks.push([`${dimension} ${item.name} ${c}`, item.figures[c], await listTotal(w.office, item.links[c])]);
        }
      }
    }
    // The unit account's own figures open its own list.
    const mine = await overview(w.unitStaff, '&year=2026');
    for (const c of COUNTS) checks.push([`unit account ${c}`, mine.figures[c], await listTotal(w.unitStaff, mine.links[c])]);
    expect(checks.filter(([, count, total]) => count !== total)).toEqual([]);
    // Not a vacuous match: the figures compared are not all zero.
    expect(checks.filter(([, count]) => count > 0).length).toBeGreaterThan(40);
  });

  it("shows a unit its own unit's part only, and deputies nothing", async () => {
    const mine = await overview(w.unitStaff, '&year=2026');
    expect(mine.filter.unitId).toBe(w.unit.id);
    expect(mine.figures).toMatchObject({ submitted: 3, replied: 3, rehandled: 1 });
    const units = await breakdown('unit', '&year=2026', w.unitStaff);
    expect(units.map((u) => u.key)).toEqual([w.unit.id]);
    const theirs = await w.unitStaff.inject({
      method: 'GET',
      url: `/api/statistics/suggestions/overview?unitId=${w.coUnit.id}`,
    });
    expect(theirs.statusCode).toBe(403);
    const deputy = await w.deputy.inject({ method: 'GET', url: '/api/statistics/suggestions/overview' });
    expect(deputy.statusCode).toBe(403);
    const far = await w.farOffice.inject({ method: 'GET', url: `/api/statistics/suggestions/overview?regionCode=${w.county}` });
    expect(far.statusCode).toBe(403);
    const leader = await overview(w.leader, '&year=2026');
    expect(leader.figures.submitted).toBe(5);
  });

  it('refuses bad queries with a clear 400', async () => {
    const cases = [
      '/api/statistics/suggestions/overview?year=1999',
      '/api/statistics/suggestions/overview?year=abc',
      '/api/statistics/suggestions/overview?unitId=nope',
      '/api/statistics/suggestions/breakdown?dimension=planet',
      '/api/statistics/suggestions/breakdown',
      '/api/suggestions?replyClass=E',
      '/api/suggestions?reached=everywhere',
      '/api/suggestions?onTime=maybe',
    ];
    for (const url of cases) {
      const res = await w.office.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().message, url).toMatch(/[a-z]/);
    }
  });

  it('exports the figures as a workbook that opens with the numbers', async () => {
    const res = await w.office.inject({
      method: 'GET',
      url: `/api/statistics/suggestions/export.xlsx?congressId=${w.congress.id}&year=2026`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('总体情况');
    const values = new Map<string, unknown>();
    sheet?.eachRow((row) => {
      values.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(values.get('提出建议')).toBe(5);
    expect(values.get('已答复')).toBe(3);
    expect(values.get('A 类占比（解决率）')).toBe(0.6667);
    expect(values.get('见面沟通率')).toBe(0.3333);
    const units = wb.getWorksheet('按承办单位');
    if (!units) throw new Error('no unit sheet');
    const header = (units.getRow(1).values as unknown[]).map(String);
    const row = units.getRow(2).values as unknown[];
    expect(row[1]).toBe(w.unit.name);
    expect(row[header.indexOf('交办')]).toBe(3);
    expect(row[header.indexOf('重新办理')]).toBe(1);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总体情况', '按承办单位', '按会议', '按年度', '按类别', '按代表团']);
  });
});
