import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildHandlingWorld, sentReply, unitOf } from '../../test/factories.suggestionHandling.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const stateOf = async (w: Awaited<ReturnType<typeof buildHandlingWorld>>) =>
  (await w.office.inject({ method: 'GET', url: `/api/suggestions/${w.suggestionId}/assignments` })).json().state as string;

describe('assignment changes that complete the replies', () => {
  it('sends the suggestion to the deputy when the office withdraws the last unit that had not replied', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'] });
    await sentReply(w, unitOf(w, 'lead'));
    expect(await stateOf(w)).toBe('assigned');
    const res = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${unitOf(w, 'separate').assignmentId}/withdraw`,
      payload: { reason: '该事项已由主办单位一并答复' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'awaiting_evaluation' });
  });

  it('keeps it with the units when a return is approved while the lead unit has not replied', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'], status: 'pending' });
    const separate = unitOf(w, 'separate');
    const url = `/api/suggestion-assignments/${separate.assignmentId}`;
    const asked = await separate.staff.inject({
      method: 'POST',
      url: `${url}/request-return`,
      payload: { reason: '不属本单位' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const approved = await w.office.inject({ method: 'POST', url: `${url}/decide-return`, payload: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);
    // The lead unit has not replied yet: nothing is complete.
    expect(approved.json()).toMatchObject({ state: 'assigned' });
  });
});
