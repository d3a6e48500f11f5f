/**
 * Browser journey for hukuman disiplin on a fresh `npm start` (demo seed): BKPSDM (pelatihan@)
 * records a teguran lisan (ringan) for Sitti Aisyah through the form and attaches the SK as a PDF;
 * Sitti (pegawai@) signs in, finds "Hukuman disiplin saya" in the menu and sees it with its
 * objection route and the SK to download. Axe on every page.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, expectClean } = journey();
const SK = '800.1.6.3/015/DISKOMINFO/2026';

async function skPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc
    .addPage([595, 842])
    .drawText('SK Teguran Lisan', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

describe('hukuman disiplin journey in the browser', () => {
  let bkpsdm: Page;

  it('BKPSDM records a teguran lisan with its SK as PDF', async () => {
    bkpsdm = await newPage();
    await logIn(bkpsdm, 'pelatihan@merit.test');
    await (await mainNav(bkpsdm)).getByRole('link', { name: 'Hukuman disiplin', exact: true }).click();
    await bkpsdm.waitForURL('**/disiplin');
    await bkpsdm.getByText('Tidak ada catatan hukuman disiplin.').waitFor();
    await expectClean(bkpsdm);
    await bkpsdm.getByRole('link', { name: 'Catat hukuman disiplin' }).click();
    const form = bkpsdm.getByRole('form', { name: 'Catat hukuman disiplin' });
    await form.getByLabel('NIP pegawai').fill('199104252015032001');
    await form.getByLabel('Jenis hukuman').selectOption('teguran_lisan');
    await form.getByLabel('Alasan (pelanggaran)').fill('Tidak masuk kerja tanpa alasan yang sah 3 hari kerja');
    await form.getByLabel('Nomor SK').fill(SK);
    await form.getByLabel('Tanggal SK').fill('02/02/2026');
    await form.getByLabel('Pejabat yang menjatuhkan').fill('Kepala Dinas Komunikasi dan Informatika');
    await form.getByLabel('Mulai hukuman').fill('01/02/2026');
    await form.getByRole('button', { name: 'Simpan' }).click();
    // Start before the SK date: refused on the field, in Indonesian.
    await form.getByText('tidak boleh sebelum tanggal SK').waitFor();
    await form.getByLabel('Mulai hukuman').fill('02/02/2026');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await bkpsdm.waitForURL('**/disiplin/*/ubah');
    await bkpsdm.getByText('Hukuman disiplin tercatat. Unggah SK-nya di bawah.').waitFor();
    await bkpsdm.getByLabel('Berkas SK (PDF, maks. 2 MB)').setInputFiles({
      name: 'sk-teguran.pdf',
      mimeType: 'application/pdf',
      buffer: await skPdf(),
    });
    await bkpsdm.getByRole('button', { name: 'Unggah SK' }).click();
    await bkpsdm.getByText('SK tersimpan.').waitFor();
    await expectClean(bkpsdm);
    await bkpsdm.goto('/disiplin');
    await bkpsdm.getByRole('row', { name: /Sitti Aisyah.*Teguran lisan.*Ringan/ }).waitFor();
    await expectClean(bkpsdm);
  });

  it('the employee signs in and sees it on "Hukuman disiplin saya"', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await (await mainNav(pegawai)).getByRole('link', { name: 'Hukuman disiplin saya' }).click();
    await pegawai.waitForURL('**/disiplin/saya');
    await pegawai.getByRole('heading', { level: 2, name: /Teguran lisan/ }).waitFor();
    await pegawai.getByText(`SK ${SK} tanggal`).waitFor();
    await pegawai.getByText('Keberatan', { exact: true }).waitFor();
    const download = pegawai.waitForEvent('download');
    await pegawai.getByRole('link', { name: 'Unduh SK (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^sk-hukuman-disiplin-.*\.pdf$/);
    await expectClean(pegawai);
  });
});
