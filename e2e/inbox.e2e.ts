/**
 * The home as each person's inbox, on a fresh `npm start` (demo seed), at 1280 px and 360 px with
 * axe on every page visited: an item appears when the work arrives, links to the exact place to
 * act, and disappears once the work is done — the committee's complaint to verify, the employee's
 * SKP to agree, the supervisor's JP claim to decide.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, journey } from './support/journey.ts';

const { newPage, logIn, expectClean } = journey();
const PHONE = { width: 360, height: 740 };

const inbox = (page: Page) =>
  page.getByRole('list', { name: 'Pekerjaan yang menunggu Anda, paling mendesak lebih dulu' });
/** The number at the start of an inbox link's sentence ("3 pengaduan …"), 0 when the item is not shown. */
async function countIn(page: Page, text: RegExp) {
  await page.getByRole('heading', { level: 2, name: 'Tugas Anda' }).waitFor();
  const link = page.getByRole('link', { name: text });
  if ((await link.count()) === 0) return 0;
  return Number(/^(\d+)/.exec((await link.first().textContent()) ?? '')?.[1] ?? 1);
}
async function cleanAtBothWidths(page: Page) {
  await expectClean(page);
  await page.setViewportSize(PHONE);
  await expectClean(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the inbox in the browser', () => {
  it('the committee sees a new complaint to verify with its deadline, acts through the link, and it leaves the inbox', async () => {
    const panitia = await newPage();
    await logIn(panitia, 'panitia@merit.test');
    const TO_VERIFY = /pengaduan menunggu verifikasi dan disposisi/;
    const before = await countIn(panitia, TO_VERIFY);
    await cleanAtBothWidths(panitia);

    // A report arrives (filed by a signed-in member of staff: no anti-spam puzzle needed).
    const pegawai = await newPage(PHONE);
    await logIn(pegawai, 'pegawai@merit.test');
    const filed = await apiCall(pegawai, 'POST', '/api/v1/public/complaints', {
      kind: 'pengaduan',
      category: 'service',
      title: 'Antrean layanan kepegawaian terlalu panjang',
      body: 'Pada hari Selasa antrean layanan kepegawaian di BKPSDM mencapai dua jam tanpa nomor antrean.',
      privacy: 'open',
      name: null,
      contact: null,
    });
    expect(filed.status).toBe(201);
    const trackingId = filed.json.trackingId as string;

    await panitia.goto('/beranda');
    expect(await countIn(panitia, TO_VERIFY)).toBe(before + 1);
    const item = inbox(panitia)
      .getByRole('listitem')
      .filter({ has: panitia.getByRole('link', { name: TO_VERIFY }) });
    await expect.poll(async () => (await item.textContent()) ?? '').toMatch(/batas \d{2}\/\d{2}\/\d{4} WITA/);
    await cleanAtBothWidths(panitia);

    // The link opens the complaints list filtered to what waits for verification.
    await item.getByRole('link', { name: TO_VERIFY }).click();
    await panitia.waitForURL('**/pengaduan/kelola?status=submitted');
    await panitia.getByRole('link', { name: trackingId }).click();
    await panitia.getByRole('heading', { level: 1, name: 'Antrean layanan kepegawaian terlalu panjang' }).waitFor();
    await expectClean(panitia);
    const dispose = panitia.getByRole('form', { name: 'Disposisikan ke OPD' });
    await dispose
      .getByLabel('OPD tujuan')
      .selectOption({ label: 'Dinas Komunikasi, Informatika, Persandian dan Statistik' });
    await dispose.getByLabel('Catatan disposisi').fill('Mohon ditindaklanjuti bersama bidang pelayanan.');
    await dispose.getByRole('button', { name: 'Disposisikan ke OPD' }).click();
    await panitia.getByText('Tersimpan.').waitFor();

    await panitia.goto('/beranda');
    expect(await countIn(panitia, TO_VERIFY)).toBe(before);
  }, 300_000);

  it('the employee agrees to their SKP from the inbox; the supervisor sees one plan fewer and a JP claim until deciding it', async () => {
    const atasan = await newPage();
    await logIn(atasan, 'atasan@merit.test');
    const NOT_AGREED = /SKP bawahan belum disepakati/;
    const notAgreed = await countIn(atasan, NOT_AGREED);
    const CLAIMS = /klaim JP menunggu keputusan/;
    const claimsBefore = await countIn(atasan, CLAIMS);
    expect(notAgreed).toBeGreaterThan(0);
    await cleanAtBothWidths(atasan);

    const pegawai = await newPage(PHONE);
    await logIn(pegawai, 'pegawai@merit.test');
    const toAgree = inbox(pegawai).getByRole('link', { name: 'SKP Anda menunggu persetujuan Anda' });
    await toAgree.waitFor();
    await expectClean(pegawai);
    await toAgree.click();
    await pegawai.waitForURL('**/skp/rencana/**');
    await pegawai.getByLabel('Klarifikasi ekspektasi').fill('Target ketersediaan 99% dihitung per bulan.');
    await pegawai.getByRole('button', { name: 'Setujui SKP' }).click();
    await pegawai.getByText('Disepakati', { exact: true }).first().waitFor();
    await pegawai.goto('/beranda');
    await pegawai.getByRole('heading', { level: 2, name: 'Tugas Anda' }).waitFor();
    expect(await pegawai.getByRole('link', { name: 'SKP Anda menunggu persetujuan Anda' }).count()).toBe(0);
    await expectClean(pegawai);

    // The employee reports an outside activity: it waits for the supervisor.
    const claim = await apiCall(pegawai, 'POST', '/api/v1/me/jp-claims', {
      kind: 'seminar',
      title: 'Seminar Keamanan Siber Pemerintah Daerah',
      organizer: 'Diskominfo Provinsi Sulawesi Tengah',
      heldOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      minutes: 180,
      evidenceUrl: 'https://drive.palukota.go.id/sertifikat/seminar-siber.pdf',
    });
    expect(claim.status).toBe(201);

    await atasan.goto('/beranda');
    expect(await countIn(atasan, NOT_AGREED)).toBe(notAgreed - 1);
    expect(await countIn(atasan, CLAIMS)).toBe(claimsBefore + 1);
    await cleanAtBothWidths(atasan);
    await inbox(atasan).getByRole('link', { name: CLAIMS }).click();
    await atasan.waitForURL('**/jp#claims-waiting');
    await atasan.getByRole('button', { name: /^Setujui klaim .*: Seminar Keamanan Siber Pemerintah Daerah$/ }).click();
    await atasan.getByRole('heading', { level: 2, name: /Klaim JP menunggu/ }).waitFor();
    await expect
      .poll(() => atasan.getByRole('button', { name: /Seminar Keamanan Siber Pemerintah Daerah$/ }).count())
      .toBe(0);
    await expectClean(atasan);
    await atasan.goto('/beranda');
    expect(await countIn(atasan, CLAIMS)).toBe(claimsBefore);
  }, 300_000);
});
