import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, hasChromium, shot } from './support/browser.js';
import { DESKTOP, PHONE, signInByApi } from './support/session.js';
import { browserRun } from './support/shared.js';

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!hasChromium)('the awards of excellent suggestions', () => {
  const run = browserRun();

  it('saves the scoring sheet and scores a suggestion on a phone; the ranking shows each criterion average', async () => {
    const phone = await signInByApi(run.browser, run.server.url, 'demo_office', run.server.accounts.demo_office, PHONE);
    const page = phone.page;
    await page.goto('/statistics/suggestions');
    await page.getByRole('tab', { name: '优秀建议' }).click();

    // Hidden tabs' buttons are not in the accessibility tree: these are the suggestions tab's.
    await page.getByRole('button', { name: /编辑评分表/ }).click();
    const sheet = page.locator('.ant-modal').filter({ hasText: '优秀建议评分表' });
    await sheet.waitFor();
    // The default criteria carry English names, which the English console shows.
    expect(await sheet.getByLabel('英文名称（可选）').first().inputValue()).toBe('Quality of content');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await shot(page, 'awards-01-sheet-phone', { fullPage: false });
    await sheet.getByRole('button', { name: button('保存') }).click();
    await page.getByText('评分表已保存').waitFor();

    const score = page.getByRole('button', { name: button('评分') }).first();
    await expect.poll(() => score.isEnabled()).toBe(true);
    await score.click();
    const modal = page.locator('.ant-modal').filter({ hasText: '优秀建议评审打分' });
    await modal.waitFor();
    const fields = modal.locator('.ant-input-number input');
    const count = await fields.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await fields.nth(i).fill('8');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await shot(page, 'awards-02-score-phone', { fullPage: false });
    await modal.getByRole('button', { name: '提交分数' }).click();
    await page.getByText('分数已保存').waitFor();
    // Opened again, the dialog reads back the scores given, to correct them.
    await expect.poll(() => modal.isVisible()).toBe(false);
    await score.click();
    await modal.waitFor();
    await expect.poll(() => modal.locator('.ant-input-number input').first().inputValue()).toBe('8');
    await modal.getByRole('button', { name: button('取消') }).click();
    await phone.context.close();

    // On a desktop the ranking lists each criterion's average beside the score.
    const desk = await signInByApi(run.browser, run.server.url, 'demo_office', run.server.accounts.demo_office, DESKTOP);
    await desk.page.goto('/statistics/suggestions');
    await desk.page.getByRole('tab', { name: '优秀建议' }).click();
    const awards = desk.page.locator('.ant-card').filter({ has: desk.page.getByRole('tab', { name: '优秀建议' }) });
    const ranking = awards.locator('.ant-tabs-content-active .ant-table');
    const header = await ranking.locator('thead').innerText();
    expect(header).toContain('评审人数');
    // Scored rows rank first: the top row holds the 8 given to every criterion, averaged.
    const first = ranking.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => first.innerText()).toMatch(/\b8\b/);
    await shot(desk.page, 'awards-03-ranking');
    await desk.context.close();
  });

  it("gives a leader the year's handling report on the suggestions' statistics page", async () => {
    const leader = await signInByApi(run.browser, run.server.url, 'demo_leader', run.server.accounts.demo_leader, DESKTOP);
    await leader.page.goto('/statistics/suggestions');
    await leader.page.getByRole('button', { name: /年度办理情况报告/ }).click();
    const dialog = leader.page.locator('.ant-modal').filter({ hasText: '代表建议年度办理情况报告' });
    await dialog.waitFor();
    // The figures the document is written from, then the download of the Word file.
    await dialog.locator('.ant-descriptions').waitFor();
    const download = dialog.getByRole('link', { name: /下载/ });
    await expect.poll(() => download.getAttribute('href')).toMatch(/handling-report\.docx/);
    await shot(leader.page, 'awards-04-leader-report');
    await leader.context.close();
  });
});
