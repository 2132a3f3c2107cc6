import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, hasChromium, shot } from './support/browser.js';
import { DESKTOP, PHONE, signInByApi } from './support/session.js';
import { browserRun } from './support/shared.js';

describe.skipIf(!hasChromium)('a constituent opinion through the console', () => {
  const run = browserRun();

  const signIn = (username: string, viewport = DESKTOP) =>
    signInByApi(run.browser, run.server.url, username, run.server.accounts[username], viewport);

  /** Opens an action's form from the case page's panel and submits it; `fill` fills the fields first. */
  async function act(page: Page, label: string, fill?: (modal: Locator) => Promise<void>) {
    await page
      .getByRole('button', { name: button(label) })
      .first()
      .click();
    const modal = page.locator('.ant-modal').last();
    await modal.waitFor();
    if (fill) await fill(modal);
    await modal.getByRole('button', { name: button('提交') }).click();
    // A form that stays open says why (a field's error, the server's answer) in the failure.
    await modal.waitFor({ state: 'hidden' }).catch(async (e: unknown) => {
      throw new Error(`${label}: the form stayed open: ${await modal.innerText().catch(() => '')}\n${String(e)}`);
    });
  }

  const stateTag = (page: Page) => page.locator('h4').locator('..').locator('.ant-tag').first();

  it('is recorded, accepted, escalated, transferred, handled, answered and fed back', async () => {
    // The station's liaison officer records a visitor's opinion on a phone.
    const station = await signIn('demo_station', PHONE);
    await station.page.goto('/opinions/new');
    await station.page.locator('#content').fill('安发街东段路灯夜里不亮，居民晚上出行不安全，希望尽快维修。');
    await station.page.locator('#phone').fill('13904510010');
    await station.page.getByText('群众同意将联系方式提供给承办单位').click();
    await station.page.getByRole('button', { name: button('登记') }).click();
    const view = station.page.getByRole('link', { name: /查看意见/ });
    await view.waitFor();
    const href = (await view.getAttribute('href')) as string;
    expect(href).toMatch(/^\/opinions\/[0-9a-f-]{36}$/);
    await shot(station.page, 'opinions-01-intake-phone');

    // The responsible deputy accepts it and sends it to the office, on a phone.
    const deputy = await signIn('demo_deputy', PHONE);
    await deputy.page.goto(href);
    await act(deputy.page, '受理');
    await expect.poll(() => stateTag(deputy.page).innerText()).toBe('已受理');
    await act(deputy.page, '提交工委', (m) => m.locator('textarea').fill('需要城管部门处理'));
    await expect.poll(() => stateTag(deputy.page).innerText()).toBe('工委审核');
    await shot(deputy.page, 'opinions-02-case-deputy-phone');

    // The office transfers it to the demo unit.
    const unit = await signIn('demo_unit');
    const office = await signIn('demo_office');
    const unitName = (
      (await (await office.context.request.get(`/api/organizations/${unit.me.organizationId}`)).json()) as { name: string }
    ).name;
    await office.page.goto(href);
    await act(office.page, '转办', async (m) => {
      await m.locator('.ant-form-item').filter({ hasText: '主办单位' }).locator('.ant-select').click();
      await office.page.keyboard.type(unitName.slice(-6));
      await office.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: unitName })
        .first()
        .click();
    });
    await expect.poll(() => stateTag(office.page).innerText()).toBe('已转办');
    expect(await office.page.getByText(unitName).count()).toBeGreaterThan(0);

    // The unit accepts and replies.
    await unit.page.goto(href);
    await act(unit.page, '签收');
    await expect.poll(() => stateTag(unit.page).innerText()).toBe('办理中');
    await act(unit.page, '答复', async (m) => {
      await m.locator('.ant-form-item').filter({ hasText: '办理结果' }).locator('.ant-select').click();
      await unit.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已解决' }).click();
      // The option is taken only once the dropdown has let it go: wait for the field to show it.
      await m.locator('.ant-select').filter({ hasText: '已解决' }).waitFor();
      await m.locator('textarea').fill('已更换线路，路灯全部恢复照明。');
    });
    await expect.poll(() => stateTag(unit.page).innerText()).toBe('已答复');

    // The station tells the constituent; the timeline tells the whole story.
    await station.page.goto(href);
    await act(station.page, '反馈群众');
    await expect.poll(() => stateTag(station.page).innerText()).toBe('待评价');
    const timeline = await station.page.locator('.ant-timeline').innerText();
    for (const step of ['提交', '受理', '提交工委', '转办', '签收', '答复', '反馈群众']) expect(timeline).toContain(step);
    expect(timeline).toContain(`主办：${unitName}`);
    // Station staff see the constituent's details masked.
    expect(await station.page.getByText('139****0010').count()).toBe(1);
    expect(await station.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await shot(station.page, 'opinions-03-case-station-phone');

    for (const s of [station, deputy, office, unit]) await s.context.close();
  });

  it('says why when the case moved on before the form was sent (409)', async () => {
    const station = await signIn('demo_station', PHONE);
    const created = await station.context.request.post('/api/opinions', {
      headers: { 'X-CSRF-Token': station.csrf },
      data: { channel: 'hotline', stationId: station.me.stationId, content: '小区门口井盖松动，车辆经过响声很大。' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await station.page.goto(`/opinions/${id}`);
    await station.page
      .getByRole('button', { name: button('受理') })
      .first()
      .click();
    const modal = station.page.locator('.ant-modal').last();
    await modal.waitFor();

    const deputy = await signIn('demo_deputy');
    const accepted = await deputy.context.request.post(`/api/opinions/${id}/transitions/accept`, {
      headers: { 'X-CSRF-Token': deputy.csrf },
      data: {},
    });
    expect(accepted.ok()).toBe(true);

    await modal.getByRole('button', { name: button('提交') }).click();
    await expect.poll(() => modal.locator('.ant-alert').innerText()).toContain('不能受理');
    await shot(station.page, 'opinions-04-conflict-phone');
    await station.context.close();
    await deputy.context.close();
  });

  it('shows the workbench queues on the home page, each opening its list', async () => {
    const deputy = await signIn('demo_deputy', PHONE);
    // The console is a single-page app: sign in lands on the home page without a request for "/".
    await deputy.page.goto('/opinions');
    await deputy.page.getByRole('button', { name: /展开或收起菜单/ }).click();
    await deputy.page.getByRole('menuitem', { name: /首页/ }).click();
    const card = deputy.page.locator('a[href="/opinions?queue=mine"]');
    await card.waitFor();
    const shown = Number(await card.locator('.ant-statistic-content-value').innerText());
    const listed = (await (await deputy.context.request.get('/api/opinions?queue=mine&pageSize=1')).json()) as { total: number };
    expect(shown).toBe(listed.total);
    expect(shown).toBeGreaterThan(0);
    await shot(deputy.page, 'opinions-05-workbench-phone');
    await card.click();
    await deputy.page.waitForURL(/queue=mine/);
    await deputy.page.locator('.ant-tabs-tab-active').filter({ hasText: '我负责的' }).waitFor();
    await deputy.context.close();
  });

  it("lists the station's reception records as cards on a phone", async () => {
    const station = await signIn('demo_station', PHONE);
    await station.page.goto('/receptions');
    const card = station.page.locator('.ant-card-small').filter({ hasText: '来访' }).first();
    await card.waitFor();
    expect(await station.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(station.page, 'opinions-receptions-phone');
    await station.context.close();
  });
});
