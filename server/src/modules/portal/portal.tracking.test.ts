import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { advance, buildCaseWorld, type CaseWorld, step } from '../../test/factories.opinions.js';
import { JPEG, portalFields, randomMobile, submitToPortal } from '../../test/factories.portal.js';
import { intakeRegistrar } from '../opinions/opinions.registrar.js';
import { opinions } from '../opinions/opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

interface Raised {
  id: string;
  code: string;
  phone: string;
  last4: string;
}

/** A case raised through the portal, as a constituent would. */
async function raise(o: Record<string, string> = {}, photos = [{ filename: 'lamp.jpg', content: JPEG }]): Promise<Raised> {
  const phone = randomMobile();
  const res = await submitToPortal(t.app, portalFields(w.station.code, { phone, name: '周八', ...o }), { photos });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().trackingCode as string;
  // The registrar makes the case just after the answer.
  await intakeRegistrar(t.deps).settled();
  const [row] = await t.deps.db.select({ id: opinions.id }).from(opinions).where(eq(opinions.trackingCode, code));
  return { id: row!.id, code, phone, last4: phone.slice(-4) };
}

const track = (code: string, last4: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/public/opinions/${code}?last4=${last4}`, headers });

const rate = (code: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/public/opinions/${code}/evaluation`, payload: body });

describe('tracking', () => {
  it('shows the case to the code and the last four digits, never the person’s name or phone', async () => {
    const c = await raise();
    const res = await track(c.code, c.last4);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      trackingCode: c.code,
      state: 'submitted',
      stage: 'submitted',
      stationName: w.station.name,
      reply: null,
      evaluation: null,
      canEvaluate: false,
      steps: [{ action: 'submit', label: '意见已提交' }],
    });
    expect(view.photos).toHaveLength(1);
    for (const secret of [c.phone, '周八', '周*', '****']) expect(res.body).not.toContain(secret);
    expect(res.headers['cache-control']).toBe('no-store');
    // Typed in lower case from a paper slip: still found.
    expect((await track(c.code.toLowerCase(), c.last4)).statusCode).toBe(200);
    expect((await track(c.code, c.last4, { 'accept-language': 'en' })).json().steps[0].label).toBe('Submitted');

    const photo = await t.app.inject({ method: 'GET', url: view.photos[0].url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(JPEG)).toBe(true);
    const wrongPhoto = await t.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${c.code}/photos/${view.photos[0].id}?last4=${c.last4 === '0000' ? '1111' : '0000'}`,
    });
    expect(wrongPhoto.statusCode).toBe(404);
    const other = await raise();
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${other.code}/photos/${view.photos[0].id}?last4=${other.last4}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('answers an unknown code and wrong digits alike, and locks a code after ten wrong guesses', async () => {
    const c = await raise();
    const wrong = c.last4 === '9999' ? '0000' : '9999';
    const a = await track(c.code, wrong);
    const b = await track('ZZZZ2345', '1234');
    const malformed = await track('not-a-code', '1234');
    expect([a.statusCode, b.statusCode, malformed.statusCode]).toEqual([404, 404, 404]);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toEqual(malformed.json());
    expect(a.json().message).toContain('查询码');
    expect((await track(c.code, '12a4')).statusCode).toBe(400);

    for (let i = 0; i < 9; i++) expect((await track(c.code, wrong)).statusCode).toBe(404);
    const locked = await track(c.code, c.last4);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toContain('一小时');
    // Other codes are not affected.
    const d = await raise();
    expect((await track(d.code, d.last4)).statusCode).toBe(200);
  });

  it('shows public steps and the answer, lets the constituent rate it once, and keeps internal steps inside', async () => {
    const c = await raise();
    const early = await rate(c.code, { last4: c.last4, evaluation: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('待受理');
    await advance(w, c.id, 'handling');
    const urged = await w.office.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge`, payload: { note: '内部催办说明' } });
    expect(urged.statusCode, urged.body).toBe(200);
    await step(w.unitStaff, c.id, 'reply', { result: 'resolved', text: '已更换路灯。' });

    const replied = (await track(c.code, c.last4)).json();
    expect(replied).toMatchObject({
      state: 'replied',
      stage: 'replied',
      canEvaluate: false,
      reply: { result: 'resolved', text: '已更换路灯。', unitName: w.unit.name, repliedAt: expect.any(String) },
    });
    const notYet = await rate(c.code, { last4: c.last4, evaluation: 'satisfied' });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toContain('已答复');

    await step(w.stationStaff, c.id, 'feedback');
    const fedBack = await track(c.code, c.last4);
    expect(fedBack.json().canEvaluate).toBe(true);
    expect(fedBack.json().steps.map((s: { action: string }) => s.action)).toEqual([
      'submit',
      'accept',
      'escalate',
      'transfer',
      'unit_accept',
      'reply',
      'feedback',
    ]);
    expect(fedBack.body).not.toContain('内部催办说明');

    const wrong = c.last4 === '0000' ? '1111' : '0000';
    expect((await rate(c.code, { last4: wrong, evaluation: 'satisfied' })).statusCode).toBe(404);
    expect((await rate(c.code, { last4: c.last4, evaluation: 'great' })).statusCode).toBe(400);
    expect((await rate(c.code, { last4: c.last4, evaluation: 'satisfied', solved: 'yes' })).statusCode).toBe(400);

    const done = await rate(c.code, { last4: c.last4, evaluation: 'satisfied', comment: '<b>谢谢</b> 👍', solved: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'closed', stage: 'closed', evaluation: 'satisfied', canEvaluate: false });
    expect(done.json().steps.at(-1)).toMatchObject({ action: 'evaluate', label: '您已评价' });
    const [row] = await t.deps.database.raw.query<{ evaluation_solved: boolean; evaluation_comment: string }>(
      'SELECT evaluation_solved, evaluation_comment FROM opinions WHERE id = $1',
      [c.id],
    );
    expect(row).toEqual({ evaluation_solved: true, evaluation_comment: '<b>谢谢</b> 👍' });
    expect((await rate(c.code, { last4: c.last4, evaluation: 'unsatisfied' })).statusCode).toBe(409);
  });

  it('sends an unsatisfied case back for handling, and records that it was not solved', async () => {
    const c = await raise();
    await advance(w, c.id, 'awaiting_evaluation');
    const res = await rate(c.code, { last4: c.last4, evaluation: 'unsatisfied', comment: '路灯还是不亮', solved: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'in_review', stage: 'handling', evaluation: 'unsatisfied', canEvaluate: false });
    const [row] = await t.deps.database.raw.query<{ evaluation_solved: boolean }>(
      'SELECT evaluation_solved FROM opinions WHERE id = $1',
      [c.id],
    );
    expect(row?.evaluation_solved).toBe(false);
  });

  it('tells a rejected case why and where to turn, and a merged case the answer of its primary', async () => {
    const r = await raise();
    await step(w.deputy, r.id, 'reject', { reason: '该事项已进入诉讼程序', guidance: '请向人民法院咨询' });
    expect((await track(r.code, r.last4)).json()).toMatchObject({
      state: 'rejected',
      stage: 'rejected',
      rejectReason: '该事项已进入诉讼程序',
      rejectGuidance: '请向人民法院咨询',
    });

    const primary = await raise();
    const duplicate = await raise();
    await step(w.office, duplicate.id, 'merge', { primaryId: primary.id });
    const merged = (await track(duplicate.code, duplicate.last4)).json();
    expect(merged).toMatchObject({ state: 'merged', stage: 'merged', reply: null, canEvaluate: false });
    expect(merged.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'merge']);
    await advance(w, primary.id, 'awaiting_evaluation');
    expect((await track(duplicate.code, duplicate.last4)).json()).toMatchObject({
      stage: 'merged',
      reply: { result: 'resolved', text: '已更换路灯。', unitName: w.unit.name },
    });
  });
});
