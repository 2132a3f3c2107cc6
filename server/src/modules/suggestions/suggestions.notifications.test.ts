import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { templateKeyDefinition } from '../../platform/notify/catalog.js';
import { runOutboxOnce } from '../../platform/notify/index.js';
import { notifications, outbox } from '../../platform/notify/notify.tables.js';
import { hasMalformedPlaceholder, placeholdersOf } from '../../platform/notify/render.js';
import { users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniqMobile } from '../../test/factories.notifications.js';
import {
  acceptedSuggestion,
  assign,
  assignedSuggestion,
  assignmentOf,
  handlingUnit,
} from '../../test/factories.suggestionAssignments.js';
import { buildHandlingWorld, call, handlingOf, sentReply, unitOf } from '../../test/factories.suggestionHandling.js';
import { buildSuggestionWorld, draft, type SuggestionWorld, step } from '../../test/factories.suggestions.js';
import { SUGGESTION_NOTICE_KEYS } from './suggestions.subscribers.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t, { cosigners: 2 });
});
afterAll(async () => {
  await t?.close();
});

/** The messages made from a suggestion's events of one topic, after the dispatcher has run. */
async function delivered(suggestionId: string, topic: string) {
  await runOutboxOnce(t.deps, { topics: [topic], log: () => {} });
  const events = await t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.aggregateId, suggestionId), eq(outbox.topic, topic)));
  expect(events.length, topic).toBeGreaterThan(0);
  const all = [];
  for (const e of events) all.push(...(await t.deps.db.select().from(notifications).where(eq(notifications.outboxId, e.id))));
  return all;
}

/** Gives an account a mobile number, so that SMS is tried for it. */
const withPhone = (userId: string) => t.deps.db.update(users).set({ phone: uniqMobile() }).where(eq(users.id, userId));

const inApp = <T extends { channel: string }>(notes: T[]) => notes.filter((n) => n.channel === 'in_app');

/** An accepted suggestion assigned to a lead and a co unit; the one named has a mobile number. */
async function assignedToTwo(withMobile: 'lead' | 'co') {
  const s = await acceptedSuggestion(w);
  const units = { lead: await handlingUnit(t, w), co: await handlingUnit(t, w, `发改局${Math.random()}`) };
  await withPhone(units[withMobile].staff.user.id);
  const panel = await assign(w, s.id, [
    { unitId: units.lead.id, role: 'lead' },
    { unitId: units.co.id, role: 'co' },
  ]);
  return { s, ...units, panel };
}

describe('suggestion notifications', () => {
  it('invites the co-signers in the app and by SMS, in Chinese, naming the lead deputy', async () => {
    const [a, b] = w.cosigners as [SuggestionWorld['lead'], SuggestionWorld['lead']];
    await withPhone(a.agent.user.id);
    const s = await draft(w.lead.agent, w, { cosignerIds: [a.mandate.id, b.mandate.id] });
    await step(w.lead.agent, s.id, 'submit');
    const notes = await delivered(s.id, 'suggestion.cosign_invited');
    const aAccount = a.agent.user.id;
    const mine = notes.filter((n) => n.recipientUserId === aAccount);
    expect(mine.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    expect(inApp(mine)[0]?.body).toContain(`${w.lead.name}代表邀请您联名提出建议`);
    expect(notes.some((n) => n.recipientUserId === b.agent.user.id)).toBe(true);
    // The lead deputy, who invited, is not told.
    expect(notes.some((n) => n.recipientUserId === w.lead.agent.user.id)).toBe(false);
  });

  it('tells the lead deputy of each invited deputy’s answer, with the reason of a refusal', async () => {
    const [a, b] = w.cosigners as [SuggestionWorld['lead'], SuggestionWorld['lead']];
    const s = await draft(w.lead.agent, w, { cosignerIds: [a.mandate.id, b.mandate.id] });
    await step(w.lead.agent, s.id, 'submit');
    const answer = (who: SuggestionWorld['lead'], payload: object) =>
      who.agent.inject({ method: 'POST', url: `/api/suggestions/${s.id}/cosignature`, payload });
    expect((await answer(a, { decision: 'confirm' })).statusCode).toBe(200);
    expect((await answer(b, { decision: 'decline', reason: '本人不熟悉该领域' })).statusCode).toBe(200);
    const notes = await delivered(s.id, 'suggestion.cosign_answered');
    expect(notes.every((n) => n.recipientUserId === w.lead.agent.user.id && n.channel === 'in_app')).toBe(true);
    const bodies = notes.map((n) => n.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.find((x) => x.startsWith(a.name))).toContain('的联名邀请：同意联名。');
    expect(bodies.find((x) => x.startsWith(b.name))).toContain('的联名邀请：不同意联名。理由：本人不熟悉该领域');
  });

  it('tells a unit at once, by SMS too, when the office withdraws its assignment', async () => {
    const { s, co, panel } = await assignedToTwo('co');
    const withdrawn = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${assignmentOf(panel, co.id).id}/withdraw`,
      payload: { reason: '该事项不涉及贵单位' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const notes = await delivered(s.id, 'suggestion.assignment_withdrawn');
    expect(notes.every((n) => n.recipientUserId === co.staff.user.id)).toBe(true);
    expect(notes.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    expect(inApp(notes)[0]?.body).toContain(`${co.name}：代表建议“`);
    expect(inApp(notes)[0]?.body).toContain('无需继续办理。理由：该事项不涉及贵单位');
  });

  it('tells the lead deputy of the acceptance and of a return for revision', async () => {
    const s = await acceptedSuggestion(w);
    const accepted = inApp(await delivered(s.id, 'suggestion.accepted'));
    expect(accepted.map((n) => n.recipientUserId)).toEqual([w.lead.agent.user.id]);
    expect(accepted[0]?.body).toContain(`已受理，编号${s.number}`);

    const back = await draft(w.lead.agent, w);
    await step(w.lead.agent, back.id, 'submit');
    await step(w.office, back.id, 'return_for_revision', { reason: '请补充路灯损坏的具体位置' });
    const returned = await delivered(back.id, 'suggestion.returned_for_revision');
    expect(returned.map((n) => n.recipientUserId)).toEqual([w.lead.agent.user.id]);
    expect(returned[0]?.body).toContain('被退回修改，请修改后重新提交。理由：请补充路灯损坏的具体位置');
  });

  it('tells each assigned unit its role and due date, by SMS too, and the lead deputy who handles it', async () => {
    const { s, lead, co, panel } = await assignedToTwo('lead');
    const notes = await delivered(s.id, 'suggestion.assigned');
    const toLead = notes.filter((n) => n.recipientUserId === lead.staff.user.id);
    expect(toLead.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    const due = chinaDate(new Date(assignmentOf(panel, lead.id).dueAt));
    expect(inApp(toLead)[0]?.body).toContain(`${lead.name}：代表建议“`);
    expect(inApp(toLead)[0]?.body).toContain(`交由贵单位主办，请及时签收，办理期限为${due}`);
    expect(inApp(notes.filter((n) => n.recipientUserId === co.staff.user.id))[0]?.body).toContain('交由贵单位协办');
    const deputy = notes.filter((n) => n.recipientUserId === w.lead.agent.user.id);
    expect(deputy.map((n) => n.channel)).toEqual(['in_app']);
    expect(deputy[0]?.body).toContain(`已交${lead.name}（主办）、${co.name}（协办）办理`);
    // The office that assigned it is not told of its own act.
    expect(notes.some((n) => n.recipientUserId === w.office.user.id)).toBe(false);
  });

  it('tells the office of a return request and the unit of the decision', async () => {
    // A unit asks to return an assignment before signing for it.
    const { s, lead, co, panel } = await assignedToTwo('lead');
    const x = { suggestion: s, lead, co };
    const url = `/api/suggestion-assignments/${assignmentOf(panel, lead.id).id}`;
    const asked = await x.lead.staff.inject({
      method: 'POST',
      url: `${url}/request-return`,
      payload: { reason: '不属于本单位职责' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const requested = await delivered(x.suggestion.id, 'suggestion.return_requested');
    expect(requested.map((n) => n.recipientUserId)).toContain(w.office.user.id);
    expect(requested.some((n) => n.recipientUserId === w.farOffice.user.id)).toBe(false);
    expect(requested.find((n) => n.recipientUserId === w.office.user.id)?.body).toContain(`${x.lead.name}申请退回代表建议“`);

    const refused = await w.office.inject({
      method: 'POST',
      url: `${url}/decide-return`,
      payload: { decision: 'refuse', reason: '该事项属于贵单位职责' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const decided = await delivered(x.suggestion.id, 'suggestion.return_decided');
    const toUnit = decided.filter((n) => n.recipientUserId === x.lead.staff.user.id);
    expect(toUnit.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    expect(inApp(toUnit)[0]?.body).toContain('审批结果：不同意退回，请继续办理。该事项属于贵单位职责');
    expect(decided.some((n) => n.recipientUserId === x.co.staff.user.id)).toBe(false);

    // Asked again and approved, naming the unit that takes over: that unit is told as on assignment.
    const next = await handlingUnit(t, w, `城管局${Math.random()}`);
    await x.lead.staff.inject({ method: 'POST', url: `${url}/request-return`, payload: { reason: '确非本单位职责' } });
    const approved = await w.office.inject({
      method: 'POST',
      url: `${url}/decide-return`,
      payload: { decision: 'approve', reason: '同意退回', reassignTo: { unitId: next.id } },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const taken = inApp(await delivered(x.suggestion.id, 'suggestion.reassigned'));
    expect(taken.map((n) => n.recipientUserId)).toEqual([next.staff.user.id]);
    expect(taken[0]?.body).toContain(`${next.name}：代表建议“`);
    expect(taken[0]?.body).toContain('交由贵单位主办');
  });

  it('tells the office of an extension request and the unit of the new due date', async () => {
    const x = await assignedSuggestion(t, w);
    const dueOn = chinaDate(new Date(Date.parse(x.lead.assignment.dueAt) + 20 * 86_400_000));
    const asked = await x.lead.staff.inject({
      method: 'POST',
      url: `/api/suggestion-assignments/${x.lead.assignment.id}/extensions`,
      payload: { reason: '需协调省级部门', dueOn },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const requested = inApp(await delivered(x.suggestion.id, 'suggestion.extension_requested'));
    expect(requested.map((n) => n.recipientUserId)).toContain(w.office.user.id);
    expect(requested.some((n) => n.recipientUserId === w.farOffice.user.id)).toBe(false);
    expect(requested.find((n) => n.recipientUserId === w.office.user.id)?.body).toContain(
      `的办理期限延至${dueOn}，请审批。理由：需协调省级部门`,
    );

    const ext = assignmentOf(asked.json(), x.lead.id).extensions as { id: string }[];
    const decided = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-extensions/${ext[0]?.id}/decide`,
      payload: { decision: 'approve' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const told = inApp(await delivered(x.suggestion.id, 'suggestion.extension_decided'));
    expect(told.map((n) => n.recipientUserId)).toEqual([x.lead.staff.user.id]);
    expect(told[0]?.body).toContain(`审批结果：同意延期，办理期限为${dueOn}`);
  });

  it('asks the lead deputy to rate within 20 working days, and sends an unsatisfied rating back to the unit', async () => {
    const h = await buildHandlingWorld(t, { roles: ['lead'] });
    await withPhone(h.lead.agent.user.id);
    const view = await sentReply(h, unitOf(h, 'lead'), { replyClass: 'A' });
    expect(view.state).toBe('awaiting_evaluation');
    const due = chinaDate(new Date((await handlingOf(h.lead.agent, h.suggestionId)).dueAt as string));
    const replied = await delivered(h.suggestionId, 'suggestion.replied');
    expect(replied.every((n) => n.recipientUserId === h.lead.agent.user.id)).toBe(true);
    expect(replied.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    expect(inApp(replied)[0]?.body).toContain(`请在20个工作日内（${due}前）对办理情况作出评价`);

    const rated = await call(h.lead.agent, 'POST', `${h.suggestionId}/evaluation`, {
      result: 'unsatisfied',
      attitude: 'basically_satisfied',
      comment: '路灯仍未修好',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().state).toBe('rehandling');
    const again = await delivered(h.suggestionId, 'suggestion.evaluated');
    const { staff, head } = unitOf(h, 'lead');
    expect(again.map((n) => n.recipientUserId).sort()).toEqual([staff.user.id, head.user.id].sort());
    expect(again.every((n) => n.channel === 'in_app')).toBe(true);
    expect(again[0]?.body).toContain('代表对建议“');
    expect(again[0]?.body).toContain('办理结果不满意，请重新办理');
  });

  it('ships every notice in Chinese and English in the app, SMS where a quick action is asked, with declared variables only', async () => {
    const res = await w.sysadmin.inject({ method: 'GET', url: '/api/notification-templates' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      key: string;
      channel: string;
      locale: string;
      declared: boolean;
      subject: string | null;
      body: string;
    }[];
    const sms = new Set([
      'suggestion.cosign_invited',
      'suggestion.assignment_withdrawn',
      'suggestion.assigned_to_unit',
      'suggestion.return_decided',
      'suggestion.extension_decided',
      'suggestion.replied',
    ]);
    for (const [key] of SUGGESTION_NOTICE_KEYS) {
      const mine = items.filter((i) => i.key === key);
      const expected = ['in_app/en', 'in_app/zh', ...(sms.has(key) ? ['sms/en', 'sms/zh'] : [])];
      expect(mine.map((i) => `${i.channel}/${i.locale}`).sort(), key).toEqual(expected);
      expect(
        mine.every((i) => i.declared),
        key,
      ).toBe(true);
      // The subscriber fills exactly the declared variables: a template may use no other.
      const declared = Object.keys(templateKeyDefinition(key)?.variables ?? {});
      for (const tpl of mine) {
        const text = `${tpl.subject ?? ''}\n${tpl.body}`;
        expect(hasMalformedPlaceholder(text), `${key} ${tpl.channel}/${tpl.locale}`).toBe(false);
        expect(placeholdersOf(text).filter((p) => !declared.includes(p))).toEqual([]);
        if (tpl.locale === 'zh' && tpl.channel === 'in_app') expect(tpl.subject).toBeTruthy();
      }
    }
  });
});
