import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

if (!hasChromium) {
  console.warn(
    `\n*** Browser tests SKIPPED: no Chromium at ${chromiumPath}. ` +
      "Install Debian's chromium and fonts-wqy-zenhei (apt-get install chromium fonts-wqy-zenhei) or set CHROMIUM_PATH. ***\n",
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A screenshot under e2e/screenshots; a dialog is shot as the screen shows it (`fullPage: false`). */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Drawers and pop-ups slide and fade in: finish their animations rather than catch them halfway.
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  return file;
}

/** A button by its label: antd puts a space between two Chinese characters of a button (受理 → "受 理"). */
export const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);
