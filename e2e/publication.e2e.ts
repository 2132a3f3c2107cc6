import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, hasChromium, shot } from './support/browser.js';
import { DESKTOP, PHONE, type Session, signInByApi } from './support/session.js';
import { browserRun } from './support/shared.js';

const MOBILE = '13912345678';

interface Candidate {
  id: string;
  number: number | null;
  title: string;
  congress: { name: string };
}
interface SentReply {
  id: string;
  status: string;
  sentAt: string | null;
  unit: { name: string };
}

describe.skipIf(!hasChromium)('publication of a reply, from the office to a phone', () => {
  const run = browserRun();

  const signIn = (username: string, viewport = DESKTOP) =>
    signInByApi(run.browser, run.server.url, username, run.server.accounts[username], viewport);

  async function get<T>(s: Session, path: string): Promise<T> {
    const res = await s.context.request.get(`/api${path}`);
    expect(res.ok(), `GET ${path}: ${res.status()}`).toBe(true);
    return (await res.json()) as T;
  }

  /**
   * A replied demo suggestion none of whose sent replies is published yet (each run uses up one), with
   * a number, found near the top of the picker's title search so its option is on screen.
   */
  async function replyToPublish(s: Session): Promise<{ suggestion: Candidate; reply: SentReply }> {
    const used = new Set<string>();
    for (let page = 1; ; page++) {
      const p = await get<{ items: { replyId: string }[] }>(s, `/suggestion-reply-publications?pageSize=200&page=${page}`);
      for (const item of p.items) used.add(item.replyId);
      if (p.items.length < 200) break;
    }
    for (let page = 1; page <= 20; page++) {
      const list = await get<{ items: Candidate[] }>(s, `/suggestions?reached=replied&pageSize=50&page=${page}`);
      for (const suggestion of list.items) {
        if (suggestion.number === null) continue;
        const handling = await get<{ replies: SentReply[] }>(s, `/suggestions/${suggestion.id}/handling`);
        const sent = handling.replies
          .filter((r) => r.status === 'sent')
          .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
        if (!sent[0] || sent.some((r) => used.has(r.id))) continue;
        const found = await get<{ items: Candidate[] }>(
          s,
          `/suggestions?reached=replied&pageSize=20&q=${encodeURIComponent(suggestion.title)}`,
        );
        if (found.items.slice(0, 5).some((i) => i.id === suggestion.id)) return { suggestion, reply: sent[0] };
      }
    }
    throw new Error('no replied demo suggestion left to publish');
  }

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('is drafted redacted, refused while a phone number is left, published and read on a phone', async () => {
    const office = await signIn('demo_office');
    const { suggestion, reply } = await replyToPublish(office);

    // The office starts a publication from the replied suggestion, found by its title.
    await office.page.goto('/suggestions/publications');
    await office.page.getByRole('button', { name: /新建公开稿/ }).click();
    const modal = office.page.locator('.ant-modal').last();
    await modal.waitFor();
    await modal.locator('.ant-select').first().click();
    await modal.locator('.ant-select').first().locator('input').fill(suggestion.title);
    await office.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: `第 ${suggestion.number} 号 · ${suggestion.congress.name}` })
      .first()
      .click();
    // Its newest sent reply is chosen for the office.
    await modal.locator('.ant-radio-wrapper-checked').filter({ hasText: reply.unit.name }).waitFor();
    await modal.locator('.ant-select').nth(1).click();
    await office.page.keyboard.type('张小明');
    await office.page.keyboard.press('Enter');
    await modal.getByRole('button', { name: button('生成公开稿') }).click();

    // The editor: the original beside the redacted copy. A phone number typed back in blocks publishing.
    const drawer = office.page.locator('.ant-drawer-section');
    const text = drawer.locator('textarea');
    await text.waitFor();
    expect(await drawer.getByText('答复原件（不公开）').count()).toBe(1);
    await text.fill(`${await text.inputValue()}\n如有疑问请联系 ${MOBILE}。`);
    await drawer.locator('.ant-alert-warning').filter({ hasText: '电话 1 处' }).waitFor();
    // By text, not by accessible name: antd may leave a button's collapsed loading icon (aria-label "loading") behind.
    const publish = async () => {
      await drawer.locator('button', { hasText: button('公开') }).click();
      await office.page.locator('.ant-modal-confirm button', { hasText: button('公开') }).click();
    };
    await publish();
    await expect.poll(() => drawer.locator('.ant-alert-error').innerText()).toContain('公开文本中仍有电话');
    await shot(office.page, 'publication-01-refused');

    // Masked, then published.
    await drawer.getByRole('button', { name: button('一键隐去') }).click();
    await expect.poll(() => text.inputValue()).toContain('[电话已隐去]');
    const publicTitle = (await drawer.locator('input#title').inputValue()).trim();
    await publish();
    await drawer.locator('.ant-tag').filter({ hasText: '已公开' }).waitFor();
    const id = new URL(office.page.url()).searchParams.get('open') as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await shot(office.page, 'publication-02-published');

    // The office finds it again in its own list by words of the published title, on a phone too.
    const officePhone = await signIn('demo_office', PHONE);
    await officePhone.page.goto(`/suggestions/publications?q=${encodeURIComponent(publicTitle.slice(0, 12))}`);
    await officePhone.page.locator(`a[href*="open=${id}"]`).first().waitFor();
    expect(await noSideScroll(officePhone.page)).toBeLessThanOrEqual(1);
    await shot(officePhone.page, 'publication-02b-office-search-phone');
    await officePhone.context.close();

    // Anyone reads it on a phone: newest first in the list, then the whole reply, and no sideways scrolling.
    const phone = await run.browser.newContext({ viewport: PHONE, baseURL: run.server.url, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto('/public/suggestion-replies');
    const item = page.locator(`a.lp-reply[href="/public/suggestion-replies/${id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain(reply.unit.name);
    expect(await noSideScroll(page)).toBe(0);
    await shot(page, 'publication-03-public-list-phone');
    await item.click();
    const body = page.locator('.lp-pre');
    await body.waitFor();
    expect(await page.locator('h1').innerText()).toBe(publicTitle);
    expect(await body.innerText()).toContain('[电话已隐去]');
    expect(await page.locator('main').innerText()).not.toContain(MOBILE);
    expect(await page.locator('.lp-facts').innerText()).toContain(reply.unit.name);
    expect(await noSideScroll(page)).toBe(0);
    await shot(page, 'publication-04-public-detail-phone');

    // Withdrawn: the public page no longer has it.
    await drawer.getByRole('button', { name: button('撤回公开') }).click();
    const withdraw = office.page.locator('.ant-modal').last();
    await withdraw.locator('textarea').fill('承办单位申请更正');
    await withdraw.getByRole('button', { name: button('撤回公开') }).click();
    await drawer.locator('.ant-tag').filter({ hasText: '已撤回' }).waitFor();
    await page.reload();
    await page.getByText('没有找到这份答复').waitFor();

    await phone.close();
    await office.context.close();
  });
});
