/**
 * Browser journeys for participation on a fresh `npm start` (demo seed), with axe on every page:
 * a citizen files an anonymous complaint without an account (the browser solves the anti-spam
 * challenge), follows it by tracking ID through the committee's disposition and the OPD's
 * follow-up to closure; a survey filled on a 360 px phone updates the unit's IKM; the accredited
 * NGO observer files a finding that the committee answers, and it becomes public.
 */
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const { newPage, logIn, shot, expectClean } = journey();

describe('participation journeys in the browser', () => {
  it('a citizen files an anonymous complaint and follows it by tracking ID to closure', async () => {
    const citizen = await newPage({ width: 360, height: 740 });
    await citizen.goto('/');
    await (await mainNav(citizen)).getByRole('link', { name: 'Pengaduan', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Sampaikan pengaduan' }).waitFor();
    await expectClean(citizen);
    const form = citizen.getByRole('form', { name: 'Sampaikan pengaduan' });
    await form.getByLabel('Kategori').selectOption({ label: 'Seleksi/rekrutmen' });
    await form.getByLabel('Judul singkat').fill('Loket verifikasi tutup lebih awal');
    await form
      .getByLabel('Uraian (apa, di mana, kapan)')
      .fill(
        'Pada hari Senin loket verifikasi berkas di BKPSDM sudah tutup pukul 13.00 padahal jadwalnya sampai 15.00 WITA.',
      );
    await form.getByLabel('Anonim (tanpa identitas sama sekali)').check();
    await form.getByLabel(/Lampiran bukti/).setInputFiles({
      name: 'bukti.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n',
      ),
    });
    await shot(citizen, 'prt-complaint-mobile.png');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    const trackingId = (await citizen.getByTestId('tracking-id').textContent())!.trim();
    expect(trackingId).toMatch(/^PGD-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expectClean(citizen);
    await citizen.getByRole('link', { name: 'Lacak laporan ini' }).click();
    await citizen.getByRole('heading', { level: 2, name: 'Loket verifikasi tutup lebih awal' }).waitFor();
    await citizen.getByText('Menunggu verifikasi', { exact: true }).waitFor();
    await citizen.getByText('Lampiran: 1').waitFor();
    await expectClean(citizen);

    // The committee disposes it to Diskominfo; the OPD's supervisor follows up.
    const panitia = await newPage();
    await logIn(panitia, 'panitia@merit.test');
    await panitia
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Kelola pengaduan' })
      .click();
    await panitia.getByRole('link', { name: trackingId }).click();
    await panitia.getByRole('heading', { level: 1, name: 'Loket verifikasi tutup lebih awal' }).waitFor();
    await expectClean(panitia);
    const dispose = panitia.getByRole('form', { name: 'Disposisikan ke OPD' });
    // Sent empty, the form says in Indonesian what is missing before any request leaves the browser.
    const disposeRequests: string[] = [];
    panitia.on('request', (r) => void (r.url().includes('/dispose') && disposeRequests.push(r.url())));
    await dispose.getByRole('button', { name: 'Disposisikan ke OPD' }).click();
    await dispose.getByText('Wajib diisi.').waitFor();
    await dispose.getByText('Minimal 5 karakter.').waitFor();
    expect(await dispose.getByLabel('OPD tujuan').getAttribute('aria-invalid')).toBe('true');
    expect(disposeRequests).toEqual([]);
    await panitia.getByText('Menunggu verifikasi', { exact: true }).waitFor();
    await dispose
      .getByLabel('OPD tujuan')
      .selectOption({ label: 'Dinas Komunikasi, Informatika, Persandian dan Statistik' });
    await dispose.getByLabel('Catatan disposisi').fill('Mohon ditindaklanjuti oleh pengelola layanan daring.');
    await dispose.getByRole('button', { name: 'Disposisikan ke OPD' }).click();
    await panitia.getByText('Tersimpan.').waitFor();

    const atasan = await newPage();
    await logIn(atasan, 'atasan@merit.test');
    await atasan.goto('/pengaduan/kelola');
    await atasan.getByRole('link', { name: trackingId }).click();
    const follow = atasan.getByRole('form', { name: 'Tindak lanjut OPD (dibaca pelapor)' });
    await follow
      .getByLabel('Tindak lanjut OPD (dibaca pelapor)')
      .fill('Jadwal loket sudah diperbaiki dan petugas melayani sampai pukul 15.00 WITA.');
    await follow.getByRole('button', { name: 'Kirim tindak lanjut' }).click();
    await atasan.getByText('Tersimpan.').waitFor();

    await citizen.goto(`/pengaduan/lacak/${trackingId}`);
    await citizen.getByText('Sudah ditindaklanjuti', { exact: true }).waitFor();
    await citizen.getByText('Jadwal loket sudah diperbaiki dan petugas melayani sampai pukul 15.00 WITA.').waitFor();
    await citizen.getByRole('button', { name: 'Sudah selesai — tutup laporan' }).click();
    await citizen.getByText('Selesai', { exact: true }).waitFor();
    await expectClean(citizen);
    await shot(citizen, 'prt-track-mobile.png');

    await citizen.goto('/pengaduan/statistik');
    await citizen.getByRole('img', { name: 'Jumlah laporan per kategori' }).waitFor();
    await citizen
      .getByRole('region', { name: 'Tindak lanjut tepat waktu per OPD' })
      .getByRole('row', { name: /Dinas Komunikasi/ })
      .waitFor();
    await expectClean(citizen);
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await shot(citizen, 'prt-statistics.png');
  });

  it('a survey on a 360 px phone updates the unit’s IKM', async () => {
    const phone = await newPage({ width: 360, height: 740 });
    await phone.goto('/survei/loket-bkpsdm/hasil');
    const before = Number(await phone.getByTestId('ikm-respondents').textContent());
    const beforeScore = await phone.getByTestId('ikm-converted').textContent();
    await expectClean(phone);
    await phone.goto('/survei/loket-bkpsdm');
    await phone.getByRole('heading', { level: 1, name: 'Survei kepuasan: Loket Layanan Kepegawaian BKPSDM' }).waitFor();
    await expectClean(phone);
    const form = phone.getByRole('form', { name: 'Survei kepuasan: Loket Layanan Kepegawaian BKPSDM' });
    const groups = form.getByRole('group');
    for (let i = 0; i < 9; i++) await groups.nth(i).getByLabel('1 · Tidak baik').check();
    await form.getByLabel('Usia').selectOption('30-39');
    await form.getByLabel('Nomor tiket/antrean layanan atau nomor HP').fill('A-0999');
    await shot(phone, 'prt-survey-mobile.png');
    await form.getByRole('button', { name: 'Kirim survei' }).click();
    await phone.getByText(/Terima kasih! Jawaban Anda tercatat untuk periode/).waitFor();
    await expectClean(phone);
    await phone.getByRole('link', { name: 'Lihat hasil unit ini' }).click();
    await phone
      .getByTestId('ikm-respondents')
      .filter({ hasText: String(before + 1) })
      .waitFor();
    expect(await phone.getByTestId('ikm-converted').textContent()).not.toBe(beforeScore);
    await phone.getByRole('img', { name: 'Nilai rata-rata (NRR) per unsur, skala 1–4' }).waitFor();
    await expectClean(phone);
    await shot(phone, 'prt-ikm-mobile.png');
    // The same respondent again is refused with a clear message.
    await phone.goto('/survei/loket-bkpsdm');
    const again = phone.getByRole('form', { name: 'Survei kepuasan: Loket Layanan Kepegawaian BKPSDM' });
    for (let i = 0; i < 9; i++) await again.getByRole('group').nth(i).getByLabel('4 · Sangat baik').check();
    await again.getByLabel('Nomor tiket/antrean layanan atau nomor HP').fill('a 0999');
    await again.getByRole('button', { name: 'Kirim survei' }).click();
    await phone.getByText(/Anda sudah mengisi survei Loket Layanan Kepegawaian BKPSDM/).waitFor();
  });

  it('the accredited observer files a finding that the committee answers, and it becomes public', async () => {
    const pemantau = await newPage();
    await logIn(pemantau, 'pemantau@merit.test');
    await pemantau
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pemantauan' })
      .click();
    await pemantau.getByText('Disetujui', { exact: true }).waitFor();
    await expectClean(pemantau);
    await pemantau.getByRole('link', { name: 'Buka tampilan proses' }).click();
    await pemantau.getByRole('heading', { level: 2, name: 'Hasil verifikasi per formasi (alasan TMS)' }).waitFor();
    await expectClean(pemantau);
    await shot(pemantau, 'prt-observer-process.png');
    const form = pemantau.getByRole('form', { name: 'Laporkan temuan' });
    await form.getByLabel('Tahap').selectOption({ label: 'Ujian' });
    await form.getByLabel('Judul temuan').fill('Ruang ujian CAT kurang ventilasi');
    await form
      .getByLabel('Uraian temuan dan buktinya')
      .fill('Pada sesi pertama ruang ujian CAT panas karena dua pendingin ruangan mati; peserta mengeluh.');
    await form.getByRole('button', { name: 'Kirim temuan' }).click();
    await pemantau.getByText(/Temuan terkirim; panitia wajib menjawab paling lambat/).waitFor();

    const panitia = await newPage();
    await logIn(panitia, 'panitia@merit.test');
    await panitia
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pemantau & temuan' })
      .click();
    await panitia.getByRole('heading', { level: 3, name: 'Ruang ujian CAT kurang ventilasi' }).waitFor();
    await expectClean(panitia);
    const answer = panitia.getByRole('form', { name: 'Jawaban untuk "Ruang ujian CAT kurang ventilasi"' });
    await answer
      .getByLabel('Jawaban untuk "Ruang ujian CAT kurang ventilasi"')
      .fill('Dua pendingin ruangan sudah diperbaiki sebelum sesi kedua; sesi berikutnya dipantau suhunya.');
    await answer.getByRole('button', { name: 'Kirim jawaban' }).click();
    await panitia
      .getByText('Dua pendingin ruangan sudah diperbaiki sebelum sesi kedua; sesi berikutnya dipantau suhunya.')
      .waitFor();

    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.goto('/temuan');
    await visitor.getByRole('heading', { level: 3, name: 'Ruang ujian CAT kurang ventilasi' }).waitFor();
    await visitor.getByText(/Dua pendingin ruangan sudah diperbaiki/).waitFor();
    await expectClean(visitor);
    await shot(visitor, 'prt-findings-mobile.png');
    await visitor.goto('/data-terbuka');
    await visitor.getByRole('heading', { level: 2, name: 'Temuan pemantau seleksi' }).waitFor();
    await expectClean(visitor);
  });
});

describe('public forums in the browser', () => {
  it('a signed-in citizen registers for the coming forum; the held one shows its minutes and follow-up', async () => {
    const pelamar = await newPage({ width: 360, height: 740 });
    await logIn(pelamar, 'pelamar@merit.test');
    await pelamar.goto('/forum');
    await pelamar.getByRole('link', { name: 'Forum publik pelaksanaan seleksi CASN' }).click();
    await pelamar.getByText('Sisa kursi 100 dari 100').waitFor();
    await pelamar.getByRole('button', { name: 'Daftar sebagai peserta' }).click();
    await pelamar.getByText('Anda terdaftar sebagai peserta.').waitFor();
    await pelamar.getByText('Sisa kursi 99 dari 100').waitFor();
    await expectClean(pelamar);
    await pelamar.goto('/forum');
    await pelamar.getByRole('link', { name: 'Forum konsultasi standar pelayanan kepegawaian' }).click();
    await pelamar.getByRole('heading', { level: 2, name: 'Notulen' }).waitFor();
    await pelamar.getByText('Pasang papan informasi antrean di loket 1').waitFor();
    await expectClean(pelamar);
  });
});

describe('public consultation in the browser', () => {
  it('goes from draft to final: comment in the window, answer, final text with a reason and a diff', async () => {
    const panitia = await newPage();
    await logIn(panitia, 'panitia@merit.test');
    await panitia.goto('/konsultasi');
    const form = panitia.getByRole('form', { name: 'Rancangan konsultasi baru' });
    await form.getByLabel('Judul', { exact: true }).fill('Rancangan aturan SKB formasi teknis');
    await form.getByLabel('Ringkasan').fill('Bobot dan materi SKB untuk formasi teknis tahun ini.');
    await form.getByLabel('Judul bagian 1').fill('Bobot SKB');
    await form
      .getByLabel('Isi rancangan bagian 1')
      .fill('Bobot SKB 60 persen dari nilai akhir.\nMateri SKB: tes praktik kerja.');
    await form.getByRole('button', { name: 'Simpan rancangan' }).click();
    await panitia.getByRole('heading', { level: 1, name: 'Rancangan aturan SKB formasi teknis' }).waitFor();
    await expectClean(panitia);
    const id = panitia.url().split('/').pop()!;
    // The window: open now, closing in 60 seconds (the form takes minutes; the API takes seconds) —
    // room for a slow sign-in on a busy machine; the test then waits only for what is left of it.
    const csrf = (await panitia.context().cookies()).find((c) => c.name === 'merit_csrf')!.value;
    const closesAt = Date.now() + 60_000;
    const opened = await panitia.request.post(`/api/v1/consultations/${id}/open`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
      },
    });
    expect(opened.status()).toBe(200);

    const pelamar = await newPage({ width: 360, height: 740 });
    await logIn(pelamar, 'pelamar@merit.test');
    await pelamar.goto(`/konsultasi/${id}`);
    const comment = pelamar.getByRole('form', { name: 'Komentar Anda tentang "Bobot SKB"' });
    await comment
      .getByLabel('Komentar Anda tentang "Bobot SKB"')
      .fill('Bobot SKB 60 persen terlalu besar; usul 50 persen agar SKD tetap berarti.');
    await comment.getByRole('button', { name: 'Kirim komentar' }).click();
    await pelamar.getByText('Bobot SKB 60 persen terlalu besar; usul 50 persen agar SKD tetap berarti.').waitFor();
    await pelamar.getByText(/^Put\*\*\* A\*\*\* L\*\*\*$/).waitFor();
    await expectClean(pelamar);

    await panitia.reload();
    const answer = panitia.getByRole('form', { name: 'Jawaban untuk Put*** A*** L***' });
    await answer.getByLabel('Jawaban untuk Put*** A*** L***').fill('Diterima: bobot SKB menjadi 50 persen.');
    await answer.getByRole('button', { name: 'Jawab' }).click();
    await panitia.getByText('Diterima: bobot SKB menjadi 50 persen.').waitFor();
    await panitia.waitForTimeout(Math.max(0, closesAt - Date.now() + 1_000));
    await panitia.reload();
    const final = panitia.getByRole('form', { name: 'Versi final' });
    await final
      .getByLabel('Teks final "Bobot SKB"')
      .fill('Bobot SKB 50 persen dari nilai akhir.\nMateri SKB: tes praktik kerja.');
    await final
      .getByLabel('Alasan perubahan "Bobot SKB" (wajib bila berubah)')
      .fill('Masukan publik: SKD tetap berarti.');
    await final.getByLabel('Catatan versi final').fill('Satu bagian berubah setelah konsultasi.');
    await final.getByRole('button', { name: 'Tetapkan versi final' }).click();
    await panitia.getByText('Final', { exact: true }).waitFor();

    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.goto(`/konsultasi/${id}`);
    const diff = visitor.getByRole('group', { name: 'Perubahan dari rancangan' });
    await diff.locator('del', { hasText: 'Bobot SKB 60 persen dari nilai akhir.' }).waitFor();
    await diff.locator('ins', { hasText: 'Bobot SKB 50 persen dari nilai akhir.' }).waitFor();
    await visitor.getByText('Masukan publik: SKD tetap berarti.').waitFor();
    await expectClean(visitor);
    await shot(visitor, 'prt-consultation-final-mobile.png');
  });
  it('the admin changes a complaint deadline and an IKM band; a wrong band is refused with the reason', async () => {
    const admin = await newPage();
    await logIn(admin, 'admin@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pengaturan partisipasi' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Pengaturan partisipasi publik' }).waitFor();
    const sla = admin.getByRole('form', { name: 'Batas waktu pengaduan (hari kerja)' });
    expect(await sla.getByLabel('Tindak lanjut oleh OPD').inputValue()).toBe('5');
    await sla.getByLabel('Tindak lanjut oleh OPD').fill('7');
    await sla.getByRole('button', { name: 'Simpan batas waktu' }).click();
    await sla.getByText('Tersimpan.').waitFor();
    const bands = admin.getByRole('form', { name: 'Rentang mutu IKM (nilai konversi 25–100)' });
    await bands.getByLabel('Nilai terendah mutu D').fill('30');
    await bands.getByRole('button', { name: 'Simpan rentang mutu' }).click();
    await bands.getByRole('alert').getByText('Mutu terendah harus mulai dari 25,00.').waitFor();
    await bands.getByLabel('Nilai terendah mutu D').fill('25,00');
    await bands.getByLabel('Nilai terendah mutu A').fill('90,00');
    await bands.getByRole('button', { name: 'Simpan rentang mutu' }).click();
    await bands.getByText('Tersimpan.').waitFor();
    await expectClean(admin);
    await admin.reload();
    expect(await admin.getByLabel('Tindak lanjut oleh OPD').inputValue()).toBe('7');
    expect(await admin.getByLabel('Nilai terendah mutu A').inputValue()).toBe('90,00');

    // A unit with its own three unsur and weights: a sum other than 1 is refused, then it is made.
    await admin.goto('/survei');
    const form = admin.getByRole('form', { name: 'Tambah unit layanan' });
    await form.getByLabel('Kode unit (huruf kecil, angka, tanda hubung)').fill('loket-taspen');
    await form.getByLabel('Nama unit layanan').fill('Loket Layanan Pensiun');
    await form.getByLabel(/Pakai unsur dan bobot sendiri/).check();
    for (let n = 9; n > 3; n--) await form.getByRole('button', { name: `Hapus unsur ${n}` }).click();
    for (const [n, w] of [
      [1, '0,5'],
      [2, '0,3'],
      [3, '0,1'],
    ] as const)
      await form.getByLabel(`Bobot unsur ${n}`).fill(w);
    await form.getByRole('button', { name: 'Tambah unit' }).click();
    await form.getByText('Jumlah bobot semua unsur harus 1.').waitFor();
    await form.getByLabel('Bobot unsur 3').fill('0,2');
    await form.getByRole('button', { name: 'Tambah unit' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Loket Layanan Pensiun' }).waitFor();
    await admin.goto('/survei/loket-taspen');
    await admin.locator('fieldset.prt-scale').first().waitFor();
    expect(await admin.locator('fieldset.prt-scale').count()).toBe(3); // one question per unsur of the unit
    await expectClean(admin);
  });
});
