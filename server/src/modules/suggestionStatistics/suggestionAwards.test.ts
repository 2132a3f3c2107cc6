import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { Agent } from '../../test/factories.js';
import {
  assign,
  buildStatisticsWorld,
  consult,
  evaluate,
  getOk,
  insertSuggestion,
  reply,
  type StatisticsWorld,
} from '../../test/factories.suggestionStatistics.js';

/**
 * The year-end evaluation (年终评选) through the API: the scoring sheets and their validation, units
 * ranked on their figures, suggestions ranked on reviewers' scores, and the ranking's workbook.
 * In 2026 the unit replied to s1 and s2 on time with class A (s1 face to face), both rated satisfied;
 * the co unit replied to s3 late with class B (re-handled, then basically satisfied) and not yet to s4.
 */

let t: TestApp;
let w: StatisticsWorld;
let base: string;
const s: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStatisticsWorld(t);
  base = `/api/statistics/suggestions/awards/${w.congress.id}/2026`;
  for (const name of ['s1', 's2']) {
    const row = await insertSuggestion(t, w);
    const a = await assign(t, row, w.unit.id);
    await reply(t, a, { replyClass: 'A', sentAt: '2026-05-01T10:00:00' });
    await evaluate(t, row, { result: 'satisfied' });
    if (name === 's1') await consult(t, a, w.east.id);
    s[name] = row;
  }
  const s3 = await insertSuggestion(t, w, { lead: w.west });
  const a3 = await assign(t, s3, w.coUnit.id);
  await reply(t, a3, { replyClass: 'B', sentAt: '2026-07-01T10:00:00' });
  await evaluate(t, s3, { result: 'unsatisfied' });
  await assign(t, s3, w.coUnit.id, { round: 2 });
  await evaluate(t, s3, { round: 2, result: 'basically_satisfied' });
  s.s3 = s3;
  const s4 = await insertSuggestion(t, w, { lead: w.west });
  await assign(t, s4, w.coUnit.id);
  s.s4 = s4;
  // Not in the running: another year, and one not accepted.
  s.old = await insertSuggestion(t, w, { submittedAt: '2025-05-01T10:00:00', sessionId: w.pastSession.id });
  s.pending = await insertSuggestion(t, w, { accepted: false });
});
afterAll(async () => {
  await t?.close();
});

const put = (agent: Agent, url: string, payload: unknown) =>
  agent.inject({ method: 'PUT', url, payload: payload as Record<string, unknown>, headers: { 'accept-language': 'en' } });

describe('year-end evaluation', () => {
  it('shows the default sheets until the office saves its own', async () => {
    const sheets = await getOk(w.office, `${base}/sheets`);
    expect(sheets.unit.version).toBe(0);
    expect(sheets.unit.criteria.map((c: { key: string }) => c.key)).toContain('rehandled_penalty');
    expect(sheets.suggestion.criteria.length).toBeGreaterThan(0);
    // Every criterion has a name in each language of the console.
    for (const c of [...sheets.unit.criteria, ...sheets.suggestion.criteria]) {
      expect(c.name, c.key).toMatch(/\p{Script=Han}/u);
      expect(c.nameEn, c.key).toMatch(/^[A-Z]/);
    }
  });

  it('refuses a unit sheet with unknown criteria or weights out of range, whole', async () => {
    const bad: [string, unknown][] = [
      ['weight above 100', [{ key: 'on_time_rate', weight: 150 }]],
      ['negative weight', [{ key: 'on_time_rate', weight: -1 }]],
      ['weight as text', [{ key: 'on_time_rate', weight: '30' }]],
      ['unknown criterion', [{ key: 'speed', weight: 30 }]],
      [
        'twice the same',
        [
          { key: 'solved_rate', weight: 30 },
          { key: 'solved_rate', weight: 20 },
        ],
      ],
      ['an extra field', [{ key: 'solved_rate', weight: 30, bonus: 5 }]],
      ['only a penalty', [{ key: 'rehandled_penalty', weight: 5 }]],
      ['empty', []],
      ['not a list', { on_time_rate: 30 }],
    ];
    for (const [why, criteria] of bad) {
      const res = await put(w.office, `${base}/sheets/units`, { criteria, version: 0 });
      expect(res.statusCode, `${why}: ${res.body}`).toBe(400);
      expect(res.json().message, why).toMatch(/[a-z]/i);
    }
    const sheets = await getOk(w.office, `${base}/sheets`);
    expect(sheets.unit.version).toBe(0);
  });

  it('ranks the units on their figures by the saved sheet, guarding concurrent edits', async () => {
    const criteria = [
      { key: 'on_time_rate', weight: 50 },
      { key: 'solved_rate', weight: 30 },
      { key: 'satisfaction_rate', weight: 20 },
      { key: 'rehandled_penalty', weight: 5 },
    ];
    const first = await put(w.office, `${base}/sheets/units`, { criteria, version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);
    const stale = await put(w.office, `${base}/sheets/units`, { criteria, version: 0 });
    expect(stale.statusCode).toBe(409);
    const second = await put(w.office, `${base}/sheets/units`, {
      criteria: [...criteria, { key: 'face_to_face_rate', weight: 10 }],
      version: 1,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);

    const ranking = await getOk(w.leader, `${base}/rankings/units`);
    expect(ranking.sheet.version).toBe(2);
    const rows = ranking.items.map((i: { unitId: string; rank: number; score: number }) => [i.unitId, i.rank, i.score]);
    // unit: 50 × 1 + 30 × 1 + 20 × 1 + 10 × 0.5 = 105; co unit: 0 + 0 + 20 × 1 + 0 − 5 × 1 = 15.
    expect(rows).toEqual([
      [w.unit.id, 1, 105],
      [w.coUnit.id, 2, 15],
    ]);
    expect(ranking.items[1].parts).toEqual({
      on_time_rate: 0,
      solved_rate: 0,
      satisfaction_rate: 20,
      rehandled_penalty: -5,
      face_to_face_rate: 0,
    });
  });

  it("ranks suggestions on the reviewers' average scores, refusing unknown criteria and scores out of range", async () => {
    const early = await put(w.office, `${base}/scores/${s.s1?.id}`, { scores: { quality: 80 } });
    expect(early.statusCode).toBe(409);
    // The weights share out 100 points, so a total reads as a score out of 100.
    const over = await put(w.office, `${base}/sheets/suggestions`, {
      version: 0,
      criteria: [
        { key: 'quality', name: '内容质量', weight: 70, maxScore: 100 },
        { key: 'impact', name: '社会影响', weight: 40, maxScore: 10 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().issues).toEqual([{ path: 'criteria', message: 'The weights of the criteria must add up to 100' }]);
    const longEnglish = await put(w.office, `${base}/sheets/suggestions`, {
      version: 0,
      criteria: [{ key: 'quality', name: '内容质量', nameEn: 'q'.repeat(51), weight: 100, maxScore: 100 }],
    });
    expect(longEnglish.statusCode).toBe(400);
    expect(longEnglish.json().issues).toEqual([
      { path: 'criteria.0.nameEn', message: "The criterion's English name is limited to 50 characters" },
    ]);
    const saved = await put(w.office, `${base}/sheets/suggestions`, {
      version: 0,
      criteria: [
        { key: 'quality', name: '内容质量', nameEn: ' Quality ', weight: 60, maxScore: 100 },
        { key: 'impact', name: '社会影响', nameEn: '', weight: 40, maxScore: 10 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The English name is kept trimmed; an empty one is none (the console shows the Chinese name).
    expect(saved.json().criteria.map((c: { nameEn: string | null }) => c.nameEn)).toEqual(['Quality', null]);

    const refused: [string, string | undefined, unknown][] = [
      ['unknown criterion', s.s1?.id, { scores: { beauty: 5 } }],
      ['above the top score', s.s1?.id, { scores: { impact: 11 } }],
      ['negative', s.s1?.id, { scores: { quality: -1 } }],
      ['not a number', s.s1?.id, { scores: { quality: 'high' } }],
      ['nothing', s.s1?.id, { scores: {} }],
    ];
    for (const [why, id, body] of refused) {
      const res = await put(w.office, `${base}/scores/${id}`, body);
      expect(res.statusCode, `${why}: ${res.body}`).toBe(400);
    }
    for (const id of [s.old?.id, s.pending?.id]) {
      const res = await put(w.office, `${base}/scores/${id}`, { scores: { quality: 50 } });
      expect(res.statusCode, res.body).toBe(404);
    }

    const mine = await put(w.office, `${base}/scores/${s.s1?.id}`, { scores: { quality: 80, impact: 5 } });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().scores).toEqual({ quality: 80, impact: 5 });
    expect((await put(w.leader, `${base}/scores/${s.s1?.id}`, { scores: { quality: 100, impact: 10 } })).statusCode).toBe(200);
    expect((await put(w.office, `${base}/scores/${s.s2?.id}`, { scores: { quality: 90 } })).statusCode).toBe(200);
    // Entering again replaces the reviewer's earlier score.
    expect((await put(w.office, `${base}/scores/${s.s2?.id}`, { scores: { quality: 60 } })).statusCode).toBe(200);

    const ranking = await getOk(w.office, `${base}/rankings/suggestions`);
    const rows = ranking.items.map((i: { suggestionId: string; rank: number; score: number; reviewers: number }) => [
      i.suggestionId,
      i.rank,
      i.score,
      i.reviewers,
    ]);
    // s1: 60 × 90/100 + 40 × 7.5/10 = 84; s2: 60 × 60/100 = 36; s3 and s4 unscored share third place.
    expect(rows.slice(0, 2)).toEqual([
      [s.s1?.id, 1, 84, 2],
      [s.s2?.id, 2, 36, 1],
    ]);
    expect(rows.slice(2).map((r: unknown[]) => [r[1], r[2]])).toEqual([
      [3, 0],
      [3, 0],
    ]);
    expect(ranking.items[0].parts).toEqual({ quality: 90, impact: 7.5 });
    // Each reviewer reads back their own scores (the replaced ones as they now stand), never another's.
    const mineOf = (r: typeof ranking, id: string | undefined) =>
      r.items.find((i: { suggestionId: string }) => i.suggestionId === id)?.mine;
    expect(mineOf(ranking, s.s1?.id)).toEqual({ quality: 80, impact: 5 });
    expect(mineOf(ranking, s.s2?.id)).toEqual({ quality: 60 });
    expect(mineOf(ranking, s.s3?.id)).toBeNull();
    const leaders = await getOk(w.leader, `${base}/rankings/suggestions`);
    expect(mineOf(leaders, s.s1?.id)).toEqual({ quality: 100, impact: 10 });
    expect(mineOf(leaders, s.s2?.id)).toBeNull();
    expect(ranking.items.map((i: { suggestionId: string }) => i.suggestionId)).not.toContain(s.old?.id);
  });

  it('exports a ranking as a workbook with the scores', async () => {
    const res = await w.office.inject({ method: 'GET', url: `${base}/rankings/units/export.xlsx` });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('先进承办单位');
    if (!ws) throw new Error('no ranking sheet');
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(2).value).toBe(w.unit.name);
    expect(ws.getRow(2).getCell(3).value).toBe(105);
    expect(wb.getWorksheet('评分表')?.getRow(2).getCell(1).value).toBe('按期答复率');
    const suggestions = await w.office.inject({ method: 'GET', url: `${base}/rankings/suggestions/export.xlsx` });
    expect(suggestions.statusCode).toBe(200);
  });

  it('keeps the evaluation to the office and leaders of the region', async () => {
    expect((await w.unitStaff.inject({ method: 'GET', url: `${base}/sheets` })).statusCode).toBe(403);
    expect((await w.deputy.inject({ method: 'GET', url: `${base}/rankings/units` })).statusCode).toBe(403);
    expect((await w.farOffice.inject({ method: 'GET', url: `${base}/rankings/units` })).statusCode).toBe(403);
    const byLeader = await put(w.leader, `${base}/sheets/units`, { criteria: [{ key: 'solved_rate', weight: 10 }], version: 2 });
    expect(byLeader.statusCode).toBe(403);
    const far = await put(w.farOffice, `${base}/sheets/units`, { criteria: [{ key: 'solved_rate', weight: 10 }], version: 2 });
    expect(far.statusCode).toBe(403);
    const nowhere = await w.office.inject({
      method: 'GET',
      url: `/api/statistics/suggestions/awards/${crypto.randomUUID()}/2026/sheets`,
    });
    expect(nowhere.statusCode).toBe(404);
    expect(
      (await w.office.inject({ method: 'GET', url: `/api/statistics/suggestions/awards/${w.congress.id}/1999/sheets` }))
        .statusCode,
    ).toBe(400);
  });
});
