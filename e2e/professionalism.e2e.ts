/**
 * Issue 26's whole story in the browser, on a fresh `npm start` (demo seed with three years of IP ASN
 * results): BKPSDM (pelatihan@) records a hukuman disiplin ringan for Ir. Hasan Lasoso (atasan@) →
 * his index for the running year loses disiplin points and says why → he reports a 24 JP diklat
 * teknis (a distance course, approved by BKPSDM) → kompetensi rises by the diklat teknis points →
 * BKPSDM recomputes the year → Diskominfo's row on the report, the city on the public page and the
 * ip-asn open-data file all follow. Axe on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { witaDateTimeLocal } from '../common/rules/wita.ts';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, expectClean } = journey();
const YEAR = Number(witaDateTimeLocal(new Date()).slice(0, 4));
const HASAN_NIP = '197808122003121002';
const KOMINFO = 'Dinas Komunikasi, Informatika, Persandian dan Statistik';
/** Today in Palu as typed into a date field (dd/mm/yyyy). */
const today = () => {
  const [y, m, d] = witaDateTimeLocal(new Date()).slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** A dimension's row of this year's card on an index page: "Kompetensi 15 dari 40 …". */
const dimension = (page: Page, name: string) =>
  page
    .getByRole('table', { name: `Rincian dimensi IP ASN ${YEAR}` })
    .getByRole('row', { name: new RegExp(`^${name}`) });
const pointsOf = async (page: Page, name: string) =>
  Number(
    (await dimension(page, name).getByRole('cell').first().innerText())
      .match(/^(\d+(?:,\d+)?) dari/)![1]!
      .replace(',', '.'),
  );

describe('professionalism: discipline and training move the index, and the reports follow', () => {
  let hasan: Page;
  let bkpsdm: Page;
  const before: { disiplin: number; kompetensi: number; opd: string; city: string; open: string } = {
    disiplin: 0,
    kompetensi: 0,
    opd: '',
    city: '',
    open: '',
  };
  const opdRow = (page: Page) =>
    page
      .getByRole('region', { name: /Indeks dan sebaran kategori per OPD/ })
      .getByRole('row', { name: new RegExp(KOMINFO) });
  const cityRow = (page: Page) =>
    page.getByRole('region', { name: /Indeks Kota Palu per jenis pegawai/ }).getByRole('row', { name: /^Semua ASN / });

  it('before: his index, the OPD row, the city and the open data as they stand', async () => {
    hasan = await newPage();
    await logIn(hasan, 'atasan@merit.test');
    await (await mainNav(hasan)).getByRole('link', { name: 'Indeks Profesionalitas saya' }).click();
    await dimension(hasan, 'Disiplin').waitFor();
    before.disiplin = await pointsOf(hasan, 'Disiplin');
    before.kompetensi = await pointsOf(hasan, 'Kompetensi');
    expect(before.disiplin).toBe(5);
    await dimension(hasan, 'Kompetensi')
      .getByText(/Belum ada diklat teknis ≥ 20 JP/)
      .waitFor();

    bkpsdm = await newPage();
    await logIn(bkpsdm, 'pelatihan@merit.test');
    await bkpsdm.goto('/ip-asn/laporan');
    before.opd = await opdRow(bkpsdm).innerText();
    const visitor = await newPage();
    await visitor.goto('/ip-asn');
    before.city = await cityRow(visitor).innerText();
    before.open = await (await visitor.request.get('/api/v1/public/open-data/ip-asn.csv')).text();
    expect(before.open).toContain('Kota Palu');
  });

  it('BKPSDM records a hukuman disiplin ringan; his index drops and says why', async () => {
    await (await mainNav(bkpsdm)).getByRole('link', { name: 'Hukuman disiplin', exact: true }).click();
    await bkpsdm.getByRole('link', { name: 'Catat hukuman disiplin' }).click();
    const form = bkpsdm.getByRole('form', { name: 'Catat hukuman disiplin' });
    await form.getByLabel('NIP pegawai').fill(HASAN_NIP);
    await form.getByLabel('Jenis hukuman').selectOption('teguran_tertulis');
    await form.getByLabel('Alasan (pelanggaran)').fill('Tidak masuk kerja tanpa alasan yang sah 4 hari kerja');
    await form.getByLabel('Nomor SK').fill(`800.1.6.3/021/DISKOMINFO/${YEAR}`);
    await form.getByLabel('Tanggal SK').fill(today());
    await form.getByLabel('Pejabat yang menjatuhkan').fill('Kepala Dinas Komunikasi dan Informatika');
    await form.getByLabel('Mulai hukuman').fill(today());
    await form.getByRole('button', { name: 'Simpan' }).click();
    await bkpsdm.getByText('Hukuman disiplin tercatat. Unggah SK-nya di bawah.').waitFor();
    await expectClean(bkpsdm);

    await hasan.reload();
    await dimension(hasan, 'Disiplin').getByText(`Hukuman disiplin tingkat ringan pada ${YEAR}`).waitFor();
    expect(await pointsOf(hasan, 'Disiplin')).toBeLessThan(before.disiplin);
    await expectClean(hasan);
  });

  it('he reports a 24 JP diklat teknis, BKPSDM approves it, and kompetensi rises', async () => {
    await hasan.goto('/pelatihan/saya');
    const form = hasan.getByRole('form', { name: 'Laporkan kegiatan di luar pelatihan' });
    await form.getByLabel('Jenis kegiatan').selectOption('pelatihan_jarak_jauh');
    await form.getByLabel('Nama kegiatan').fill('Pelatihan Keamanan Aplikasi Pemerintah (daring)');
    await form.getByLabel('Penyelenggara').fill('BPSDM Kominfo');
    await form.getByLabel('Tanggal kegiatan').fill(today());
    await form.getByLabel('Lama kegiatan (menit)').fill('1080');
    await form
      .getByLabel('Tautan bukti (sertifikat, daftar hadir)')
      .fill('https://drive.palukota.go.id/sertifikat/appsec.pdf');
    await form.getByRole('button', { name: 'Kirim klaim' }).click();
    await hasan.getByText(/Klaim terkirim \(24 JP\)/).waitFor();

    await bkpsdm.goto('/jp');
    await bkpsdm
      .getByRole('button', { name: 'Setujui klaim Ir. Hasan Lasoso: Pelatihan Keamanan Aplikasi Pemerintah (daring)' })
      .click();
    await bkpsdm.getByText('Keputusan tersimpan.').waitFor();

    await hasan.goto('/pegawai/indeks');
    await dimension(hasan, 'Kompetensi')
      .getByText(/Diklat teknis 24 JP dalam 12 bulan terakhir/)
      .waitFor();
    expect(await pointsOf(hasan, 'Kompetensi')).toBeGreaterThan(before.kompetensi);
    await expectClean(hasan);
  });

  it('BKPSDM recomputes the year: the OPD row, the public city figure and the open data follow', async () => {
    await bkpsdm.goto('/ip-asn/instrumen');
    const recompute = bkpsdm.getByRole('region', { name: 'Hitung ulang' });
    await recompute.getByLabel('Tahun').selectOption(String(YEAR));
    await recompute.getByRole('button', { name: `Hitung ulang tahun ${YEAR}` }).click();
    await recompute.getByText(new RegExp(`Tahun ${YEAR} versi .*: \\d+ pegawai`)).waitFor();

    await bkpsdm.goto('/ip-asn/laporan');
    await expect.poll(() => opdRow(bkpsdm).innerText()).not.toBe(before.opd);
    await expectClean(bkpsdm);
    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.goto('/ip-asn');
    await expect.poll(() => cityRow(visitor).innerText()).not.toBe(before.city);
    const open = await (await visitor.request.get('/api/v1/public/open-data/ip-asn.csv')).text();
    expect(open).not.toBe(before.open);
    await expectClean(visitor);
  });
});
