/**
 * The administrative selection end to end through the API: a period and a formation, an applicant
 * who applies, uploads and submits, verification with a TMS reason and a second reviewer,
 * two-person publication, one sanggah, re-announcement, exam scheduling and cards.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, joinCommittee, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../../test/recruitment-setup.ts';

let ctx: TestContext;
let committee: Agent;
let committee2: Agent;
let verifier: Agent;
let verifier2: Agent;
let applicant: Agent;
let periodId: string;
let formationId: string;
let applicationId: string;

const REQUIRED = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;

async function fileFor(kind: string) {
  return ['pas_foto', 'ktp', 'swafoto'].includes(kind)
    ? { name: `${kind}.jpg`, data: makeJpeg(), type: 'image/jpeg' }
    : { name: `${kind}.pdf`, data: await makePdf(kind), type: 'application/pdf' };
}

beforeAll(async () => {
  ctx = await createTestContext();
  committee = await signedInAgent(ctx, 'committee');
  committee2 = await signedInAgent(ctx, 'committee');
  verifier = await signedInAgent(ctx, 'verifier');
  verifier2 = await signedInAgent(ctx, 'verifier');
  applicant = await signedInAgent(ctx, 'applicant');
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee, {}, [verifier, verifier2]));
  await joinCommittee(ctx, periodId, committee2);
});
afterAll(() => ctx?.close());

describe('applying', () => {
  it('shows the formation in the public catalog with its applicant count', async () => {
    const res = await new Agent(ctx.app).get(
      `/api/v1/public/formations?periodId=${periodId}&educationLevel=S1&q=pranata`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().formations[0]).toMatchObject({
      id: formationId,
      organizationName: expect.stringContaining('Komunikasi'),
      applicants: 0,
      quota: 2,
    });
  });

  it('needs the biodata first, then refuses an ineligible formation with the reason', async () => {
    const noProfile = await applicant.post('/api/v1/me/applications', { periodId, formationId });
    expect(noProfile.statusCode).toBe(409);
    expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
    const { formationId: doctorOnly } = await openPeriodWithFormation(ctx, committee, {
      educationLevels: ['PROFESI'],
      majors: ['Pendidikan Dokter'],
    });
    const wrong = await applicant.post('/api/v1/me/applications', { periodId, formationId: doctorOnly });
    expect(wrong.statusCode).toBe(404); // a formation of another period is not this period's
  });

  it('refuses a formation the applicant does not qualify for, saying why', async () => {
    const doctors = await committee.post(`/api/v1/periods/${periodId}/formations`, {
      code: 'DOKTER-1',
      organizationId: 'dinkes',
      jabatan: 'Dokter Ahli Pertama',
      educationLevels: ['PROFESI'],
      majors: ['Pendidikan Dokter'],
      needType: 'umum',
      quota: 1,
      placement: null,
    });
    const res = await applicant.post('/api/v1/me/applications', { periodId, formationId: doctors.json().id });
    expect(res.statusCode).toBe(409);
    const problems = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(problems).toEqual(expect.arrayContaining(['EDUCATION_LEVEL', 'MAJOR']));
    expect(await ctx.database.db.selectFrom('applications').selectAll().execute()).toHaveLength(0);
  });

  it('lets the committee change the year’s rules as data, refusing rules of another year', async () => {
    const period = (await committee.get('/api/v1/periods'))
      .json()
      .periods.find((p: { id: string }) => p.id === periodId);
    const wrongYear = await committee.put(`/api/v1/periods/${periodId}/rule-set`, { ...period.ruleSet, year: 2019 });
    expect(wrongYear.statusCode).toBe(400);
    const stricter = { ...period.ruleSet, sanggah: { days: 3, mode: 'working' } };
    const ok = await committee.put(`/api/v1/periods/${periodId}/rule-set`, stricter);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().ruleSet.sanggah).toEqual({ days: 3, mode: 'working' });
  });

  it('creates one draft application per period', async () => {
    const res = await applicant.post('/api/v1/me/applications', { periodId, formationId });
    expect(res.statusCode, res.body).toBe(201);
    applicationId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', result: null });
    const again = await applicant.post('/api/v1/me/applications', { periodId, formationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Satu NIK');
  });

  it('refuses a PDF renamed .jpg, an oversized file, an empty file and a corrupt PDF, storing nothing', async () => {
    const url = `/api/v1/me/applications/${applicationId}/documents/pas_foto`;
    const renamed = await applicant.upload(
      'PUT',
      url,
      multipart({ name: 'foto.jpg', data: await makePdf(), type: 'image/jpeg' }),
    );
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.message).toMatch(/JPG|JPEG/);
    const big = await applicant.upload('PUT', url, multipart({ name: 'foto.jpg', data: makeJpeg(400, 400, true) }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('KB');
    // Far over the route's cap (2 MB): the same 413 and size message, not a bare 400.
    for (const mb of [3, 25]) {
      const huge = await applicant.upload(
        'PUT',
        url,
        multipart({ name: 'foto.jpg', data: Buffer.alloc(mb * 1024 * 1024, 0xff) }),
      );
      expect(huge.statusCode, `${mb} MB`).toBe(413);
      const shown = /Ukuran berkas (\d+) KB melebihi batas 200 KB/.exec(huge.json().error.message);
      expect(Number(shown?.[1])).toBeGreaterThanOrEqual(mb * 1024);
    }
    const nulName = await applicant.upload('PUT', url, multipart({ name: 'foto\u0000.jpg', data: makeJpeg() }));
    expect(nulName.statusCode).toBe(400);
    expect(nulName.json().error.fields[0].field).toBe('file');
    const empty = await applicant.upload('PUT', url, multipart({ name: 'foto.jpg', data: Buffer.alloc(0) }));
    expect(empty.statusCode).toBe(400);
    const corrupt = await applicant.upload(
      'PUT',
      `/api/v1/me/applications/${applicationId}/documents/ijazah`,
      multipart({ name: 'ijazah.pdf', data: (await makePdf()).subarray(0, 300) }),
    );
    expect(corrupt.statusCode).toBe(400);
    const docs = await ctx.database.db
      .selectFrom('application_documents')
      .selectAll()
      .where('application_id', '=', applicationId)
      .execute();
    expect(docs).toHaveLength(0);
  });

  it('refuses to submit while required documents are missing, naming them', async () => {
    const res = await applicant.post(`/api/v1/me/applications/${applicationId}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['pas_foto', 'ktp', 'ijazah', 'transkrip']),
    );
  });

  it('uploads every document (the last version counts) and submits, which locks the application', async () => {
    for (const kind of REQUIRED) {
      const res = await applicant.upload(
        'PUT',
        `/api/v1/me/applications/${applicationId}/documents/${kind}`,
        multipart(await fileFor(kind)),
      );
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(200);
    }
    const again = await applicant.upload(
      'PUT',
      `/api/v1/me/applications/${applicationId}/documents/ijazah`,
      multipart({ name: 'ijazah-v2.pdf', data: await makePdf('ijazah versi 2') }),
    );
    expect(again.statusCode).toBe(200);
    const own = await applicant.get(`/api/v1/applications/${applicationId}/documents/ijazah`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/pdf');
    expect((await PDFDocument.load(own.rawPayload)).getPageCount()).toBe(1);

    const submit = await applicant.post(`/api/v1/me/applications/${applicationId}/submit`);
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('submitted');
    const edit = await applicant.upload(
      'PUT',
      `/api/v1/me/applications/${applicationId}/documents/ijazah`,
      multipart(await fileFor('ijazah')),
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('dikunci');
  });

  it('stores documents encrypted at rest', async () => {
    const doc = await ctx.database.db
      .selectFrom('application_documents')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'ijazah')
      .executeTakeFirstOrThrow();
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((f) =>
        statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)],
      );
    const dir = (ctx.services.files as unknown as { root?: string }).root;
    if (dir) for (const f of walk(dir)) expect(readFileSync(f).subarray(0, 5).toString()).not.toBe('%PDF-');
    expect(doc.size_bytes).toBeGreaterThan(100);
  });

  it('counts the submitted application in the catalog and gives a registration card with a QR link', async () => {
    const cat = await new Agent(ctx.app).get(`/api/v1/public/formations?periodId=${periodId}`);
    expect(cat.json().formations.find((f: { id: string }) => f.id === formationId).applicants).toBe(1);
    const card = await applicant.get(`/api/v1/me/applications/${applicationId}/registration-card.pdf`);
    expect(card.statusCode).toBe(200);
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const app = (await applicant.get(`/api/v1/me/applications/${applicationId}`)).json();
    const row = await ctx.database.db
      .selectFrom('applications')
      .select('registration_no')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(app.registrationNo).toBe(row.registration_no);
  });

  it('answers the card QR page with non-personal facts only, and only with the signature', async () => {
    const { cardLinks } = await import('./application-workflow.ts');
    const row = await ctx.database.db
      .selectFrom('applications')
      .select('registration_no')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const { createHmac } = await import('node:crypto');
    const secret = createHmac('sha256', 'test-session-secret-0123456789abcdef0123456789')
      .update('merit-card-links')
      .digest('base64url');
    const ok = await new Agent(ctx.app).get(
      `/api/v1/public/cards/${row.registration_no}?s=${cardLinks(secret).sign(row.registration_no)}`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      registrationNo: row.registration_no,
      submitted: true,
      jabatan: 'Pranata Komputer Ahli Pertama',
    });
    expect(ok.body).not.toMatch(/\d{16}/);
    expect(ok.body).not.toContain('Aisyah');
    const own = (await applicant.get(`/api/v1/me/applications/${applicationId}`)).json();
    expect(own.cardCheckUrl).toBe(
      `http://merit.test/kartu/${row.registration_no}?s=${cardLinks(secret).sign(row.registration_no)}`,
    );
    expect((await new Agent(ctx.app).get(`/api/v1/public/cards/${row.registration_no}?s=wrong`)).statusCode).toBe(404);
  });
});

describe('verification, publication and sanggah', () => {
  it('lets a verifier claim the file, mark documents with standard reasons, and propose TMS', async () => {
    const notMine = await verifier.put(`/api/v1/verification/applications/${applicationId}/documents/ijazah`, {
      verdict: 'ms',
      reasonCode: null,
      reasonText: null,
    });
    expect(notMine.statusCode).toBe(409);
    expect((await verifier.post('/api/v1/verification/claim', { periodId, count: 10 })).json().claimed).toBe(1);
    const queue = (await verifier.get(`/api/v1/verification/queue?periodId=${periodId}&mine=true`)).json();
    expect(queue.applications).toHaveLength(1);
    expect(queue.counts.byStatus.submitted).toBe(1);

    const detail = (await verifier.get(`/api/v1/verification/applications/${applicationId}`)).json();
    expect(detail.applicant.nik).toMatch(/^\d{16}$/);
    const view = await verifier.get(`/api/v1/applications/${applicationId}/documents/ijazah`);
    expect(view.statusCode).toBe(200);
    const viewed = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'document.view')
      .execute();
    expect(viewed.length).toBeGreaterThan(0);

    const noReason = await verifier.put(`/api/v1/verification/applications/${applicationId}/documents/ijazah`, {
      verdict: 'tms',
      reasonCode: null,
      reasonText: null,
    });
    expect(noReason.statusCode).toBe(400);
    for (const kind of REQUIRED) {
      const body =
        kind === 'ijazah'
          ? { verdict: 'tms', reasonCode: 'UNREADABLE', reasonText: 'Halaman kedua ijazah tidak terbaca.' }
          : { verdict: 'ms', reasonCode: null, reasonText: null };
      expect(
        (await verifier.put(`/api/v1/verification/applications/${applicationId}/documents/${kind}`, body)).statusCode,
      ).toBe(200);
    }
    const msWithTms = await verifier.post(`/api/v1/verification/applications/${applicationId}/verdict`, {
      verdict: 'ms',
      reasonCode: null,
      reasonText: null,
    });
    expect(msWithTms.statusCode).toBe(409);
    expect(
      (
        await verifier.post(`/api/v1/verification/applications/${applicationId}/verdict`, {
          verdict: 'tms',
          reasonCode: null,
          reasonText: null,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('keeps the verdict from the applicant until it is reviewed and published', async () => {
    const own = (await applicant.get(`/api/v1/me/applications/${applicationId}`)).json();
    expect(own.status).toBe('submitted');
    expect(own.result).toBeNull();
    expect(own.documents.every((d: { verdict: unknown }) => d.verdict === null)).toBe(true);
  });

  it('needs a second person to review', async () => {
    const self = await verifier.post(`/api/v1/verification/applications/${applicationId}/review`, {
      approve: true,
      note: null,
    });
    expect(self.statusCode).toBe(409);
    expect(
      (await verifier2.post(`/api/v1/verification/applications/${applicationId}/review`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
  });

  it('publishes only when another committee member approves, and tells the applicant why', async () => {
    const proposed = await committee.post(`/api/v1/periods/${periodId}/announcements`, {
      stage: 'administration',
      note: null,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const annId = proposed.json().id;
    const self = await committee.post(`/api/v1/announcements/${annId}/decision`, { approve: true, note: null });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toContain('dua orang');
    const ok = await committee2.post(`/api/v1/announcements/${annId}/decision`, { approve: true, note: null });
    expect(ok.statusCode, ok.body).toBe(200);

    const own = (await applicant.get(`/api/v1/me/applications/${applicationId}`)).json();
    expect(own).toMatchObject({ status: 'tms', result: 'tms' });
    expect(own.documents.find((d: { kind: string }) => d.kind === 'ijazah').reason).toMatchObject({
      code: 'UNREADABLE',
      label: { id: expect.stringContaining('terbaca') },
    });
    const notes = (await applicant.get('/api/v1/me/notifications')).json().notifications;
    expect(notes[0].title).toContain('TMS');
    expect(notes[0].body).toContain('tidak terbaca');
  });

  it('takes one sanggah within the window and refuses a second', async () => {
    const tooShort = await applicant.upload(
      'POST',
      `/api/v1/me/applications/${applicationId}/objection`,
      multipart(null, { reason: 'salah' }),
    );
    expect(tooShort.statusCode).toBe(400);
    const res = await applicant.upload(
      'POST',
      `/api/v1/me/applications/${applicationId}/objection`,
      multipart(
        { name: 'bukti.pdf', data: await makePdf('ijazah halaman 2') },
        { reason: 'Ijazah saya terbaca jelas; halaman kedua ada pada berkas yang sama (lihat lampiran).' },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const second = await applicant.upload(
      'POST',
      `/api/v1/me/applications/${applicationId}/objection`,
      multipart(null, { reason: 'Sanggah kedua yang seharusnya tidak boleh diajukan.' }),
    );
    expect(second.statusCode).toBe(409);
  });

  it('opens the sanggah window at publication for the rule set’s days, ending 23:59 WITA', async () => {
    const other = await ctx.database.db
      .selectFrom('recruitment_periods')
      .select('stages')
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    const end = new Date((other.stages as { objection: { end: string } }).objection.end).getTime();
    expect(end).toBeGreaterThan(ctx.clock.now().getTime());
    // Three working days (the rule set was changed to working days above) must skip weekends and holidays.
    expect(end - ctx.clock.now().getTime()).toBeGreaterThan(2 * 86_400_000);
    expect(new Date(end + 8 * 3600_000).toISOString().slice(11, 19)).toBe('23:59:59');
  });

  it('accepts the sanggah, re-announces MS, and schedules the exam with a card', async () => {
    const objections = (await committee.get(`/api/v1/periods/${periodId}/objections`)).json().objections;
    expect(objections).toHaveLength(1);
    expect(objections[0].hasEvidence).toBe(true);
    expect((await committee.get(`/api/v1/objections/${objections[0].id}/evidence`)).statusCode).toBe(200);
    expect(
      (
        await committee.post(`/api/v1/objections/${objections[0].id}/answer`, {
          accept: true,
          response: 'Halaman kedua ijazah ditemukan dan terbaca; verifikator keliru.',
        })
      ).statusCode,
    ).toBe(200);
    const re = await committee.post(`/api/v1/periods/${periodId}/announcements`, {
      stage: 'reannouncement',
      note: 'Pengumuman pasca sanggah',
    });
    expect(
      (await committee2.post(`/api/v1/announcements/${re.json().id}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
    expect((await applicant.get(`/api/v1/me/applications/${applicationId}`)).json()).toMatchObject({
      status: 'ms',
      result: 'ms',
    });

    const noCard = await applicant.get(`/api/v1/me/applications/${applicationId}/exam-card.pdf`);
    expect(noCard.statusCode).toBe(409);
    const site = await committee.post(`/api/v1/periods/${periodId}/exam-sites`, {
      name: 'UPT BKN Palu',
      address: 'Jl. Tanjung Manimbaya, Palu',
      accessible: true,
    });
    expect(site.statusCode).toBe(201);
    const session = await committee.post(`/api/v1/exam-sites/${site.json().id}/sessions`, {
      startsAt: new Date(ctx.clock.now().getTime() + 20 * 86_400_000).toISOString(),
      durationMinutes: 100,
      capacity: 40,
    });
    expect(session.statusCode).toBe(201);
    const assigned = await committee.post(`/api/v1/periods/${periodId}/exam-assignments`);
    expect(assigned.json()).toMatchObject({ assigned: 1, unassigned: [] });
    const card = await applicant.get(`/api/v1/me/applications/${applicationId}/exam-card.pdf`);
    expect(card.statusCode, card.body.slice(0, 200)).toBe(200);
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await applicant.get(`/api/v1/me/applications/${applicationId}`)).json().participantNo).toMatch(/^\d+$/);
  });

  it('shows the applicant a timeline of every step with its reason', async () => {
    const events = (await applicant.get(`/api/v1/me/applications/${applicationId}/timeline`)).json().events;
    expect(events.map((e: { status: string }) => e.status)).toEqual([
      'draft',
      'submitted',
      'tms',
      'objection_filed',
      'objection_accepted',
      'ms',
      'exam_scheduled',
    ]);
    expect(events[2].note.id).toContain('tidak terbaca');
  });
});

describe('windows and other people’s records', () => {
  it('hides a period’s files from a verifier not assigned to it', async () => {
    const outsider = await signedInAgent(ctx, 'verifier');
    expect((await outsider.get(`/api/v1/verification/queue?periodId=${periodId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/verification/applications/${applicationId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/applications/${applicationId}/documents/ijazah`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/v1/verification/applications/${applicationId}/review`, { approve: true, note: null }))
        .statusCode,
    ).toBe(404);
    expect((await outsider.post('/api/v1/verification/claim', { periodId, count: 5 })).statusCode).toBe(404);
  });

  it('refuses applying after registration closes, and hides other applicants’ files', async () => {
    ctx.clock.advance(11 * 86_400_000);
    const other = await signedInAgent(ctx, 'applicant', {
      nik: '7271041203950007',
      birthDate: '1995-03-12',
      gender: 'L',
    });
    expect((await other.get(`/api/v1/me/applications/${applicationId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/applications/${applicationId}/documents/ijazah`)).statusCode).toBe(404);
    await other.put('/api/v1/me/profile', PROFILE);
    const late = await other.post('/api/v1/me/applications', { periodId, formationId });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('tidak dibuka');
  });
});

describe('the committee’s and the admin’s period work', () => {
  it('moves a stage window, names a holiday and imports a formation sheet all or nothing', async () => {
    const committee = await signedInAgent(ctx, 'committee'); // the suite's own sessions ran out with its clock
    const { periodId: own } = await openPeriodWithFormation(ctx, committee);
    const period = (await committee.get('/api/v1/periods')).json().periods.find((p: { id: string }) => p.id === own);
    const stages = {
      ...period.stages,
      verification: { start: '2099-02-01T00:00:00.000Z', end: '2099-02-10T15:59:59.999Z' },
    };
    const moved = await committee.put(`/api/v1/periods/${own}/stages`, { stages });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: own, stages: { verification: stages.verification } });

    const admin = await signedInAgent(ctx, 'admin');
    expect((await admin.put('/api/v1/admin/holidays/2099-03-02', { name: 'Cuti bersama uji' })).json()).toEqual({
      ok: true,
    });
    expect((await new Agent(ctx.app).get('/api/v1/public/holidays')).json().holidays).toContainEqual({
      day: '2099-03-02',
      name: 'Cuti bersama uji',
    });
    expect((await admin.put('/api/v1/admin/holidays/2099-03-02', { name: null })).json()).toEqual({ ok: true });

    const header = 'kode_formasi,kode_opd,jabatan,jenjang_pendidikan,program_studi,jenis_kebutuhan,kuota,penempatan';
    const good = 'IMPOR-001,dinkes,Perawat Ahli Pertama,S1,Ilmu Keperawatan,umum,2,Puskesmas Talise';
    const sheet = (...rows: string[]) =>
      multipart({ name: 'formasi.csv', data: Buffer.from(`${[header, ...rows].join('\n')}\n`), type: 'text/csv' });
    const refused = await committee.upload(
      'POST',
      `/api/v1/periods/${own}/formations/import`,
      sheet(good, 'IMPOR-002,tidak-ada,Bidan,D3,Kebidanan,umum,1,'),
    );
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().imported).toBe(0);
    expect(refused.json().report).toContainEqual(
      expect.objectContaining({ line: 3, code: 'IMPOR-002', status: 'error' }),
    );
    const imported = await committee.upload('POST', `/api/v1/periods/${own}/formations/import`, sheet(good));
    expect(imported.json()).toMatchObject({
      imported: 1,
      report: [{ line: 2, code: 'IMPOR-001', status: 'ok', problems: [] }],
    });
  });
});
