import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniq } from '../../test/factories.js';
import { acceptAs, acceptedSuggestion, assign, assignmentOf, handlingUnit } from '../../test/factories.suggestionAssignments.js';
import { buildSuggestionWorld, type SuggestionWorld, submitted } from '../../test/factories.suggestions.js';
import { suggestionAssignments } from './suggestions.handling.tables.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t, { cosigners: 0 });
});
afterAll(async () => {
  await t?.close();
});

describe('batch assignment for the assignment meeting (交办会)', () => {
  it('assigns many at once, each on its own, and prints the list as .xlsx and .docx', async () => {
    const label = `第16届第2次会议交办会${uniq()}`;
    const [a, b] = [await acceptedSuggestion(w), await acceptedSuggestion(w)];
    const notAccepted = await submitted(w);
    const [lead, co, other] = [await handlingUnit(t, w, '城管局'), await handlingUnit(t, w, '财政局'), await handlingUnit(t, w)];
    const res = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-batches',
      payload: {
        batchLabel: label,
        items: [
          {
            suggestionId: a.id,
            units: [
              { unitId: lead.id, role: 'lead' },
              { unitId: co.id, role: 'co' },
            ],
          },
          { suggestionId: notAccepted.id, units: [{ unitId: lead.id, role: 'lead' }] },
          { suggestionId: b.id, units: [{ unitId: w.committee.id, role: 'lead' }] },
          { suggestionId: randomUUID(), units: [{ unitId: lead.id, role: 'lead' }] },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ batchLabel: label, succeeded: 1, failed: 3 });
    expect(
      body.results.map((r: { ok: boolean; status: number | null; code: string | null }) => [r.ok, r.status, r.code]),
    ).toEqual([
      [true, null, null],
      [false, 409, 'INVALID_TRANSITION'],
      [false, 400, 'NOT_A_UNIT'],
      [false, 404, 'NOT_FOUND'],
    ]);
    expect(body.results[1]).toMatchObject({ title: notAccepted.title });
    expect(body.results[2].message).toContain('不是承办单位');
    expect(await t.deps.db.select().from(suggestionAssignments).where(eq(suggestionAssignments.suggestionId, b.id))).toEqual([]);

    // The refused one is put right and added to the same batch.
    await assign(w, b.id, [{ unitId: other.id, role: 'separate' }], { batchLabel: label });

    const list = await w.office.inject({ method: 'GET', url: `/api/suggestion-batches/${encodeURIComponent(label)}` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 2,
      items: [
        {
          number: a.number,
          title: a.title,
          leadDeputyName: w.lead.name,
          units: [
            { name: lead.name, role: 'lead' },
            { name: co.name, role: 'co' },
          ],
        },
        { number: b.number, units: [{ name: other.name, role: 'separate' }] },
      ],
    });
    const batches = await w.office.inject({ method: 'GET', url: '/api/suggestion-batches' });
    expect(batches.json().items).toContainEqual(expect.objectContaining({ label, suggestions: 2, assignments: 3 }));
    // The leader reads it; an office far away does not find it.
    expect(
      (await w.leader.inject({ method: 'GET', url: `/api/suggestion-batches/${encodeURIComponent(label)}` })).statusCode,
    ).toBe(200);
    expect(
      (await w.farOffice.inject({ method: 'GET', url: `/api/suggestion-batches/${encodeURIComponent(label)}` })).statusCode,
    ).toBe(404);

    const xlsx = await w.office.inject({ method: 'GET', url: `/api/suggestion-batches/${encodeURIComponent(label)}/list.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell(1, 1).value).toBe(`${label} 代表建议交办清单`);
    expect(ws?.getRow(2).values).toEqual([undefined, '序号', '建议编号', '案由', '领衔代表', '承办单位（承办方式）', '答复期限']);
    expect(ws?.getCell(3, 3).value).toBe(a.title);
    expect(ws?.getCell(3, 5).value).toBe(`${lead.name}（主办）；${co.name}（协办）`);
    expect(ws?.getCell(4, 5).value).toBe(`${other.name}（分办）`);

    const docx = await w.office.inject({ method: 'GET', url: `/api/suggestion-batches/${encodeURIComponent(label)}/list.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    expect((await w.office.inject({ method: 'GET', url: `/api/suggestion-batches/${uniq()}/list.xlsx` })).statusCode).toBe(404);
    const empty = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-batches',
      payload: { batchLabel: label, items: [] },
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe('unit recommendation on the assign form', () => {
  it('proposes the units that handled similar suggestions, with the reason, and learns from returns', async () => {
    const transport = await handlingUnit(t, w, `交通运输局${uniq()}`);
    const school = await handlingUnit(t, w, `教育局${uniq()}`);
    const power = await handlingUnit(t, w, `公交集团${uniq()}`);
    const wrong = await handlingUnit(t, w, `园林局${uniq()}`);
    const bus = {
      grounds: '公交站台缺少候车亭，乘客候车日晒雨淋，老人孩子十分不便。',
      proposal: '建议交通运输部门增设候车亭，优化公交站台设置。',
    };
    const classes = { grounds: '学校学位紧张，课后服务不足，家长接送困难。', proposal: '建议教育部门扩建校舍，增加课后服务。' };
    const past = [
      { title: '关于在和平路公交站增设候车亭的建议', lead: transport, co: power, text: bus },
      { title: '关于修缮建设街公交站台候车亭的建议', lead: transport, text: bus },
      { title: '关于城北公交站台增设候车亭座椅的建议', lead: transport, text: bus },
      { title: '关于扩建城北小学校舍的建议', lead: school, text: classes },
      { title: '关于增加中小学课后服务的建议', lead: school, text: classes },
    ];
    for (const p of past) {
      const s = await acceptedSuggestion(w, { title: `${p.title}${uniq()}`, ...p.text });
      await assign(w, s.id, [{ unitId: p.lead.id, role: 'lead' }, ...(p.co ? [{ unitId: p.co.id, role: 'co' as const }] : [])]);
    }
    // A unit that returned a similar suggestion as not its business is not proposed for it.
    const returned = await acceptedSuggestion(w, { title: `关于公交站台候车亭绿化的建议${uniq()}`, ...bus });
    const p = await assign(w, returned.id, [{ unitId: wrong.id, role: 'lead' }]);
    const back = assignmentOf(p, wrong.id).id;
    await wrong.staff.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${back}/request-return`,
      payload: { reason: '不属本单位' },
    });
    const decided = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${back}/decide-return`,
      payload: { decision: 'approve', reassignTo: { unitId: transport.id } },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const target = await acceptedSuggestion(w, {
      title: `关于幸福路公交站增设候车亭的建议${uniq()}`,
      grounds: '幸福路公交站没有候车亭，乘客雨天候车十分困难。',
      proposal: '建议交通运输部门尽快增设候车亭。',
    });
    const res = await w.office.inject({ method: 'GET', url: `/api/suggestions/${target.id}/unit-suggestions?limit=3` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      unitId: string;
      role: string;
      score: number;
      reason: { zh: string };
      similar: unknown[];
    }[];
    expect(items[0]).toMatchObject({ unitId: transport.id, role: 'lead' });
    expect(items[0]?.reason.zh).toContain('相似建议曾交由该单位主办');
    expect(items[0]?.similar.length).toBeGreaterThan(0);
    // The school may follow, on its share of the category (the shared test database holds other
    // suggestions of it) or on words every proposal shares ("部门"), but never ahead of the transport
    // bureau, whose suggestions are about the same thing.
    const schoolAt = items.findIndex((i) => i.unitId === school.id);
    if (schoolAt >= 0) expect(items[schoolAt]?.score).toBeLessThan(items[0]?.score ?? 0);
    expect(items.map((i) => i.unitId)).not.toContain(wrong.id);
    expect(items.find((i) => i.unitId === power.id)?.role).toBe('co');
    // Not the units' business, nor a deputy's.
    expect((await w.unitStaff.inject({ method: 'GET', url: `/api/suggestions/${target.id}/unit-suggestions` })).statusCode).toBe(
      403,
    );
    expect((await w.lead.agent.inject({ method: 'GET', url: `/api/suggestions/${target.id}/unit-suggestions` })).statusCode).toBe(
      403,
    );
  });
});

describe("a unit's boxes in the list", () => {
  it('shows a unit what it received, what is due and what it returned', async () => {
    const unit = await handlingUnit(t, w);
    const [held, returned] = [await acceptedSuggestion(w), await acceptedSuggestion(w)];
    const p1 = await assign(w, held.id, [{ unitId: unit.id, role: 'lead' }]);
    const p2 = await assign(w, returned.id, [{ unitId: unit.id, role: 'lead' }]);
    await acceptAs(unit, assignmentOf(p1, unit.id).id);
    const asked = await unit.staff.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${assignmentOf(p2, unit.id).id}/request-return`,
      payload: { reason: '不属本单位职责' },
    });
    expect(asked.statusCode).toBe(200);
    const box = async (name?: string) => {
      const res = await unit.staff.inject({ method: 'GET', url: `/api/suggestions${name ? `?box=${name}` : ''}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id).sort();
    };
    expect(await box()).toEqual([held.id, returned.id].sort());
    expect(await box('received')).toEqual([held.id, returned.id].sort());
    expect(await box('returned')).toEqual([returned.id]);
    // Three months away: not yet due.
    expect(await box('due')).toEqual([]);
    const wrong = await unit.staff.inject({ method: 'GET', url: '/api/suggestions?box=nope' });
    expect(wrong.statusCode).toBe(400);
  });
});
