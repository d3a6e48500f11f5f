/**
 * How documents are stored and served (ADR 0006) and a file verified in one pass: a polyglot
 * JPEG loses what follows its end marker, every served document is a sandboxed attachment, and
 * one request judges every document and proposes the file verdict — all or nothing.
 */
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, joinCommittee, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../../test/recruitment-setup.ts';

let ctx: TestContext;
let committee: Agent;
let verifier: Agent;
let applicant: Agent;
let applicationId: string;
let periodId: string;
const REQUIRED = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;
const SCRIPT = '<script>fetch("/api/v1/me").then(r=>r.text()).then(alert)</script>';
const polyglot = Buffer.concat([makeJpeg(), Buffer.from(SCRIPT)]);

beforeAll(async () => {
  ctx = await createTestContext();
  committee = await signedInAgent(ctx, 'committee');
  verifier = await signedInAgent(ctx, 'verifier');
  applicant = await signedInAgent(ctx, 'applicant');
  let formationId: string;
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee, {}, [verifier]));
  expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
  applicationId = (await applicant.post('/api/v1/me/applications', { periodId, formationId })).json().id;
  for (const kind of REQUIRED) {
    const file =
      kind === 'pas_foto'
        ? { name: 'foto.jpg', data: polyglot }
        : ['ktp', 'swafoto'].includes(kind)
          ? { name: `${kind}.jpg`, data: makeJpeg() }
          : { name: `${kind}.pdf`, data: await makePdf(kind) };
    const res = await applicant.upload(
      'PUT',
      `/api/v1/me/applications/${applicationId}/documents/${kind}`,
      multipart(file),
    );
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await applicant.post(`/api/v1/me/applications/${applicationId}/submit`)).statusCode).toBe(200);
  expect((await verifier.post('/api/v1/verification/claim', { periodId, count: 5 })).json().claimed).toBe(1);
});
afterAll(() => ctx?.close());

describe('serving documents', () => {
  it('stores a JPEG without the data hidden after its end marker', async () => {
    const res = await verifier.get(`/api/v1/applications/${applicationId}/documents/pas_foto`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from('<script>'))).toBe(false);
    expect(res.rawPayload.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(res.rawPayload.length).toBe(polyglot.length - SCRIPT.length);
  });

  it('serves every document as a sandboxed attachment that no page may frame', async () => {
    for (const kind of ['pas_foto', 'ijazah']) {
      for (const who of [verifier, applicant]) {
        const res = await who.get(`/api/v1/applications/${applicationId}/documents/${kind}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
        const csp = String(res.headers['content-security-policy']);
        expect(csp.split(';').map((d) => d.trim())).toEqual(
          expect.arrayContaining(['sandbox', "default-src 'none'", "frame-ancestors 'none'"]),
        );
        expect(csp).not.toContain('script-src');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
    }
  });
});

describe('verifying a file in one pass', () => {
  const ms = (kind: string) => ({ kind, verdict: 'ms' as const, reasonCode: null, reasonText: null });
  const url = () => `/api/v1/verification/applications/${applicationId}/verify`;

  it('refuses a pass that leaves a document unjudged, naming it, and changes nothing', async () => {
    const res = await verifier.post(url(), {
      documents: REQUIRED.filter((k) => k !== 'transkrip').map(ms),
      verdict: 'ms',
      reasonCode: null,
      reasonText: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ field: 'transkrip', message: expect.stringContaining('MS atau TMS') }),
    ]);
    const docs = await ctx.database.db
      .selectFrom('application_documents')
      .select('verdict')
      .where('application_id', '=', applicationId)
      .execute();
    expect(docs.every((d) => d.verdict === null)).toBe(true);
  });

  it('refuses a TMS document without a standard reason, naming that document', async () => {
    const documents = REQUIRED.map((k) =>
      k === 'ijazah' ? { kind: k, verdict: 'tms' as const, reasonCode: null, reasonText: 'buram' } : ms(k),
    );
    const res = await verifier.post(url(), { documents, verdict: 'tms', reasonCode: null, reasonText: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('ijazah');
    const app = await ctx.database.db
      .selectFrom('applications')
      .select('proposed_verdict')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(app.proposed_verdict).toBeNull();
  });

  it('refuses an MS file verdict when a document is TMS, leaving every document as it was', async () => {
    const documents = REQUIRED.map((k) =>
      k === 'ijazah' ? { kind: k, verdict: 'tms' as const, reasonCode: 'UNREADABLE', reasonText: null } : ms(k),
    );
    const res = await verifier.post(url(), { documents, verdict: 'ms', reasonCode: null, reasonText: null });
    expect(res.statusCode).toBe(409);
    const docs = await ctx.database.db
      .selectFrom('application_documents')
      .select('verdict')
      .where('application_id', '=', applicationId)
      .execute();
    expect(docs.every((d) => d.verdict === null)).toBe(true);
  });

  it('stores every document and the proposed verdict together, audited per document', async () => {
    const documents = REQUIRED.map((k) =>
      k === 'ijazah'
        ? { kind: k, verdict: 'tms' as const, reasonCode: 'UNREADABLE', reasonText: 'Halaman 2 buram.' }
        : ms(k),
    );
    const res = await verifier.post(url(), { documents, verdict: 'tms', reasonCode: null, reasonText: null });
    expect(res.statusCode, res.body).toBe(200);
    const docs = await ctx.database.db
      .selectFrom('application_documents')
      .select(['kind', 'verdict', 'reason_code'])
      .where('application_id', '=', applicationId)
      .execute();
    expect(Object.fromEntries(docs.map((d) => [d.kind, d.verdict]))).toEqual({
      pas_foto: 'ms',
      ktp: 'ms',
      swafoto: 'ms',
      surat_lamaran: 'ms',
      ijazah: 'tms',
      transkrip: 'ms',
    });
    const app = await ctx.database.db
      .selectFrom('applications')
      .select('proposed_verdict')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(app.proposed_verdict).toBe('tms');
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', applicationId)
      .where('action', 'in', ['document.verify', 'verification.propose'])
      .execute();
    expect(audited.filter((a) => a.action === 'document.verify')).toHaveLength(REQUIRED.length);
    expect(audited.filter((a) => a.action === 'verification.propose')).toHaveLength(1);
    const again = await verifier.post(url(), {
      documents: REQUIRED.map(ms),
      verdict: 'ms',
      reasonCode: null,
      reasonText: null,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('official outputs', () => {
  it('exports every file with its outcome and TMS reasons as XLSX for the committee, audited', async () => {
    const res = await committee.get(`/api/v1/periods/${periodId}/outcomes.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Hasil administrasi')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Nomor pendaftaran');
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2).values as unknown[];
    expect(row).toEqual(expect.arrayContaining(['TMS', 'Umum']));
    expect(String(row[11])).toContain('ijazah');
    expect(String(row.join(' '))).not.toMatch(/\d{16}/); // no NIK
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'application.export')
        .execute(),
    ).toHaveLength(1);
    expect((await verifier.get(`/api/v1/periods/${periodId}/outcomes.xlsx`)).statusCode).toBe(404);
  });

  it('publishes the PENGUMUMAN as a numbered, signed PDF once a second member approves, and not before', async () => {
    const reviewer = await signedInAgent(ctx, 'committee');
    await joinCommittee(ctx, periodId, reviewer);
    expect(
      (await reviewer.post(`/api/v1/verification/applications/${applicationId}/review`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
    const proposed = await committee.post(`/api/v1/periods/${periodId}/announcements`, {
      stage: 'administration',
      note: null,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const announcementId = proposed.json().id;
    expect((await new Agent(ctx.app).get(`/api/v1/public/announcements/${announcementId}.pdf`)).statusCode).toBe(404);
    expect(
      (await reviewer.post(`/api/v1/announcements/${announcementId}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
    const res = await new Agent(ctx.app).get(`/api/v1/public/announcements/${announcementId}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toMatch(/^Pengumuman 800\/1\/ADM\/BKPSDM\/\d{4}$/);
  });
});
