/**
 * Appointment feeds development: from a published final result (`L`), BKPSDM enters NIP and TMT
 * one by one; the CPNS record is made from the application (nothing re-typed), the account becomes
 * an employee's, the next Latsar batch with a seat takes them; the one-year probation shows to
 * BKPSDM, the supervisor and the person, with the at-risk alert and reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation } from '../../../test/recruitment-setup.ts';
import { addParticipants } from '../../../test/selection-setup.ts';

let ctx: TestContext;
let admin: Agent;
let committee: Agent;
let supervisor: Agent;
let appointee: Agent;
let appointeeEmail: string;
let periodId: string;
let code: string;
let batches: string[] = [];
const apps: Record<string, string> = {};
const db = () => ctx.database.db;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'training_admin');
  committee = await signedInAgent(ctx, 'committee');
  supervisor = await signedInAgent(ctx, 'supervisor');
  appointee = await signedInAgent(ctx, 'applicant'); // born 1999-03-12, perempuan
  appointeeEmail = (await appointee.get('/api/v1/me')).json().account.email;
  const p = await openPeriodWithFormation(ctx, committee);
  periodId = p.periodId;
  code = (await db().selectFrom('formations').select('code').where('id', '=', p.formationId).executeTakeFirstOrThrow())
    .code;
  const accountId = (
    await db().selectFrom('accounts').select('id').where('email', '=', appointeeEmail).executeTakeFirstOrThrow()
  ).id;
  const now = ctx.clock.now();
  await db()
    .insertInto('applications')
    .values({
      id: ctx.services.ids.uuid(),
      period_id: periodId,
      applicant_id: accountId,
      formation_id: p.formationId,
      registration_no: 'T-100001',
      status: 'ms',
      published_result: 'ms',
      participant_no: '100001',
      biodata: JSON.stringify({ nameOnIjazah: 'Uji applicant' }),
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await addParticipants(ctx, periodId, p.formationId, [
    { participantNo: '100002', name: 'Moh. Rizky Lamasitudju', ipk: 3.5, birthDate: '1998-08-08' },
    { participantNo: '100003', name: 'Andi Tenri', ipk: 3.1, birthDate: '1997-05-05' },
  ]);
  for (const r of await db()
    .selectFrom('applications')
    .select(['id', 'participant_no'])
    .where('period_id', '=', periodId)
    .execute())
    apps[r.participant_no!] = r.id;
  // The final result as the committee published it (the publication flow is tested in selection).
  const committeeId = (await committee.get('/api/v1/me')).json().account.id;
  const pubId = ctx.services.ids.uuid();
  await db()
    .insertInto('result_publications')
    .values({
      id: pubId,
      period_id: periodId,
      stage: 'final',
      version: 1,
      status: 'published',
      reason: null,
      proposed_by: committeeId,
      proposed_at: now,
      decided_by: committeeId,
      decided_at: now,
    })
    .execute();
  const finalCsv = `formation_id,participant_no,skd_total,skb,final_score,rank,result\n${code},100001,420,84.00,80.100,1,L\n${code},100002,400,80.00,77.000,2,L\n${code},100003,380,60.00,65.000,3,TL\n`;
  await db()
    .insertInto('publication_files')
    .values({ publication_id: pubId, name: 'final.csv', content: finalCsv, sha256: 'x' })
    .execute();

  // A supervisor in Diskominfo, and two Latsar batches: the first with one seat.
  const email = (await supervisor.get('/api/v1/me')).json().account.email;
  const sheet = `nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email\n197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,,${email}\n`;
  expect(
    (
      await admin.upload(
        'POST',
        '/api/v1/employees/import?commit=true',
        multipart({ name: 'p.csv', data: Buffer.from(sheet), type: 'text/csv' }),
      )
    ).json().committed,
  ).toBe(true);
  const latsar = (
    await admin.post('/api/v1/training/programs', {
      code: 'LATSAR-2026',
      title: 'Pelatihan Dasar CPNS',
      kind: 'latsar',
      competencyArea: 'BerAKHLAK',
      jp: 120,
      modality: 'blended',
      partnerId: null,
      eligibility: { statuses: ['CPNS'] },
      costRupiah: 0,
      description: '',
    })
  ).json().id;
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  batches = [];
  for (const [name, start, cap] of [
    ['Angkatan I', 20, 1],
    ['Angkatan II', 60, 30],
  ] as const)
    batches.push(
      (
        await admin.post(`/api/v1/training/programs/${latsar}/batches`, {
          name,
          startsOn: day(start),
          endsOn: day(start + 30),
          venue: 'BPSDM Sulteng',
          facilitators: '',
          capacity: cap,
        })
      ).json().id,
    );
});
afterAll(() => ctx?.close());

const tmt = () => `${ctx.clock.now().toISOString().slice(0, 7)}-01`;
const nipFor = (birth: string, gender: '1' | '2', seq = '001') =>
  `${birth.replaceAll('-', '')}${tmt().slice(0, 4)}${tmt().slice(5, 7)}${gender}${seq}`;

/** The training admin's home item for appointees waiting for their NIP/TMT. */
const waitingOnHome = async () => {
  const t = (await admin.get('/api/v1/me/home'))
    .json()
    .tasks.find((x: { key: string }) => x.key === 'appointeesWaiting');
  return { count: t?.count, to: t?.to };
};

describe('from a published final result to a CPNS record', () => {
  it('lists the appointees (L) of the published final result, not the others', async () => {
    const res = await admin.get(`/api/v1/appointments/periods/${periodId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ published: true, type: 'CPNS' });
    expect(
      res.json().candidates.map((c: { participantNo: string; employee: unknown }) => [c.participantNo, c.employee]),
    ).toEqual([
      ['100001', null],
      ['100002', null],
    ]);
    expect(res.json().candidates[0]).toMatchObject({
      formationCode: code,
      jabatan: 'Pranata Komputer Ahli Pertama',
      organization: { id: 'kominfo' },
    });
    expect((await supervisor.get(`/api/v1/appointments/periods/${periodId}`)).statusCode).toBe(404);
    // The training admin's home counts the same appointees still without an ASN record.
    expect(await waitingOnHome()).toEqual({ count: 2, to: '/pegawai/pengangkatan' });
  });

  it('refuses an NIP that is not the appointee’s, a TMT the NIP does not carry, and someone not L; nothing changes', async () => {
    const base = {
      periodId,
      applicationId: apps['100001'],
      tmt: tmt(),
      golongan: 'III/a',
      unit: 'Bidang Aplikasi Informatika',
      supervisorNip: '197808122003121002',
    };
    const other = await admin.post('/api/v1/appointments', { ...base, nip: nipFor('1999-03-13', '2') });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toBe(
      'Tanggal lahir di NIP (1999-03-13) tidak sama dengan tanggal lahir pelamar (1999-03-12).',
    );
    const wrongTmt = await admin.post('/api/v1/appointments', {
      ...base,
      nip: nipFor('1999-03-12', '2'),
      tmt: '2020-01-01',
    });
    expect(wrongTmt.json().error.message).toMatch(/^TMT 2020-01-01 tidak sesuai TMT di NIP/);
    const pppk = await admin.post('/api/v1/appointments', {
      ...base,
      nip: nipFor('1999-03-12', '2').replace(/^(\d{12})\d\d/, '$121'),
    });
    expect(pppk.json().error.message).toMatch(/Pengadaan CPNS memakai NIP/);
    const tl = await admin.post('/api/v1/appointments', {
      ...base,
      applicationId: apps['100003'],
      nip: nipFor('1997-05-05', '2'),
    });
    expect(tl.statusCode).toBe(404);
    expect(tl.json().error.message).toMatch(/tidak berstatus L/);
    expect(await db().selectFrom('employees').select('id').where('status', '=', 'CPNS').execute()).toHaveLength(0);
  });

  it('makes the CPNS record from the application, makes the account an employee’s, and seats them in the next Latsar', async () => {
    const nip = nipFor('1999-03-12', '2');
    const res = await admin.post('/api/v1/appointments', {
      periodId,
      applicationId: apps['100001'],
      nip,
      tmt: tmt(),
      golongan: 'III/a',
      unit: 'Bidang Aplikasi Informatika',
      supervisorNip: '197808122003121002',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'CPNS',
      enrollment: { batchId: batches[0], status: 'enrolled', programTitle: 'Pelatihan Dasar CPNS' },
      probation: { state: 'on_track' },
    });
    const e = await db().selectFrom('employees').selectAll().where('nip', '=', nip).executeTakeFirstOrThrow();
    expect(e).toMatchObject({
      status: 'CPNS',
      full_name: 'Uji applicant',
      birth_date: '1999-03-12',
      gender: 'P',
      organization_id: 'kominfo',
      jabatan: 'Pranata Komputer Ahli Pertama',
      application_id: apps['100001'],
    });
    const account = await db()
      .selectFrom('accounts')
      .select(['role', 'organization_id'])
      .where('email', '=', appointeeEmail)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ role: 'employee', organization_id: 'kominfo' });
    expect(
      (await db().selectFrom('enrollments').select('source').where('employee_id', '=', e.id).executeTakeFirstOrThrow())
        .source,
    ).toBe('appointment');
    expect((await appointee.get('/api/v1/me')).statusCode).toBe(401); // the old session ended with the old role
    expect(
      await db()
        .selectFrom('audit_events')
        .select('seq')
        .where('action', 'in', ['employee.appoint', 'account.appoint'])
        .execute(),
    ).toHaveLength(2);
    // Signed in again, the new CPNS finds Latsar already in their plan and their probation.
    appointee = new Agent(ctx.app);
    expect(
      (
        await appointee.post('/api/v1/auth/login', {
          identifier: appointeeEmail,
          password: 'sandi-uji-yang-panjang-sekali',
        })
      ).statusCode,
    ).toBe(200);
    const mine = (await appointee.get(`/api/v1/me/training?year=${ctx.clock.now().getUTCFullYear()}`)).json();
    expect(mine.enrollments.map((x: { title: string; status: string }) => [x.title, x.status])).toEqual([
      ['Pelatihan Dasar CPNS', 'enrolled'],
    ]);
    expect((await appointee.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Selamat: Anda tercatat sebagai CPNS',
    );
    const p = (await appointee.get('/api/v1/me/probation')).json().probation;
    expect(p).toMatchObject({ tmt: tmt(), state: 'on_track', latsar: { status: 'enrolled', batchName: 'Angkatan I' } });
  });

  it('seats the next appointee in the following batch when the first is full; refuses a second record and a used NIP', async () => {
    const nip = nipFor('1998-08-08', '1', '002');
    const again = await admin.post('/api/v1/appointments', {
      periodId,
      applicationId: apps['100001'],
      nip: nipFor('1999-03-12', '2', '009'),
      tmt: tmt(),
      golongan: 'III/a',
    });
    expect(again.statusCode).toBe(409);
    const used = await admin.post('/api/v1/appointments', {
      periodId,
      applicationId: apps['100002'],
      nip: nipFor('1999-03-12', '2'),
      tmt: tmt(),
      golongan: 'III/a',
    });
    expect(used.statusCode).toBe(400); // that NIP carries another birth date
    const res = await admin.post('/api/v1/appointments', {
      periodId,
      applicationId: apps['100002'],
      nip,
      tmt: tmt(),
      golongan: 'III/a',
      supervisorNip: '197808122003121002',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().enrollment).toMatchObject({ batchId: batches[1], status: 'enrolled' });
    const list = (await admin.get(`/api/v1/appointments/periods/${periodId}`)).json().candidates;
    expect(list.every((c: { employee: unknown }) => c.employee !== null)).toBe(true);
    expect((await waitingOnHome()).count).toBe(0);
  });
});

describe('appointment by sheet', () => {
  it('gives the appointees as a sheet and records a filled one: every filled row or none', async () => {
    // A third appointee, published in a corrected final result (version 2).
    const p2 = (
      await db()
        .selectFrom('applications')
        .select('formation_id')
        .where('id', '=', apps['100001']!)
        .executeTakeFirstOrThrow()
    ).formation_id;
    await addParticipants(ctx, periodId, p2, [
      { participantNo: '100004', name: 'Siti Rahma Pakava', ipk: 3.6, birthDate: '1999-09-19' },
    ]);
    apps['100004'] = (
      await db()
        .selectFrom('applications')
        .select('id')
        .where('participant_no', '=', '100004')
        .executeTakeFirstOrThrow()
    ).id;
    const committeeId = (await committee.get('/api/v1/me')).json().account.id;
    const pubId = ctx.services.ids.uuid();
    const now = ctx.clock.now();
    await db()
      .insertInto('result_publications')
      .values({
        id: pubId,
        period_id: periodId,
        stage: 'final',
        version: 2,
        status: 'published',
        reason: 'Koreksi',
        proposed_by: committeeId,
        proposed_at: now,
        decided_by: committeeId,
        decided_at: now,
      })
      .execute();
    const csv = `formation_id,participant_no,skd_total,skb,final_score,rank,result\n${code},100001,420,84.00,80.100,1,L\n${code},100002,400,80.00,77.000,2,L\n${code},100004,390,79.00,76.000,3,L\n`;
    await db()
      .insertInto('publication_files')
      .values({ publication_id: pubId, name: 'final.csv', content: csv, sha256: 'x' })
      .execute();

    const sheet = await admin.get(`/api/v1/appointments/periods/${periodId}/sheet?format=csv`);
    expect(sheet.statusCode).toBe(200);
    const lines = sheet.rawPayload
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('no_peserta,nama,formasi,nip,tmt,golongan,unit,jenis_jabatan,jenjang,nip_atasan');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['100001', '100002', '100004']);
    const nip = `19990919${tmt().slice(0, 4)}${tmt().slice(5, 7)}1004`;
    const filled = (nipCell: string) =>
      [
        lines[0],
        lines[1],
        lines[2],
        `100004,Siti Rahma Pakava,${code},${nipCell},${tmt()},III/a,Bidang Statistik,fungsional,Ahli Pertama,197808122003121002`,
      ].join('\n');
    const bad = (
      await admin.upload(
        'POST',
        `/api/v1/appointments/periods/${periodId}/import?commit=true`,
        multipart({ name: 'p.csv', data: Buffer.from(filled(nip.replace('19990919', '19990920'))), type: 'text/csv' }),
      )
    ).json();
    expect(bad).toMatchObject({ committed: false, ok: false, counts: { recorded: 2, error: 1 } });
    expect(bad.report[2].problems[0].id).toMatch(/Tanggal lahir di NIP \(1999-09-20\)/);
    expect(
      await db().selectFrom('employees').select('id').where('application_id', '=', apps['100004']!).execute(),
    ).toHaveLength(0);
    const dry = (
      await admin.upload(
        'POST',
        `/api/v1/appointments/periods/${periodId}/import`,
        multipart({ name: 'p.csv', data: Buffer.from(filled(nip)), type: 'text/csv' }),
      )
    ).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { new: 1, recorded: 2 } });
    const done = (
      await admin.upload(
        'POST',
        `/api/v1/appointments/periods/${periodId}/import?commit=true`,
        multipart({ name: 'p.csv', data: Buffer.from(filled(nip)), type: 'text/csv' }),
      )
    ).json();
    expect(done).toMatchObject({ committed: true, ok: true, counts: { new: 1 } });
    const e = await db()
      .selectFrom('employees')
      .selectAll()
      .where('application_id', '=', apps['100004']!)
      .executeTakeFirstOrThrow();
    expect(e).toMatchObject({ nip, status: 'CPNS', unit: 'Bidang Statistik', jenjang: 'Ahli Pertama' });
    expect(
      await db().selectFrom('audit_events').select('seq').where('action', '=', 'employee.appoint_import').execute(),
    ).toHaveLength(1);
  });
});

describe('the one-year probation', () => {
  it('shows BKPSDM and the supervisor every CPNS with the deadline, and flags who is at risk three months before it', async () => {
    const now = (await admin.get('/api/v1/probation')).json();
    expect(now.atRisk).toBe(0);
    expect(now.rows).toHaveLength(3);
    expect(now.rows[0]).toMatchObject({ state: 'on_track', latsar: { status: 'enrolled' } });
    expect(now.rows[0].deadline).toBe(`${Number(tmt().slice(0, 4)) + 1}${tmt().slice(4)}`);
    expect(now.rows[0].accountId).toBeUndefined();
    expect((await supervisor.get('/api/v1/probation')).json().rows).toHaveLength(3);
    expect((await appointee.get('/api/v1/probation')).statusCode).toBe(404);

    const supervisorEmail = (await supervisor.get('/api/v1/me')).json().account.email;
    ctx.clock.advance(300 * 86_400_000); // ten months on, Latsar not finished; everyone signs in again
    const relogin = async (email: string) => {
      const a = new Agent(ctx.app);
      expect(
        (await a.post('/api/v1/auth/login', { identifier: email, password: 'sandi-uji-yang-panjang-sekali' }))
          .statusCode,
      ).toBe(200);
      return a;
    };
    admin = await signedInAgent(ctx, 'training_admin');
    supervisor = await relogin(supervisorEmail);
    appointee = await relogin(appointeeEmail);
    const later = (await admin.get('/api/v1/probation')).json();
    expect(later.atRisk).toBe(3);
    expect(later.rows[0].state).toBe('at_risk');
    expect(later.rows[0].reason.id).toMatch(
      /^Berisiko: sisa \d+ hari masa percobaan dan terdaftar Latsar, belum selesai\.$/,
    );
    expect((await admin.post('/api/v1/probation/reminders')).json()).toEqual({ reminded: 3 });
    expect((await appointee.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Masa percobaan CPNS berisiko',
    );
    expect(
      (await supervisor.get('/api/v1/me/notifications')).json().notifications.map((n: { title: string }) => n.title),
    ).toContain('Masa percobaan Uji applicant berisiko');
    expect((await supervisor.post('/api/v1/probation/reminders')).statusCode).toBe(404);
  });
});
