/**
 * Browser journey for identity: register → admin reads the verification e-mail in the outbox →
 * applicant verifies, signs in, switches to English, signs out. Plus accessibility (axe), the
 * 360 px phone layout, and the server's field error placed next to the right input.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/a11y.ts';
import { DEMO_PASSWORD as PASSWORD, journey } from './support/journey.ts';

const APPLICANT = {
  // 72.71 = Kota Palu; day 52 = 12 + 40 (women); March 1999; serial 0002.
  nik: '7271045203990002',
  fullName: 'Siti Rahmawati',
  birthPlace: 'Palu',
  birthDate: '12/03/1999', // as written in Indonesia (hh/bb/tttt), whatever the browser's locale
  email: 'siti.rahmawati@contoh.id',
  phone: '081234567890',
  password: 'Teluk Palu indah sekali 2026',
};

const { newPage, logIn, expectClean } = journey();

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The text of the element(s) an input's aria-describedby points at. */
async function descriptionOf(page: Page, input: ReturnType<Page['getByLabel']>): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

async function fillRegistration(page: Page, overrides: Partial<typeof APPLICANT> = {}) {
  const a = { ...APPLICANT, ...overrides };
  await page.getByLabel('NIK (Nomor Induk Kependudukan)').fill(a.nik);
  await page.getByLabel('Nama lengkap sesuai ijazah').fill(a.fullName);
  await page.getByLabel('Tempat lahir', { exact: true }).fill(a.birthPlace);
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(a.birthDate);
  await page.getByRole('radio', { name: 'Perempuan' }).check();
  await page.getByLabel('Email', { exact: true }).fill(a.email);
  await page.getByLabel('Nomor HP').fill(a.phone);
  await page.getByLabel('Kata sandi', { exact: true }).fill(a.password);
  await page.getByLabel('Ulangi kata sandi').fill(a.password);
  await page.getByRole('checkbox', { name: /menyetujui pemrosesan data pribadi/ }).check();
}

/** Fills and sends the login form on the page already open (the journey's logIn also opens it and waits for the home). */
async function submitLogin(page: Page, identifier: string, password: string) {
  await page.getByLabel('Email atau NIK').fill(identifier);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe('identity journey in the browser', () => {
  it('landing, register and login pages have no serious or critical accessibility violations', async () => {
    const page = await newPage();
    await page.goto('/');
    await heading(page, 'Seleksi ASN yang terbuka, adil, dan berbasis merit');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Daftar sebagai pelamar' }).click();
    await heading(page, 'Daftar akun pelamar');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Masuk' }).click();
    await heading(page, 'Masuk');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the register page fits a 360 px phone screen without horizontal scrolling', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto('/daftar');
    await heading(page, 'Daftar akun pelamar');
    // Errors make the form longer and wider text appear: check with them showing too.
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    // Empty required fields say so, not a format rule.
    const nik = page.getByLabel('NIK (Nomor Induk Kependudukan)');
    await page.locator('.field-error').first().waitFor();
    expect(await descriptionOf(page, nik)).toContain('Wajib diisi.');
    expect(await descriptionOf(page, page.getByLabel('Tanggal lahir', { exact: true }))).toContain('Wajib diisi.');
    expect(await page.getByText('NIK harus 16 angka sesuai e-KTP.').count()).toBe(0);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  it('on a phone the main navigation folds behind a Menu button that opens, closes on Escape and on navigation', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await logIn(page, 'atasan@merit.test');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    const toggle = nav.getByRole('button', { name: 'Menu', exact: true });
    const skpLink = nav.getByRole('link', { name: 'SKP saya' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await skpLink.isVisible()).toBe(false);
    // Closed, the navigation takes one row, not the ~430 px of a supervisor's nine links.
    const closedHeight = (await nav.boundingBox())?.height ?? 0;
    expect(closedHeight).toBeLessThan(70);
    await expectClean(page);

    // By keyboard: the button toggles the list it controls; Escape closes it and keeps focus on it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const controlled = await toggle.getAttribute('aria-controls');
    expect(await page.locator(`[id="${controlled}"]`).getByRole('link', { name: 'SKP saya' }).isVisible()).toBe(true);
    await expectClean(page);
    await skpLink.focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    // Following a link closes the menu on the new page.
    await toggle.click();
    await skpLink.click();
    await page.waitForURL('**/skp/saya');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await skpLink.waitFor({ state: 'hidden' });

    // At 1280 px the links show in a row and the button does not.
    const wide = await newPage();
    await logIn(wide, 'atasan@merit.test');
    const wideNav = wide.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await wideNav.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
    expect(await wideNav.getByRole('link', { name: 'SKP saya' }).isVisible()).toBe(true);
  });

  it('a birth date that does not match the NIK shows the server’s Indonesian message next to the birth date', async () => {
    const page = await newPage();
    await page.goto('/daftar');
    // The NIK says 12 March 1999 (52 = 12 + 40); the applicant types the 13th.
    await fillRegistration(page, { birthDate: '13/03/1999', email: 'salah.tanggal@contoh.id' });
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();

    const birthDate = page.getByLabel('Tanggal lahir', { exact: true });
    await page
      .getByText('Tanggal lahir atau jenis kelamin tidak sesuai dengan NIK.', { exact: false })
      .first()
      .waitFor();
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, birthDate)).toContain('Tanggal lahir atau jenis kelamin tidak sesuai dengan NIK');
    // The summary from the server is shown too, and the NIK itself is not blamed.
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('NIK (Nomor Induk Kependudukan)').getAttribute('aria-invalid')).toBeNull();
  });

  it('an applicant registers, an admin finds the verification e-mail, the applicant verifies, logs in and switches to English', async () => {
    // 1. Register.
    const applicant = await newPage();
    await applicant.goto('/daftar');
    await fillRegistration(applicant);
    await applicant.getByText('Menurut NIK: lahir tanggal 12 Maret').waitFor();
    await applicant.getByRole('button', { name: 'Daftar', exact: true }).click();
    await heading(applicant, 'Pendaftaran berhasil');
    await applicant.getByText(APPLICANT.email).waitFor();

    // 2. Before verifying, logging in is refused with an offer to resend the link.
    await applicant.goto('/masuk');
    await submitLogin(applicant, APPLICANT.email, APPLICANT.password);
    await applicant.getByText('Email Anda belum diverifikasi.').waitFor();
    await applicant.getByRole('heading', { name: 'Kirim ulang email verifikasi' }).waitFor();

    // 3. The admin, in a separate browser context, reads the e-mail in the outbox.
    const admin = await newPage();
    await admin.goto('/masuk');
    await submitLogin(admin, 'admin@merit.test', PASSWORD);
    await heading(admin, /^Selamat datang/);
    await admin.getByRole('link', { name: 'Kelola akun staf' }).waitFor();
    await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kotak keluar' }).click();
    await heading(admin, 'Kotak keluar email');
    const mail = admin.getByRole('article').filter({ hasText: APPLICANT.email }).first();
    const link = mail.getByRole('link', { name: /\/verifikasi-email\?token=/ }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/verifikasi-email\?token=[A-Za-z0-9_-]{20,}/);
    expect(await seriousViolations(admin)).toEqual([]);

    // 4. The applicant opens the link: verified on arrival.
    const verifyUrl = new URL(href ?? '');
    await applicant.goto(verifyUrl.pathname + verifyUrl.search);
    await applicant.getByText('Email terverifikasi').waitFor();
    await applicant.getByRole('link', { name: 'Masuk sekarang' }).click();

    // 5. Log in with the NIK, as on SSCASN.
    await heading(applicant, 'Masuk');
    await submitLogin(applicant, APPLICANT.nik, APPLICANT.password);
    await heading(applicant, `Selamat datang, ${APPLICANT.fullName}`);
    expect(new URL(applicant.url()).pathname).toBe('/beranda');
    await applicant.getByRole('heading', { name: 'Langkah berikutnya' }).waitFor(); // the applicant's home: what to do next
    await applicant.getByText('727104**********').waitFor();
    expect(await seriousViolations(applicant)).toEqual([]);

    // 6. Switch to English: visible text, <html lang>, the pressed button and the server cookie follow.
    const english = applicant.getByRole('button', { name: /^EN/ });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();
    await heading(applicant, `Welcome, ${APPLICANT.fullName}`);
    expect(await applicant.locator('html').getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    await applicant.getByRole('heading', { name: 'Next step' }).waitFor();
    const cookies = await applicant.context().cookies();
    expect(cookies.find((c) => c.name === 'merit_lang')?.value).toBe('en');

    // The choice survives a reload, and the server now answers in English too.
    await applicant.reload();
    await heading(applicant, `Welcome, ${APPLICANT.fullName}`);
    expect(await applicant.locator('html').getAttribute('lang')).toBe('en');

    // 7. Log out.
    await applicant.getByRole('button', { name: 'Log out' }).click();
    await heading(applicant, 'Log in');
    await applicant.goto('/beranda');
    await heading(applicant, 'Log in');
  });

  it('on a phone, the applicant types the six-digit code from the e-mail instead of copying a link', async () => {
    const other = { nik: '7271045203990003', email: 'nur.aini@contoh.id', fullName: 'Nur Aini' };
    const applicant = await newPage({ width: 360, height: 780 });
    await applicant.goto('/daftar');
    await fillRegistration(applicant, other);
    await applicant.getByRole('button', { name: 'Daftar', exact: true }).click();
    await heading(applicant, 'Pendaftaran berhasil');
    await applicant.getByRole('link', { name: /verifikasi/i }).click();
    await heading(applicant, 'Verifikasi email');
    const codeForm = applicant.locator('form', {
      has: applicant.getByRole('heading', { name: 'Punya kode verifikasi?' }),
    });
    expect(await codeForm.getByLabel('Email', { exact: true }).inputValue()).toBe(other.email);

    const admin = await newPage();
    await admin.goto('/masuk');
    await submitLogin(admin, 'admin@merit.test', PASSWORD);
    await heading(admin, /^Selamat datang/);
    await admin.goto('/admin/kotak-keluar');
    await heading(admin, 'Kotak keluar email');
    const text = await admin.getByRole('article').filter({ hasText: other.email }).first().innerText();
    const code = /Kode verifikasi Anda: (\d{6})/.exec(text)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    await codeForm.getByLabel('Kode verifikasi').fill('000000' === code ? '111111' : '000000');
    await codeForm.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await applicant.getByText('Kode verifikasi salah').first().waitFor();
    await codeForm.getByLabel('Kode verifikasi').fill(code ?? '');
    await codeForm.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await applicant.getByText('Email terverifikasi').waitFor();
    expect(await seriousViolations(applicant)).toEqual([]);
  });

  it('an unknown address shows the not-found page inside the app', async () => {
    const page = await newPage();
    await page.goto('/tidak-ada-halaman-ini');
    await heading(page, 'Halaman tidak ditemukan');
    await page.getByRole('link', { name: 'Kembali ke halaman utama' }).waitFor();
  });
});
