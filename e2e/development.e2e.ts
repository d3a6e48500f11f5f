/**
 * Browser journey for ASN records on a fresh `npm start` (demo seed): the training admin finds the
 * seeded records, checks a sheet whose bad row is reported by line, fixes it and imports it; the
 * supervisor (atasan) sees only their unit; the employee (pegawai) sees their own record. Axe on
 * every page and the 360 px layout.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';
import { TRAINING_BANK } from '../server/seeds/training-bank.ts';
import { witaDateTimeLocal } from '../common/rules/wita.ts';

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const NEW_ROW =
  '199601172021032006,"Magfirah Lasahido, S.Kom.",PNS,2021-03-01,kominfo,Bidang Aplikasi Informatika,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/a,197808122003121002,';

const { newPage, logIn, shot, expectClean } = journey();

/** The key's text of each seeded training item, by stem: the journeys answer everything right. */
const KEY_TEXT = new Map(
  TRAINING_BANK.map((i) => [
    i.stem,
    i.options.find((o) => i.scoring.kind === 'key' && o.key === i.scoring.correct)!.text,
  ]),
);
const escapeRegExp = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Answers each item of a running training test with its key and waits for each save; with
 * `dropFirstSave` the first answer is given offline, waits with a retry and is saved once back.
 */
async function answerEveryItem(page: Page, count: number, { dropFirstSave = false } = {}) {
  for (let n = 1; n <= count; n++) {
    await page.getByRole('heading', { level: 2, name: `Soal ${n} dari ${count}` }).waitFor();
    const stem = (await page.locator('#question-stem').textContent())!.trim();
    const option = page.getByRole('radio', { name: new RegExp(`^[A-E]\\. ${escapeRegExp(KEY_TEXT.get(stem)!)}$`) });
    if (n === 1 && dropFirstSave) {
      await page.context().setOffline(true);
      await option.check();
      await page.getByText('Jawaban soal 1 belum tersimpan: koneksi terputus').waitFor();
      await expectClean(page);
      await page.context().setOffline(false);
      await page.getByRole('button', { name: 'Coba simpan lagi' }).click();
    } else {
      await option.check();
    }
    await page.getByText(`✓ Jawaban soal ${n} tersimpan`).waitFor();
    if (n < count) await page.getByRole('button', { name: 'Berikutnya' }).click();
  }
}

/** What a person types into the date-time fields for an instant: its Palu time, "dd/mm/yyyy hh.mm". */
function witaTyped(ms: number): string {
  const [date, time] = witaDateTimeLocal(new Date(ms)).split('T') as [string, string];
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.replace(':', '.')}`;
}

describe('ASN records journey in the browser', () => {
  it('the training admin finds the seeded records, checks a sheet with a bad row, fixes it and imports it', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data pegawai' }).click();
    await admin.waitForURL('**/pegawai');
    await admin.getByRole('heading', { level: 2, name: '14 pegawai' }).waitFor();
    await admin
      .getByRole('region', { name: 'Tabel data pegawai (dapat digulir)' })
      .getByRole('row', { name: /199104252015032001 Sitti Aisyah/ })
      .waitFor();

    const form = admin.getByRole('form', { name: 'Impor dan ekspor data pegawai' });
    const bad = NEW_ROW.replace(',2021-03-01,', ',2022-03-01,');
    await form
      .getByLabel('Berkas data pegawai (XLSX atau CSV)')
      .setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${bad}\n`) });
    await form.getByRole('button', { name: 'Periksa berkas' }).click();
    await admin
      .getByText('1 baris bermasalah. Perbaiki di berkas lalu periksa lagi; tidak ada yang disimpan.')
      .waitFor();
    await admin
      .getByRole('region', { name: 'Laporan pemeriksaan per baris (dapat digulir)' })
      .getByRole('row', { name: /2 199601172021032006 Salah TMT 2022-03-01 tidak sesuai TMT di NIP \(2021-03\)/ })
      .waitFor();
    expect(await form.getByRole('button', { name: /^Impor \d+ baris$/ }).count()).toBe(0);
    await expectClean(admin);
    await shot(admin, 'dev-employees.png');

    await form
      .getByLabel('Berkas data pegawai (XLSX atau CSV)')
      .setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${NEW_ROW}\n`) });
    await form.getByRole('button', { name: 'Periksa berkas' }).click();
    await admin.getByText('Semua baris benar: 1 pegawai baru, 0 diperbarui. Tekan "Impor" untuk menyimpan.').waitFor();
    await form.getByRole('button', { name: 'Impor 1 baris' }).click();
    await admin.getByText('Tersimpan: 1 pegawai baru, 0 diperbarui.').waitFor();
    await admin.getByRole('heading', { level: 2, name: '15 pegawai' }).waitFor();

    const filters = admin.getByRole('search', { name: 'Saring data pegawai' });
    await filters.getByLabel('Perangkat daerah').selectOption({ label: 'Badan Penanggulangan Bencana Daerah' });
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await admin.getByRole('heading', { level: 2, name: '5 pegawai' }).waitFor();
  });

  it('the supervisor sees only their unit, on a phone', async () => {
    const atasan = await newPage({ width: 360, height: 740 });
    await logIn(atasan, 'atasan@merit.test');
    await atasan.goto('/pegawai');
    await atasan.getByText('Pegawai di unit Anda: yang atasan langsungnya Anda, dan bawahan mereka.').waitFor();
    await atasan.getByRole('heading', { level: 2, name: '8 pegawai' }).waitFor(); // the division head, six staff (one imported above), the CPNS appointed last year
    const table = atasan.getByRole('region', { name: 'Tabel data pegawai (dapat digulir)' });
    expect(await table.getByText('Yusuf Lalu').count()).toBe(0); // BPBD is another unit
    expect(await atasan.getByRole('form', { name: 'Impor dan ekspor data pegawai' }).count()).toBe(0);
    await expectClean(atasan);
  });

  it('the employee sees their own record', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await (await mainNav(pegawai)).getByRole('link', { name: 'Data kepegawaian saya' }).click();
    await pegawai.getByRole('heading', { level: 2, name: 'Sitti Aisyah, S.Kom.' }).waitFor();
    await pegawai.getByText('199104252015032001').waitFor();
    await pegawai.getByText('25 April 1991').waitFor();
    await pegawai.getByText('Ir. Hasan Lasoso (197808122003121002)').waitFor();
    await expectClean(pegawai);
    // The unit list is not theirs: the page says so (no silent redirect) and links home.
    await pegawai.goto('/pegawai');
    await pegawai.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    expect(new URL(pegawai.url()).pathname).toBe('/pegawai');
    await pegawai.getByRole('link', { name: 'Kembali ke beranda' }).click();
    await pegawai.waitForURL('**/beranda');
  });

  it('the training admin opens a full batch: a cancellation moves the waitlist up, a new enrolment waits', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pelatihan', exact: true })
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Pemetaan Kawasan Rawan Bencana dengan GIS' }).waitFor();
    await expectClean(admin);
    await admin
      .getByRole('link', { name: 'Buka Angkatan I — Keamanan Siber dan Pelindungan Data Pribadi untuk ASN' })
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Peserta (4)' }).waitFor();
    const table = admin.getByRole('region', { name: 'Peserta angkatan (dapat digulir)' });
    await table.getByRole('row', { name: /Sitti Aisyah, S\.Kom\..*Daftar tunggu/ }).waitFor();
    await admin.getByRole('button', { name: 'Batalkan pendaftaran Nurul Anisa Dg. Masiga, S.Kom.' }).click();
    await admin.getByText('Dibatalkan; 1 dari daftar tunggu kini menjadi peserta.').waitFor();
    await table.getByRole('row', { name: /Sitti Aisyah, S\.Kom\..*Peserta/ }).waitFor();
    const find = admin.getByRole('search', { name: 'Daftarkan pegawai' });
    await find.getByLabel('Cari nama atau NIP').fill('Yusuf');
    await find.getByRole('button', { name: 'Cari' }).click();
    await admin.getByRole('button', { name: 'Daftarkan Yusuf Lalu, S.T.' }).click();
    await admin.getByText('Kuota penuh: Yusuf Lalu, S.T. masuk daftar tunggu.').waitFor();
    await expectClean(admin);
    // Its post-test runs on the CAT engine: a training blueprint from the bank and a window.
    const tests = admin.getByRole('region', { name: 'Pre-test dan post-test di Merit (CAT)' });
    await tests.getByText('Belum diatur: nilai Post-test diisi fasilitator.').waitFor();
    const post = tests.getByRole('form', { name: 'Simpan Post-test' });
    await post
      .getByLabel('Kisi-kisi Post-test')
      .selectOption({ label: 'Tes Kesiapsiagaan Bencana (10 soal) (10 soal, 20 menit)' });
    const d = new Date(Date.now() + 15 * 86_400_000).toISOString();
    const idDate = `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    await post.getByLabel('Dibuka Post-test').fill(`${idDate} 13.00`);
    await post.getByLabel('Ditutup Post-test').fill(`${idDate} 16.00`);
    await post.getByRole('button', { name: 'Simpan Post-test' }).click();
    await post.getByText('Post-test tersimpan.').waitFor();
    await tests
      .getByText(
        /^Post-test: Tes Kesiapsiagaan Bencana \(10 soal\) · .*13\.00 WITA – .*16\.00 WITA · 0 peserta sudah memulai$/,
      )
      .waitFor();
    await expectClean(admin);
  });

  it('the 20 JP dashboard shows each OPD as a chart and a table, and who is short', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin.goto('/jp');
    await admin
      .getByRole('heading', { level: 2, name: /^4 dari 15 pegawai sudah memenuhi 20 JP pada \d{4}\.$/ })
      .waitFor();
    await admin.getByRole('img', { name: /Persentase pegawai yang memenuhi 20 JP per perangkat daerah/ }).waitFor();
    await admin
      .getByRole('region', { name: 'Pemenuhan per perangkat daerah (dapat digulir)' })
      .getByRole('row', { name: /Badan Penanggulangan Bencana Daerah 5 2 40 %/ })
      .waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Belum memenuhi (11)' }).waitFor();
    await expectClean(admin);
    await shot(admin, 'dev-jp.png');
  });

  it('the employee sees their trainings and that this year’s 20 JP are reached', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await pegawai.goto('/pelatihan/saya');
    await pegawai.getByRole('heading', { level: 2, name: /^24 dari 20 JP pada \d{4}$/ }).waitFor();
    await pegawai.getByText('Hak 20 JP tahun ini sudah terpenuhi.').waitFor();
    await pegawai.getByText('Pemetaan Kawasan Rawan Bencana dengan GIS').first().waitFor();
    await expectClean(pegawai);
  });

  it('the employee reports a seminar, the supervisor approves it, and the JP count grows', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await pegawai.goto('/pelatihan/saya');
    const form = pegawai.getByRole('form', { name: 'Laporkan kegiatan di luar pelatihan' });
    // Sent empty, the form says what is missing in Indonesian next to the field, before any request.
    const claimPosts: string[] = [];
    pegawai.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/me/jp-claims')) claimPosts.push(r.url());
    });
    await form.getByRole('button', { name: 'Kirim klaim' }).click();
    const claimTitle = form.getByLabel('Nama kegiatan');
    const errorOf = async (label: string) => {
      const field = form.getByLabel(label);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const id = (await field.getAttribute('aria-describedby'))!.split(' ')[0]!;
      return pegawai.locator(`[id="${id}"]`).innerText();
    };
    expect(await errorOf('Tanggal kegiatan')).toContain('Wajib diisi.');
    expect(await errorOf('Nama kegiatan')).toContain('Minimal 2 karakter.');
    expect(claimPosts).toEqual([]);
    await claimTitle.fill('Seminar Mitigasi Likuefaksi Kota Palu');
    await form.getByLabel('Penyelenggara').fill('Universitas Tadulako');
    await form.getByLabel('Tanggal kegiatan').fill(witaTyped(Date.now()).slice(0, 10));
    await form.getByLabel('Lama kegiatan (menit)').fill('180');
    await form
      .getByLabel('Tautan bukti (sertifikat, daftar hadir)')
      .fill('https://drive.palukota.go.id/sertifikat/seminar.pdf');
    await form.getByRole('button', { name: 'Kirim klaim' }).click();
    await pegawai.getByText('Klaim terkirim (4 JP); menunggu persetujuan atasan.').waitFor();
    expect(claimPosts).toHaveLength(1);
    await expectClean(pegawai);

    const atasan = await newPage();
    await logIn(atasan, 'atasan@merit.test');
    await atasan.goto('/jp');
    await atasan.getByRole('heading', { level: 2, name: 'Klaim JP menunggu persetujuan (1)' }).waitFor();
    await expectClean(atasan);
    await atasan
      .getByRole('button', { name: 'Setujui klaim Sitti Aisyah, S.Kom.: Seminar Mitigasi Likuefaksi Kota Palu' })
      .click();
    await atasan.getByText('Keputusan tersimpan.').waitFor();
    await atasan.getByRole('heading', { level: 2, name: 'Klaim JP menunggu persetujuan (0)' }).waitFor();

    await pegawai.reload();
    await pegawai.getByRole('heading', { level: 2, name: /^28 dari 20 JP pada \d{4}$/ }).waitFor();
  });
});

describe('attendance by QR, certificates and their check page', () => {
  const batchLink = 'Buka Angkatan I — Analisis Data untuk Kebijakan (Satu Data Kota Palu)';
  let qrPage: Page;
  /** The scan link on the facilitator's screen right now (it changes every 30 s). */
  const currentLink = async () => {
    const href = (await qrPage
      .getByRole('link', { name: 'Tautan presensi yang sedang berlaku' })
      .getAttribute('href'))!;
    const url = new URL(href);
    expect(url.pathname).toBe('/hadir');
    return { href, path: `${url.pathname}${url.search}` };
  };

  it('the facilitator opens the meeting’s rotating QR', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin.goto('/pelatihan');
    await admin.getByRole('link', { name: batchLink }).click();
    await admin.getByRole('heading', { level: 2, name: 'Pertemuan', exact: true }).waitFor();
    await admin
      .getByText(
        'Syarat selesai program ini: hadir minimal 50 %; nilai post-test minimal 65; tugas (aktualisasi/proyek) selesai.',
      )
      .waitFor();
    await expectClean(admin);
    await admin.getByRole('link', { name: 'Tampilkan QR pertemuan 1' }).click();
    await admin.getByRole('img', { name: 'Kode QR presensi pertemuan 1, berganti setiap 30 detik' }).waitFor();
    await admin.getByText(/^Kode berganti dalam \d+ detik$/).waitFor();
    await expectClean(admin);
    await shot(admin, 'dev-attendance-qr.png');
    qrPage = admin; // stays open: it fetches the next code by itself
    const first = (await currentLink()).href;
    await admin.waitForFunction((old) => document.querySelector('a.dev-qr-link')?.getAttribute('href') !== old, first, {
      timeout: 40_000,
    });
  });

  it('the employee scans it on a phone; a code that is not Merit’s is refused', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await pegawai.goto((await currentLink()).path);
    await pegawai.getByText('Kehadiran tercatat', { exact: true }).waitFor();
    await pegawai
      .getByText(
        /^Pertemuan 1: Data sektoral dan Satu Data Indonesia — Analisis Data untuk Kebijakan \(Satu Data Kota Palu\) \(Angkatan I\), pukul \d\d[.:]\d\d WITA\.$/,
      )
      .waitFor();
    await expectClean(pegawai);
    await shot(pegawai, 'dev-attendance-scan.png');
    const form = pegawai.getByRole('form', { name: 'Tempel kode presensi' });
    await form.getByLabel('Kode atau tautan presensi').fill('https://contoh.id/presensi?t=bukan-kode');
    await form.getByRole('button', { name: 'Kirim presensi' }).click();
    await pegawai
      .getByText('Kode QR ini bukan kode presensi Merit yang sah. Pindai kode di layar fasilitator.')
      .waitFor();
  });

  it('a scan made offline waits on the phone and is sent when it is back online', async () => {
    const atasan = await newPage({ width: 360, height: 740 });
    await logIn(atasan, 'atasan@merit.test');
    await atasan.goto('/hadir');
    await atasan.getByText('Belum ada kode yang dipindai.', { exact: false }).waitFor();
    await atasan.context().setOffline(true);
    const form = atasan.getByRole('form', { name: 'Tempel kode presensi' });
    await form.getByLabel('Kode atau tautan presensi').fill((await currentLink()).href);
    await form.getByRole('button', { name: 'Kirim presensi' }).click();
    await atasan.getByText('Tersimpan di ponsel ini').waitFor();
    await atasan.getByText('1 pindaian menunggu dikirim.').waitFor();
    expect(await atasan.evaluate(() => JSON.parse(localStorage.getItem('merit.attendance.queue') ?? '[]').length)).toBe(
      1,
    );
    await expectClean(atasan);
    await atasan.context().setOffline(false);
    await atasan.getByText('1 pindaian tersimpan berhasil dikirim.').waitFor();
    await atasan.getByText('Kehadiran tercatat', { exact: true }).waitFor();
    expect(await atasan.evaluate(() => localStorage.getItem('merit.attendance.queue'))).toBeNull();
  });

  it('the employee takes the post-test on the CAT engine on a phone: each answer saved (a failed save is retried), submitted, scored', async () => {
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await pegawai.goto('/pelatihan/saya');
    const tests = pegawai.getByRole('region', { name: 'Pre-test dan post-test' });
    await tests.getByText('Nilai Pre-test Anda: 50').waitFor(); // taken this morning (seed)
    await expectClean(pegawai);
    await tests
      .getByRole('button', { name: 'Mulai Post-test: Analisis Data untuk Kebijakan (Satu Data Kota Palu)' })
      .click();
    await pegawai.waitForURL('**/pelatihan/tes/*');
    await pegawai.getByRole('heading', { level: 2, name: 'Soal 1 dari 10' }).waitFor();
    await pegawai.getByText(/^\d\d:\d\d$/).waitFor(); // the countdown from the server's deadline
    await expectClean(pegawai);
    await answerEveryItem(pegawai, 10, { dropFirstSave: true });
    await pegawai.getByText('10 dari 10 dijawab').waitFor();
    await pegawai
      .getByRole('navigation', { name: 'Navigasi soal' })
      .getByRole('button', { name: 'Soal 3, sudah dijawab' })
      .waitFor();
    await shot(pegawai, 'dev-training-test.png');
    await pegawai.getByRole('button', { name: 'Kumpulkan tes' }).click();
    const confirm = pegawai.getByRole('alertdialog', { name: 'Kumpulkan tes sekarang?' });
    await confirm
      .getByText('Anda menjawab 10 dari 10 soal. Setelah dikumpulkan, jawaban tidak dapat diubah.')
      .waitFor();
    await expectClean(pegawai);
    await confirm.getByRole('button', { name: 'Ya, kumpulkan' }).click();
    await pegawai.getByRole('heading', { level: 2, name: 'Tes sudah dikumpulkan' }).waitFor();
    await pegawai.getByText('Nilai Anda: 100 (10 dari 10 poin; 10 soal dijawab).').waitFor();
    await expectClean(pegawai);
    await pegawai.getByRole('link', { name: 'Kembali ke Pelatihan saya' }).click();
    await tests.getByText('Nilai Post-test Anda: 100').waitFor();
  });

  it('the facilitator sees the scans, marks someone by hand, enters scores and issues the certificate; one who did not complete is refused', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin.goto('/pelatihan');
    await admin.getByRole('link', { name: batchLink }).click();
    const attendance = admin.getByRole('region', { name: 'Kehadiran per pertemuan (dapat digulir)' });
    await attendance.getByRole('row', { name: /^Sitti Aisyah, S\.Kom\..* pindai .*50 %$/ }).waitFor();
    await attendance.getByRole('row', { name: /^Ir\. Hasan Lasoso.* pindai .*50 %$/ }).waitFor();
    await attendance.getByRole('checkbox', { name: 'Hadir: Moh. Fadli Tanjumbulu, S.T., pertemuan 1' }).click();
    await attendance.getByRole('row', { name: /^Moh\. Fadli Tanjumbulu, S\.T\..* fasilitator .*50 %$/ }).waitFor();

    // The pre-test and post-test ran on the CAT engine: their scores are shown, not typed in.
    await admin
      .getByText(/^Post-test: Tes Kesiapsiagaan Bencana \(10 soal\) · .* · 1 peserta sudah memulai$/)
      .waitFor();
    const scores = admin.getByRole('region', { name: 'Nilai peserta (dapat digulir)' });
    expect(await scores.getByLabel('Post-test Sitti Aisyah, S.Kom.').count()).toBe(0);
    await scores.getByLabel('Tugas Sitti Aisyah, S.Kom. selesai').check();
    await scores.getByRole('button', { name: 'Simpan nilai Sitti Aisyah, S.Kom.' }).click();
    await scores
      .getByRole('row', { name: /Sitti Aisyah, S\.Kom\. 50 % 50 CAT 100 CAT \+50.*Memenuhi syarat/ })
      .waitFor();
    await expectClean(admin);

    // Fadli has no post-test yet: issuing for him (and Sitti) is refused whole.
    const participants = admin.getByRole('region', { name: 'Peserta angkatan (dapat digulir)' });
    await participants.getByRole('checkbox', { name: 'Pilih Sitti Aisyah, S.Kom.' }).check();
    await participants.getByRole('checkbox', { name: 'Pilih Moh. Fadli Tanjumbulu, S.T.' }).check();
    await admin.getByRole('button', { name: 'Terbitkan sertifikat (2)' }).click();
    await admin
      .getByText(
        'Moh. Fadli Tanjumbulu, S.T. belum memenuhi syarat selesai, sertifikat tidak diterbitkan: Nilai post-test belum diisi. Tugas (aktualisasi/proyek) belum dinyatakan selesai.',
      )
      .waitFor();

    await admin.getByRole('button', { name: 'Terbitkan sertifikat bagi yang memenuhi syarat (1)' }).click();
    await admin.getByText('1 sertifikat terbit; JP peserta masuk catatan tahunannya.').waitFor();
    const certs = admin.getByRole('region', { name: 'Sertifikat angkatan (dapat digulir)' });
    await certs.getByRole('row', { name: /\/DATA-\d{4}\/BKPSDM-PLU\/\d{4} Sitti Aisyah, S\.Kom\..*Berlaku/ }).waitFor();
    await expectClean(admin);
    await shot(admin, 'dev-batch-completion.png');

    // The QR's page, as anyone who scans the paper sees it.
    const href = (await certs
      .getByRole('link', { name: 'Periksa sertifikat Sitti Aisyah, S.Kom.' })
      .getAttribute('href'))!;
    const check = await newPage({ width: 360, height: 740 });
    await check.goto(`${new URL(href).pathname}${new URL(href).search}`);
    await check.getByText('Sertifikat ini sah dan tercatat di Merit, BKPSDM Kota Palu.').waitFor();
    await check.getByText('Analisis Data untuk Kebijakan (Satu Data Kota Palu)').waitFor();
    await check.getByText('20 JP').waitFor();
    expect(await check.getByText('199104252015032001').count()).toBe(0);
    await expectClean(check);
    await shot(check, 'dev-certificate-check.png');

    // The employee finds it under their training, with the PDF.
    const pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await pegawai.goto('/pelatihan/saya');
    const download = pegawai.waitForEvent('download');
    await pegawai
      .getByRole('link', { name: /^Unduh sertifikat \d{4}\/DATA-\d{4}\/BKPSDM-PLU\/\d{4} \(PDF\)$/ })
      .click();
    expect((await download).suggestedFilename()).toMatch(/^sertifikat-.*\.pdf$/);
    // …and gives feedback on the earlier GIS training once.
    const fb = pegawai.getByRole('form', {
      name: 'Umpan balik: Pemetaan Kawasan Rawan Bencana dengan GIS (Angkatan I)',
    });
    await fb.getByLabel('Tempat (1–5)').selectOption('4');
    await fb.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await pegawai.getByText('Terima kasih, umpan balik Anda tersimpan.').waitFor();
    await expectClean(pegawai);
    await pegawai.reload(); // once only: the form does not come back
    await pegawai
      .getByRole('link', { name: /^Unduh sertifikat / })
      .first()
      .waitFor();
    expect(await fb.count()).toBe(0);

    // Revoked: the same QR page says so, with the reason.
    await certs.getByRole('button', { name: 'Cabut sertifikat Sitti Aisyah, S.Kom.' }).click();
    await admin
      .getByRole('form', { name: 'Cabut sertifikat' })
      .getByLabel('Alasan pencabutan')
      .fill('Salah catat nilai post-test; diterbitkan ulang setelah koreksi.');
    await admin
      .getByRole('form', { name: 'Cabut sertifikat' })
      .getByRole('button', { name: 'Cabut sertifikat' })
      .click();
    await admin
      .getByText(
        'Sertifikat dicabut; halaman verifikasinya kini menyatakan "dicabut", peserta dinyatakan tidak selesai dan JP-nya ditarik.',
      )
      .waitFor();
    await check.reload();
    await check.getByText('Sertifikat ini DICABUT').waitFor();
    await check.getByText(/Alasan: Salah catat nilai post-test; diterbitkan ulang setelah koreksi\./).waitFor();
    await expectClean(check);
  });
});

describe('appointment feeds development', () => {
  it('BKPSDM enters an appointee’s NIP and TMT; the new CPNS finds Latsar in their plan and the probation deadline', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pengangkatan CPNS/PPPK' })
      .click();
    await admin
      .getByRole('combobox', { name: 'Periode seleksi' })
      .selectOption({ label: `Pengadaan CPNS Kota Palu ${new Date().getUTCFullYear() - 1} (hasil akhir diumumkan)` });
    await admin.getByRole('heading', { level: 2, name: '2 pelamar lulus (L), 1 sudah dicatat' }).waitFor();
    await expectClean(admin);
    const form = admin.getByRole('form', { name: /Moh\. Fadel Lasahido, S\.Kom\./ });
    const now = new Date();
    const tmt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const ym = `${tmt.getUTCFullYear()}${String(tmt.getUTCMonth() + 1).padStart(2, '0')}`;
    const dmy = `01/${String(tmt.getUTCMonth() + 1).padStart(2, '0')}/${tmt.getUTCFullYear()}`;
    // A NIP with someone else's birth date is refused with the reason.
    await form.getByLabel('NIP (18 angka)').fill(`19981106${ym}1002`);
    await form.getByLabel('TMT').fill(dmy);
    await form.getByLabel('NIP atasan langsung (tidak wajib)').fill('197808122003121002');
    await form.getByRole('button', { name: 'Catat sebagai pegawai' }).click();
    await form
      .getByText('Tanggal lahir di NIP (1998-11-06) tidak sama dengan tanggal lahir pelamar (1998-11-05).')
      .first()
      .waitFor();
    await form.getByLabel('NIP (18 angka)').fill(`19981105${ym}1002`);
    await form.getByRole('button', { name: 'Catat sebagai pegawai' }).click();
    await admin.getByText('Moh. Fadel Lasahido, S.Kom. tercatat sebagai CPNS.').waitFor();
    await admin.getByText('Terdaftar di Pelatihan Dasar CPNS (Angkatan I).').waitFor();
    await expectClean(admin);

    const cpns = await newPage({ width: 360, height: 740 });
    await logIn(cpns, 'cpns2@merit.test');
    await cpns.goto('/pelatihan/saya');
    await cpns.getByText('Pelatihan Dasar CPNS').first().waitFor();
    await cpns.goto('/pegawai/saya');
    await cpns.getByRole('heading', { level: 2, name: /^Masa percobaan CPNS sampai \d+ \S+ \d{4}$/ }).waitFor();
    await cpns.getByText('Sesuai jadwal').waitFor();
    await expectClean(cpns);

    const atasan = await newPage();
    await logIn(atasan, 'atasan@merit.test');
    await atasan.goto('/pegawai/masa-percobaan');
    await atasan.getByText('1 CPNS berisiko').waitFor();
    await atasan
      .getByRole('region', { name: 'Masa percobaan CPNS (dapat digulir)' })
      .getByRole('row', { name: /Rahmat Hidayat Lapasere.*Lewat batas/ })
      .waitFor();
    await atasan
      .getByRole('region', { name: 'Masa percobaan CPNS (dapat digulir)' })
      .getByRole('row', { name: /Moh\. Fadel Lasahido.*Angkatan I · Peserta.*Sesuai jadwal/ })
      .waitFor();
    await expectClean(atasan);
  });

  it('the new CPNS scans in at Latsar’s opening, takes its post-test on a phone and gets a certificate whose QR page verifies', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin.goto('/pelatihan');
    await admin.getByRole('link', { name: 'Buka Angkatan I — Pelatihan Dasar CPNS' }).click();
    await admin
      .getByRole('region', { name: 'Peserta angkatan (dapat digulir)' })
      .getByRole('row', { name: /Moh\. Fadel Lasahido, S\.Kom\..*Peserta/ })
      .waitFor();
    // The journey folds the batch's months into minutes: the facilitator opens the post-test now.
    const post = admin
      .getByRole('region', { name: 'Pre-test dan post-test di Merit (CAT)' })
      .getByRole('form', { name: 'Simpan Post-test' });
    await post
      .getByLabel('Kisi-kisi Post-test')
      .selectOption({ label: 'Tes Kesiapsiagaan Bencana (10 soal) (10 soal, 20 menit)' });
    await post.getByLabel('Dibuka Post-test').fill(witaTyped(Date.now() - 10 * 60_000));
    await post.getByLabel('Ditutup Post-test').fill(witaTyped(Date.now() + 3 * 3_600_000));
    await post.getByRole('button', { name: 'Simpan Post-test' }).click();
    await post.getByText('Post-test tersimpan.').waitFor();
    await admin.getByRole('link', { name: 'Tampilkan QR pertemuan 1' }).click();
    const scan = new URL(
      (await admin.getByRole('link', { name: 'Tautan presensi yang sedang berlaku' }).getAttribute('href'))!,
    );

    const cpns = await newPage({ width: 360, height: 740 });
    await logIn(cpns, 'cpns2@merit.test');
    await cpns.goto(`${scan.pathname}${scan.search}`);
    await cpns.getByText('Kehadiran tercatat', { exact: true }).waitFor();
    await cpns
      .getByText(
        /^Pertemuan 1: Pembukaan; nilai dasar ASN BerAKHLAK — Pelatihan Dasar CPNS \(Angkatan I\), pukul \d\d[.:]\d\d WITA\.$/,
      )
      .waitFor();
    await cpns.goto('/pelatihan/saya');
    await cpns
      .getByRole('region', { name: 'Pre-test dan post-test' })
      .getByRole('button', { name: 'Mulai Post-test: Pelatihan Dasar CPNS' })
      .click();
    await cpns.waitForURL('**/pelatihan/tes/*');
    await answerEveryItem(cpns, 10);
    await cpns.getByRole('button', { name: 'Kumpulkan tes' }).click();
    await cpns
      .getByRole('alertdialog', { name: 'Kumpulkan tes sekarang?' })
      .getByRole('button', { name: 'Ya, kumpulkan' })
      .click();
    await cpns.getByText('Nilai Anda: 100 (10 dari 10 poin; 10 soal dijawab).').waitFor();
    await expectClean(cpns);

    // Attended 1 of 1 meeting so far, post-test 100 on the engine; the facilitator ticks the assignment.
    await admin.goto('/pelatihan');
    await admin.getByRole('link', { name: 'Buka Angkatan I — Pelatihan Dasar CPNS' }).click();
    const scores = admin.getByRole('region', { name: 'Nilai peserta (dapat digulir)' });
    await scores.getByLabel('Tugas Moh. Fadel Lasahido, S.Kom. selesai').check();
    await scores.getByRole('button', { name: 'Simpan nilai Moh. Fadel Lasahido, S.Kom.' }).click();
    // Saving reloads the batch's scores and certificates: on a loaded CI machine that can take longer.
    await scores
      .getByRole('row', { name: /Moh\. Fadel Lasahido, S\.Kom\. 100 % .*100 CAT.*Memenuhi syarat/ })
      .waitFor({ timeout: 30_000 });
    // On Latsar's first day its three months are still ahead: the certificate is refused, naming what is missing.
    await admin
      .getByRole('region', { name: 'Peserta angkatan (dapat digulir)' })
      .getByRole('checkbox', { name: 'Pilih Moh. Fadel Lasahido, S.Kom.' })
      .check();
    await admin.getByRole('button', { name: 'Terbitkan sertifikat (1)' }).click();
    await admin
      .getByText(
        /Moh\. Fadel Lasahido, S\.Kom\. belum memenuhi syarat selesai, sertifikat tidak diterbitkan: Angkatan belum selesai: pertemuan terakhir \(ke-1, Pembukaan; nilai dasar ASN BerAKHLAK\) berakhir .* WITA dan angkatan berakhir \d+ \S+ \d{4}\./,
      )
      .waitFor();
    await expectClean(admin);
    // The journey folds the batch's months into minutes: BKPSDM moves its end to today, then issues.
    const today = witaTyped(Date.now()).slice(0, 10);
    const schedule = admin.getByRole('form', { name: 'Ubah tanggal angkatan' });
    await admin.getByText('Ubah tanggal angkatan', { exact: true }).click();
    await schedule.getByLabel('Tanggal selesai').fill(today);
    await schedule
      .getByLabel('Alasan perubahan jadwal')
      .fill('Latsar klasikal dipadatkan; habituasi selesai lebih awal.');
    await schedule.getByRole('button', { name: 'Simpan tanggal baru' }).click();
    await schedule.getByText('Tanggal angkatan tersimpan.').waitFor();
    await expectClean(admin);
    await admin.getByRole('button', { name: 'Terbitkan sertifikat (1)' }).click();
    await admin.getByText('1 sertifikat terbit; JP peserta masuk catatan tahunannya.').waitFor();
    // The certificate number and the 120 JP count for the year it was issued in Palu.
    const year = witaDateTimeLocal(new Date()).slice(0, 4);
    await admin
      .getByRole('region', { name: 'Sertifikat angkatan (dapat digulir)' })
      .getByRole('row', { name: new RegExp(`/LATSAR-\\d{4}/BKPSDM-PLU/${year} Moh\\. Fadel Lasahido`) })
      .waitFor();
    const href = (await admin
      .getByRole('region', { name: 'Sertifikat angkatan (dapat digulir)' })
      .getByRole('link', { name: 'Periksa sertifikat Moh. Fadel Lasahido, S.Kom.' })
      .getAttribute('href'))!;
    const check = await newPage({ width: 360, height: 740 });
    await check.goto(`${new URL(href).pathname}${new URL(href).search}`);
    await check.getByText('Sertifikat ini sah dan tercatat di Merit, BKPSDM Kota Palu.').waitFor();
    await check.getByText('Pelatihan Dasar CPNS').first().waitFor();
    await check.getByText('120 JP').waitFor();
    await expectClean(check);

    // The JP year: the CPNS reads the 120 JP in this year's record.
    await cpns.goto('/pelatihan/saya');
    await cpns.getByText(`120 dari 20 JP pada ${year}`).first().waitFor();
    // Latsar passed: the probation says the CPNS can be proposed as PNS.
    await cpns.goto('/pegawai/saya');
    await cpns.getByText('Latsar sudah lulus; dapat diusulkan diangkat menjadi PNS.').waitFor();
    await expectClean(cpns);
  });
});
