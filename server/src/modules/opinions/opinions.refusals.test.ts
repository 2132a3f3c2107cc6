import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { act, advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { opinionEvents, opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const fresh = () => buildOpinion(t.deps, { stationId: w.station.id });

describe('refusals', () => {
  it('refuses an action from the wrong state with 409 and the reason in Chinese and English', async () => {
    const c = await fresh();
    const zh = await act(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: '意见当前状态为“待受理”，不能转办' });
    const en = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/transitions/feedback`,
      headers: { 'accept-language': 'en' },
      payload: {},
    });
    expect(en.statusCode).toBe(409);
    expect(en.json().message).toBe('The opinion is submitted: it cannot feed back now');

    await advance(w, c.id, 'handling');
    const late = await act(w.deputy, c.id, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('办理中');
  });

  it('refuses the wrong role, another unit, another deputy, another station and another region with 403', async () => {
    const c = await fresh();
    // A leader may not apply workflow actions at all (the route's role list).
    expect((await act(w.leader, c.id, 'accept')).statusCode).toBe(403);
    // A deputy of the station who is not the responsible deputy sees the case but may not act on it.
    expect((await w.otherDeputy.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).statusCode).toBe(200);
    const otherDeputy = await act(w.otherDeputy, c.id, 'accept');
    expect(otherDeputy.statusCode).toBe(403);
    expect(otherDeputy.json().message).toBe('只有该意见的第一责任人代表可以处理');
    // Staff of another station, the office of another county: not theirs to see.
    expect((await act(w.otherStationStaff, c.id, 'accept')).statusCode).toBe(403);
    expect((await w.otherStationStaff.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).statusCode).toBe(403);
    expect((await act(w.farOffice, c.id, 'accept')).statusCode).toBe(403);
    // A unit before the case reaches it.
    expect((await act(w.unitStaff, c.id, 'accept')).statusCode).toBe(403);

    await advance(w, c.id, 'transferred');
    // The office may not accept on the unit's behalf: a role the workflow does not allow.
    const office = await act(w.office, c.id, 'unit_accept');
    expect(office.statusCode).toBe(403);
    expect(office.json().code).toBe('FORBIDDEN');
    // The co unit may read the case but only the lead unit acts.
    const co = await act(w.coUnitStaff, c.id, 'unit_accept');
    expect(co.statusCode).toBe(403);
    expect(co.json().message).toBe('只有主办单位可以办理该意见');
    // Administrators never reach the case.
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    expect((await admin.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).statusCode).toBe(403);
    // A unit cannot ask for more time for a case it does not lead.
    expect(
      (
        await w.coUnitStaff.inject({
          method: 'POST',
          url: `/api/opinions/${c.id}/extensions`,
          payload: { reason: '需要协调', days: 5 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('asks for what is missing with 400: reasons, texts, units, evaluations', async () => {
    const c = await fresh();
    const noReason = await act(w.deputy, c.id, 'reject', { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'TRANSITION_GUARD', message: '请填写不予受理的理由和指引' });
    const en = await w.deputy.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/transitions/reject`,
      headers: { 'accept-language': 'en' },
      payload: {},
    });
    expect(en.json().message).toBe('Give the reason and guidance for not accepting');

    await advance(w, c.id, 'in_review');
    expect((await act(w.office, c.id, 'transfer', {})).json()).toMatchObject({
      code: 'TRANSITION_GUARD',
      message: '请选择主办单位',
    });
    const notUnit = await act(w.office, c.id, 'transfer', { leadUnitId: w.congressBody.id });
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json().code).toBe('NOT_A_UNIT');
    expect((await act(w.office, c.id, 'transfer', { leadUnitId: 'not-a-uuid' })).statusCode).toBe(400);

    await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
    const noReturnReason = await act(w.unitStaff, c.id, 'unit_return', {});
    expect(noReturnReason.statusCode).toBe(400);
    expect(noReturnReason.json().message).toBe('请填写退回理由');
    await step(w.unitStaff, c.id, 'unit_accept');
    const noText = await act(w.unitStaff, c.id, 'reply', { result: 'resolved' });
    expect(noText.json()).toMatchObject({ statusCode: 400, message: '请填写答复内容' });
    const badResult = await act(w.unitStaff, c.id, 'reply', { result: 'done', text: '好了' });
    expect(badResult.statusCode).toBe(400);
    expect(badResult.json().code).toBe('VALIDATION');
    await step(w.unitStaff, c.id, 'reply', { result: 'resolved', text: '已办理' });
    await step(w.deputy, c.id, 'feedback');
    expect((await act(w.deputy, c.id, 'evaluate', {})).statusCode).toBe(400);
    expect((await act(w.deputy, c.id, 'expire_evaluation')).statusCode).toBe(400);
    expect((await act(w.deputy, c.id, 'fly')).statusCode).toBe(400);

    // Nothing half-written: the refusals left no events. In the order they were written: without an
    // ORDER BY, PostgreSQL may return them otherwise (a shared test database reuses freed pages).
    const events = await t.deps.db
      .select()
      .from(opinionEvents)
      .where(eq(opinionEvents.opinionId, c.id))
      .orderBy(asc(opinionEvents.id));
    expect(events.map((e) => e.action)).toEqual(['submit', 'accept', 'escalate', 'transfer', 'unit_accept', 'reply', 'feedback']);
  });

  it('lets exactly one of two staff accepting the same case at the same moment win', async () => {
    const c = await fresh();
    const [a, b] = await Promise.all([act(w.deputy, c.id, 'accept'), act(w.stationStaff, c.id, 'accept')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(['INVALID_TRANSITION', 'OPINION_CHANGED']).toContain(loser.json().code);
    const accepts = await t.deps.db
      .select()
      .from(opinionEvents)
      .where(and(eq(opinionEvents.opinionId, c.id), eq(opinionEvents.action, 'accept')));
    expect(accepts).toHaveLength(1);
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, c.id));
    expect(row).toMatchObject({ state: 'accepted', version: 2 });
  });

  it('lets one of two transfers and a return race without losing either row or event', async () => {
    const c = await fresh();
    await advance(w, c.id, 'transferred');
    const results = await Promise.all([
      act(w.unitStaff, c.id, 'unit_accept'),
      act(w.unitStaff, c.id, 'unit_return', { reason: '不属于本单位职责' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, c.id));
    expect(events.filter((e) => e.action === 'unit_accept' || e.action === 'unit_return')).toHaveLength(1);
  });
});
