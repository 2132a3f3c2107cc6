import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildOrganization } from '../../test/factories.organizations.js';
import {
  act,
  answer,
  buildSuggestionWorld,
  draft,
  type SuggestionWorld,
  step,
  submitted,
} from '../../test/factories.suggestions.js';
import { suggestionEvents, suggestions } from './suggestions.tables.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t, { cosigners: 4 });
  // A small threshold keeps the motions of these tests short; the threshold itself is tested with drafting.
  const res = await w.office.inject({
    method: 'PATCH',
    url: `/api/congresses/${w.congress.id}`,
    payload: { motionMinSigners: 3 },
  });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

/** A motion with two confirmed co-signers, submitted. */
async function submittedMotion() {
  const [a, b] = w.cosigners as [SuggestionWorld['lead'], SuggestionWorld['lead']];
  const m = await draft(w.lead.agent, w, { kind: 'motion', cosignerIds: [a.mandate.id, b.mandate.id] });
  await step(w.lead.agent, m.id, 'submit');
  await answer(a.agent, m.id, 'confirm');
  await answer(b.agent, m.id, 'confirm');
  expect((await step(w.lead.agent, m.id, 'submit')).state).toBe('submitted');
  return m;
}

describe('review by the office', () => {
  it('accepts with a registration number counted per session and kind, and may class it', async () => {
    const categories = (await w.office.inject({ method: 'GET', url: '/api/suggestions/categories' })).json().items;
    const urban = categories.find((c: { code: string }) => c.code === 'urban');
    const a = await submitted(w);
    const b = await submitted(w);
    const first = await step(w.office, a.id, 'accept', { categoryId: urban.id, note: '立案' });
    const second = await step(w.office, b.id, 'accept');
    expect(first).toMatchObject({ state: 'accepted', number: 1, category: { name: '城乡建设与管理' } });
    expect(second.number).toBe(2);
    expect(first.acceptedAt).not.toBeNull();
    // The deputy may no longer withdraw it; the office sees the next steps.
    expect((await act(w.lead.agent, a.id, 'withdraw')).statusCode).toBe(409);
    const view = await w.office.inject({ method: 'GET', url: `/api/suggestions/${a.id}` });
    expect(view.json().me.actions.map((x: { action: string }) => x.action)).toEqual(['merge']);
  });

  it('returns for revision with a reason sent to the deputy, who revises and submits again', async () => {
    const c = w.cosigners[0]!;
    const s = await draft(w.lead.agent, w, { cosignerIds: [c.mandate.id] });
    await step(w.lead.agent, s.id, 'submit');
    await answer(c.agent, s.id, 'confirm');
    await step(w.lead.agent, s.id, 'submit');
    expect((await act(w.office, s.id, 'return_for_revision', {})).json()).toMatchObject({
      statusCode: 400,
      code: 'REASON_REQUIRED',
    });
    const back = await step(w.office, s.id, 'return_for_revision', { reason: '请补充具体路段和损坏数量' });
    expect(back).toMatchObject({ state: 'draft', returnReason: '请补充具体路段和损坏数量' });
    // The office still sees it; the signatures must be given again for the new text.
    expect(back.cosigners).toEqual([expect.objectContaining({ status: 'invited' })]);
    const [msg] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, s.id), eq(outbox.topic, 'suggestion.returned_for_revision')));
    expect(msg?.payload).toMatchObject({ reason: '请补充具体路段和损坏数量', leadDeputyId: w.lead.mandate.id });
    await w.lead.agent.inject({
      method: 'PATCH',
      url: `/api/suggestions/${s.id}`,
      payload: { grounds: '幸福路 1 至 3 段共 12 盏路灯损坏。' },
    });
    expect((await step(w.lead.agent, s.id, 'submit')).state).toBe('cosigning');
    await answer(c.agent, s.id, 'confirm');
    expect((await step(w.lead.agent, s.id, 'submit')).state).toBe('submitted');
  });

  it('rejects with a reason from the list, and asks for the words when the reason is “other”', async () => {
    const s = await submitted(w);
    expect((await act(w.office, s.id, 'reject', {})).json()).toMatchObject({ statusCode: 400, code: 'REASON_REQUIRED' });
    expect((await act(w.office, s.id, 'reject', { reason: 'other' })).json().message).toBe('选择“其他”时请写明理由');
    expect((await act(w.office, s.id, 'reject', { reason: 'gossip' })).json().code).toBe('VALIDATION');
    const done = await step(w.office, s.id, 'reject', {
      reason: 'personal_matter',
      note: '属于个人劳动争议，请通过劳动仲裁解决',
    });
    expect(done).toMatchObject({
      state: 'rejected',
      rejectReason: 'personal_matter',
      rejectReasonLabel: { zh: '属于个人事务' },
      rejectNote: '属于个人劳动争议，请通过劳动仲裁解决',
    });
    const [msg] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, s.id), eq(outbox.topic, 'suggestion.rejected')));
    expect(msg?.payload).toMatchObject({ reason: 'personal_matter', note: '属于个人劳动争议，请通过劳动仲裁解决' });
    // The deputy reads the reason on the suggestion.
    const seen = await w.lead.agent.inject({ method: 'GET', url: `/api/suggestions/${s.id}` });
    expect(seen.json().rejectReasonLabel.zh).toBe('属于个人事务');
  });

  it('merges several into one handling; the merged ones follow the primary', async () => {
    const primary = await submitted(w);
    const a = await submitted(w);
    const other = await draft(w.cosigners[1]!.agent, w);
    await step(w.cosigners[1]!.agent, other.id, 'submit');
    await step(w.office, primary.id, 'accept');
    expect((await act(w.office, a.id, 'merge', {})).json().code).toBe('MERGE_TARGET_REQUIRED');
    expect((await act(w.office, a.id, 'merge', { primaryId: a.id })).json().code).toBe('MERGE_SELF');
    expect((await act(w.office, a.id, 'merge', { primaryId: randomUUID() })).json().code).toBe('MERGE_TARGET_INVALID');
    expect((await step(w.office, a.id, 'merge', { primaryId: other.id })).state).toBe('merged');
    // Merging the one that took others in carries them along.
    const merged = await step(w.office, other.id, 'merge', { primaryId: primary.id, note: '同一事项' });
    expect(merged.mergedInto).toMatchObject({ id: primary.id });
    const view = await w.office.inject({ method: 'GET', url: `/api/suggestions/${primary.id}` });
    expect(
      view
        .json()
        .merged.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([a.id, other.id].sort());
    const [moved] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, a.id));
    expect(moved?.mergedIntoId).toBe(primary.id);
    const primaryEvents = await t.deps.db.select().from(suggestionEvents).where(eq(suggestionEvents.suggestionId, primary.id));
    expect(primaryEvents.map((e) => e.action)).toContain('merge_in');
    // A rejected suggestion takes nothing in.
    const closed = await submitted(w);
    await step(w.office, closed.id, 'reject', { reason: 'promotion' });
    const b = await submitted(w);
    expect((await act(w.office, b.id, 'merge', { primaryId: closed.id })).json()).toMatchObject({
      statusCode: 409,
      code: 'MERGE_TARGET_CLOSED',
    });
  });

  it('keeps other offices, leaders, units and deputies out of the review', async () => {
    const s = await submitted(w);
    expect((await act(w.farOffice, s.id, 'accept')).statusCode).toBe(403);
    expect((await act(w.leader, s.id, 'accept')).statusCode).toBe(403);
    expect((await act(w.unitStaff, s.id, 'accept')).statusCode).toBe(403);
    const deputy = await act(w.lead.agent, s.id, 'accept');
    expect(deputy.statusCode).toBe(403);
    expect(deputy.json().code).toBe('FORBIDDEN');
    // A committee account handles only the motions referred to it.
    const committee = await act(w.committeeStaff, s.id, 'accept');
    expect(committee.json()).toMatchObject({ statusCode: 403, message: '专门委员会只能审议交由本委员会的议案' });
    expect((await w.unitStaff.inject({ method: 'GET', url: `/api/suggestions/${s.id}` })).statusCode).toBe(403);
    expect((await w.sysadmin.inject({ method: 'GET', url: `/api/suggestions/${s.id}` })).statusCode).toBe(403);
  });

  it('lets exactly one of two conflicting decisions win; the other gets 409 with the reason', async () => {
    const s = await submitted(w);
    const results = await Promise.all([
      act(w.office, s.id, 'accept'),
      act(w.office, s.id, 'reject', { reason: 'no_content' }),
      act(w.lead.agent, s.id, 'withdraw'),
    ]);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(2);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(['INVALID_TRANSITION', 'SUGGESTION_CHANGED']).toContain(r.json().code);
      expect(r.json().message).toMatch(/当前状态|刚刚已被他人处理/);
    }
    const events = await t.deps.db.select().from(suggestionEvents).where(eq(suggestionEvents.suggestionId, s.id));
    expect(events.filter((e) => e.fromState === 'submitted')).toHaveLength(1);
  });

  it('lets a co-signer’s answer and the submission take turns', async () => {
    const [a, b] = w.cosigners as [SuggestionWorld['lead'], SuggestionWorld['lead']];
    const m = await draft(w.lead.agent, w, { kind: 'motion', cosignerIds: [a.mandate.id, b.mandate.id] });
    await step(w.lead.agent, m.id, 'submit');
    await answer(a.agent, m.id, 'confirm');
    await answer(b.agent, m.id, 'confirm');
    const [submit, decline] = await Promise.all([act(w.lead.agent, m.id, 'submit'), answer(b.agent, m.id, 'decline')]);
    // Either the motion went in with both signatures and the late answer was refused, or the answer came
    // first and the motion, one signature short, stayed out.
    if (submit.statusCode === 200) {
      expect(decline.statusCode).toBe(409);
      expect(submit.json().cosigners.filter((c: { status: string }) => c.status === 'confirmed')).toHaveLength(2);
    } else {
      expect(decline.statusCode).toBe(200);
      expect(submit.json()).toMatchObject({ code: 'MOTION_SIGNATURES_SHORT', missing: 1 });
    }
  });
});

describe('motions in the special committee', () => {
  it('registers a motion and refers it to a committee of the same congress', async () => {
    const m = await submittedMotion();
    expect((await act(w.office, m.id, 'accept')).json()).toMatchObject({
      statusCode: 409,
      code: 'WRONG_KIND',
      message: '议案不能立案',
    });
    expect((await act(w.office, m.id, 'refer', {})).json().code).toBe('COMMITTEE_REQUIRED');
    const unit = await buildOrganization(t.deps.db, { regionCode: w.county });
    expect((await act(w.office, m.id, 'refer', { committeeId: unit.id })).json().code).toBe('NOT_A_COMMITTEE');
    const referred = await step(w.office, m.id, 'refer', { committeeId: w.committee.id });
    expect(referred).toMatchObject({ state: 'committee_review', committee: { id: w.committee.id }, number: 1, kind: 'motion' });
    // Another committee may not decide it.
    expect((await act(w.otherCommitteeStaff, m.id, 'list')).statusCode).toBe(403);
    const listed = await step(w.committeeStaff, m.id, 'list', { note: '列入常委会会议议程' });
    expect(listed).toMatchObject({ state: 'listed', committeeDecision: 'listed', committeeReason: '列入常委会会议议程' });
  });

  it('converts a motion to an accepted suggestion, with the reason', async () => {
    const m = await submittedMotion();
    await step(w.office, m.id, 'refer', { committeeId: w.committee.id });
    expect((await act(w.committeeStaff, m.id, 'convert', {})).json()).toMatchObject({ statusCode: 400, code: 'REASON_REQUIRED' });
    const converted = await step(w.committeeStaff, m.id, 'convert', { reason: '所提事项适宜作为建议交有关部门办理' });
    expect(converted).toMatchObject({
      state: 'accepted',
      kind: 'suggestion',
      originalKind: 'motion',
      committeeDecision: 'converted',
      committeeReason: '所提事项适宜作为建议交有关部门办理',
    });
    expect(converted.cosigners).toHaveLength(2);
    const [event] = await t.deps.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, m.id), eq(suggestionEvents.action, 'convert')));
    expect(event).toMatchObject({ fromState: 'committee_review', toState: 'accepted' });
  });

  it('does not list a motion without a reason, and tells the deputy why', async () => {
    const m = await submittedMotion();
    await step(w.office, m.id, 'refer', { committeeId: w.committee.id });
    expect((await act(w.office, m.id, 'not_list', { reason: '' })).json().code).toBe('REASON_REQUIRED');
    const done = await step(w.office, m.id, 'not_list', { reason: '相关法规正在修订中' });
    expect(done).toMatchObject({ state: 'not_listed', committeeReason: '相关法规正在修订中' });
    const [msg] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, m.id), eq(outbox.topic, 'suggestion.not_listed')));
    expect(msg?.payload).toMatchObject({ reason: '相关法规正在修订中' });
    expect((await act(w.committeeStaff, m.id, 'list')).statusCode).toBe(409);
  });

  it('returns a motion for revision like a suggestion', async () => {
    const m = await submittedMotion();
    expect((await step(w.office, m.id, 'return_for_revision', { reason: '请写明立法依据' })).state).toBe('draft');
  });
});
