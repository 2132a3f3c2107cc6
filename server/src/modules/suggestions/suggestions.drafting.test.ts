import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  act,
  answer,
  buildSuggestionWorld,
  draft,
  type SuggestionWorld,
  step,
  suggestionText,
} from '../../test/factories.suggestions.js';
import { suggestionEvents } from './suggestions.tables.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const get = (agent: SuggestionWorld['office'], id: string) => agent.inject({ method: 'GET', url: `/api/suggestions/${id}` });
const invite = (id: string, deputyIds: string[]) =>
  w.lead.agent.inject({ method: 'POST', url: `/api/suggestions/${id}/cosigners`, payload: { deputyIds } });

describe('drafting and co-signing', () => {
  it('drafts in the open session, privately, with the lead mandate of the congress', async () => {
    const s = await draft(w.lead.agent, w);
    expect(s).toMatchObject({
      state: 'draft',
      kind: 'suggestion',
      phase: 'session',
      sessionNumber: 2,
      termNumber: 16,
      leadDeputy: { id: w.lead.mandate.id, name: w.lead.name },
      place: { zh: '第16届人民代表大会第2次会议' },
      me: { lead: true, edit: true, invite: true, attach: true, actions: [{ action: 'submit' }, { action: 'withdraw' }] },
    });
    // A draft stays the deputy's: the office and the co-signers-to-be do not see it.
    expect((await get(w.office, s.id)).statusCode).toBe(403);
    expect((await get(w.cosigners[0]!.agent, s.id)).statusCode).toBe(403);
    const officeList = await w.office.inject({ method: 'GET', url: '/api/suggestions' });
    expect(officeList.json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    const mine = await w.lead.agent.inject({ method: 'GET', url: '/api/suggestions?box=lead' });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    const timeline = await w.lead.agent.inject({ method: 'GET', url: `/api/suggestions/${s.id}/timeline` });
    expect(timeline.json()).toMatchObject({ total: 1, items: [{ action: 'draft', toState: 'draft', actorRole: 'deputy' }] });
    expect((await w.office.inject({ method: 'GET', url: `/api/suggestions/${s.id}/timeline` })).statusCode).toBe(403);
  });

  it('drafts a recess suggestion in the term and gives it an assignment deadline on submission', async () => {
    const s = await draft(w.lead.agent, w, { sessionId: undefined, termId: w.term.id });
    expect(s).toMatchObject({ phase: 'recess', sessionId: null, place: { zh: '第16届闭会期间' } });
    const sent = await step(w.lead.agent, s.id, 'submit');
    expect(sent.state).toBe('submitted');
    // Five working days from now: at least a week away, and never more than a fortnight.
    const due = new Date(sent.dueAt as string).getTime();
    expect(due - Date.now()).toBeGreaterThan(5 * 86_400_000);
    expect(due - Date.now()).toBeLessThan(20 * 86_400_000);
  });

  it('refuses a closed session, a congress the deputy does not sit in, and both or neither of session and term', async () => {
    const closed = await w.lead.agent.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.pastSession.id, ...suggestionText() },
    });
    expect(closed.json()).toMatchObject({ statusCode: 400, code: 'PHASE_CLOSED' });
    expect(closed.json().message).toContain('请作为闭会期间建议提出');
    const outsider = await w.farOffice.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.session.id, ...suggestionText() },
    });
    expect(outsider.statusCode).toBe(403);
    const both = await w.lead.agent.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.session.id, termId: w.term.id, ...suggestionText() },
    });
    expect(both.json().code).toBe('VALIDATION');
    const neither = await w.lead.agent.inject({ method: 'POST', url: '/api/suggestions', payload: suggestionText() });
    expect(neither.json().code).toBe('VALIDATION');
  });

  it('refuses co-signers who are not serving deputies of this congress and term, naming them', async () => {
    const s = await draft(w.lead.agent, w);
    const cases: [string, string, string][] = [
      [w.ended.deputy.id, 'COSIGNER_NOT_SERVING', `${w.ended.name}的代表资格已终止（已辞职），不能联名`],
      [w.otherCongress.deputy.id, 'COSIGNER_OTHER_CONGRESS', `${w.otherCongress.name}不是`],
      [w.previousTerm.deputy.id, 'COSIGNER_OTHER_CONGRESS', `${w.previousTerm.name}不是`],
      [w.lead.mandate.id, 'COSIGNER_IS_LEAD', '领衔代表不能同时作为联名代表'],
      [randomUUID(), 'COSIGNER_NOT_FOUND', '所邀请的联名代表不存在'],
    ];
    for (const [id, code, message] of cases) {
      const res = await invite(s.id, [w.cosigners[0]!.mandate.id, id]);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toContain(message);
      expect(res.json().deputyId).toBe(id);
    }
    const en = await w.lead.agent.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/cosigners`,
      headers: { 'accept-language': 'en' },
      payload: { deputyIds: [w.ended.deputy.id] },
    });
    expect(en.json().message).toBe(`${w.ended.name}'s mandate has ended (resigned): they cannot co-sign`);
    // Nothing half-written: the valid deputy of each refused request was not invited either.
    expect((await get(w.lead.agent, s.id)).json().cosigners).toEqual([]);
    // The same refusals when the draft names them at once.
    const atOnce = await w.lead.agent.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.session.id, ...suggestionText(), cosignerIds: [w.otherCongress.deputy.id] },
    });
    expect(atOnce.json().code).toBe('COSIGNER_OTHER_CONGRESS');
  });

  it('sends a joint suggestion out for co-signing; co-signers confirm or decline in the app; the lead submits', async () => {
    const [a, b, c] = w.cosigners as [SuggestionWorld['lead'], SuggestionWorld['lead'], SuggestionWorld['lead']];
    const s = await draft(w.lead.agent, w, { cosignerIds: [a.mandate.id, b.mandate.id] });
    expect((s.cosigners as unknown[]).length).toBe(2);
    // Not yet sent: an invited deputy can neither see nor answer it.
    expect((await answer(a.agent, s.id, 'confirm')).statusCode).toBe(403);
    const out = await step(w.lead.agent, s.id, 'submit');
    expect(out.state).toBe('cosigning');
    const invitations = await a.agent.inject({ method: 'GET', url: '/api/suggestions?box=invitations' });
    expect(invitations.json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    const seen = await get(a.agent, s.id);
    expect(seen.json().me).toMatchObject({ lead: false, cosignerStatus: 'invited', answerInvitation: true, actions: [] });
    // Invited while out: asked at once.
    expect((await invite(s.id, [c.mandate.id])).statusCode).toBe(200);
    expect((await answer(a.agent, s.id, 'confirm')).json().cosigners).toEqual(
      expect.arrayContaining([expect.objectContaining({ deputyId: a.mandate.id, status: 'confirmed' })]),
    );
    const declined = await answer(b.agent, s.id, 'decline', '不熟悉该情况');
    expect(declined.json().cosigners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ deputyId: b.mandate.id, status: 'declined', declineReason: '不熟悉该情况' }),
      ]),
    );
    // A co-signer cannot submit, edit or answer for someone else.
    expect((await act(a.agent, s.id, 'submit')).statusCode).toBe(403);
    expect(
      (await a.agent.inject({ method: 'PATCH', url: `/api/suggestions/${s.id}`, payload: { title: '改' } })).statusCode,
    ).toBe(403);
    expect((await answer(w.cosigners[4]!.agent, s.id, 'confirm')).statusCode).toBe(403);
    // The text is frozen while out for co-signing.
    const edit = await w.lead.agent.inject({ method: 'PATCH', url: `/api/suggestions/${s.id}`, payload: { title: '改' } });
    expect(edit.json()).toMatchObject({ statusCode: 409, code: 'INVALID_STATE' });
    const sent = await step(w.lead.agent, s.id, 'submit');
    expect(sent.state).toBe('submitted');
    expect(sent.notices).toMatchObject({ matters: { several: false } });
    // Once submitted, answers are closed.
    const late = await answer(c.agent, s.id, 'confirm');
    expect(late.json()).toMatchObject({ statusCode: 409, code: 'INVALID_STATE' });
    expect((await get(w.office, s.id)).statusCode).toBe(200);
    expect((await get(w.leader, s.id)).statusCode).toBe(200);
    expect((await get(w.farOffice, s.id)).statusCode).toBe(403);

    const events = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(eq(suggestionEvents.suggestionId, s.id))
      .orderBy(asc(suggestionEvents.id));
    expect(events.map((e) => e.action)).toEqual(['draft', 'submit', 'invite', 'cosign_confirm', 'cosign_decline', 'submit']);
    expect(events.filter((e) => e.toState).map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'draft'],
      ['draft', 'cosigning'],
      ['cosigning', 'submitted'],
    ]);
    const topics = (await t.deps.db.select().from(outbox).where(eq(outbox.aggregateId, s.id))).map((o) => o.topic);
    expect(topics).toEqual(
      expect.arrayContaining([
        'suggestion.cosigning_started',
        'suggestion.cosign_invited',
        'suggestion.cosign_answered',
        'suggestion.submitted',
      ]),
    );
    const audits = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, s.id));
    expect(audits.length).toBe(events.length);
  });

  it('voids the signatures when the lead deputy recalls the text to edit it', async () => {
    const a = w.cosigners[0]!;
    const s = await draft(w.lead.agent, w, { cosignerIds: [a.mandate.id] });
    await step(w.lead.agent, s.id, 'submit');
    await answer(a.agent, s.id, 'confirm');
    const back = await step(w.lead.agent, s.id, 'recall');
    expect(back.state).toBe('draft');
    expect(back.cosigners).toEqual([expect.objectContaining({ deputyId: a.mandate.id, status: 'invited' })]);
    const edited = await w.lead.agent.inject({
      method: 'PATCH',
      url: `/api/suggestions/${s.id}`,
      payload: { proposal: '新的方案。' },
    });
    expect(edited.json()).toMatchObject({ proposal: '新的方案。', state: 'draft' });
    // A co-signer who was asked once still sees it, but cannot answer until it goes out again.
    expect((await get(a.agent, s.id)).statusCode).toBe(200);
    expect((await answer(a.agent, s.id, 'confirm')).statusCode).toBe(409);
  });

  it('needs a motion to have ten signatures, the lead deputy’s included, and says how many are missing', async () => {
    const signers = w.cosigners.slice(0, 9);
    const s = await draft(w.lead.agent, w, { kind: 'motion', cosignerIds: signers.map((c) => c.mandate.id) });
    await step(w.lead.agent, s.id, 'submit');
    for (const c of signers.slice(0, 8)) expect((await answer(c.agent, s.id, 'confirm')).statusCode).toBe(200);
    const short = await act(w.lead.agent, s.id, 'submit');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'MOTION_SIGNATURES_SHORT', required: 10, have: 9, missing: 1 });
    expect(short.json().message).toBe('议案须由代表团或 10 名以上代表联名提出：目前 9 名代表联名（含领衔代表），还差 1 名');
    expect((await get(w.lead.agent, s.id)).json().state).toBe('cosigning');
    await answer(signers[8]!.agent, s.id, 'confirm');
    expect((await step(w.lead.agent, s.id, 'submit')).state).toBe('submitted');
  });

  it('refuses to send a motion out with too few invitations, and lets a delegation raise one alone', async () => {
    const few = await draft(w.lead.agent, w, { kind: 'motion', cosignerIds: [w.cosigners[0]!.mandate.id] });
    const res = await act(w.lead.agent, few.id, 'submit');
    expect(res.json()).toMatchObject({ code: 'MOTION_INVITATIONS_SHORT', missing: 8 });
    const alone = await draft(w.lead.agent, w, { kind: 'motion' });
    expect((await act(w.lead.agent, alone.id, 'submit')).json()).toMatchObject({ code: 'MOTION_SIGNATURES_SHORT', missing: 9 });
    const delegation = await draft(w.lead.agent, w, { kind: 'motion', byDelegation: true });
    expect(delegation).toMatchObject({ byDelegation: true, delegation: '第一代表团' });
    expect((await step(w.lead.agent, delegation.id, 'submit')).state).toBe('submitted');
    // A deputy without a delegation, and a suggestion, cannot use one.
    const plain = await w.cosigners[1]!.agent.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.session.id, kind: 'motion', byDelegation: true, ...suggestionText() },
    });
    expect(plain.json().code).toBe('NO_DELEGATION');
    const notMotion = await w.lead.agent.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { sessionId: w.session.id, byDelegation: true, ...suggestionText() },
    });
    expect(notMotion.json().code).toBe('DELEGATION_ONLY_FOR_MOTIONS');
  });

  it('will not submit without grounds and proposal, nor a withdrawn or a co-signer’s own refusal', async () => {
    const s = await draft(w.lead.agent, w, { grounds: '', proposal: '' });
    const res = await act(w.lead.agent, s.id, 'submit');
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'CONTENT_INCOMPLETE', message: '请填写案据和方案后再提交' });
    expect((await step(w.lead.agent, s.id, 'withdraw')).state).toBe('withdrawn');
    expect((await act(w.lead.agent, s.id, 'submit')).statusCode).toBe(409);
  });

  it('warns when the text looks like several matters and shows similar suggestions of this and past sessions', async () => {
    const marker = `测试街${randomUUID().slice(0, 4)}`;
    const first = await draft(w.lead.agent, w, {
      title: `关于${marker}加装路灯的建议`,
      proposal: `建议在${marker}全段加装路灯，解决夜间照明不足的问题。`,
    });
    await step(w.lead.agent, first.id, 'submit');
    const check = await w.cosigners[2]!.agent.inject({
      method: 'POST',
      url: '/api/suggestions/check',
      payload: {
        congressId: w.congress.id,
        title: `关于${marker}路灯照明的建议`,
        proposal: `${marker}夜间照明不足，建议加装路灯。另外，建议在城东新建一座体育馆，丰富群众文体生活。`,
      },
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().matters).toMatchObject({ several: true, signals: [{ kind: 'connective' }] });
    const found = check.json().similar.find((x: { id: string }) => x.id === first.id);
    expect(found).toMatchObject({
      state: 'submitted',
      leadDeputyName: w.lead.name,
      place: { zh: '第16届人民代表大会第2次会议' },
    });
    const second = await draft(w.cosigners[2]!.agent, w, {
      title: `关于${marker}路灯照明的建议`,
      proposal: `${marker}夜间照明不足，建议加装路灯。`,
    });
    const sent = await step(w.cosigners[2]!.agent, second.id, 'submit');
    expect((sent.notices as { similar: { id: string }[] }).similar.map((x) => x.id)).toContain(first.id);
    const again = await w.office.inject({ method: 'GET', url: `/api/suggestions/${second.id}/similar` });
    expect(again.json().items.map((x: { id: string }) => x.id)).toContain(first.id);
    expect(again.json().items.map((x: { id: string }) => x.id)).not.toContain(second.id);
    const unrelated = await w.lead.agent.inject({
      method: 'POST',
      url: '/api/suggestions/check',
      payload: { congressId: w.congress.id, title: '关于提高农村医疗报销比例的建议', proposal: '提高新农合报销比例。' },
    });
    expect(unrelated.json().similar.map((x: { id: string }) => x.id)).not.toContain(first.id);
    // Only a congress the account works with.
    const far = await w.farOffice.inject({
      method: 'POST',
      url: '/api/suggestions/check',
      payload: { congressId: w.congress.id, title: '关于路灯的建议' },
    });
    expect(far.statusCode).toBe(403);
  });

  it('keeps the lead deputy alone in charge of a draft’s invitations and files', async () => {
    const a = w.cosigners[3]!;
    const s = await draft(w.lead.agent, w, { cosignerIds: [a.mandate.id] });
    const removed = await w.lead.agent.inject({ method: 'DELETE', url: `/api/suggestions/${s.id}/cosigners/${a.mandate.id}` });
    expect(removed.json().cosigners).toEqual([]);
    const again = await w.lead.agent.inject({ method: 'DELETE', url: `/api/suggestions/${s.id}/cosigners/${a.mandate.id}` });
    expect(again.statusCode).toBe(404);
    const [row] = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, s.id), eq(suggestionEvents.action, 'uninvite')));
    expect(row?.data).toEqual({ deputyId: a.mandate.id });
  });
});
