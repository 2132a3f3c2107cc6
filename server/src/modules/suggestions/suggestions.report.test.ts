import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  acceptedSuggestion,
  assignRows,
  buildSupervisionWorld,
  consultationRow,
  docxText,
  evaluationRow,
  replyRow,
  type SupervisionWorld,
} from '../../test/factories.suggestionSupervision.js';
import { submitted } from '../../test/factories.suggestions.js';

let t: TestApp;
let w: SupervisionWorld;
const year = Number(chinaDate(new Date()).slice(0, 4));
let keyTitle = '';

/**
 * The year of a congress of its own: four suggestions. s1 to the first unit, replied on time with
 * class A after a face-to-face consultation, rated satisfied, a key item; s2 to the second unit,
 * replied late with class B, rated basically satisfied; s3 to the first unit, not replied yet; s4
 * submitted and waiting for review.
 */
beforeAll(async () => {
  t = await createTestApp();
  w = await buildSupervisionWorld(t);
  const [u1, u2] = w.units.map((u) => u.id) as [string, string];
  const s1 = await acceptedSuggestion(w);
  const s2 = await acceptedSuggestion(w);
  const s3 = await acceptedSuggestion(w);
  await submitted(w);
  const [a1] = await assignRows(t, s1.id, [{ unitId: u1 }]);
  const [a2] = await assignRows(t, s2.id, [{ unitId: u2 }]);
  await assignRows(t, s3.id, [{ unitId: u1 }]);
  if (!a1 || !a2) throw new Error('not assigned');
  await consultationRow(t, a1, w.lead.mandate.id, 'face_to_face');
  await consultationRow(t, a2, w.lead.mandate.id, 'phone');
  await replyRow(t, a1, { replyClass: 'A', onTime: true });
  await replyRow(t, a2, { replyClass: 'B', onTime: false });
  await evaluationRow(t, s1.id, w.lead.mandate.id, 'satisfied');
  await evaluationRow(t, s2.id, w.lead.mandate.id, 'basically_satisfied');
  const marked = await w.leader.inject({ method: 'PUT', url: `/api/suggestions/${s1.id}/key-supervision`, payload: {} });
  expect(marked.statusCode, marked.body).toBe(200);
  keyTitle = marked.json().key.title;
});
afterAll(async () => {
  await t?.close();
});

describe('the annual handling report', () => {
  it('counts the year with the metric definitions of DESIGN §5, overall and per unit', async () => {
    const res = await w.office.inject({ method: 'GET', url: `/api/congresses/${w.congress.id}/handling-report?year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.counts).toEqual({
      submitted: 4,
      accepted: 3,
      assigned: 3,
      replied: 2,
      repliedOnTime: 1,
      classes: { A: 1, B: 1, C: 0, D: 0 },
      faceToFace: 1,
      rated: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 0,
    });
    expect(r.figures).toEqual(
      expect.arrayContaining([
        ['按期答复', '1件（50.0%）'],
        ['解决和基本解决比例（A类）', '50.0%'],
      ]),
    );
    const first = r.units.find((u: { unitId: string }) => u.unitId === w.units[0]?.id);
    expect(first).toMatchObject({ assigned: 2, replied: 1, repliedOnTime: 1, classes: { A: 1 }, faceToFace: 1, satisfied: 1 });
    const second = r.units.find((u: { unitId: string }) => u.unitId === w.units[1]?.id);
    expect(second).toMatchObject({
      assigned: 1,
      replied: 1,
      repliedOnTime: 0,
      classes: { B: 1 },
      faceToFace: 0,
      basicallySatisfied: 1,
    });
    expect(r.keyItems.map((k: { title: string }) => k.title)).toEqual([keyTitle]);

    const before = await w.leader.inject({
      method: 'GET',
      url: `/api/congresses/${w.congress.id}/handling-report?year=${year - 1}`,
    });
    expect(before.json().counts.submitted).toBe(0);
  });

  it('downloads as a .docx whose document holds the year, the counts, the units and the key items', async () => {
    const res = await w.leader.inject({
      method: 'GET',
      url: `/api/congresses/${w.congress.id}/handling-report.docx?year=${year}`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('.docx');
    const text = docxText(res.rawPayload);
    expect(text).toContain(`${w.congress.name}${year}年度代表建议办理情况报告`);
    expect(text).toContain(`${year}年，代表共提出建议4件，立案3件，交办3件，已答复2件，其中按期答复1件`);
    expect(text).toContain('A类）1件，占50.0%');
    expect(text).toContain('见面沟通率50.0%');
    expect(text).toContain('代表满意和基本满意的占100.0%');
    for (const unit of w.units) expect(text).toContain(unit.name);
    expect(text).toContain(keyTitle);
  });

  it('refuses an unknown congress, a bad year, another region, units and the auditor', async () => {
    const url = (id: string, q: string) => `/api/congresses/${id}/handling-report.docx?${q}`;
    expect(
      (await w.office.inject({ method: 'GET', url: url('00000000-0000-4000-8000-000000000000', `year=${year}`) })).statusCode,
    ).toBe(404);
    expect((await w.office.inject({ method: 'GET', url: url(w.congress.id, 'year=abc') })).statusCode).toBe(400);
    expect((await w.office.inject({ method: 'GET', url: url(w.congress.id, 'year=1999') })).statusCode).toBe(400);
    expect((await w.office.inject({ method: 'GET', url: url(w.congress.id, '') })).statusCode).toBe(400);
    expect((await w.farLeader.inject({ method: 'GET', url: url(w.congress.id, `year=${year}`) })).statusCode).toBe(403);
    expect((await w.unitStaff.inject({ method: 'GET', url: url(w.congress.id, `year=${year}`) })).statusCode).toBe(403);
    expect((await w.auditor.inject({ method: 'GET', url: url(w.congress.id, `year=${year}`) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url(w.congress.id, `year=${year}`) })).statusCode).toBe(401);
  });
});
