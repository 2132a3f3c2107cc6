import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  approvedReply,
  buildHandlingWorld,
  call,
  handlingOf,
  replyBody,
  sentReply,
  unitOf,
} from '../../test/factories.suggestionHandling.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { suggestionAssignments, suggestionReplies } from './suggestions.handling.tables.js';
import { suggestionEvents } from './suggestions.tables.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type View = Awaited<ReturnType<typeof handlingOf>> & {
  replies: { status: string; replyClass: string; replyClassLabel: string; letterUrl: string; commitments: unknown[] }[];
  coOpinions: { text: string; onTime: boolean }[];
  consultations: { id: string; confirmation: string; kind: string }[];
  assignments: { role: string; status: string; repliedOnTime: boolean | null; round: number }[];
  faceToFace: boolean;
  dueAt: string;
  me: Record<string, unknown>;
};

const eventsOf = (id: string, action: string) =>
  t.deps.db
    .select()
    .from(suggestionEvents)
    .where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.action, action)));

describe('handling by the units', () => {
  it('runs co opinion, consultation, reply approval and sending, and moves the suggestion to evaluation once', async () => {
    const w = await buildHandlingWorld(t);
    const lead = unitOf(w, 'lead');
    const co = unitOf(w, 'co');
    const id = w.suggestionId;

    const opinion = await call(co.staff, 'POST', `${id}/co-opinion`, { text: '建议结合老旧小区改造统筹安排路灯更换。' });
    expect(opinion.statusCode, opinion.body).toBe(200);
    // The lead unit sees the co opinion; the deputy does not.
    const seenByLead = (await handlingOf(lead.staff, id)) as View;
    expect(seenByLead.coOpinions).toEqual([
      expect.objectContaining({ text: '建议结合老旧小区改造统筹安排路灯更换。', onTime: true }),
    ]);
    expect(((await handlingOf(w.lead.agent, id)) as View).coOpinions).toEqual([]);
    // Sent once: the co unit's assignment is done.
    const again = await call(co.staff, 'POST', `${id}/co-opinion`, { text: '再次提出' });
    expect(again.statusCode).toBe(409);

    const logged = await call(lead.staff, 'POST', `${id}/consultations`, {
      kind: 'face_to_face',
      heldAt: new Date(Date.now() - 3600_000).toISOString(),
      place: '区住建局会议室',
      participants: '王局长、李科长、代表本人',
      summary: '与代表当面沟通路灯维修方案，代表同意分两期实施。',
    });
    expect(logged.statusCode, logged.body).toBe(200);
    const consultation = (logged.json() as View).consultations[0];
    expect(consultation).toMatchObject({ confirmation: 'pending', kind: 'face_to_face' });
    // Counted for the face-to-face rate only once the deputy confirms it.
    expect((logged.json() as View).faceToFace).toBe(false);
    const confirmed = await call(w.lead.agent, 'POST', `${id}/consultations/${consultation?.id}/answer`, { decision: 'confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ faceToFace: true, consultations: [{ confirmation: 'confirmed' }] });

    const before = Date.now();
    const after = (await sentReply(w, lead, { replyClass: 'B' })) as unknown as View;
    expect(after.state).toBe('awaiting_evaluation');
    expect(after.replyClass).toBe('B');
    expect(after.replyClassLabel).toBe('正在解决或者列入规划逐步解决');
    expect(after.replies[0]).toMatchObject({ status: 'sent', replyClass: 'B', onTime: true });
    expect(after.replies[0]?.commitments).toHaveLength(1);
    expect(after.replies[0]?.letterUrl).toMatch(/\/letter$/);
    expect(after.assignments.find((a) => a.role === 'lead')).toMatchObject({ status: 'replied', repliedOnTime: true });
    // 20 working days on the China calendar the administrators keep.
    const calendar = await loadCalendar(t.deps.db);
    const expected = calendar.dueAfterWorkingDays(new Date(before), 20).toISOString();
    expect([expected, calendar.dueAfterWorkingDays(new Date(), 20).toISOString()]).toContain(after.dueAt);
    expect(await eventsOf(id, 'all_replied')).toHaveLength(1);
    expect((await eventsOf(id, 'reply_sent'))[0]?.data).toMatchObject({ replyClass: 'B', onTime: true });
  });

  it('lets two units reply at the same moment: both succeed and the suggestion moves once', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'] });
    const [a, b] = w.units as [(typeof w.units)[0], (typeof w.units)[0]];
    await approvedReply(w, a);
    await approvedReply(w, b, { replyClass: 'C' });
    const [ra, rb] = await Promise.all([
      call(a.staff, 'POST', `${w.suggestionId}/reply/send`),
      call(b.staff, 'POST', `${w.suggestionId}/reply/send`),
    ]);
    expect([ra.statusCode, rb.statusCode], `${ra.body} ${rb.body}`).toEqual([200, 200]);
    const view = (await handlingOf(w.office, w.suggestionId)) as View;
    expect(view.state).toBe('awaiting_evaluation');
    expect(view.assignments.map((x) => x.status)).toEqual(['replied', 'replied']);
    // The lead unit's class stands for the suggestion.
    expect(view.replyClass).toBe('A');
    expect(await eventsOf(w.suggestionId, 'all_replied')).toHaveLength(1);
  });

  it('sends the same reply once when it is sent twice at once', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'separate'] });
    const lead = unitOf(w, 'lead');
    await approvedReply(w, lead);
    const results = await Promise.all([
      call(lead.staff, 'POST', `${w.suggestionId}/reply/send`),
      call(lead.head, 'POST', `${w.suggestionId}/reply/send`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await eventsOf(w.suggestionId, 'reply_sent')).toHaveLength(1);
    // The other unit has not replied: the suggestion waits.
    expect((await handlingOf(w.office, w.suggestionId)).state).toBe('assigned');
  });

  it('marks a late co opinion and a late reply as not on time', async () => {
    const w = await buildHandlingWorld(t);
    const co = unitOf(w, 'co');
    const lead = unitOf(w, 'lead');
    const past = new Date(Date.now() - 24 * 3600_000);
    await t.deps.db
      .update(suggestionAssignments)
      .set({ dueAt: past })
      .where(eq(suggestionAssignments.suggestionId, w.suggestionId));
    expect((await call(co.staff, 'POST', `${w.suggestionId}/co-opinion`, { text: '迟到的协办意见' })).statusCode).toBe(200);
    const view = (await sentReply(w, lead)) as unknown as View;
    expect(view.coOpinions[0]?.onTime).toBe(false);
    expect(view.assignments.find((a) => a.role === 'lead')?.repliedOnTime).toBe(false);
    expect(view.replies[0]).toMatchObject({ status: 'sent' });
  });
});

describe('refusals', () => {
  it('refuses a unit that was not assigned (403) and a co unit replying (409 with the reason)', async () => {
    const w = await buildHandlingWorld(t);
    const id = w.suggestionId;
    const outsider = await call(w.outsider, 'PUT', `${id}/reply`, replyBody());
    expect(outsider.statusCode).toBe(403);
    expect((await call(w.outsider, 'POST', `${id}/reply/send`)).statusCode).toBe(403);
    expect((await w.outsider.inject({ method: 'GET', url: `/api/suggestions/${id}/handling` })).statusCode).toBe(403);

    const co = unitOf(w, 'co');
    const byCo = await call(co.staff, 'PUT', `${id}/reply`, replyBody());
    expect(byCo.statusCode).toBe(409);
    expect(byCo.json()).toMatchObject({ code: 'WRONG_ROLE', message: expect.stringContaining('协办单位向主办单位提出协办意见') });
    // A lead unit has no co opinion to send.
    const byLead = await call(unitOf(w, 'lead').staff, 'POST', `${id}/co-opinion`, { text: '意见' });
    expect(byLead.statusCode).toBe(409);
    // Deputies and the office do not reply at all.
    expect((await call(w.lead.agent, 'PUT', `${id}/reply`, replyBody())).statusCode).toBe(403);
    expect((await call(w.office, 'PUT', `${id}/reply`, replyBody())).statusCode).toBe(403);
    const rows = await t.deps.db.select().from(suggestionReplies).where(eq(suggestionReplies.suggestionId, id));
    expect(rows).toEqual([]);
  });

  it('sends no reply without approval, and lets nobody approve their own draft', async () => {
    const w = await buildHandlingWorld(t);
    const lead = unitOf(w, 'lead');
    const id = w.suggestionId;
    expect((await call(lead.staff, 'POST', `${id}/reply/send`)).json()).toMatchObject({ code: 'REPLY_NOT_APPROVED' });
    expect((await call(lead.staff, 'PUT', `${id}/reply`, replyBody())).statusCode).toBe(200);
    const unapproved = await call(lead.staff, 'POST', `${id}/reply/send`);
    expect(unapproved.statusCode).toBe(400);
    expect(unapproved.json()).toMatchObject({ code: 'REPLY_NOT_APPROVED' });
    const approvalBox = async () => {
      const res = await lead.head.inject({ method: 'GET', url: '/api/suggestions?box=approval&pageSize=100' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    expect(await approvalBox()).not.toContain(id);
    expect((await call(lead.staff, 'POST', `${id}/reply/submit`)).statusCode).toBe(200);
    // The head finds it in the unit's box of replies to sign off.
    expect(await approvalBox()).toContain(id);
    const self = await call(lead.staff, 'POST', `${id}/reply/approve`);
    expect(self.statusCode).toBe(403);
    // Waiting for signature, the draft is locked; the head returns it with a reason.
    expect((await call(lead.staff, 'PUT', `${id}/reply`, replyBody())).json()).toMatchObject({ code: 'REPLY_LOCKED' });
    expect((await call(lead.head, 'POST', `${id}/reply/return`, { reason: '' })).statusCode).toBe(400);
    expect((await call(lead.head, 'POST', `${id}/reply/return`, { reason: '请补充办理时限' })).statusCode).toBe(200);
    expect(await approvalBox()).not.toContain(id);
    expect((await call(lead.staff, 'POST', `${id}/reply/send`)).json()).toMatchObject({ code: 'REPLY_NOT_APPROVED' });
    expect((await handlingOf(w.office, id)).state).toBe('assigned');
  });

  it('refuses a reply for approval that the letter cannot be made from, naming what is missing', async () => {
    const w = await buildHandlingWorld(t);
    const lead = unitOf(w, 'lead');
    const id = w.suggestionId;
    const partial = replyBody({ signerName: null, referenceNumber: '', text: '   ' });
    expect((await call(lead.staff, 'PUT', `${id}/reply`, partial)).statusCode).toBe(200);
    const refused = await call(lead.staff, 'POST', `${id}/reply/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'LETTER_INCOMPLETE', missing: ['text', 'referenceNumber', 'signerName'] });
    expect(refused.json().message).toContain('签发人');
    // Class B needs its commitments; A and D carry none.
    const noPromise = await call(lead.staff, 'PUT', `${id}/reply`, replyBody({ replyClass: 'B', commitments: [] }));
    expect(noPromise.statusCode).toBe(200);
    expect((await call(lead.staff, 'POST', `${id}/reply/submit`)).json()).toMatchObject({ code: 'COMMITMENTS_REQUIRED' });
    const promiseForA = replyBody({ replyClass: 'A', commitments: [{ content: '年内完成', dueOn: '2099-01-01' }] });
    expect((await call(lead.staff, 'PUT', `${id}/reply`, promiseForA)).json()).toMatchObject({
      code: 'COMMITMENTS_NOT_FOR_CLASS',
    });
    const pastPromise = replyBody({ replyClass: 'C', commitments: [{ content: '已过期', dueOn: '2000-01-01' }] });
    expect((await call(lead.staff, 'PUT', `${id}/reply`, pastPromise)).json()).toMatchObject({ code: 'COMMITMENT_IN_PAST' });
    const view = (await handlingOf(lead.staff, id)) as View;
    expect(view.replies[0]).toMatchObject({ status: 'draft', replyClass: 'B' });
  });

  it('checks every field’s size and type, and writes nothing on a refusal', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead', 'co'] });
    const lead = unitOf(w, 'lead');
    const co = unitOf(w, 'co');
    const id = w.suggestionId;
    const bad: [string, Record<string, unknown>][] = [
      ['text too long', replyBody({ text: '路'.repeat(20_001) })],
      ['text not text', replyBody({ text: 42 })],
      ['unknown class', replyBody({ replyClass: 'E' })],
      ['reference too long', replyBody({ referenceNumber: '号'.repeat(65) })],
      ['signer too long', replyBody({ signerName: '王'.repeat(51) })],
      ['contact too long', replyBody({ contactName: '李'.repeat(51) })],
      ['phone with letters', replyBody({ contactPhone: 'call me' })],
      [
        'too many commitments',
        replyBody({ replyClass: 'B', commitments: Array(21).fill({ content: '承诺', dueOn: '2099-01-01' }) }),
      ],
      ['commitment too long', replyBody({ replyClass: 'B', commitments: [{ content: '诺'.repeat(1001), dueOn: '2099-01-01' }] })],
      ['commitment bad date', replyBody({ replyClass: 'B', commitments: [{ content: '承诺', dueOn: '2099-02-30' }] })],
      ['commitments not a list', replyBody({ commitments: 'many' })],
    ];
    for (const [what, body] of bad) {
      const res = await call(lead.staff, 'PUT', `${id}/reply`, body);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toBeTruthy();
    }
    const heldAt = new Date(Date.now() - 3600_000).toISOString();
    const consultation = { kind: 'phone', heldAt, summary: '电话沟通' };
    const badConsultations: [string, Record<string, unknown>][] = [
      ['unknown kind', { ...consultation, kind: 'letter' }],
      ['no time', { ...consultation, heldAt: 'yesterday' }],
      ['future', { ...consultation, heldAt: new Date(Date.now() + 86_400_000).toISOString() }],
      ['empty summary', { ...consultation, summary: '  ' }],
      ['summary too long', { ...consultation, summary: '谈'.repeat(5001) }],
      ['place too long', { ...consultation, place: '地'.repeat(201) }],
      ['participants too long', { ...consultation, participants: '人'.repeat(501) }],
    ];
    for (const [what, body] of badConsultations) {
      const res = await call(lead.staff, 'POST', `${id}/consultations`, body);
      expect(res.statusCode, what).toBe(400);
    }
    expect((await call(co.staff, 'POST', `${id}/co-opinion`, { text: '' })).statusCode).toBe(400);
    expect((await call(co.staff, 'POST', `${id}/co-opinion`, { text: '意'.repeat(5001) })).statusCode).toBe(400);
    expect((await call(co.staff, 'POST', `${id}/co-opinion`, { text: ['a'] })).statusCode).toBe(400);
    const view = (await handlingOf(w.office, id)) as View;
    expect(view.replies).toEqual([]);
    expect(view.consultations).toEqual([]);
    expect(view.coOpinions).toEqual([]);
    expect(view.assignments.map((a) => a.status)).toEqual(['handling', 'handling']);
  });

  it('lets only the lead deputy answer a consultation, once, and a dispute needs a note', async () => {
    const w = await buildHandlingWorld(t);
    const lead = unitOf(w, 'lead');
    const id = w.suggestionId;
    const logged = await call(lead.staff, 'POST', `${id}/consultations`, {
      kind: 'visit',
      heldAt: new Date(Date.now() - 7200_000).toISOString(),
      summary: '上门走访代表',
    });
    const cid = (logged.json() as View).consultations[0]?.id;
    expect((await call(w.cosigner.agent, 'POST', `${id}/consultations/${cid}/answer`, { decision: 'confirm' })).statusCode).toBe(
      403,
    );
    expect((await call(w.lead.agent, 'POST', `${id}/consultations/${cid}/answer`, { decision: 'dispute' })).statusCode).toBe(400);
    const disputed = await call(w.lead.agent, 'POST', `${id}/consultations/${cid}/answer`, {
      decision: 'dispute',
      note: '未见到单位人员',
    });
    expect(disputed.statusCode, disputed.body).toBe(200);
    expect(disputed.json()).toMatchObject({ faceToFace: false, consultations: [{ confirmation: 'disputed' }] });
    expect((await call(w.lead.agent, 'POST', `${id}/consultations/${cid}/answer`, { decision: 'confirm' })).statusCode).toBe(409);
  });

  it('asks a unit to accept its assignment before it replies', async () => {
    const w = await buildHandlingWorld(t, { status: 'pending' });
    const res = await call(unitOf(w, 'lead').staff, 'PUT', `${w.suggestionId}/reply`, replyBody());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
