import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/auth/session.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { readXlsx } from '../../test/factories.deputies.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { exportCases } from './opinions.export.js';
import { OpinionFilterQuery } from './opinions.list.schema.js';
import { opinionCategories } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const categoryId = async (code: string) =>
  (await t.deps.db.select({ id: opinionCategories.id }).from(opinionCategories).where(eq(opinionCategories.code, code)))[0]?.id;

describe('GET /api/opinions/export.xlsx', () => {
  it('exports the filtered list, every page of it, with the constituent masked', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await buildOpinion(t.deps, { stationId: w.station.id }));
    await advance(w, made[0]!.id, 'transferred');
    const list = await w.office.inject({ method: 'GET', url: `/api/opinions?stationId=${w.station.id}&pageSize=2` });
    expect(list.json().total).toBe(3);

    const res = await w.office.inject({ method: 'GET', url: `/api/opinions/export.xlsx?stationId=${w.station.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('群众意见-')}`);
    const ws = (await readXlsx(res.rawPayload)).worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['跟踪码', '收到时间', '标题']);
    expect(ws.actualRowCount - 1).toBe(3);
    const codes: string[] = [];
    const cells: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      codes.push(String(row.getCell(1).value));
      row.eachCell((cell) => cells.push(String(cell.value)));
    });
    expect(codes.sort()).toEqual(made.map((m) => m.trackingCode).sort());
    const text = cells.join('|');
    expect(text).toContain('139****5678');
    expect(text).toContain('王**');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('幸福路 8 号');
    expect(text).toContain('已转办');
    expect(text).toContain(w.unit.name);

    const [audit] = await t.deps.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'opinion.export'), eq(auditEvents.actorId, w.office.user.id)));
    expect(audit?.after).toMatchObject({ count: 3, filter: { stationId: w.station.id } });
  });

  it('exports only what the account may see, and validates the filters like the list', async () => {
    const res = await w.unitStaff.inject({ method: 'GET', url: '/api/opinions/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const ws = (await readXlsx(res.rawPayload)).worksheets[0]!;
    const unitList = await w.unitStaff.inject({ method: 'GET', url: '/api/opinions' });
    expect(ws.actualRowCount - 1).toBe(unitList.json().total);

    const bad = await w.office.inject({
      method: 'GET',
      url: '/api/opinions/export.xlsx?state=lost&from=2024-13-01',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { message: string }) => i.message)).toEqual(
      expect.arrayContaining(['Unknown opinion state', 'The start date is not a real date']),
    );
    const queue = await w.office.inject({ method: 'GET', url: '/api/opinions/export.xlsx?queue=mine' });
    expect(queue.statusCode).toBe(400);
  });

  it('refuses an export larger than the cap with a clear message', async () => {
    // The cap is 20,000 rows; the command takes a smaller one so a test need not build 20,000 cases.
    const ctx = { user: w.office.user as SessionUser, locale: 'zh' as const };
    const filter = OpinionFilterQuery.parse({ stationId: w.station.id });
    await expect(exportCases(t.deps, ctx, filter, { limit: 2 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'EXPORT_TOO_LARGE',
      text: {
        zh: '符合条件的意见超过 2 条，无法一次导出，请按日期、区域或状态缩小范围后再导出',
        en: 'More than 2 opinions match: narrow the filters (dates, region, state) and export again',
      },
    });
  });
});

describe('GET /api/opinions/:id/similar', () => {
  it('finds cases about the same matter, best first, without the case itself or merged duplicates', async () => {
    const roads = await categoryId('urban.roads');
    const make = (stationId: string, title: string, content: string, cat: string | null | undefined = roads) =>
      buildOpinion(t.deps, { stationId, title, content, categoryId: cat });
    const primary = await make(w.station.id, '光华小区北门路灯不亮', '光华小区北门外的路灯坏了半个月，晚上出行很不安全。');
    const twin = await make(w.station.id, '光华小区路灯坏了', '光华小区北门那一排路灯一直不亮，请尽快修。');
    const cousin = await make(w.station.id, '光华小区路灯', '光华小区的路灯晚上不亮。', null);
    const merged = await make(w.station.id, '光华小区北门路灯不亮', '光华小区北门的路灯坏了。');
    await step(w.office, merged.id, 'merge', { primaryId: primary.id });
    const unrelated = await make(w.station.id, '学校门口交通拥堵', '实验小学门口早晚高峰交通拥堵，孩子上学不安全。');
    const elsewhere = await make(w.otherStation.id, '光华小区北门路灯不亮', '光华小区北门外的路灯坏了。');

    const res = await w.office.inject({ method: 'GET', url: `/api/opinions/${primary.id}/similar` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; score: number; trackingCode: string; state: string }[];
    const found = items.map((i) => i.id);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(found).toEqual(expect.arrayContaining([twin.id, cousin.id, elsewhere.id]));
    expect(found).not.toContain(primary.id);
    expect(found).not.toContain(merged.id);
    expect(found).not.toContain(unrelated.id);
    // Same category and same station's region beat the uncategorised one.
    expect(found.indexOf(twin.id)).toBeLessThan(found.indexOf(cousin.id));
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    expect(items.find((i) => i.id === twin.id)).toMatchObject({ trackingCode: twin.trackingCode, state: 'submitted' });

    // Staff of the station see only their station's cases among the similar ones.
    const staff = await w.stationStaff.inject({ method: 'GET', url: `/api/opinions/${primary.id}/similar` });
    expect(staff.json().items.map((i: { id: string }) => i.id)).not.toContain(elsewhere.id);
  });

  it('answers 400, 403 and 404 like the case itself', async () => {
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    expect((await w.office.inject({ method: 'GET', url: '/api/opinions/nope/similar' })).statusCode).toBe(400);
    expect((await w.farOffice.inject({ method: 'GET', url: `/api/opinions/${c.id}/similar` })).statusCode).toBe(403);
    const missing = await w.office.inject({ method: 'GET', url: `/api/opinions/${randomUUID()}/similar` });
    expect(missing.statusCode).toBe(404);
  });
});
