import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, shot } from './support/browser.js';
import { browserRun } from './support/shared.js';

/** 17 digits + the GB 11643 check character. */
function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (w[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

/** A roster with good rows and bad ones (checksum, phone, region, empty name); every sex matches its ID number. */
async function writeRoster(tag: string): Promise<{ file: string; good: number; bad: number[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(['姓名', '性别', '身份证号', '手机号码', '代表层级', '届次', '所在地区', '代表小组']);
  const goodRows = 5;
  for (let i = 0; i < goodRows; i++) {
    ws.addRow([
      `欧阳${tag}${'甲乙丙丁戊'[i]}`,
      i % 2 ? '男' : '女', // the 17th digit (i) is odd for men
      idNumber(`23010219${70 + i}0${i + 1}15${tag.slice(-2)}${i}`),
      `1390451${String(1000 + i)}`,
      '县',
      16,
      '道里区',
      '第一代表小组',
    ]);
  }
  ws.addRow([`欧阳${tag}错`, '男', '230102197001011235', '13904511111', '县', 16, '道里区', '']); // row 7: bad checksum
  ws.addRow([`欧阳${tag}号`, '男', idNumber('23010219800101987'), '12345', '县', 16, '道里区', '']); // row 8: bad phone
  ws.addRow([`欧阳${tag}地`, '女', idNumber('23010219810202986'), '13904512222', '县', 16, '火星区', '']); // row 9: unknown region
  ws.addRow(['', '女', idNumber('23010219820303986'), '13904513333', '县', 16, '道里区', '']); // row 10: no name
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'roster-')), `名册-${tag}.xlsx`);
  await wb.xlsx.writeFile(file);
  return { file, good: goodRows, bad: [7, 8, 9, 10] };
}

async function signIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe.skipIf(!hasChromium)('foundation in the browser', () => {
  const run = browserRun();

  it('the admin signs in and the demo city is there', async () => {
    expect(run.server.output()).toContain('demo_office');
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'] });
    });
    // The README's address, bare: the console answers and asks for a sign-in.
    const home = await page.goto(`${run.server.url}/`);
    expect(home?.status()).toBe(200);
    await page.waitForURL((u) => u.pathname.startsWith('/login'));
    // The build's brotli copies are what the browser gets (web/vite.config.ts, preCompressed).
    const entry = scripts.find((s) => /\/assets\/index-[^/]+\.js$/.test(s.url));
    expect(entry, JSON.stringify(scripts)).toMatchObject({ encoding: 'br' });
    await signIn(page, run.server.url, 'admin', run.server.adminPassword);
    await page.getByText('系统管理员').first().waitFor();
    await shot(page, '01-admin-home');
    await page.goto(`${run.server.url}/regions`);
    await page.getByText('黑龙江省').first().waitFor();
    await page.close();
  });

  it('office staff import a roster with bad rows, see the error report and the imported deputies', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, run.server.url, 'demo_office', run.server.accounts.demo_office as string);
    await page.goto(`${run.server.url}/deputies`);
    await page
      .getByText('15,0')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => {});
    await shot(page, '02-deputies-list');

    const tag = String(Date.now()).slice(-4);
    const roster = await writeRoster(tag);
    await page.goto(`${run.server.url}/deputies/import`);
    await page.locator('input[type=file]').setInputFiles(roster.file);
    await page.getByText('导入完成').waitFor({ timeout: 120_000 });
    const body = await page.locator('body').innerText();
    for (const row of roster.bad) expect(body).toMatch(new RegExp(`(^|\\s)${row}(\\s|$)`, 'm'));
    expect(body).toContain(`有误的行（${roster.bad.length} 行，未导入）`);
    expect(body).toContain('身份证');
    expect(body).toContain('手机号码「12345」');
    expect(body).toContain('火星区');
    await shot(page, '03-import-result');

    await page.goto(`${run.server.url}/deputies?q=${encodeURIComponent(`欧阳${tag}`)}`);
    await page.getByText(`欧阳${tag}甲`).waitFor();
    const rows = await page.locator('tbody tr.ant-table-row').count();
    expect(rows).toBe(roster.good);
    await shot(page, '04-imported-deputies');
    await page.close();
  });

  it('opens a station, its QR code and its printable card, on a desktop and on a phone', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, run.server.url, 'demo_office', run.server.accounts.demo_office as string);
    await page.goto(`${run.server.url}/stations`);
    const first = page.locator('tbody tr.ant-table-row a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/stations\/[0-9a-f-]{36}$/);
    const qr = page.locator('img[src*="qr.png"], img[src*="qr.svg"]').first();
    await qr.waitFor();
    // The element is there before the picture has loaded: wait for the image itself.
    await expect
      .poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 })
      .toBeGreaterThan(100);
    await shot(page, '05-station-detail');
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.goto(`${run.server.url}/stations/${id}/card`);
    await page.locator('svg').first().waitFor();
    await page.getByText('扫码联').first().waitFor();
    await shot(page, '06-station-card');
    const phone = await run.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone, run.server.url, 'demo_office', run.server.accounts.demo_office as string);
    await phone.goto(`${run.server.url}/stations/${id}`);
    await phone.locator('img[src*="qr"]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(phone, '07-station-phone');
    await phone.close();
    await page.close();
  });
});
