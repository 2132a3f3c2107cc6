import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { readXlsx } from '../../test/factories.deputies.js';
import { uniqMobile } from '../../test/factories.notifications.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;
/** Another county with its own office: the same phone there is that office's business. */
let far: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  [w, far] = [await buildCaseWorld(t), await buildCaseWorld(t)];
});
afterAll(async () => {
  await t?.close();
});

const rowOf = async (id: string) => (await t.deps.db.select().from(opinions).where(eq(opinions.id, id)))[0]!;
const post = (agent: CaseWorld['office'], what: string, payload: Record<string, unknown>) =>
  agent.inject({ method: 'POST', url: `/api/opinions/constituents/${what}`, payload });

/** A constituent with a closed case and an open one here, and a case in the far county. */
async function constituent() {
  const phone = uniqMobile();
  const submitter = { name: '李秀英', phone, address: '和平街 12 号 3 单元', nameHidden: false };
  const closed = await buildOpinion(t.deps, { stationId: w.station.id, submitter, consentPublish: true });
  await step(w.stationStaff, closed.id, 'reject', { reason: '属于诉讼事项', guidance: '请向法院咨询' });
  const open = await buildOpinion(t.deps, { stationId: w.station.id, submitter });
  await advance(w, open.id, 'transferred');
  const elsewhere = await buildOpinion(t.deps, { stationId: far.station.id, submitter });
  return { phone, closed, open, elsewhere };
}

async function lastAudit(action: string, region: string) {
  const [row] = await t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), like(auditEvents.regionCode, `${region}%`)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe('a constituent’s data, found by phone', () => {
  it('finds the cases of the phone in the office’s region only, however the number is typed', async () => {
    const c = await constituent();
    const spaced = `${c.phone.slice(0, 3)} ${c.phone.slice(3, 7)} ${c.phone.slice(7)}`;
    const res = await post(w.office, 'lookup', { phone: spaced });
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json();
    expect(found).toMatchObject({ phoneMasked: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`, total: 2, openCount: 1 });
    expect(found.cases.map((x: { trackingCode: string }) => x.trackingCode).sort()).toEqual(
      [c.closed.trackingCode, c.open.trackingCode].sort(),
    );
    expect(found.cases[0]).toMatchObject({ name: '李秀英', address: '和平街 12 号 3 单元', stationName: w.station.name });
    const there = (await post(far.office, 'lookup', { phone: c.phone })).json();
    expect(there.cases.map((x: { trackingCode: string }) => x.trackingCode)).toEqual([c.elsewhere.trackingCode]);
    // The trail keeps that a lookup happened, never the number.
    const audit = await lastAudit('opinion.constituent_lookup', w.county);
    expect(audit?.after).toEqual({ count: 2 });
    expect(JSON.stringify(audit)).not.toContain(c.phone);
  });

  it('refuses other roles, bad numbers and numbers it does not know, in the caller’s language', async () => {
    const c = await constituent();
    for (const agent of [w.deputy, w.stationStaff, w.leader, w.unitStaff]) {
      expect((await post(agent, 'lookup', { phone: c.phone })).statusCode).toBe(403);
      expect((await post(agent, 'erase', { phone: c.phone, reason: '本人申请' })).statusCode).toBe(403);
    }
    const bad = await post(w.office, 'lookup', { phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('电话号码格式不正确');
    expect((await post(w.office, 'lookup', {})).statusCode).toBe(400);
    const unknown = await post(w.office, 'lookup', { phone: uniqMobile() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CONSTITUENT_NOT_FOUND');
    expect((await post(w.office, 'erase', { phone: c.phone })).statusCode).toBe(400);
  });
});

describe('exporting a constituent’s data', () => {
  it('hands over every case decrypted, as JSON and as a workbook, and records it', async () => {
    const c = await constituent();
    const res = await post(w.office, 'export.json', { phone: c.phone });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`群众个人信息-${c.phone.slice(-4)}-`));
    const data = res.json();
    expect(data.phone).toBe(c.phone);
    expect(data.cases).toHaveLength(2);
    const closed = data.cases.find((x: { trackingCode: string }) => x.trackingCode === c.closed.trackingCode);
    expect(closed).toMatchObject({
      submitter: { name: '李秀英', phone: c.phone, address: '和平街 12 号 3 单元' },
      content: c.closed.content,
      consentPublish: true,
      state: 'rejected',
      stateLabel: '不予受理',
      station: w.station.name,
    });
    expect(closed.timeline.map((e: { step: string }) => e.step)).toEqual(['提交', '不予受理']);
    // Staff names are not the constituent's data.
    expect(res.body).not.toContain(w.stationStaff.user.displayName);

    const xlsx = await post(w.office, 'export.xlsx', { phone: c.phone });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml.sheet');
    const wb = await readXlsx(xlsx.rawPayload);
    const [cases, steps] = wb.worksheets;
    expect(cases?.name).toBe('意见与个人信息');
    expect(cases!.actualRowCount).toBe(3);
    const cells: string[] = [];
    cases!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toEqual(expect.arrayContaining([c.phone, '李秀英', '和平街 12 号 3 单元', c.open.trackingCode]));
    expect(steps?.name).toBe('办理过程');
    expect(steps!.actualRowCount).toBeGreaterThan(3);

    const audit = await lastAudit('opinion.constituent_export', w.county);
    expect(audit?.after).toMatchObject({ count: 2, format: 'xlsx' });
    expect(JSON.stringify(audit)).not.toContain(c.phone);
    // Nothing of the far county's case left through this office.
    expect(res.body).not.toContain(c.elsewhere.trackingCode);
  });
});

describe('erasing a constituent’s data', () => {
  it('refuses while a case is open unless the office confirms, then anonymises every case here', async () => {
    const c = await constituent();
    const refused = await post(w.office, 'erase', { phone: c.phone, reason: '本人来电申请删除' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONSTITUENT_HAS_OPEN_CASES', openCases: [c.open.trackingCode] });
    expect(refused.json().message).toContain('正在办理');
    expect((await rowOf(c.open.id)).submitterPhoneEnc).not.toBeNull();
    expect((await rowOf(c.closed.id)).anonymizedAt).toBeNull();

    const res = await post(w.office, 'erase', { phone: c.phone, reason: '本人来电申请删除', includeOpen: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ erased: 2, openErased: 1 });
    for (const id of [c.open.id, c.closed.id]) {
      expect(await rowOf(id)).toMatchObject({
        submitterNameEnc: null,
        submitterNameMasked: null,
        submitterPhoneEnc: null,
        submitterPhoneHash: null,
        submitterPhoneMasked: null,
        submitterAddressEnc: null,
      });
      const timeline = (await w.office.inject({ method: 'GET', url: `/api/opinions/${id}/timeline` })).json();
      expect(timeline.items.at(-1)).toMatchObject({
        action: 'anonymize',
        actorRole: 'office_staff',
        note: '应群众本人申请删除个人信息：本人来电申请删除',
        label: { zh: '个人信息匿名化' },
      });
    }
    // The open case goes on without a callback number.
    expect((await rowOf(c.open.id)).state).toBe('transferred');
    await step(w.unitStaff, c.open.id, 'unit_accept');
    const seen = (await w.office.inject({ method: 'GET', url: `/api/opinions/${c.open.id}` })).json();
    expect(seen.submitter).toMatchObject({ name: null, phone: null, address: null });
    // The far county's case is its office's business.
    expect((await rowOf(c.elsewhere.id)).submitterPhoneEnc).not.toBeNull();
    expect((await post(w.office, 'lookup', { phone: c.phone })).statusCode).toBe(404);
    expect((await post(w.office, 'erase', { phone: c.phone, reason: '再次申请' })).statusCode).toBe(404);

    const audit = await lastAudit('opinion.constituent_erase', w.county);
    expect(audit?.after).toMatchObject({ reason: '本人来电申请删除', count: 2, openCount: 1 });
    expect(JSON.stringify(audit)).not.toContain(c.phone);
    const perCase = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'opinion.anonymize'), eq(auditEvents.entityId, c.closed.id)));
    expect(perCase).toHaveLength(1);
  });

  it('erases at once when every case is closed', async () => {
    const phone = uniqMobile();
    const only = await buildOpinion(t.deps, {
      stationId: w.station.id,
      submitter: { name: '赵四', phone, address: null, nameHidden: true },
    });
    await step(w.stationStaff, only.id, 'reject', { reason: '重复反映', guidance: '已在办理' });
    const res = await post(w.office, 'erase', { phone, reason: '本人书面申请' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ erased: 1, openErased: 0, trackingCodes: [only.trackingCode] });
    expect((await rowOf(only.id)).anonymizedAt).not.toBeNull();
  });
});
