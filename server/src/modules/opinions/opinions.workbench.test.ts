import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { Agent } from '../../test/factories.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';

let t: TestApp;
let w: CaseWorld;
/** One case per situation a queue is about. */
const c: Record<string, string> = {};

const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const make = async (o: { receivedAt?: string; stationId?: string } = {}) =>
    (await buildOpinion(t.deps, { stationId: w.station.id, ...o })).id;

  c.fresh = await make(); // due within two working days
  c.late = await make({ receivedAt: new Date(Date.now() - 20 * DAY).toISOString() }); // acceptance overdue
  c.review = await make();
  await advance(w, c.review, 'in_review');
  c.returned = await make();
  await advance(w, c.returned, 'transferred');
  await step(w.unitStaff, c.returned, 'unit_return', { reason: '不属于本单位职责' });
  c.transferred = await make();
  await advance(w, c.transferred, 'transferred');
  c.handling = await make();
  await advance(w, c.handling, 'handling');
  const ext = await w.unitStaff.inject({
    method: 'POST',
    url: `/api/opinions/${c.handling}/extensions`,
    payload: { reason: '需要协调多个部门', days: 10 },
  });
  expect(ext.statusCode, ext.body).toBe(201);
  c.replied = await make();
  await advance(w, c.replied, 'replied');
  const sup = await w.leader.inject({
    method: 'POST',
    url: `/api/opinions/${c.review}/supervise`,
    payload: { instruction: '请尽快办理' },
  });
  expect(sup.statusCode, sup.body).toBe(200);
  c.elsewhere = await make({ stationId: w.otherStation.id });
  c.closed = await make();
  await step(w.deputy, c.closed, 'reject', { reason: '属于诉讼事项', guidance: '请向人民法院起诉' });
});
afterAll(async () => {
  await t?.close();
});

type Cards = { role: string; queues: { key: string; count: number }[] };

async function cards(agent: Agent): Promise<Cards> {
  const res = await agent.inject({ method: 'GET', url: '/api/opinions/workbench' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function queue(agent: Agent, key: string) {
  const res = await agent.inject({ method: 'GET', url: `/api/opinions?queue=${key}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { id: string }[]; total: number; totalExact: boolean };
  expect(body.totalExact).toBe(true);
  return { total: body.total, ids: body.items.map((i) => i.id) };
}

/** Every card of the role equals the total of the list it opens; returns the lists' ids per queue. */
async function expectCardsMatchLists(agent: Agent, role: string, keys: string[]) {
  const wb = await cards(agent);
  expect(wb.role).toBe(role);
  expect(wb.queues.map((q) => q.key)).toEqual(keys);
  const ids: Record<string, string[]> = {};
  for (const { key, count } of wb.queues) {
    const list = await queue(agent, key);
    expect(count, `${role} ${key}`).toBe(list.total);
    ids[key] = list.ids;
  }
  return ids;
}

describe('the workbench (contracts.md §A)', () => {
  it('deputy: mine, due soon and overdue match their lists', async () => {
    const ids = await expectCardsMatchLists(w.deputy, 'deputy', ['mine', 'due_soon', 'overdue']);
    // The head deputy owns every open case of the station; the rejected one and the other station's are not theirs.
    expect(ids.mine).toEqual(expect.arrayContaining([c.fresh, c.late, c.review, c.handling, c.replied]));
    expect(ids.mine).not.toContain(c.closed);
    expect(ids.mine).not.toContain(c.elsewhere);
    // Due by the end of the second working day; the unit's three days and the reply's fifteen are not soon.
    expect(ids.due_soon).toEqual([c.fresh]);
    expect(ids.overdue).toEqual([c.late]);
    // A deputy of the station who owns none of its cases has an empty "mine".
    const other = await expectCardsMatchLists(w.otherDeputy, 'deputy', ['mine', 'due_soon', 'overdue']);
    expect(other.mine).toEqual([]);
  });

  it('station staff: the station queue, due soon and overdue match their lists', async () => {
    const ids = await expectCardsMatchLists(w.stationStaff, 'station_staff', ['station_queue', 'due_soon', 'overdue']);
    expect(ids.station_queue?.sort()).toEqual([c.fresh, c.late, c.replied].sort());
    expect(ids.overdue).toEqual([c.late]);
    expect(ids.due_soon).toEqual([c.fresh]);
    const other = await expectCardsMatchLists(w.otherStationStaff, 'station_staff', ['station_queue', 'due_soon', 'overdue']);
    expect(other.station_queue).toEqual([c.elsewhere]);
  });

  it('office staff: triage, all, overdue, supervised, returned and extensions match their lists', async () => {
    const ids = await expectCardsMatchLists(w.office, 'office_staff', [
      'triage',
      'all',
      'overdue',
      'supervised',
      'returned',
      'extensions',
    ]);
    expect(ids.triage).toEqual(expect.arrayContaining([c.review, c.returned]));
    expect(ids.all).toEqual(expect.arrayContaining(Object.values(c)));
    expect(ids.overdue).toContain(c.late);
    expect(ids.supervised).toContain(c.review);
    expect(ids.returned).toContain(c.returned);
    expect(ids.returned).not.toContain(c.review);
    expect(ids.extensions).toContain(c.handling);
    // The office of another county sees none of these cases.
    const far = await expectCardsMatchLists(w.farOffice, 'office_staff', [
      'triage',
      'all',
      'overdue',
      'supervised',
      'returned',
      'extensions',
    ]);
    expect(far.all).not.toContain(c.fresh);
  });

  it('unit staff: received, due, replied and returned match their lists, for the lead and the co unit', async () => {
    const lead = await expectCardsMatchLists(w.unitStaff, 'unit_staff', ['received', 'due', 'replied', 'returned']);
    expect(lead).toEqual({ received: [c.transferred], due: [c.handling], replied: [c.replied], returned: [c.returned] });
    const co = await expectCardsMatchLists(w.coUnitStaff, 'unit_staff', ['received', 'due', 'replied', 'returned']);
    expect(co).toEqual({ received: [c.transferred], due: [c.handling], replied: [c.replied], returned: [c.returned] });
  });

  it('leader: supervised and overdue match their lists', async () => {
    const ids = await expectCardsMatchLists(w.leader, 'leader', ['supervised', 'overdue']);
    expect(ids.supervised).toContain(c.review);
    expect(ids.overdue).toContain(c.late);
  });

  it('refuses a queue of another role with a bilingual 400', async () => {
    const zh = await w.deputy.inject({ method: 'GET', url: '/api/opinions?queue=triage' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'QUEUE_NOT_FOR_ROLE', message: '工作队列 triage 不适用于您的角色' });
    const en = await w.unitStaff.inject({
      method: 'GET',
      url: '/api/opinions?queue=mine',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().message).toBe("The queue mine is not one of your role's queues");
  });
});
