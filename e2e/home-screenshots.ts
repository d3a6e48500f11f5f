/**
 * The homes (inboxes) at 360 px for the README (run on purpose: `npx tsx e2e/home-screenshots.ts`;
 * not a test). Starts a demo server and writes docs/screenshots/home-{committee,supervisor,employee}-mobile.png
 * with the work the demo seed leaves waiting for each of them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { REPO, startServer } from './support/server.ts';

const OUT = path.join(REPO, 'docs/screenshots');
const PASSWORD = 'merit-palu-2026';
const WHO = [
  ['committee', 'panitia@merit.test'],
  ['supervisor', 'atasan@merit.test'],
  ['employee', 'pegawai@merit.test'],
] as const;

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [name, email] of WHO) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto('/masuk');
      await page.getByLabel('Email atau NIK').fill(email);
      await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.waitForURL('**/beranda');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Tugas Anda' }).waitFor();
      await page.getByRole('checkbox').first().waitFor(); // the notification settings have loaded too
      await page.screenshot({ path: path.join(OUT, `home-${name}-mobile.png`), fullPage: true });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
