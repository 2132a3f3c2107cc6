import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor } from '../../test/factories.js';
import {
  acceptAs,
  acceptedSuggestion,
  assign,
  assignedSuggestion,
  assignmentOf,
  handlingUnit,
  type Panel,
} from '../../test/factories.suggestionAssignments.js';
import { buildSuggestionWorld, type SuggestionWorld, submitted } from '../../test/factories.suggestions.js';
import { suggestionAssignments, suggestionExtensions, suggestionReturns } from './suggestions.handling.tables.js';
import { suggestionEvents, suggestions } from './suggestions.tables.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t, { cosigners: 0 });
});
afterAll(async () => {
  await t?.close();
});

const assignRaw = (id: string, units: { unitId: string; role: string }[], agent: Agent = w.office) =>
  agent.inject({ method: 'POST', url: `/api/suggestions/${id}/assignments`, payload: { units } });
const post = (agent: Agent, url: string, payload: Record<string, unknown> = {}) => agent.inject({ method: 'POST', url, payload });
const rowsOf = (suggestionId: string) =>
  t.deps.db.select().from(suggestionAssignments).where(eq(suggestionAssignments.suggestionId, suggestionId));
const messages = (suggestionId: string, topic: string) =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.aggregateId, suggestionId), eq(outbox.topic, topic)))
    .orderBy(asc(outbox.id));

describe('assigning an accepted suggestion', () => {
  it('assigns a lead and a co unit with their deadlines, tells the units and the deputy, and the units sign for it', async () => {
    const s = await acceptedSuggestion(w);
    const lead = await handlingUnit(t, w);
    const co = await handlingUnit(t, w, '发改局');
    const panel = await assign(
      w,
      s.id,
      [
        { unitId: lead.id, role: 'lead' },
        { unitId: co.id, role: 'co' },
      ],
      { note: '请主办单位牵头' },
    );
    expect(panel).toMatchObject({ state: 'assigned', canAssign: false, total: 2 });
    const l = assignmentOf(panel, lead.id);
    const c = assignmentOf(panel, co.id);
    expect(l).toMatchObject({ role: 'lead', status: 'pending', roleLabel: { zh: '主办' }, statusLabel: { zh: '待签收' } });
    expect(l.actions).toEqual(['withdraw']);
    // A co unit's opinion is due a month before the reply; the suggestion is due with its reply.
    expect(Date.parse(c.dueAt)).toBeLessThan(Date.parse(l.dueAt));
    expect(panel.dueAt).toBe(l.dueAt);
    expect(l.returnWindowOpen).toBe(true);

    // The unit sees the suggestion, and what it may do.
    const seen = (await lead.staff.inject({ method: 'GET', url: `/api/suggestions/${s.id}/assignments` })).json() as Panel;
    expect(assignmentOf(seen, lead.id).actions).toEqual(['accept', 'request_return']);
    expect(assignmentOf(seen, co.id).actions).toEqual([]);
    expect((await lead.staff.inject({ method: 'GET', url: `/api/suggestions/${s.id}` })).statusCode).toBe(200);

    const [assigned] = await messages(s.id, 'suggestion.assigned');
    expect(assigned?.payload).toMatchObject({
      leadDeputyId: w.lead.mandate.id,
      unitIds: [lead.id, co.id],
      units: [expect.objectContaining({ unitName: lead.name, roleLabel: '主办' }), expect.objectContaining({ role: 'co' })],
    });

    const after = await acceptAs(lead, l.id);
    expect(assignmentOf(after, lead.id)).toMatchObject({ status: 'handling', actions: ['request_extension'] });
    expect(assignmentOf(after, lead.id).acceptedAt).not.toBeNull();
    // Signing twice is a conflict, not a second change.
    const twice = await post(lead.staff, `/api/suggestion-assignments/${l.id}/accept`);
    expect(twice.statusCode).toBe(409);
    const events = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(eq(suggestionEvents.suggestionId, s.id))
      .orderBy(asc(suggestionEvents.id));
    expect(events.map((e) => e.action)).toEqual(['draft', 'submit', 'accept', 'assign', 'assignment_accepted']);
    expect(events[3]?.note).toBe('请主办单位牵头');
  });

  it('refuses bad units and plans with a clear reason, writing nothing', async () => {
    const s = await acceptedSuggestion(w);
    const unit = await handlingUnit(t, w);
    const other = await handlingUnit(t, w);
    const cases: [{ unitId: string; role: string }[], number, string][] = [
      [[{ unitId: randomUUID(), role: 'lead' }], 400, 'UNIT_NOT_FOUND'],
      [[{ unitId: w.committee.id, role: 'lead' }], 400, 'NOT_A_UNIT'],
      [
        [
          { unitId: unit.id, role: 'lead' },
          { unitId: other.id, role: 'lead' },
        ],
        400,
        'TWO_LEADS',
      ],
      [[{ unitId: unit.id, role: 'co' }], 400, 'UNIT_REQUIRED'],
      [[], 400, 'UNIT_REQUIRED'],
      [
        [
          { unitId: unit.id, role: 'lead' },
          { unitId: unit.id, role: 'co' },
        ],
        400,
        'UNIT_TWICE',
      ],
      [[{ unitId: unit.id, role: 'chief' }], 400, 'VALIDATION_ERROR'],
    ];
    for (const [units, status, code] of cases) {
      const res = await assignRaw(s.id, units);
      expect(res.statusCode, res.body).toBe(status);
      if (code !== 'VALIDATION_ERROR') expect(res.json().code).toBe(code);
    }
    const notUnit = await assignRaw(s.id, [{ unitId: w.committee.id, role: 'lead' }]);
    expect(notUnit.json().message).toContain('不是承办单位');
    const english = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/assignments`,
      payload: { units: [{ unitId: w.committee.id, role: 'lead' }] },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().message).toContain('is not a handling unit');
    expect(await rowsOf(s.id)).toEqual([]);
    const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, s.id));
    expect(row?.state).toBe('accepted');
  });

  it('assigns only an accepted suggestion, only by the office of its region', async () => {
    const s = await submitted(w);
    const unit = await handlingUnit(t, w);
    const res = await assignRaw(s.id, [{ unitId: unit.id, role: 'lead' }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(res.json().message).toContain('待审查');
    const accepted = await acceptedSuggestion(w);
    expect((await assignRaw(accepted.id, [{ unitId: unit.id, role: 'lead' }], w.farOffice)).statusCode).toBe(403);
    expect((await assignRaw(accepted.id, [{ unitId: unit.id, role: 'lead' }], w.committeeStaff)).statusCode).toBe(403);
    expect((await assignRaw(accepted.id, [{ unitId: unit.id, role: 'lead' }], w.unitStaff)).statusCode).toBe(403);
    expect((await rowsOf(accepted.id)).length).toBe(0);
    // The lead deputy and a leader follow the assignment; a unit not assigned does not.
    await assign(w, accepted.id, [{ unitId: unit.id, role: 'separate' }]);
    for (const agent of [w.lead.agent, w.leader]) {
      expect((await agent.inject({ method: 'GET', url: `/api/suggestions/${accepted.id}/assignments` })).statusCode).toBe(200);
    }
    expect((await w.unitStaff.inject({ method: 'GET', url: `/api/suggestions/${accepted.id}/assignments` })).statusCode).toBe(
      403,
    );
  });

  it('lets exactly one of two office staff assign the same suggestion at the same moment', async () => {
    const s = await acceptedSuggestion(w);
    const [a, b] = [await handlingUnit(t, w), await handlingUnit(t, w)];
    const second = await agentFor(t.app, { role: 'office_staff', regionCode: w.county });
    const results = await Promise.all([
      assignRaw(s.id, [{ unitId: a.id, role: 'lead' }]),
      assignRaw(s.id, [{ unitId: b.id, role: 'lead' }], second),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await rowsOf(s.id);
    expect(rows.length).toBe(1);
    const winner = results.findIndex((r) => r.statusCode === 200);
    expect(rows[0]?.unitId).toBe(winner === 0 ? a.id : b.id);
  });
});

describe('the units: signing, returns and reassignment', () => {
  it('lets the lead and the co unit sign at the same moment, and only one of two clerks of one unit', async () => {
    const s = await acceptedSuggestion(w);
    const [lead, co] = [await handlingUnit(t, w), await handlingUnit(t, w)];
    const panel = await assign(w, s.id, [
      { unitId: lead.id, role: 'lead' },
      { unitId: co.id, role: 'co' },
    ]);
    const both = await Promise.all([
      post(lead.staff, `/api/suggestion-assignments/${assignmentOf(panel, lead.id).id}/accept`),
      post(co.staff, `/api/suggestion-assignments/${assignmentOf(panel, co.id).id}/accept`),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);

    const s2 = await acceptedSuggestion(w);
    const p2 = await assign(w, s2.id, [{ unitId: lead.id, role: 'lead' }]);
    const clerk = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: lead.id });
    const id = assignmentOf(p2, lead.id).id;
    const race = await Promise.all([
      post(lead.staff, `/api/suggestion-assignments/${id}/accept`),
      post(clerk, `/api/suggestion-assignments/${id}/accept`),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('takes a return request with a reason; the office refuses, then approves and reassigns at once', async () => {
    const s = await acceptedSuggestion(w);
    const [lead, co, next] = [await handlingUnit(t, w), await handlingUnit(t, w), await handlingUnit(t, w, '交通运输局')];
    const panel = await assign(w, s.id, [
      { unitId: lead.id, role: 'lead' },
      { unitId: co.id, role: 'co' },
    ]);
    const id = assignmentOf(panel, lead.id).id;
    const url = `/api/suggestion-assignments/${id}`;
    // Only the assigned unit asks, with a reason.
    expect((await post(co.staff, `${url}/request-return`, { reason: '不是我们' })).statusCode).toBe(403);
    expect((await post(w.unitStaff, `${url}/request-return`, { reason: '不是我们' })).statusCode).toBe(403);
    expect((await post(w.office, `${url}/request-return`, { reason: 'x' })).statusCode).toBe(403);
    const noReason = await post(lead.staff, `${url}/request-return`, {});
    expect(noReason.json()).toMatchObject({ statusCode: 400, code: 'REASON_REQUIRED' });
    const asked = await post(lead.staff, `${url}/request-return`, { reason: '道路照明归城管局管理' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(assignmentOf(asked.json(), lead.id)).toMatchObject({
      status: 'return_requested',
      returns: [expect.objectContaining({ reason: '道路照明归城管局管理', status: 'pending' })],
    });
    expect((await messages(s.id, 'suggestion.return_requested')).length).toBe(1);

    // Refusing needs a reason; refused, the unit has it again.
    expect((await post(w.office, `${url}/decide-return`, { decision: 'refuse' })).json().code).toBe('REASON_REQUIRED');
    const refused = await post(w.office, `${url}/decide-return`, { decision: 'refuse', reason: '该路段由住建局管理' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(assignmentOf(refused.json(), lead.id)).toMatchObject({ status: 'pending' });
    const [decided] = await messages(s.id, 'suggestion.return_decided');
    expect(decided?.payload).toMatchObject({ unitId: lead.id, leadDeputyId: w.lead.mandate.id, decision: 'refuse' });

    // Asked again and approved, naming the unit that takes over as lead.
    await post(lead.staff, `${url}/request-return`, { reason: '确非本单位职责' });
    const approved = await post(w.office, `${url}/decide-return`, {
      decision: 'approve',
      reassignTo: { unitId: next.id },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const p = approved.json() as Panel;
    expect(assignmentOf(p, lead.id)).toMatchObject({ status: 'returned', actions: [] });
    expect(assignmentOf(p, next.id)).toMatchObject({ status: 'pending', role: 'lead', reassignedFromId: id });
    const [ret] = await t.deps.db
      .select()
      .from(suggestionReturns)
      .where(and(eq(suggestionReturns.assignmentId, id), eq(suggestionReturns.status, 'approved')));
    expect(ret?.reassignedAssignmentId).toBe(assignmentOf(p, next.id).id);
    expect((await messages(s.id, 'suggestion.reassigned'))[0]?.payload).toMatchObject({ unitId: next.id });
    // The returned unit may no longer act; a second reassignment of the same row is refused.
    expect((await post(lead.staff, `${url}/accept`)).statusCode).toBe(409);
    expect((await post(w.office, `${url}/reassign`, { unitId: co.id })).json().code).toBe('ALREADY_REASSIGNED');
    const events = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(eq(suggestionEvents.suggestionId, s.id))
      .orderBy(asc(suggestionEvents.id));
    expect(events.map((e) => e.action).slice(-3)).toEqual(['return_requested', 'return_approved', 'reassigned']);
  });

  it('withdraws an assignment with a reason, and reassigns it later to another unit', async () => {
    const { suggestion, lead, co } = await assignedSuggestion(t, w);
    const url = `/api/suggestion-assignments/${lead.assignment.id}`;
    expect((await post(w.office, `${url}/withdraw`, {})).json().code).toBe('REASON_REQUIRED');
    expect((await post(w.office, `${url}/reassign`, { unitId: co.id })).json().code).toBe('NOT_RETURNED');
    const withdrawn = await post(w.office, `${url}/withdraw`, { reason: '交办有误' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(assignmentOf(withdrawn.json(), lead.id)).toMatchObject({ status: 'withdrawn', actions: ['reassign'] });
    // The co unit is already on it: it cannot take over the lead as well.
    expect((await post(w.office, `${url}/reassign`, { unitId: co.id })).json().code).toBe('UNIT_ALREADY_ASSIGNED');
    expect((await post(w.office, `${url}/reassign`, { unitId: w.committee.id })).json().code).toBe('NOT_A_UNIT');
    const next = await handlingUnit(t, w);
    const re = await post(w.office, `${url}/reassign`, { unitId: next.id, note: '改由该局主办' });
    expect(re.statusCode, re.body).toBe(200);
    expect(assignmentOf(re.json(), next.id)).toMatchObject({ role: 'lead', status: 'pending' });
    expect((await rowsOf(suggestion.id)).length).toBe(3);
  });
});

describe('extensions', () => {
  it('takes one request at a time within 6 months of the assignment; the office approves and the due date moves', async () => {
    const { suggestion, lead, co } = await assignedSuggestion(t, w);
    const url = `/api/suggestion-assignments/${lead.assignment.id}/extensions`;
    const assignedDay = new Date(Date.parse(lead.assignment.assignedAt as string) + 8 * 3600_000);
    const latest = new Date(Date.UTC(assignedDay.getUTCFullYear(), assignedDay.getUTCMonth() + 6, 1));
    const last = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() + 1, 0)).getUTCDate();
    latest.setUTCDate(Math.min(assignedDay.getUTCDate(), last));
    const latestDay = latest.toISOString().slice(0, 10);
    const dayAfter = new Date(latest.getTime() + 86_400_000).toISOString().slice(0, 10);

    expect((await post(co.staff, url, { reason: '需要更多时间', dueOn: latestDay })).statusCode).toBe(403);
    expect((await post(lead.staff, url, { reason: '', dueOn: latestDay })).statusCode).toBe(400);
    expect((await post(lead.staff, url, { reason: '需要时间', dueOn: '2026-02-30' })).statusCode).toBe(400);
    const tooLong = await post(lead.staff, url, { reason: '需协调省级部门', dueOn: dayAfter });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'EXTENSION_TOO_LONG' });
    expect(tooLong.json().message).toContain(latestDay);

    const asked = await post(lead.staff, url, { reason: '需协调省级部门', dueOn: latestDay });
    expect(asked.statusCode, asked.body).toBe(200);
    const ext = assignmentOf(asked.json(), lead.id).extensions as { id: string; status: string }[];
    expect(ext).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(assignmentOf(asked.json(), lead.id).actions).toEqual([]);
    const again = await post(lead.staff, url, { reason: '再次申请', dueOn: latestDay });
    expect(again.json()).toMatchObject({ statusCode: 409, code: 'EXTENSION_PENDING' });

    const decide = `/api/suggestion-extensions/${ext[0]?.id}/decide`;
    expect((await post(lead.staff, decide, { decision: 'approve' })).statusCode).toBe(403);
    expect((await post(w.office, decide, { decision: 'refuse' })).json().code).toBe('REASON_REQUIRED');
    const approved = await post(w.office, decide, { decision: 'approve', note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    const a = assignmentOf(approved.json(), lead.id);
    expect(a.dueAt).toBe(new Date(Date.parse(`${latestDay}T23:59:59.999+08:00`)).toISOString());
    expect(a.originalDueAt).toBe(lead.assignment.originalDueAt);
    expect((approved.json() as Panel).dueAt).toBe(a.dueAt);
    expect((await post(w.office, decide, { decision: 'refuse', note: '不同意' })).json().code).toBe('EXTENSION_DECIDED');
    expect((await messages(suggestion.id, 'suggestion.extension_decided'))[0]?.payload).toMatchObject({
      decision: 'approve',
      unitId: lead.id,
      leadDeputyId: w.lead.mandate.id,
    });
    // Nothing later than the limit can be asked for now.
    const more = await post(lead.staff, url, { reason: '还要延期', dueOn: dayAfter });
    expect(more.json().code).toBe('EXTENSION_TOO_LONG');
  });

  it('asks only while handling, and refuses with a reason', async () => {
    const s = await acceptedSuggestion(w);
    const unit = await handlingUnit(t, w);
    const panel = await assign(w, s.id, [{ unitId: unit.id, role: 'lead' }]);
    const a = assignmentOf(panel, unit.id);
    const day = new Date(Date.parse(a.dueAt) + 20 * 86_400_000).toISOString().slice(0, 10);
    const url = `/api/suggestion-assignments/${a.id}/extensions`;
    expect((await post(unit.staff, url, { reason: '需要时间', dueOn: day })).statusCode).toBe(409);
    await acceptAs(unit, a.id);
    const earlier = new Date(Date.parse(a.dueAt) - 86_400_000 * 2).toISOString().slice(0, 10);
    expect((await post(unit.staff, url, { reason: '需要时间', dueOn: earlier })).json().code).toBe('EXTENSION_NOT_LATER');
    const asked = await post(unit.staff, url, { reason: '需要时间', dueOn: day });
    const [ext] = assignmentOf(asked.json(), unit.id).extensions as { id: string }[];
    const refused = await post(w.office, `/api/suggestion-extensions/${ext?.id}/decide`, {
      decision: 'refuse',
      note: '理由不充分',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(assignmentOf(refused.json(), unit.id)).toMatchObject({ dueAt: a.dueAt, actions: ['withdraw'] });
    const mine = (await unit.staff.inject({ method: 'GET', url: `/api/suggestions/${s.id}/assignments` })).json() as Panel;
    expect(assignmentOf(mine, unit.id).actions).toEqual(['request_extension']);
    const [row] = await t.deps.db.select().from(suggestionExtensions).where(eq(suggestionExtensions.assignmentId, a.id));
    expect(row).toMatchObject({ status: 'rejected', decisionNote: '理由不充分', newDueAt: null });
  });
});
