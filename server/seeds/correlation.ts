/**
 * The demo seed's synthetic cohort for "does selection pick people who perform?" (issue 26 §4):
 * a past CPNS period (code DEMO-…, shown everywhere as "Data demo (sintetis)") with 120 appointees,
 * their SKD subtests, SKB, Latsar post-test and first-year SKP predikat. Generated from a seeded
 * PRNG: one latent ability drives the selection scores and, more weakly, the outcomes, plus noise,
 * so the relationship is moderate and real; the page computes ρ from the rows, nothing is fixed.
 *
 * Written in one function with batched inserts (not through the services: 120 accounts through
 * argon2 and 120 appointments one by one would cost the demo seed tens of seconds). The rows are
 * what the services would write: applicants who passed, their scores, an employee record linked to
 * the application, a completed Latsar enrolment and a final annual SKP evaluation. The applicant
 * accounts cannot sign in (no password hash matches).
 */
import type { Services } from '../src/compose.ts';
import type { Database, Executor } from '../src/db/database.ts';
import { seededRandom } from '../src/modules/exam/domain/form.ts';
import { DEMO_PERIOD_PREFIX } from '../../common/contracts/correlation.ts';

export const DEMO_COHORT_CODE = `${DEMO_PERIOD_PREFIX}CPNS-2024`;
const TMT = '2025-03-01';

/** The formations of the demo period: jabatan (formation type), OPD, jenis kebutuhan, people appointed (120 in all). */
const FORMATIONS = [
  { code: 'D-GURU-MTK', jabatan: 'Guru Ahli Pertama - Matematika', org: 'dikbud', need: 'umum', n: 26 },
  { code: 'D-GURU-BIN', jabatan: 'Guru Ahli Pertama - Bahasa Indonesia', org: 'dikbud', need: 'umum', n: 14 },
  { code: 'D-GURU-DIS', jabatan: 'Guru Ahli Pertama - IPA', org: 'dikbud', need: 'disabilitas', n: 4 },
  { code: 'D-PERAWAT', jabatan: 'Perawat Ahli Pertama', org: 'rsud-anutapura', need: 'umum', n: 22 },
  { code: 'D-DOKTER', jabatan: 'Dokter Ahli Pertama', org: 'dinkes', need: 'umum', n: 10 },
  { code: 'D-PRAKOM', jabatan: 'Pranata Komputer Ahli Pertama', org: 'kominfo', need: 'umum', n: 16 },
  { code: 'D-PRAKOM-CL', jabatan: 'Pranata Komputer Ahli Pertama', org: 'kominfo', need: 'cumlaude', n: 12 },
  { code: 'D-ANALIS-BB', jabatan: 'Analis Kebencanaan Ahli Pertama', org: 'bpbd', need: 'umum', n: 10 },
  { code: 'D-ANALIS-SDM', jabatan: 'Analis SDM Aparatur Ahli Pertama', org: 'bkpsdm', need: 'umum', n: 6 },
] as const;

const PREDIKAT = ['sangat_kurang', 'kurang', 'butuh_perbaikan', 'baik', 'sangat_baik'] as const;
/** The ratings that give each predikat in the PermenPANRB 6/2022 matrix (performance/domain/predikat.ts). */
const RATINGS: Record<(typeof PREDIKAT)[number], ['above' | 'meets' | 'below', 'above' | 'meets' | 'below']> = {
  sangat_baik: ['above', 'above'],
  baik: ['meets', 'meets'],
  butuh_perbaikan: ['below', 'meets'],
  kurang: ['meets', 'below'],
  sangat_kurang: ['below', 'below'],
};

export interface DemoAppointee {
  formation: number;
  twk: number;
  tiu: number;
  tkp: number;
  skbHundredths: number;
  latsar: number;
  predikat: (typeof PREDIKAT)[number];
}

/**
 * The synthetic cohort: ability a ~ N(0, 1) shapes every selection score (with its own noise) and,
 * at about half the weight against noise, the Latsar score and the SKP predikat. Scores are kept
 * inside what someone who passed SKD can have (TWK ≥ 65, TIU ≥ 80, TKP ≥ 166; maxima 150/175/225).
 */
export function demoCohort(seed = 'merit-demo-cohort-2024'): DemoAppointee[] {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  const people: DemoAppointee[] = [];
  FORMATIONS.forEach((f, formation) => {
    for (let i = 0; i < f.n; i++) {
      const a = normal();
      const perf = 0.5 * a + 0.85 * normal();
      const cut = [-1.9, -1.3, -0.7, 0.9]; // mostly baik, as SKP distributions are
      people.push({
        formation,
        twk: clamp(95 + 14 * (0.6 * a + 0.8 * normal()), 65, 150),
        tiu: clamp(110 + 16 * (0.7 * a + 0.7 * normal()), 80, 175),
        tkp: clamp(185 + 9 * (0.4 * a + 0.9 * normal()), 166, 225),
        skbHundredths: clamp(7600 + 700 * (0.6 * a + 0.8 * normal()), 5000, 9900),
        latsar: clamp(82 + 6 * (0.5 * a + 0.85 * normal()), 60, 100),
        predikat: PREDIKAT[cut.filter((c) => perf > c).length]!,
      });
    }
  });
  return people;
}

/** Seeds the cohort once (skipped when the period exists or the demo committee account is missing). */
export async function seedDemoCorrelationCohort(database: Database, services: Services): Promise<void> {
  const db = database.db;
  const exists = () =>
    db.selectFrom('recruitment_periods').select('id').where('code', '=', DEMO_COHORT_CODE).executeTakeFirst();
  if (await exists()) return;
  const panitia = await db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'panitia@merit.test')
    .executeTakeFirst();
  if (!panitia) return;
  const period = await services.recruitment
    .createPeriod(
      { accountId: panitia.id, role: panitia.role, organizationId: panitia.organization_id },
      {
        code: DEMO_COHORT_CODE,
        name: 'Data demo (sintetis): Seleksi CPNS Kota Palu 2024',
        year: 2024,
        type: 'CPNS',
        ageCutoffDate: '2024-08-01',
        stages: {
          registration: { start: '2024-08-20T00:00:00.000Z', end: '2024-09-10T00:00:00.000Z' },
          verification: { start: '2024-08-20T00:00:00.000Z', end: '2024-09-20T00:00:00.000Z' },
        },
      },
    )
    .catch(async (err: unknown) => {
      if (await exists()) return null; // another instance seeding at the same moment made it first
      throw err;
    });
  if (period) await insertCohort(database, services, period.id, demoCohort());
}

/**
 * The cohort's rows for a period, table by table in one transaction, each table in one or two
 * statements. `offset` numbers the people from offset + 1 (a second cohort, in tests, needs its
 * own NIPs, e-mails and registration numbers); NIPs stay unique up to 12,000 people.
 */
export async function insertCohort(
  database: Database,
  services: Pick<Services, 'ids'>,
  periodId: string,
  people: readonly DemoAppointee[],
  offset = 0,
) {
  const uuid = () => services.ids.uuid();
  const formationIds = FORMATIONS.map(() => uuid());
  const rows = people.map((p, i) => ({
    p,
    i: i + offset,
    account: uuid(),
    app: uuid(),
    employee: uuid(),
    no: String(i + offset + 1).padStart(3, '0'),
  }));
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('formations')
      .values(
        FORMATIONS.map((f, i) => ({
          id: formationIds[i]!,
          period_id: periodId,
          code: f.code,
          organization_id: f.org,
          jabatan: f.jabatan,
          education_levels: ['S1'],
          majors: [],
          need_type: f.need,
          quota: f.n,
          placement: null,
        })),
      )
      .execute();
    await trx
      .insertInto('accounts')
      .values(
        rows.map((r) => ({
          id: r.account,
          email: `demo.kohort.${r.no}@merit.test`,
          email_normalized: `demo.kohort.${r.no}@merit.test`,
          password_hash: '!demo-sintetis', // matches no password: these people never sign in
          role: 'employee' as const,
          full_name: `Peserta Demo Sintetis ${r.no}`,
          organization_id: FORMATIONS[r.p.formation]!.org,
        })),
      )
      .execute();
    await trx
      .insertInto('applications')
      .values(
        rows.map((r) => ({
          id: r.app,
          period_id: periodId,
          applicant_id: r.account,
          formation_id: formationIds[r.p.formation]!,
          registration_no: `REG-DEMO24-${r.no}`,
          participant_no: `DEMO24${r.no}`,
          status: 'ms',
          published_result: 'ms' as const,
          submitted_at: '2024-09-01T02:00:00.000Z',
          created_at: '2024-09-01T02:00:00.000Z',
          updated_at: '2024-09-01T02:00:00.000Z',
        })),
      )
      .execute();
    await insertScores(trx, periodId, rows);
    await insertRecords(trx, rows, uuid, offset);
  });
}

type Row = { p: DemoAppointee; i: number; account: string; app: string; employee: string; no: string };
async function insertScores(trx: Executor, periodId: string, rows: readonly Row[]) {
  await trx
    .insertInto('skd_scores')
    .values(
      rows.map((r) => ({
        application_id: r.app,
        period_id: periodId,
        twk: r.p.twk,
        tiu: r.p.tiu,
        tkp: r.p.tkp,
        source: 'import' as const,
      })),
    )
    .execute();
  await trx
    .insertInto('skb_scores')
    .values(
      rows.map((r) => ({
        application_id: r.app,
        period_id: periodId,
        components: JSON.stringify({ cat_skb: r.p.skbHundredths / 100 }),
        skb_hundredths: r.p.skbHundredths,
      })),
    )
    .execute();
}

/**
 * Each appointee's CPNS record (TMT 1 March 2025, linked to the application), a completed Latsar
 * with its post-test score, and the final annual SKP 2025 with its predikat.
 */
async function insertRecords(trx: Executor, rows: readonly Row[], uuid: () => string, offset: number) {
  // Birth month from the thousands and a 3-digit sequence keep NIPs unique up to 12,000 people (a bench's cohorts).
  const month = (r: Row) => String(1 + (Math.floor(r.i / 1000) % 12)).padStart(2, '0');
  const birth = (r: Row) => `199${r.i % 8}-${month(r)}-1${r.i % 10}`;
  const sequence = (r: Row) => String(r.i % 1000).padStart(3, '0');
  await trx
    .insertInto('employees')
    .values(
      rows.map((r) => ({
        id: r.employee,
        // NIP: birth date, TMT year-month, gender digit, a sequence (18 digits).
        nip: `${birth(r).replaceAll('-', '')}202503${1 + (r.i % 2)}${sequence(r)}`,
        status: 'PNS' as const,
        full_name: `Peserta Demo Sintetis ${r.no}`,
        gender: r.i % 2 === 0 ? ('L' as const) : ('P' as const),
        birth_date: birth(r),
        tmt: TMT,
        organization_id: FORMATIONS[r.p.formation]!.org,
        unit: 'Data demo (sintetis)',
        jabatan_kind: 'fungsional' as const,
        jabatan: FORMATIONS[r.p.formation]!.jabatan,
        jenjang: 'Ahli Pertama',
        golongan: 'III/a',
        account_id: r.account,
        application_id: r.app,
      })),
    )
    .execute();
  const program = uuid();
  const batch = uuid();
  await trx
    .insertInto('training_programs')
    .values({
      id: program,
      code: offset === 0 ? 'LATSAR-DEMO-2025' : `LATSAR-DEMO-2025-${offset}`,
      title: 'Latsar CPNS 2025 (data demo sintetis)',
      kind: 'latsar',
      competency_area: 'Dasar CPNS',
      jp: 120,
      modality: 'blended',
      post_test_pass: 60,
      eligibility: JSON.stringify({ statuses: ['CPNS'] }),
      cost_rupiah: 0,
    })
    .execute();
  await trx
    .insertInto('training_batches')
    .values({
      id: batch,
      program_id: program,
      name: offset === 0 ? 'Angkatan Demo 2025' : `Angkatan Demo 2025-${offset}`,
      starts_on: '2025-05-05',
      ends_on: '2025-07-25',
      venue: 'BKPSDM Kota Palu',
      capacity: 200,
      status: 'closed',
    })
    .execute();
  await trx
    .insertInto('enrollments')
    .values(
      rows.map((r) => ({
        id: uuid(),
        batch_id: batch,
        employee_id: r.employee,
        status: r.p.latsar >= 60 ? ('completed' as const) : ('not_completed' as const),
        source: 'appointment' as const,
        requested_at: '2025-03-03T01:00:00.000Z',
        updated_at: '2025-07-25T09:00:00.000Z',
        post_test_score: r.p.latsar,
      })),
    )
    .execute();
  await insertSkp(trx, rows, uuid);
}

/** The agreed SKP 2025 of each appointee and its final annual evaluation (imported, as from e-Kinerja). */
async function insertSkp(trx: Executor, rows: readonly Row[], uuid: () => string) {
  const plans = rows.map((r) => ({ r, id: uuid() }));
  await trx
    .insertInto('skp_plans')
    .values(
      plans.map(({ r, id }) => ({
        id,
        employee_id: r.employee,
        year: 2025,
        organization_id: FORMATIONS[r.p.formation]!.org,
        status: 'agreed' as const,
        agreed_at: '2025-03-20T02:00:00.000Z',
        updated_at: '2025-03-20T02:00:00.000Z',
      })),
    )
    .execute();
  await trx
    .insertInto('skp_evaluations')
    .values(
      plans.map(({ r, id }) => ({
        id: uuid(),
        plan_id: id,
        period: 'annual' as const,
        organization_id: FORMATIONS[r.p.formation]!.org,
        year: 2025,
        source: 'import' as const,
        rating_results: RATINGS[r.p.predikat][0],
        rating_behaviour: RATINGS[r.p.predikat][1],
        predikat: r.p.predikat,
        result_ratings: '{}',
        behaviour_ratings: '{}',
        realisations: '{}',
        note: 'Data demo (sintetis)',
        status: 'final' as const,
        finalised_at: '2026-01-15T02:00:00.000Z',
        updated_at: '2026-01-15T02:00:00.000Z',
      })),
    )
    .execute();
}
