/**
 * Browser journey for the CAT exam. Setup through the API: the demo applicant becomes a published
 * MS participant (biodata, application, documents, verification, two-person announcement), the
 * committee adds a site and session and assigns them, the exam admin adds a small bank and a
 * blueprint. Then in the browser: the proctor opens the session and reads the token; the
 * participant (360 px phone) signs in with number + password + token, answers, reloads (answers and
 * time persist), goes offline (answers wait in IndexedDB), comes back (they arrive); the public
 * scoreboard in another context updates; the participant finishes and sees the score. Answers
 * travel over the answer WebSocket (/api/v1/cat/socket), which the page closes offline and reopens
 * online. Plus axe and the 360 px layout. MERIT_SCREENSHOTS=1 also writes docs/screenshots/cat-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../server/src/platform/sheets.ts';
import { makeJpeg, makePdf, makePng } from '../server/test/fixtures.ts';
import { moderateOrWorseViolations } from './support/a11y.ts';
import {
  DEMO_PASSWORD as PASSWORD,
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  journey,
} from './support/journey.ts';
import { REPO } from './support/server.ts';

const COMMITTEE2 = {
  email: 'panitia2.cat@merit.test',
  fullName: 'Rahmat Hidayat',
  password: 'Panitia kedua Palu 2026',
};
const DOCS = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;
const IMAGES = new Set(['pas_foto', 'ktp', 'swafoto']);
const SHOTS = process.env.MERIT_SCREENSHOTS === '1';

let sessionId = '';
let periodId = '';
let participantNo = '';
let token = '';
let participantCtx: BrowserContext;
let participant: Page;
let proctor: Page;
let board: Page;
let bankAdmin: Page;
let committeePage: Page;
let committee2Page: Page;

const { newPage, logIn } = journey();

/** The participant page's answer sockets as the network saw them, in creation order, with their frames (parsed JSON). */
interface SocketLog {
  sent: any[];
  received: any[];
}
const sockets: SocketLog[] = [];
/** Bodies of `PUT /api/v1/cat/answers` (the HTTP fallback). */
const answerPuts: string[] = [];

/**
 * Records the answer channel: frames via Playwright; and, inside the page, each socket's open and
 * close as the page sees them (Playwright has no "open" event, and under offline emulation the
 * network never reports a socket the page closed).
 */
async function watchAnswerChannel(page: Page) {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const log: { opened: boolean; ended: boolean }[] = [];
    (window as unknown as { __answerSockets: typeof log }).__answerSockets = log;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        if (new URL(String(url)).pathname !== '/api/v1/cat/socket') return;
        const entry = { opened: false, ended: false };
        log.push(entry);
        this.addEventListener('open', () => (entry.opened = true));
        this.addEventListener('close', () => (entry.ended = true));
        const close = this.close.bind(this);
        this.close = (code?: number, reason?: string) => {
          entry.ended = true;
          close(code, reason);
        };
      }
    };
  });
  const parse = (payload: string | Buffer) => {
    try {
      return JSON.parse(String(payload));
    } catch {
      return null;
    }
  };
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).pathname !== '/api/v1/cat/socket') return;
    const log: SocketLog = { sent: [], received: [] };
    sockets.push(log);
    ws.on('framesent', (f) => log.sent.push(parse(f.payload)));
    ws.on('framereceived', (f) => log.received.push(parse(f.payload)));
  });
  page.on('request', (r) => {
    if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/v1/cat/answers')
      answerPuts.push(r.postData() ?? '');
  });
}

/** Answer sockets of the current document: open (opened, not ended), live (connecting or open), total. */
async function pageSockets(page: Page): Promise<{ open: number; live: number; total: number }> {
  return page.evaluate(() => {
    const log =
      (window as unknown as { __answerSockets?: { opened: boolean; ended: boolean }[] }).__answerSockets ?? [];
    return {
      open: log.filter((e) => e.opened && !e.ended).length,
      live: log.filter((e) => !e.ended).length,
      total: log.length,
    };
  });
}

/** Saves sent over a socket and acknowledged on that same socket (an ack names its save by itemId and sentSeq). */
function ackedOverSocket(
  log?: SocketLog,
): { type: 'save'; itemId: string; seq: number; chosen: string | null; flagged: boolean }[] {
  return (log ? [log] : sockets).flatMap((l) =>
    l.sent.filter(
      (m) =>
        m?.type === 'save' && l.received.some((r) => r?.type === 'ack' && r.itemId === m.itemId && r.sentSeq === m.seq),
    ),
  );
}

/** Same-origin API call from a signed-in page (cookies + CSRF), JSON or one multipart file; for setup only. */
async function call(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
  file?: { name: string; type: string; bytes: number[] },
): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, url, body, file }) => {
      await fetch('/api/health');
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('merit_csrf='))
          ?.slice('merit_csrf='.length) ?? '',
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
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: res.status, json };
    },
    { method, url, body, file },
  );
}

async function ok(p: Promise<{ status: number; json: any }>, expected = 200) {
  const r = await p;
  expect(r.status, JSON.stringify(r.json)).toBe(expected);
  return r.json;
}

async function shot(page: Page, name: string, fullPage = true) {
  if (!SHOTS) return;
  // Sticky bars are drawn where the page is scrolled: start from the top for a clean full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(REPO, 'docs/screenshots', name), fullPage });
}

/** The IndexedDB queue as the page sees it. */
async function queued(page: Page): Promise<{ itemId: string; seq: number; chosen: string | null }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('merit-cat', 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('pending', 'readonly');
          const all = tx.objectStore('pending').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function remainingMs(page: Page): Promise<number> {
  return Number(await page.getByRole('timer').getAttribute('data-remaining-ms'));
}

async function saveState(page: Page) {
  return page.getByTestId('save-state');
}

/** Chooses the right option of the question on screen: its key comes from the exam admin's view of the bank. */
async function answerCurrent(page: Page) {
  const stem = (await page.locator('.cat-stem').innerText()).trim();
  const found = await ok(
    call(bankAdmin, 'GET', `/api/v1/exam/items?q=${encodeURIComponent(stem.slice(0, 60))}&pageSize=20`),
  );
  const item = found.items.find((i: { content: { stem: string } }) => i.content.stem.trim() === stem);
  expect(item, stem).toBeTruthy();
  await page.locator(`.cat-options input[type="radio"][value="${item.content.scoring.correct}"]`).check();
}

describe('CAT exam journey in the browser', () => {
  it('setup: a published MS participant assigned to a session, a small bank and a blueprint (API)', async () => {
    const admin = await newPage();
    await logIn(admin, 'admin@merit.test');
    const committee2Account = await ok(
      call(admin, 'POST', '/api/v1/admin/accounts', {
        email: COMMITTEE2.email,
        fullName: COMMITTEE2.fullName,
        role: 'committee',
        organizationId: null,
      }),
      201,
    );
    const mail = (await ok(call(admin, 'GET', '/api/v1/admin/outbox'))).emails.find(
      (m: { to: string }) => m.to === COMMITTEE2.email,
    );
    const resetToken = /token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    await ok(call(admin, 'POST', '/api/v1/auth/reset-password', { token: resetToken, password: COMMITTEE2.password }));

    const committee = await newPage();
    await logIn(committee, 'panitia@merit.test');
    const period = (await ok(call(committee, 'GET', '/api/v1/periods'))).periods.find((p: { code: string }) =>
      p.code.startsWith('CPNS-'),
    );
    periodId = period.id;
    // The admin seats the new member on the period's committee (SK Panitia).
    await ok(call(admin, 'POST', `/api/v1/periods/${period.id}/committee`, { accountId: committee2Account.id }));
    const catalog = await ok(call(committee, 'GET', `/api/v1/public/formations?periodId=${period.id}&pageSize=100`));
    const formation = catalog.formations.find((f: { code: string }) => f.code === 'KOMINFO-01');

    const applicant = await newPage();
    await logIn(applicant, 'pelamar@merit.test');
    await ok(
      call(applicant, 'PUT', '/api/v1/me/profile', {
        nameOnIjazah: 'Putri Ayu Lestari',
        educationLevel: 'S1',
        major: 'Teknik Informatika',
        institution: 'Universitas Tadulako',
        ipk: 3.41,
        graduationYear: 2021,
        ijazahNumber: 'UNTAD/2021/01234',
        isCumlaude: false,
        hasDisability: false,
        disabilityNote: null,
        isPapuan: false,
        isDiaspora: false,
        experience: [],
      }),
    );
    const application = await ok(
      call(applicant, 'POST', '/api/v1/me/applications', { periodId: period.id, formationId: formation.id }),
      201,
    );
    for (const kind of DOCS) {
      const file = IMAGES.has(kind)
        ? { name: `${kind}.jpg`, type: 'image/jpeg', bytes: [...makeJpeg()] }
        : { name: `${kind}.pdf`, type: 'application/pdf', bytes: [...(await makePdf(kind))] };
      await ok(call(applicant, 'PUT', `/api/v1/me/applications/${application.id}/documents/${kind}`, undefined, file));
    }
    await ok(call(applicant, 'POST', `/api/v1/me/applications/${application.id}/submit`));

    const verifier = await newPage();
    await logIn(verifier, 'verifikator@merit.test');
    expect(
      (await ok(call(verifier, 'POST', '/api/v1/verification/claim', { periodId: period.id, count: 10 }))).claimed,
    ).toBe(1);
    for (const kind of DOCS)
      await ok(
        call(verifier, 'PUT', `/api/v1/verification/applications/${application.id}/documents/${kind}`, {
          verdict: 'ms',
          reasonCode: null,
          reasonText: null,
        }),
      );
    await ok(
      call(verifier, 'POST', `/api/v1/verification/applications/${application.id}/verdict`, {
        verdict: 'ms',
        reasonCode: null,
        reasonText: null,
      }),
    );
    await ok(
      call(committee, 'POST', `/api/v1/verification/applications/${application.id}/review`, {
        approve: true,
        note: null,
      }),
    );
    const announcement = await ok(
      call(committee, 'POST', `/api/v1/periods/${period.id}/announcements`, { stage: 'administration', note: null }),
      201,
    );
    const committee2 = await newPage();
    await logIn(committee2, COMMITTEE2.email, COMMITTEE2.password);
    await ok(
      call(committee2, 'POST', `/api/v1/announcements/${announcement.id}/decision`, { approve: true, note: null }),
    );

    // Registration and verification are over before the exam: SKD results wait for both to close.
    const closed = {
      start: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      end: new Date(Date.now() - 60_000).toISOString(),
    };
    await ok(
      call(committee, 'PUT', `/api/v1/periods/${period.id}/stages`, {
        stages: { ...period.stages, registration: closed, verification: closed },
      }),
    );
    const site = await ok(
      call(committee, 'POST', `/api/v1/periods/${period.id}/exam-sites`, {
        name: 'UPT BKN Palu',
        address: 'Jl. Tanjung Manimbaya, Palu',
        accessible: true,
      }),
      201,
    );
    const session = await ok(
      call(committee, 'POST', `/api/v1/exam-sites/${site.id}/sessions`, {
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        durationMinutes: 100,
        capacity: 40,
      }),
      201,
    );
    sessionId = session.id;
    // Only a proctor the committee assigned to the session may run it.
    const pengawas = (await ok(call(admin, 'GET', '/api/v1/admin/accounts'))).accounts.find(
      (a: { email: string }) => a.email === 'pengawas@merit.test',
    );
    await ok(call(committee, 'POST', `/api/v1/cat/sessions/${sessionId}/proctors`, { accountId: pengawas.id }));
    await ok(call(committee, 'POST', `/api/v1/periods/${period.id}/exam-assignments`));
    const mine = (await ok(call(applicant, 'GET', '/api/v1/me/applications'))).applications.find(
      (a: { id: string }) => a.id === application.id,
    );
    participantNo = mine.participantNo;
    expect(participantNo).toBeTruthy();

    // The demo seed holds the practice bank (110 SKD items); a 6-item blueprint keeps the journey short.
    bankAdmin = await newPage();
    await logIn(bankAdmin, 'banksoal@merit.test');
    expect((await ok(call(bankAdmin, 'GET', '/api/v1/exam/items?pageSize=1'))).total).toBeGreaterThanOrEqual(6);
    await ok(
      call(bankAdmin, 'POST', '/api/v1/exam/blueprints', {
        examType: 'SKD',
        name: 'SKD latihan e2e',
        durationMinutes: 100,
        accommodatedMinutes: 130,
        sections: [
          { subtest: 'TWK', category: 'nasionalisme', count: 2 },
          { subtest: 'TIU', category: 'numerik', count: 2 },
          { subtest: 'TKP', category: 'pelayanan_publik', count: 2 },
        ],
        thresholdsRef: 'KepMenPANRB 321/2024',
      }),
      201,
    );
    for (const p of [admin, committee, applicant, verifier]) await p.context().close();
    committee2Page = committee2;
  });

  it('the proctor opens the session in the console and reads the token', async () => {
    proctor = await newPage();
    await logIn(proctor, 'pengawas@merit.test');
    await proctor.goto('/pengawas');
    await proctor.getByText(/Tempel ID sesi/).waitFor();
    await proctor.getByLabel('ID sesi ujian').fill(sessionId);
    await proctor.getByRole('button', { name: 'Buka konsol sesi' }).click();
    await proctor.waitForURL(`**/pengawas/sesi/${sessionId}`);
    await proctor.getByText('Sesi ini belum dibuka.', { exact: false }).waitFor();
    await proctor.getByLabel('Kisi-kisi').selectOption({ label: 'SKD latihan e2e (6 · 100 menit)' });
    await proctor.getByRole('button', { name: 'Buka sesi' }).click();
    token = (await proctor.getByTestId('session-token').innerText()).trim();
    expect(token).toMatch(/^[A-Z0-9]{6}$/);
    await proctor.getByRole('cell', { name: participantNo }).waitFor();
    await proctor.getByText('Belum mulai').waitFor();
    await expectNoSeriousViolations(proctor);
  });

  it('the public scoreboard shows the session', async () => {
    board = await newPage();
    await board.goto(`/skor/${sessionId}`);
    await board.getByRole('heading', { level: 1, name: 'Papan skor langsung' }).waitFor();
    await board.getByText(/Diperbarui pukul/).waitFor();
    await board.getByRole('cell', { name: participantNo }).waitFor();
    await expectNoSeriousViolations(board);
  });

  it('the participant signs in on a phone with number, password and token', async () => {
    participant = await newPage({ width: 360, height: 740 });
    participantCtx = participant.context();
    await watchAnswerChannel(participant);
    await participant.goto('/ujian');
    await participant.getByRole('heading', { level: 1, name: 'Masuk ujian CAT' }).waitFor();
    await expectNoSeriousViolations(participant);
    await participant.getByLabel('Nomor peserta').fill(participantNo);
    await participant.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await participant.getByLabel('Token sesi').fill(token === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
    await participant.getByRole('button', { name: 'Masuk dan mulai ujian' }).click();
    await participant
      .getByRole('alert')
      .getByText(/Token sesi salah/)
      .waitFor();
    // The console's event feed names it (the sign-in sources table may also have a "Token salah" column).
    await proctor
      .locator('strong', { hasText: /^Token salah$/ })
      .first()
      .waitFor();
    await participant.getByLabel('Token sesi').fill(token.toLowerCase());
    await participant.getByRole('button', { name: 'Masuk dan mulai ujian' }).click();
    await participant.waitForURL('**/ujian/kerjakan');
    await participant.getByRole('heading', { name: /Soal 1 dari 6/ }).waitFor();
    await participant.getByRole('radiogroup', { name: 'Pilihan jawaban soal 1' }).waitFor();
    expect(await remainingMs(participant)).toBeGreaterThan(99 * 60_000);
    // Only the exam, as CAT BKN shows it: no site navigation, and no link that leads away.
    expect(await participant.getByRole('navigation', { name: 'Navigasi utama' }).count()).toBe(0);
    expect(await participant.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
    const hrefs = await participant.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
    await expectNoSeriousViolations(participant);
    await expectNoHorizontalScroll(participant);
    await proctor.locator(`tr[data-participant="${participantNo}"]`).getByText('Mengerjakan').waitFor();
    // Issue 24 §1: the hall's address (the wrong token counted there) is on the console, and the
    // proctor can lift its counters (audited on the server).
    await proctor.getByRole('button', { name: /^Cabut perlambatan / }).click({ timeout: 30_000 });
    await proctor.getByText(/^Perlambatan .+ dicabut \(\d+ kegagalan dihapus\)\.$/).waitFor();
    await expectNoSeriousViolations(proctor);
    // The running exam opened its answer socket (same cookies as the API).
    await expect.poll(async () => (await pageSockets(participant)).open).toBe(1);
  });

  it('answers are saved at once and survive a reload with the server’s remaining time', async () => {
    await answerCurrent(participant);
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    // It travelled over the socket: a save frame, the ack that names it (itemId, sentSeq), and no PUT.
    const chosenKey = await participant.locator('.cat-options input:checked').getAttribute('value');
    await expect
      .poll(() => ackedOverSocket())
      .toContainEqual(expect.objectContaining({ type: 'save', chosen: chosenKey, flagged: false, seq: 1 }));
    await participant.getByRole('button', { name: 'Ragu-ragu', exact: true }).click();
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    await expect
      .poll(() => ackedOverSocket())
      .toContainEqual(expect.objectContaining({ type: 'save', chosen: chosenKey, flagged: true, seq: 2 }));
    await participant.getByRole('button', { name: /Berikutnya/ }).click();
    await participant.getByRole('heading', { name: /Soal 2 dari 6/ }).waitFor();
    await answerCurrent(participant);
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    await participant.getByText('2 dari 6 dijawab · 1 ragu-ragu').waitFor();
    await expect.poll(() => ackedOverSocket()).toHaveLength(3);
    expect(answerPuts).toEqual([]);
    await shot(participant, 'cat-exam-mobile.png');

    await participant.waitForTimeout(1500);
    const before = await remainingMs(participant);
    await participant.reload();
    await participant.getByRole('heading', { name: /Soal 1 dari 6/ }).waitFor();
    const after = await remainingMs(participant);
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(before - 60_000);
    expect(await participant.locator('.cat-options input[type="radio"]:checked').count()).toBe(1);
    expect(await participant.getByRole('button', { name: 'Ragu-ragu', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await participant.getByRole('button', { name: 'Soal 2: Dijawab' }).waitFor();
    await participant.getByRole('button', { name: 'Soal 1: Ragu-ragu, sedang dibuka' }).waitFor();

    // Keyboard: arrows move the choice inside the radio group (each move is saved), Enter activates buttons.
    const chosen = await participant.locator('.cat-options input:checked').getAttribute('value');
    await participant.locator('.cat-options input:checked').focus();
    await participant.keyboard.press('ArrowDown');
    await expect
      .poll(async () => participant.locator('.cat-options input:checked').getAttribute('value'))
      .not.toBe(chosen);
    await participant.keyboard.press('ArrowUp');
    await expect.poll(async () => participant.locator('.cat-options input:checked').getAttribute('value')).toBe(chosen);
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    await participant.getByRole('button', { name: 'Perbesar huruf (A+)' }).focus();
    await participant.keyboard.press('Enter');
    await participant.reload();
    await participant.getByRole('heading', { name: /Soal 1 dari 6/ }).waitFor();
    expect(await participant.locator('.cat-question').getAttribute('style')).toContain('--cat-font: 1.15');
    expect(await participant.locator('.cat-options input:checked').getAttribute('value')).toBe(chosen);
    await participant.getByRole('button', { name: 'Perkecil huruf (A−)' }).click();
  });

  it('the proctor grants extra time with a reason; the participant’s countdown re-syncs on focus', async () => {
    const row = proctor.locator(`tr[data-participant="${participantNo}"]`);
    await proctor.getByLabel('Menit').fill('5');
    await proctor.getByLabel('Alasan', { exact: true }).fill('Listrik padam sebentar di ruang ujian');
    await proctor.getByRole('button', { name: 'Tambah waktu' }).click();
    await proctor.getByText(/Waktu ditambah; batas baru/).waitFor();
    await row.getByText(/^1:4\d:\d\d$/).waitFor();
    const before = await remainingMs(participant);
    await participant.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(async () => (await remainingMs(participant)) - before).toBeGreaterThan(4 * 60_000);
  });

  it('offline, answers wait in IndexedDB; back online, they arrive and the scoreboard updates', async () => {
    const row = board.locator(`tr[data-participant="${participantNo}"]`);
    // While the attempt is open the board shows progress only, never a score (it would reveal keys).
    await expect.poll(async () => row.locator('td[data-answered]').getAttribute('data-answered')).toBe('2');
    expect(await row.locator('td[data-total]').getAttribute('data-total')).toBe('');

    await participantCtx.setOffline(true);
    await participant.getByText('Tidak ada sambungan internet').waitFor();
    // Offline, the page closes its socket and opens none until `online`.
    await expect.poll(async () => (await pageSockets(participant)).live).toBe(0);
    const socketsWhileOffline = (await pageSockets(participant)).total;
    await participant.getByRole('button', { name: /^Soal 3: / }).click();
    await participant.getByRole('heading', { name: /Soal 3 dari 6/ }).waitFor();
    await answerCurrent(participant);
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Menunggu…');
    await participant.getByRole('button', { name: /Berikutnya/ }).click();
    await participant.getByRole('heading', { name: /Soal 4 dari 6/ }).waitFor();
    await answerCurrent(participant);
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Menunggu…');
    await participant.getByText('2 jawaban menunggu dikirim.').waitFor();
    await expect.poll(async () => (await queued(participant)).length).toBe(2);
    expect(await row.locator('td[data-answered]').getAttribute('data-answered')).toBe('2');
    expect((await pageSockets(participant)).total).toBe(socketsWhileOffline);

    await participantCtx.setOffline(false);
    await expect.poll(async () => (await saveState(participant)).innerText(), { timeout: 15_000 }).toBe('Tersimpan');
    await expect.poll(async () => (await queued(participant)).length).toBe(0);
    await participant.getByRole('button', { name: /^Soal 3: Dijawab/ }).click();
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    // Back online the socket is reopened and carries the next changes (flag on, flag off).
    await expect.poll(async () => (await pageSockets(participant)).open, { timeout: 15_000 }).toBe(1);
    const reopened = sockets[sockets.length - 1]!;
    const flag = participant.getByRole('button', { name: 'Ragu-ragu', exact: true });
    await flag.click();
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    await flag.click();
    await expect.poll(async () => (await saveState(participant)).innerText()).toBe('Tersimpan');
    expect(await flag.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() => ackedOverSocket(reopened).map((m) => m.flagged))
      .toEqual(expect.arrayContaining([true, false]));
    await expect
      .poll(async () => row.locator('td[data-answered]').getAttribute('data-answered'), { timeout: 15_000 })
      .toBe('4');
    expect(await row.locator('td[data-total]').getAttribute('data-total')).toBe('');
    await proctor.locator(`tr[data-participant="${participantNo}"]`).getByText('4/6').waitFor();
    await shot(board, 'cat-scoreboard.png');
    await shot(proctor, 'cat-proctor.png');
  });

  it('the committee cannot publish the SKD while the participant is still taking the exam', async () => {
    committeePage = await newPage();
    await logIn(committeePage, 'panitia@merit.test');
    await committeePage.goto(`/seleksi/${periodId}`);
    const missing = committeePage.getByRole('group', { name: 'Peserta tanpa nilai SKD (1)' });
    await missing.getByRole('row', { name: new RegExp(`${participantNo} UPT BKN Palu.* Sedang ujian`) }).waitFor();
    expect(await missing.getByRole('button', { name: `Catat ${participantNo} tidak hadir` }).count()).toBe(0);
    await committeePage.getByRole('button', { name: 'Usulkan publikasi hasil SKD' }).click();
    await committeePage
      .getByRole('alert')
      .getByText(/^1 peserta belum memiliki nilai SKD maupun catatan tidak hadir/)
      .waitFor();
    await expectNoSeriousViolations(committeePage);
  });

  it('the participant finishes and sees the score; the scoreboard shows the result', async () => {
    await participant.getByRole('button', { name: 'Selesai', exact: true }).click();
    const dialog = participant.getByRole('dialog', { name: 'Selesaikan ujian?' });
    await dialog.getByText(/menjawab 4 dari 6 soal/).waitFor();
    await dialog.getByRole('button', { name: 'Ya, selesai dan lihat nilai' }).click();
    await participant.waitForURL('**/ujian/hasil');
    await participant.getByRole('heading', { level: 1, name: 'Hasil ujian CAT' }).waitFor();
    expect(await participant.locator('dd[data-score="total"]').innerText()).toBe('20');
    expect(await participant.locator('dd[data-score="twk"]').innerText()).toBe('10');
    await participant.getByText('Belum memenuhi nilai ambang batas').waitFor();
    await participant.getByRole('link', { name: 'Unduh sertifikat hasil (PDF)' }).waitFor();
    await expectNoSeriousViolations(participant);
    await board.locator(`tr[data-participant="${participantNo}"]`).getByText('Selesai').waitFor();
    expect(
      await board.locator(`tr[data-participant="${participantNo}"] td[data-total]`).getAttribute('data-total'),
    ).toBe('20');
    await proctor.locator(`tr[data-participant="${participantNo}"]`).getByText('Selesai').waitFor();
    // The proctor downloads the session's results sheet for the committee's records.
    const [download] = await Promise.all([
      proctor.waitForEvent('download'),
      proctor.getByRole('link', { name: 'Unduh hasil sesi per peserta (XLSX)' }).click(),
    ]);
    const read = await readSheet(readFileSync((await download.path())!), 'xlsx', {
      maxRows: 10,
      columns: 14,
      noun: { id: 'hasil', en: 'results' },
    });
    const row = read.ok ? read.records.map((r) => r.cells).find((c) => c[1] === participantNo) : undefined;
    expect(row?.slice(4, 5)).toEqual(['Selesai']);
    expect([row?.[9], row?.[12]]).toEqual(['10', '20']); // TWK and total, as on the result page
    // Submitted: the exam page closed its socket.
    await expect.poll(async () => (await pageSockets(participant)).live).toBe(0);
  });

  it('the exam admin browses the bank, the blueprints and the session’s item analysis', async () => {
    await bankAdmin.goto('/beranda');
    await bankAdmin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Bank soal' })
      .click();
    await bankAdmin.waitForURL('**/bank-soal');
    await bankAdmin.getByRole('heading', { level: 2, name: /^\d+ soal$/ }).waitFor();
    await bankAdmin.getByLabel('Subtes', { exact: true }).first().selectOption('TKP');
    await bankAdmin.getByRole('button', { name: 'Terapkan' }).click();
    // The filtered list replaces the whole bank: only TKP rows before the first one is opened.
    const bankRows = bankAdmin.getByRole('region', { name: 'Bank soal CAT' }).getByRole('row');
    await expect
      .poll(async () => {
        const rows = (await bankRows.allInnerTexts()).slice(1);
        return rows.length > 0 && rows.every((r) => /\bTKP\b/.test(r));
      })
      .toBe(true);
    await bankAdmin.getByRole('button', { name: 'Ubah soal 1', exact: true }).click();
    await bankAdmin.getByRole('heading', { name: 'Riwayat versi' }).waitFor();
    await bankAdmin.getByLabel('Bobot A').waitFor();
    // A picture for the item: uploaded, checked and previewed before the item is saved.
    await bankAdmin
      .getByLabel('Gambar soal (opsional)')
      .setInputFiles({ name: 'deret.png', mimeType: 'image/png', buffer: await makePng('2, 4, 8, 16, ...') });
    const preview = bankAdmin.getByRole('img', { name: 'Pratinjau gambar soal' });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await bankAdmin
      .getByLabel('Gambar soal (opsional)')
      .setInputFiles({ name: 'bukan-gambar.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 bukan gambar') });
    await bankAdmin.getByText(/harus berformat JPG\/JPEG atau PNG/).waitFor();
    await expectNoSeriousViolations(bankAdmin);
    await bankAdmin.goto('/bank-soal/kisi-kisi');
    await bankAdmin.getByRole('button', { name: 'Ubah SKD latihan e2e' }).click();
    await bankAdmin.getByRole('heading', { name: 'Ubah kisi-kisi' }).waitFor();
    await bankAdmin.getByText('Total 6 soal').waitFor();
    await expectNoSeriousViolations(bankAdmin);
    await bankAdmin.goto(`/bank-soal/analisis/${sessionId}`);
    await bankAdmin.getByRole('heading', { name: '1 peserta selesai' }).waitFor();
    expect(await bankAdmin.locator('tbody tr').count()).toBe(6);
    // One participant: a minimum-sample warning and no review flags (every keyed p is 0 or 1).
    await bankAdmin.getByText(/Baru 1 peserta selesai\. Analisis butir bermakna mulai 30 peserta/).waitFor();
    expect(await bankAdmin.getByText('Terlalu sulit').count()).toBe(0);
    await bankAdmin
      .getByText(/bobot rata-rata \d\.\d dari 5/)
      .first()
      .waitFor(); // TKP by weight
    await bankAdmin.getByRole('img', { name: /Sebaran tingkat kesukaran dan daya beda/ }).waitFor();
    expect(await moderateOrWorseViolations(bankAdmin)).toEqual([]);
    await expectNoSeriousViolations(bankAdmin);
    await bankAdmin.getByRole('button', { name: /^EN/ }).click();
    await bankAdmin.getByRole('heading', { level: 1, name: 'Item analysis' }).waitFor();
    await bankAdmin.getByRole('heading', { name: 'Participants who finished: 1' }).waitFor();
    await bankAdmin.getByRole('button', { name: /^ID/ }).click();
  });

  it('the exam’s own score reaches the ranking, is published by two committee members, and shows on the public result', async () => {
    await committeePage.reload();
    const ranking = committeePage.getByRole('region', { name: '2. Pratinjau peringkat SKD' });
    const row = ranking.getByRole('row', { name: new RegExp(`${participantNo} 10 \\d+ \\d+ 20 TL CAT: UPT BKN Palu`) });
    await row.waitFor();
    expect(await committeePage.getByRole('group', { name: /^Peserta tanpa nilai SKD/ }).count()).toBe(0);
    await committeePage.getByRole('button', { name: 'Usulkan publikasi hasil SKD' }).click();
    await committeePage.getByText('Usulan publikasi Hasil SKD versi 1 dibuat').waitFor();
    await expectNoSeriousViolations(committeePage);
    await committee2Page.goto(`/seleksi/${periodId}`);
    await committee2Page.getByRole('button', { name: 'Setujui dan terbitkan Hasil SKD versi 1' }).click();
    await committee2Page.getByText('Publikasi terbit. Hasil kini tampil di halaman publik.').waitFor();

    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.goto(`/hasil/${periodId}/formasi/KOMINFO-01`);
    await visitor.getByRole('heading', { level: 1, name: 'Hasil formasi KOMINFO-01' }).waitFor();
    const published = visitor
      .getByRole('region', { name: 'Tabel hasil SKD formasi KOMINFO-01' })
      .getByRole('row', { name: new RegExp(participantNo) });
    await published.waitFor(); // the heading shows before the results arrive
    const cells = (await published.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    expect(cells).toContain('20');
    expect(cells).toContain('TL');
    expect(cells).not.toContain('TH');
    await expectNoSeriousViolations(visitor);
  });
});
