/**
 * Browser journey for recruitment: the demo applicant fills the biodata, applies to KOMINFO-01,
 * uploads every document (a wrong type first, shown inline) and submits; the verifier claims,
 * sees the PDFs drawn on the page, and verifies the file in one pass with the ijazah TMS; the committee reviews and proposes the announcement, a second committee
 * member approves; the applicant files a sanggah, the committee accepts and re-announces; exam
 * site, session and assignment; the exam card downloads as a PDF and the card's QR page resolves
 * without the NIK (also through the "Periksa keaslian kartu" link on /lamaran). The committee
 * unassigns and reassigns the demo verifier and edits the stage windows on the period page.
 * Plus axe on the main pages and the 360 px layout.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../common/rules/calendar.ts';
import { moderateOrWorseViolations } from './support/a11y.ts';
import {
  apiCall,
  DEMO_PASSWORD as PASSWORD,
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  journey,
} from './support/journey.ts';
import { makeJpeg, makePdf } from '../server/test/fixtures.ts';

const SESSION_SECRET = 'e2e-recruitment-session-secret-0123456789abcdef';
const APPLICANT_NIK = '7271045203990001';
const VERIFIER_NAME = 'Andi Tadulako (Verifikator)';
/** The demo seed's second committee member (the two-person rule). */
const COMMITTEE2 = { email: 'panitia2@merit.test', password: PASSWORD };
const LABELS: Record<string, string> = {
  pas_foto: 'Pas foto (latar belakang merah)',
  ktp: 'KTP (hasil pindai)',
  swafoto: 'Swafoto',
  surat_lamaran: 'Surat lamaran',
  ijazah: 'Ijazah (dan Serdik/STR bila disyaratkan)',
  transkrip: 'Transkrip nilai',
};
const IMAGES = new Set(['pas_foto', 'ktp', 'swafoto']);

const { newPage, logIn } = journey({ env: { SESSION_SECRET } });
let applicant: Page;
let verifier: Page;
let committee: Page;
let committee2: Page;
let applicationPath = '';
let verifierPath = '';
let periodPath = '';

beforeAll(async () => {
  applicant = await newPage();
  verifier = await newPage();
  committee = await newPage();
  committee2 = await newPage();
});

describe('recruitment journey in the browser', () => {
  it('setup: opens the sanggah window through the API', async () => {
    await logIn(committee, 'panitia@merit.test', PASSWORD);
    const periods = await apiCall(committee, 'GET', '/api/v1/periods');
    const period = periods.json.periods.find((p: { code: string }) => p.code.startsWith('CPNS-'));
    const day = 86_400_000;
    const at = (d: number) => new Date(Date.now() + d * day).toISOString();
    const stages = {
      ...period.stages,
      objection: { start: at(-1), end: at(10) },
      objection_response: { start: at(-1), end: at(15) },
    };
    expect((await apiCall(committee, 'PUT', `/api/v1/periods/${period.id}/stages`, { stages })).status).toBe(200);
    periodPath = `/panitia/periode/${period.id}`;
  });

  it('the committee sees the demo verifier on the period page, unassigns and reassigns it', async () => {
    await committee.goto(periodPath);
    const panel = committee.getByRole('region', { name: 'Verifikator', exact: true });
    const remove = panel.getByRole('button', { name: `Cabut tugas ${VERIFIER_NAME}` });
    await remove.waitFor();
    await expectNoSeriousViolations(committee);
    await remove.click();
    await panel.getByText(`Tugas ${VERIFIER_NAME} dicabut.`).waitFor();
    await panel.getByText('Belum ada verifikator yang ditugaskan.').waitFor();
    await panel
      .getByLabel('Verifikator', { exact: true })
      .selectOption({ label: `${VERIFIER_NAME} (verifikator@merit.test)` });
    await panel.getByRole('button', { name: 'Tugaskan' }).click();
    await panel.getByText(`${VERIFIER_NAME} ditugaskan ke periode ini.`).waitFor();
    await remove.waitFor();
    await panel.getByText('Semua akun verifikator sudah ditugaskan.').waitFor();

    // The period's committee (SK Panitia): both demo members, which only the admin may change.
    const committeePanel = committee.getByRole('region', { name: 'Panitia seleksi periode', exact: true });
    await committeePanel.getByText('Rahmat Hidayat (Panitia Seleksi)').waitFor();
    expect(await committeePanel.getByRole('listitem').count()).toBe(2);
    expect(await committeePanel.getByRole('button').count()).toBe(0);
  });

  it('the committee edits the stage windows in WITA (an end before the start is shown on the input), also at 360 px', async () => {
    const editor = committee.getByRole('region', { name: 'Jadwal tahapan', exact: true });
    const start = editor.getByLabel('Pendaftaran — mulai', { exact: true });
    const end = editor.getByLabel('Pendaftaran — selesai', { exact: true });
    const [from, to] = [await start.inputValue(), await end.inputValue()];
    // Written the Indonesian way (hh/bb/tttt jj.mm, 24-hour) whatever the browser's locale.
    expect(from).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}$/);
    expect(await editor.getByLabel('Sanggah — selesai', { exact: true }).inputValue()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}$/,
    );
    await end.fill(from);
    await editor.getByRole('button', { name: 'Simpan jadwal' }).click();
    await editor.locator('.field-error').first().waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    await end.fill(to);
    await editor.getByRole('button', { name: 'Simpan jadwal' }).click();
    await editor.getByText('Jadwal tahapan tersimpan.').waitFor();
    expect(await end.inputValue()).toBe(to);

    const phone = await newPage({ width: 360, height: 740 });
    await logIn(phone, 'panitia@merit.test', PASSWORD);
    await phone.goto(periodPath);
    await phone.getByRole('button', { name: 'Simpan jadwal' }).waitFor();
    await phone.getByRole('button', { name: `Cabut tugas ${VERIFIER_NAME}` }).waitFor();
    await expectNoHorizontalScroll(phone);
  });

  it('the applicant fills the biodata and applies from the catalog', async () => {
    await logIn(applicant, 'pelamar@merit.test', PASSWORD);
    await applicant.getByRole('link', { name: 'Lengkapi biodata' }).click();
    await applicant.getByRole('heading', { level: 1, name: 'Biodata pelamar' }).waitFor();
    await applicant.getByLabel('Nama sesuai ijazah').fill('Aisyah Putri Lamasitudju');
    await applicant.getByLabel('Jenjang pendidikan terakhir').selectOption('S1');
    await applicant.getByLabel('Program studi').fill('Teknik Informatika');
    await applicant.getByLabel('Perguruan tinggi / sekolah').fill('Universitas Tadulako');
    await applicant.getByLabel('IPK').fill('3.45');
    await applicant.getByLabel('Tahun lulus').fill('2021');
    await applicant.getByLabel('Nomor ijazah').fill('UNTAD/FT/2021/0457');
    await applicant.getByRole('button', { name: 'Tambah pengalaman' }).click();
    await applicant.getByLabel('Instansi / perusahaan').fill('CV Palu Digital');
    await applicant.getByLabel('Jabatan', { exact: true }).fill('Pengembang web');
    await applicant.getByLabel('Dari tahun').fill('2022');
    await applicant.getByRole('button', { name: 'Simpan biodata' }).click();
    await applicant.getByText('Biodata tersimpan').waitFor();

    await applicant.goto('/formasi');
    await applicant.getByRole('heading', { level: 1, name: 'Katalog formasi' }).waitFor();
    await applicant.getByLabel('Cari jabatan atau program studi').fill('Pranata');
    await applicant.getByRole('button', { name: 'Terapkan' }).click();
    await applicant.getByRole('button', { name: /Lamar Pranata Komputer Ahli Pertama \(KOMINFO-01\)/ }).waitFor();
    await expectNoSeriousViolations(applicant);
    await applicant.getByRole('button', { name: /Lamar Pranata Komputer Ahli Pertama \(KOMINFO-01\)/ }).click();
    await applicant.waitForURL(/\/lamaran\/[0-9a-f-]{36}$/);
    applicationPath = new URL(applicant.url()).pathname;
    await applicant.getByText('Lamaran dibuat').waitFor();
  });

  it('uploads every document with the server’s message inline for a wrong type, then submits', async () => {
    const pdf = await makePdf('bukan foto');
    await applicant
      .getByLabel(`Pilih berkas ${LABELS.pas_foto}`)
      .setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: pdf });
    const error = applicant.locator('.field-error').first();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/JPG|JPEG/);
    for (const [kind, label] of Object.entries(LABELS)) {
      const file = IMAGES.has(kind)
        ? { name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: makeJpeg() }
        : { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: await makePdf(kind) };
      await applicant.getByLabel(`Pilih berkas ${label}`).setInputFiles(file);
      await applicant.getByText(`${label} berhasil diunggah.`).waitFor();
    }
    await applicant.getByText('Semua dokumen wajib sudah diunggah.').waitFor();
    await expectNoSeriousViolations(applicant);

    const phone = await newPage({ width: 360, height: 740 });
    await logIn(phone, 'pelamar@merit.test', PASSWORD);
    await phone.goto(applicationPath);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await phone.getByText('Semua dokumen wajib sudah diunggah.').waitFor();
    await expectNoHorizontalScroll(phone);
    await phone.goto('/formasi');
    await phone.getByRole('button', { name: /Lamar/ }).first().waitFor();
    await expectNoHorizontalScroll(phone);

    await applicant.getByRole('button', { name: 'Kirim lamaran' }).click();
    const dialog = applicant.getByRole('dialog', { name: 'Kirim dan kunci lamaran?' });
    await dialog.getByText(/dikunci dan tidak dapat diubah/).waitFor();
    await dialog.getByRole('button', { name: 'Ya, kirim dan kunci' }).click();
    await applicant.getByText('Lamaran terkirim dan dikunci').waitFor();
  });

  it('the verifier claims the file, sees the PDFs drawn on the page and verifies it in one pass (ijazah TMS)', async () => {
    await logIn(verifier, 'verifikator@merit.test', PASSWORD);
    await verifier.goto('/verifikasi');
    await verifier.getByRole('button', { name: 'Ambil 10 berkas' }).click();
    await verifier.getByText(/berkas diambil ke antrean Anda/).waitFor();
    await verifier
      .getByRole('link', { name: /Periksa berkas/ })
      .first()
      .click();
    await verifier.waitForURL(/\/verifikasi\/[0-9a-f-]{36}$/);
    verifierPath = new URL(verifier.url()).pathname;
    await verifier.getByText(APPLICANT_NIK).waitFor();
    // Requirement versus biodata: the ijazah name is set against the rule, and the mismatch with
    // the account's (e-KTP) name is flagged.
    const nameRow = verifier.locator('tr[data-compare="nameOnIjazah"]');
    await nameRow.getByText('Sama dengan nama akun (e-KTP): Putri Ayu Lestari').waitFor();
    await nameRow.getByText('Aisyah Putri Lamasitudju').waitFor();
    await nameRow.getByText('Tidak sesuai').waitFor();
    expect(await nameRow.getAttribute('data-verdict')).toBe('mismatch');
    await verifier.getByText(/butir tidak sesuai syarat/).waitFor();
    // The PDFs are drawn on the page (the server sends documents only as sandboxed attachments).
    const page1 = verifier.getByRole('img', { name: `${LABELS.ijazah}, halaman 1 dari 1` });
    await page1.waitFor();
    const inked = await page1.evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(50); // the page's text, not a blank canvas
    // One pass: every document MS in one click, the ijazah TMS with a reason, one save.
    await verifier.getByRole('button', { name: 'Tandai semua dokumen MS' }).click();
    await verifier.getByText('6 dari 6 dokumen dinilai').waitFor();
    const ijazah = verifier.locator('section', {
      has: verifier.getByRole('group', { name: `Penilaian ${LABELS.ijazah}` }),
    });
    await ijazah.getByRole('radio', { name: 'TMS', exact: true }).check();
    await verifier.getByRole('button', { name: 'Simpan dan usulkan TMS' }).click();
    await ijazah.getByText('Alasan TMS wajib dipilih.').waitFor();
    await ijazah.getByLabel('Alasan TMS (daftar baku)').selectOption('UNREADABLE');
    await ijazah.getByLabel('Keterangan tambahan').fill('Halaman kedua ijazah tidak terbaca.');
    await expectNoSeriousViolations(verifier);
    await verifier.getByRole('button', { name: 'Simpan dan usulkan TMS' }).click();
    await verifier.getByText('Keputusan diusulkan').waitFor();

    // The same file on a 360 px phone: pages drawn to the screen's width, nothing scrolls sideways.
    const phone = await newPage({ width: 360, height: 740 });
    await logIn(phone, 'verifikator@merit.test', PASSWORD);
    await phone.goto(verifierPath);
    await phone.getByRole('img', { name: `${LABELS.ijazah}, halaman 1 dari 1` }).waitFor();
    await expectNoHorizontalScroll(phone);
    expect(await moderateOrWorseViolations(phone)).toEqual([]);
  });

  it('the committee reviews the verdict and proposes the announcement; a second member approves', async () => {
    await committee.goto(verifierPath);
    await committee.getByRole('button', { name: 'Setujui keputusan' }).click();
    await committee.getByText('Keputusan sudah ditinjau').waitFor();

    await committee.goto('/panitia');
    await committee.locator(`a[href="${periodPath}"]`).click();
    await committee.waitForURL(`**${periodPath}`);
    await committee.getByRole('button', { name: 'Usulkan pengumuman hasil administrasi' }).click();
    await committee.getByText('Usulan pengumuman dibuat').waitFor();
    await committee.getByText('Usulan Anda — menunggu anggota panitia lain.').waitFor();
    await expectNoSeriousViolations(committee);

    await logIn(committee2, COMMITTEE2.email, COMMITTEE2.password);
    await committee2.goto(periodPath);
    await committee2.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await committee2.getByText(/Pengumuman terbit: 1 pelamar/).waitFor();
    // The official PENGUMUMAN (numbered, signed PDF) and the committee's XLSX of every outcome.
    const [pdf] = await Promise.all([
      committee2.waitForEvent('download'),
      committee2
        .getByRole('link', { name: /Unduh pengumuman resmi/ })
        .first()
        .click(),
    ]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [xlsx] = await Promise.all([
      committee2.waitForEvent('download'),
      committee2.getByRole('link', { name: /Unduh semua berkas dan hasil MS\/TMS/ }).click(),
    ]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK'); // a zip: the XLSX container
  });

  it('the applicant sees TMS with the reason and files a sanggah with evidence', async () => {
    await applicant.goto(applicationPath);
    await applicant.getByText('Halaman kedua ijazah tidak terbaca.').first().waitFor();
    await applicant
      .getByText(
        /Dokumen tidak lengkap, tidak terbaca, atau tidak dapat diunduh — Halaman kedua ijazah tidak terbaca\./,
      )
      .waitFor();
    await applicant.getByRole('heading', { name: 'Ajukan sanggah' }).waitFor();
    await applicant
      .getByLabel('Alasan sanggah')
      .fill('Ijazah saya terbaca jelas; halaman kedua ada pada berkas yang sama (lihat lampiran).');
    await applicant
      .getByLabel(/Bukti pendukung/)
      .setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: await makePdf('ijazah halaman 2') });
    await applicant.getByRole('button', { name: 'Kirim sanggah' }).click();
    await applicant.getByRole('heading', { name: 'Sanggah Anda' }).waitFor();
  });

  it('the committee accepts the sanggah and re-announces; the second member approves', async () => {
    await committee.goto(periodPath);
    const answer = committee.getByRole('form', { name: /Jawab sanggah/ });
    await answer.getByRole('radio', { name: 'Terima (menjadi MS)' }).check();
    await answer
      .getByLabel('Jawaban untuk pelamar')
      .fill('Halaman kedua ijazah ditemukan dan terbaca; verifikator keliru.');
    await answer.getByRole('button', { name: 'Kirim jawaban' }).click();
    await committee.getByText('Menunggu jawaban').waitFor({ state: 'detached' });
    await committee.getByRole('button', { name: 'Usulkan pengumuman ulang (pasca sanggah)' }).click();
    await committee.getByText('Usulan pengumuman dibuat').waitFor();

    await committee2.goto(periodPath);
    await committee2.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await committee2.getByText(/Pengumuman terbit: 1 pelamar/).waitFor();
  });

  it('the committee adds a site and a session and assigns the participant', async () => {
    await committee.goto(periodPath);
    // An empty site is refused in the browser, in the contract's Indonesian words, before any request.
    const sitePosts: string[] = [];
    const onRequest = (r: { method: () => string; url: () => string }) => {
      if (r.method() === 'POST' && r.url().includes('/exam-sites')) sitePosts.push(r.url());
    };
    committee.on('request', onRequest);
    await committee.getByRole('button', { name: 'Tambah lokasi' }).click();
    const siteName = committee.getByLabel('Nama lokasi');
    await committee.locator('[aria-invalid="true"]').first().waitFor();
    expect(await siteName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await siteName.getAttribute('aria-describedby')) ?? '';
    expect(await committee.locator(`[id="${describedBy}"]`).innerText()).toContain('Minimal 3 karakter.');
    await committee.getByText('Belum ada lokasi ujian.').waitFor();
    committee.off('request', onRequest);
    expect(sitePosts).toEqual([]);
    await committee.getByLabel('Nama lokasi').fill('UPT BKN Palu');
    await committee.getByLabel('Alamat').fill('Jl. Tanjung Manimbaya, Palu');
    await committee.getByRole('button', { name: 'Tambah lokasi' }).click();
    await committee.getByText('Lokasi ditambahkan.').waitFor();
    const start = localDate(new Date(Date.now() + 20 * 86_400_000));
    await committee
      .getByLabel('Mulai (WITA)')
      .fill(`${start.slice(8, 10)}/${start.slice(5, 7)}/${start.slice(0, 4)} 08.00`);
    await committee.getByRole('button', { name: 'Tambah sesi' }).click();
    await committee.getByText('Sesi ditambahkan.').waitFor();
    await committee.getByRole('button', { name: 'Tempatkan peserta' }).click();
    await committee.getByText('1 peserta ditempatkan; 0 belum mendapat tempat.').waitFor();
    await committee.getByText('1/40 terisi').waitFor();
  });

  it('the applicant downloads the exam card (a PDF) and the card’s QR page shows facts without the NIK', async () => {
    await applicant.goto('/lamaran');
    const link = applicant.getByRole('link', { name: 'Unduh kartu ujian (PDF)' });
    const [download] = await Promise.all([applicant.waitForEvent('download'), link.click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    const registrationNo = (await applicant.locator('dd .mono').first().innerText()).trim();
    const key = createHmac('sha256', SESSION_SECRET).update('merit-card-links').digest('base64url');
    const sig = createHmac('sha256', key).update(`card:${registrationNo}`).digest('base64url').slice(0, 22);
    const visitor = await newPage();
    await visitor.goto(`/kartu/${encodeURIComponent(registrationNo)}?s=${sig}`);
    await visitor.getByText('Kartu ini asli dan terdaftar di Merit.').waitFor();
    await visitor.getByText('Pranata Komputer Ahli Pertama').waitFor();
    const text = await visitor.locator('main').innerText();
    expect(text).toContain(registrationNo);
    expect(text).not.toContain(APPLICANT_NIK);
    expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/); // no 16-digit NIK (the participant number is longer)
    await visitor.goto(`/kartu/${encodeURIComponent(registrationNo)}?s=salah`);
    await visitor.getByText(/Kartu tidak dikenali/).waitFor();

    // The same check from the applicant's own page: the link opens the card page in the app.
    await applicant.goto('/lamaran');
    const check = applicant.getByRole('link', { name: `Periksa keaslian kartu ${registrationNo}` });
    expect(await check.getAttribute('href')).toBe(`/kartu/${registrationNo}?s=${sig}`);
    await check.click();
    await applicant.waitForURL(/\/kartu\//);
    await applicant.getByText('Kartu ini asli dan terdaftar di Merit.').waitFor();
  });
});
