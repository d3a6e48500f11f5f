/**
 * Hukuman disiplin through the API (issue 26 §1, §5): BKPSDM records, corrects and cancels a
 * punishment with its SK and objection; every refusal answers 400 in Indonesian and saves nothing;
 * the import is all rows or none; only BKPSDM and the person themself read a record, and every
 * read is audited. Also the named reads (punishmentsFor, development's employeeCards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, shiftDate } from '../../../../common/rules/calendar.ts';
import { makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { employeeCards } from '../development/index.ts';
import { punishmentsFor } from './index.ts';

let ctx: TestContext;
let admin: Agent;
let trainingAdmin: Agent;
let supervisor: Agent;
let sitti: Agent;
let andi: Agent;
let anonymous: Agent;
let sittiId: string;
let today: string;
const SITTI = '199104252015032001';
const ANDI = '199009092015031005';
const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';

const count = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('discipline_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
const body = (over: Record<string, unknown> = {}) => ({
  nip: SITTI,
  kind: 'teguran_lisan',
  reason: 'Tidak masuk kerja tanpa alasan yang sah 3 hari kerja',
  skNumber: '800/015/DISKOMINFO/2026',
  skDate: shiftDate(today, -30),
  imposedBy: 'Kepala Dinas Komunikasi dan Informatika Kota Palu',
  start: shiftDate(today, -30),
  ...over,
});
const fieldsOf = (res: { json: () => { error: { fields?: { field: string }[] } } }) =>
  (res.json().error.fields ?? []).map((f) => f.field);

beforeAll(async () => {
  ctx = await createTestContext();
  today = localDate(ctx.clock.now());
  admin = await signedInAgent(ctx, 'admin');
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  supervisor = await signedInAgent(ctx, 'supervisor');
  sitti = await signedInAgent(ctx, 'employee');
  andi = await signedInAgent(ctx, 'employee');
  anonymous = new Agent(ctx.app);
  const email = async (a: Agent) => (await a.get('/api/v1/me')).json().account.email as string;
  const sheet = [
    HEADER,
    `${SITTI},Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,,${await email(sitti)}`,
    `${ANDI},Andi Baso,PNS,2015-03-01,bpbd,Bidang Kedaruratan,pelaksana,Pengadministrasi Umum,Pelaksana,II/c,,${await email(andi)}`,
  ].join('\n');
  const imported = (
    await trainingAdmin.upload(
      'POST',
      '/api/v1/employees/import?commit=true',
      multipart({ name: 'pegawai.csv', data: Buffer.from(`${sheet}\n`), type: 'text/csv' }),
    )
  ).json();
  if (!imported.committed) throw new Error(JSON.stringify(imported.report));
  sittiId = (await employeeCards(ctx.database.db, { nips: [SITTI] }))[0]!.id;
}, 180_000);
afterAll(() => ctx?.close());

let teguranId: string;
let tukinId: string;

describe('recording a hukuman disiplin', () => {
  it('BKPSDM records a teguran lisan (ringan) and a tukin cut whose end follows PP 94/2021', async () => {
    const res = await admin.post('/api/v1/discipline/records', body());
    expect(res.statusCode, res.body).toBe(201);
    teguranId = res.json().id;
    const tukin = await trainingAdmin.post(
      '/api/v1/discipline/records',
      body({ kind: 'tukin_25_6', skNumber: '800/016/2026', skDate: '2026-03-01', start: '2026-03-01' }),
    );
    expect(tukin.statusCode, tukin.body).toBe(201);
    tukinId = tukin.json().id;
    const view = (await admin.get(`/api/v1/discipline/records/${tukinId}`)).json();
    expect(view).toMatchObject({
      level: 'sedang',
      end: '2026-08-31',
      objection: { route: 'keberatan', status: 'none' },
    });
    const teguran = (await admin.get(`/api/v1/discipline/records/${teguranId}`)).json();
    expect(teguran).toMatchObject({ level: 'ringan', end: null, employee: { nip: SITTI } });
    expect(teguran.kindName.id).toBe('Teguran lisan');
    const kinds = (await admin.get('/api/v1/discipline/kinds?start=2026-03-01')).json().kinds;
    expect(kinds.find((k: { kind: string }) => k.kind === 'pdhtaps')).toMatchObject({
      route: 'banding',
      level: 'berat',
    });
    expect(kinds.find((k: { kind: string }) => k.kind === 'tukin_25_12').proposedEnd).toBe('2027-02-28');
  });

  it('refuses, in Indonesian and saving nothing: an unknown NIP, end before start, start before the SK, an overlap, a duplicate SK', async () => {
    const before = await count();
    const unknown = await admin.post(
      '/api/v1/discipline/records',
      body({ nip: '199001012015031999', skNumber: 'X/1' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['nip']);
    expect(unknown.body).toContain('tidak ada dalam data pegawai Kota Palu');
    const backwards = await admin.post(
      '/api/v1/discipline/records',
      body({ kind: 'tukin_25_9', skNumber: 'X/2', skDate: '2025-01-01', start: '2025-02-01', end: '2025-01-31' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['end']);
    expect(backwards.body).toContain('tidak boleh sebelum mulainya');
    const early = await admin.post(
      '/api/v1/discipline/records',
      body({ skNumber: 'X/3', start: '2020-01-01', skDate: '2020-01-02' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('tidak boleh sebelum tanggal SK');
    const overlap = await admin.post(
      '/api/v1/discipline/records',
      body({ kind: 'tukin_25_6', skNumber: 'X/4', skDate: '2026-05-01', start: '2026-05-01' }),
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.body).toContain('Bertumpang tindih');
    const duplicate = await admin.post(
      '/api/v1/discipline/records',
      body({ kind: 'teguran_tertulis', skNumber: '800/015/diskominfo/2026' }),
    );
    expect(duplicate.statusCode).toBe(400);
    expect(fieldsOf(duplicate)).toEqual(['skNumber']);
    expect((await admin.post('/api/v1/discipline/records', body({ kind: 'skorsing' }))).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('BKPSDM corrects a record, with the same checks', async () => {
    const edit = {
      kind: 'tukin_25_9',
      reason: 'Tidak masuk kerja tanpa alasan yang sah 14 hari kerja',
      skNumber: '800/016/2026',
      skDate: '2026-03-01',
      imposedBy: 'Wali Kota Palu',
      start: '2026-03-01',
    };
    const fixed = await admin.patch(`/api/v1/discipline/records/${tukinId}`, edit);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ kind: 'tukin_25_9', end: '2026-11-30', imposedBy: 'Wali Kota Palu' });
    const dup = await admin.patch(`/api/v1/discipline/records/${tukinId}`, {
      ...edit,
      skNumber: '800/015/DISKOMINFO/2026',
    });
    expect(dup.statusCode).toBe(400);
    expect(fieldsOf(dup)).toEqual(['skNumber']);
    expect(await audits('discipline.update')).toBe(1);
  });

  it('records the objection (keberatan) and its outcome; a cancelled SK no longer counts nor blocks', async () => {
    const bad = await admin.put(`/api/v1/discipline/records/${tukinId}/objection`, {
      status: 'upheld',
      filedOn: '2026-03-10',
      decidedOn: '2026-03-05',
      note: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['decidedOn']);
    const filed = await admin.put(`/api/v1/discipline/records/${tukinId}/objection`, {
      status: 'filed',
      filedOn: '2026-03-10',
      decidedOn: null,
      note: 'Keberatan kepada atasan pejabat yang berwenang menghukum',
    });
    expect(filed.json()).toMatchObject({ objection: { status: 'filed' }, cancelled: false });
    const cancelled = await admin.put(`/api/v1/discipline/records/${tukinId}/objection`, {
      status: 'cancelled',
      filedOn: '2026-03-10',
      decidedOn: '2026-04-02',
      note: 'Keberatan diterima; SK dibatalkan',
    });
    expect(cancelled.json()).toMatchObject({ cancelled: true, active: false, objection: { status: 'cancelled' } });
    const again = await admin.post(
      '/api/v1/discipline/records',
      body({ kind: 'tukin_25_9', skNumber: 'X/5', skDate: '2026-05-01', start: '2026-05-01' }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const punished = (await punishmentsFor(ctx.database.db, [sittiId, 'ffffffff-ffff-4fff-8fff-ffffffffffff'])).get(
      sittiId,
    )!;
    expect(punished).toHaveLength(3);
    expect(punished.filter((p) => p.cancelled)).toEqual([
      { level: 'sedang', skDate: '2026-03-01', start: '2026-03-01', end: '2026-11-30', cancelled: true },
    ]);
  });

  it('stores the SK only as a PDF and lets only BKPSDM and the person download it', async () => {
    const notPdf = await admin.upload(
      'POST',
      `/api/v1/discipline/records/${teguranId}/sk`,
      multipart({ name: 'sk.pdf', data: Buffer.from('\x89PNG\r\n\x1a\n0000000000000000'), type: 'application/pdf' }),
    );
    expect(notPdf.statusCode).toBe(400);
    const ok = await admin.upload(
      'POST',
      `/api/v1/discipline/records/${teguranId}/sk`,
      multipart({ name: 'sk.pdf', data: await makePdf('SK Teguran Lisan'), type: 'application/pdf' }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasSk).toBe(true);
    const own = await sitti.get(`/api/v1/discipline/records/${teguranId}/sk`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/pdf');
    expect((await trainingAdmin.get(`/api/v1/discipline/records/${teguranId}/sk`)).statusCode).toBe(200);
    expect((await andi.get(`/api/v1/discipline/records/${teguranId}/sk`)).statusCode).toBe(404);
    expect((await supervisor.get(`/api/v1/discipline/records/${teguranId}/sk`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/discipline/records/${teguranId}/sk`)).statusCode).toBe(401);
    expect(await audits('discipline.sk.download')).toBe(2);
  });
});

describe('who sees a record', () => {
  it('the employee sees their own records, with term and objection; another employee sees none of them', async () => {
    const mine = (await sitti.get('/api/v1/discipline/mine')).json();
    expect(mine.employee.nip).toBe(SITTI);
    expect(mine.records.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'teguran_lisan',
      'tukin_25_9',
      'tukin_25_9',
    ]);
    expect(mine.records.find((r: { id: string }) => r.id === tukinId).objection).toMatchObject({
      route: 'keberatan',
      status: 'cancelled',
    });
    expect((await andi.get('/api/v1/discipline/mine')).json()).toMatchObject({ records: [], employee: { nip: ANDI } });
    expect((await sitti.get(`/api/v1/discipline/records/${teguranId}`)).statusCode).toBe(404);
    expect((await sitti.get('/api/v1/discipline/records')).statusCode).toBe(404);
    expect((await supervisor.get('/api/v1/discipline/records')).statusCode).toBe(404);
    expect((await supervisor.get(`/api/v1/discipline/employees/${sittiId}`)).statusCode).toBe(404);
    expect((await supervisor.get('/api/v1/discipline/mine')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/discipline/records')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/discipline/mine')).statusCode).toBe(401);
  });

  it('BKPSDM lists by OPD and running-or-not and sees one employee; every read is audited', async () => {
    const before = {
      list: await audits('discipline.list'),
      employee: await audits('discipline.read_employee'),
      own: await audits('discipline.read_own'),
      read: await audits('discipline.read'),
    };
    const kominfo = (await admin.get('/api/v1/discipline/records?organizationId=kominfo')).json().records;
    expect(kominfo).toHaveLength(3);
    expect((await admin.get('/api/v1/discipline/records?organizationId=bpbd')).json().records).toEqual([]);
    const inactive = (await admin.get('/api/v1/discipline/records?active=inactive')).json().records;
    expect(inactive.every((r: { active: boolean }) => !r.active)).toBe(true);
    const panel = (await trainingAdmin.get(`/api/v1/discipline/employees/${sittiId}`)).json();
    expect(panel.employee.fullName).toBe('Sitti Aisyah');
    expect(panel.records).toHaveLength(3);
    await sitti.get('/api/v1/discipline/mine');
    await admin.get(`/api/v1/discipline/records/${teguranId}`);
    expect(await audits('discipline.list')).toBe(before.list + 3);
    expect(await audits('discipline.read_employee')).toBe(before.employee + 1);
    expect(await audits('discipline.read_own')).toBe(before.own + 1);
    expect(await audits('discipline.read')).toBe(before.read + 1);
    // The person reading their own record is not named in the public log (pseudonymised per subject).
    const me = (await sitti.get('/api/v1/me')).json().account.id;
    const own = await ctx.database.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'discipline.read_own')
      .execute();
    expect(own.every((e) => e.actor_id !== me)).toBe(true);
  });

  it('suggests the Pasal 11 punishment for absence, as a suggestion only', async () => {
    const s = (await admin.get('/api/v1/discipline/absence?year=2026&cumulativeDays=12&longestRun=3')).json();
    expect(s.suggested).toMatchObject({ kind: 'tukin_25_6', level: 'sedang' });
    expect(s.note.id).toContain('keputusan tetap pada pejabat yang berwenang');
    expect(
      (await admin.get('/api/v1/discipline/absence?year=2026&cumulativeDays=10&longestRun=10')).json().suggested.kind,
    ).toBe('pdhtaps');
  });
});

describe('importing a sheet', () => {
  const SHEET_HEADER = 'nip,jenis,alasan,nomor_sk,tanggal_sk,pejabat,mulai,selesai';
  const send = (agent: Agent, lines: string[], commit: boolean) =>
    agent.upload(
      'POST',
      `/api/v1/discipline/import?commit=${commit}`,
      multipart({
        name: 'hukdis.csv',
        data: Buffer.from(`${[SHEET_HEADER, ...lines].join('\n')}\n`),
        type: 'text/csv',
      }),
    );

  it('refuses the whole sheet with a message per row when any row is bad; nothing is saved', async () => {
    const before = await count();
    const res = await send(
      trainingAdmin,
      [
        `${ANDI},teguran_tertulis,Terlambat berulang,IMP/1,2026-01-05,Kepala BPBD,2026-01-05,`,
        `${ANDI},skorsing,Terlambat,IMP/2,2026-01-05,Kepala BPBD,2026-01-05,`,
        `${ANDI},tukin_25_6,Absen,IMP/3,2026-02-30,Kepala BPBD,2026-03-01,`,
        `${ANDI},tukin_25_12,Absen,IMP/4,2026-01-01,Wali Kota,2026-01-01,`,
        `${ANDI},tukin_25_12,Absen,IMP/5,2026-06-01,Wali Kota,2026-06-01,`,
        `199001012015031999,teguran_lisan,Absen,IMP/6,2026-01-05,Kepala BPBD,2026-01-05,`,
        `${SITTI},teguran_lisan,Absen,IMP/7,${shiftDate(today, -30)},Kepala Dinas,${shiftDate(today, -30)},`,
      ],
      true,
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ committed: false, ok: false, counts: { valid: 2, error: 5 } });
    const text = (i: number) => r.report[i].problems.map((p: { id: string }) => p.id).join(' ');
    expect(text(1)).toContain('tidak dikenal');
    expect(text(2)).toContain('bukan tanggal yang ada');
    expect(text(4)).toContain('Bertumpang tindih');
    expect(text(5)).toContain('tidak ada dalam data pegawai');
    expect(text(6)).toContain('Bertumpang tindih');
    expect(await count()).toBe(before);
  });

  it('a dry run reports without saving; the commit saves every row', async () => {
    const lines = [
      `${ANDI},teguran_tertulis,Terlambat berulang,IMP/1,2026-01-05,Kepala BPBD,2026-01-05,`,
      `${ANDI},tukin_25_12,Absen 17 hari,IMP/4,2026-01-01,Wali Kota,2026-01-01,`,
    ];
    const before = await count();
    const dry = (await send(admin, lines, false)).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { valid: 2, error: 0 } });
    expect(await count()).toBe(before);
    const done = (await send(admin, lines, true)).json();
    expect(done).toMatchObject({ committed: true, ok: true });
    expect(await count()).toBe(before + 2);
    const andiId = (await employeeCards(ctx.database.db, { nips: [ANDI] }))[0]!.id;
    expect((await punishmentsFor(ctx.database.db, [andiId])).get(andiId)!.map((p) => p.end)).toContain('2026-12-31');
    expect(await audits('discipline.import')).toBe(1);
    const template = await admin.get('/api/v1/discipline/template?format=csv');
    expect(template.statusCode).toBe(200);
    expect(template.body.split('\n')[0]).toContain(SHEET_HEADER);
  });

  it("development's employeeCards finds records by NIP, account and OPD, and nothing without a filter", async () => {
    expect((await employeeCards(ctx.database.db, { organizationId: 'bpbd' })).map((c) => c.nip)).toEqual([ANDI]);
    expect(await employeeCards(ctx.database.db, {})).toEqual([]);
    expect(await employeeCards(ctx.database.db, { ids: [] })).toEqual([]);
  });
});
