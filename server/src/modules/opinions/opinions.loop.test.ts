import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/factories.deputies.js';
import { act, buildCaseWorld, type CaseWorld, step } from '../../test/factories.opinions.js';
import { opinions, opinionUnits } from './opinions.tables.js';
import { replayTimeline } from './opinions.timeline.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

async function timelineOf(id: string) {
  const res = await w.office.inject({ method: 'GET', url: `/api/opinions/${id}/timeline` });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: {
      action: string;
      fromState: string | null;
      toState: string | null;
      stageOverdue: boolean | null;
      actorName: string | null;
      actorRole: string | null;
      at: string;
    }[];
    total: number;
  };
}

describe('the closed loop of DESIGN §3.1, through the API', () => {
  it('goes from intake to closing with an unsatisfied round and re-handling in between', async () => {
    const created = await w.stationStaff.inject({
      method: 'POST',
      url: '/api/opinions',
      payload: {
        channel: 'station_visit',
        stationId: w.station.id,
        title: '幸福小区路灯不亮',
        content: '幸福小区东门外三盏路灯已坏一个多月，晚上老人出行不安全，希望尽快修复。',
        placeText: '幸福小区东门',
        submitter: { name: '李大爷', phone: '13800138000', address: '幸福小区 3 栋' },
        consentShare: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      state: 'submitted',
      channel: 'station_visit',
      responsibleDeputy: { id: w.head.id, name: w.head.name },
      regionCode: w.township,
      station: { id: w.station.id },
    });
    expect(c.trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(c.dueAt).not.toBeNull();
    const id = c.id as string;

    // The responsible deputy sees the case's buttons; the office sees none at this stage but can act.
    const actions = await w.deputy.inject({ method: 'GET', url: `/api/opinions/${id}/actions` });
    expect(actions.json().actions.map((a: { action: string }) => a.action)).toEqual(['accept', 'reject', 'convert']);

    await step(w.deputy, id, 'accept', { note: '已电话联系群众' });
    await step(w.deputy, id, 'escalate', { note: '需住建部门处理' });
    const transferred = await step(w.office, id, 'transfer', {
      leadUnitId: w.unit.id,
      coUnitIds: [w.coUnit.id],
      note: '请会同城管局办理',
    });
    expect(transferred).toMatchObject({ state: 'transferred', leadUnit: { id: w.unit.id } });

    // The co unit sees the case but cannot act on it.
    expect((await w.coUnitStaff.inject({ method: 'GET', url: `/api/opinions/${id}` })).statusCode).toBe(200);
    const accepted = await step(w.unitStaff, id, 'unit_accept');
    expect(accepted.reply).toMatchObject({ dueAt: expect.any(String) });
    // The reply letter is uploaded first (type sniffed from the bytes), then named in the reply.
    const upload = (filename: string, content: string | Buffer, agent = w.unitStaff) => {
      const body = multipart({ filename, content, contentType: 'application/pdf' });
      return agent.inject({ method: 'POST', url: `/api/opinions/${id}/files`, payload: body.payload, headers: body.headers });
    };
    const letter = await upload('答复函.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'));
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json()).toMatchObject({ filename: '答复函.pdf', mimeType: 'application/pdf' });
    const renamed = await upload('fake.pdf', 'just text, renamed');
    expect(renamed.json()).toMatchObject({ statusCode: 400, code: 'FILE_TYPE' });
    const othersFile = (await upload('co.pdf', Buffer.from('%PDF-1.4 co'), w.coUnitStaff)).statusCode;
    expect(othersFile).toBe(403);
    const officeFile = (await upload('office.pdf', Buffer.from('%PDF-1.4 office'), w.office)).json();
    expect(
      (await act(w.unitStaff, id, 'reply', { result: 'resolved', text: '附件', fileIds: [officeFile.id] })).json().code,
    ).toBe('FILE_NOT_FOUND');

    const replied = await step(w.unitStaff, id, 'reply', {
      result: 'basically_resolved',
      text: '已更换两盏，另一盏需更换线路，两周内完成。',
      fileIds: [letter.json().id],
    });
    expect(replied).toMatchObject({ state: 'replied', reply: { result: 'basically_resolved', onTime: true } });
    expect(replied.files).toEqual([expect.objectContaining({ id: letter.json().id, kind: 'reply', filename: '答复函.pdf' })]);
    const fedBack = await step(w.stationStaff, id, 'feedback', { note: '电话告知' });
    expect(fedBack.fedBackAt).not.toBeNull();

    // Unsatisfied: back to the office, which counts a re-handling round.
    const unhappy = await step(w.stationStaff, id, 'evaluate', { evaluation: 'unsatisfied', comment: '第三盏还没修' });
    expect(unhappy).toMatchObject({ state: 'in_review', rehandleCount: 1, evaluation: 'unsatisfied' });
    const again = await step(w.office, id, 'rehandle', { note: '请尽快修复第三盏' });
    expect(again).toMatchObject({ state: 'handling', leadUnit: { id: w.unit.id } });
    await step(w.unitStaff, id, 'reply', { result: 'resolved', text: '第三盏已修复。' });
    await step(w.deputy, id, 'feedback');
    const closed = await step(w.office, id, 'evaluate', { evaluation: 'satisfied' });
    expect(closed).toMatchObject({ state: 'closed', evaluation: 'satisfied', rehandleCount: 1 });
    expect(closed.closedAt).not.toBeNull();

    // Rounds of units: round 1 lead + co replied, round 2 the same units again.
    const units = await t.deps.db
      .select()
      .from(opinionUnits)
      .where(eq(opinionUnits.opinionId, id))
      .orderBy(asc(opinionUnits.round), asc(opinionUnits.role));
    expect(units.map((u) => [u.round, u.role, u.unitId, u.status])).toEqual([
      [1, 'co', w.coUnit.id, 'replied'],
      [1, 'lead', w.unit.id, 'replied'],
      [2, 'co', w.coUnit.id, 'replied'],
      [2, 'lead', w.unit.id, 'replied'],
    ]);

    // The timeline shows every step, who and when, and folds back to the current state.
    const timeline = await timelineOf(id);
    expect(timeline.items.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'escalate',
      'transfer',
      'unit_accept',
      'reply',
      'feedback',
      'evaluate',
      'rehandle',
      'reply',
      'feedback',
      'evaluate',
    ]);
    expect(timeline.items.every((e) => e.actorName && e.at)).toBe(true);
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, id));
    const replay = replayTimeline(timeline.items);
    expect(replay).toEqual({ state: row!.state, overdueStages: row!.overdueStages, consistent: true });
    expect(row!.version).toBe(12);

    // Audit rows and outbox messages were written with each step (and each upload).
    const audit = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.filter((a) => a.action !== 'opinion.file_uploaded')).toHaveLength(12);
    expect(audit.filter((a) => a.action === 'opinion.file_uploaded')).toHaveLength(2);
    const topics = (
      await t.deps.db
        .select({ topic: outbox.topic })
        .from(outbox)
        .where(and(eq(outbox.aggregateType, 'opinion'), eq(outbox.aggregateId, id)))
        .orderBy(asc(outbox.id))
    ).map((r) => r.topic);
    expect(topics).toEqual([
      'opinion.submitted',
      'opinion.accepted',
      'opinion.escalated',
      'opinion.transferred',
      'opinion.unit_accepted',
      'opinion.replied',
      'opinion.feedback',
      'opinion.evaluated',
      'opinion.rehandled',
      'opinion.replied',
      'opinion.feedback',
      'opinion.evaluated',
      'opinion.closed',
    ]);
  });

  it('answers on the spot, and resolves in review, without any unit', async () => {
    const a = (
      await w.stationStaff.inject({
        method: 'POST',
        url: '/api/opinions',
        payload: { channel: 'hotline', content: '咨询社保卡补办地点' },
      })
    ).json();
    await step(w.stationStaff, a.id, 'accept');
    const spot = await step(w.deputy, a.id, 'answer_on_spot', { text: '可到区政务服务中心 2 楼补办。' });
    expect(spot).toMatchObject({ state: 'replied', reply: { result: 'resolved', onTime: true } });

    const b = (
      await w.office.inject({
        method: 'POST',
        url: '/api/opinions',
        payload: { channel: 'hotline_12345', regionCode: w.county, content: '12345 转来：公园厕所缺少无障碍设施' },
      })
    ).json();
    expect(b).toMatchObject({ station: null, regionCode: w.county, responsibleDeputy: null });
    await step(w.office, b.id, 'accept');
    // The office cannot escalate to itself; it resolves directly.
    expect((await w.office.inject({ method: 'POST', url: `/api/opinions/${b.id}/transitions/escalate` })).statusCode).toBe(403);
    const resolved = await step(w.office, b.id, 'resolve', { result: 'being_resolved', text: '已列入年度改造计划。' });
    expect(resolved.reply).toMatchObject({ result: 'being_resolved' });
  });

  it('rejects with a reason and guidance, and converts into a suggestion', async () => {
    const a = (
      await w.stationStaff.inject({
        method: 'POST',
        url: '/api/opinions',
        payload: { channel: 'letter', content: '我与邻居的房屋纠纷已经起诉，请代表帮我打赢官司。' },
      })
    ).json();
    const rejected = await step(w.deputy, a.id, 'reject', {
      reason: '该事项已进入诉讼程序',
      guidance: '请通过法院依法解决，可申请法律援助。',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejectReason: '该事项已进入诉讼程序',
      rejectGuidance: '请通过法院依法解决，可申请法律援助。',
    });

    const b = (
      await w.stationStaff.inject({
        method: 'POST',
        url: '/api/opinions',
        payload: { channel: 'card', content: '建议全市推行老旧小区加装电梯补贴政策' },
      })
    ).json();
    await step(w.deputy, b.id, 'accept');
    const converted = await step(w.deputy, b.id, 'convert', { note: '作为代表建议提出' });
    expect(converted).toMatchObject({ state: 'converted', convertedSuggestionId: null });
    const tl = await timelineOf(b.id);
    expect(tl.items.at(-1)).toMatchObject({ action: 'convert', toState: 'converted' });
  });

  it('returns from a unit to the office, which transfers to another unit', async () => {
    const c = (
      await w.stationStaff.inject({
        method: 'POST',
        url: '/api/opinions',
        payload: { channel: 'station_visit', content: '河道有异味' },
      })
    ).json();
    await step(w.deputy, c.id, 'accept');
    await step(w.deputy, c.id, 'escalate');
    await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
    const returned = await step(w.unitStaff, c.id, 'unit_return', { reason: '河道归城管局管理' });
    expect(returned).toMatchObject({ state: 'in_review', leadUnit: null });
    // The returning unit no longer holds it; re-handling needs a unit that answered, so transfer again.
    expect((await w.office.inject({ method: 'POST', url: `/api/opinions/${c.id}/transitions/rehandle` })).statusCode).toBe(400);
    const moved = await step(w.office, c.id, 'transfer', { leadUnitId: w.coUnit.id });
    expect(moved.units).toEqual([
      expect.objectContaining({ unitId: w.unit.id, status: 'returned', round: 1 }),
      expect.objectContaining({ unitId: w.coUnit.id, status: 'transferred', round: 1 }),
    ]);
    await step(w.coUnitStaff, c.id, 'unit_accept');
  });
});
