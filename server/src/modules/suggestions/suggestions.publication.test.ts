import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  acceptedSuggestion,
  assignRows,
  buildSupervisionWorld,
  replyRow,
  type SupervisionWorld,
} from '../../test/factories.suggestionSupervision.js';
import { suggestionReplies } from './suggestions.handling.tables.js';

let t: TestApp;
let w: SupervisionWorld;
const year = Number(chinaDate(new Date()).slice(0, 4));

const PHONE = '13912345678';
const ID_NUMBER = '110101199003071234';
const ORIGINAL =
  `经研究，幸福路路灯已于本月修复。反映问题的居民张小明（电话${PHONE}，身份证号${ID_NUMBER}）已确认。` +
  '如有疑问请联系城管局李明，电话0451-86661234。';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSupervisionWorld(t);
});
afterAll(async () => {
  await t?.close();
});

/** A sent reply of the first unit, class A, with personal data in its text. */
async function sentReply(text = ORIGINAL) {
  const s = await acceptedSuggestion(w);
  const [lead] = await assignRows(t, s.id, [{ unitId: w.units[0]?.id as string }]);
  if (!lead) throw new Error('no assignment');
  return { suggestion: s, reply: await replyRow(t, lead, { replyClass: 'A', text }) };
}

const draftOf = (replyId: string, names: string[] = []) =>
  w.office.inject({ method: 'POST', url: '/api/suggestion-reply-publications', payload: { replyId, names } });

describe('publishing replies', () => {
  it('publishes the redacted text only: the public page never shows a phone, an ID number or a listed name', async () => {
    const { reply } = await sentReply();
    const drafted = await draftOf(reply.id, ['张小明', '李明']);
    expect(drafted.statusCode, drafted.body).toBe(201);
    const pub = drafted.json();
    expect(pub.status).toBe('draft');
    expect(pub.original.text).toBe(ORIGINAL);
    for (const secret of [PHONE, ID_NUMBER, '张小明', '李明', '86661234']) expect(pub.text).not.toContain(secret);
    expect(pub.text).toContain('张某');

    // Nothing is public while it is a draft.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/suggestion-replies/${pub.id}` })).statusCode).toBe(404);

    // The office edits the redacted text; the original stays as the unit sent it.
    const edited = await w.office.inject({
      method: 'PATCH',
      url: `/api/suggestion-reply-publications/${pub.id}`,
      payload: { version: pub.version, text: `${pub.text}（经代表工委审核公开）` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().original.text).toBe(ORIGINAL);

    const published = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-reply-publications/${pub.id}/publish`,
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');

    const one = await t.app.inject({ method: 'GET', url: `/api/public/suggestion-replies/${pub.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().text).toBe(`${pub.text}（经代表工委审核公开）`);
    expect(one.json()).toMatchObject({ unitName: w.units[0]?.name, replyClass: 'A', year });
    for (const secret of [PHONE, ID_NUMBER, '张小明', '李明', '86661234']) expect(one.body).not.toContain(secret);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/public/suggestion-replies?year=${year}&q=${encodeURIComponent('经代表工委审核公开')}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(pub.id);
    expect(list.body).not.toContain(PHONE);
    const otherYear = await t.app.inject({
      method: 'GET',
      url: `/api/public/suggestion-replies?year=${year - 3}&q=${encodeURIComponent('经代表工委审核公开')}`,
    });
    expect(otherYear.json().items.map((i: { id: string }) => i.id)).not.toContain(pub.id);

    // Withdrawn: gone from the public page at once.
    const unpublished = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-reply-publications/${pub.id}/unpublish`,
      payload: { reason: '单位申请更正' },
    });
    expect(unpublished.statusCode, unpublished.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/suggestion-replies/${pub.id}` })).statusCode).toBe(404);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/public/suggestion-replies?q=${encodeURIComponent('经代表工委审核公开')}`,
    });
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(pub.id);
  });

  it("finds the office's publications by the words of their published title or text, of any status", async () => {
    const { reply } = await sentReply(`关于排水管网改造的答复：已列入计划。标记${Date.now()}`);
    const pub = (await draftOf(reply.id)).json() as { id: string; text: string };
    const mark = /标记\d+/.exec(pub.text)?.[0] as string;
    const found = async (q: string, status = '') => {
      const res = await w.office.inject({
        method: 'GET',
        url: `/api/suggestion-reply-publications?q=${encodeURIComponent(q)}${status ? `&status=${status}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id) as string[];
    };
    expect(await found(mark)).toEqual([pub.id]);
    expect(await found(mark, 'draft')).toEqual([pub.id]);
    expect(await found(mark, 'published')).toEqual([]);
    // LIKE's wildcards are searched as text, not as patterns.
    expect(await found('%')).not.toContain(pub.id);
    const long = await w.office.inject({ method: 'GET', url: `/api/suggestion-reply-publications?q=${'长'.repeat(101)}` });
    expect(long.statusCode).toBe(400);
  });

  it('refuses to publish while a phone or ID number or a listed name is left in the edited text', async () => {
    const { reply } = await sentReply();
    const pub = (await draftOf(reply.id, ['张小明'])).json();
    expect(pub.names).toEqual(['张小明']);
    for (const text of [`请联系${PHONE}`, `身份证${ID_NUMBER}`, '张小明反映的问题已解决']) {
      const current = (await w.office.inject({ method: 'GET', url: `/api/suggestion-reply-publications/${pub.id}` })).json();
      const edited = await w.office.inject({
        method: 'PATCH',
        url: `/api/suggestion-reply-publications/${pub.id}`,
        payload: { version: current.version, text },
      });
      expect(edited.statusCode).toBe(200);
      const res = await w.office.inject({
        method: 'POST',
        url: `/api/suggestion-reply-publications/${pub.id}/publish`,
        payload: {},
      });
      expect(res.statusCode, text).toBe(400);
      expect(res.json().code).toBe('PERSONAL_DATA_LEFT');
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/public/suggestion-replies/${pub.id}` })).statusCode).toBe(404);
  });

  it('refuses bad input, unknown ids, other roles and other regions', async () => {
    const { reply } = await sentReply();
    expect((await draftOf('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await draftOf('not-a-uuid')).statusCode).toBe(400);
    expect((await draftOf(reply.id, ['名'.repeat(51)])).statusCode).toBe(400);
    const leader = await w.leader.inject({
      method: 'POST',
      url: '/api/suggestion-reply-publications',
      payload: { replyId: reply.id },
    });
    expect(leader.statusCode).toBe(403);
    const unit = await w.unitAgents[0]?.inject({
      method: 'POST',
      url: '/api/suggestion-reply-publications',
      payload: { replyId: reply.id },
    });
    expect(unit?.statusCode).toBe(403);
    const far = await w.farOffice.inject({
      method: 'POST',
      url: '/api/suggestion-reply-publications',
      payload: { replyId: reply.id },
    });
    expect(far.statusCode).toBe(403);

    const pub = (await draftOf(reply.id)).json();
    expect((await draftOf(reply.id)).statusCode).toBe(409);
    const tooLong = await w.office.inject({
      method: 'PATCH',
      url: `/api/suggestion-reply-publications/${pub.id}`,
      payload: { version: pub.version, text: '字'.repeat(20001) },
    });
    expect(tooLong.statusCode).toBe(400);
    const stale = await w.office.inject({
      method: 'PATCH',
      url: `/api/suggestion-reply-publications/${pub.id}`,
      payload: { version: pub.version + 5, text: '新文本' },
    });
    expect(stale.statusCode).toBe(409);
    const noReason = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-reply-publications/${pub.id}/unpublish`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const notPublished = await w.office.inject({
      method: 'POST',
      url: `/api/suggestion-reply-publications/${pub.id}/unpublish`,
      payload: { reason: '更正' },
    });
    expect(notPublished.statusCode).toBe(409);

    // A reply still in draft at the unit cannot be published.
    const s = await acceptedSuggestion(w);
    const [lead] = await assignRows(t, s.id, [{ unitId: w.units[1]?.id as string }]);
    const [draftReply] = await t.deps.db
      .insert(suggestionReplies)
      .values({
        suggestionId: s.id,
        regionCode: w.county,
        assignmentId: lead?.id as string,
        unitId: w.units[1]?.id as string,
        text: '草稿',
      })
      .returning();
    expect((await draftOf(draftReply?.id as string)).statusCode).toBe(409);

    // The public routes check their input too.
    expect((await t.app.inject({ method: 'GET', url: '/api/public/suggestion-replies/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/suggestion-replies?year=1800' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/suggestion-replies?q=${'问'.repeat(51)}` })).statusCode).toBe(
      400,
    );
    const pattern = await t.app.inject({ method: 'GET', url: '/api/public/suggestion-replies?q=%25' });
    expect(pattern.statusCode).toBe(200);
  });

  it('previews the redaction of a text for the office', async () => {
    const res = await w.office.inject({
      method: 'POST',
      url: '/api/suggestion-reply-publications/redaction-preview',
      payload: { text: `联系人王小红，手机${PHONE}`, names: ['王小红'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().text).not.toContain(PHONE);
    expect(res.json().text).not.toContain('王小红');
    expect(res.json().found).toMatchObject({ phone: 1 });
  });
});
