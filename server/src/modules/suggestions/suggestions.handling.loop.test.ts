import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { assignedSuggestion } from '../../test/factories.suggestionAssignments.js';
import { replyBody } from '../../test/factories.suggestionHandling.js';
import { buildSuggestionWorld } from '../../test/factories.suggestions.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type View = {
  state: string;
  replyClass: string | null;
  replies: { round: number; status: string; commitments: { id: string }[] }[];
  coOpinions: unknown[];
  evaluations: { round: number; result: string | null }[];
  faceToFace: boolean;
};

describe('the handling loop on a suggestion assigned through the API', () => {
  it('goes from the assignment to a class B reply, re-handling, a satisfied rating and fulfilment', async () => {
    const w = await buildSuggestionWorld(t, { cosigners: 0 });
    const x = await assignedSuggestion(t, w);
    const id = x.suggestion.id;
    const head = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: x.lead.id });
    const post = async (
      agent: typeof head,
      path: string,
      payload: Record<string, unknown> = {},
      method: 'POST' | 'PUT' = 'POST',
    ) => {
      const res = await agent.inject({ method, url: `/api/suggestions/${id}/${path}`, payload });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.json() as View;
    };
    const reply = async (replyClass: string) => {
      await post(x.lead.staff, 'reply', replyBody({ replyClass }), 'PUT');
      await post(x.lead.staff, 'reply/submit');
      await post(head, 'reply/approve');
      return post(x.lead.staff, 'reply/send');
    };

    expect((await post(x.co.staff, 'co-opinion', { text: '同意主办单位方案，我局负责资金保障。' })).coOpinions).toHaveLength(1);
    const consulted = await post(x.lead.staff, 'consultations', {
      kind: 'face_to_face',
      heldAt: new Date(Date.now() - 3600_000).toISOString(),
      summary: '当面听取代表意见',
    });
    const consultationId = (consulted as View & { consultations: { id: string }[] }).consultations[0]?.id;
    const confirmed = await post(w.lead.agent, `consultations/${consultationId}/answer`, { decision: 'confirm' });
    expect(confirmed.faceToFace).toBe(true);
    expect((await reply('B')).state).toBe('awaiting_evaluation');
    expect((await post(w.lead.agent, 'evaluation', { result: 'unsatisfied', attitude: 'satisfied' })).state).toBe('rehandling');
    const second = await reply('B');
    expect(second).toMatchObject({ state: 'awaiting_evaluation', replyClass: 'B' });
    const closed = await post(w.lead.agent, 'evaluation', { result: 'satisfied', attitude: 'satisfied' });
    expect(closed.state).toBe('closed');
    expect(closed.evaluations.map((e) => [e.round, e.result])).toEqual([
      [1, 'unsatisfied'],
      [2, 'satisfied'],
    ]);
    const commitment = closed.replies.find((r) => r.round === 2)?.commitments[0];
    const done = await post(x.lead.staff, `commitments/${commitment?.id}/done`, { note: '已完成' });
    expect(done.state).toBe('fulfilled');
  });
});
