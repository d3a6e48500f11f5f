/**
 * Browser journey for selection: setup through the API (thresholds for the demo year, a second
 * committee member, the demo applicant applied, verified MS, announced and seated, so they have a
 * participant number). Then in the browser: the committee imports skd.csv (a bad file first, with
 * the server's line-numbered message), previews the ranking and proposes the SKD publication; a
 * second member approves; SKB weights 60 % CAT + 40 % praktik (an interview refused first), SKB
 * scores, the final publication approved by the second member; the public formation page shows
 * the masked name, codes and chart; the open-data files downloaded from the public page reproduce
 * byte for byte through `merit rank` / `merit integrate` and match the SHA-256 shown. Axe and
 * 360 px checks. With MERIT_SCREENSHOTS=1 it also writes docs/screenshots/results-*.png.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../common/rules/mask-name.ts';
import { runIntegrate, runRank } from '../server/src/modules/selection/cli.ts';
import {
  DEMO_PASSWORD as PASSWORD,
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  journey,
} from './support/journey.ts';
import { REPO } from './support/server.ts';
import { makeJpeg, makePdf } from '../server/test/fixtures.ts';
import { pdfPagesText } from '../server/test/pdf-text.ts';

const COMMITTEE2 = {
  email: 'panitia.kedua@merit.test',
  fullName: 'Rahmat Hidayat',
  password: 'Panitia kedua Palu 2026',
};
const NAME = 'Aisyah Putri Lamasitudju';
const PROFILE = {
  nameOnIjazah: NAME,
  educationLevel: 'S1',
  major: 'Teknik Informatika',
  institution: 'Universitas Tadulako',
  ipk: 3.45,
  graduationYear: 2021,
  ijazahNumber: 'UNTAD/FT/2021/0457',
  isCumlaude: false,
  hasDisability: false,
  disabilityNote: null,
  isPapuan: false,
  isDiaspora: false,
  experience: [],
};
const DOCS = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'];
const IMAGES = new Set(['pas_foto', 'ktp', 'swafoto']);
const SHOTS = process.env.MERIT_SCREENSHOTS === '1';
const silent = { out: () => {}, err: () => {} };

const { newPage } = journey();
let committee: Page;
let committee2: Page;
let visitor: Page;
let periodId = '';
let participantNo = '';

/** An API call in the page's cookie jar (session + CSRF), for setup only. */
async function call(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
  file?: { name: string; mimeType: string; buffer: Buffer },
): Promise<{ status: number; json: any }> {
  const req = page.context().request;
  let token = (await page.context().cookies()).find((c) => c.name === 'merit_csrf')?.value;
  if (!token) {
    await req.get('/api/health');
    token = (await page.context().cookies()).find((c) => c.name === 'merit_csrf')?.value;
  }
  const res = await req.fetch(url, {
    method,
    headers: { 'x-csrf-token': decodeURIComponent(token ?? '') },
    ...(file ? { multipart: { file } } : body !== undefined ? { data: body } : {}),
  });
  const text = await res.text();
  return { status: res.status(), json: text ? JSON.parse(text) : null };
}

async function signIn(page: Page, identifier: string, password: string) {
  const res = await call(page, 'POST', '/api/v1/auth/login', { identifier, password });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

beforeAll(async () => {
  committee = await newPage();
  committee2 = await newPage();
  visitor = await newPage();
});

describe('selection journey in the browser', () => {
  it('setup through the API: thresholds, a second committee member, one seated participant', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin@merit.test', PASSWORD);
    await signIn(committee, 'panitia@merit.test', PASSWORD);
    const period = (await call(committee, 'GET', '/api/v1/periods')).json.periods.find((p: { code: string }) =>
      p.code.startsWith('CPNS-'),
    );
    periodId = period.id;

    const rules2024 = (await call(admin, 'GET', '/api/v1/public/thresholds')).json.thresholds.find(
      (t: { year: number }) => t.year === 2024,
    );
    const thr = await call(admin, 'PUT', `/api/v1/admin/thresholds/${period.year}`, {
      regulation: `KepMenPANRB (uji e2e) ${period.year}`,
      rules: rules2024.rules,
      uncertain: [],
    });
    expect(thr.status, JSON.stringify(thr.json)).toBe(200);
    // The pass-mark editor refuses an empty passing grade in the browser, in Indonesian, before any request.
    await admin.goto('/seleksi/ambang-batas');
    const thrForm = admin.getByRole('form', { name: /^Simpan nilai ambang batas/ });
    const firstNeed = thrForm.getByRole('group').first();
    await firstNeed.getByLabel('TIU minimal').fill('');
    await thrForm.getByRole('button', { name: /^Simpan nilai ambang batas/ }).click();
    await firstNeed.getByText('Wajib diisi.').waitFor();
    await thrForm.getByText('Isi semua nilai dengan bilangan bulat.').waitFor();

    const created = await call(admin, 'POST', '/api/v1/admin/accounts', {
      email: COMMITTEE2.email,
      fullName: COMMITTEE2.fullName,
      role: 'committee',
      organizationId: null,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    // The admin seats the new member on the period's committee (SK Panitia).
    expect(
      (await call(admin, 'POST', `/api/v1/periods/${periodId}/committee`, { accountId: created.json.id })).status,
    ).toBe(200);
    const mail = (await call(admin, 'GET', '/api/v1/admin/outbox')).json.emails.find(
      (m: { to: string }) => m.to === COMMITTEE2.email,
    );
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    expect(
      (await call(admin, 'POST', '/api/v1/auth/reset-password', { token, password: COMMITTEE2.password })).status,
    ).toBe(200);

    const applicant = await newPage();
    await signIn(applicant, 'pelamar@merit.test', PASSWORD);
    expect((await call(applicant, 'PUT', '/api/v1/me/profile', PROFILE)).status).toBe(200);
    const formation = (
      await call(applicant, 'GET', `/api/v1/public/formations?periodId=${periodId}&pageSize=100`)
    ).json.formations.find((f: { code: string }) => f.code === 'KOMINFO-01');
    const app = await call(applicant, 'POST', '/api/v1/me/applications', { periodId, formationId: formation.id });
    expect(app.status, JSON.stringify(app.json)).toBe(201);
    const appId = app.json.id as string;
    for (const kind of DOCS) {
      const file = IMAGES.has(kind)
        ? { name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: makeJpeg() }
        : { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: await makePdf(kind) };
      const up = await call(applicant, 'PUT', `/api/v1/me/applications/${appId}/documents/${kind}`, undefined, file);
      expect(up.status, `${kind}: ${JSON.stringify(up.json)}`).toBe(200);
    }
    expect((await call(applicant, 'POST', `/api/v1/me/applications/${appId}/submit`)).status).toBe(200);

    const verifier = await newPage();
    await signIn(verifier, 'verifikator@merit.test', PASSWORD);
    expect((await call(verifier, 'POST', '/api/v1/verification/claim', { periodId, count: 10 })).json.claimed).toBe(1);
    for (const kind of DOCS) {
      expect(
        (
          await call(verifier, 'PUT', `/api/v1/verification/applications/${appId}/documents/${kind}`, {
            verdict: 'ms',
            reasonCode: null,
            reasonText: null,
          })
        ).status,
      ).toBe(200);
    }
    expect(
      (
        await call(verifier, 'POST', `/api/v1/verification/applications/${appId}/verdict`, {
          verdict: 'ms',
          reasonCode: null,
          reasonText: null,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(committee, 'POST', `/api/v1/verification/applications/${appId}/review`, {
          approve: true,
          note: null,
        })
      ).status,
    ).toBe(200);

    await signIn(committee2, COMMITTEE2.email, COMMITTEE2.password);
    const ann = await call(committee, 'POST', `/api/v1/periods/${periodId}/announcements`, {
      stage: 'administration',
      note: null,
    });
    expect(ann.status, JSON.stringify(ann.json)).toBe(201);
    expect(
      (await call(committee2, 'POST', `/api/v1/announcements/${ann.json.id}/decision`, { approve: true, note: null }))
        .status,
    ).toBe(200);

    // Registration and verification are over before SKD results: they wait for both to close.
    const closed = {
      start: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      end: new Date(Date.now() - 60_000).toISOString(),
    };
    expect(
      (
        await call(committee, 'PUT', `/api/v1/periods/${periodId}/stages`, {
          stages: { ...period.stages, registration: closed, verification: closed },
        })
      ).status,
    ).toBe(200);

    const site = await call(committee, 'POST', `/api/v1/periods/${periodId}/exam-sites`, {
      name: 'UPT BKN Palu',
      address: 'Jl. Tanjung Manimbaya, Palu',
      accessible: true,
    });
    expect(site.status, JSON.stringify(site.json)).toBe(201);
    const session = await call(committee, 'POST', `/api/v1/exam-sites/${site.json.id}/sessions`, {
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      durationMinutes: 100,
      capacity: 40,
    });
    expect(session.status, JSON.stringify(session.json)).toBe(201);
    expect((await call(committee, 'POST', `/api/v1/periods/${periodId}/exam-assignments`)).json.assigned).toBe(1);
    participantNo = (await call(applicant, 'GET', `/api/v1/me/applications/${appId}`)).json.participantNo;
    expect(participantNo).toMatch(/^\d+$/);
  });

  it('the committee imports skd.csv (a bad file is refused by line), previews the ranking and proposes the SKD publication', async () => {
    await committee.goto(`/seleksi/${periodId}`);
    await committee.getByRole('heading', { level: 1, name: /^Pengolahan hasil: / }).waitFor();
    const skd = committee.getByRole('form', { name: '1. Impor nilai SKD' });
    await skd.getByLabel('Berkas CSV').setInputFiles({
      name: 'skd.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`participant_no,formation_id,twk,tiu,tkp\n${participantNo},KOMINFO-01,152,100,180\n`),
    });
    await skd.getByRole('button', { name: 'Impor skd.csv' }).click();
    await skd
      .getByRole('alert')
      .getByText(/skd\.csv baris 2/)
      .waitFor();
    await skd.getByLabel('Berkas CSV').setInputFiles({
      name: 'skd.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`participant_no,formation_id,twk,tiu,tkp\n${participantNo},KOMINFO-01,100,100,180\n`),
    });
    await skd.getByRole('button', { name: 'Impor skd.csv' }).click();
    await skd.getByText('1 baris nilai diimpor.').waitFor();

    const ranking = committee.getByRole('region', { name: '2. Pratinjau peringkat SKD' });
    // The preview refreshes after the import: before it, the participant shows as absent (TH).
    await ranking.getByRole('row', { name: new RegExp(`${participantNo} 100 100 180 380 P/L`) }).waitFor();

    await committee.getByRole('button', { name: 'Usulkan publikasi hasil SKD' }).click();
    await committee.getByText('Usulan publikasi Hasil SKD versi 1 dibuat').waitFor();
    await committee.getByText('Usulan Anda: menunggu persetujuan anggota panitia lain.').waitFor();
    expect(await committee.getByRole('button', { name: /^Setujui dan terbitkan/ }).count()).toBe(0);
    await expectNoSeriousViolations(committee);
  });

  it('a second committee member approves the SKD publication', async () => {
    await committee2.goto(`/seleksi/${periodId}`);
    await committee2.getByRole('button', { name: 'Setujui dan terbitkan Hasil SKD versi 1' }).click();
    await committee2.getByText('Publikasi terbit. Hasil kini tampil di halaman publik.').waitFor();
  });

  it('the committee sets SKB weights (an interview is refused), imports SKB scores and proposes the final publication', async () => {
    await committee.reload();
    const weights = committee.getByRole('form', { name: '3. Bobot SKB per formasi' });
    await committee.getByRole('region', { name: '2. Pratinjau peringkat SKD' }).waitFor();
    const section = committee.locator('section', {
      has: committee.getByRole('heading', { name: '3. Bobot SKB per formasi' }),
    });
    await section
      .getByLabel('Formasi', { exact: true })
      .selectOption({ label: 'KOMINFO-01 — Pranata Komputer Ahli Pertama' });
    await weights.getByText('Belum diatur: bawaan SKB CAT 100 %.').waitFor();
    const first = weights.getByRole('group', { name: 'Komponen 1' });
    await first.getByLabel('Bobot (%)').fill('60');
    await weights.getByText('Jumlah bobot harus 100 % (sekarang 60 %).').waitFor();
    await weights.getByRole('button', { name: 'Tambah komponen' }).click();
    const second = weights.getByRole('group', { name: 'Komponen 2' });
    // An empty component is refused in the browser, in Indonesian, before any request.
    await weights.getByRole('button', { name: 'Simpan bobot' }).click();
    await second.getByText('Wajib diisi.').first().waitFor();
    await second.getByLabel(/^Kunci kolom CSV/).fill('praktik');
    await second.getByLabel('Nama komponen').fill('Uji praktik');
    await second.getByLabel('Jenis').selectOption('wawancara');
    await second.getByLabel('Bobot (%)').fill('40');
    await weights.getByText('Jumlah bobot 100 %.').waitFor();
    await weights.getByRole('button', { name: 'Simpan bobot' }).click();
    await weights
      .getByText(/wawancara/)
      .first()
      .waitFor();
    await second.getByLabel('Jenis').selectOption('tambahan');
    await weights.getByRole('button', { name: 'Simpan bobot' }).click();
    await weights.getByText('Bobot SKB formasi KOMINFO-01 tersimpan.').waitFor();

    const skb = committee.getByRole('form', { name: '4. Impor nilai SKB' });
    await skb.getByLabel('Berkas CSV').setInputFiles({
      name: 'skb-komponen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`participant_no,cat,praktik\n${participantNo},80,90.5\n`),
    });
    await skb.getByRole('button', { name: 'Impor nilai SKB' }).click();
    await skb.getByText('1 baris nilai diimpor.').waitFor();

    await committee.getByRole('button', { name: 'Usulkan publikasi hasil akhir' }).click();
    await committee.getByText(/Usulan publikasi Hasil akhir .* versi 1 dibuat/).waitFor();
    if (SHOTS) {
      mkdirSync(path.join(REPO, 'docs/screenshots'), { recursive: true });
      await committee.screenshot({ path: path.join(REPO, 'docs/screenshots/results-committee.png'), fullPage: true });
    }
    await committee2.reload();
    await committee2.getByRole('button', { name: /^Setujui dan terbitkan Hasil akhir .* versi 1$/ }).click();
    await committee2.getByText('Publikasi terbit. Hasil kini tampil di halaman publik.').waitFor();
    await expectNoSeriousViolations(committee2);
  });

  it('the public formation page shows the masked name, the codes and the chart', async () => {
    await visitor.goto(`/hasil/${periodId}/formasi/KOMINFO-01`);
    await visitor.getByRole('heading', { level: 1, name: 'Hasil formasi KOMINFO-01' }).waitFor();
    const skd = visitor.getByRole('region', { name: 'Tabel hasil SKD formasi KOMINFO-01' });
    const skdRow = skd.getByRole('row', { name: new RegExp(participantNo) });
    expect(await skdRow.innerText()).toContain(maskName(NAME));
    expect(await skdRow.innerText()).toContain('P/L');
    const finalRow = visitor
      .getByRole('region', { name: 'Tabel hasil akhir formasi KOMINFO-01' })
      .getByRole('row', { name: new RegExp(participantNo) });
    expect((await finalRow.getByRole('cell').last().innerText()).trim()).toBe('L');
    expect(await visitor.locator('main').innerText()).not.toContain('Lamasitudju');
    const chart = visitor.getByRole('img', {
      name: /Diagram batang sebaran nilai total SKD formasi KOMINFO-01: 1 peserta hadir/,
    });
    await chart.waitFor();
    expect(await visitor.locator('svg rect title').count()).toBe(22);
    await visitor.getByText('Arti kode hasil').waitFor();
    await expectNoSeriousViolations(visitor);
    if (SHOTS)
      await visitor.screenshot({ path: path.join(REPO, 'docs/screenshots/results-public.png'), fullPage: true });
  });

  it('the files downloaded from the public page match their SHA-256 and reproduce through merit rank / integrate', async () => {
    await visitor.goto(`/hasil/${periodId}`);
    await visitor.getByRole('heading', { level: 2, name: 'Hitung ulang sendiri' }).waitFor();
    if (SHOTS)
      await visitor.screenshot({ path: path.join(REPO, 'docs/screenshots/results-period.png'), fullPage: true });
    const command = await visitor.locator('pre code').first().innerText();
    // The period's own year with the published thresholds.json: works for any year.
    const year = /--year (\d{4})/.exec(command)?.[1];
    expect(year).toMatch(/^\d{4}$/);
    expect(command).toContain('--thresholds thresholds.json');
    const dir = mkdtempSync(path.join(tmpdir(), 'merit-e2e-open-'));
    for (const name of ['formations.csv', 'skd.csv', 'ranking.csv', 'thresholds.json', 'skb.csv', 'final.csv']) {
      const [download] = await Promise.all([
        visitor.waitForEvent('download'),
        visitor.getByRole('link', { name: `Unduh ${name}` }).click(),
      ]);
      const target = path.join(dir, name);
      await download.saveAs(target);
      const shown = (await visitor.locator(`[data-sha256="${name}"]`).innerText()).trim();
      expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(shown);
    }
    expect(
      await runRank(
        [
          '--year',
          year!,
          '--thresholds',
          path.join(dir, 'thresholds.json'),
          '--formations',
          path.join(dir, 'formations.csv'),
          '--scores',
          path.join(dir, 'skd.csv'),
          '--out',
          path.join(dir, 'ranking-again.csv'),
        ],
        silent,
      ),
    ).toBe(0);
    expect(readFileSync(path.join(dir, 'ranking-again.csv')).equals(readFileSync(path.join(dir, 'ranking.csv')))).toBe(
      true,
    );
    expect(
      await runIntegrate(
        [
          '--formations',
          path.join(dir, 'formations.csv'),
          '--ranking',
          path.join(dir, 'ranking.csv'),
          '--skb',
          path.join(dir, 'skb.csv'),
          '--out',
          path.join(dir, 'final-again.csv'),
        ],
        silent,
      ),
    ).toBe(0);
    expect(readFileSync(path.join(dir, 'final-again.csv')).equals(readFileSync(path.join(dir, 'final.csv')))).toBe(
      true,
    );
    expect(readFileSync(path.join(dir, 'final.csv'), 'utf8')).toContain(`KOMINFO-01,${participantNo},380,`);

    // The official PENGUMUMAN of each stage: numbered, with the masked name of who passed.
    const links = visitor.getByRole('link', { name: 'Unduh pengumuman resmi (PDF)' });
    expect(await links.count()).toBe(2);
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([visitor.waitForEvent('download'), links.nth(i).click()]);
      const target = path.join(dir, `pengumuman-${i}.pdf`);
      await download.saveAs(target);
      texts.push((await pdfPagesText(readFileSync(target))).join(' '));
    }
    const final = texts.find((x) => x.includes('HASIL AKHIR SELEKSI'));
    const skd = texts.find((x) => x.includes('HASIL SELEKSI KOMPETENSI DASAR'));
    expect(final).toMatch(/800\/1\/AKHIR\/BKPSDM\/\d{4}/);
    expect(skd).toMatch(/800\/1\/SKD\/BKPSDM\/\d{4}/);
    for (const x of [final, skd]) {
      expect(x).toContain(participantNo);
      expect(x).toContain(maskName(NAME));
      expect(x).not.toContain('Lamasitudju');
    }
    await expectNoSeriousViolations(visitor);
  });

  it('the public pages fit a 360 px phone', async () => {
    const phone = await newPage({ width: 360, height: 740 });
    await phone.goto(`/hasil/${periodId}`);
    await phone.getByRole('heading', { level: 2, name: 'Hitung ulang sendiri' }).waitFor();
    await expectNoHorizontalScroll(phone);
    await phone.goto(`/hasil/${periodId}/formasi/KOMINFO-01`);
    await phone.getByRole('img', { name: /Diagram batang/ }).waitFor();
    await expectNoHorizontalScroll(phone);
    await phone.goto('/hasil');
    await phone
      .getByRole('link', { name: /^Lihat hasil / })
      .first()
      .waitFor();
    await expectNoHorizontalScroll(phone);
  });
});
