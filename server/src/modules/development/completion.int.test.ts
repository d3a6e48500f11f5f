/**
 * Completing a training through the API: meetings with a rotating QR that only seated participants
 * can scan (now, or later from an offline queue at the original time), the facilitator's marks,
 * the attendance report and its XLSX, test scores with the gain, certificates issued all-or-none by
 * the programme's rule (JP posted once), the PDF, the public QR check with "dicabut", and feedback
 * once per attendee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, shiftDate } from '../../../../common/rules/calendar.ts';
import { readSheet } from '../../platform/sheets.ts';
import { multipart } from '../../../test/fixtures.ts';
import { type Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Agent;
let employee: Agent;
let supervisor: Agent;
let stranger: Agent;
let batchId: string;
const meetings: string[] = [];
const emails: Record<string, string> = {};
const enrolment: Record<string, string> = {};

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const db = () => ctx.database.db;
const auditCount = async (action: string) =>
  (await db().selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'training_admin');
  employee = await signedInAgent(ctx, 'employee');
  supervisor = await signedInAgent(ctx, 'supervisor');
  stranger = await signedInAgent(ctx, 'employee');
  for (const [k, a] of Object.entries({ employee, supervisor, stranger }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
  const rows = [
    '197203151998031004,Drs. Rizal Lamarauna,PNS,1998-03-01,kominfo,Pimpinan,struktural,Kepala Dinas,JPT Pratama,IV/c,,',
    `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,197203151998031004,${emails.supervisor}`,
    `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,${emails.employee}`,
    `199211112017031002,Yusuf Lalu,PNS,2017-03-01,bpbd,Bidang Kedaruratan,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,,${emails.stranger}`,
  ];
  const imported = await admin.upload(
    'POST',
    '/api/v1/employees/import?commit=true',
    multipart({ name: 'p.csv', data: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`), type: 'text/csv' }),
  );
  expect(imported.json().committed, imported.body).toBe(true);
  await admin.post('/api/v1/training/partners', { id: 'untad', name: 'Universitas Tadulako', kind: 'universitas' });
  const p = await admin.post('/api/v1/training/programs', {
    code: 'DATA-2026',
    title: 'Analisis Data untuk Kebijakan',
    kind: 'teknis',
    competencyArea: 'Data',
    jp: 20,
    modality: 'blended',
    partnerId: 'untad',
    eligibility: {},
    costRupiah: 0,
    description: '',
    completion: { minAttendancePct: 75, postTestPass: 70, assignmentRequired: true },
  });
  expect(p.statusCode, p.body).toBe(201);
  const day = localDate(ctx.clock.now()); // Palu's date: the batch is running today, not yet past its end
  batchId = (
    await admin.post(`/api/v1/training/programs/${p.json().id}/batches`, {
      name: 'Angkatan I',
      startsOn: day,
      endsOn: day,
      venue: 'Aula Diskominfo',
      facilitators: 'Tim Untad',
      capacity: 10,
    })
  ).json().id;
  for (const nip of ['199104252015032001', '197808122003121002', '197203151998031004']) {
    const id = (await db().selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
    enrolment[nip] = (
      await admin.post(`/api/v1/training/batches/${batchId}/enrollments`, { employeeId: id })
    ).json().id;
  }
});
afterAll(() => ctx?.close());

const qr = async (meeting: string) => {
  const res = await admin.get(`/api/v1/training/meetings/${meeting}/qr`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    token: string;
    url: string;
    svg: string;
    expiresAt: string;
    windowSeconds: number;
    open: boolean;
  };
};

describe('meetings and the rotating QR', () => {
  it('adds meetings (and refuses one that ends before it starts)', async () => {
    const now = ctx.clock.now().getTime();
    const bad = await admin.post(`/api/v1/training/batches/${batchId}/meetings`, {
      title: 'Salah',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now - 1).toISOString(),
    });
    expect(bad.statusCode).toBe(400);
    for (const title of ['Data sektoral', 'Dasbor kebijakan']) {
      const res = await admin.post(`/api/v1/training/batches/${batchId}/meetings`, {
        title,
        startsAt: new Date(now - 3_600_000).toISOString(),
        endsAt: new Date(now + 8 * 3_600_000).toISOString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      meetings.push(res.json().id);
    }
    expect(
      (
        await supervisor.post(`/api/v1/training/batches/${batchId}/meetings`, {
          title: 'X',
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 1000).toISOString(),
        })
      ).statusCode,
    ).toBe(404);
    expect((await supervisor.get(`/api/v1/training/meetings/${meetings[0]}/qr`)).statusCode).toBe(404);
  });

  it('shows a QR of the scan link that changes every 30 seconds', async () => {
    const a = await qr(meetings[0]!);
    expect(a).toMatchObject({ windowSeconds: 30, open: true });
    expect(new URL(a.url).pathname).toBe('/hadir');
    expect(new URL(a.url).searchParams.get('t')).toBe(a.token);
    expect(a.svg).toMatch(/^<svg/);
    ctx.clock.advance(30_000);
    expect((await qr(meetings[0]!)).token).not.toBe(a.token);
  });

  it('records a seated participant’s scan once; a repeat changes nothing', async () => {
    const { token } = await qr(meetings[0]!);
    const first = await employee.post('/api/v1/me/attendance', { token });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      recorded: true,
      meeting: { seq: 1, title: 'Data sektoral' },
      batch: { name: 'Angkatan I' },
    });
    expect((await employee.post('/api/v1/me/attendance', { token })).json()).toMatchObject({
      recorded: false,
      already: true,
    });
    expect((await supervisor.post('/api/v1/me/attendance', { token })).json().recorded).toBe(true);
    expect(await auditCount('training.attendance.scan')).toBe(2);
  });

  it('refuses an expired code, a made-up code and someone not in the batch, with a clear message', async () => {
    const { token } = await qr(meetings[1]!);
    const foreign = await stranger.post('/api/v1/me/attendance', { token });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toBe(
      'Anda tidak terdaftar sebagai peserta Analisis Data untuk Kebijakan (Angkatan I); kode ini untuk angkatan lain.',
    );
    const fake = await employee.post('/api/v1/me/attendance', {
      token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toMatch(/bukan kode presensi Merit yang sah/);
    expect(
      (await employee.post('/api/v1/me/attendance', { token: 'https://contoh.id/bukan-kode' })).json().error.message,
    ).toMatch(/bukan kode presensi/);
    ctx.clock.advance(61_000);
    const late = await employee.post('/api/v1/me/attendance', { token });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe(
      'Kode QR sudah kedaluwarsa (berganti setiap 30 detik). Pindai kode yang sedang tampil di layar fasilitator.',
    );
    expect(
      await db().selectFrom('training_attendance').selectAll().where('meeting_id', '=', meetings[1]!).execute(),
    ).toHaveLength(0);
  });

  it('takes a scan that waited offline at its original time, if the code was valid then', async () => {
    const shownAt = ctx.clock.now();
    const { token } = await qr(meetings[1]!);
    ctx.clock.advance(20 * 60_000); // the phone was offline for twenty minutes
    const stale = await employee.post('/api/v1/me/attendance', {
      token,
      scannedAt: new Date(shownAt.getTime() + 5 * 60_000).toISOString(),
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.message).toMatch(/kedaluwarsa/);
    const future = await employee.post('/api/v1/me/attendance', {
      token,
      scannedAt: new Date(ctx.clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(future.json().error.message).toMatch(/masa depan/);
    const queued = await employee.post('/api/v1/me/attendance', {
      token,
      scannedAt: new Date(shownAt.getTime() + 4_000).toISOString(),
    });
    expect(queued.statusCode, queued.body).toBe(200);
    expect(queued.json()).toMatchObject({
      recorded: true,
      attendedAt: new Date(shownAt.getTime() + 4_000).toISOString(),
    });
  });

  it('lets the facilitator mark someone by hand and take it back; audited', async () => {
    const rizal = enrolment['197203151998031004']!;
    expect(
      (
        await admin.post(`/api/v1/training/meetings/${meetings[0]}/attendance`, { enrollmentId: rizal, present: true })
      ).json(),
    ).toEqual({ changed: true });
    expect(
      (
        await admin.post(`/api/v1/training/meetings/${meetings[1]}/attendance`, { enrollmentId: rizal, present: true })
      ).json(),
    ).toEqual({ changed: true });
    expect(
      (
        await admin.post(`/api/v1/training/meetings/${meetings[1]}/attendance`, { enrollmentId: rizal, present: false })
      ).json(),
    ).toEqual({ changed: true });
    expect(
      (
        await admin.post(`/api/v1/training/meetings/${meetings[1]}/attendance`, { enrollmentId: rizal, present: false })
      ).json(),
    ).toEqual({ changed: false });
    expect(
      (
        await supervisor.post(`/api/v1/training/meetings/${meetings[1]}/attendance`, {
          enrollmentId: rizal,
          present: true,
        })
      ).statusCode,
    ).toBe(404);
    expect(await auditCount('training.attendance.mark')).toBe(2);
    expect(await auditCount('training.attendance.unmark')).toBe(1);
  });

  it('reports attendance per meeting and per participant, and exports it as XLSX', async () => {
    const a = (await admin.get(`/api/v1/training/batches/${batchId}/attendance`)).json();
    expect(a.meetings.map((m: { present: number }) => m.present)).toEqual([3, 1]);
    const pct = Object.fromEntries(a.participants.map((p: { nip: string; percent: number }) => [p.nip, p.percent]));
    expect(pct).toEqual({ '199104252015032001': 100, '197808122003121002': 50, '197203151998031004': 50 });
    const sitti = a.participants.find((p: { nip: string }) => p.nip === '199104252015032001');
    expect(sitti.marks.map((m: { method: string }) => m.method)).toEqual(['scan', 'scan']);
    // The supervisor sees their unit (themselves and Sitti), not the head of the agency.
    const unit = (await supervisor.get(`/api/v1/training/batches/${batchId}/attendance`)).json();
    expect(unit.participants.map((p: { nip: string }) => p.nip).sort()).toEqual([
      '197808122003121002',
      '199104252015032001',
    ]);
    const x = await admin.get(`/api/v1/training/batches/${batchId}/attendance.xlsx`);
    expect(x.statusCode).toBe(200);
    const sheet = await readSheet(x.rawPayload, 'xlsx', {
      maxRows: 100,
      columns: 6,
      noun: { id: 'kehadiran', en: 'attendance' },
    });
    expect(sheet.ok).toBe(true);
    if (sheet.ok) {
      expect(sheet.records[0]!.cells).toEqual(['nip', 'nama', 'pertemuan_1', 'pertemuan_2', 'hadir', 'persen']);
      expect(sheet.records.find((r) => r.cells[0] === '197203151998031004')!.cells.slice(2)).toEqual([
        expect.stringMatching(/^fasilitator /),
        '',
        '1',
        '50',
      ]);
    }
    expect((await supervisor.get(`/api/v1/training/batches/${batchId}/attendance.xlsx`)).statusCode).toBe(404);
  });
});

describe('scores, completion and certificates', () => {
  it('takes pre/post-test scores and shows the gain per participant and batch', async () => {
    const sitti = enrolment['199104252015032001']!;
    expect(
      (
        await admin.put(`/api/v1/training/enrollments/${sitti}/scores`, {
          preTest: 101,
          postTest: 80,
          assignmentDone: true,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.put(`/api/v1/training/enrollments/${sitti}/scores`, {
          preTest: 55,
          postTest: 85,
          assignmentDone: true,
        })
      ).json(),
    ).toEqual({ gain: 30 });
    await admin.put(`/api/v1/training/enrollments/${enrolment['197203151998031004']}/scores`, {
      preTest: 60,
      postTest: 80,
      assignmentDone: true,
    });
    expect(
      (
        await supervisor.put(`/api/v1/training/enrollments/${sitti}/scores`, {
          preTest: 0,
          postTest: 100,
          assignmentDone: true,
        })
      ).statusCode,
    ).toBe(404);
    const view = (await admin.get(`/api/v1/training/batches/${batchId}`)).json();
    expect(view.gain).toEqual({ count: 2, pre: 57.5, post: 82.5, gain: 25 });
    const row = view.enrollments.find((e: { id: string }) => e.id === sitti);
    expect(row.progress).toMatchObject({
      attended: 2,
      attendancePct: 100,
      preTest: 55,
      postTest: 85,
      gain: 30,
      assignmentDone: true,
      problems: [],
    });
    expect(view.program.completion).toEqual({ minAttendancePct: 75, postTestPass: 70, assignmentRequired: true });
  });

  it('refuses a certificate (and finishing) before the batch is over, naming what is missing', async () => {
    const programId = (await admin.get('/api/v1/training/programs'))
      .json()
      .programs.find((p: { code: string }) => p.code === 'DATA-2026').id;
    const today = localDate(ctx.clock.now());
    const b = await admin.post(`/api/v1/training/programs/${programId}/batches`, {
      name: 'Angkatan II',
      startsOn: today,
      endsOn: shiftDate(today, 30),
      venue: 'Aula Diskominfo',
      facilitators: 'Tim Untad',
      capacity: 10,
    });
    expect(b.statusCode, b.body).toBe(201);
    const later = new Date(ctx.clock.now().getTime() + 3_600_000);
    expect(
      (
        await admin.post(`/api/v1/training/batches/${b.json().id}/meetings`, {
          title: 'Penutupan',
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
        })
      ).statusCode,
    ).toBe(201);
    const employeeId = (
      await db().selectFrom('employees').select('id').where('nip', '=', '199211112017031002').executeTakeFirstOrThrow()
    ).id;
    const e = (await admin.post(`/api/v1/training/batches/${b.json().id}/enrollments`, { employeeId })).json().id;
    await admin.put(`/api/v1/training/enrollments/${e}/scores`, { preTest: 60, postTest: 90, assignmentDone: true });
    const res = await admin.post(`/api/v1/training/batches/${b.json().id}/certificates`, { enrollmentIds: [e] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(
      /^Yusuf Lalu belum memenuhi syarat selesai, sertifikat tidak diterbitkan: Angkatan belum selesai: pertemuan terakhir \(ke-1, Penutupan\) berakhir .* WITA dan angkatan berakhir \d+ \S+ \d{4}\. Kehadiran 0 % \(0 dari 1 pertemuan\), kurang dari syarat 75 %\.$/,
    );
    const finish = await admin.post(`/api/v1/training/batches/${b.json().id}/finish`, {
      enrollmentIds: [e],
      passed: true,
    });
    expect(finish.statusCode).toBe(400);
    expect(finish.json().error.message).toMatch(
      /^Yusuf Lalu belum memenuhi syarat selesai: Angkatan belum selesai: pertemuan terakhir/,
    );
    expect(await db().selectFrom('training_certificates').selectAll().execute()).toHaveLength(0);
    expect(await db().selectFrom('jp_ledger').selectAll().execute()).toHaveLength(0);
    expect(
      (await db().selectFrom('enrollments').select('status').where('id', '=', e).executeTakeFirstOrThrow()).status,
    ).toBe('enrolled');
    // BKPSDM can move the dates when the schedule changes, never leaving a meeting outside them.
    const outside = await admin.put(`/api/v1/training/batches/${b.json().id}/schedule`, {
      startsOn: shiftDate(today, 2),
      endsOn: shiftDate(today, 30),
      reason: 'Jadwal mundur',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toMatch(
      /^Pertemuan ke-1 \(.*\) berada di luar tanggal baru; pilih tanggal yang mencakup semua pertemuan\.$/,
    );
    expect(
      (
        await admin.put(`/api/v1/training/batches/${b.json().id}/schedule`, {
          startsOn: today,
          endsOn: shiftDate(today, 20),
          reason: 'Habituasi dipercepat',
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/v1/training/batches/${b.json().id}`)).json().batch).toMatchObject({
      startsOn: today,
      endsOn: shiftDate(today, 20),
      status: 'open',
    });
    expect(await auditCount('training.batch.reschedule')).toBe(1);
  });

  it('refuses the whole issue when one listed participant has not completed, and changes nothing', async () => {
    const res = await admin.post(`/api/v1/training/batches/${batchId}/certificates`, {
      enrollmentIds: [enrolment['199104252015032001'], enrolment['197203151998031004']],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'Drs. Rizal Lamarauna belum memenuhi syarat selesai, sertifikat tidak diterbitkan: Kehadiran 50 % (1 dari 2 pertemuan), kurang dari syarat 75 %.',
    );
    expect(await db().selectFrom('training_certificates').selectAll().execute()).toHaveLength(0);
    expect(await db().selectFrom('jp_ledger').selectAll().execute()).toHaveLength(0);
    expect(
      (
        await db()
          .selectFrom('enrollments')
          .select('status')
          .where('id', '=', enrolment['199104252015032001']!)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('enrolled');
    // Finishing by hand obeys the same rule.
    const finish = await admin.post(`/api/v1/training/batches/${batchId}/finish`, {
      enrollmentIds: [enrolment['197808122003121002']],
      passed: true,
    });
    expect(finish.json().error.message).toMatch(
      /^Ir\. Hasan Lasoso belum memenuhi syarat selesai: Kehadiran 50 %.*Nilai post-test belum diisi\. Tugas/,
    );
  });

  it('issues numbered certificates to those who completed, posting their JP once; a repeat skips them', async () => {
    const sitti = enrolment['199104252015032001']!;
    const res = await admin.post(`/api/v1/training/batches/${batchId}/certificates`, { enrollmentIds: [sitti] });
    expect(res.statusCode, res.body).toBe(201);
    const year = localDate(ctx.clock.now()).slice(0, 4); // the issue year in Palu
    expect(res.json()).toMatchObject({
      issued: [{ enrollmentId: sitti, number: `0001/DATA-2026/BKPSDM-PLU/${year}`, fullName: 'Sitti Aisyah' }],
      already: 0,
    });
    expect(
      (await admin.post(`/api/v1/training/batches/${batchId}/certificates`, { enrollmentIds: [sitti] })).json(),
    ).toEqual({ issued: [], already: 1 });
    const ledger = await db().selectFrom('jp_ledger').selectAll().execute();
    expect(ledger.map((l) => [l.jp, l.enrollment_id])).toEqual([[20, sitti]]);
    expect(
      (await db().selectFrom('enrollments').select('status').where('id', '=', sitti).executeTakeFirstOrThrow()).status,
    ).toBe('completed');
    expect(await auditCount('training.certificate.issue')).toBe(1);
    expect((await employee.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Sertifikat terbit: Analisis Data untuk Kebijakan',
    );
  });

  it('gives the holder the PDF, shows the QR page publicly without the NIP, and shows "dicabut" once revoked', async () => {
    const mine = (await employee.get(`/api/v1/me/training?year=${ctx.clock.now().getUTCFullYear()}`)).json();
    expect(mine.certificates).toHaveLength(1);
    const cert = mine.certificates[0];
    const pdf = await employee.get(`/api/v1/training/certificates/${cert.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await stranger.get(`/api/v1/training/certificates/${cert.id}/pdf`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/training/certificates/${cert.id}/pdf`)).statusCode).toBe(200);

    const url = new URL(cert.verifyUrl);
    expect(url.pathname).toBe(`/sertifikat/${cert.id}`);
    const check = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/training/certificates/${cert.id}?s=${url.searchParams.get('s')}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      number: cert.number,
      fullName: 'Sitti Aisyah',
      programTitle: 'Analisis Data untuk Kebijakan',
      jp: 20,
      batchName: 'Angkatan I',
      partnerName: 'Universitas Tadulako',
      revoked: null,
    });
    expect(check.body).not.toMatch(/199104252015032001|1991-04-25|@/);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/public/training/certificates/${cert.id}?s=AAAAAAAAAAAAAAAAAAAAAA`,
        })
      ).statusCode,
    ).toBe(404);

    expect((await admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: '' })).statusCode).toBe(400);
    expect(
      (await employee.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Saya sendiri' })).statusCode,
    ).toBe(404);
    expect(
      (
        await admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, {
          reason: 'Nilai post-test salah catat; peserta mengikuti ulang.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Lagi' })).statusCode).toBe(
      409,
    );
    // Revoking withdraws the completion and the JP it posted, and tells the holder.
    expect(
      await db()
        .selectFrom('jp_ledger')
        .selectAll()
        .where('enrollment_id', '=', enrolment['199104252015032001']!)
        .execute(),
    ).toHaveLength(0);
    expect(
      (
        await db()
          .selectFrom('enrollments')
          .select('status')
          .where('id', '=', enrolment['199104252015032001']!)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('not_completed');
    expect(await auditCount('training.completion.revoke')).toBe(1);
    expect((await employee.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Sertifikat dicabut: Analisis Data untuk Kebijakan',
    );
    const revoked = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/public/training/certificates/${cert.id}?s=${url.searchParams.get('s')}`,
      })
    ).json();
    expect(revoked.revoked).toMatchObject({ reason: 'Nilai post-test salah catat; peserta mengikuti ulang.' });
    expect((await employee.get(`/api/v1/training/certificates/${cert.id}/pdf`)).statusCode).toBe(409);
    expect(
      (
        await admin.post(`/api/v1/training/batches/${batchId}/certificates`, {
          enrollmentIds: [enrolment['199104252015032001']],
        })
      ).json().error.message,
    ).toMatch(/sudah dicabut/);
  });
});

describe('feedback', () => {
  it('takes one feedback per attendee, none from others, and summarises the batch', async () => {
    const body = { facilitator: 5, material: 4, venue: 3, usefulness: 5, comment: 'Contoh dasbor langsung terpakai.' };
    expect(
      (await employee.post(`/api/v1/me/enrollments/${enrolment['199104252015032001']}/feedback`, { ...body, venue: 6 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await employee.post(`/api/v1/me/enrollments/${enrolment['199104252015032001']}/feedback`, body)).statusCode,
    ).toBe(201);
    const twice = await employee.post(`/api/v1/me/enrollments/${enrolment['199104252015032001']}/feedback`, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'Anda sudah memberi umpan balik untuk pelatihan ini; umpan balik hanya sekali.',
    );
    expect(
      (await stranger.post(`/api/v1/me/enrollments/${enrolment['199104252015032001']}/feedback`, body)).statusCode,
    ).toBe(404);
    expect(
      (
        await supervisor.post(`/api/v1/me/enrollments/${enrolment['197808122003121002']}/feedback`, {
          ...body,
          facilitator: 3,
          comment: '',
        })
      ).statusCode,
    ).toBe(201);
    const summary = (await admin.get(`/api/v1/training/batches/${batchId}/feedback`)).json();
    expect(summary.responses).toBe(2);
    expect(summary.aspects[0]).toEqual({ aspect: 'facilitator', mean: 4, counts: [0, 0, 1, 0, 1] });
    expect(summary.comments).toEqual(['Contoh dasbor langsung terpakai.']);
    expect((await supervisor.get(`/api/v1/training/batches/${batchId}/feedback`)).statusCode).toBe(404);
    const byPartner = (await admin.get('/api/v1/training/feedback/partners')).json().partners;
    expect(byPartner).toEqual([
      { partner: { id: 'untad', name: 'Universitas Tadulako' }, batches: 1, responses: 2, aspects: summary.aspects },
    ]);
    expect((await supervisor.get('/api/v1/training/feedback/partners')).statusCode).toBe(404);
    const mine = (await employee.get(`/api/v1/me/training?year=${ctx.clock.now().getUTCFullYear()}`)).json();
    expect(mine.enrollments[0].feedbackGiven).toBe(true);
  });
});

describe('the responses keep their contracts', () => {
  it('lists the batch’s meetings and certificates (a revoked one with its reason) as the schemas say', async () => {
    const list = await admin.get(`/api/v1/training/batches/${batchId}/meetings`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().meetings.map((m: { seq: number; title: string }) => [m.seq, m.title])).toEqual([
      [1, 'Data sektoral'],
      [2, 'Dasbor kebijakan'],
    ]);
    const certs = await admin.get(`/api/v1/training/batches/${batchId}/certificates`);
    expect(certs.statusCode, certs.body).toBe(200);
    const [cert] = certs.json().certificates as {
      enrollmentId: string;
      number: string;
      revoked: { reason: string } | null;
      verifyUrl: string;
    }[];
    expect(cert).toMatchObject({
      enrollmentId: enrolment['199104252015032001'],
      revoked: { reason: expect.stringMatching(/^Nilai post-test salah catat/) },
    });
    expect(new URL(cert!.verifyUrl).pathname).toMatch(/^\/sertifikat\//);
  });
});
