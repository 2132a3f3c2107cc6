import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { act, advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { expireEvaluation } from './commands/expireEvaluation.js';
import { workingDaysForRegions } from './opinions.deadlines.js';
import { deadlineRules, opinionEvents, opinions } from './opinions.tables.js';

/** The end of a China calendar day, as the API writes it. */
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
const at = (local: string) => `${local}+08:00`;

const clock = fixedClock(at('2026-02-13T10:00:00'));
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const get = async (id: string) => (await w.office.inject({ method: 'GET', url: `/api/opinions/${id}` })).json();
const eventsOf = (id: string) =>
  t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id)).orderBy(asc(opinionEvents.id));

describe('deadlines on the working-day calendar, with a controlled clock', () => {
  it('counts every stage across the 2026 Spring Festival and its make-up working days, and freezes overdue flags', async () => {
    clock.set(at('2026-02-13T10:00:00')); // a Friday; the 14th is a make-up working Saturday, 15–23 the holiday
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    // Accept within 2 working days: Sat 14 Feb (make-up day) and Tue 24 Feb.
    expect(c.dueAt?.toISOString()).toBe(endOf('2026-02-24'));
    expect(c.receivedAt.toISOString()).toBe(new Date(at('2026-02-13T10:00:00')).toISOString());

    clock.set(at('2026-02-25T09:00:00'));
    const accepted = await step(w.deputy, c.id, 'accept');
    expect(accepted).toMatchObject({ dueAt: null, overdueStages: ['submitted'] });
    await step(w.deputy, c.id, 'escalate');

    clock.set(at('2026-02-25T10:00:00'));
    // The unit accepts within 3 working days: 26, 27 and Saturday 28 February (a make-up working day).
    const transferred = await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
    expect(transferred.dueAt).toBe(endOf('2026-02-28'));

    clock.set(at('2026-02-27T16:00:00'));
    // Reply within 15 working days of the unit's acceptance: 28 Feb, 2–6, 9–13 and 16–19 March.
    const handling = await step(w.unitStaff, c.id, 'unit_accept');
    expect(handling).toMatchObject({ dueAt: endOf('2026-03-19'), reply: { dueAt: endOf('2026-03-19') } });

    // An extension of 5 working days, approved by the office, moves the reply date to 26 March.
    clock.set(at('2026-03-10T09:00:00'));
    const asked = await w.unitStaff.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions`,
      payload: { reason: '需协调供电公司', days: 5 },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const again = await w.unitStaff.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions`,
      payload: { reason: '再申请', days: 3 },
    });
    expect(again.statusCode).toBe(409);
    const decided = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions/${asked.json().id}/decision`,
      payload: { approve: true, note: '同意' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', newDueAt: endOf('2026-03-26') });
    const twice = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions/${asked.json().id}/decision`,
      payload: { approve: false },
    });
    expect(twice.statusCode).toBe(409);
    expect(await get(c.id)).toMatchObject({ dueAt: endOf('2026-03-26'), reply: { dueAt: endOf('2026-03-26') } });

    clock.set(at('2026-03-25T11:00:00'));
    const replied = await step(w.unitStaff, c.id, 'reply', { result: 'resolved', text: '已修复' });
    expect(replied).toMatchObject({ reply: { onTime: true }, overdueStages: ['submitted'] });

    // The constituent has 15 working days to rate the answer, across Qingming (4–6 April).
    const fedBack = await step(w.stationStaff, c.id, 'feedback');
    expect(fedBack.dueAt).toBe(endOf('2026-04-16'));

    // The evaluation window: closing unevaluated is refused while it is open, done once it has passed.
    clock.set(at('2026-04-16T20:00:00'));
    await expect(expireEvaluation(t.deps, c.id)).rejects.toMatchObject({ statusCode: 409, code: 'EVALUATION_WINDOW_OPEN' });
    clock.set(at('2026-04-17T08:00:00'));
    const closed = await expireEvaluation(t.deps, c.id);
    expect(closed).toMatchObject({ state: 'closed', evaluation: null });
    await expect(expireEvaluation(t.deps, c.id)).rejects.toMatchObject({ statusCode: 409 });

    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.action, e.stageOverdue])).toEqual([
      ['submit', null],
      ['accept', true],
      ['escalate', null],
      ['transfer', null],
      ['unit_accept', false],
      ['extension_requested', null],
      ['extension_approved', null],
      ['reply', false],
      ['feedback', null],
      ['expire_evaluation', null],
    ]);
    expect(events.at(-1)).toMatchObject({ actorRole: 'system', toState: 'closed' });
    expect(events.map((e) => e.at.toISOString()).at(1)).toBe(new Date(at('2026-02-25T09:00:00')).toISOString());
  });

  it('marks a late reply as not on time and keeps the overdue stage', async () => {
    clock.set(at('2026-03-02T09:00:00'));
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    await advance(w, c.id, 'handling');
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, c.id));
    expect(row!.replyDueAt?.toISOString()).toBe(endOf('2026-03-23'));
    clock.set(at('2026-03-24T00:00:01'));
    const late = await step(w.unitStaff, c.id, 'reply', { result: 'being_resolved', text: '正在协调' });
    expect(late).toMatchObject({ reply: { onTime: false }, overdueStages: ['handling'] });
  });

  it('gives complex cases 30 working days, and a fixed reply date when the office sets one', async () => {
    clock.set(at('2026-09-14T09:00:00'));
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    await advance(w, c.id, 'in_review');
    await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id, complex: true });
    // 30 working days from 14 September cross the make-up Sunday 20 September, Mid-Autumn and National Day.
    const complex = await step(w.unitStaff, c.id, 'unit_accept');
    expect(complex.reply).toMatchObject({ dueAt: endOf('2026-10-30') });

    const d = await buildOpinion(t.deps, { stationId: w.station.id });
    await advance(w, d.id, 'in_review');
    const past = await act(w.office, d.id, 'transfer', { leadUnitId: w.unit.id, replyDueOn: '2026-09-01' });
    expect(past.json()).toMatchObject({ statusCode: 400, code: 'DUE_DATE_PAST' });
    await step(w.office, d.id, 'transfer', { leadUnitId: w.unit.id, replyDueOn: '2026-09-30' });
    expect((await step(w.unitStaff, d.id, 'unit_accept')).reply).toMatchObject({ dueAt: endOf('2026-09-30') });
  });

  it('takes the rule with the longest region prefix, so a county can set its own deadlines', async () => {
    await t.deps.db.insert(deadlineRules).values({ regionCode: w.county, step: 'opinion.accept', workingDays: 1 });
    try {
      clock.set(at('2026-03-06T10:00:00')); // a Friday
      const c = await buildOpinion(t.deps, { stationId: w.station.id });
      expect(c.dueAt?.toISOString()).toBe(endOf('2026-03-09'));
      // The registrar's lookup of a batch's regions at once: a township of the county, and elsewhere.
      const days = await workingDaysForRegions(t.deps.db, [`${w.county}001`, '99', `${w.county}001`], 'opinion.accept');
      expect(Object.fromEntries(days)).toEqual({ [`${w.county}001`]: 1, '99': 2 });
    } finally {
      await t.deps.db.delete(deadlineRules).where(eq(deadlineRules.regionCode, w.county));
    }
  });
});
