/**
 * Browser journey for "does selection pick people who perform?" (issue 26 §4) on a fresh
 * `npm start` (demo seed with its synthetic 2024 cohort): the committee (panitia@) opens the
 * correlation page from the menu, sees the demo period labelled "Data demo (sintetis)", ρ with its
 * 95 % interval and n, the small groups hidden, and the heat grid of counts; a visitor sees the
 * same aggregate on the public page without signing in. Axe on both pages.
 */
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, shot, expectClean } = journey({ env: { MERIT_SEED_DEMO_COHORT: 'true' } });

describe('correlation journey in the browser', () => {
  it('the committee opens the demo period and reads ρ with its interval, n and the demo label', async () => {
    const page = await newPage();
    await logIn(page, 'panitia@merit.test');
    await (await mainNav(page)).getByRole('link', { name: 'Seleksi & kinerja' }).click();
    await page.waitForURL('**/korelasi-seleksi');
    await page.getByRole('heading', { level: 1, name: 'Apakah seleksi memilih orang yang berkinerja?' }).waitFor();
    await page.getByRole('note').getByText('Data demo (sintetis)').waitFor();
    expect(await page.getByLabel('Periode seleksi').inputValue()).not.toBe('');
    const matrix = page.getByRole('table', { name: /ρ Spearman dengan selang kepercayaan 95 %/ });
    const final = matrix.getByRole('row', { name: /Nilai akhir \(integrasi\)/ });
    await final.waitFor();
    const text = await final.innerText();
    expect(text).toMatch(/ρ = -?0,\d\d/);
    expect(text).toMatch(/SK 95 %: -?0,\d\d s\.d\. -?0,\d\d/);
    expect(text).toContain('n = 120');
    expect(text).not.toContain('belum ada'); // the demo seed computes the cohort's IP ASN too
    await page.getByText('Disembunyikan karena kecil (12 orang, kurang dari 30).').waitFor();
    await page.getByRole('img', { name: /Jumlah orang menurut Nilai akhir \(integrasi\)/ }).waitFor();
    await page.getByLabel('Hasil', { exact: true }).selectOption('latsar');
    await page
      .getByRole('img', { name: /Jumlah orang menurut Nilai akhir \(integrasi\) \(mendatar\) dan Hasil Latsar/ })
      .waitFor();
    await expectClean(page, 'moderate');
    await shot(page, 'correlation.png');
  });

  it('a visitor sees the same aggregate on the public page', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto('/seleksi-dan-kinerja');
    await page.getByRole('heading', { level: 1, name: 'Seleksi dan kinerja sesudahnya' }).waitFor();
    await page.getByRole('note').getByText('Data demo (sintetis)').waitFor();
    const row = page
      .getByRole('table', { name: /ρ Spearman dengan selang kepercayaan 95 %/ })
      .getByRole('row', { name: /SKD total/ });
    expect(await row.innerText()).toMatch(/ρ = -?0,\d\d[\s\S]*n = 120/);
    await page.getByText('Disembunyikan karena kecil (kurang dari 30 orang).').first().waitFor();
    await expectClean(page, 'moderate');
  });
});
