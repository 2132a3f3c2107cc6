import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { acceptAs, assign, assignmentOf, handlingUnit, type Panel } from '../../test/factories.suggestionAssignments.js';
import { buildSuggestionWorld, draft, type SuggestionWorld, step } from '../../test/factories.suggestions.js';
import { suggestionEvents, suggestions } from './suggestions.tables.js';

/** The end of a China calendar day, as the API writes it. */
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
const at = (local: string) => `${local}+08:00`;

// 2026: 14 and 28 February are make-up working Saturdays; 15–23 February the Spring Festival holiday.
const clock = fixedClock(at('2026-02-12T10:00:00'));
let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildSuggestionWorld(t, { cosigners: 0 });
});
afterAll(async () => {
  await t?.close();
});

/** A recess suggestion (闭会期间) submitted and accepted now. */
async function recessAccepted() {
  const s = await draft(w.lead.agent, w, { sessionId: null, termId: w.term.id });
  const sent = await step(w.lead.agent, s.id, 'submit');
  const accepted = await step(w.office, s.id, 'accept');
  return { id: s.id, submittedDue: sent.dueAt, acceptedDue: accepted.dueAt };
}

const assignEvent = async (id: string) =>
  (
    await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.action, 'assign')))
  )[0];

describe('assignment deadlines on the working-day calendar, with a controlled clock', () => {
  it('counts the assignment, return, co-opinion and reply deadlines across the Spring Festival', async () => {
    clock.set(at('2026-02-12T10:00:00')); // a Thursday
    const s = await recessAccepted();
    // Assigned within 5 working days of submission: 13, Saturday 14 (make-up), 24, 25 and 26 February.
    expect(s.submittedDue).toBe(endOf('2026-02-26'));
    expect(s.acceptedDue).toBe(endOf('2026-02-26'));

    clock.set(at('2026-02-13T16:00:00')); // Friday
    const [lead, co] = [await handlingUnit(t, w), await handlingUnit(t, w)];
    const panel = await assign(w, s.id, [
      { unitId: lead.id, role: 'lead' },
      { unitId: co.id, role: 'co' },
    ]);
    const l = assignmentOf(panel, lead.id);
    const c = assignmentOf(panel, co.id);
    // The return window: 7 working days — 14 Feb (make-up Saturday), 24, 25, 26, 27, 28 Feb (make-up), 2 March.
    expect(l.returnDueAt).toBe(endOf('2026-03-02'));
    // The co unit's opinion within 1 month, the reply within 3 months.
    expect(c.dueAt).toBe(endOf('2026-03-13'));
    expect(l.dueAt).toBe(endOf('2026-05-13'));
    expect(panel.dueAt).toBe(endOf('2026-05-13'));
    // Assigned in time: the stage's overdue flag is frozen as kept.
    expect((await assignEvent(s.id))?.stageOverdue).toBe(false);

    // On the last evening of the window the unit may still ask; the next morning the co unit may not.
    clock.set(at('2026-03-02T22:00:00'));
    const url = (id: string) => `/api/suggestion-assignments/${id}/request-return`;
    const inTime = await lead.staff.inject({ method: 'POST', url: url(l.id), payload: { reason: '不属本单位职责' } });
    expect(inTime.statusCode, inTime.body).toBe(200);
    clock.set(at('2026-03-03T09:00:00'));
    const late = await co.staff.inject({ method: 'POST', url: url(c.id), payload: { reason: '不属本单位职责' } });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'RETURN_WINDOW_PASSED' });
    const seen = (await co.staff.inject({ method: 'GET', url: `/api/suggestions/${s.id}/assignments` })).json() as Panel;
    expect(assignmentOf(seen, co.id)).toMatchObject({ returnWindowOpen: false, actions: ['accept'] });
  });

  it('freezes the overdue flag of a recess suggestion assigned after its 5 working days', async () => {
    clock.set(at('2026-02-12T10:00:00'));
    const s = await recessAccepted();
    clock.set(at('2026-02-27T09:00:00')); // the day after its deadline
    const unit = await handlingUnit(t, w);
    const panel = await assign(w, s.id, [{ unitId: unit.id, role: 'lead' }]);
    expect((await assignEvent(s.id))?.stageOverdue).toBe(true);
    const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, s.id));
    expect(row?.overdueStages).toEqual(['accepted']);
    // 7 working days from Friday 27 February: Saturday 28 (make-up), 2–6 and 9 March.
    expect(assignmentOf(panel, unit.id).returnDueAt).toBe(endOf('2026-03-09'));
  });

  it('allows extensions up to 6 months from the assignment, naming the latest date', async () => {
    clock.set(at('2026-02-13T10:00:00'));
    const s = await recessAccepted();
    const unit = await handlingUnit(t, w);
    const a = assignmentOf(await assign(w, s.id, [{ unitId: unit.id, role: 'lead' }]), unit.id);
    await acceptAs(unit, a.id);
    clock.set(at('2026-05-06T10:00:00'));
    const url = `/api/suggestion-assignments/${a.id}/extensions`;
    const tooLong = await unit.staff.inject({
      method: 'POST',
      url,
      payload: { reason: '需省级部门审批', dueOn: '2026-08-14' },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'EXTENSION_TOO_LONG' });
    expect(tooLong.json().message).toContain('2026-08-13');
    const asked = await unit.staff.inject({ method: 'POST', url, payload: { reason: '需省级部门审批', dueOn: '2026-08-13' } });
    expect(asked.statusCode, asked.body).toBe(200);
    const [ext] = assignmentOf(asked.json(), unit.id).extensions as { id: string }[];
    // The office grants less than asked: to the end of July.
    const approved = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-extensions/${ext?.id}/decide`,
      payload: { decision: 'approve', dueOn: '2026-07-31' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(assignmentOf(approved.json(), unit.id)).toMatchObject({
      dueAt: endOf('2026-07-31'),
      originalDueAt: endOf('2026-05-13'),
      extensions: [expect.objectContaining({ status: 'approved', newDueAt: endOf('2026-07-31') })],
    });
    // After its due date the assignment shows as overdue while the unit still owes the reply.
    clock.set(at('2026-08-01T09:00:00'));
    const late = (await w.office.inject({ method: 'GET', url: `/api/suggestions/${s.id}/assignments` })).json() as Panel;
    expect(assignmentOf(late, unit.id).overdue).toBe(true);
    // Withdrawn now, it stays marked as late: the flag is frozen when the assignment ends.
    const withdrawn = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${a.id}/withdraw`,
      payload: { reason: '改由其他单位办理' },
    });
    expect(assignmentOf(withdrawn.json(), unit.id)).toMatchObject({ status: 'withdrawn', overdue: true });
  });
});
