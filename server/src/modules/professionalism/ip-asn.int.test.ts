/**
 * The IP ASN index through the API: BKPSDM edits the instrument only by saving a new version (bad
 * cells refused with Indonesian messages, nothing saved; a used version never changes; audited),
 * assigns it to a year and recomputes — rows of each version kept side by side, the same version
 * replaced — and the results equal the pure computeIpAsn for the seeded records, a discipline
 * record lowering disiplin and a Merit diklat teknis ≥ 20 JP raising kompetensi. A person sees
 * their own index with reasons and what would raise it; another employee gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { meritCompetenciesForIpAsn, openBatchesFrom } from '../development/index.ts';
import { annualPredikatsForIpAsn } from '../performance/index.ts';
import { computeIpAsn, IP_ASN_2019, type IpAsnInput } from './domain/ip-asn.ts';

let ctx: TestContext;
let admin: Agent;
let trainingAdmin: Agent;
let supervisor: Agent;
let otherSupervisor: Agent;
let employee: Agent;
let colleague: Agent;
const emails: Record<string, string> = {};
let sitti: string;
let fadli: string;
let hasan: string;
let defaultId: string;
let paluId: string;

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const rows = () => [
  `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,,${emails.supervisor}`,
  `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,${emails.employee}`,
  `199307182019031003,Moh. Fadli Tanjumbulu,PNS,2019-03-01,kominfo,Bidang Aplikasi,pelaksana,Pengelola Data,,III/b,197808122003121002,${emails.colleague}`,
  '199009092023211005,Andi Baso Tondei,PPPK,2023-02-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan,Terampil,V,197808122003121002,',
  `198206302008012005,Fitriani Lamakampali,PNS,2008-01-01,bpbd,Bidang Kedaruratan,struktural,Kepala Bidang Kedaruratan,Administrator,IV/a,,${emails.otherSupervisor}`,
];
const idOf = async (nip: string) =>
  (await ctx.database.db.selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
const audits = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
const uuid = () => crypto.randomUUID();
const insert = (table: string, row: Record<string, unknown>) =>
  ctx.database.db
    .insertInto(table as any)
    .values(row)
    .execute();

/** A completed Merit training, a final annual predikat, and the records another helper's pages keep. */
async function seedRecords() {
  const [program, batch, open] = [uuid(), uuid(), uuid()];
  await insert('training_programs', {
    id: program,
    code: 'TEK-ANDAT',
    title: 'Analisis Data untuk Kebijakan',
    kind: 'teknis',
    competency_area: 'Data',
    jp: 24,
    modality: 'klasikal',
  });
  await insert('training_batches', {
    id: batch,
    program_id: program,
    name: 'Angkatan I 2025',
    starts_on: '2025-09-01',
    ends_on: '2025-09-05',
    venue: 'BKPSDM',
    capacity: 30,
    status: 'closed',
  });
  await insert('training_batches', {
    id: open,
    program_id: program,
    name: 'Angkatan II 2026',
    starts_on: '2026-08-03',
    ends_on: '2026-08-07',
    venue: 'BKPSDM',
    capacity: 30,
    status: 'open',
  });
  const now = new Date();
  await insert('enrollments', {
    id: uuid(),
    batch_id: batch,
    employee_id: sitti,
    source: 'bkpsdm',
    status: 'completed',
    requested_at: now,
    updated_at: now,
  });
  for (const [who, level] of [
    [sitti, 's2'],
    [fadli, 's1'],
  ] as const)
    await insert('education_records', {
      id: uuid(),
      employee_id: who,
      level,
      institution: 'Universitas Tadulako',
      graduation_year: 2012,
      is_highest: true,
      source: 'bkpsdm',
    });
  for (const who of [sitti, fadli])
    await insert('competency_records', {
      id: uuid(),
      employee_id: who,
      kind: 'seminar',
      title: 'Seminar Transformasi Digital',
      completed_on: '2025-05-20',
      source: 'import',
    });
  for (const [who, predikat] of [
    [sitti, 'baik'],
    [fadli, 'sangat_baik'],
  ] as const) {
    const plan = uuid();
    await insert('skp_plans', {
      id: plan,
      employee_id: who,
      year: 2025,
      organization_id: 'kominfo',
      status: 'agreed',
      updated_at: now,
    });
    await insert('skp_evaluations', {
      id: uuid(),
      plan_id: plan,
      period: 'annual',
      organization_id: 'kominfo',
      year: 2025,
      source: 'import',
      rating_results: 'meets',
      rating_behaviour: 'meets',
      predikat,
      status: 'final',
      updated_at: now,
    });
  }
  const adminAccount = (await admin.get('/api/v1/me')).json().account.id;
  await insert('discipline_records', {
    id: uuid(),
    employee_id: sitti,
    kind: 'teguran_tertulis',
    level: 'ringan',
    reason: 'Tidak masuk kerja tanpa keterangan',
    sk_number: '800/12/BKPSDM/2025',
    sk_date: '2025-03-10',
    imposed_by: 'Kepala Dinas Kominfo',
    start_on: '2025-03-10',
    recorded_by: adminAccount,
  });
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new ManualClock(new Date('2026-06-15T02:00:00Z')) });
  admin = await signedInAgent(ctx, 'admin');
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  supervisor = await signedInAgent(ctx, 'supervisor');
  otherSupervisor = await signedInAgent(ctx, 'supervisor');
  employee = await signedInAgent(ctx, 'employee');
  colleague = await signedInAgent(ctx, 'employee');
  for (const [k, a] of Object.entries({ supervisor, otherSupervisor, employee, colleague }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
  const sheet = multipart({
    name: 'pegawai.csv',
    data: Buffer.from(`${HEADER}\n${rows().join('\n')}\n`),
    type: 'text/csv',
  });
  const imported = (await trainingAdmin.upload('POST', '/api/v1/employees/import?commit=true', sheet)).json();
  if (!imported.committed) throw new Error(JSON.stringify(imported.report));
  [sitti, fadli, hasan] = (await Promise.all(
    ['199104252015032001', '199307182019031003', '197808122003121002'].map(idOf),
  )) as [string, string, string];
  await seedRecords();
});
afterAll(() => ctx?.close());

describe('the instrument as versioned data', () => {
  it('shows the 2019 instrument with its provisional cells; only BKPSDM sees it', async () => {
    const res = await trainingAdmin.get('/api/v1/ip-asn/instruments');
    expect(res.statusCode, res.body).toBe(200);
    const { instruments } = res.json();
    expect(instruments).toHaveLength(1);
    expect(instruments[0]).toMatchObject({ version: 'perban-8-2019', inUse: false, basedOn: null });
    expect(instruments[0].provisionalCells).toBeGreaterThan(10);
    expect(instruments[0].body.education.s1_d4).toMatchObject({ points: 15, verified: false });
    expect(instruments[0].body.bands.at(-1)).toEqual({ min: 0, band: 'sangat_rendah' });
    defaultId = instruments[0].id;
    expect((await employee.get('/api/v1/ip-asn/instruments')).statusCode).toBe(404);
    expect((await supervisor.get('/api/v1/ip-asn/instruments')).statusCode).toBe(404);
  });

  it('refuses bad cells with a message per field and saves nothing', async () => {
    const body = structuredClone((await admin.get('/api/v1/ip-asn/instruments')).json().instruments[0].body);
    body.education.s1_d4.points = 30;
    body.disiplin.ringan.points = 5.5;
    body.bands[1].min = 95;
    const res = await admin.post('/api/v1/ip-asn/instruments', {
      version: 'Palu 2026',
      basedOn: defaultId,
      note: 'x',
      body,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'version',
        'note',
        'body.education.s1_d4.points',
        'body.disiplin.ringan.points',
        'body.bands',
      ]),
    );
    const s1 = res.json().error.fields.find((f: { field: string }) => f.field === 'body.education.s1_d4.points');
    expect(s1.message).toContain('harus antara 0 dan 25');
    expect((await admin.get('/api/v1/ip-asn/instruments')).json().instruments).toHaveLength(1);
  });

  it('an edit saves a new version based on the old one, audited; a taken version name is refused', async () => {
    const body = structuredClone((await admin.get('/api/v1/ip-asn/instruments')).json().instruments[0].body);
    body.kinerja.baik = { points: 27, verified: false, note: 'Keputusan BKPSDM Palu 2026 (sementara)' };
    const res = await admin.post('/api/v1/ip-asn/instruments', {
      version: 'palu-2026',
      basedOn: defaultId,
      note: 'Poin Baik dinaikkan sambil menunggu pemetaan BKN',
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    paluId = res.json().id;
    const again = await admin.post('/api/v1/ip-asn/instruments', {
      version: 'palu-2026',
      basedOn: defaultId,
      note: 'Percobaan ulang',
      body,
    });
    expect(again.statusCode).toBe(409);
    const list = (await admin.get('/api/v1/ip-asn/instruments')).json().instruments;
    expect(list.map((i: { version: string }) => i.version)).toEqual(['perban-8-2019', 'palu-2026']);
    expect(list[1]).toMatchObject({ basedOnVersion: 'perban-8-2019', inUse: false });
    expect(list[0].body.kinerja.baik.points).toBe(25);
    expect(await audits('ip_asn.instrument.create')).toBe(1);
  });
});

describe('recomputing', () => {
  const sittiInput = (asOf: string): IpAsnInput => ({
    asOf,
    jabatan: 'fungsional',
    education: ['s2'],
    competencies: [
      { kind: 'seminar', date: '2025-05-20' },
      { kind: 'teknis', date: '2025-09-05', jp: 24 },
    ],
    predikat: { year: 2025, predikat: 'baik' },
    punishments: [{ level: 'ringan', skDate: '2025-03-10', start: '2025-03-10', end: null, cancelled: false }],
  });

  it('computes every measured employee for a year under the default version and assigns it; equals computeIpAsn', async () => {
    const res = await admin.post('/api/v1/ip-asn/recompute', { year: 2025 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().years).toEqual([
      {
        year: 2025,
        version: 'perban-8-2019',
        computed: 5,
        complete: expect.any(Number),
        incomplete: expect.any(Number),
        changed: 5,
      },
    ]);
    const stored = await ctx.database.db
      .selectFrom('ip_asn_results as r')
      .innerJoin('ip_asn_details as d', 'd.hash', 'r.detail_hash')
      .selectAll('r')
      .select('d.detail')
      .where('r.year', '=', 2025)
      .where('r.employee_id', 'in', [sitti, fadli])
      .execute();
    const s = stored.find((r) => r.employee_id === sitti)!;
    const expected = computeIpAsn(IP_ASN_2019, sittiInput('2025-12-31'));
    expect(s.detail).toEqual(JSON.parse(JSON.stringify(expected)));
    // Kompetensi: fungsional not done 0 + teknis 24 JP ≥ 20 → 15 + seminar 10; disiplin ringan → 3.
    expect([Number(s.kualifikasi), Number(s.kompetensi), Number(s.kinerja), Number(s.disiplin)]).toEqual([
      20, 25, 25, 3,
    ]);
    expect(Number(s.total)).toBe(73);
    expect(s).toMatchObject({
      band: 'sedang',
      complete: true,
      provisional: true,
      employee_status: 'PNS',
      jabatan_type: 'fungsional',
    });
    const f = stored.find((r) => r.employee_id === fadli)!;
    // No discipline record → 5; pelaksana without teknis JP → 0 + seminar 17.5.
    expect([Number(f.kompetensi), Number(f.disiplin), Number(f.total)]).toEqual([17.5, 5, 15 + 17.5 + 30 + 5]);
    expect(
      (await ctx.database.db.selectFrom('ip_asn_years').selectAll().where('year', '=', 2025).executeTakeFirst())
        ?.instrument_id,
    ).toBe(defaultId);
    expect(await audits('ip_asn.recompute')).toBe(1);
  });

  it('the Merit diklat teknis raises kompetensi: without it Sitti would score 15 points less', () => {
    const input = sittiInput('2025-12-31');
    const without = computeIpAsn(IP_ASN_2019, {
      ...input,
      competencies: input.competencies.filter((c) => c.kind !== 'teknis'),
    });
    expect(computeIpAsn(IP_ASN_2019, input).dimensions.kompetensi.points - without.dimensions.kompetensi.points).toBe(
      15,
    );
  });

  it('another version measures the year: its rows sit beside the old ones, and recomputing replaces only its own', async () => {
    expect((await admin.put('/api/v1/ip-asn/years/2025', { instrumentId: paluId })).statusCode).toBe(200);
    expect(await audits('ip_asn.year.assign')).toBe(1);
    const first = await admin.post('/api/v1/ip-asn/recompute', { year: 2025 });
    expect(first.json().years[0].changed).toBe(5); // every row of the new version is new
    const again = await trainingAdmin.post('/api/v1/ip-asn/recompute', { allYears: true });
    // Nothing changed for 2025 under its version: no row is written again, the stored ones stand.
    expect(again.json().years[0]).toMatchObject({ year: 2025, computed: 5, changed: 0 });
    expect(again.json().years.map((y: { year: number; version: string }) => `${y.year}:${y.version}`)).toEqual([
      '2025:palu-2026',
      '2026:perban-8-2019',
    ]);
    const rowsOf = await ctx.database.db
      .selectFrom('ip_asn_results')
      .select(['instrument_id', 'total'])
      .where('employee_id', '=', sitti)
      .where('year', '=', 2025)
      .execute();
    expect(rowsOf.map((r) => r.instrument_id).sort()).toEqual([defaultId, paluId].sort());
    // Baik is worth 27 in the new version, 25 in the old one.
    expect(Number(rowsOf.find((r) => r.instrument_id === paluId)!.total)).toBe(75);
    expect(Number(rowsOf.find((r) => r.instrument_id === defaultId)!.total)).toBe(73);
    const list = (await admin.get('/api/v1/ip-asn/instruments')).json();
    expect(list.instruments.every((i: { inUse: boolean }) => i.inUse)).toBe(true);
    expect(list.years).toEqual([
      { year: 2025, instrumentId: paluId, version: 'palu-2026', results: 5 },
      { year: 2026, instrumentId: defaultId, version: 'perban-8-2019', results: 5 },
    ]);
    // The used version is unchanged: versions have no update, and its body still holds Baik = 25.
    expect(list.instruments[0].body.kinerja.baik.points).toBe(25);
    expect((await admin.post('/api/v1/ip-asn/recompute', { year: 2030 })).statusCode).toBe(400);
  });

  it('the named reads of development and performance return the sources in bulk', async () => {
    const merit = await meritCompetenciesForIpAsn(ctx.database.db, [sitti, fadli]);
    expect(merit.trainings).toEqual([
      { employee_id: sitti, kind: 'teknis', title: 'Analisis Data untuk Kebijakan', jp: 24, ends_on: '2025-09-05' },
    ]);
    expect(merit.claims).toEqual([]);
    expect((await openBatchesFrom(ctx.database.db, '2026-06-15')).map((b) => b.name)).toEqual(['Angkatan II 2026']);
    const predikats = await annualPredikatsForIpAsn(ctx.database.db, null, 2025);
    expect(predikats.filter((p) => p.employee_id === sitti)).toEqual([
      { employee_id: sitti, year: 2025, predikat: 'baik' },
    ]);
    expect(await annualPredikatsForIpAsn(ctx.database.db, [sitti], 2024)).toEqual([]);
  });
});

describe("a person's index", () => {
  it('the employee sees each year with reasons, the running year live, and what would raise it linked to action', async () => {
    const res = await employee.get('/api/v1/me/ip-asn');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      self: true,
      employee: { fullName: 'Sitti Aisyah', status: 'PNS', jabatanType: 'fungsional' },
    });
    expect(view.years.map((y: { year: number; live: boolean }) => [y.year, y.live])).toEqual([
      [2025, false],
      [2026, true],
    ]);
    const y2025 = view.years[0];
    expect(y2025).toMatchObject({ version: 'palu-2026', result: { total: 75 } });
    expect(y2025.otherVersions).toEqual([{ version: 'perban-8-2019', total: 73, band: 'sedang' }]);
    expect(y2025.result.dimensions.disiplin.lines[0].text.id).toContain('Hukuman disiplin tingkat ringan pada 2025');
    // 15 June 2026: the September 2025 training is inside the 12-month window, the seminar of May 2025 is not.
    const live = view.years[1].result;
    expect(live.dimensions.kompetensi.points).toBe(15);
    const seminar = view.raises.find((r: { action: string }) => r.action === 'seminar');
    expect(seminar.gain).toBe(10);
    const fungsional = view.raises.find((r: { action: string }) => r.action === 'fungsional');
    expect(fungsional.text.id).toContain('Diklat fungsional');
    const fadliView = (await colleague.get('/api/v1/me/ip-asn')).json();
    const teknis = fadliView.raises.find((r: { action: string }) => r.action === 'teknis');
    expect(teknis).toMatchObject({ gain: 22.5, jpMissing: 20 });
    expect(teknis.links).toEqual([
      { label: expect.objectContaining({ id: expect.stringContaining('Angkatan II 2026') }), to: '/skp/saya' },
    ]);
  });

  it('BKPSDM opens anyone, a supervisor their own team only, another employee nobody', async () => {
    expect((await colleague.get(`/api/v1/ip-asn/employees/${sitti}`)).statusCode).toBe(404);
    expect((await otherSupervisor.get(`/api/v1/ip-asn/employees/${sitti}`)).statusCode).toBe(404);
    const bySupervisor = await supervisor.get(`/api/v1/ip-asn/employees/${sitti}`);
    expect(bySupervisor.statusCode, bySupervisor.body).toBe(200);
    expect(bySupervisor.json().self).toBe(false);
    // The supervisor gets the disiplin points, not the words naming the punishment.
    const d2025 = bySupervisor.json().years[0].result.dimensions.disiplin;
    expect(d2025.points).toBe(3);
    expect(d2025.lines[0].text.id).toContain('hanya dapat dilihat oleh pegawai yang bersangkutan dan BKPSDM');
    expect(JSON.stringify(bySupervisor.json())).not.toContain('Hukuman disiplin tingkat');
    expect(await audits('ip_asn.employee.read')).toBe(1);
    expect((await supervisor.get(`/api/v1/ip-asn/employees/${hasan}`)).json().self).toBe(true);
    const byAdmin = (await admin.get(`/api/v1/ip-asn/employees/${fadli}`)).json();
    const teknis = byAdmin.raises.find((r: { action: string }) => r.action === 'teknis');
    expect(teknis.links[0].to).toMatch(/^\/pelatihan\/angkatan\//);
    expect((await admin.get(`/api/v1/ip-asn/employees/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('BKPSDM recomputes one person for every assigned year, audited', async () => {
    const res = await admin.post(`/api/v1/ip-asn/employees/${sitti}/recompute`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().years.map((y: { computed: number }) => y.computed)).toEqual([1, 1]);
    expect(await audits('ip_asn.recompute.employee')).toBe(2);
    expect(
      (await ctx.database.db.selectFrom('ip_asn_results').select('year').where('year', '=', 2025).execute()).length,
    ).toBe(10);
  });
});
