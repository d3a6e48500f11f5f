/**
 * Citizens take part without an applicant account (issue 23 §3), in the browser on a fresh
 * `npm start` (demo seed): a citizen signs up on a 360 px phone without NIK, verifies the e-mail
 * through the link the admin reads in the outbox (as the identity journey does), comments on the
 * demo consultation and registers for a forum; the committee closes the comment window early,
 * answers, and sets the final text with a reason per change (refused without one); the public sees
 * the final text, the changes and their reasons at 1280 px and 360 px. axe finds no violation on
 * any page visited.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, shot, expectClean } = journey();

const CITIZEN = {
  name: 'Fadli Ramadhan Tompo',
  masked: 'Fad*** R*** T***',
  email: 'fadli.tompo@contoh.id',
  password: 'Jembatan Palu Empat 2026',
};
const CONSULTATION = 'Rancangan kriteria formasi CASN Pemerintah Kota Palu';
const COMMENT = 'Mohon batas usia perawat dan bidan juga 40 tahun; banyak yang baru lulus profesi setelah bekerja.';
const AGE_FINAL =
  'Usia paling rendah 18 tahun dan paling tinggi 35 tahun pada tanggal penutupan pendaftaran.\nDokter spesialis, perawat dan bidan: paling tinggi 40 tahun.';
const REASON = 'Masukan warga: perawat dan bidan lulus profesi di atas usia 35 tahun.';

/** Zero axe violations of any impact (stricter than the shared serious/moderate bars), and no sideways scroll. */
async function noViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })),
  ).toEqual([]);
  await expectClean(page);
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('a citizen takes part without an applicant account', () => {
  it('signs up without NIK, comments; the committee closes early, answers and sets the final text; the public sees the changes', async () => {
    // 1. Sign-up on a phone, from the applicant's registration page.
    const warga = await newPage({ width: 360, height: 740 });
    await warga.goto('/daftar');
    await warga.getByRole('link', { name: /Bukan pelamar\? Daftar sebagai warga/ }).click();
    await heading(warga, 'Daftar sebagai warga atau organisasi');
    await noViolations(warga);
    await warga.getByRole('radio', { name: 'Warga (perorangan)' }).check();
    await warga.getByLabel('Nama lengkap').fill(CITIZEN.name);
    await warga.getByLabel('Email', { exact: true }).fill(CITIZEN.email);
    await warga.getByLabel('Kata sandi', { exact: true }).fill(CITIZEN.password);
    await warga.getByLabel('Ulangi kata sandi').fill(CITIZEN.password);
    await warga.getByRole('checkbox', { name: /akun partisipasi publik ini/ }).check();
    await shot(warga, 'prt-citizen-signup-mobile.png');
    await warga.getByRole('button', { name: 'Daftar', exact: true }).click();
    await heading(warga, 'Periksa email Anda');
    await warga.getByText(CITIZEN.email).waitFor();
    await noViolations(warga);

    // 2. Unverified, signing in is refused.
    await warga.goto('/masuk');
    await warga.getByLabel('Email atau NIK').fill(CITIZEN.email);
    await warga.getByLabel('Kata sandi', { exact: true }).fill(CITIZEN.password);
    await warga.getByRole('button', { name: 'Masuk', exact: true }).click();
    await warga.getByText('Email Anda belum diverifikasi.').waitFor();

    // 3. The admin reads the verification e-mail in the outbox; the citizen opens its link.
    const admin = await newPage();
    await logIn(admin, 'admin@merit.test');
    await (await mainNav(admin)).getByRole('link', { name: 'Kotak keluar' }).click();
    await heading(admin, 'Kotak keluar email');
    const mail = admin.getByRole('article').filter({ hasText: CITIZEN.email }).first();
    const href = await mail
      .getByRole('link', { name: /\/verifikasi-email\?token=/ })
      .first()
      .getAttribute('href');
    expect(href).toMatch(/\/verifikasi-email\?token=[A-Za-z0-9_-]{20,}/);
    const verifyUrl = new URL(href ?? '');
    await warga.goto(verifyUrl.pathname + verifyUrl.search);
    await warga.getByText('Email terverifikasi').waitFor();
    await warga.getByRole('link', { name: 'Masuk sekarang' }).click();
    await heading(warga, 'Masuk');
    await warga.getByLabel('Email atau NIK').fill(CITIZEN.email);
    await warga.getByLabel('Kata sandi', { exact: true }).fill(CITIZEN.password);
    await warga.getByRole('button', { name: 'Masuk', exact: true }).click();
    await heading(warga, `Selamat datang, ${CITIZEN.name}`);
    await warga.getByText('Warga', { exact: true }).first().waitFor();
    await warga.getByText('Anda belum berkomentar pada konsultasi.').waitFor();
    await noViolations(warga);

    // 4. The citizen comments on the demo consultation and registers for the coming forum.
    await (await mainNav(warga)).getByRole('link', { name: 'Konsultasi publik' }).click();
    await warga.getByRole('link', { name: CONSULTATION }).click();
    await heading(warga, CONSULTATION);
    const form = warga.getByRole('form', { name: 'Komentar Anda tentang "Batas usia"' });
    await form.getByLabel('Komentar Anda tentang "Batas usia"').fill(COMMENT);
    await form.getByRole('button', { name: 'Kirim komentar' }).click();
    await warga.getByText(COMMENT).waitFor();
    await warga.getByText(CITIZEN.masked, { exact: true }).waitFor();
    await noViolations(warga);
    await (await mainNav(warga)).getByRole('link', { name: 'Forum publik' }).click();
    await warga.getByRole('link', { name: 'Forum publik pelaksanaan seleksi CASN' }).click();
    await warga.getByRole('button', { name: 'Daftar sebagai peserta' }).click();
    await warga.getByText('Anda terdaftar sebagai peserta.').waitFor();
    await noViolations(warga);

    // 5. The committee closes the window early (asked once more), then answers the comment.
    const panitia = await newPage();
    await logIn(panitia, 'panitia@merit.test');
    await panitia.goto('/konsultasi');
    await panitia.getByRole('link', { name: CONSULTATION }).click();
    await heading(panitia, CONSULTATION);
    await panitia.getByRole('button', { name: 'Tutup masa komentar sekarang' }).click();
    await panitia.getByText('Tutup masa komentar sekarang? Tindakan ini tidak dapat dibatalkan.').waitFor();
    await noViolations(panitia);
    await panitia.getByRole('button', { name: 'Ya, tutup sekarang' }).click();
    await panitia.getByText('Komentar ditutup', { exact: true }).waitFor();
    await panitia.getByText(/Masa komentar ditutup lebih awal oleh panitia pada/).waitFor();
    const answer = panitia.getByRole('form', { name: `Jawaban untuk ${CITIZEN.masked}` });
    await answer
      .getByLabel(`Jawaban untuk ${CITIZEN.masked}`)
      .fill('Diterima: batas usia perawat dan bidan menjadi 40 tahun.');
    await answer.getByRole('button', { name: 'Jawab' }).click();
    await panitia.getByText('Diterima: batas usia perawat dan bidan menjadi 40 tahun.').waitFor();

    // 6. The final text: a changed section without a reason is refused; with one it is set.
    const final = panitia.getByRole('form', { name: 'Versi final' });
    await final.getByLabel('Teks final "Batas usia"').fill(AGE_FINAL);
    await final.getByLabel('Catatan versi final').fill('Batas usia tenaga kesehatan disesuaikan dengan masukan warga.');
    await final.getByRole('button', { name: 'Tetapkan versi final' }).click();
    await final.getByText('Jelaskan alasan perubahan bagian "Batas usia".').waitFor();
    await noViolations(panitia);
    await final.getByLabel('Alasan perubahan "Batas usia" (wajib bila berubah)').fill(REASON);
    await final.getByRole('button', { name: 'Tetapkan versi final' }).click();
    await panitia.getByText('Final', { exact: true }).waitFor();
    await noViolations(panitia);

    // 7. The public sees the final text, what changed and why, at 1280 px and on a phone.
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const visitor = await newPage(viewport);
      await visitor.goto('/konsultasi');
      await visitor.getByRole('link', { name: CONSULTATION }).click();
      await heading(visitor, CONSULTATION);
      await visitor.getByText('Final', { exact: true }).waitFor();
      await visitor.getByText(/Masa komentar ditutup lebih awal oleh panitia pada/).waitFor();
      const age = visitor.getByRole('region', { name: '1. Batas usia' });
      const diff = age.getByRole('group', { name: 'Perubahan dari rancangan' });
      await diff.locator('del', { hasText: 'Dokter spesialis: paling tinggi 40 tahun.' }).waitFor();
      await diff.locator('ins', { hasText: 'Dokter spesialis, perawat dan bidan: paling tinggi 40 tahun.' }).waitFor();
      await age.getByText(REASON).waitFor();
      await age.getByText('Diterima: batas usia perawat dan bidan menjadi 40 tahun.').waitFor();
      await visitor
        .getByRole('region', { name: '2. Kualifikasi pendidikan' })
        .getByText('Tidak berubah dari rancangan.')
        .waitFor();
      await noViolations(visitor);
      if (viewport.width === 360) await shot(visitor, 'prt-consultation-citizen-final-mobile.png');
    }

    // 8. The citizen's home lists the forum and the answered comment.
    await warga.goto('/beranda');
    await heading(warga, `Selamat datang, ${CITIZEN.name}`);
    await warga.getByRole('link', { name: '1 komentar Anda sudah dijawab panitia' }).waitFor();
    await warga.getByRole('link', { name: '1 forum yang Anda ikuti akan berlangsung' }).waitFor();
    await warga.getByRole('link', { name: `${CONSULTATION} — bagian "Batas usia"` }).waitFor();
    await warga.getByText(/Final · sudah dijawab/).waitFor();
    await noViolations(warga);
  });
});
