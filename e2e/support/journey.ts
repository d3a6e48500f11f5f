/**
 * What every journey file shares: a fresh `npm start` (demo seed) and Debian's Chromium for the
 * file, a page per browser context, signing in as a demo account, the axe and 360 px checks,
 * same-origin API calls for setup, and the README screenshots (MERIT_SCREENSHOTS=1).
 * Call `journey()` once at the top of a file; its hooks run before the file's own.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { moderateOrWorseViolations, seriousViolations } from './a11y.ts';
import { launchBrowser } from './browser.ts';
import { REPO, type RunningServer, startServer } from './server.ts';

/** The demo seed's password for every demo account. */
export const DEMO_PASSWORD = 'merit-palu-2026';
const SHOTS = process.env.MERIT_SCREENSHOTS === '1';

export interface JourneyOptions {
  /** Extra environment for the server (e.g. a fixed SESSION_SECRET, the demo exam). */
  env?: Record<string, string>;
}

export function journey(options: JourneyOptions = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(options.env ? { env: options.env } : {});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const running = () => {
    if (!server || !browser)
      throw new Error('journey(): the server is not started yet (use it inside a test or a later beforeAll)');
    return { server, browser };
  };

  /** A page in its own browser context (its own cookies), downloads allowed. */
  async function newContextPage(
    viewport = { width: 1280, height: 900 },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  }

  return {
    /** The running server (base URL, stop, logs). */
    server: () => running().server,
    newContextPage,
    newPage: async (viewport?: { width: number; height: number }) => (await newContextPage(viewport)).page,

    /** Signs in through the login page and waits for the home. */
    async logIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
      await page.goto('/masuk');
      await page.getByLabel('Email atau NIK').fill(identifier);
      await page.getByLabel('Kata sandi', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.waitForURL('**/beranda');
    },

    /** No serious or critical axe violation, and nothing wider than the screen. */
    async expectClean(page: Page, level: 'serious' | 'moderate' = 'serious') {
      expect(await (level === 'serious' ? seriousViolations(page) : moderateOrWorseViolations(page))).toEqual([]);
      await expectNoHorizontalScroll(page);
    },

    async shot(page: Page, name: string) {
      if (!SHOTS) return;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(REPO, 'docs/screenshots', name), fullPage: true });
    },
  };
}

export async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    // The elements that stick out, so that a failure says where.
    wide: [...document.querySelectorAll('main *')]
      .filter(
        (e) =>
          !e.closest('.table-wrap, pre') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      )
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  expect(scroll, wide.join(', ')).toBeLessThanOrEqual(client);
}

/**
 * The main navigation, ready to click: below 640 px its links sit behind the "Menu" button, which
 * this opens first; at 1280 px the button is hidden and the links show as they are.
 */
export async function mainNav(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.waitFor();
  const toggle = nav.getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return nav;
}

export async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Same-origin API call from a signed-in page (cookies and the CSRF header), for test setup only. */
export async function apiCall(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      await fetch('/api/health');
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('merit_csrf='))
          ?.slice('merit_csrf='.length) ?? '',
      );
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  );
}
