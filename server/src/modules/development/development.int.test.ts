/**
 * ASN records through the API: a sheet is checked (dry run) and imported whole or not at all, an
 * export imports back unchanged, BKPSDM sees every OPD, a supervisor their unit, an employee only
 * their own record — anyone else's answers 404 — and every import and export is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../platform/sheets.ts';
import { multipart } from '../../../test/fixtures.ts';
import { type Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let trainingAdmin: Agent;
let supervisor: Agent;
let otherSupervisor: Agent;
let employee: Agent;
let applicant: Agent;
const emails: Record<string, string> = {};

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const sheet = (rows: string[]) =>
  multipart({ name: 'pegawai.csv', data: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`), type: 'text/csv' });
const rowsFor = () => [
  '197203151998031004,Drs. Rizal Lamarauna,PNS,1998-03-01,kominfo,Pimpinan,struktural,Kepala Dinas,JPT Pratama,IV/c,,',
  `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,197203151998031004,${emails.supervisor}`,
  `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,${emails.employee}`,
  '199009092023211005,Andi Baso Tondei,PPPK,2023-02-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan Operasional,Terampil,V,197808122003121002,',
  `198206302008012005,Fitriani Lamakampali,PNS,2008-01-01,bpbd,Bidang Kedaruratan,struktural,Kepala Bidang Kedaruratan,Administrator,IV/a,,${emails.otherSupervisor}`,
  '199211112017031002,Yusuf Lalu,PNS,2017-03-01,bpbd,Bidang Kedaruratan,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,198206302008012005,',
];

beforeAll(async () => {
  // The last day of the GIS batch below (10.00 WITA): it is still open, and it has come to its end date.
  ctx = await createTestContext({ clock: new ManualClock(new Date('2026-08-12T02:00:00Z')) });
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  supervisor = await signedInAgent(ctx, 'supervisor');
  otherSupervisor = await signedInAgent(ctx, 'supervisor');
  employee = await signedInAgent(ctx, 'employee');
  applicant = await signedInAgent(ctx, 'applicant');
  for (const [k, a] of Object.entries({ supervisor, otherSupervisor, employee }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
});
afterAll(() => ctx?.close());

const count = async () =>
  (
    await ctx.database.db
      .selectFrom('employees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('ASN records', () => {
  it('checks a sheet with a bad row, reports it by line, and imports nothing even when asked to commit', async () => {
    const rows = rowsFor();
    rows[3] = rows[3]!.replace(',V,', ',III/a,');
    const res = await trainingAdmin.upload('POST', '/api/v1/employees/import?commit=true', sheet(rows));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, ok: false, counts: { new: 5, error: 1 } });
    expect(body.report.find((r: { line: number }) => r.line === 5).problems[0].id).toMatch(/Golongan PPPK "III\/a"/);
    expect(Number(await count())).toBe(0);
  });

  it('dry-runs, then imports every row, linking the accounts and the supervisor tree; audited', async () => {
    const dry = (await trainingAdmin.upload('POST', '/api/v1/employees/import', sheet(rowsFor()))).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { new: 6, update: 0, error: 0 } });
    expect(Number(await count())).toBe(0);
    const done = (await trainingAdmin.upload('POST', '/api/v1/employees/import?commit=true', sheet(rowsFor()))).json();
    expect(done).toMatchObject({ committed: true, ok: true, counts: { new: 6 } });
    expect(Number(await count())).toBe(6);
    const mine = await employee.get('/api/v1/me/employee');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      nip: '199104252015032001',
      gender: 'P',
      birthDate: '1991-04-25',
      tmt: '2015-03-01',
      supervisor: { nip: '197808122003121002', fullName: 'Ir. Hasan Lasoso' },
      organization: { id: 'kominfo' },
      hasAccount: true,
    });
    expect(
      await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', 'employee.import').execute(),
    ).toHaveLength(1);
  });

  it('shows BKPSDM every OPD, a supervisor only their unit (without birth dates), an employee only themselves', async () => {
    const all = (await trainingAdmin.get('/api/v1/employees?pageSize=100')).json();
    expect(all).toMatchObject({ scope: 'all', total: 6 });
    const unit = (await supervisor.get('/api/v1/employees')).json();
    expect(unit.scope).toBe('unit');
    expect(unit.employees.map((e: { nip: string }) => e.nip).sort()).toEqual([
      '197808122003121002',
      '199009092023211005',
      '199104252015032001',
    ]);
    expect(unit.employees.find((e: { nip: string }) => e.nip === '199104252015032001').birthDate).toBeNull();
    const bpbd = (await otherSupervisor.get('/api/v1/employees')).json();
    expect(bpbd.employees.map((e: { nip: string }) => e.nip).sort()).toEqual([
      '198206302008012005',
      '199211112017031002',
    ]);
    const yusuf = bpbd.employees.find((e: { nip: string }) => e.nip === '199211112017031002');
    expect((await supervisor.get(`/api/v1/employees/${yusuf.id}`)).statusCode).toBe(404);
    expect((await otherSupervisor.get(`/api/v1/employees/${yusuf.id}`)).statusCode).toBe(200);
    expect((await employee.get('/api/v1/employees')).statusCode).toBe(404);
    expect((await applicant.get('/api/v1/me/employee')).json().error.message).toMatch(
      /belum terhubung ke data pegawai/,
    );
    const filtered = (await trainingAdmin.get('/api/v1/employees?organizationId=bpbd&q=yusuf')).json();
    expect(filtered.employees.map((e: { fullName: string }) => e.fullName)).toEqual(['Yusuf Lalu']);
  });

  it('exports the sheet the import reads: importing it back updates every record and changes nothing', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const exp = await trainingAdmin.get(`/api/v1/employees/export?format=${format}`);
      expect(exp.statusCode).toBe(200);
      const back = (
        await trainingAdmin.upload(
          'POST',
          '/api/v1/employees/import?commit=true',
          multipart({ name: `pegawai.${format}`, data: exp.rawPayload, type: 'application/octet-stream' }),
        )
      ).json();
      expect(back, JSON.stringify(back.report.filter((r: { status: string }) => r.status === 'error'))).toMatchObject({
        committed: true,
        counts: { new: 0, update: 6, error: 0 },
      });
    }
    expect((await employee.get('/api/v1/me/employee')).json()).toMatchObject({
      supervisor: { nip: '197808122003121002' },
      hasAccount: true,
    });
    expect(
      await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', 'employee.export').execute(),
    ).toHaveLength(2);
    expect((await supervisor.get('/api/v1/employees/export')).statusCode).toBe(404);
  });

  it('refuses a supervisor loop made through an update, a second link of one account, and a non-sheet file', async () => {
    const loop = (
      await trainingAdmin.upload(
        'POST',
        '/api/v1/employees/import?commit=true',
        sheet([
          '197203151998031004,Drs. Rizal Lamarauna,PNS,1998-03-01,kominfo,Pimpinan,struktural,Kepala Dinas,JPT Pratama,IV/c,199104252015032001,',
        ]),
      )
    ).json();
    expect(loop.committed).toBe(false);
    expect(loop.report[0].problems[0].id).toMatch(/kembali ke dirinya sendiri/);
    const twice = (
      await trainingAdmin.upload(
        'POST',
        '/api/v1/employees/import?commit=true',
        sheet([
          `199211112017031002,Yusuf Lalu,PNS,2017-03-01,bpbd,Bidang Kedaruratan,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,198206302008012005,${emails.employee}`,
        ]),
      )
    ).json();
    expect(twice.report[0].problems[0].id).toMatch(/sudah terhubung ke pegawai NIP 199104252015032001/);
    const pdf = (
      await trainingAdmin.upload(
        'POST',
        '/api/v1/employees/import',
        multipart({ name: 'pegawai.xlsx', data: Buffer.from('%PDF-1.7'), type: 'application/pdf' }),
      )
    ).json();
    expect(pdf.report[0].problems[0].id).toMatch(/Berkas ini PDF/);
    expect((await trainingAdmin.post('/api/v1/employees/import', {})).statusCode).toBe(415);
  });
});

describe('training, enrolment with a waitlist, and the 20 JP a year', () => {
  let programId: string;
  let batchId: string;
  const idOf = async (nip: string) =>
    (await ctx.database.db.selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
  const enrolmentOf = async (nip: string) =>
    await ctx.database.db
      .selectFrom('enrollments')
      .selectAll()
      .where('employee_id', '=', await idOf(nip))
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();

  it('sets up a partner, a programme for PNS/CPNS and a batch of two seats; audited', async () => {
    expect(
      (
        await trainingAdmin.post('/api/v1/training/partners', {
          id: 'untad',
          name: 'Universitas Tadulako',
          kind: 'universitas',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await trainingAdmin.post('/api/v1/training/partners', { id: 'untad', name: 'Lagi', kind: 'universitas' }))
        .statusCode,
    ).toBe(409);
    const p = await trainingAdmin.post('/api/v1/training/programs', {
      code: 'TEK-GIS-2026',
      title: 'Pemetaan Risiko Bencana dengan GIS',
      kind: 'teknis',
      competencyArea: 'Kebencanaan',
      jp: 24,
      modality: 'blended',
      partnerId: 'untad',
      eligibility: { statuses: ['PNS', 'CPNS'] },
      costRupiah: 1_500_000,
      description: 'Bersama Universitas Tadulako.',
    });
    expect(p.statusCode, p.body).toBe(201);
    programId = p.json().id;
    const badDates = await trainingAdmin.post(`/api/v1/training/programs/${programId}/batches`, {
      name: 'Angkatan I',
      startsOn: '2026-08-10',
      endsOn: '2026-08-01',
      venue: 'Aula BPBD',
      facilitators: '',
      capacity: 2,
    });
    expect(badDates.statusCode).toBe(400);
    const b = await trainingAdmin.post(`/api/v1/training/programs/${programId}/batches`, {
      name: 'Angkatan I',
      startsOn: '2026-08-10',
      endsOn: '2026-08-12',
      venue: 'Aula BPBD Kota Palu',
      facilitators: 'Dr. Abdullah (Untad)',
      capacity: 2,
    });
    expect(b.statusCode, b.body).toBe(201);
    batchId = b.json().id;
    expect(
      (
        await supervisor.post(`/api/v1/training/programs/${programId}/batches`, {
          name: 'Angkatan II',
          startsOn: '2026-09-10',
          endsOn: '2026-09-12',
          venue: 'Aula',
          facilitators: '',
          capacity: 2,
        })
      ).statusCode,
    ).toBe(404);
    // The catalog a supervisor nominates from: the partner, the programme with its rule and its open batch.
    expect((await supervisor.get('/api/v1/training/partners')).json().partners).toContainEqual({
      id: 'untad',
      name: 'Universitas Tadulako',
      kind: 'universitas',
    });
    const catalog = await supervisor.get('/api/v1/training/programs');
    expect(catalog.statusCode, catalog.body).toBe(200);
    const listed = catalog.json().programs.find((x: { id: string }) => x.id === programId);
    expect(listed).toMatchObject({
      code: 'TEK-GIS-2026',
      partner: { id: 'untad', name: 'Universitas Tadulako' },
      eligibility: { statuses: ['PNS', 'CPNS'] },
      completion: { minAttendancePct: 0, postTestPass: null },
    });
    expect(listed.batches).toEqual([
      expect.objectContaining({ id: batchId, status: 'open', capacity: 2, seated: 0, waiting: 0 }),
    ]);
  });

  it('seats two, waitlists the third, refuses the ineligible and a second enrolment, and tells the person', async () => {
    const sitti = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, {
      employeeId: await idOf('199104252015032001'),
    });
    expect(sitti.json()).toMatchObject({ status: 'enrolled' });
    const pppk = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, {
      employeeId: await idOf('199009092023211005'),
    });
    expect(pppk.statusCode).toBe(400);
    expect(pppk.json().error.message).toBe('Program ini untuk pegawai berstatus PNS/CPNS, bukan PPPK.');
    expect(
      (
        await supervisor.post(`/api/v1/training/batches/${batchId}/enrollments`, {
          employeeId: await idOf('197808122003121002'),
        })
      ).json(),
    ).toMatchObject({ status: 'enrolled' });
    expect(
      (
        await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, {
          employeeId: await idOf('197203151998031004'),
        })
      ).json(),
    ).toMatchObject({ status: 'waitlisted' });
    expect(
      (
        await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, {
          employeeId: await idOf('199104252015032001'),
        })
      ).statusCode,
    ).toBe(409);
    // A supervisor nominates only their own unit.
    expect(
      (
        await supervisor.post(`/api/v1/training/batches/${batchId}/enrollments`, {
          employeeId: await idOf('199211112017031002'),
        })
      ).statusCode,
    ).toBe(404);
    const note = (await employee.get('/api/v1/me/notifications')).json().notifications[0];
    expect(note.title).toBe('Terdaftar: Pemetaan Risiko Bencana dengan GIS');
    const view = (await trainingAdmin.get(`/api/v1/training/batches/${batchId}`)).json();
    expect(view.batch).toMatchObject({ seated: 2, waiting: 1, capacity: 2 });
  });

  it('shows a batch past its end date as finished and refuses a new enrolment there, changing nothing', async () => {
    const ended = await trainingAdmin.post(`/api/v1/training/programs/${programId}/batches`, {
      name: 'Angkatan 0',
      startsOn: '2026-07-01',
      endsOn: '2026-08-11',
      venue: 'Aula BPBD Kota Palu',
      facilitators: '',
      capacity: 5,
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const view = (await trainingAdmin.get(`/api/v1/training/batches/${ended.json().id}`)).json();
    expect(view.batch.status).toBe('finished');
    const late = await trainingAdmin.post(`/api/v1/training/batches/${ended.json().id}/enrollments`, {
      employeeId: await idOf('199211112017031002'),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Angkatan ini sudah selesai (berakhir 11 Agustus 2026); daftarkan di angkatan yang masih berjalan atau yang akan datang.',
    );
    expect(
      await ctx.database.db.selectFrom('enrollments').select('id').where('batch_id', '=', ended.json().id).execute(),
    ).toHaveLength(0);
    // The batch ending today is still open.
    expect((await trainingAdmin.get(`/api/v1/training/batches/${batchId}`)).json().batch.status).toBe('open');
  });

  it('moves the first on the waitlist up when a seat is cancelled, in the same transaction', async () => {
    const hasan = await enrolmentOf('197808122003121002');
    const res = await supervisor.post(`/api/v1/training/enrollments/${hasan.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    const rizal = await enrolmentOf('197203151998031004');
    expect(res.json()).toEqual({ promoted: [rizal.id] });
    expect(rizal.status).toBe('enrolled');
    expect((await supervisor.post(`/api/v1/training/enrollments/${hasan.id}/cancel`)).statusCode).toBe(409);
    expect(
      await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', 'training.promote').execute(),
    ).toHaveLength(1);
  });

  it('posts the programme’s JP on completion, refuses to finish someone not enrolled, and changes nothing then', async () => {
    const sitti = await enrolmentOf('199104252015032001');
    const rizal = await enrolmentOf('197203151998031004');
    const hasan = await enrolmentOf('197808122003121002');
    const refused = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/finish`, {
      enrollmentIds: [sitti.id, hasan.id],
      passed: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(await ctx.database.db.selectFrom('jp_ledger').selectAll().execute()).toHaveLength(0);
    expect((await enrolmentOf('199104252015032001')).status).toBe('enrolled');
    const done = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/finish`, {
      enrollmentIds: [sitti.id, rizal.id],
      passed: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    const ledger = await ctx.database.db.selectFrom('jp_ledger').selectAll().orderBy('title').execute();
    expect(ledger.map((l) => [l.year, l.jp, l.source])).toEqual([
      [2026, 24, 'training'],
      [2026, 24, 'training'],
    ]);
  });

  it('reports the year’s 20 JP per OPD and who is short, to BKPSDM for all and to a supervisor for their unit', async () => {
    const all = (await trainingAdmin.get('/api/v1/training/jp?year=2026')).json();
    expect(all).toMatchObject({ year: 2026, required: 20, employees: 6, met: 2 });
    expect(all.byOrganization).toEqual([
      { organizationId: 'bpbd', name: expect.any(String), employees: 2, met: 0, percent: 0 },
      { organizationId: 'kominfo', name: expect.any(String), employees: 4, met: 2, percent: 50 },
    ]);
    expect(all.short.map((r: { nip: string; short: number }) => r.short)).toEqual([20, 20, 20, 20]);
    const unit = (await supervisor.get('/api/v1/training/jp?year=2026')).json();
    expect(unit.employees).toBe(3);
    expect(unit.short.map((r: { nip: string }) => r.nip).sort()).toEqual(['197808122003121002', '199009092023211005']);
    const mine = (await employee.get('/api/v1/me/training?year=2026')).json();
    expect(mine.compliance).toEqual({ jp: 24, required: 20, short: 0, met: true });
    expect(mine.enrollments[0]).toMatchObject({
      status: 'completed',
      title: 'Pemetaan Risiko Bencana dengan GIS',
      jp: 24,
    });
    expect((await employee.get('/api/v1/training/jp?year=2026')).statusCode).toBe(404);
  });

  it('exports the year’s JP as XLSX (a supervisor their unit) and reminds those short, by how much', async () => {
    const x = await trainingAdmin.get('/api/v1/training/jp.xlsx?year=2026');
    expect(x.statusCode).toBe(200);
    const sheet = await readSheet(x.rawPayload, 'xlsx', { maxRows: 100, columns: 8, noun: { id: 'JP', en: 'JP' } });
    expect(sheet.ok && sheet.records[0]!.cells).toEqual([
      'nip',
      'nama',
      'perangkat_daerah',
      'unit',
      'jp',
      'wajib',
      'kurang',
      'memenuhi',
    ]);
    expect(sheet.ok && sheet.records.find((r) => r.cells[0] === '199104252015032001')!.cells.slice(4)).toEqual([
      '24',
      '20',
      '0',
      'ya',
    ]);
    const unit = await readSheet((await supervisor.get('/api/v1/training/jp.xlsx?year=2026')).rawPayload, 'xlsx', {
      maxRows: 100,
      columns: 8,
      noun: { id: 'JP', en: 'JP' },
    });
    expect(unit.ok && unit.records.length - 1).toBe(3);
    expect((await trainingAdmin.post('/api/v1/training/jp/reminders', { year: 2026 })).json()).toEqual({ reminded: 2 }); // Hasan and the BPBD head have accounts and 0 JP
    expect((await supervisor.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Hak 20 JP 2026: kurang 20 JP',
    );
    expect((await supervisor.post('/api/v1/training/jp/reminders', { year: 2026 })).statusCode).toBe(404);
  });
});

describe('outside activities claimed for JP, approved by the supervisor', () => {
  let claimId: string;
  const today = () => ctx.clock.now().toISOString().slice(0, 10);

  it('takes a claim with its evidence, refuses a future date and a non-web evidence link', async () => {
    const body = {
      kind: 'seminar',
      title: 'Seminar Mitigasi Likuefaksi Kota Palu',
      organizer: 'Universitas Tadulako',
      heldOn: today(),
      minutes: 180,
      evidenceUrl: 'https://drive.palukota.go.id/sertifikat/seminar-likuefaksi.pdf',
    };
    const future = await employee.post('/api/v1/me/jp-claims', { ...body, heldOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(
      (await employee.post('/api/v1/me/jp-claims', { ...body, evidenceUrl: 'javascript:alert(1)' })).statusCode,
    ).toBe(400);
    // An empty date says what to do, not "tanggal format ISO tidak valid" (issue 23).
    const noDate = (await employee.post('/api/v1/me/jp-claims', { ...body, heldOn: '' })).json();
    expect(noDate.error.fields).toEqual([{ field: 'heldOn', message: 'Wajib diisi.' }]);
    expect(
      (await employee.post('/api/v1/me/jp-claims', { ...body, heldOn: '31-12-2026' })).json().error.fields[0].message,
    ).toBe('Tanggal tidak valid. Tulis hh/bb/tttt, mis. 12/03/1995.');
    const ok = await employee.post('/api/v1/me/jp-claims', body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().jp).toBe(4); // 180 minutes = 4 × 45
    claimId = ok.json().id;
    expect(
      await ctx.database.db.selectFrom('jp_ledger').selectAll().where('source', '=', 'claim').execute(),
    ).toHaveLength(0);
  });

  it('shows the claim to the employee’s supervisor only, who must give a reason to reject, and approval posts the JP once', async () => {
    const waiting = (await supervisor.get('/api/v1/training/jp-claims')).json().claims;
    expect(waiting.map((c: { id: string }) => c.id)).toEqual([claimId]);
    expect((await otherSupervisor.get('/api/v1/training/jp-claims')).json().claims).toEqual([]);
    expect(
      (await otherSupervisor.post(`/api/v1/training/jp-claims/${claimId}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(404);
    expect(
      (await supervisor.post(`/api/v1/training/jp-claims/${claimId}/decision`, { approve: false, note: null }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await supervisor.post(`/api/v1/training/jp-claims/${claimId}/decision`, {
          approve: true,
          note: 'Sertifikat sesuai.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await supervisor.post(`/api/v1/training/jp-claims/${claimId}/decision`, {
          approve: false,
          note: 'Berubah pikiran.',
        })
      ).statusCode,
    ).toBe(409);
    const ledger = await ctx.database.db.selectFrom('jp_ledger').selectAll().where('source', '=', 'claim').execute();
    expect(ledger.map((l) => [l.jp, l.claim_id])).toEqual([[4, claimId]]);
    const mine = (await employee.get(`/api/v1/me/training?year=${today().slice(0, 4)}`)).json();
    expect(mine.claims[0]).toMatchObject({ status: 'approved', jp: 4 });
    expect((await employee.get('/api/v1/me/notifications')).json().notifications[0].title).toBe(
      'Klaim JP disetujui: Seminar Mitigasi Likuefaksi Kota Palu',
    );
  });

  it('does not let a supervisor decide their own claim', async () => {
    const own = await supervisor.post('/api/v1/me/jp-claims', {
      kind: 'coaching',
      title: 'Coaching kepemimpinan',
      organizer: 'BPSDM Sulteng',
      heldOn: today(),
      minutes: 90,
      evidenceUrl: 'https://example.org/bukti',
    });
    expect(own.statusCode).toBe(201);
    expect(
      (await supervisor.get('/api/v1/training/jp-claims')).json().claims.map((c: { id: string }) => c.id),
    ).not.toContain(own.json().id);
    expect(
      (await supervisor.post(`/api/v1/training/jp-claims/${own.json().id}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(409);
    expect(
      (await trainingAdmin.post(`/api/v1/training/jp-claims/${own.json().id}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
  });
});
