/**
 * The competency development plan's index-driven needs (issue 26 §3) through the API: an OPD
 * whose people lack 20 JP of diklat teknis (and whose Kepala Bidang lacks PKA) in the 2025 IP ASN
 * shows those needs, and a diklat teknis offered in an open batch shows its expected gain — the
 * people it covers × their points and the OPD's average after it — as does a PKA; the supervisor
 * sees only their OPD; the sheet and the PDF carry them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let trainingAdmin: Agent;
let supervisor: Agent;
let otherSupervisor: Agent;
const emails: Record<string, string> = {};

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const rows = () => [
  `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,,${emails.supervisor}`,
  '199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,',
  '199307182019031003,Moh. Fadli Tanjumbulu,PNS,2019-03-01,kominfo,Bidang Aplikasi,pelaksana,Pengelola Data,,III/b,197808122003121002,',
  '199009092020121005,Andi Baso Tondei,PNS,2020-12-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan,,II/c,197808122003121002,',
  '199511032021031002,Nur Hikmah Lamaranu,PNS,2021-03-01,kominfo,Bidang Aplikasi,pelaksana,Pengadministrasi Umum,,II/c,197808122003121002,',
  `198206302008012005,Fitriani Lamakampali,PNS,2008-01-01,bpbd,Bidang Kedaruratan,struktural,Kepala Bidang Kedaruratan,Administrator,IV/a,,${emails.otherSupervisor}`,
];
const uuid = () => crypto.randomUUID();
const insert = (table: string, row: Record<string, unknown>) =>
  ctx.database.db
    .insertInto(table as any)
    .values(row)
    .execute();

/** Education, a seminar and a final 2025 predikat for everyone (a complete index); 24 JP teknis for the JF only. */
async function seedRecords(ids: string[], jf: string) {
  const now = new Date();
  for (const id of ids) {
    await insert('education_records', {
      id: uuid(),
      employee_id: id,
      level: 's1',
      institution: 'Universitas Tadulako',
      graduation_year: 2012,
      is_highest: true,
      source: 'bkpsdm',
    });
    await insert('competency_records', {
      id: uuid(),
      employee_id: id,
      kind: 'seminar',
      title: 'Seminar Transformasi Digital',
      completed_on: '2025-05-20',
      source: 'import',
    });
    const plan = uuid();
    await insert('skp_plans', {
      id: plan,
      employee_id: id,
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
      predikat: 'baik',
      status: 'final',
      updated_at: now,
    });
  }
  await insert('competency_records', {
    id: uuid(),
    employee_id: jf,
    kind: 'teknis',
    title: 'Bimtek Keamanan Informasi',
    completed_on: '2025-08-15',
    jp: 24,
    source: 'import',
  });
}

/** A programme with one batch open for enrolment in 2026. */
async function offered(code: string, title: string, kind: string, jp: number) {
  const program = uuid();
  await insert('training_programs', {
    id: program,
    code,
    title,
    kind,
    competency_area: 'Teknis',
    jp,
    modality: 'klasikal',
  });
  await insert('training_batches', {
    id: uuid(),
    program_id: program,
    name: 'Angkatan I 2026',
    starts_on: '2026-08-03',
    ends_on: '2026-08-07',
    venue: 'BKPSDM',
    capacity: 30,
    status: 'open',
  });
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new ManualClock(new Date('2026-06-15T02:00:00Z')) });
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  supervisor = await signedInAgent(ctx, 'supervisor');
  otherSupervisor = await signedInAgent(ctx, 'supervisor');
  for (const [k, a] of Object.entries({ supervisor, otherSupervisor }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
  const sheet = multipart({
    name: 'pegawai.csv',
    data: Buffer.from(`${HEADER}\n${rows().join('\n')}\n`),
    type: 'text/csv',
  });
  const imported = (await trainingAdmin.upload('POST', '/api/v1/employees/import?commit=true', sheet)).json();
  if (!imported.committed) throw new Error(JSON.stringify(imported.report));
  const people = await ctx.database.db
    .selectFrom('employees')
    .select(['id', 'nip'])
    .where('organization_id', '=', 'kominfo')
    .execute();
  await seedRecords(
    people.map((p) => p.id),
    people.find((p) => p.nip === '199104252015032001')!.id,
  );
  await offered('TEK-DATA-26', 'Diklat Teknis Analisis Data', 'teknis', 24);
  await offered('PKA-26', 'Pelatihan Kepemimpinan Administrator', 'pka', 40);
  await offered('SEM-26', 'Seminar Pelayanan Publik', 'seminar', 4);
  const recomputed = await trainingAdmin.post('/api/v1/ip-asn/recompute', { year: 2025 });
  expect(recomputed.statusCode, recomputed.body).toBe(200);
});
afterAll(() => ctx?.close());

type Plan = {
  index: { year: number; instrumentVersion: string } | null;
  organizations: {
    organizationId: string;
    index: {
      people: number;
      measured: number;
      average: number | null;
      needs: { action: string; people: number; gainEach: number; provisional: boolean; text: { id: string } }[];
      trainings: {
        program: { title: string };
        inPlan: boolean;
        openBatches: number;
        covered: number;
        points: number;
        averageChange: number;
        expectedAverage: number;
        provisional: boolean;
      }[];
    } | null;
  }[];
};

describe('index-driven needs in the competency development plan', () => {
  it('shows the OPD’s people lacking 20 JP and a planned diklat teknis’ expected gain', async () => {
    const res = await trainingAdmin.get('/api/v1/performance/competency-plan?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json() as Plan;
    expect(plan.index).toMatchObject({ year: 2025, instrumentVersion: 'perban-8-2019' });
    const kominfo = plan.organizations.find((o) => o.organizationId === 'kominfo')!;
    // Five measured with a complete index: S-1 15, kinerja Baik 25, disiplin 5; kompetensi per jabatan.
    // Pelaksana 17.5 (seminar only) ×3, the JF 25 (24 JP + seminar), the Administrator 10 (seminar).
    expect(kominfo.index).toMatchObject({ people: 5, measured: 5, average: 62.5 });
    const needs = kominfo.index!.needs.map((n) => [n.action, n.people, n.gainEach, n.provisional]);
    expect(needs).toEqual([
      ['teknis', 3, 22.5, true],
      ['teknis', 1, 15, false],
      ['kepemimpinan', 1, 15, false],
      ['fungsional', 1, 15, false],
    ]);
    expect(kominfo.index!.needs[0]!.text.id).toBe(
      '3 pegawai belum diklat teknis ≥ 20 JP dalam 12 bulan terakhir — +22.5 poin Kompetensi masing-masing',
    );
    const teknis = kominfo.index!.trainings.find((t) => t.program.title === 'Diklat Teknis Analisis Data')!;
    // The three pelaksana (+22.5) and the Administrator (+15); the JF already has 24 JP.
    expect(teknis).toMatchObject({
      inPlan: false,
      openBatches: 1,
      covered: 4,
      points: 82.5,
      averageChange: 16.5,
      expectedAverage: 79,
      provisional: true,
    });
    const pka = kominfo.index!.trainings.find((t) => t.program.title === 'Pelatihan Kepemimpinan Administrator')!;
    expect(pka).toMatchObject({ covered: 1, points: 15, averageChange: 3, provisional: false });
    // Everyone already had a seminar: it raises no one and is not listed.
    expect(kominfo.index!.trainings.map((t) => t.program.title)).not.toContain('Seminar Pelayanan Publik');
  });

  it('shows a supervisor only their own OPD, and an OPD without results has no index-driven needs', async () => {
    const mine = (await supervisor.get('/api/v1/performance/competency-plan?year=2026')).json() as Plan;
    expect(mine.organizations.map((o) => o.organizationId)).toEqual(['kominfo']);
    // BPBD's Kepala Bidang has no education on record: measured, incomplete, so no average to move.
    const other = (await otherSupervisor.get('/api/v1/performance/competency-plan?year=2026')).json() as Plan;
    expect(other.organizations.map((o) => o.organizationId)).toEqual(['bpbd']);
    const bpbd = other.organizations[0]!.index!;
    expect(bpbd).toMatchObject({ people: 1, measured: 0, average: null });
    expect(bpbd.needs.map((n) => n.action)).toEqual(['teknis', 'kepemimpinan', 'seminar']);
    expect(bpbd.trainings.find((t) => t.program.title === 'Diklat Teknis Analisis Data')).toMatchObject({
      covered: 1,
      points: 15,
      averageChange: null,
      expectedAverage: null,
    });
    // Before any measured year there is nothing index-driven.
    const early = (await trainingAdmin.get('/api/v1/performance/competency-plan?year=2024')).json() as Plan;
    expect(early.index).toBeNull();
    expect(early.organizations.every((o) => o.index === null)).toBe(true);
  });

  it('carries the needs and the expected gains into the sheet and the PDF', async () => {
    const csv = (await trainingAdmin.get('/api/v1/performance/competency-plan/export?year=2026&format=csv')).body;
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('Perkiraan Perubahan Rata-rata IP ASN OPD');
    expect(
      lines.some((l) => l.includes('Kebutuhan dari IP ASN 2025') && l.includes('3 pegawai belum diklat teknis')),
    ).toBe(true);
    expect(lines.find((l) => l.startsWith('"Dinas Komunikasi') && l.includes('Diklat Teknis Analisis Data'))).toMatch(
      /,4,82\.5,16\.5,ya$/,
    );
    const pdf = await trainingAdmin.get('/api/v1/performance/competency-plan/pdf?year=2026');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
