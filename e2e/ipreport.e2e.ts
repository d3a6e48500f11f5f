/**
 * Browser journey for the IP ASN reports on a fresh `npm start` (demo seed with two years of demo
 * results): BKPSDM opens the city dashboard from the menu, reads the index, the stacked band chart
 * and the OPD table, and downloads Diskominfo's PDF report; a supervisor sees only their OPD; a
 * visitor's public page shows the city index and hides the groups under five. Axe on every page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const KOMINFO = 'Dinas Komunikasi, Informatika, Persandian dan Statistik';
const { newPage, logIn, shot, expectClean } = journey();

describe('IP ASN reports in the browser', () => {
  it('BKPSDM opens the city dashboard and downloads an OPD report as PDF', async () => {
    const page = await newPage();
    await logIn(page, 'pelatihan@merit.test');
    await (await mainNav(page)).getByRole('link', { name: 'Laporan IP ASN' }).click();
    await page.waitForURL('**/ip-asn/laporan');
    await page.getByRole('heading', { level: 2, name: /^Kota Palu, \d{4}: / }).waitFor();
    await page.getByRole('img', { name: /^Sebaran kategori pegawai per OPD, \d{4}/ }).waitFor();
    const orgs = page.getByRole('region', { name: /Indeks dan sebaran kategori per OPD/ });
    await orgs.getByRole('row', { name: new RegExp(KOMINFO) }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Instrumen perban-8-2019' }).waitFor();
    await expectClean(page);
    await shot(page, 'ip-asn-report.png');
    const download = page.waitForEvent('download');
    await orgs.getByRole('link', { name: `Unduh laporan PDF ${KOMINFO}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^laporan-ip-asn-kominfo-\d{4}\.pdf$/);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
  });

  it('a supervisor sees their own OPD only', async () => {
    const page = await newPage();
    await logIn(page, 'atasan@merit.test');
    await page.goto('/ip-asn/laporan');
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${KOMINFO}, \\d{4}: `) }).waitFor();
    const orgs = page.getByRole('region', { name: /Indeks dan sebaran kategori per OPD/ });
    expect(await orgs.getByRole('row').count()).toBe(2); // header and Diskominfo
    await expectClean(page);
  });

  it('the public page shows the city index and hides groups under five people', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto('/');
    await (await mainNav(page)).getByRole('link', { name: 'IP ASN Kota' }).click();
    await page.waitForURL('**/ip-asn');
    await page.getByRole('heading', { level: 1, name: 'Indeks Profesionalitas ASN Kota Palu' }).waitFor();
    const city = page.getByRole('region', { name: /Indeks Kota Palu per jenis pegawai/ });
    await city.getByRole('row', { name: /^Semua ASN \d+ \d+ [\d,]+ % \d+,\d{2} / }).waitFor();
    await page
      .getByRole('region', { name: /per OPD dan jenis pegawai/ })
      .getByText('kurang dari 5 orang')
      .first()
      .waitFor();
    await expectClean(page);
  });
});
