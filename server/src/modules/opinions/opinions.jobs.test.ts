import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniqMobile } from '../../test/factories.notifications.js';
import { deliver, told } from '../../test/factories.opinionNotices.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { type DeadlineSweepResult, runOpinionDeadlinesOnce } from './opinions.jobs.js';
import { opinionReminders } from './opinions.reminders.tables.js';
import { registerOpinionSubscribers } from './opinions.subscribers.js';
import { deadlineRules, opinionEvents } from './opinions.tables.js';

/** The end of a China calendar day, as the API writes it. */
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
const at = (local: string) => `${local}+08:00`;

const clock = fixedClock(at('2026-02-13T10:00:00'));
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  registerOpinionSubscribers(t.deps);
  w = await buildCaseWorld(t);
  await t.deps.db.update(users).set({ phone: uniqMobile() }).where(eq(users.id, w.deputy.user.id));
  await t.deps.db.update(users).set({ phone: uniqMobile() }).where(eq(users.id, w.unitStaff.user.id));
});
afterAll(async () => {
  await t?.close();
});

const failures: string[] = [];
/** The sweep, kept to this file's county: other test files' cases on a shared database are not ours. */
const sweep = () => runOpinionDeadlinesOnce(t.deps, { regionCode: w.county, log: (m) => failures.push(m) });
const sweepAt = (local: string) => {
  clock.set(at(local));
  return sweep();
};
const nothing: DeadlineSweepResult = { flagged: 0, reminded: 0, overdueNotices: 0, expired: 0, failed: 0 };
const get = async (id: string) => (await w.office.inject({ method: 'GET', url: `/api/opinions/${id}` })).json();
const noticesOf = (id: string) =>
  t.deps.db.select().from(opinionReminders).where(eq(opinionReminders.opinionId, id)).orderBy(asc(opinionReminders.sentAt));
const eventsOf = (id: string, action: string) =>
  t.deps.db
    .select()
    .from(opinionEvents)
    .where(and(eq(opinionEvents.opinionId, id), eq(opinionEvents.action, action)));

// The tests run in calendar order on one county: each leaves its case without a pending deadline.
describe('the deadline sweep on the working-day calendar', () => {
  it('reminds of acceptance on the make-up Saturday before the Spring Festival and flags it once after', async () => {
    clock.set(at('2026-02-13T10:00:00')); // a Friday; Saturday 14 is a make-up working day, 15–23 the holiday
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    // Two working days to accept: the make-up Saturday and Tuesday 24 February.
    expect(c.dueAt?.toISOString()).toBe(endOf('2026-02-24'));

    // Within the two-day window already, but the case came in today: its arrival was the notice.
    expect(await sweepAt('2026-02-13T16:00:00')).toEqual(nothing);
    expect(await sweepAt('2026-02-14T09:00:00')).toEqual({ ...nothing, reminded: 1 });
    for (let d = 14; d <= 23; d++) expect(await sweepAt(`2026-02-${d}T11:00:00`)).toEqual(nothing);
    expect(await sweepAt('2026-02-24T23:59:00')).toEqual(nothing);
    expect((await get(c.id)).overdue).toBe(false);

    // Wednesday 25 February is a working day: flagged and told in the same sweep, and only once.
    expect(await sweepAt('2026-02-25T09:00:00')).toEqual({ ...nothing, flagged: 1, overdueNotices: 1 });
    expect(await sweep()).toEqual(nothing);
    expect(await sweepAt('2026-02-25T16:00:00')).toEqual(nothing);
    expect((await get(c.id)).overdue).toBe(true);

    await deliver(t, c.id);
    const soon = await told(t, c.id, 'opinion.due_soon');
    expect(soon.inApp.sort()).toEqual([w.deputy.user.id, w.stationStaff.user.id].sort());
    expect(soon.sms).toEqual([w.deputy.user.id]);
    expect(soon.notes[0]!.vars).toMatchObject({ code: c.trackingCode, stage: '受理', dueDate: '2026-02-24', days: 1 });
    expect(soon.notes.find((n) => n.channel === 'sms')).toMatchObject({ status: 'sent', provider: 'console' });
    const late = await told(t, c.id, 'opinion.overdue');
    expect(late.inApp.sort()).toEqual([w.deputy.user.id, w.stationStaff.user.id, w.office.user.id].sort());
    expect(late.notes[0]!.vars).toMatchObject({ stage: '受理', dueDate: '2026-02-24', days: 1 });
    expect(late.notes[0]!.body).toContain('超期1个工作日');

    // Accepting ends the stage: its lateness is frozen, the new stage starts clean, and nothing more is sent.
    clock.set(at('2026-02-25T10:00:00'));
    expect(await step(w.deputy, c.id, 'accept')).toMatchObject({ overdue: false, overdueStages: ['submitted'] });
    expect(await sweepAt('2026-02-26T09:00:00')).toEqual(nothing);
    expect((await noticesOf(c.id)).map((n) => [n.kind, n.stage])).toEqual([
      ['due_soon', 'submitted'],
      ['overdue', 'submitted'],
    ]);
    expect(await eventsOf(c.id, 'overdue')).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it('closes a case unevaluated once its evaluation window has passed, and only then', async () => {
    clock.set(at('2026-03-25T11:00:00'));
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    await advance(w, c.id, 'awaiting_evaluation');
    // Fifteen working days across Qingming (4–6 April).
    expect((await get(c.id)).dueAt).toBe(endOf('2026-04-16'));

    // The window binds the constituent: it is never flagged overdue or reminded.
    expect(await sweepAt('2026-04-15T09:00:00')).toEqual(nothing);
    expect(await sweepAt('2026-04-16T20:00:00')).toEqual(nothing);
    expect(await sweepAt('2026-04-17T08:00:00')).toEqual({ ...nothing, expired: 1 });
    expect(await sweep()).toEqual(nothing);
    const closed = await get(c.id);
    expect(closed).toMatchObject({ state: 'closed', evaluation: null, overdue: false });
    const [expiry] = await eventsOf(c.id, 'expire_evaluation');
    expect(expiry).toMatchObject({ actorRole: 'system', toState: 'closed' });

    // Its announcement is for the record: dispatched, nobody told.
    await deliver(t, c.id);
    expect((await told(t, c.id, 'opinion.closed')).notes).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('counts a transfer across National Day and its make-up Saturday, reminds after the holiday, tells of lateness on the next working day', async () => {
    // A county that reminds four working days ahead: the window opens in the holiday, when no notice goes out.
    await t.deps.db.insert(deadlineRules).values({ regionCode: w.county, step: 'opinion.reminder_before', workingDays: 4 });
    try {
      clock.set(at('2026-09-29T09:00:00'));
      const c = await buildOpinion(t.deps, { stationId: w.station.id });
      await advance(w, c.id, 'in_review');
      clock.set(at('2026-09-30T10:00:00')); // Wednesday; 1–7 October the holiday, Saturday 10 October a make-up day
      const transferred = await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
      // Three working days for the unit to accept: 8, 9 and the make-up Saturday 10 October.
      expect(transferred.dueAt).toBe(endOf('2026-10-10'));
      const supervised = await w.leader.inject({
        method: 'POST',
        url: `/api/opinions/${c.id}/supervise`,
        payload: { instruction: '节后第一时间办理' },
      });
      expect(supervised.statusCode, supervised.body).toBe(200);

      expect(await sweepAt('2026-09-30T16:00:00')).toEqual(nothing);
      for (let d = 1; d <= 7; d++) expect(await sweepAt(`2026-10-0${d}T10:00:00`)).toEqual(nothing);
      expect(await sweepAt('2026-10-08T07:30:00')).toEqual(nothing);

      // Two sweeps at once on the first working day after the holiday: one reminder between them.
      clock.set(at('2026-10-08T09:00:00'));
      const [first, second] = await Promise.all([sweep(), sweep()]);
      expect(first.reminded + second.reminded).toBe(1);
      expect({ ...first, reminded: 0 }).toEqual(nothing);
      expect({ ...second, reminded: 0 }).toEqual(nothing);
      expect(await sweepAt('2026-10-08T15:00:00')).toEqual(nothing);
      expect(await sweepAt('2026-10-09T09:00:00')).toEqual(nothing);
      // The make-up Saturday is the last day: not late yet.
      expect(await sweepAt('2026-10-10T23:00:00')).toEqual(nothing);
      expect((await get(c.id)).overdue).toBe(false);

      // Sunday: the flag goes up at once, the notice waits for Monday's office hours.
      expect(await sweepAt('2026-10-11T00:10:00')).toEqual({ ...nothing, flagged: 1 });
      expect((await get(c.id)).overdue).toBe(true);
      expect(await sweepAt('2026-10-11T10:00:00')).toEqual(nothing);
      expect(await sweepAt('2026-10-12T07:59:00')).toEqual(nothing);
      expect(await sweepAt('2026-10-12T09:00:00')).toEqual({ ...nothing, overdueNotices: 1 });
      expect(await sweep()).toEqual(nothing);
      clock.set(at('2026-10-13T09:00:00'));
      expect(await Promise.all([sweep(), sweep()])).toEqual([nothing, nothing]);

      await deliver(t, c.id);
      const soon = await told(t, c.id, 'opinion.due_soon');
      expect(soon.inApp).toEqual([w.unitStaff.user.id]);
      expect(soon.sms).toEqual([w.unitStaff.user.id]);
      expect(soon.notes[0]!.vars).toMatchObject({ stage: '签收', dueDate: '2026-10-10', days: 2 });
      const late = await told(t, c.id, 'opinion.overdue');
      // Lateness reaches the office and the supervising leader as well as the unit.
      expect(late.inApp.sort()).toEqual([w.unitStaff.user.id, w.office.user.id, w.leader.user.id].sort());
      expect(late.sms).toEqual([w.unitStaff.user.id]);
      expect(late.notes.find((n) => n.channel === 'sms')).toMatchObject({ status: 'sent', provider: 'console' });
      expect(late.notes[0]!.vars).toMatchObject({ stage: '签收', dueDate: '2026-10-10', days: 1 });
      expect(await eventsOf(c.id, 'overdue')).toHaveLength(1);

      // The next stage has a due date of its own, and with it a reminder of its own.
      clock.set(at('2026-10-13T10:00:00'));
      await step(w.unitStaff, c.id, 'unit_accept');
      const handling = await get(c.id);
      expect(handling).toMatchObject({ state: 'handling', overdue: false, overdueStages: ['transferred'] });
      // Fifteen working days from the acceptance: 14 October to 3 November.
      expect(handling.dueAt).toBe(endOf('2026-11-03'));
      expect(await sweepAt('2026-10-28T09:00:00')).toEqual({ ...nothing, reminded: 1 });
      expect((await noticesOf(c.id)).map((n) => [n.kind, n.stage])).toEqual([
        ['due_soon', 'transferred'],
        ['overdue', 'transferred'],
        ['due_soon', 'handling'],
      ]);
      expect(failures).toEqual([]);
    } finally {
      await t.deps.db.delete(deadlineRules).where(eq(deadlineRules.regionCode, w.county));
    }
  });
});
