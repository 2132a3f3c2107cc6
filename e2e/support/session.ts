import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** What the sign-in answers about the account, as the console reads it. */
export interface Me {
  id: string;
  organizationId: string | null;
  stationId: string | null;
  personId: string | null;
  regionCode: string;
}

/** A signed-in browser context: its page, and the CSRF token its writes send. */
export interface Session {
  context: BrowserContext;
  page: Page;
  csrf: string;
  me: Me;
}

/**
 * Signs in through the API in a new context (the cookie then serves the console's pages), as the
 * sign-in page would; the sign-in page itself is tested in foundation.e2e.ts.
 */
export async function signInByApi(
  browser: Browser,
  url: string,
  username: string,
  password: string | undefined,
  viewport = DESKTOP,
): Promise<Session> {
  const context = await browser.newContext({ viewport, baseURL: url, locale: 'zh-CN' });
  const res = await context.request.post('/api/auth/login', { data: { username, password } });
  expect(res.ok(), `sign in ${username}: ${res.status()}`).toBe(true);
  const me = (await res.json()) as Me & { csrfToken: string };
  return { context, page: await context.newPage(), csrf: me.csrfToken, me };
}
