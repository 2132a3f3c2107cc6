import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { multipart, xlsxOf } from '../../test/factories.deputies.js';
import {
  act,
  buildSuggestionWorld,
  draft,
  type SuggestionWorld,
  step,
  suggestionText,
} from '../../test/factories.suggestions.js';
import { suggestionEvents, suggestionFiles, suggestions } from './suggestions.tables.js';

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSuggestionWorld(t, { cosigners: 2 });
});
afterAll(async () => {
  await t?.close();
});

const countMine = async () =>
  (await t.deps.db.select({ n: count() }).from(suggestions).where(eq(suggestions.leadDeputyId, w.lead.mandate.id)))[0]?.n ?? 0;

const postDraft = (payload: Record<string, unknown>, lang = 'zh') =>
  w.lead.agent.inject({
    method: 'POST',
    url: '/api/suggestions',
    headers: { 'accept-language': lang },
    payload: { sessionId: w.session.id, ...suggestionText(), ...payload },
  });

describe('limits of every field', () => {
  it('refuses each bad draft with a clear 400 and writes nothing', async () => {
    const before = await countMine();
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ title: '' }, 'VALIDATION', '请填写案由（标题）'],
      [{ title: '   ' }, 'VALIDATION', '请填写案由（标题）'],
      [{ title: '长'.repeat(101) }, 'VALIDATION', '案由不能超过 100 个字'],
      [{ title: 42 }, 'VALIDATION'],
      [{ grounds: '据'.repeat(5001) }, 'VALIDATION', '案据不能超过 5000 个字'],
      [{ proposal: '案'.repeat(5001) }, 'VALIDATION', '方案不能超过 5000 个字'],
      [{ proposal: ['a'] }, 'VALIDATION', '方案应为文字'],
      [{ kind: 'petition' }, 'VALIDATION', '类型应为 suggestion（建议）或 motion（议案）'],
      [{ sessionId: 'abc' }, 'VALIDATION', '会议编号格式不正确'],
      [{ sessionId: randomUUID() }, 'SESSION_NOT_FOUND', '所选会议不存在'],
      [{ sessionId: null, termId: randomUUID() }, 'TERM_NOT_FOUND', '所选届次不存在'],
      [{ categoryId: randomUUID() }, 'CATEGORY_NOT_FOUND', '建议类别不存在或已停用'],
      [{ byDelegation: 'yes' }, 'VALIDATION', 'byDelegation 应为 true 或 false'],
      [{ cosignerIds: 'x' }, 'VALIDATION'],
      [{ cosignerIds: [w.cosigners[0]!.mandate.id, w.cosigners[0]!.mandate.id] }, 'VALIDATION', '联名代表有重复'],
      [{ cosignerIds: Array.from({ length: 101 }, () => randomUUID()) }, 'VALIDATION', '一次最多邀请 100 名代表'],
      [{ cosignerIds: ['not-an-id'] }, 'VALIDATION', '代表编号格式不正确'],
    ];
    for (const [body, code, message] of cases) {
      const res = await postDraft(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe(code);
      if (message) expect(res.json().message).toContain(message);
    }
    const en = await postDraft({ title: '长'.repeat(101) }, 'en');
    expect(en.json().message).toContain('The title is limited to 100 characters');
    expect(await countMine()).toBe(before);
  });

  it('counts characters, not bytes: a hundred-character title of rare characters and a full 5000-character text fit', async () => {
    const res = await postDraft({ title: '𠀀'.repeat(100), grounds: '据'.repeat(5000), proposal: '🙂'.repeat(5000) });
    expect(res.statusCode, res.body).toBe(201);
    expect([...res.json().title]).toHaveLength(100);
  });

  it('refuses a request body over the limit with 413, not a crash', async () => {
    const res = await postDraft({ grounds: '据'.repeat(400_000) });
    expect(res.statusCode).toBe(413);
  });

  it('limits edits, invitations, answers, notes, checks and list queries', async () => {
    const s = await draft(w.lead.agent, w);
    const patch = (payload: Record<string, unknown>) =>
      w.lead.agent.inject({ method: 'PATCH', url: `/api/suggestions/${s.id}`, payload });
    expect((await patch({ title: '长'.repeat(101) })).statusCode).toBe(400);
    expect((await patch({ sessionId: w.session.id, termId: w.term.id })).json().code).toBe('VALIDATION');
    expect((await patch({ kind: 'x' })).statusCode).toBe(400);
    const invite = (payload: unknown) =>
      w.lead.agent.inject({ method: 'POST', url: `/api/suggestions/${s.id}/cosigners`, payload: payload as object });
    expect((await invite({ deputyIds: [] })).json().message).toContain('请选择要邀请的代表');
    expect((await invite({})).statusCode).toBe(400);
    expect((await act(w.lead.agent, s.id, 'withdraw', { note: '长'.repeat(1001) })).json().message).toContain(
      '不能超过 1000 个字符',
    );
    expect((await act(w.lead.agent, s.id, 'fly')).json().message).toContain('不支持的操作');
    expect((await act(w.lead.agent, 'nope', 'submit')).statusCode).toBe(400);
    expect((await act(w.lead.agent, randomUUID(), 'submit')).statusCode).toBe(404);

    await step(w.lead.agent, s.id, 'submit');
    const answerWith = (payload: Record<string, unknown>) =>
      w.cosigners[0]!.agent.inject({ method: 'POST', url: `/api/suggestions/${s.id}/cosignature`, payload });
    expect((await answerWith({ decision: 'maybe' })).json().message).toContain('请选择 confirm（同意联名）或 decline（不同意）');
    expect((await answerWith({ decision: 'decline', reason: '长'.repeat(501) })).statusCode).toBe(400);

    const check = (payload: Record<string, unknown>) =>
      w.lead.agent.inject({ method: 'POST', url: '/api/suggestions/check', payload });
    expect((await check({})).statusCode).toBe(400);
    expect((await check({ title: '关于路灯的建议', congressId: 'x' })).statusCode).toBe(400);
    expect((await check({ title: '关于路灯的建议', congressId: randomUUID() })).json().code).toBe('CONGRESS_NOT_FOUND');

    const list = (q: string) => w.office.inject({ method: 'GET', url: `/api/suggestions?${q}` });
    expect((await list('state=nope')).statusCode).toBe(400);
    expect((await list('pageSize=500')).statusCode).toBe(400);
    expect((await list(`q=${'长'.repeat(101)}`)).statusCode).toBe(400);
    expect((await list('box=lead&kind=motion&phase=recess')).statusCode).toBe(200);
  });

  it('takes attachments of known types and sizes on a draft only, and serves them back', async () => {
    const s = await draft(w.lead.agent, w);
    const upload = (file: Parameters<typeof multipart>[0], agent = w.lead.agent) => {
      const { payload, headers } = multipart(file);
      return agent.inject({ method: 'POST', url: `/api/suggestions/${s.id}/files`, payload, headers });
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20)]);
    const ok = await upload({ filename: '调研报告.pdf', content: pdf });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ filename: '调研报告.pdf', mimeType: 'application/pdf', size: pdf.length });
    const sheet = await upload({ filename: '统计表.xlsx', content: await xlsxOf(['路段', '损坏数'], [['幸福路', 12]]) });
    expect(sheet.json().mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const text = await upload({ filename: 'fake.pdf', content: 'just text, renamed', contentType: 'application/pdf' });
    expect(text.json()).toMatchObject({ statusCode: 400, code: 'FILE_TYPE' });
    const big = await upload({
      filename: 'big.pdf',
      content: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBe('文件不能超过 10 MB');
    const notMultipart = await w.lead.agent.inject({ method: 'POST', url: `/api/suggestions/${s.id}/files`, payload: {} });
    expect(notMultipart.json().code).toBe('NOT_MULTIPART');
    expect((await upload({ filename: 'x.pdf', content: pdf }, w.cosigners[0]!.agent)).statusCode).toBe(403);

    const download = await w.lead.agent.inject({ method: 'GET', url: `/api/suggestions/${s.id}/files/${ok.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await w.lead.agent.inject({ method: 'GET', url: `/api/suggestions/${s.id}/files/${randomUUID()}` })).statusCode).toBe(
      404,
    );

    for (let i = 0; i < 8; i++) expect((await upload({ filename: `p${i}.pdf`, content: pdf })).statusCode).toBe(201);
    const eleventh = await upload({ filename: 'p11.pdf', content: pdf });
    expect(eleventh.json()).toMatchObject({ statusCode: 400, code: 'TOO_MANY_FILES', message: '附件最多 10 个' });

    const removed = await w.lead.agent.inject({ method: 'DELETE', url: `/api/suggestions/${s.id}/files/${sheet.json().id}` });
    expect(removed.json().files).toHaveLength(9);
    await step(w.lead.agent, s.id, 'submit');
    expect((await upload({ filename: 'late.pdf', content: pdf })).json()).toMatchObject({
      statusCode: 409,
      code: 'INVALID_STATE',
    });
    // The office reads the attachments of what was submitted.
    expect((await w.office.inject({ method: 'GET', url: `/api/suggestions/${s.id}/files/${ok.json().id}` })).statusCode).toBe(
      200,
    );
    const files = await t.deps.db.select().from(suggestionFiles).where(eq(suggestionFiles.suggestionId, s.id));
    expect(files).toHaveLength(9);
    const events = await t.deps.db.select().from(suggestionEvents).where(eq(suggestionEvents.suggestionId, s.id));
    expect(events.filter((e) => e.action === 'attach')).toHaveLength(10);
  });
});
