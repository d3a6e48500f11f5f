/**
 * Browser journey for the IP ASN index on a fresh `npm start` (demo seed): the employee (pegawai@)
 * opens "Indeks Profesionalitas saya" and sees each dimension's points and reasons, the
 * "data belum lengkap" and "sementara" marks, the history chart and table, and what would raise it
 * with links to act; BKPSDM's training admin (pelatihan@) is refused a bad cell next to its input,
 * saves a new instrument version with a changed provisional cell, assigns it to the running year
 * and recomputes; the employee's page then shows the new version. Axe on every page.
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, shot, expectClean } = journey();
const YEAR = new Date().getFullYear();

describe('IP ASN journey in the browser', () => {
  let pegawai: Page;
  let bkpsdm: Page;

  it('the employee sees their index with reasons, marks, history and what would raise it', async () => {
    pegawai = await newPage();
    await logIn(pegawai, 'pegawai@merit.test');
    await (await mainNav(pegawai)).getByRole('link', { name: 'Indeks Profesionalitas saya' }).click();
    await pegawai.waitForURL('**/pegawai/indeks');
    await pegawai.getByRole('heading', { level: 1, name: 'Indeks Profesionalitas saya' }).waitFor();
    await pegawai.getByRole('heading', { level: 2, name: `Tahun ${YEAR}` }).waitFor();
    const table = pegawai.getByRole('table', { name: `Rincian dimensi IP ASN ${YEAR}` });
    await table.getByRole('rowheader', { name: 'Kompetensi' }).waitFor();
    await table.getByText(/Pendidikan terakhir belum tercatat/).waitFor();
    await table.getByText('data belum lengkap').first().waitFor();
    await pegawai.getByText('sementara').first().waitFor();
    const raise = pegawai.getByRole('region', { name: 'Yang dapat menaikkan indeks' });
    await raise.getByRole('link', { name: 'Lengkapi riwayat pendidikan' }).waitFor();
    await raise
      .getByText(/menambah (Kompetensi|Kinerja)/)
      .first()
      .waitFor();
    await pegawai.getByRole('img', { name: /Total IP ASN per tahun/ }).waitFor();
    await pegawai.getByRole('table', { name: 'Riwayat total dan kategori IP ASN per tahun' }).waitFor();
    await expectClean(pegawai);
    await shot(pegawai, 'ipasn-mine.png');
  });

  it('BKPSDM saves a new version with a changed provisional cell, assigns it to the year and recomputes', async () => {
    bkpsdm = await newPage();
    await logIn(bkpsdm, 'pelatihan@merit.test');
    await (await mainNav(bkpsdm)).getByRole('link', { name: 'Instrumen IP ASN' }).click();
    await bkpsdm.waitForURL('**/ip-asn/instrumen');
    await bkpsdm.getByRole('button', { name: 'Buka versi perban-8-2019' }).waitFor();
    await expectClean(bkpsdm);

    // A cell above its dimension's maximum is refused next to the input; nothing is saved.
    const s1 = bkpsdm.getByLabel('Poin S-1/D-IV', { exact: true });
    await s1.fill('30');
    await bkpsdm.getByLabel('Nama versi baru').fill('palu-uji');
    await bkpsdm.getByLabel('Alasan perubahan').fill('Percobaan nilai yang salah');
    await bkpsdm.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await bkpsdm
      .getByText(/Poin S-1\/D-IV harus antara 0 dan 25/)
      .first()
      .waitFor();
    await s1.fill('15');

    const baik = bkpsdm.getByRole('group', { name: /^Baik/ });
    await baik.getByText('sementara').waitFor();
    await baik.getByLabel('Poin Baik', { exact: true }).fill('27');
    await bkpsdm.getByLabel('Nama versi baru').fill('palu-2026');
    await bkpsdm.getByLabel('Alasan perubahan').fill('Poin Baik disesuaikan sambil menunggu pemetaan BKN');
    await bkpsdm.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await bkpsdm.getByRole('status').getByText('Versi palu-2026 tersimpan.', { exact: false }).waitFor();
    await bkpsdm.getByRole('button', { name: 'Buka versi palu-2026' }).waitFor();

    const assign = bkpsdm.getByRole('form', { name: 'Tetapkan versi untuk satu tahun' });
    await assign.getByLabel('Tahun').selectOption(String(YEAR));
    await assign.getByLabel('Versi instrumen').selectOption({ label: 'palu-2026' });
    await assign.getByRole('button', { name: 'Tetapkan' }).click();
    await assign
      .getByRole('status')
      .getByText(`Tahun ${YEAR} kini diukur dengan versi terpilih.`, { exact: false })
      .waitFor();

    const recompute = bkpsdm.getByRole('region', { name: 'Hitung ulang' });
    await recompute.getByLabel('Tahun').selectOption(String(YEAR));
    await recompute.getByRole('button', { name: `Hitung ulang tahun ${YEAR}` }).click();
    await recompute.getByText(new RegExp(`Tahun ${YEAR} versi palu-2026: \\d+ pegawai`)).waitFor();
    await expectClean(bkpsdm);
    await shot(bkpsdm, 'ipasn-instrument.png');
  });

  it("the employee's running year is now measured with the new version", async () => {
    await pegawai.reload();
    await pegawai.getByText(`Instrumen versi palu-2026`, { exact: false }).first().waitFor();
    await expectClean(pegawai);
  });
});
