/**
 * Issue 16's journeys on a fresh demo seed (with its exam site and session): every role's home
 * shows real work with counts, or — for roles whose modules are not built — nothing promised;
 * the admin edits, re-roles, deactivates and resets a staff account; an applicant refused by a
 * formation sees the reasons on the card they clicked. Each page at 1280 px and 360 px, with no
 * moderate, serious or critical axe violation and no sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, DEMO_PASSWORD as PASSWORD, journey } from './support/journey.ts';
import { PROFILE } from '../server/test/recruitment-setup.ts';

const WIDTHS = [1280, 360] as const;

const j = journey({ env: { MERIT_SEED_DEMO_EXAM: 'true' } });
const { logIn } = j;
const newPage = (width: number = 1280) => j.newPage({ width, height: 900 });
const expectCleanPage = (page: Page) => j.expectClean(page, 'moderate');

describe('every role has a real home', () => {
  for (const width of WIDTHS) {
    it(`the committee sees the period per stage and per OPD, and its tasks (${width} px)`, async () => {
      const page = await newPage(width);
      await logIn(page, 'panitia@merit.test');
      await page.getByRole('heading', { name: 'Tugas Anda' }).waitFor();
      await page.getByRole('heading', { name: /Seleksi CPNS Pemerintah Kota Palu/ }).waitFor();
      // panitia@ sits on this year's committee and on last year's, whose final result is published.
      const byOrg = page.getByRole('region', { name: /Berkas per OPD, Seleksi CPNS/ });
      await byOrg.getByRole('rowheader', { name: /Komunikasi, Informatika/ }).waitFor();
      await page.getByText('Pendaftaran ditutup').first().waitFor();
      await page.getByRole('link', { name: 'Kelola periode' }).first().waitFor();
      expect(await page.getByText('Fitur ini sedang disiapkan').count()).toBe(0);
      await expectCleanPage(page);
    });

    it(`the verifier, proctor, exam admin and admin each see their own work (${width} px)`, async () => {
      const verifier = await newPage(width);
      await logIn(verifier, 'verifikator@merit.test');
      await verifier.getByRole('heading', { name: 'Tugas Anda' }).waitFor();
      await verifier
        .getByText(/Tidak ada pekerjaan yang menunggu|berkas/)
        .first()
        .waitFor();
      await expectCleanPage(verifier);

      const proctor = await newPage(width);
      await logIn(proctor, 'pengawas@merit.test');
      await proctor.getByRole('heading', { name: 'Sesi ujian hari ini' }).waitFor();
      await proctor.getByText('Tidak ada sesi ujian hari ini.').waitFor(); // the demo session is weeks away
      await expectCleanPage(proctor);

      const bank = await newPage(width);
      await logIn(bank, 'banksoal@merit.test');
      await bank.getByRole('heading', { name: 'Kesehatan bank soal' }).waitFor();
      const twk = Number(
        await bank.locator('dt', { hasText: 'Butir aktif TWK' }).locator('xpath=following-sibling::dd').innerText(),
      );
      expect(twk).toBeGreaterThan(0); // the demo practice bank
      await expectCleanPage(bank);

      const admin = await newPage(width);
      await logIn(admin, 'admin@merit.test');
      await admin.getByRole('heading', { name: 'Akun', exact: true }).waitFor();
      const committee = Number(
        await admin.locator('dt', { hasText: 'Panitia aktif' }).locator('xpath=following-sibling::dd').innerText(),
      );
      expect(committee).toBe(2); // the seed has the second member the two-person rule needs
      expect(await admin.getByText(/Aturan dua orang/).count()).toBe(0);
      await expectCleanPage(admin);
    });

    it(`employees, observers, training admins and supervisors get their inbox and their work pages, and no promise of what is not built (${width} px)`, async () => {
      const pages: Record<string, string[]> = {
        'pegawai@merit.test': ['/skp/saya', '/pegawai/saya', '/pelatihan/saya'],
        'pemantau@merit.test': ['/pemantauan', '/temuan'],
        'pelatihan@merit.test': [
          '/pelatihan',
          '/jp',
          '/pegawai',
          '/pegawai/masa-percobaan',
          '/pegawai/pengangkatan',
          '/skp/dasbor',
          '/kebijakan',
        ],
        'atasan@merit.test': [
          '/skp/tim',
          '/pegawai',
          '/pelatihan',
          '/jp',
          '/pegawai/masa-percobaan',
          '/skp/dasbor',
          '/kebijakan',
          '/skp/saya',
          '/pegawai/saya',
          '/pelatihan/saya',
        ],
      };
      for (const [email, expected] of Object.entries(pages)) {
        const page = await newPage(width);
        await logIn(page, email);
        await page.getByRole('heading', { name: 'Halaman kerja Anda' }).waitFor();
        expect(await page.getByText(/belum tersedia di Merit/).count()).toBe(0);
        // Their home is an inbox now (issue 23): what waits for them, then the pages they work on.
        expect(await page.getByRole('heading', { name: 'Tugas Anda' }).count()).toBe(1);
        const hrefs = await Promise.all(
          (await page.locator('main section[aria-labelledby="pages-title"] a').all()).map((a) =>
            a.getAttribute('href'),
          ),
        );
        expect(hrefs).toEqual([...expected, '/hasil', '/audit']);
        if (email === 'pegawai@merit.test') await expectCleanPage(page);
      }
    });
  }
});

describe("the committee's navigation and period page", () => {
  it('reaches /seleksi and /pengawas from the menu, is told why /seleksi/ambang-batas is not theirs, and jumps through the period page by anchors', async () => {
    const page = await newPage(1280);
    await logIn(page, 'panitia@merit.test');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: 'Seleksi', exact: true }).click();
    await page.waitForURL('**/seleksi');
    await nav.getByRole('link', { name: 'Pengawas CAT' }).click();
    await page.waitForURL('**/pengawas');

    await page.goto('/seleksi/ambang-batas');
    await page.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    await page.getByText('Halaman ini hanya untuk Administrator. Anda masuk sebagai Panitia Seleksi.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/seleksi/ambang-batas'); // no silent redirect
    await expectCleanPage(page);

    await page.goto('/beranda');
    // This year's period (panitia@ also sits on last year's, already closed).
    const periods = (await page.evaluate(() => fetch('/api/v1/periods').then((r) => r.json()))) as {
      periods: { id: string; code: string }[];
    };
    const current = periods.periods.find((p) => p.code.startsWith('CPNS-'))!;
    await page.locator(`main a[href="/panitia/periode/${current.id}"]`).first().click();
    const index = page.getByRole('navigation', { name: 'Bagian halaman periode' });
    await index.getByRole('link', { name: 'Sanggah' }).click();
    await page.waitForURL(/#sanggah$/);
    await page.getByRole('heading', { name: 'Sanggah', level: 2 }).waitFor();
    await index.getByRole('link', { name: 'Jadwal ujian' }).click();
    await page.waitForURL(/#ujian$/);
    await page.getByText('UPT BKN Palu').first().waitFor(); // the demo seed's exam site
  });
});

describe('admin account management in the browser', () => {
  it('edits a name, changes a role, deactivates, reactivates and sends a reset link', async () => {
    const admin = await newPage(1280);
    await logIn(admin, 'admin@merit.test');
    await admin.goto('/admin/akun');
    await admin.getByRole('button', { name: 'Ubah akun Moh. Syarif (Pengawas Ujian)' }).click();
    const panel = admin.getByRole('region', { name: /Ubah akun: Moh. Syarif/ });
    await panel.getByLabel('Nama lengkap').fill('Moh. Syarif, S.Pd.');
    await panel.getByLabel('Peran').selectOption('verifier');
    await panel.getByRole('button', { name: 'Simpan perubahan' }).click();
    await panel.getByText('Perubahan akun Moh. Syarif, S.Pd. tersimpan.').waitFor();
    await admin
      .getByRole('row', { name: /Moh. Syarif, S.Pd./ })
      .getByRole('cell', { name: 'Verifikator' })
      .waitFor();
    await expectCleanPage(admin);

    await panel.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await panel.getByText(/dinonaktifkan; semua sesinya berakhir/).waitFor();
    await admin
      .getByRole('row', { name: /Moh. Syarif, S.Pd./ })
      .getByText('Nonaktif')
      .waitFor();
    const refused = await newPage(1280);
    await refused.goto('/masuk');
    await refused.getByLabel('Email atau NIK').fill('pengawas@merit.test');
    await refused.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await refused.getByRole('button', { name: 'Masuk', exact: true }).click();
    await refused.getByRole('alert').waitFor();
    expect(refused.url()).toContain('/masuk');

    await panel.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await panel.getByText(/aktif kembali/).waitFor();
    await panel.getByRole('button', { name: 'Kirim tautan atur ulang kata sandi' }).click();
    await panel.getByText('Tautan atur ulang dikirim ke pengawas@merit.test.').waitFor();

    const actions: string[] = [];
    for (let after = 0; ;) {
      const page = (await apiCall(admin, 'GET', `/api/v1/public/audit/events?after=${after}&limit=1000`)).json
        .events as { seq: number; action: string }[];
      actions.push(...page.map((e) => e.action));
      if (page.length < 1000) break;
      after = page[page.length - 1]!.seq;
    }
    expect(actions).toEqual(
      expect.arrayContaining(['account.change_role', 'account.deactivate', 'account.reactivate', 'account.send_reset']),
    );
  });
});

describe('the public audit log', () => {
  for (const width of WIDTHS) {
    it(`filters by area, role and Palu dates, pages 50 at a time, and exports what is shown (${width} px)`, async () => {
      const page = await newPage(width);
      await page.goto('/audit');
      const shown = page.getByText(/^\d+ dari \d+ kejadian$/);
      await shown.waitFor();
      const total = Number(/dari (\d+)/.exec(await shown.innerText())![1]);
      expect(total).toBeGreaterThan(50); // the demo seed alone writes more than a page
      expect(await page.getByRole('region', { name: 'Tabel kejadian audit' }).locator('tbody tr').count()).toBe(50);
      const filters = page.getByRole('form', { name: 'Saring kejadian' });
      await filters.getByLabel('Bidang').selectOption({ label: 'Formasi' });
      await filters.getByLabel('Pelaku (peran)').selectOption({ label: 'Panitia Seleksi' });
      await filters.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText(/^11 dari \d+ kejadian$/).waitFor(); // the ten demo formations and last year's one
      expect(await page.getByRole('cell', { name: /Formasi dibuat/ }).count()).toBe(11);
      await filters.getByLabel('Sampai tanggal').fill('01/01/2020');
      await filters.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText(/^0 dari \d+ kejadian$/).waitFor();
      await filters.getByRole('button', { name: 'Hapus saringan' }).click();
      await page.getByText(`${total} dari ${total} kejadian`).waitFor();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Unduh CSV/ }).click(),
      ]);
      const text = (await import('node:fs')).readFileSync(await csv.path(), 'utf8');
      expect(text.split('\n')[0]).toContain('seq,occurred_at,actor_role,action');
      expect(text.trim().split('\n')).toHaveLength(total + 1);
      await expectCleanPage(page);
    });
  }
});

describe('citizens at /hasil', () => {
  for (const width of WIDTHS) {
    it(`see each formation's openings, applicants and competition in a table, not only files (${width} px)`, async () => {
      const page = await newPage(width);
      await page.goto('/hasil');
      await page.getByRole('link', { name: /Lihat hasil Seleksi CPNS Pemerintah Kota Palu/ }).click();
      const table = page.getByRole('region', { name: 'Tabel formasi, kebutuhan dan pelamar' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(10);
      const kominfo = table.getByRole('row', { name: /KOMINFO-01/ });
      await kominfo.getByRole('cell', { name: '3', exact: true }).waitFor(); // three openings
      await kominfo.getByText(/pelamar per kebutuhan/).waitFor();
      await expectCleanPage(page);
    });
  }
});

describe('a refused application says why, on the card', () => {
  for (const width of WIDTHS) {
    it(`shows the formation's reasons beside the Lamar button that was clicked (${width} px)`, async () => {
      const page = await newPage(width);
      await logIn(page, '7271045203990001');
      if (width === 1280) expect((await apiCall(page, 'PUT', '/api/v1/me/profile', PROFILE)).status).toBe(200);
      await page.goto('/formasi');
      const doctor = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Dokter Ahli Pertama' }) });
      await doctor.getByRole('button', { name: /Lamar Dokter Ahli Pertama/ }).click();
      const alert = doctor.getByRole('alert');
      await alert.waitFor();
      await alert.getByText(/Jenjang pendidikan Anda \(S1\)/).waitFor();
      expect(await alert.getByRole('listitem').count()).toBeGreaterThanOrEqual(2); // level and major
      const others = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Perawat Ahli Pertama' }) });
      expect(await others.getByRole('alert').count()).toBe(0);
      await expectCleanPage(page);
    });
  }
});
