import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { Agent } from '../../test/factories.js';
import { buildHandlingWorld, call, handlingOf, replyBody, sentReply, unitOf } from '../../test/factories.suggestionHandling.js';
import { congresses } from './congresses.tables.js';
import { suggestions } from './suggestions.tables.js';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'lianluo-letter-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Unzips a .docx as Word would open it, and returns the text of its main part. */
function documentXml(content: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, content);
  execFileSync('unzip', ['-tq', file]);
  return execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
}

const download = (agent: Agent, url: string) => agent.inject({ method: 'GET', url });

type View = { replies: { id: string; letterUrl: string; missingFields: string[] }[] };

describe('the reply letter (答复函)', () => {
  it('is a .docx with the class marked top-right, the reference number, title, addressee, signer and contact', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead'] });
    const lead = unitOf(w, 'lead');
    const body = replyBody({ replyClass: 'B', referenceNumber: '住建函〔2026〕88号' });
    const view = (await sentReply(w, lead, body)) as unknown as View;
    const url = view.replies[0]?.letterUrl ?? '';
    const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, w.suggestionId));
    const title = `关于${w.lead.name}代表第${row?.number}号建议的答复`;

    // The deputy receives the letter that was sent.
    const res = await download(w.lead.agent, url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(title);
    const xml = documentXml(res.rawPayload);
    expect(xml).toContain(title);
    expect(xml).toContain(`尊敬的${w.lead.name}代表：`);
    expect(xml).toContain('住建函〔2026〕88号');
    expect(xml).toContain('正在解决或者列入规划逐步解决');
    expect(xml).toContain('签发人：王局长');
    expect(xml).toContain('联系人：李科长');
    expect(xml).toContain('0451-12345678');
    expect(xml).toContain('年内完成幸福路全线路灯更换');
    expect(xml).toContain('仿宋_GB2312');
    // The class comes first, right-aligned, before the title.
    const firstParagraph = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:p>') + 6);
    expect(firstParagraph).toContain('<w:jc w:val="right"/>');
    expect(firstParagraph).toMatch(/<w:t[^>]*>B<\/w:t>/);
    expect(xml.indexOf('>B<')).toBeLessThan(xml.indexOf(title));
    // The office and the unit get the same stored copy.
    const byOffice = await download(w.office, url);
    expect(byOffice.rawPayload.equals(res.rawPayload)).toBe(true);
    expect((await download(w.outsider, url)).statusCode).toBe(403);
  });

  it('uses the class labels the congress configured', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead'] });
    await t.deps.db
      .update(congresses)
      .set({ replyClassLabels: { A: '已解决', B: '正在解决', C: '计划解决', D: '留作参考' } })
      .where(eq(congresses.id, w.congress.id));
    const view = (await sentReply(w, unitOf(w, 'lead'), { replyClass: 'A' })) as unknown as View & {
      replyClassLabel: string;
    };
    expect(view.replyClassLabel).toBe('已解决');
    const xml = documentXml((await download(w.lead.agent, view.replies[0]?.letterUrl ?? '')).rawPayload);
    expect(xml).toContain('已解决');
    expect(xml).not.toContain('所提问题已经解决或者基本解决');
  });

  it('refuses a letter with missing fields, listing them, and shows drafts to their unit only', async () => {
    const w = await buildHandlingWorld(t, { roles: ['lead'] });
    const lead = unitOf(w, 'lead');
    const saved = await call(
      lead.staff,
      'PUT',
      `${w.suggestionId}/reply`,
      replyBody({ signerName: null, referenceNumber: null, text: '' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const reply = (saved.json() as View).replies[0];
    expect(reply?.missingFields).toEqual(['text', 'referenceNumber', 'signerName']);
    const refused = await download(lead.staff, reply?.letterUrl ?? '');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'LETTER_INCOMPLETE',
      missing: ['text', 'referenceNumber', 'signerName'],
      message: expect.stringContaining('文号'),
    });
    const english = await lead.staff.inject({ method: 'GET', url: reply?.letterUrl ?? '', headers: { 'accept-language': 'en' } });
    expect(english.json().message).toContain('reference number');
    // A draft is not the deputy's to read.
    expect((await download(w.lead.agent, reply?.letterUrl ?? '')).statusCode).toBe(404);
    // Completed, the draft gives a preview.
    await call(lead.staff, 'PUT', `${w.suggestionId}/reply`, replyBody());
    const preview = await download(lead.staff, reply?.letterUrl ?? '');
    expect(preview.statusCode).toBe(200);
    expect(documentXml(preview.rawPayload)).toContain('所提问题已经解决或者基本解决');
    expect(((await handlingOf(lead.staff, w.suggestionId)) as unknown as View).replies[0]?.missingFields).toEqual([]);
  });
});
