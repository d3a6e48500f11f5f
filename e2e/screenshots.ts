/**
 * Screenshots for the README (run on purpose: `npx tsx e2e/screenshots.ts`; not a test).
 * Starts its own server with demo data, registers one applicant, and writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { REPO, startServer } from './support/server.ts';

const OUT = path.join(REPO, 'docs/screenshots');
const PASSWORD = 'merit-palu-2026';
const APPLICANT = {
  nik: '7271045203990002',
  email: 'siti.rahmawati@contoh.id',
  password: 'Teluk Palu indah sekali 2026',
};

async function logIn(page: Page, identifier: string, password: string) {
  await page.goto('/masuk');
  await page.getByLabel('Email atau NIK').fill(identifier);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL('**/beranda');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const desktop = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 860 } });
    const mobile = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const admin = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 860 } });

    const landing = await desktop.newPage();
    await landing.goto('/');
    await landing.getByRole('heading', { level: 1 }).waitFor();
    await landing.screenshot({ path: path.join(OUT, 'landing.png'), fullPage: true });

    // Register through the phone-sized page, then screenshot a fresh form.
    const phone = await mobile.newPage();
    await phone.goto('/daftar');
    await phone.getByLabel('NIK (Nomor Induk Kependudukan)').fill(APPLICANT.nik);
    await phone.getByLabel('Nama lengkap sesuai ijazah').fill('Siti Rahmawati');
    await phone.getByLabel('Tempat lahir', { exact: true }).fill('Palu');
    await phone.getByLabel('Tanggal lahir', { exact: true }).fill('1999-03-12');
    await phone.getByRole('radio', { name: 'Perempuan' }).check();
    await phone.getByLabel('Email', { exact: true }).fill(APPLICANT.email);
    await phone.getByLabel('Nomor HP').fill('081234567890');
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.screenshot({ path: path.join(OUT, 'register-mobile.png') });
    await phone.getByRole('heading', { name: 'Persetujuan pemrosesan data pribadi' }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(OUT, 'register-mobile-consent.png') });
    await phone.getByLabel('Kata sandi', { exact: true }).fill(APPLICANT.password);
    await phone.getByLabel('Ulangi kata sandi').fill(APPLICANT.password);
    await phone.getByRole('checkbox', { name: /menyetujui pemrosesan data pribadi/ }).check();
    await phone.getByRole('button', { name: 'Daftar', exact: true }).click();
    await phone.getByRole('heading', { name: 'Pendaftaran berhasil' }).waitFor();

    const adminPage = await admin.newPage();
    await logIn(adminPage, 'admin@merit.test', PASSWORD);
    await adminPage.goto('/admin/kotak-keluar');
    const link = adminPage
      .getByRole('article')
      .filter({ hasText: APPLICANT.email })
      .first()
      .getByRole('link', { name: /verifikasi-email/ });
    const href = (await link.first().getAttribute('href')) ?? '';
    await adminPage.screenshot({ path: path.join(OUT, 'admin-outbox.png'), fullPage: false });

    const url = new URL(href);
    await phone.goto(url.pathname + url.search);
    await phone.getByText('Email terverifikasi').waitFor();

    const home = await desktop.newPage();
    await logIn(home, APPLICANT.nik, APPLICANT.password);
    await home.screenshot({ path: path.join(OUT, 'applicant-home.png'), fullPage: true });

    await adminPage.goto('/admin/akun');
    await adminPage.getByRole('table').waitFor();
    await adminPage.screenshot({ path: path.join(OUT, 'admin-accounts.png'), fullPage: true });

    const audit = await desktop.newPage();
    await audit.goto('/audit');
    await audit.getByRole('heading', { name: 'Kejadian terbaru' }).waitFor();
    await audit.getByRole('region', { name: 'Tabel kejadian audit' }).waitFor();
    await audit.screenshot({ path: path.join(OUT, 'audit.png') });

    console.log(`Screenshots written to ${path.relative(REPO, OUT)}/`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
