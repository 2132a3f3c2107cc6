import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { Agent } from '../../test/factories.js';
import {
  buildHandlingWorld,
  call,
  type HandlingWorld,
  handlingOf,
  sentReply,
  unitOf,
} from '../../test/factories.suggestionHandling.js';
import { suggestionAssignments, suggestionEvaluations } from './suggestions.handling.tables.js';
import { runSuggestionDeadlinesOnce } from './suggestions.jobs.js';
import { suggestionEvents, suggestions } from './suggestions.tables.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type View = Awaited<ReturnType<typeof handlingOf>> & {
  assignments: { id: string; role: string; status: string; round: number; dueAt: string }[];
  replies: { id: string; round: number; status: string; commitments: { id: string; status: string }[] }[];
  evaluations: { round: number; result: string | null; attitude: string | null; silent: boolean }[];
  evaluationRound: number;
  dueAt: string | null;
  me: Record<string, unknown>;
};

/** A suggestion whose lead unit (alone) has replied: waiting for the deputy's rating. */
async function awaiting(replyClass = 'A') {
  const w = await buildHandlingWorld(t, { roles: ['lead'] });
  const view = await sentReply(w, unitOf(w, 'lead'), { replyClass });
  expect(view.state).toBe('awaiting_evaluation');
  return w;
}

const evaluate = (w: HandlingWorld, agent: Agent = w.lead.agent, body: Record<string, unknown> = {}) =>
  call(agent, 'POST', `${w.suggestionId}/evaluation`, { result: 'satisfied', attitude: 'satisfied', ...body });

describe('evaluation by the lead deputy', () => {
  it('closes on satisfied or basically satisfied, rating result and attitude apart', async () => {
    const w = await awaiting();
    const before = (await handlingOf(w.lead.agent, w.suggestionId)) as View;
    expect(before.me.evaluate).toBe(true);
    const res = await evaluate(w, w.lead.agent, { result: 'basically_satisfied', comment: '路灯已修好' });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as View;
    expect(view.state).toBe('closed');
    expect(view.evaluations).toEqual([
      expect.objectContaining({ round: 1, result: 'basically_satisfied', attitude: 'satisfied', silent: false }),
    ]);
    // Once is enough: the suggestion is closed.
    expect((await evaluate(w)).statusCode).toBe(409);
    // A class A reply has no promises to fulfil.
    const fulfil = await call(w.office, 'POST', `${w.suggestionId}/fulfil`, {});
    expect(fulfil.json()).toMatchObject({ code: 'NOT_COMMITTED' });
  });

  it('lets nobody but the lead deputy evaluate: co-signer, office, unit, another deputy', async () => {
    const w = await awaiting();
    const cosigner = await evaluate(w, w.cosigner.agent);
    expect(cosigner.statusCode).toBe(403);
    expect(cosigner.json().message).toContain('领衔代表');
    expect((await evaluate(w, w.office)).statusCode).toBe(403);
    expect((await evaluate(w, w.leader)).statusCode).toBe(403);
    expect((await evaluate(w, unitOf(w, 'lead').staff)).statusCode).toBe(403);
    const stranger = await buildHandlingWorld(t, { roles: ['lead'] });
    expect((await evaluate(w, stranger.lead.agent)).statusCode).toBe(403);
    const rows = await t.deps.db
      .select()
      .from(suggestionEvaluations)
      .where(eq(suggestionEvaluations.suggestionId, w.suggestionId));
    expect(rows).toEqual([]);
    expect((await handlingOf(w.office, w.suggestionId)).state).toBe('awaiting_evaluation');
  });

  it('needs both ratings, each one of the three, and limits the comment', async () => {
    const w = await awaiting();
    const noAttitude = await call(w.lead.agent, 'POST', `${w.suggestionId}/evaluation`, { result: 'satisfied' });
    expect(noAttitude.statusCode).toBe(400);
    expect(noAttitude.json()).toMatchObject({ code: 'EVALUATION_REQUIRED' });
    expect((await evaluate(w, w.lead.agent, { result: 'great' })).statusCode).toBe(400);
    expect((await evaluate(w, w.lead.agent, { attitude: 3 })).statusCode).toBe(400);
    expect((await evaluate(w, w.lead.agent, { comment: '评'.repeat(1001) })).statusCode).toBe(400);
    expect((await handlingOf(w.office, w.suggestionId)).state).toBe('awaiting_evaluation');
  });

  it('rates once when the lead deputy sends the evaluation twice at once', async () => {
    const w = await awaiting();
    const results = await Promise.all([evaluate(w), evaluate(w, w.lead.agent, { result: 'unsatisfied' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.deps.db
      .select()
      .from(suggestionEvaluations)
      .where(eq(suggestionEvaluations.suggestionId, w.suggestionId));
    expect(rows).toHaveLength(1);
  });

  it('re-handles after an unsatisfied first round, and the second evaluation is final', async () => {
    const w = await awaiting();
    const lead = unitOf(w, 'lead');
    const first = await evaluate(w, w.lead.agent, { result: 'unsatisfied', attitude: 'basically_satisfied', comment: '未解决' });
    expect(first.statusCode, first.body).toBe(200);
    const rehandling = first.json() as View;
    expect(rehandling.state).toBe('rehandling');
    const round2 = rehandling.assignments.filter((a) => a.round === 2);
    expect(round2).toEqual([expect.objectContaining({ role: 'lead', status: 'handling' })]);
    // Due a month later (28–31 days).
    const days = (Date.parse(round2[0]?.dueAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);

    const again = (await sentReply(w, lead, { replyClass: 'B' })) as unknown as View;
    expect(again.state).toBe('awaiting_evaluation');
    expect(again.evaluationRound).toBe(2);
    expect(again.replies.map((r) => [r.round, r.status])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
    ]);
    const last = await evaluate(w, w.lead.agent, { result: 'unsatisfied', attitude: 'unsatisfied' });
    expect(last.statusCode, last.body).toBe(200);
    const closed = last.json() as View;
    expect(closed.state).toBe('closed');
    expect(closed.evaluations.map((e) => [e.round, e.result])).toEqual([
      [1, 'unsatisfied'],
      [2, 'unsatisfied'],
    ]);
    const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, w.suggestionId));
    expect(row?.rehandleCount).toBe(1);
  });
});

describe('commitments of class B and C', () => {
  it('fulfils the suggestion when the unit reports its last open commitment done', async () => {
    const w = await awaiting('B');
    const lead = unitOf(w, 'lead');
    expect((await evaluate(w)).statusCode).toBe(200);
    const office = await call(w.office, 'POST', `${w.suggestionId}/fulfil`, {});
    expect(office.statusCode).toBe(400);
    expect(office.json()).toMatchObject({ code: 'COMMITMENTS_OPEN' });
    const view = (await handlingOf(lead.staff, w.suggestionId)) as View;
    const commitment = view.replies[0]?.commitments[0];
    expect(commitment).toMatchObject({ status: 'open' });
    // Only the unit that promised reports it; a date in the future is refused.
    const byOther = await call(w.outsider, 'POST', `${w.suggestionId}/commitments/${commitment?.id}/done`, {});
    expect(byOther.statusCode).toBe(403);
    const future = await call(lead.staff, 'POST', `${w.suggestionId}/commitments/${commitment?.id}/done`, {
      doneOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    const done = await call(lead.staff, 'POST', `${w.suggestionId}/commitments/${commitment?.id}/done`, {
      note: '已完成全线路灯更换',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'fulfilled', replies: [{ commitments: [{ status: 'done' }] }] });
    expect((await call(lead.staff, 'POST', `${w.suggestionId}/commitments/${commitment?.id}/done`, {})).statusCode).toBe(409);
    const events = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, w.suggestionId), eq(suggestionEvents.action, 'fulfil')));
    expect(events).toHaveLength(1);
  });

  it('lets the office fulfil a closed suggestion whose commitments were kept before the rating', async () => {
    const w = await awaiting('C');
    const lead = unitOf(w, 'lead');
    const view = (await handlingOf(lead.staff, w.suggestionId)) as View;
    const id = view.replies[0]?.commitments[0]?.id;
    const done = await call(lead.staff, 'POST', `${w.suggestionId}/commitments/${id}/done`, { note: '提前完成' });
    expect(done.json()).toMatchObject({ state: 'awaiting_evaluation' });
    expect((await evaluate(w)).statusCode).toBe(200);
    const closed = (await handlingOf(w.office, w.suggestionId)) as View;
    expect(closed.me.fulfil).toBe(true);
    expect((await call(w.farOffice, 'POST', `${w.suggestionId}/fulfil`, {})).statusCode).toBe(403);
    const fulfilled = await call(w.office, 'POST', `${w.suggestionId}/fulfil`, { note: '承诺已落实' });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(fulfilled.json()).toMatchObject({ state: 'fulfilled' });
  });
});

describe('the deadline sweep', () => {
  it('moves on a suggestion whose replies are all in but which still waits (a safety net for the withdrawals)', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'] });
    await sentReply(w, unitOf(w, 'lead'));
    // A replying unit's assignment ended without its reply, and nothing moved the suggestion on (the
    // withdrawal and return commands do it themselves; rows written before they did, or by hand, do not).
    await t.deps.db
      .update(suggestionAssignments)
      .set({ status: 'withdrawn' })
      .where(eq(suggestionAssignments.id, unitOf(w, 'separate').assignmentId));
    expect((await handlingOf(w.office, w.suggestionId)).state).toBe('assigned');
    const [a, b] = await Promise.all([
      runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county }),
      runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county }),
    ]);
    expect(a.completed + b.completed).toBe(1);
    const view = (await handlingOf(w.lead.agent, w.suggestionId)) as View;
    expect(view).toMatchObject({ state: 'awaiting_evaluation', evaluationRound: 1, replyClass: 'A' });
    expect(view.dueAt).not.toBeNull();
    expect((await runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county })).completed).toBe(0);
  });

  it('moves on when the office withdraws the last outstanding replying unit (by the withdrawal, or the sweep at the latest)', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'] });
    await sentReply(w, unitOf(w, 'lead'));
    const withdrawn = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${unitOf(w, 'separate').assignmentId}/withdraw`,
      payload: { reason: '误交办' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county });
    expect((await handlingOf(w.lead.agent, w.suggestionId)).state).toBe('awaiting_evaluation');
  });

  it('records silence past the window once, through the durable sweep, and refuses a late rating', async () => {
    const w = await awaiting();
    const open = await runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county });
    expect(open).toEqual({ expired: 0, completed: 0, failed: 0 });
    await t.deps.db
      .update(suggestions)
      .set({ dueAt: new Date(Date.now() - 60_000) })
      .where(eq(suggestions.id, w.suggestionId));
    const late = await evaluate(w);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'EVALUATION_WINDOW_CLOSED' });
    const [a, b] = await Promise.all([
      runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county }),
      runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county }),
    ]);
    expect(a.expired + b.expired).toBe(1);
    expect(a.failed + b.failed).toBe(0);
    const view = (await handlingOf(w.office, w.suggestionId)) as View;
    expect(view.state).toBe('closed');
    expect(view.evaluations).toEqual([expect.objectContaining({ round: 1, silent: true, result: null, attitude: null })]);
    expect(await runSuggestionDeadlinesOnce(t.deps, { regionCode: w.county })).toEqual({ expired: 0, completed: 0, failed: 0 });
    const events = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, w.suggestionId), eq(suggestionEvents.action, 'expire_evaluation')));
    expect(events).toHaveLength(1);
    expect(events[0]?.actorRole).toBe('system');
  });
});
