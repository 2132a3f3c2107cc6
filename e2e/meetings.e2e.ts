import { describe, expect, it } from 'vitest';
import { button, hasChromium, shot } from './support/browser.js';
import { DESKTOP, PHONE, type Session, signInByApi } from './support/session.js';
import { browserRun } from './support/shared.js';

describe.skipIf(!hasChromium)('coordination meetings in the console', () => {
  const run = browserRun();

  async function call<T>(s: Session, method: string, path: string, data?: unknown): Promise<T> {
    const res = await s.context.request.fetch(`/api${path}`, { method, headers: { 'X-CSRF-Token': s.csrf }, data });
    const body = await res.text();
    expect(res.ok(), `${method} ${path}: ${res.status()} ${body}`).toBe(true);
    return JSON.parse(body) as T;
  }

  /** A meeting of the office's congress about two of its submitted suggestions, recorded through the API. */
  async function recorded(office: Session, place: string): Promise<string> {
    const congresses = await call<{ items: { id: string; regionCode: string }[] }>(office, 'GET', '/congresses?pageSize=100');
    const congress = congresses.items.find((c) => c.regionCode === office.me.regionCode) ?? congresses.items[0];
    const list = await call<{ items: { id: string; state: string }[] }>(
      office,
      'GET',
      `/suggestions?congressId=${congress?.id}&pageSize=50`,
    );
    const discussed = list.items.filter((s) => s.state !== 'draft').slice(0, 2);
    expect(discussed).toHaveLength(2);
    const meeting = await call<{ id: string }>(office, 'POST', '/suggestion-coordination-meetings', {
      congressId: congress?.id,
      heldOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      place,
      attendees: '常委会副主任，有关承办单位负责同志，领衔代表',
      suggestionIds: discussed.map((s) => s.id),
      problems: [{ problem: '道路改造用地指标不足', result: '自然资源局调剂用地指标', suggestionId: discussed[0]?.id }],
    });
    return meeting.id;
  }

  it('corrects a recorded meeting and deletes one recorded twice, on a desktop and on a phone', async () => {
    const office = await signInByApi(run.browser, run.server.url, 'demo_office', run.server.accounts.demo_office, DESKTOP);
    const id = await recorded(office, '常委会第一会议室');
    const page = office.page;
    await page.goto(`/suggestions/coordination-meetings?meeting=${id}`);
    const detail = page.locator('.ant-drawer').filter({ hasText: '常委会第一会议室' });
    await detail.waitFor();
    await shot(page, 'meetings-01-detail');

    await detail.getByRole('button', { name: button('更正') }).click();
    const form = page.locator('.ant-drawer').filter({ has: page.getByLabel('会议地点') });
    await form.waitFor();
    await expect.poll(() => form.getByLabel('会议地点').inputValue()).toBe('常委会第一会议室');
    await form.getByLabel('会议地点').fill('常委会第二会议室');
    await shot(page, 'meetings-02-correct');
    await form.getByRole('button', { name: button('保存') }).click();
    await page.getByText('协调会记录已更正').waitFor();
    await page.locator('.ant-drawer').filter({ hasText: '常委会第二会议室' }).waitFor();
    const corrected = await call<{ place: string; problems: unknown[] }>(
      office,
      'GET',
      `/suggestion-coordination-meetings/${id}`,
    );
    expect(corrected).toMatchObject({ place: '常委会第二会议室' });
    expect(corrected.problems).toHaveLength(1);

    // The same meeting recorded a second time by mistake: deleted from its drawer on a phone.
    const twice = await recorded(office, '常委会第二会议室（重复）');
    const phone = await signInByApi(run.browser, run.server.url, 'demo_office', run.server.accounts.demo_office, PHONE);
    await phone.page.goto(`/suggestions/coordination-meetings?meeting=${twice}`);
    const drawer = phone.page.locator('.ant-drawer').filter({ hasText: '（重复）' });
    await drawer.waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await drawer.getByRole('button', { name: button('删除') }).click();
    const confirm = phone.page.locator('.ant-popconfirm');
    await confirm.waitFor();
    await shot(phone.page, 'meetings-03-delete-phone');
    await confirm.getByRole('button', { name: button('删除') }).click();
    await phone.page.getByText('协调会记录已删除').waitFor();
    const gone = await phone.context.request.get(`/api/suggestion-coordination-meetings/${twice}`);
    expect(gone.status()).toBe(404);
    await shot(phone.page, 'meetings-04-after-delete-phone');
    await phone.context.close();
    await office.context.close();
  });
});
