/**
 * Recruitment screenshots for the docs (run on purpose: `npx tsx e2e/recruitment-screenshots.ts`).
 * Starts a demo server, prepares one submitted application through the API, and writes
 * docs/screenshots/recruitment-{catalog,documents-mobile,verifier,committee}.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { REPO, startServer } from './support/server.ts';

const OUT = path.join(REPO, 'docs/screenshots');
const PASSWORD = 'merit-palu-2026';

async function logIn(page: Page, identifier: string) {
  await page.goto('/masuk');
  await page.getByLabel('Email atau NIK').fill(identifier);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL('**/beranda');
}

async function call(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
  file?: { name: string; type: string; bytes: number[] },
) {
  return page.evaluate(
    async ({ method, url, body, file }) => {
      await fetch('/api/health');
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('merit_csrf='))
          ?.slice(11) ?? '',
      );
      const headers: Record<string, string> = { 'x-csrf-token': token };
      let payload: BodyInit | undefined;
      if (file) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
        payload = form;
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      const res = await fetch(url, { method, headers, body: payload });
      return res.json();
    },
    { method, url, body, file },
  );
}

async function pdf(text: string) {
  const doc = await PDFDocument.create();
  doc
    .addPage([300, 200])
    .drawText(text, { x: 20, y: 100, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return [...(await doc.save())];
}

function jpg() {
  const data = Buffer.alloc(40 * 50 * 4);
  for (let i = 0; i < 2000; i++) data.set([200, 30, 40, 255], i * 4);
  return [...jpeg.encode({ data, width: 40, height: 50 }, 80).data];
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const desktop = { baseURL: server.baseUrl, viewport: { width: 1280, height: 860 } };
    const applicant = await (
      await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await logIn(applicant, 'pelamar@merit.test');
    await call(applicant, 'PUT', '/api/v1/me/profile', {
      nameOnIjazah: 'Aisyah Putri',
      educationLevel: 'S1',
      major: 'Teknik Informatika',
      institution: 'Universitas Tadulako',
      ipk: 3.45,
      graduationYear: 2021,
      ijazahNumber: 'UNTAD/2021/0457',
      isCumlaude: false,
      hasDisability: false,
      disabilityNote: null,
      isPapuan: false,
      isDiaspora: false,
      experience: [],
    });
    const { periods } = await call(applicant, 'GET', '/api/v1/public/periods');
    const cat = await call(
      applicant,
      'GET',
      `/api/v1/public/formations?periodId=${periods[0].id}&q=Pranata&pageSize=50`,
    );
    const formation = cat.formations.find((f: { code: string }) => f.code === 'KOMINFO-01');
    const app = await call(applicant, 'POST', '/api/v1/me/applications', {
      periodId: periods[0].id,
      formationId: formation.id,
    });
    if (!app.id) throw new Error(JSON.stringify(app));
    for (const kind of ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran']) {
      const image = ['pas_foto', 'ktp', 'swafoto'].includes(kind);
      await call(
        applicant,
        'PUT',
        `/api/v1/me/applications/${app.id}/documents/${kind}`,
        undefined,
        image
          ? { name: `${kind}.jpg`, type: 'image/jpeg', bytes: jpg() }
          : { name: `${kind}.pdf`, type: 'application/pdf', bytes: await pdf(kind) },
      );
    }
    await applicant.goto(`/lamaran/${app.id}`);
    await applicant.getByRole('heading', { name: 'Dokumen', exact: true }).waitFor();
    await applicant.getByRole('heading', { name: /^Ijazah/ }).scrollIntoViewIfNeeded();
    await applicant.screenshot({ path: path.join(OUT, 'recruitment-documents-mobile.png') });
    for (const kind of ['ijazah', 'transkrip'])
      await call(applicant, 'PUT', `/api/v1/me/applications/${app.id}/documents/${kind}`, undefined, {
        name: `${kind}.pdf`,
        type: 'application/pdf',
        bytes: await pdf(kind),
      });
    await call(applicant, 'POST', `/api/v1/me/applications/${app.id}/submit`);

    const visitor = await (await browser.newContext(desktop)).newPage();
    await visitor.goto('/formasi');
    await visitor.getByRole('listitem').first().waitFor();
    await visitor.screenshot({ path: path.join(OUT, 'recruitment-catalog.png') });

    const verifier = await (await browser.newContext(desktop)).newPage();
    await logIn(verifier, 'verifikator@merit.test');
    await call(verifier, 'POST', '/api/v1/verification/claim', { periodId: periods[0].id, count: 10 });
    await verifier.goto(`/verifikasi/${app.id}`);
    await verifier.getByRole('heading', { name: 'Biodata dibanding syarat formasi' }).waitFor();
    await verifier.waitForTimeout(800);
    await verifier.screenshot({ path: path.join(OUT, 'recruitment-verifier.png') });

    const committee = await (await browser.newContext(desktop)).newPage();
    await logIn(committee, 'panitia@merit.test');
    await committee.goto(`/panitia/periode/${periods[0].id}`);
    await committee.getByRole('heading', { name: 'Pengumuman', exact: true }).waitFor();
    await committee.getByRole('region', { name: 'Tabel formasi' }).waitFor();
    await committee.screenshot({ path: path.join(OUT, 'recruitment-committee.png') });
    console.log(`Screenshots written to ${path.relative(REPO, OUT)}/`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
