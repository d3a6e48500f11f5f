/**
 * Education and competency history through the API: BKPSDM keeps a person's records (forms, the
 * ijazah PDF, exactly one highest education), imports sheets all or nothing with a message per
 * row, and decides corrections; the person sees only their own records beside Merit's own
 * training and proposes corrections with a PDF; nobody else reads them. Every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { employeeIdsByNip, employeesByIds, meritCompetencyOf } from '../development/index.ts';

let ctx: TestContext;
let trainingAdmin: Agent;
let admin: Agent;
let employee: Agent;
let colleague: Agent;
let supervisor: Agent;
let unlinked: Agent;
const NIP = {
  head: '197808122003121002',
  aisyah: '199104252015032001',
  andi: '199009092023211005',
};
const ids: Record<string, string> = {};

const csv = (name: string, header: string, rows: string[]) =>
  multipart({ name, data: Buffer.from(`${header}\n${rows.join('\n')}\n`), type: 'text/csv' });
const EDU = 'nip,jenjang,institusi,jurusan,tahun_lulus,tertinggi';
const COMP = 'nip,jenis,tingkat,judul,penyelenggara,tanggal_mulai,tanggal_selesai,jp,sesuai_jabatan';
const del = (agent: Agent, url: string) => agent.request('DELETE', url);
const count = async (table: 'education_records' | 'competency_records' | 'education_corrections') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
const emailOf = async (a: Agent) => (await a.get('/api/v1/me')).json().account.email as string;

beforeAll(async () => {
  ctx = await createTestContext({ clock: new ManualClock(new Date('2026-08-12T02:00:00Z')) });
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  admin = await signedInAgent(ctx, 'admin');
  employee = await signedInAgent(ctx, 'employee');
  colleague = await signedInAgent(ctx, 'employee');
  supervisor = await signedInAgent(ctx, 'supervisor');
  unlinked = await signedInAgent(ctx, 'employee');
  const rows = [
    `${NIP.head},Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,,${await emailOf(supervisor)}`,
    `${NIP.aisyah},Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,${NIP.head},${await emailOf(employee)}`,
    `${NIP.andi},Andi Baso Tondei,PPPK,2023-02-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan Operasional,Terampil,V,${NIP.head},${await emailOf(colleague)}`,
  ];
  const res = await trainingAdmin.upload(
    'POST',
    '/api/v1/employees/import?commit=true',
    csv(
      'pegawai.csv',
      'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email',
      rows,
    ),
  );
  if (!res.json().committed) throw new Error(res.body);
  const byNip = await employeeIdsByNip(ctx.database.db, Object.values(NIP));
  for (const [k, nip] of Object.entries(NIP)) ids[k] = byNip.get(nip)!;
});
afterAll(() => ctx?.close());

describe('education history', () => {
  it('imports nothing from a sheet with bad rows, and says what is wrong on each line in Indonesian', async () => {
    const res = await trainingAdmin.upload(
      'POST',
      '/api/v1/records/education/import?commit=true',
      csv('pendidikan.csv', EDU, [
        `${NIP.aisyah},SMA,SMA Negeri 1 Palu,IPA,2009,N`,
        `${NIP.aisyah},S4,Universitas Tadulako,Informatika,2014,Y`,
        `199001012015031001,S-1,Universitas Tadulako,Hukum,2012,N`,
        `${NIP.andi},S-1,Universitas Tadulako,Ekonomi,2015,Y`,
        `${NIP.andi},D-III,Politeknik Palu,Akuntansi,2011,Y`,
        `${NIP.andi},S-2,Universitas Hasanuddin,Manajemen,2030,N`,
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, ok: false, counts: { new: 2, error: 4 } });
    const problems = (line: number) =>
      body.report
        .find((r: { line: number }) => r.line === line)
        .problems.map((p: { id: string }) => p.id)
        .join(' ');
    expect(problems(3)).toContain('Jenjang "S4" tidak dikenal');
    expect(problems(4)).toContain('tidak ada dalam data pegawai Kota Palu');
    expect(problems(6)).toContain('sudah ditandai pendidikan tertinggi di baris 5');
    expect(problems(7)).toContain('Tahun lulus 2030 belum terjadi');
    expect(await count('education_records')).toBe(0);
    expect(await audits('education.import')).toBe(0);
  });

  it('checks a clean sheet first, then imports all of it once; importing it again adds nothing', async () => {
    const sheet = () =>
      csv('pendidikan.csv', EDU, [
        `${NIP.aisyah},SMA,SMA Negeri 1 Palu,IPA,2009,N`,
        `${NIP.aisyah},S-1,Universitas Tadulako,Teknik Informatika,2014,Y`,
        `${NIP.andi},D-III,Politeknik Palu,Akuntansi,2011,`,
      ]);
    const dry = (await trainingAdmin.upload('POST', '/api/v1/records/education/import', sheet())).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { new: 3, update: 0, error: 0 } });
    expect(await count('education_records')).toBe(0);
    const done = (await trainingAdmin.upload('POST', '/api/v1/records/education/import?commit=true', sheet())).json();
    expect(done).toMatchObject({ committed: true, counts: { new: 3 } });
    const again = (await trainingAdmin.upload('POST', '/api/v1/records/education/import?commit=true', sheet())).json();
    expect(again).toMatchObject({ committed: true, counts: { new: 0, update: 3 } });
    expect(await count('education_records')).toBe(3);
    expect(await audits('education.import')).toBe(2);
    const andi = (await admin.get(`/api/v1/records/employees/${ids.andi}`)).json();
    // A person with records always has exactly one highest: the sheet left it blank, so the top jenjang is it.
    expect(andi.education.map((e: { level: string; isHighest: boolean }) => [e.level, e.isHighest])).toEqual([
      ['d3', true],
    ]);
  });

  it('BKPSDM adds an S-2 marked highest (the S-1 is unmarked), edits, uploads the ijazah, and moves the mark back', async () => {
    const added = await trainingAdmin.post(`/api/v1/records/employees/${ids.aisyah}/education`, {
      level: 's2',
      institution: 'Universitas Hasanuddin',
      major: 'Sistem Informasi',
      graduationYear: 2020,
      isHighest: true,
    });
    expect(added.statusCode, added.body).toBe(201);
    const s2 = added.json().id as string;
    const list = async () => (await trainingAdmin.get(`/api/v1/records/employees/${ids.aisyah}`)).json();
    const highest = async () =>
      (await list()).education.filter((e: { isHighest: boolean }) => e.isHighest).map((e: { id: string }) => e.id);
    expect(await highest()).toEqual([s2]);

    const future = await trainingAdmin.patch(`/api/v1/records/education/${s2}`, {
      level: 's2',
      institution: 'Universitas Hasanuddin',
      major: 'Sistem Informasi',
      graduationYear: 2027,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ field: 'graduationYear' });
    expect(
      (
        await trainingAdmin.patch(`/api/v1/records/education/${s2}`, {
          level: 's2',
          institution: 'Universitas Hasanuddin',
          major: 'Magister Sistem Informasi',
          graduationYear: 2021,
        })
      ).statusCode,
    ).toBe(200);

    const notPdf = await trainingAdmin.upload(
      'POST',
      `/api/v1/records/education/${s2}/ijazah`,
      multipart({ name: 'ijazah.pdf', data: Buffer.from('bukan pdf sama sekali'), type: 'application/pdf' }),
    );
    expect(notPdf.statusCode).toBe(400);
    const up = await trainingAdmin.upload(
      'POST',
      `/api/v1/records/education/${s2}/ijazah`,
      multipart({ name: 'ijazah.pdf', data: await makePdf(), type: 'application/pdf' }),
    );
    expect(up.statusCode, up.body).toBe(200);
    const file = await employee.get(`/api/v1/records/education/${s2}/ijazah`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await colleague.get(`/api/v1/records/education/${s2}/ijazah`)).statusCode).toBe(404);

    const s1 = (await list()).education.find((e: { level: string }) => e.level === 's1').id as string;
    expect((await admin.post(`/api/v1/records/education/${s1}/highest`)).statusCode).toBe(200);
    expect(await highest()).toEqual([s1]);
    expect(await audits('education.highest')).toBe(1);

    // Deleting the highest hands the mark to the next highest jenjang.
    expect((await del(trainingAdmin, `/api/v1/records/education/${s1}`)).statusCode).toBe(200);
    expect(await highest()).toEqual([s2]);
    expect(await audits('education.add')).toBe(1);
    expect(await audits('education.edit')).toBe(1);
    expect(await audits('education.delete')).toBe(1);
    expect(await audits('education.ijazah')).toBe(1);
  });
});

describe('competency history', () => {
  it('refuses a sheet with impossible dates, JP missing or without a date, and saves nothing', async () => {
    const res = await trainingAdmin.upload(
      'POST',
      '/api/v1/records/competency/import?commit=true',
      csv('kompetensi.csv', COMP, [
        `${NIP.aisyah},teknis,,Analisis Data,BPSDM,,2023-02-30,24,`,
        `${NIP.aisyah},teknis,,Analisis Data Lanjut,BPSDM,2023-03-10,2023-03-01,24,`,
        `${NIP.aisyah},teknis,,Tanpa JP,BPSDM,,2023-03-01,,`,
        `${NIP.aisyah},seminar,,JP Tanpa Tanggal,BKN,,,8,`,
        `${NIP.aisyah},seminar,,Webinar Depan,BKN,,2026-12-01,,`,
        `${NIP.aisyah},kepemimpinan,PKP,PKP Angkatan III,BPSDMD Sulteng,2021-03-01,2021-06-30,,`,
      ]),
    );
    const body = res.json();
    expect(body).toMatchObject({ committed: false, ok: false, counts: { new: 1, error: 5 } });
    const all = body.report.flatMap((r: { problems: { id: string }[] }) => r.problems.map((p) => p.id)).join(' ');
    for (const text of [
      '2023-02-30 tidak ada di kalender',
      'sebelum tanggal mulai',
      'Diklat teknis wajib mencantumkan JP',
      'JP diisi tetapi tanggal_selesai kosong',
      '2026-12-01 belum terjadi',
    ])
      expect(all).toContain(text);
    expect(await count('competency_records')).toBe(0);
  });

  it('imports a clean sheet, and BKPSDM adds, edits and deletes single records with the same rules', async () => {
    const done = await trainingAdmin.upload(
      'POST',
      '/api/v1/records/competency/import?commit=true',
      csv('kompetensi.csv', COMP, [
        `${NIP.aisyah},kepemimpinan,Diklatpim IV,PKP Angkatan III,BPSDMD Sulteng,2021-03-01,2021-06-30,,`,
        `${NIP.aisyah},fungsional,,Diklat Fungsional Pranata Komputer,BPS,,2016-05-13,,Y`,
        `${NIP.aisyah},teknis,,Analisis Data,BPSDM,01/08/2025,05/08/2025,40,`,
      ]),
    );
    expect(done.json()).toMatchObject({ committed: true, counts: { new: 3 } });
    const bad = await trainingAdmin.post(`/api/v1/records/employees/${ids.aisyah}/competency`, {
      kind: 'teknis',
      leadershipLevel: null,
      matchesJabatan: null,
      title: 'Tanpa JP',
      organizer: 'BPSDM',
      startedOn: null,
      completedOn: '2025-01-10',
      jp: null,
    });
    expect(bad.statusCode).toBe(400);
    const future = await trainingAdmin.post(`/api/v1/records/employees/${ids.aisyah}/competency`, {
      kind: 'seminar',
      leadershipLevel: null,
      matchesJabatan: null,
      title: 'Webinar Depan',
      organizer: 'BKN',
      startedOn: null,
      completedOn: '2026-09-01',
      jp: null,
    });
    expect(future.statusCode).toBe(400);
    const body = {
      kind: 'seminar' as const,
      leadershipLevel: null,
      matchesJabatan: null,
      title: 'Webinar Keamanan Siber',
      organizer: 'BSSN',
      startedOn: null,
      completedOn: '2024-02-29',
      jp: 3,
    };
    const added = await trainingAdmin.post(`/api/v1/records/employees/${ids.aisyah}/competency`, body);
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    expect((await admin.patch(`/api/v1/records/competency/${id}`, { ...body, jp: 4 })).statusCode).toBe(200);
    const rec = (await admin.get(`/api/v1/records/employees/${ids.aisyah}`)).json();
    expect(rec.competency.map((c: { title: string; jp: number | null }) => [c.title, c.jp])).toContainEqual([
      'Webinar Keamanan Siber',
      4,
    ]);
    expect(rec.competency.find((c: { kind: string }) => c.kind === 'kepemimpinan').leadershipLevel).toBe('pkp');
    expect((await del(admin, `/api/v1/records/competency/${id}`)).statusCode).toBe(200);
    expect(await count('competency_records')).toBe(3);
    expect(await audits('competency.add')).toBe(1);
    expect(await audits('competency.delete')).toBe(1);
  });

  it("shows Merit's own approved JP claims beside the history (development's named read)", async () => {
    const claim = await employee.post('/api/v1/me/jp-claims', {
      kind: 'seminar',
      title: 'Seminar Nasional Transformasi Digital',
      organizer: 'Kominfo',
      heldOn: '2026-07-20',
      minutes: 180,
      evidenceUrl: 'https://contoh.id/sertifikat.pdf',
    });
    expect(claim.statusCode, claim.body).toBe(201);
    const decided = await trainingAdmin.post(`/api/v1/training/jp-claims/${claim.json().id}/decision`, {
      approve: true,
      note: null,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const merit = await meritCompetencyOf(ctx.database.db, ids.aisyah!);
    expect(merit.claims).toEqual([
      expect.objectContaining({ title: 'Seminar Nasional Transformasi Digital', heldOn: '2026-07-20', jp: 4 }),
    ]);
    expect(merit.completions).toEqual([]);
    expect((await meritCompetencyOf(ctx.database.db, ids.andi!)).claims).toEqual([]);
    expect((await employeesByIds(ctx.database.db, [ids.aisyah!]))[0]).toMatchObject({ nip: NIP.aisyah });
    const mine = (await employee.get('/api/v1/me/records')).json();
    expect(mine.merit.claims).toHaveLength(1);
  });
});

describe('the person and their corrections', () => {
  it('the employee sees only their own records; nobody else reads them', async () => {
    const mine = await employee.get('/api/v1/me/records');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().employee.nip).toBe(NIP.aisyah);
    expect(mine.json().education.length).toBeGreaterThan(0);
    expect((await colleague.get('/api/v1/me/records')).json().employee.nip).toBe(NIP.andi);
    expect((await unlinked.get('/api/v1/me/records')).statusCode).toBe(404);
    for (const agent of [employee, colleague, supervisor])
      expect((await agent.get(`/api/v1/records/employees/${ids.aisyah}`)).statusCode).toBe(404);
    expect((await new Agent(ctx.app).get('/api/v1/me/records')).statusCode).toBe(401);
  });

  it('proposes a correction with a PDF, BKPSDM accepts it with a note once; evidence for them only', async () => {
    const own = (await employee.get('/api/v1/me/records')).json().education[0].id as string;
    const theirs = (await colleague.get('/api/v1/me/records')).json().education[0].id as string;
    const form = async (proposal: string, recordId: string, pdf = true) =>
      multipart(
        { name: 'bukti.pdf', data: pdf ? await makePdf() : Buffer.from('teks biasa'), type: 'application/pdf' },
        { proposal, educationRecordId: recordId },
      );
    const short = await employee.upload('POST', '/api/v1/me/records/corrections', await form('salah', own));
    expect(short.statusCode).toBe(400);
    const other = await employee.upload(
      'POST',
      '/api/v1/me/records/corrections',
      await form('Jurusan saya seharusnya Sistem Informasi.', theirs),
    );
    expect(other.statusCode).toBe(400);
    const notPdf = await employee.upload(
      'POST',
      '/api/v1/me/records/corrections',
      await form('Jurusan saya seharusnya Sistem Informasi.', own, false),
    );
    expect(notPdf.statusCode).toBe(400);
    expect(await count('education_corrections')).toBe(0);
    const ok = await employee.upload(
      'POST',
      '/api/v1/me/records/corrections',
      await form('Jurusan saya seharusnya Sistem Informasi, lihat ijazah.', own),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id as string;

    const queue = (await trainingAdmin.get('/api/v1/records/corrections')).json().corrections;
    expect(queue).toEqual([
      expect.objectContaining({ id, employee: expect.objectContaining({ nip: NIP.aisyah }), status: 'submitted' }),
    ]);
    expect(queue[0].recordSummary).toMatch(/ · /);
    expect((await employee.get('/api/v1/records/corrections')).statusCode).toBe(404);
    expect((await employee.get(`/api/v1/records/corrections/${id}/evidence`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/records/corrections/${id}/evidence`)).statusCode).toBe(200);
    expect((await colleague.get(`/api/v1/records/corrections/${id}/evidence`)).statusCode).toBe(404);

    expect((await admin.post(`/api/v1/records/corrections/${id}/decision`, { decision: 'accepted' })).statusCode).toBe(
      400,
    );
    const decided = await admin.post(`/api/v1/records/corrections/${id}/decision`, {
      decision: 'accepted',
      note: 'Sudah diperbaiki sesuai ijazah.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const twice = await admin.post(`/api/v1/records/corrections/${id}/decision`, {
      decision: 'rejected',
      note: 'Tidak.',
    });
    expect(twice.statusCode).toBe(409);
    const mine = (await employee.get('/api/v1/me/records')).json();
    expect(mine.corrections[0]).toMatchObject({ status: 'accepted', decisionNote: 'Sudah diperbaiki sesuai ijazah.' });
    expect(await audits('education.correction.propose')).toBe(1);
    expect(await audits('education.correction.accept')).toBe(1);
  });

  it('gives the templates to BKPSDM only', async () => {
    const t = await trainingAdmin.get('/api/v1/records/education/template?format=csv');
    expect(t.statusCode).toBe(200);
    expect(t.body).toContain('nip,jenjang,institusi,jurusan,tahun_lulus,tertinggi');
    expect((await admin.get('/api/v1/records/competency/template')).statusCode).toBe(200);
    expect((await employee.get('/api/v1/records/education/template')).statusCode).toBe(404);
  });
});
