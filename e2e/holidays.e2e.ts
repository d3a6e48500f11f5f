/**
 * A deadline across New Year (issue 23 §9), on a server whose clock starts on Tuesday 29 December
 * 2026 (MERIT_NOW) with the demo seed (2024–2026 loaded, 2027 not): a citizen's complaint is due on
 * Monday 4 January 2027, not on the 1 January holiday, and shown provisional; the committee's and
 * the admin's homes warn; the admin's bad SKB sheet is refused row by row with nothing saved, the
 * good one is imported, a day is amended; the deadline is then no longer provisional. Axe and the
 * 360 px check on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';

// 09:00 WITA on Tuesday 29 December 2026.
const { newPage, logIn, expectClean } = journey({ env: { MERIT_NOW: '2026-12-29T01:00:00Z' } });

const sheet = (rows: string[]) => ({
  name: 'libur-2027.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['tanggal,jenis,keterangan', ...rows].join('\n') + '\n'),
});
const WARNING = /Kalender libur tahun depan belum dimuat/;

// The steps share the pages; each is its own test so a slow machine reports where it stopped.
const STEP_MS = 300_000;
let citizen: Page;
let admin: Page;
let trackingId = '';

describe('the holiday calendar in the browser: a deadline across New Year', () => {
  it(
    'a complaint filed on Tue 29 Dec 2026 is due on Mon 4 Jan 2027, not the 1 January holiday, and shown provisional',
    async () => {
      citizen = await newPage({ width: 360, height: 740 });
      await citizen.goto('/pengaduan');
      const form = citizen.getByRole('form', { name: 'Sampaikan pengaduan' });
      await form.getByLabel('Kategori').selectOption({ label: 'Seleksi/rekrutmen' });
      await form.getByLabel('Judul singkat').fill('Pengumuman hasil seleksi tidak bisa dibuka');
      await form
        .getByLabel('Uraian (apa, di mana, kapan)')
        .fill('Sejak pagi tautan pengumuman hasil seleksi di laman BKPSDM menampilkan galat dan tidak bisa diunduh.');
      await form.getByLabel('Anonim (tanpa identitas sama sekali)').check();
      await form.getByRole('button', { name: 'Kirim laporan' }).click();
      trackingId = (await citizen.getByTestId('tracking-id').textContent())!.trim();
      await citizen.getByText('Verifikasi paling lambat 4 Januari 2027.').waitFor();
      await citizen.getByText('Batas waktu ini sementara (kalender libur 2027 belum dimuat).').waitFor();
      await expectClean(citizen);
      await citizen.getByRole('link', { name: 'Lacak laporan ini' }).click();
      const dueLine = citizen.getByText(/Batas waktu: 4 Januari 2027/);
      await dueLine.waitFor();
      expect(await dueLine.textContent()).toContain('sementara (kalender libur 2027 belum dimuat)');
      expect(await citizen.getByText(/1 Januari 2027/).count()).toBe(0);
      await expectClean(citizen);
    },
    STEP_MS,
  );

  it(
    'the committee’s home warns that the 2027 list is missing; the calendar is read-only for them',
    async () => {
      const panitia = await newPage();
      await logIn(panitia, 'panitia@merit.test');
      await panitia.getByRole('link', { name: WARNING }).click();
      await panitia.getByRole('heading', { level: 1, name: 'Kalender hari libur' }).waitFor();
      await panitia.getByText('Daftar SKB 3 Menteri tahun 2027 belum dimuat.', { exact: false }).waitFor();
      await panitia.getByText(/Hanya admin yang dapat memuat/).waitFor();
      expect(await panitia.getByRole('button', { name: 'Periksa berkas' }).count()).toBe(0);
      await expectClean(panitia);
    },
    STEP_MS,
  );

  it(
    'the admin imports the 2027 SKB list (a bad sheet refused whole, row by row) and amends a day',
    async () => {
      admin = await newPage();
      await logIn(admin, 'admin@merit.test');
      await expectClean(admin);
      await admin.getByRole('link', { name: WARNING }).click();
      await admin.getByRole('heading', { level: 1, name: 'Kalender hari libur' }).waitFor();
      const days = admin.getByRole('region', { name: 'Hari libur tahun 2027' });
      await days.getByRole('row', { name: /01\/01\/2027.*Tanggal tetap/ }).waitFor();
      await expectClean(admin);

      // A sheet with wrong rows is refused whole, each row saying what to fix.
      const upload = admin.getByRole('form', { name: 'Impor daftar SKB 3 Menteri' });
      await upload.getByLabel('Nomor SKB 3 Menteri').fill('SKB 1234/2026, 3/2026, 6/2026');
      await upload.getByLabel('Tanggal SKB').fill('14/10/2026');
      await upload
        .getByLabel('Berkas XLSX atau CSV')
        .setInputFiles(
          sheet([
            '05/02/2027,cuti_bersama,Cuti bersama Tahun Baru Imlek',
            '2026-12-31,cuti_bersama,Tahun yang salah',
            '10/03/2027,libur daerah,Hari Raya Idul Fitri 1448 H',
          ]),
        );
      await upload.getByRole('button', { name: 'Periksa berkas' }).click();
      await admin.getByText('2 baris perlu diperbaiki; tidak ada yang disimpan.', { exact: false }).waitFor();
      const report = admin.getByRole('region', { name: 'Hasil pemeriksaan berkas' });
      await report.getByText(/di luar tahun 2027/).waitFor();
      await report.getByText(/Jenis "libur daerah" tidak dikenal/).waitFor();
      await expectClean(admin);

      // The corrected sheet is checked, then imported.
      await upload
        .getByLabel('Berkas XLSX atau CSV')
        .setInputFiles(
          sheet([
            '05/02/2027,cuti_bersama,Cuti bersama Tahun Baru Imlek',
            '06/02/2027,libur_nasional,Tahun Baru Imlek 2578 Kongzili',
            '10/03/2027,libur_nasional,Hari Raya Idul Fitri 1448 H',
          ]),
        );
      await upload.getByRole('button', { name: 'Periksa berkas' }).click();
      await admin.getByRole('button', { name: 'Impor 3 hari libur' }).click();
      await admin.getByText('3 hari libur disimpan; daftar tahun ini sudah dimuat.').waitFor();
      await admin.getByText(/Daftar 2027 sudah dimuat: SKB 1234\/2026/).waitFor();
      await days.getByRole('row', { name: /10\/03\/2027.*Daftar SKB/ }).waitFor();

      // An amendment during the year.
      const dayForm = admin.getByRole('form', { name: 'Tambah atau ubah satu hari' });
      await dayForm.getByLabel('Tanggal').fill('11/03/2027');
      await dayForm.getByLabel('Jenis').selectOption({ label: 'Cuti bersama' });
      await dayForm.getByLabel('Keterangan').fill('Cuti bersama Idul Fitri 1448 H');
      await dayForm.getByRole('button', { name: 'Simpan hari libur' }).click();
      await dayForm.getByText('Hari libur disimpan.').waitFor();
      await days.getByRole('row', { name: /11\/03\/2027.*Cuti bersama.*Perubahan/ }).waitFor();
      await expectClean(admin);
      await admin.setViewportSize({ width: 360, height: 740 });
      await expectClean(admin);
    },
    STEP_MS,
  );

  it(
    'then the home no longer warns and the citizen’s deadline is firm',
    async () => {
      await admin.goto('/beranda');
      await admin.getByRole('heading', { name: 'Tugas Anda' }).waitFor();
      expect(await admin.getByRole('link', { name: WARNING }).count()).toBe(0);
      await citizen.goto(`/pengaduan/lacak/${trackingId}`);
      const firm = citizen.getByText(/Batas waktu: 4 Januari 2027/);
      await firm.waitFor();
      expect(await firm.textContent()).not.toContain('sementara');
      await expectClean(citizen);
    },
    STEP_MS,
  );
});
