import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { runOutboxOnce } from '../../platform/notify/index.js';
import { notifications, outbox } from '../../platform/notify/notify.tables.js';
import { users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor, uniq } from '../../test/factories.js';
import { buildOrganization } from '../../test/factories.organizations.js';
import {
  acceptedSuggestion,
  assignRows,
  buildSupervisionWorld,
  namedLeader,
  type SupervisionWorld,
} from '../../test/factories.suggestionSupervision.js';
import { URGED_TOPIC } from './commands/urgeAssignment.js';
import { suggestionAssignments } from './suggestions.handling.tables.js';
import { suggestionUrgings } from './suggestions.supervision.tables.js';

let t: TestApp;
let w: SupervisionWorld;
const year = Number(chinaDate(new Date()).slice(0, 4));
const today = chinaDate(new Date());
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSupervisionWorld(t);
});
afterAll(async () => {
  await t?.close();
});

async function topic(body: Record<string, unknown> = {}) {
  const res = await w.office.inject({
    method: 'POST',
    url: '/api/suggestion-supervision-topics',
    payload: { congressId: w.congress.id, year, name: `城市道路专题${Math.random()}`, leaderId: w.leader.user.id, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; leader: { id: string } | null; itemCount: number; version: number };
}

const mark = (agent: SupervisionWorld['office'], id: string, payload: Record<string, unknown> = {}) =>
  agent.inject({ method: 'PUT', url: `/api/suggestions/${id}/key-supervision`, payload });

describe('key supervision', () => {
  it('keeps topics of a year, with a supervising leader or committee', async () => {
    const a = await topic({ description: '重点推进城区道路改造' });
    expect(a.leader?.id).toBe(w.leader.user.id);
    const byCommittee = await topic({ leaderId: null, committeeId: w.committee.id });
    const list = await w.leader.inject({
      method: 'GET',
      url: `/api/suggestion-supervision-topics?year=${year}&congressId=${w.congress.id}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([a.id, byCommittee.id]));
    const other = await w.office.inject({
      method: 'GET',
      url: `/api/suggestion-supervision-topics?year=${year - 5}&congressId=${w.congress.id}`,
    });
    expect(other.json().items).toEqual([]);

    const edited = await w.office.inject({
      method: 'PATCH',
      url: `/api/suggestion-supervision-topics/${a.id}`,
      payload: { version: a.version, name: '城区道路改造专题' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '城区道路改造专题',
      description: '重点推进城区道路改造',
      version: a.version + 1,
    });
    const stale = await w.office.inject({
      method: 'PATCH',
      url: `/api/suggestion-supervision-topics/${a.id}`,
      payload: { version: a.version, name: '过期修改' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a topic without a supervisor, with a non-leader, a unit as committee, or too long a name', async () => {
    const base = { congressId: w.congress.id, year, name: '专题' };
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ ...base }, 400],
      [{ ...base, leaderId: w.office.user.id }, 400, 'NOT_A_LEADER'],
      [{ ...base, leaderId: w.farLeader.user.id }, 400, 'NOT_A_LEADER'],
      [{ ...base, committeeId: w.units[0]?.id }, 400, 'NOT_A_COMMITTEE'],
      [{ ...base, leaderId: w.leader.user.id, name: '长'.repeat(101) }, 400],
      [{ ...base, leaderId: w.leader.user.id, year: 1999 }, 400],
      [{ ...base, leaderId: w.leader.user.id, congressId: '00000000-0000-4000-8000-000000000000' }, 404],
    ];
    for (const [payload, status, code] of cases) {
      const res = await w.office.inject({ method: 'POST', url: '/api/suggestion-supervision-topics', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      if (code) expect(res.json().code).toBe(code);
    }
    const farOffice = await w.farOffice.inject({
      method: 'POST',
      url: '/api/suggestion-supervision-topics',
      payload: { ...base, leaderId: w.leader.user.id },
    });
    expect(farOffice.statusCode).toBe(403);
    const dup = await topic({ name: '同名专题' });
    expect(dup.name).toBe('同名专题');
    const again = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-supervision-topics',
      payload: { ...base, name: '同名专题', leaderId: w.leader.user.id },
    });
    expect(again.statusCode).toBe(409);
  });

  it('marks key items into a topic and shows each with its progress on the leader workbench', async () => {
    const tp = await topic();
    const s = await acceptedSuggestion(w);
    const [lead, co] = await assignRows(t, s.id, [
      { unitId: w.units[0]?.id as string, role: 'lead', dueAt: new Date(Date.now() - 86_400_000) },
      { unitId: w.units[1]?.id as string, role: 'co' },
    ]);
    const marked = await mark(w.leader, s.id, { topicId: tp.id, note: '主任会议确定的重点建议' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().key).toMatchObject({ suggestionId: s.id, state: 'assigned', topic: { id: tp.id }, overdue: true });

    const report = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/progress-reports`,
      payload: { reportedOn: today, text: '已召开专题推进会' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({ side: 'supervisor', unit: null });
    const unitReport = await w.unitAgents[0]?.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/progress-reports`,
      payload: { reportedOn: today, text: '施工方案已完成审批，预计下月开工', assignmentId: lead?.id },
    });
    expect(unitReport?.statusCode, unitReport?.body).toBe(201);
    expect(unitReport?.json()).toMatchObject({ side: 'unit', unit: { id: w.units[0]?.id } });

    const mine = await w.leader.inject({ method: 'GET', url: `/api/suggestion-key-items?mine=true&year=${year}` });
    expect(mine.statusCode).toBe(200);
    const item = mine.json().items.find((i: { suggestionId: string }) => i.suggestionId === s.id);
    expect(item).toMatchObject({
      state: 'assigned',
      overdue: true,
      dueAt: lead?.dueAt.toISOString(),
      lastReport: { side: 'unit', text: '施工方案已完成审批，预计下月开工' },
      topic: { id: tp.id },
    });
    expect(item.units.map((u: { unit: { id: string }; role: string }) => [u.unit.id, u.role])).toEqual([
      [w.units[0]?.id, 'lead'],
      [w.units[1]?.id, 'co'],
    ]);
    expect(co?.id).toBeDefined();

    const detail = await w.office.inject({ method: 'GET', url: `/api/suggestion-supervision-topics/${tp.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ itemCount: 1, items: [{ suggestionId: s.id }] });

    // The unit sees its own reports only; the office sees both.
    const unitView = await w.unitAgents[0]?.inject({ method: 'GET', url: `/api/suggestions/${s.id}/progress-reports` });
    expect(unitView?.json().items.map((r: { side: string }) => r.side)).toEqual(['unit']);
    const officeView = await w.office.inject({ method: 'GET', url: `/api/suggestions/${s.id}/supervision` });
    expect(officeView.json().reports).toHaveLength(2);

    const unmarked = await w.office.inject({ method: 'DELETE', url: `/api/suggestions/${s.id}/key-supervision` });
    expect(unmarked.statusCode).toBe(200);
    expect(unmarked.json().key).toBeNull();
    const again = await w.office.inject({ method: 'DELETE', url: `/api/suggestions/${s.id}/key-supervision` });
    expect(again.statusCode).toBe(409);
  });

  it('refuses marking by a unit, the auditor, a leader out of the region, or into a topic of another congress', async () => {
    const s = await acceptedSuggestion(w);
    expect((await mark(w.unitStaff, s.id)).statusCode).toBe(403);
    expect((await mark(w.auditor, s.id)).statusCode).toBe(403);
    expect((await mark(w.farLeader, s.id)).statusCode).toBe(403);
    expect((await mark(w.farOffice, s.id)).statusCode).toBe(403);
    expect((await mark(w.office, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await mark(w.office, s.id, { topicId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await mark(w.office, s.id, { note: '长'.repeat(1001) })).statusCode).toBe(400);
    expect((await mark(w.office, s.id, { topicId: 'not-a-uuid' })).statusCode).toBe(400);
    const farTopic = await w.farLeader.inject({ method: 'GET', url: '/api/suggestion-key-items' });
    expect(farTopic.json().items.some((i: { suggestionId: string }) => i.suggestionId === s.id)).toBe(false);
    // Progress on a suggestion that is not a key item, and in the future, are refused.
    const notKey = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/progress-reports`,
      payload: { reportedOn: today, text: '进展' },
    });
    expect(notKey.statusCode).toBe(409);
    expect((await mark(w.office, s.id)).statusCode).toBe(200);
    const future = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/progress-reports`,
      payload: { reportedOn: `${year + 1}-01-01`, text: '进展' },
    });
    expect(future.statusCode).toBe(400);
    const tooLong = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/progress-reports`,
      payload: { reportedOn: today, text: '长'.repeat(2001) },
    });
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('urging units', () => {
  it('records each urging, counts them, and tells the unit in the app and by SMS', async () => {
    const s = await acceptedSuggestion(w);
    const [lead] = await assignRows(t, s.id, [{ unitId: w.units[0]?.id as string }]);
    const first = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: lead?.id, note: '请于本周内报送办理进展' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ count: 1, unit: { id: w.units[0]?.id }, note: '请于本周内报送办理进展' });
    const second = await w.leader.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: lead?.id },
    });
    expect(second.json().count).toBe(2);
    expect(await t.deps.db.select().from(suggestionUrgings).where(eq(suggestionUrgings.suggestionId, s.id))).toHaveLength(2);

    const events = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, s.id), eq(outbox.topic, URGED_TOPIC)));
    expect(events).toHaveLength(2);
    expect(events[0]?.payload).toMatchObject({ unitId: w.units[0]?.id, assignmentId: lead?.id });

    await runOutboxOnce(t.deps, { topics: [URGED_TOPIC], log: () => {} });
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.outboxId, events[0]?.id as number));
    expect(notes.map((n) => n.channel).sort()).toEqual(['in_app', 'sms']);
    expect(notes.every((n) => n.recipientUserId === w.unitAgents[0]?.user.id)).toBe(true);
    expect(notes.find((n) => n.channel === 'in_app')?.body).toContain('第1次催办');

    // The unit sees the urgings addressed to it; the other unit sees none of them.
    const mine = await w.unitAgents[0]?.inject({ method: 'GET', url: `/api/suggestion-urgings?suggestionId=${s.id}` });
    expect(mine?.json().total).toBe(2);
    const others = await w.unitAgents[1]?.inject({ method: 'GET', url: `/api/suggestion-urgings?suggestionId=${s.id}` });
    expect(others?.json().total).toBe(0);
    const auditor = await w.auditor.inject({ method: 'GET', url: '/api/suggestion-urgings' });
    expect(auditor.statusCode).toBe(403);
  });

  it('ships the urging notice in Chinese and English on every channel, with declared variables only', async () => {
    const res = await w.sysadmin.inject({ method: 'GET', url: '/api/notification-templates' });
    expect(res.statusCode).toBe(200);
    const mine = (res.json().items as { key: string; channel: string; locale: string; declared: boolean; body: string }[]).filter(
      (i) => i.key === URGED_TOPIC,
    );
    expect(mine.map((i) => `${i.channel}/${i.locale}`).sort()).toEqual([
      'email/en',
      'email/zh',
      'in_app/en',
      'in_app/zh',
      'sms/en',
      'sms/zh',
    ]);
    expect(mine.every((i) => i.declared)).toBe(true);
  });

  it('refuses urging by a unit or a leader out of the region, on an unknown assignment, before assignment, or with too long a note', async () => {
    const s = await acceptedSuggestion(w);
    const before = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(before.statusCode).toBe(409);
    const [lead] = await assignRows(t, s.id, [{ unitId: w.units[0]?.id as string }]);
    const byUnit = await w.unitAgents[0]?.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: lead?.id },
    });
    expect(byUnit?.statusCode).toBe(403);
    const unknown = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
    const longNote = await w.office.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: lead?.id, note: '催'.repeat(501) },
    });
    expect(longNote.statusCode).toBe(400);
    const farLeader = await w.farLeader.inject({
      method: 'POST',
      url: `/api/suggestions/${s.id}/urgings`,
      payload: { assignmentId: lead?.id },
    });
    expect(farLeader.statusCode).toBe(403);
    expect(await t.deps.db.select().from(suggestionUrgings).where(eq(suggestionUrgings.suggestionId, s.id))).toHaveLength(0);
  });
});

describe('coordination meetings', () => {
  it('records a meeting with the units, the suggestions and the problems it settled', async () => {
    const s1 = await acceptedSuggestion(w);
    const s2 = await acceptedSuggestion(w);
    const res = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-coordination-meetings',
      payload: {
        congressId: w.congress.id,
        heldOn: today,
        place: '县人大常委会第一会议室',
        attendees: '常委会副主任、交通运输局、自然资源局负责同志，领衔代表',
        unitIds: w.units.map((u) => u.id),
        suggestionIds: [s1.id, s2.id],
        problems: [
          { problem: '道路改造用地指标不足', result: '自然资源局调剂用地指标，年内完成报批', suggestionId: s1.id },
          { problem: '施工期间交通组织', result: '交通运输局制定分段施工方案' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json();
    expect(meeting.units).toHaveLength(2);
    expect(meeting.suggestions.map((x: { id: string }) => x.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(meeting.problems).toEqual([
      { position: 1, problem: '道路改造用地指标不足', result: '自然资源局调剂用地指标，年内完成报批', suggestionId: s1.id },
      { position: 2, problem: '施工期间交通组织', result: '交通运输局制定分段施工方案', suggestionId: null },
    ]);
    const list = await w.leader.inject({
      method: 'GET',
      url: `/api/suggestion-coordination-meetings?year=${year}&congressId=${w.congress.id}`,
    });
    expect(list.json().items.find((m: { id: string }) => m.id === meeting.id)).toMatchObject({
      problemCount: 2,
      suggestionCount: 2,
    });
    const far = await w.farLeader.inject({ method: 'GET', url: `/api/suggestion-coordination-meetings/${meeting.id}` });
    expect(far.statusCode).toBe(403);
    const unit = await w.unitStaff.inject({ method: 'GET', url: `/api/suggestion-coordination-meetings/${meeting.id}` });
    expect(unit.statusCode).toBe(403);
  });

  it('refuses a meeting with unknown suggestions or units, a problem of another suggestion, or a result missing', async () => {
    const s = await acceptedSuggestion(w);
    const base = { congressId: w.congress.id, heldOn: today, place: '会议室', attendees: '有关单位', suggestionIds: [s.id] };
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ ...base, suggestionIds: ['00000000-0000-4000-8000-000000000000'] }, 400, 'SUGGESTION_NOT_OF_CONGRESS'],
      [{ ...base, unitIds: [w.committee.id] }, 400, 'UNIT_UNKNOWN'],
      [{ ...base, problems: [{ problem: '问题', result: '结果', suggestionId: '00000000-0000-4000-8000-000000000000' }] }, 400],
      [{ ...base, problems: [{ problem: '问题', result: '' }] }, 400],
      [{ ...base, place: '地'.repeat(201) }, 400],
      [{ ...base, suggestionIds: [] }, 400],
      [{ ...base, heldOn: '2026-13-01' }, 400],
      [{ ...base, heldOn: dayAfter(today) }, 400, 'MEETING_DATE_INVALID'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await w.office.inject({ method: 'POST', url: '/api/suggestion-coordination-meetings', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      if (code) expect(res.json().code).toBe(code);
    }
    const other = await agentFor(t.app, { role: 'office_staff', regionCode: w.county.slice(0, 2) === '11' ? '12' : '11' });
    const out = await other.inject({ method: 'POST', url: '/api/suggestion-coordination-meetings', payload: base });
    expect(out.statusCode).toBe(403);
  });
});

describe('finding a suggestion to coordinate by its number', () => {
  it('matches "109", "109号" and "第109号" to suggestion 109 of the congress', async () => {
    const s = await acceptedSuggestion(w);
    const number = (await w.office.inject({ method: 'GET', url: `/api/suggestions/${s.id}` })).json().number as number;
    expect(number).toBeGreaterThan(0);
    for (const q of [String(number), `${number}号`, `第${number}号`, `第 ${number} 号`]) {
      const res = await w.office.inject({
        method: 'GET',
        url: `/api/suggestions?congressId=${w.congress.id}&q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res.json().items.map((i: { id: string }) => i.id),
        q,
      ).toContain(s.id);
    }
  });
});

describe('correcting and deleting a coordination meeting', () => {
  const url = '/api/suggestion-coordination-meetings';
  async function recorded() {
    const [s1, s2] = [await acceptedSuggestion(w), await acceptedSuggestion(w)];
    const res = await w.office.inject({
      method: 'POST',
      url,
      payload: {
        congressId: w.congress.id,
        heldOn: today,
        place: '会议室',
        attendees: '有关单位',
        unitIds: w.units.map((u) => u.id),
        suggestionIds: [s1.id, s2.id],
        problems: [{ problem: '用地指标', result: '调剂解决', suggestionId: s1.id }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { meeting: res.json() as { id: string }, s1, s2 };
  }

  it('writes the corrected meeting whole, and refuses another congress, a later date or a stranger', async () => {
    const { meeting, s2 } = await recorded();
    const corrected = {
      congressId: w.congress.id,
      heldOn: today,
      place: '县人大常委会第二会议室',
      attendees: '有关单位负责同志',
      summary: '更正：会议地点记错',
      unitIds: [w.units[0]?.id],
      suggestionIds: [s2.id],
      problems: [
        { problem: '施工时序', result: '分段施工', suggestionId: s2.id },
        { problem: '资金来源', result: '列入明年预算' },
      ],
    };
    const res = await w.office.inject({ method: 'PUT', url: `${url}/${meeting.id}`, payload: corrected });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: meeting.id, place: corrected.place, summary: corrected.summary });
    expect(res.json().units.map((u: { id: string }) => u.id)).toEqual([w.units[0]?.id]);
    expect(res.json().suggestions.map((x: { id: string }) => x.id)).toEqual([s2.id]);
    expect(res.json().problems.map((p: { position: number; problem: string }) => [p.position, p.problem])).toEqual([
      [1, '施工时序'],
      [2, '资金来源'],
    ]);
    const refused: [object, number, string?][] = [
      [{ ...corrected, congressId: '00000000-0000-4000-8000-000000000000' }, 400, 'MEETING_CONGRESS_FIXED'],
      [{ ...corrected, heldOn: dayAfter(today) }, 400, 'MEETING_DATE_INVALID'],
      [{ ...corrected, suggestionIds: [] }, 400],
    ];
    for (const [payload, status, code] of refused) {
      const bad = await w.office.inject({ method: 'PUT', url: `${url}/${meeting.id}`, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(status);
      if (code) expect(bad.json().code).toBe(code);
    }
    const far = await w.farLeader.inject({ method: 'PUT', url: `${url}/${meeting.id}`, payload: corrected });
    expect(far.statusCode).toBe(403);
    const unknown = await w.office.inject({
      method: 'PUT',
      url: `${url}/00000000-0000-4000-8000-000000000000`,
      payload: corrected,
    });
    expect(unknown.statusCode).toBe(404);
    // Nothing of the refused corrections was written.
    const after = await w.office.inject({ method: 'GET', url: `${url}/${meeting.id}` });
    expect(after.json()).toMatchObject({ place: corrected.place, heldOn: today });
    expect(after.json().problems).toHaveLength(2);
  });

  it('deletes a meeting whole, once, and only for a supervisor of its region', async () => {
    const { meeting } = await recorded();
    const far = await w.farLeader.inject({ method: 'DELETE', url: `${url}/${meeting.id}` });
    expect(far.statusCode).toBe(403);
    const res = await w.office.inject({ method: 'DELETE', url: `${url}/${meeting.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: meeting.id, deleted: true });
    expect((await w.office.inject({ method: 'GET', url: `${url}/${meeting.id}` })).statusCode).toBe(404);
    expect((await w.office.inject({ method: 'DELETE', url: `${url}/${meeting.id}` })).statusCode).toBe(404);
    const list = await w.leader.inject({ method: 'GET', url: `${url}?congressId=${w.congress.id}` });
    expect(list.json().items.some((m: { id: string }) => m.id === meeting.id)).toBe(false);
  });

  it('applies two corrections at the same moment one after the other', async () => {
    const { meeting, s1 } = await recorded();
    const body = (place: string) => ({
      congressId: w.congress.id,
      heldOn: today,
      place,
      attendees: '有关单位',
      suggestionIds: [s1.id],
      problems: [{ problem: place, result: '结果', suggestionId: s1.id }],
    });
    const [a, b] = await Promise.all([
      w.office.inject({ method: 'PUT', url: `${url}/${meeting.id}`, payload: body('甲会议室') }),
      w.office.inject({ method: 'PUT', url: `${url}/${meeting.id}`, payload: body('乙会议室') }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const after = (await w.office.inject({ method: 'GET', url: `${url}/${meeting.id}` })).json();
    // One correction whole, never a mixture: the place and the one problem come from the same body.
    expect(after.problems).toHaveLength(1);
    expect(after.problems[0].problem).toBe(after.place);
  });
});

describe('leaders and committees to supervise a topic', () => {
  type Listed = { id: string; name: string; regionCode: string; regionName: string | null };
  const supervisors = async (agent: SupervisionWorld['office'], query = '') => {
    const res = await agent.inject({ method: 'GET', url: `/api/suggestion-supervisors${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { leaders: Listed[]; committees: Listed[] };
  };
  const ids = (xs: Listed[]) => xs.map((x) => x.id);

  it('lists the active leaders and special committees the congress accepts, within the region', async () => {
    const named = await namedLeader(t, w.county, '王建国');
    const gone = await namedLeader(t, w.county, '王建华');
    await t.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, gone.user.id));
    const city = await namedLeader(t, w.county.slice(0, 4), '市人大常委会副主任');

    const mine = await supervisors(w.office, `?congressId=${w.congress.id}`);
    expect(ids(mine.leaders)).toEqual(expect.arrayContaining([w.leader.user.id, named.user.id]));
    // Not the disabled account, nor the office, nor the city's leader above the office's region.
    for (const id of [gone.user.id, w.office.user.id, city.user.id, w.farLeader.user.id])
      expect(ids(mine.leaders)).not.toContain(id);
    expect(mine.leaders.find((l) => l.id === named.user.id)).toMatchObject({ name: '王建国', regionCode: w.county });
    expect(ids(mine.committees)).toContain(w.committee.id);
    expect(ids(mine.committees)).not.toContain(w.units[0]?.id);

    // The city's leader covers the county's congress: a city account sees it among the choices.
    const cityLeader = await supervisors(city, `?congressId=${w.congress.id}`);
    expect(ids(cityLeader.leaders)).toEqual(expect.arrayContaining([city.user.id, w.leader.user.id]));

    // Each leader listed is one the topic accepts.
    const res = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-supervision-topics',
      payload: { congressId: w.congress.id, year, name: `王建国督办专题${Math.random()}`, leaderId: named.user.id },
    });
    expect(res.statusCode, res.body).toBe(201);

    const far = await supervisors(w.farLeader);
    expect(ids(far.leaders)).not.toContain(w.leader.user.id);
    expect(ids(far.committees)).not.toContain(w.committee.id);
  });

  it('finds a leader or committee by name, pinyin or initials', async () => {
    const named = await namedLeader(t, w.county, '赵督办');
    for (const q of ['赵督', 'zhaodu', 'zdb']) {
      const found = await supervisors(w.office, `?congressId=${w.congress.id}&q=${encodeURIComponent(q)}`);
      expect(ids(found.leaders), q).toEqual([named.user.id]);
    }
    // pinyin-pro abbreviates 二 "er" as "e"; people type "r" (as in HRB for 哈尔滨).
    const er = await namedLeader(t, w.county, '李二虎');
    const children = await buildOrganization(t.deps.db, {
      regionCode: w.county,
      kind: 'special_committee',
      name: `儿童权益委员会${uniq()}`,
    });
    for (const q of ['leh', 'lrh']) expect(ids((await supervisors(w.office, `?q=${q}`)).leaders), q).toEqual([er.user.id]);
    for (const q of ['etqy', 'rtqy']) expect(ids((await supervisors(w.office, `?q=${q}`)).committees), q).toContain(children.id);
    const committee = w.committee.name.slice(0, 3);
    const byName = await supervisors(w.office, `?q=${encodeURIComponent(committee)}`);
    expect(ids(byName.committees)).toContain(w.committee.id);
    expect((await supervisors(w.office, '?q=cjw')).committees.map((c) => c.id)).toContain(w.committee.id);
    expect((await supervisors(w.office, `?q=${encodeURIComponent('没有这个名字')}`)).leaders).toEqual([]);
  });

  it('refuses units, the auditor, a congress out of the region or unknown, and too long a search', async () => {
    const url = (q: string) => `/api/suggestion-supervisors${q}`;
    expect((await w.unitStaff.inject({ method: 'GET', url: url('') })).statusCode).toBe(403);
    expect((await w.auditor.inject({ method: 'GET', url: url('') })).statusCode).toBe(403);
    expect((await w.farOffice.inject({ method: 'GET', url: url(`?congressId=${w.congress.id}`) })).statusCode).toBe(403);
    const unknown = await w.office.inject({ method: 'GET', url: url('?congressId=00000000-0000-4000-8000-000000000000') });
    expect(unknown.statusCode).toBe(404);
    const long = await w.office.inject({
      method: 'GET',
      url: url(`?q=${'长'.repeat(51)}`),
      headers: { 'accept-language': 'en' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0]).toMatchObject({ path: 'q', message: 'The search text is limited to 50 characters' });
  });
});

describe('a unit reporting progress on a key item', () => {
  const reports = (agent: SupervisionWorld['office'] | undefined, id: string) =>
    agent?.inject({ method: 'GET', url: `/api/suggestions/${id}/progress-reports` });
  const post = (agent: SupervisionWorld['office'] | undefined, id: string, payload: Record<string, unknown>) =>
    agent?.inject({ method: 'POST', url: `/api/suggestions/${id}/progress-reports`, payload });

  it('lets the lead unit file the first report once the suggestion is a key item', async () => {
    const s = await acceptedSuggestion(w);
    const [lead] = await assignRows(t, s.id, [{ unitId: w.units[0]?.id as string }]);
    const leadUnit = w.unitAgents[0];

    const before = await reports(leadUnit, s.id);
    expect(before?.statusCode).toBe(200);
    expect(before?.json()).toEqual({ items: [], keyItem: false });
    const early = await post(leadUnit, s.id, { reportedOn: today, text: '已完成方案', assignmentId: lead?.id });
    expect(early?.json().code).toBe('NOT_KEY_ITEM');

    expect((await mark(w.office, s.id)).statusCode).toBe(200);
    expect((await reports(leadUnit, s.id))?.json()).toEqual({ items: [], keyItem: true });
    const first = await post(leadUnit, s.id, { reportedOn: today, text: '已完成方案设计，正在招标', assignmentId: lead?.id });
    expect(first?.statusCode, first?.body).toBe(201);
    expect(first?.json()).toMatchObject({ side: 'unit', assignmentId: lead?.id, unit: { id: w.units[0]?.id } });
    expect((await reports(leadUnit, s.id))?.json()).toMatchObject({ keyItem: true, items: [{ id: first?.json().id }] });
    const supervisor = await w.leader.inject({ method: 'GET', url: `/api/suggestions/${s.id}/supervision` });
    expect(supervisor.json().key.lastReport).toMatchObject({ side: 'unit', text: '已完成方案设计，正在招标' });
  });

  it("refuses a unit's report without its assignment, on another unit's, after a return, or by a unit not assigned", async () => {
    const s = await acceptedSuggestion(w);
    const [lead, co] = await assignRows(t, s.id, [
      { unitId: w.units[0]?.id as string, role: 'lead' },
      { unitId: w.units[1]?.id as string, role: 'co' },
    ]);
    expect((await mark(w.office, s.id)).statusCode).toBe(200);
    const body = { reportedOn: today, text: '进展' };
    expect((await post(w.unitAgents[0], s.id, body))?.json().code).toBe('ASSIGNMENT_REQUIRED');
    expect((await post(w.unitAgents[1], s.id, { ...body, assignmentId: lead?.id }))?.statusCode).toBe(403);
    expect((await post(w.unitStaff, s.id, { ...body, assignmentId: lead?.id }))?.statusCode).toBe(403);
    expect((await reports(w.unitStaff, s.id))?.statusCode).toBe(403);
    await t.deps.db
      .update(suggestionAssignments)
      .set({ status: 'returned' })
      .where(eq(suggestionAssignments.id, co?.id as string));
    expect((await post(w.unitAgents[1], s.id, { ...body, assignmentId: co?.id }))?.statusCode).toBe(403);
    expect((await reports(w.unitAgents[0], s.id))?.json().items).toEqual([]);
  });
});
