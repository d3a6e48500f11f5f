/**
 * Browser journey for SKP and policy follow-up on a fresh `npm start` (demo seed): the supervisor
 * (atasan@) cascades a result to the whole unit; the employee (pegawai@) agrees and adds evidence;
 * the supervisor evaluates Triwulan I and sees the predikat and the distribution warning before
 * finalising; the employee sees the recommended programme with its reason and enrols; BKPSDM's
 * dashboard; and a policy's public page shows the OPD's answer once the supervisor gives it. Axe on
 * every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, mainNav } from './support/journey.ts';

const SECOND = 'Aplikasi layanan kebencanaan terpadu dengan BPBD Kota Palu';
const FIRST = 'Layanan aplikasi dan data Pemkot Palu tersedia dan aman bagi warga';
const { newPage, logIn, shot, expectClean } = journey();

describe('SKP and policy follow-up journey in the browser', () => {
  let atasan: Page;
  let pegawai: Page;

  it('the supervisor cascades a result to the whole unit', async () => {
    atasan = await newPage();
    await logIn(atasan, 'atasan@merit.test');
    await atasan.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'SKP tim' }).click();
    await atasan.waitForURL('**/skp/tim');
    await atasan.getByRole('heading', { level: 2, name: 'Bawahan langsung (6)' }).waitFor();
    const form = atasan.getByRole('form', { name: `Turunkan "${SECOND}"` });
    await form.getByRole('button', { name: 'Turunkan ke seluruh unit' }).click();
    await atasan
      .getByRole('status')
      .getByText(
        `"${SECOND}" diturunkan ke 3 pegawai. 3 pegawai dilewati (SKP sudah disepakati atau sudah memuat hasil kerja ini).`,
      )
      .waitFor();
    await atasan
      .getByRole('region', { name: 'Tabel SKP bawahan langsung (dapat digulir)' })
      .getByRole('row', { name: /Sitti Aisyah.*Draf · 2 hasil kerja/ })
      .waitFor();
    await expectClean(atasan);
    await shot(atasan, 'skp-team.png');

    // The hasil kerja form checks the contract in the browser: empty fields are named, nothing is sent.
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      if (r.method() !== 'GET') posts.push(r.url());
    };
    atasan.on('request', onRequest);
    const add = atasan.getByRole('form', { name: 'Tambah hasil kerja' });
    await add.getByRole('button', { name: 'Simpan hasil kerja' }).click();
    const target = add.getByLabel('Target', { exact: true });
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await target.getAttribute('aria-describedby')) ?? '';
    expect(await atasan.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).toContain('Wajib diisi.');
    await add.getByText('Minimal 2 karakter.').first().waitFor();
    atasan.off('request', onRequest);
    expect(posts).toEqual([]);
  });

  it('the employee agrees to the SKP and adds evidence', async () => {
    pegawai = await newPage({ width: 360, height: 740 });
    await logIn(pegawai, 'pegawai@merit.test');
    await (await mainNav(pegawai)).getByRole('link', { name: 'SKP saya' }).click();
    await pegawai.getByRole('link', { name: 'Buka SKP saya' }).click();
    await pegawai.getByRole('heading', { level: 3, name: SECOND }).waitFor();
    await pegawai.getByText('Pejabat penilai').first().waitFor();
    await pegawai.getByLabel('Klarifikasi ekspektasi').fill('Target ketersediaan 99% dihitung per bulan.');
    await pegawai.getByRole('button', { name: 'Setujui SKP' }).click();
    await pegawai.getByText('Disepakati', { exact: true }).first().waitFor();
    const link = pegawai.getByRole('form', { name: `Tautan bukti dukung: ${FIRST}` });
    await link.getByLabel('Tautan bukti dukung').fill('https://drive.palukota.go.id/uptime-januari');
    await link.getByLabel('Keterangan tautan').fill('Laporan uptime Januari');
    await link.getByRole('button', { name: 'Tambah tautan' }).click();
    await pegawai.getByRole('link', { name: 'Laporan uptime Januari' }).waitFor();
    await expectClean(pegawai);
  });

  it('the supervisor evaluates Triwulan I and sees the predikat and the distribution warning before finalising', async () => {
    await atasan.goto('/skp/tim');
    await atasan.getByRole('link', { name: 'Buka SKP: Sitti Aisyah, S.Kom.' }).click();
    const form = atasan.getByRole('form', { name: 'Evaluasi Triwulan I' });
    await form.waitFor();
    await form.getByLabel(`Realisasi: Ketersediaan layanan aplikasi publik (target 99 %)`).fill('98,7%');
    await form.getByLabel('Rating Kolaboratif').selectOption({ label: 'Di Bawah Ekspektasi' });
    await form.getByRole('button', { name: 'Simpan penilaian' }).click();
    await atasan.getByText('Predikat Triwulan I: Baik').waitFor();
    await atasan
      .getByText(
        'Organisasi berpredikat Baik semestinya memiliki pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct.',
      )
      .waitFor();
    await expectClean(atasan);
    await shot(atasan, 'skp-evaluation.png');
    await atasan.getByRole('button', { name: 'Finalkan evaluasi Triwulan I' }).click();
    await atasan
      .getByRole('region', { name: 'Tabel evaluasi (dapat digulir)' })
      .getByRole('row', { name: /Triwulan I .*Baik Final/ })
      .waitFor();
    await atasan.getByRole('heading', { name: 'Evaluasi Triwulan II' }).waitFor();
  });

  it('the employee sees the recommended programme with its reason and enrols', async () => {
    await pegawai.goto('/skp/saya');
    await pegawai
      .getByRole('region', { name: 'Tabel evaluasi (dapat digulir)' })
      .getByRole('row', { name: /Triwulan I .*Baik/ })
      .waitFor();
    const rec = pegawai.getByRole('article', { name: 'Kolaborasi dan Kerja Sama Tim Lintas OPD' });
    await rec.getByText('Di Bawah Ekspektasi pada Kolaboratif, Triwulan I').waitFor();
    await expectClean(pegawai);
    await shot(pegawai, 'skp-mine.png');
    await rec.getByRole('button', { name: 'Daftar' }).click();
    await rec.getByText('Anda terdaftar di Kolaborasi dan Kerja Sama Tim Lintas OPD.').waitFor();
    await pegawai.goto('/pelatihan/saya');
    await pegawai.getByText('Kolaborasi dan Kerja Sama Tim Lintas OPD').first().waitFor();
  });

  it('BKPSDM sees the dashboard with the predikat distribution', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Dasbor kinerja' })
      .click();
    // It opens on the newest period with final evaluations (the seed finalises Triwulan I and II), and says so.
    await admin.getByText(/^Menampilkan Triwulan II \d{4}$/).waitFor();
    const filters = admin.getByRole('form', { name: 'Pilih tahun dan periode' });
    await expect.poll(() => filters.getByLabel('Periode').inputValue()).toBe('q2');
    await filters.getByLabel('Periode').selectOption({ label: 'Triwulan I' });
    await filters.getByRole('button', { name: 'Tampilkan' }).click();
    await admin.getByRole('img', { name: /Distribusi predikat Triwulan I/ }).waitFor();
    await admin
      .getByRole('region', { name: 'Tabel kemajuan per perangkat daerah (dapat digulir)' })
      .getByRole('row', { name: /Dinas Komunikasi/ })
      .waitFor();
    await admin.getByRole('link', { name: 'Unduh XLSX (kolom e-Kinerja BKN)' }).waitFor();
    await admin
      .getByRole('region', { name: /^Tabel rencana pengembangan Dinas Komunikasi/ })
      .getByRole('row', {
        name: /Kolaborasi dan Kerja Sama Tim Lintas OPD .*Di Bawah Ekspektasi pada Kolaboratif \(1\)/,
      })
      .waitFor();
    await expectClean(admin);
    await shot(admin, 'skp-dashboard.png');

    // last year's results from e-Kinerja: checked row by row, then imported
    const head =
      'NIP,Nama,Status Kepegawaian,Jabatan,Golongan,Unit Kerja,Perangkat Daerah,Tahun,Periode Penilaian,NIP Pejabat Penilai,Nama Pejabat Penilai,Status SKP,Rating Hasil Kerja,Rating Perilaku Kerja,Predikat Kinerja,Status Penilaian';
    const last = new Date().getFullYear() - 1;
    const csv = `${head}\n199104252015032001,Sitti Aisyah,PNS,Pranata Komputer Ahli Muda,III/c,Bidang Aplikasi Informatika,Diskominfo,${last},Tahunan,197808122003121002,Ir. Hasan Lasoso,Disetujui,Sesuai Ekspektasi,Sesuai Ekspektasi,Baik,Final\n`;
    const form = admin.getByRole('form', { name: 'Impor hasil SKP tahun lalu dari e-Kinerja' });
    await form
      .getByLabel('Berkas hasil SKP (XLSX atau CSV)')
      .setInputFiles({ name: 'ekinerja.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Periksa berkas' }).click();
    await admin.getByText('Semua baris benar: 1 diimpor, 0 dilewati. Tekan "Impor" untuk menyimpan.').waitFor();
    await form.getByRole('button', { name: 'Impor 1 baris' }).click();
    await admin.getByText('Tersimpan: 1 hasil SKP diimpor.').waitFor();
  });

  it("a policy's public page shows the late milestone, then the OPD's answer", async () => {
    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.goto('/kebijakan-publik');
    await visitor.getByRole('img', { name: /Distribusi predikat kinerja Triwulan .* se-Kota Palu/ }).waitFor();
    await visitor.getByText(/^Menampilkan Triwulan II \d{4}$/).waitFor();
    await visitor
      .getByRole('region', { name: 'Tabel pemenuhan 20 JP per perangkat daerah (dapat digulir)' })
      .getByRole('row', { name: /Dinas Komunikasi/ })
      .waitFor();
    await expectClean(visitor);
    await visitor
      .getByRole('link', { name: 'Implementasi Core Values dan Employer Branding Aparatur Sipil Negara' })
      .click();
    await visitor.getByText(/40% selesai \(2 dari 5 tonggak\), 1 terlambat/).waitFor();
    await visitor.getByText('Perangkat daerah belum menjawab keterlambatan ini.').waitFor();
    await expectClean(visitor);

    await atasan
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Tindak lanjut kebijakan' })
      .click();
    await atasan.getByRole('link', { name: 'Lihat rencana aksi: SE MenPANRB 20/2021' }).click();
    const form = atasan.getByRole('form', {
      name: 'Perbarui tonggak: Agen perubahan ditetapkan dengan SK Kepala Dinas',
    });
    await form
      .getByLabel('Jawaban atas keterlambatan')
      .fill('SK menunggu hasil evaluasi jabatan; ditetapkan pekan depan.');
    await form.getByRole('button', { name: 'Perbarui tonggak' }).click();
    await atasan.getByText('Tonggak diperbarui.').waitFor();
    await expectClean(atasan);

    await visitor.reload();
    await visitor.getByText(/SK menunggu hasil evaluasi jabatan; ditetapkan pekan depan\./).waitFor();
    expect(await visitor.getByText('Perangkat daerah belum menjawab keterlambatan ini.').count()).toBe(0);
    await shot(visitor, 'policy-public.png');
  });
});
