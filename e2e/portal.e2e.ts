import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { button, hasChromium, shot } from './support/browser.js';
import { DESKTOP, type Session, signInByApi } from './support/session.js';
import { browserRun } from './support/shared.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

async function noSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

/** A photo as a phone takes it: a JPEG drawn by the browser itself. */
async function jpegFile(page: Page): Promise<string> {
  const base64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#334';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#ffd400';
    g.fillRect(300, 80, 40, 300);
    return c.toDataURL('image/jpeg', 0.8).split(',')[1] as string;
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
  const file = path.join(dir, 'street-light.jpg');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  writeFileSync(path.join(dir, 'notes.jpg'), 'not a picture at all');
  return file;
}

/** The office answers the case through the API, as the console would: accept, resolve, tell the constituent. */
async function answerAsOffice(ctx: BrowserContext, url: string, password: string, trackingCode: string): Promise<void> {
  const login = await ctx.request.post(`${url}/api/auth/login`, { data: { username: 'demo_office', password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = await ctx.request.get(`${url}/api/opinions`, { params: { q: trackingCode } });
  const { items } = (await list.json()) as { items: { id: string; trackingCode: string }[] };
  const id = items.find((i) => i.trackingCode === trackingCode)?.id;
  expect(id).toBeTruthy();
  const steps: [string, object][] = [
    ['accept', {}],
    ['resolve', { result: 'resolved', text: '已协调城市管理部门更换路灯，现已恢复照明。' }],
    ['feedback', {}],
  ];
  for (const [action, body] of steps) {
    const res = await ctx.request.post(`${url}/api/opinions/${id}/transitions/${action}`, {
      data: body,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  }
}

/** An action through the API, as the console's buttons send it. */
async function apiStep(s: Session, id: string, action: string, data: object = {}): Promise<void> {
  const res = await s.context.request.post(`/api/opinions/${id}/transitions/${action}`, {
    data,
    headers: { 'x-csrf-token': s.csrf },
  });
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
}

/** Opens an action's form from the case page's panel and submits it; `fill` fills the fields first. */
async function consoleStep(page: Page, label: string, fill?: (modal: Locator) => Promise<void>): Promise<void> {
  await page
    .getByRole('button', { name: button(label) })
    .first()
    .click();
  const modal = page.locator('.ant-modal').last();
  await modal.waitFor();
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: button('提交') }).click();
  await modal.waitFor({ state: 'hidden' });
}

const stateTag = (page: Page) => page.locator('h4').locator('..').locator('.ant-tag').first();

/** A headline figure of the statistics page, as the office reads it. */
async function figure(page: Page, title: string): Promise<number> {
  const card = page.locator('.ant-card', { has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) });
  const text = await card.locator('.ant-statistic-content-value').first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

async function statisticsPage(
  office: Session,
): Promise<{ received: number; closed: number; api: { received: number; closed: number } }> {
  await office.page.goto('/statistics/opinions');
  await office.page.locator('.ant-statistic-content-value').first().waitFor();
  await expect.poll(() => office.page.locator('.ant-skeleton').count()).toBe(0);
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const overview = await office.context.request.get('/api/statistics/opinions/overview', {
    params: { from: `${month.slice(0, 4)}-01`, to: month },
  });
  expect(overview.status(), await overview.text()).toBe(200);
  const api = ((await overview.json()) as { figures: { received: number; closed: number } }).figures;
  return { received: await figure(office.page, '收到意见'), closed: await figure(office.page, '办结'), api };
}

describe.skipIf(!hasChromium)('public portal on a phone', () => {
  const run = browserRun();
  let stationCode: string;

  beforeAll(async () => {
    const res = await fetch(`${run.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo_office', password: run.server.accounts.demo_office }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const stations = (await (await fetch(`${run.server.url}/api/stations?pageSize=5`, { headers: { cookie } })).json()) as {
      items: { code: string; status: string }[];
    };
    stationCode = stations.items.find((s) => s.status === 'active')?.code as string;
    expect(stationCode).toBeTruthy();
  });

  it('a constituent scans the QR code, reports with a photo, follows the case and rates the answer', async () => {
    const ctx = await run.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${run.server.url}/s/${stationCode}`);
    await page.getByRole('button', { name: /我要反映问题/ }).waitFor();
    await page.getByText(/进站代表（\d+ 位）/).waitFor();
    await noSideways(page);
    await shot(page, 'portal-01-station');
    // The station page leads to the published replies to deputies' suggestions, and back.
    await page.getByRole('button', { name: /代表建议答复公开/ }).click();
    await page.waitForURL(/\/public\/suggestion-replies$/);
    await page.getByRole('heading', { name: '代表建议答复公开' }).waitFor();
    await noSideways(page);
    await page.goBack();
    await page.getByRole('button', { name: /我要反映问题/ }).waitFor();

    await page.getByRole('button', { name: /我要反映问题/ }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole('button', { name: '城市建设与管理' }).click();
    await page.getByRole('button', { name: '道路与路灯' }).click();
    await page.getByLabel('问题描述').fill('胜利路小区门前的路灯坏了两个星期，晚上很黑，老人出门不安全。');
    await page.getByLabel('问题地点').fill('胜利路小区门前');
    const photo = await jpegFile(page);
    await page.locator('input[type=file]').setInputFiles([photo, path.join(path.dirname(photo), 'notes.jpg')]);
    // The text file named .jpg is refused here, as the server would refuse it; the photo stays.
    await page.getByText(/“notes\.jpg”不是 JPG、PNG、WebP 或 HEIC 图片/).waitFor();
    expect(await page.locator('.lp-photo img').count()).toBe(1);
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByText('我同意将以上内容').click();
    await noSideways(page);
    await shot(page, 'portal-02-report');

    const answers: { status: number; trackingCode: string }[] = [];
    page.on('response', async (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/api/public/opinions')) {
        answers.push({ status: r.status(), ...((await r.json()) as { trackingCode: string }) });
      }
    });
    // Two quick taps: the button locks and the Idempotency-Key makes one case at most.
    await page.getByRole('button', { name: '提交', exact: true }).dblclick();
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 30_000 });
    const trackingCode = ((await codeBox.textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    expect(new Set(answers.map((a) => a.trackingCode))).toEqual(new Set([trackingCode]));
    await shot(page, 'portal-03-done');

    // 大字模式 persists and the page still fits the phone.
    await page.getByRole('button', { name: /大字/ }).click();
    expect(await page.evaluate(() => localStorage.getItem('lianluo.portal.largeText'))).toBe('1');
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL(new RegExp(`/track/${trackingCode}$`));
    await page.getByText('您反映的问题').waitFor();
    await page.locator('.lp-case-photos img').first().waitFor();
    expect(
      await page
        .locator('.lp-case-photos img')
        .first()
        .evaluate((i) => (i as HTMLImageElement).naturalWidth),
    ).toBe(640);
    await noSideways(page);
    await shot(page, 'portal-04-track-large');

    await answerAsOffice(ctx, run.server.url, run.server.accounts.demo_office as string, trackingCode);

    // A fresh visit: the code and the last four digits, the answer, the rating.
    const other = await run.browser.newContext(PHONE);
    const track = await other.newPage();
    await track.goto(`${run.server.url}/track`);
    await track.getByLabel('查询码').fill(trackingCode.toLowerCase());
    await track.getByLabel('手机号后 4 位').fill('0000');
    await track.getByRole('button', { name: '查询', exact: true }).click();
    await track.getByText('没有查到').waitFor();
    await track.getByLabel('手机号后 4 位').fill('5678');
    await track.getByRole('button', { name: '查询', exact: true }).click();
    await track.getByText('已协调城市管理部门更换路灯').waitFor();
    await track.getByText('请您评价').waitFor();
    await noSideways(track);
    await track.getByText('基本满意', { exact: true }).click();
    await track.getByRole('button', { name: '提交评价' }).click();
    await track.getByText('您的评价：基本满意').waitFor();
    await track.getByRole('heading', { name: '已办结' }).waitFor();
    await shot(track, 'portal-05-rated');
    await other.close();
    await ctx.close();
  });

  it('goes round the whole loop: QR page, deputy, office, unit, an unsatisfied rating, re-handling, closing, statistics', async () => {
    const pw = run.server.accounts;
    const as = (u: 'demo_office' | 'demo_deputy' | 'demo_unit' | 'demo_station') =>
      signInByApi(run.browser, run.server.url, u, pw[u] as string, u === 'demo_deputy' ? PHONE.viewport : DESKTOP);
    const [office, deputy, unit, station] = await Promise.all([
      as('demo_office'),
      as('demo_deputy'),
      as('demo_unit'),
      as('demo_station'),
    ]);
    // The demo deputy heads the demo station: a case raised at its QR code is the deputy's.
    const ownStation = (await (await station.context.request.get(`/api/stations/${station.me.stationId}`)).json()) as {
      code: string;
    };
    const before = await statisticsPage(office);
    expect(before.received).toBe(before.api.received);
    await shot(office.page, 'loop-00-statistics-before');

    // 1. The constituent scans the station's QR code on a phone and reports with a photo.
    const phone = await run.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(`${run.server.url}/s/${ownStation.code}`);
    await page.getByRole('button', { name: /我要反映问题/ }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole('button', { name: '城市建设与管理' }).click();
    await page.getByRole('button', { name: '道路与路灯' }).click();
    await page
      .getByLabel('问题描述')
      .fill('我是张桂芳，电话13804510077。红旗街菜市场门口的下水井盖丢了，已经有老人差点踩空，请尽快处理。');
    await page.getByLabel('问题地点').fill('红旗街菜市场门口');
    await page.locator('input[type=file]').setInputFiles(await jpegFile(page));
    await page.locator('.lp-photo img').waitFor();
    await page.getByLabel('手机号码').fill('13804510077');
    await page.getByText('我同意将以上内容').click();
    await page.getByText('同意在隐去个人信息后').click();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 30_000 });
    const trackingCode = ((await codeBox.textContent()) ?? '').trim();
    await noSideways(page);
    await shot(page, 'loop-01-code-phone');
    const found = (await (await office.context.request.get('/api/opinions', { params: { q: trackingCode } })).json()) as {
      items: { id: string; trackingCode: string }[];
    };
    const id = found.items.find((i) => i.trackingCode === trackingCode)?.id as string;
    expect(id).toBeTruthy();

    // 2. The deputy accepts it and escalates it to the office, on the console, on a phone.
    await deputy.page.goto(`/opinions/${id}`);
    await consoleStep(deputy.page, '受理');
    await expect.poll(() => stateTag(deputy.page).innerText()).toBe('已受理');
    await consoleStep(deputy.page, '提交工委', (m) => m.locator('textarea').fill('井盖缺失有安全隐患，请转城管部门'));
    await expect.poll(() => stateTag(deputy.page).innerText()).toBe('工委审核');
    await shot(deputy.page, 'loop-02-escalated-deputy-phone');

    // 3. The office transfers it to the demo unit, on the console.
    const unitName = (
      (await (await office.context.request.get(`/api/organizations/${unit.me.organizationId}`)).json()) as { name: string }
    ).name;
    await office.page.goto(`/opinions/${id}`);
    await consoleStep(office.page, '转办', async (m) => {
      await m.locator('.ant-form-item').filter({ hasText: '主办单位' }).locator('.ant-select').click();
      await office.page.keyboard.type(unitName.slice(-6));
      await office.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: unitName })
        .first()
        .click();
    });
    await expect.poll(() => stateTag(office.page).innerText()).toBe('已转办');
    await shot(office.page, 'loop-03-transferred-office');

    // 4. The unit accepts and replies; the station tells the constituent.
    await apiStep(unit, id, 'unit_accept');
    await apiStep(unit, id, 'reply', { result: 'being_resolved', text: '已安排临时围挡，新井盖正在订制。' });
    await apiStep(station, id, 'feedback');

    // 5. The constituent reads the answer and says it is not solved.
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL(new RegExp(`/track/${trackingCode}$`));
    await page.getByText('已安排临时围挡').waitFor();
    await page.locator('.lp-rating').getByText('不满意', { exact: true }).click();
    await page.getByText('问题实际上没有解决').click();
    await page.getByLabel('还想说的话').fill('围挡被风吹倒了，井口还是敞着。');
    await noSideways(page);
    await shot(page, 'loop-04-unsatisfied-phone');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('您不满意，此问题将重新办理').waitFor();
    await page.getByRole('heading', { name: '办理中' }).waitFor();

    // 6. The office sends it back to the unit; the unit answers again; the constituent is satisfied.
    await apiStep(office, id, 'rehandle', { note: '群众反映井口仍敞开，请立即处理' });
    await apiStep(unit, id, 'reply', { result: 'resolved', text: '新井盖已于今日安装到位，并加装了防坠网。' });
    await apiStep(station, id, 'feedback');
    await page.reload();
    await page.getByText('新井盖已于今日安装到位').waitFor();
    await page.locator('.lp-rating').getByText('满意', { exact: true }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('heading', { name: '已办结' }).waitFor();
    await noSideways(page);
    await shot(page, 'loop-05-closed-phone');

    await office.page.goto(`/opinions/${id}`);
    await expect.poll(() => stateTag(office.page).innerText()).toBe('已办结');
    const timeline = await office.page.locator('.ant-timeline').innerText();
    for (const step of ['提交', '受理', '提交工委', '转办', '签收', '答复', '反馈群众', '评价', '重新办理']) {
      expect(timeline).toContain(step);
    }
    await shot(office.page, 'loop-06-case-office');

    // 7. The statistics page counts it: one more received, one more closed.
    const after = await statisticsPage(office);
    expect(after.received).toBe(before.received + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after).toMatchObject({ api: { received: after.received, closed: after.closed } });
    await shot(office.page, 'loop-07-statistics-after');

    // 8. The constituent agreed to publication: the office publishes the redacted draft, the station's page shows it.
    await office.page.goto(`/opinions/${id}`);
    const card = office.page.locator('.ant-card').filter({ hasText: '公开标题' });
    await card.waitFor();
    const draft = await card.locator('textarea').first().inputValue();
    expect(draft).toContain('我是张某，电话[电话已隐去]');
    await card.getByRole('button', { name: button('公开') }).click();
    await card.getByText('已公开', { exact: true }).waitFor();
    await shot(office.page, 'loop-08-published-office');
    await page.goto(`${run.server.url}/s/${ownStation.code}`);
    const published = page.locator('section').filter({ hasText: '公开的群众意见' });
    await published.getByText('新井盖已于今日安装到位').first().waitFor();
    const shown = await published.innerText();
    expect(shown).toContain('我是张某');
    for (const secret of ['13804510077', '张桂芳', trackingCode]) expect(shown).not.toContain(secret);
    await noSideways(page);
    await shot(page, 'loop-09-published-station-phone');

    // 9. On request, the office finds the constituent by phone and erases their data, confirming the dialog.
    await office.page.goto('/opinions/constituents');
    await office.page.getByRole('menuitem', { name: /群众个人信息/ }).waitFor();
    await office.page.getByLabel('联系电话').fill('138 0451 0077');
    await office.page.getByRole('button', { name: /查\s?找/ }).click();
    await office.page.getByRole('link', { name: trackingCode }).waitFor();
    const [download] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^群众个人信息-0077-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await shot(office.page, 'loop-10-constituent-office');
    await office.page.getByRole('button', { name: /删除个人信息/ }).click();
    const dialog = office.page.locator('.ant-modal').last();
    await dialog.getByLabel('删除依据').fill('群众本人来电申请删除');
    await shot(office.page, 'loop-11-erase-dialog-office');
    await dialog.getByRole('button', { name: /删除个人信息/ }).click();
    await office.page.getByText(/已删除 \d+ 件意见中的个人信息/).waitFor();
    await office.page.getByLabel('联系电话').fill('13804510077');
    await office.page.getByRole('button', { name: /查\s?找/ }).click();
    await office.page.getByText(/没有留此电话的群众意见/).waitFor();
    await shot(office.page, 'loop-12-erased-office');

    for (const s of [office, deputy, unit, station]) await s.context.close();
    await phone.close();
  });

  it('a report without photos is sent as JSON and gets its code', async () => {
    const ctx = await run.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${run.server.url}/s/${stationCode}/report`);
    await page.getByLabel('问题描述').fill('幸福小区 3 号楼前的垃圾桶满了三天没人清运，气味很大。');
    await page.getByLabel('手机号码').fill('139 0451 2468');
    await page.getByText('我同意将以上内容').click();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/public/opinions')),
      page.getByRole('button', { name: '提交', exact: true }).click(),
    ]);
    expect(await request.headerValue('content-type')).toContain('application/json');
    expect(request.postDataJSON()).toMatchObject({ stationCode, phone: '13904512468', consentShare: true, latitude: null });
    const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await ctx.close();
  });

  it('an unknown station says so, in English too', async () => {
    const ctx = await run.browser.newContext(PHONE);
    await ctx.addInitScript(() => localStorage.setItem('lianluo.language', 'en'));
    const page = await ctx.newPage();
    await page.goto(`${run.server.url}/s/999999-999`);
    await page.getByText('Station not found').waitFor();
    await noSideways(page);
    await ctx.close();
  });
});
