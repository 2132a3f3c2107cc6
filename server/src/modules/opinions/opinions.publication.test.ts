import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniq } from '../../test/factories.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const PHONE = '13812345678';
const ID = '230102199003071234';

/** A case whose text names the constituent and carries a phone, an ID number and a door number. */
async function closedCase(o: { consentPublish?: boolean; close?: boolean } = {}) {
  // Letters only: ten random hex digits are now and then all digits, which the redaction rightly takes for a phone.
  const marker = uniq().replace(/\d/g, (d) => 'ghijklmnop'.charAt(Number(d)));
  const opinion = await buildOpinion(t.deps, {
    stationId: w.station.id,
    title: `王秀兰反映楼道漏水${marker}`,
    content: `我叫王秀兰，住幸福路8号3单元，身份证${ID}，电话${PHONE}。楼道漏水两个月了。${marker}`,
    submitter: { name: '王秀兰', phone: PHONE, address: '幸福路8号3单元', nameHidden: false },
    consentPublish: o.consentPublish ?? true,
  });
  await advance(w, opinion.id, 'awaiting_evaluation');
  if (o.close !== false) await step(w.stationStaff, opinion.id, 'evaluate', { evaluation: 'satisfied' });
  return { opinion, marker };
}

const draftOf = (id: string) => w.office.inject({ method: 'GET', url: `/api/opinions/${id}/publication` });
const publish = (id: string, body: Record<string, unknown>) =>
  w.office.inject({ method: 'POST', url: `/api/opinions/${id}/publication`, payload: body });
const publicList = (q: string) => t.app.inject({ method: 'GET', url: `/api/public/opinions/published?${q}` });

describe('publishing a closed case', () => {
  it('offers a redacted draft, publishes the office’s edit, and shows the public only that', async () => {
    const { opinion, marker } = await closedCase();
    const draft = await draftOf(opinion.id);
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json();
    expect(d).toMatchObject({ state: 'closed', consentPublish: true, published: false, refusal: null });
    expect(d.draft.title).toBe(`王某反映楼道漏水${marker}`);
    expect(d.draft.text).toBe(`我叫王某，住[住址已隐去]，身份证[身份证号已隐去]，电话[电话已隐去]。楼道漏水两个月了。${marker}`);
    expect(d.draft.reply).toBe('已更换路灯。');
    expect(d.found).toMatchObject({ name: 2, address: 1, id_number: 1, phone: 1 });

    // The office edits — and types the phone back in by mistake: it is masked all the same.
    const res = await publish(opinion.id, {
      title: `幸福路楼道漏水${marker}`,
      text: `${d.draft.text} 联系 ${PHONE}`,
      reply: '已维修楼道水管，王秀兰表示满意。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ published: true, draft: { title: `幸福路楼道漏水${marker}` } });

    const list = await publicList(`stationCode=${encodeURIComponent(w.station.code)}`);
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 1, page: 1 });
    expect(body.items[0]).toMatchObject({
      id: opinion.id,
      title: `幸福路楼道漏水${marker}`,
      reply: '已维修楼道水管，王某表示满意。',
      replyResult: 'resolved',
      stationName: w.station.name,
    });
    expect(body.items[0].text).toContain('联系 [电话已隐去]');
    for (const secret of [PHONE, ID, '王秀兰', '幸福路8号3单元', opinion.trackingCode]) expect(list.body).not.toContain(secret);

    const timeline = (await w.office.inject({ method: 'GET', url: `/api/opinions/${opinion.id}/timeline` })).json();
    expect(timeline.items.at(-1)).toMatchObject({ action: 'publish', label: { zh: '公开' } });

    // Open311 shows the published wording, not the constituent's own.
    const o311 = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${opinion.trackingCode}.json` });
    expect(o311.json()[0].description).toContain('联系 [电话已隐去]');

    // Withdrawn: gone from the public list, the wording kept for later.
    const withdraw = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${opinion.id}/publication/withdraw`,
      payload: { reason: '群众要求撤回' },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect(withdraw.json()).toMatchObject({ published: false, publishedAt: null, draft: { title: `幸福路楼道漏水${marker}` } });
    expect((await publicList(`stationCode=${encodeURIComponent(w.station.code)}`)).json().total).toBe(0);
    const again = await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${opinion.id}/publication/withdraw`,
      payload: { reason: '再次撤回' },
    });
    expect(again.statusCode).toBe(409);
    const last = (await w.office.inject({ method: 'GET', url: `/api/opinions/${opinion.id}/timeline` })).json().items.at(-1);
    expect(last).toMatchObject({ action: 'unpublish', note: '群众要求撤回' });
  });

  it('refuses without consent, before closing, to other roles and offices, and bad input', async () => {
    const noConsent = (await closedCase({ consentPublish: false })).opinion;
    const refused = await publish(noConsent.id, { title: '标题', text: '内容' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'NO_PUBLISH_CONSENT', message: expect.stringContaining('未同意公开') });
    expect((await draftOf(noConsent.id)).json().refusal).toMatchObject({ zh: '群众未同意公开该意见，不能公开' });

    const open = (await closedCase({ close: false })).opinion;
    const notClosed = await publish(open.id, { title: '标题', text: '内容' });
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().code).toBe('OPINION_NOT_CLOSED');

    const { opinion } = await closedCase();
    for (const agent of [w.deputy, w.stationStaff, w.leader, w.unitStaff]) {
      expect(
        (
          await agent.inject({
            method: 'POST',
            url: `/api/opinions/${opinion.id}/publication`,
            payload: { title: 'a', text: 'b' },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect(
      (
        await w.farOffice.inject({
          method: 'POST',
          url: `/api/opinions/${opinion.id}/publication`,
          payload: { title: 'a', text: 'b' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await publish(opinion.id, { title: '', text: '内容' })).statusCode).toBe(400);
    expect((await publish(opinion.id, { title: '标题', text: 'x'.repeat(3001) })).statusCode).toBe(400);
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, opinion.id));
    expect(row?.published).toBe(false);

    expect((await publicList('stationCode=NO-SUCH-STATION')).statusCode).toBe(404);
    expect((await publicList('page=0')).statusCode).toBe(400);
    const all = await publicList('pageSize=50');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.every((i: { text: string }) => !i.text.includes(PHONE))).toBe(true);
  });
});
