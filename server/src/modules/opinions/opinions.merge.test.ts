import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
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
const eventsOf = (id: string) =>
  t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id)).orderBy(asc(opinionEvents.id));
const messages = (id: string, topic: string) =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.aggregateId, id), eq(outbox.topic, topic)))
    .orderBy(asc(outbox.id));

describe('merging duplicates', () => {
  it('answers every merged constituent when the primary is fed back', async () => {
    const primary = await fresh();
    const dupA = await fresh();
    const dupB = await fresh();
    await advance(w, primary.id, 'in_review');
    // B joins A first; when A joins the primary, B follows the primary too.
    const mergedB = await step(w.office, dupB.id, 'merge', { primaryId: dupA.id, note: '同一路段' });
    expect(mergedB).toMatchObject({ state: 'merged', mergedIntoId: dupA.id });
    await step(w.office, dupA.id, 'merge', { primaryId: primary.id });
    const rows = await t.deps.db.select().from(opinions).where(eq(opinions.mergedIntoId, primary.id));
    expect(rows.map((r) => r.id).sort()).toEqual([dupA.id, dupB.id].sort());
    expect((await w.office.inject({ method: 'GET', url: `/api/opinions/${primary.id}` })).json().mergedCount).toBe(2);

    await step(w.office, primary.id, 'transfer', { leadUnitId: w.unit.id });
    await step(w.unitStaff, primary.id, 'unit_accept');
    await step(w.unitStaff, primary.id, 'reply', { result: 'resolved', text: '已统一修复该路段路灯' });
    await step(w.stationStaff, primary.id, 'feedback');

    const [feedback] = await messages(primary.id, 'opinion.feedback');
    const recipients = (feedback!.payload as { recipients: { opinionId: string; trackingCode: string }[] }).recipients;
    expect(recipients.map((r) => r.opinionId).sort()).toEqual([primary.id, dupA.id, dupB.id].sort());
    expect(recipients.find((r) => r.opinionId === dupB.id)?.trackingCode).toBe(dupB.trackingCode);
    // Each merged case records that its constituent got the answer.
    for (const dup of [dupA, dupB]) {
      const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, dup.id));
      expect(row!.fedBackAt).not.toBeNull();
      expect((await eventsOf(dup.id)).at(-1)).toMatchObject({ action: 'primary_feedback', toState: null });
    }
    expect((await eventsOf(primary.id)).filter((e) => e.action === 'merged_in')).toHaveLength(1);
  });

  it('sends the answer at once to a duplicate merged into a case already fed back', async () => {
    const primary = await fresh();
    await advance(w, primary.id, 'awaiting_evaluation');
    const late = await fresh();
    await step(w.office, late.id, 'merge', { primaryId: primary.id });
    const [message] = await messages(primary.id, 'opinion.feedback').then((m) =>
      m.filter((x) => (x.payload as { action: string }).action === 'merged_in'),
    );
    expect((message!.payload as { recipients: { opinionId: string }[] }).recipients).toEqual([
      { opinionId: late.id, trackingCode: late.trackingCode },
    ]);
  });

  it('refuses to merge into itself, into a closed case, or without a primary', async () => {
    const a = await fresh();
    const closed = await fresh();
    await step(w.deputy, closed.id, 'reject', { reason: '属于信访事项', guidance: '请向信访部门反映' });
    expect((await act(w.office, a.id, 'merge', {})).json().code).toBe('TRANSITION_GUARD');
    expect((await act(w.office, a.id, 'merge', { primaryId: a.id })).json().code).toBe('MERGE_SELF');
    const intoClosed = await act(w.office, a.id, 'merge', { primaryId: closed.id });
    expect(intoClosed.statusCode).toBe(409);
    expect(intoClosed.json().code).toBe('PRIMARY_CLOSED');
    expect((await act(w.deputy, a.id, 'merge', { primaryId: closed.id })).statusCode).toBe(403);
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, a.id));
    expect(row).toMatchObject({ state: 'submitted', mergedIntoId: null });
  });
});

describe('urging and supervision', () => {
  it('counts urging by the office and a leader, records supervision with its instruction, and announces both', async () => {
    const c = await fresh();
    await advance(w, c.id, 'handling');
    const once = await w.office.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge`, payload: { note: '请加快办理' } });
    expect(once.statusCode, once.body).toBe(200);
    expect(once.json().urgeCount).toBe(1);
    const twice = await w.leader.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge` });
    expect(twice.json().urgeCount, twice.body).toBe(2);

    const supervised = await w.leader.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/supervise`,
      payload: { instruction: '请住建局主要负责同志亲自督办' },
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    expect(supervised.json()).toMatchObject({
      supervised: true,
      supervisedBy: { id: w.leader.user.id },
      supervisionInstruction: '请住建局主要负责同志亲自督办',
      state: 'handling',
    });
    expect(
      (await w.leader.inject({ method: 'POST', url: `/api/opinions/${c.id}/supervise`, payload: { instruction: ' ' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await w.office.inject({ method: 'POST', url: `/api/opinions/${c.id}/supervise`, payload: { instruction: '督办' } }))
        .statusCode,
    ).toBe(403);
    expect((await w.unitStaff.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge` })).statusCode).toBe(403);
    expect((await w.farOffice.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge` })).statusCode).toBe(403);

    const actions = (await w.leader.inject({ method: 'GET', url: `/api/opinions/${c.id}/actions` })).json();
    expect(actions).toMatchObject({ actions: [], urge: true, supervise: true, requestExtension: false });
    expect((await w.unitStaff.inject({ method: 'GET', url: `/api/opinions/${c.id}/actions` })).json()).toMatchObject({
      requestExtension: true,
    });

    expect((await messages(c.id, 'opinion.urged')).map((m) => (m.payload as { count: number }).count)).toEqual([1, 2]);
    expect(await messages(c.id, 'opinion.supervised')).toHaveLength(1);
    const events = (await eventsOf(c.id)).filter((e) => ['urge', 'supervise'].includes(e.action));
    expect(events.map((e) => [e.action, e.actorRole, e.fromState])).toEqual([
      ['urge', 'office_staff', null],
      ['urge', 'leader', null],
      ['supervise', 'leader', null],
    ]);

    // A closed case is no longer urged.
    const done = await fresh();
    await step(w.deputy, done.id, 'reject', { reason: '属于仲裁事项' });
    const refused = await w.office.inject({ method: 'POST', url: `/api/opinions/${done.id}/urge` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OPINION_CLOSED');
  });

  it('refuses an extension the office turns down, leaving the deadline as it was', async () => {
    const c = await fresh();
    await advance(w, c.id, 'handling');
    const before = (await w.office.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).json().dueAt;
    const asked = (
      await w.unitStaff.inject({
        method: 'POST',
        url: `/api/opinions/${c.id}/extensions`,
        payload: { reason: '需要财政资金', days: 10 },
      })
    ).json();
    const refused = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions/${asked.id}/decision`,
      payload: { approve: false, note: '请按期办结' },
    });
    expect(refused.json()).toMatchObject({ status: 'rejected', newDueAt: null, decisionNote: '请按期办结' });
    const after = (await w.office.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).json();
    expect(after.dueAt).toBe(before);
    expect(after.extensions).toEqual([expect.objectContaining({ id: asked.id, status: 'rejected' })]);
    expect(
      (
        await w.unitStaff.inject({
          method: 'POST',
          url: `/api/opinions/${c.id}/extensions`,
          payload: { reason: '再议', days: 0 },
        })
      ).statusCode,
    ).toBe(400);
  });
});
