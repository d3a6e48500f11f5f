/**
 * Palu demo data, written through the services: the city's OPDs and one account per role.
 * Idempotent: a second run changes nothing. The demo password is printed at start-up, never in prod.
 */
import { seedDemoAppointments, seedDemoEmployees, seedDemoTraining } from './development.ts';
import { seedDemoPerformance, seedDemoPolicies } from './performance.ts';
import type { Role } from '../src/db/schema.ts';
import type { Services } from '../src/compose.ts';
import type { Database } from '../src/db/database.ts';
import { AppError } from '../src/errors.ts';
import { seedPracticeBank } from './exam.ts';
import { PALU_ORGANIZATIONS } from './palu.ts';
import { seedDemoParticipation } from './participation.ts';
import { THRESHOLD_RULE_SETS } from '../src/modules/selection/domain/thresholds.ts';
import { PALU_HOLIDAYS } from '../../common/rules/calendar.ts';
import { holidayStore } from '../src/platform/holidays.ts';
import { seedDemoIpAsnFallback } from './ip-report.ts';

export const DEMO_PASSWORD = 'merit-palu-2026';

export const DEMO_ACCOUNTS: {
  role: Role;
  email: string;
  fullName: string;
  organizationId: string | null;
  nik?: string;
  birthDate?: string;
  gender?: 'L' | 'P';
}[] = [
  { role: 'admin', email: 'admin@merit.test', fullName: 'Admin BKPSDM', organizationId: 'bkpsdm' },
  {
    role: 'committee',
    email: 'panitia@merit.test',
    fullName: 'Rahmawati Lamarauna (Panitia Seleksi)',
    organizationId: 'bkpsdm',
  },
  // The two-person rule (announcements, publications) needs a second committee member.
  {
    role: 'committee',
    email: 'panitia2@merit.test',
    fullName: 'Rahmat Hidayat (Panitia Seleksi)',
    organizationId: 'bkpsdm',
  },
  {
    role: 'verifier',
    email: 'verifikator@merit.test',
    fullName: 'Andi Tadulako (Verifikator)',
    organizationId: 'bkpsdm',
  },
  {
    role: 'exam_admin',
    email: 'banksoal@merit.test',
    fullName: 'Dewi Pakava (Admin Bank Soal CAT)',
    organizationId: 'bkpsdm',
  },
  { role: 'proctor', email: 'pengawas@merit.test', fullName: 'Moh. Syarif (Pengawas Ujian)', organizationId: 'bkpsdm' },
  {
    role: 'training_admin',
    email: 'pelatihan@merit.test',
    fullName: 'Nurhayati Kaili (Admin Pelatihan)',
    organizationId: 'bkpsdm',
  },
  {
    role: 'supervisor',
    email: 'atasan@merit.test',
    fullName: 'Ir. Hasan Lasoso (Atasan Langsung)',
    organizationId: 'kominfo',
  },
  { role: 'employee', email: 'pegawai@merit.test', fullName: 'Sitti Aisyah (Pegawai)', organizationId: 'kominfo' },
  { role: 'observer', email: 'pemantau@merit.test', fullName: 'Forum Pemantau Seleksi Sulteng', organizationId: null },
  {
    role: 'applicant',
    email: 'pelamar@merit.test',
    fullName: 'Putri Ayu Lestari',
    organizationId: null,
    nik: '7271045203990001',
    birthDate: '1999-03-12',
    gender: 'P',
  },
  // A citizen without NIK (issue 23 §3): forum registration and consultation comments.
  { role: 'citizen', email: 'warga@merit.test', fullName: 'Muh. Ikbal Talise (Warga)', organizationId: null },
];

/** Passing grades of the years the regulations set (KepMenPANRB 651/2023, 321/2024); admins edit them. */
export async function seedThresholds(database: Database) {
  await database.db
    .insertInto('threshold_rule_sets')
    .values(
      Object.values(THRESHOLD_RULE_SETS).map((r) => ({
        year: r.year,
        regulation: r.regulation,
        rules: JSON.stringify(r.rules),
        uncertain: JSON.stringify(r.uncertain),
      })),
    )
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** The SKB 3 Menteri each year of PALU_HOLIDAYS comes from (common/rules/calendar.ts). */
const PALU_HOLIDAY_SKB: readonly { year: number; skbReference: string }[] = [
  { year: 2024, skbReference: 'SKB 855/2023, 3/2023, 4/2023 jo. SKB 236/2024, 1/2024, 2/2024' },
  { year: 2025, skbReference: 'SKB 1017/2024, 2/2024, 2/2024 jo. SKB 933/2025, 1/2025, 3/2025' },
  { year: 2026, skbReference: 'SKB 1497/2025, 2/2025, 5/2025' },
];

/**
 * Indonesia's national holidays and cuti bersama 2024–2026 (working-day windows need them), and
 * those years marked loaded. A year already loaded is left alone, so an admin's amendments (a day
 * deleted, renamed) survive restarts; 2027 onwards the admin imports.
 */
export async function seedHolidays(database: Database) {
  const loaded = new Set(await holidayStore.loadedYears(database.db));
  const years = PALU_HOLIDAY_SKB.filter((y) => !loaded.has(y.year));
  if (years.length === 0) return;
  await database.db.transaction().execute(async (trx) => {
    await holidayStore.seedDays(
      trx,
      PALU_HOLIDAYS.filter((h) => years.some((y) => h.date.startsWith(`${y.year}-`))).map((h) => ({
        day: h.date,
        name: h.name,
        kind: h.kind,
      })),
    );
    await holidayStore.seedLoaded(trx, years, new Date());
  });
}

const DAY = 86_400_000;

/**
 * A demo CPNS period whose registration is open now, with formations across Palu's OPDs, the demo
 * verifier assigned and (unless turned off) an exam site with one session, so the walk-through
 * reaches the exam without steps nobody wrote down.
 */
export async function seedDemoRecruitment(
  database: Database,
  services: Services,
  opts: { examSession?: boolean } = {},
) {
  if (await database.db.selectFrom('recruitment_periods').select('id').limit(1).executeTakeFirst()) return false;
  const committee = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'panitia@merit.test')
    .executeTakeFirst();
  if (!committee) return false;
  const actor = { accountId: committee.id, role: committee.role, organizationId: committee.organization_id };
  const now = services.clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const year = new Date(now).getUTCFullYear();
  const period = await services.recruitment.createPeriod(actor, {
    code: `CPNS-${year}`,
    name: `Seleksi CPNS Pemerintah Kota Palu ${year}`,
    year,
    type: 'CPNS',
    ageCutoffDate: new Date(now).toISOString().slice(0, 10),
    stages: {
      registration: { start: at(-3), end: at(14) },
      verification: { start: at(-3), end: at(21) },
    },
  });
  // The demo year has no KepMenPANRB of its own yet: the newest regulation's grades stand in,
  // every row marked uncertain, so the walk-through reaches a ranking (admins edit them).
  const newest = THRESHOLD_RULE_SETS[Math.max(...Object.keys(THRESHOLD_RULE_SETS).map(Number))]!;
  await database.db
    .insertInto('threshold_rule_sets')
    .values({
      year,
      regulation: `${newest.regulation} (sementara untuk ${year})`,
      rules: JSON.stringify(newest.rules),
      uncertain: JSON.stringify(Object.keys(newest.rules)),
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const formations = [
    {
      code: 'KOMINFO-01',
      organizationId: 'kominfo',
      jabatan: 'Pranata Komputer Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'],
      needType: 'umum',
      quota: 3,
      placement: 'Dinas Kominfo Kota Palu',
    },
    {
      code: 'KOMINFO-02',
      organizationId: 'kominfo',
      jabatan: 'Pranata Komputer Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Teknik Informatika', 'Sistem Informasi'],
      needType: 'cumlaude',
      quota: 1,
      placement: 'Dinas Kominfo Kota Palu',
    },
    {
      code: 'BPBD-01',
      organizationId: 'bpbd',
      jabatan: 'Analis Kebencanaan Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Geografi', 'Teknik Sipil', 'Geofisika', 'Teknik Geologi'],
      needType: 'umum',
      quota: 2,
      placement: 'BPBD Kota Palu',
    },
    {
      code: 'DINKES-01',
      organizationId: 'dinkes',
      jabatan: 'Dokter Ahli Pertama',
      educationLevels: ['PROFESI'],
      majors: ['Pendidikan Dokter'],
      needType: 'umum',
      quota: 4,
      placement: 'Puskesmas Kota Palu',
    },
    {
      code: 'RSUD-01',
      organizationId: 'rsud-anutapura',
      jabatan: 'Perawat Ahli Pertama',
      educationLevels: ['PROFESI'],
      majors: ['Ners'],
      needType: 'umum',
      quota: 6,
      placement: 'RSUD Anutapura',
    },
    {
      code: 'DIKBUD-01',
      organizationId: 'dikbud',
      jabatan: 'Guru Ahli Pertama - Matematika',
      educationLevels: ['S1'],
      majors: ['Pendidikan Matematika'],
      needType: 'umum',
      quota: 5,
      placement: 'SMP Negeri di Kota Palu',
    },
    {
      code: 'DIKBUD-02',
      organizationId: 'dikbud',
      jabatan: 'Guru Ahli Pertama - Bahasa Indonesia',
      educationLevels: ['S1'],
      majors: ['Pendidikan Bahasa Indonesia'],
      needType: 'disabilitas',
      quota: 1,
      placement: 'SMP Negeri di Kota Palu',
    },
    {
      code: 'BKPSDM-01',
      organizationId: 'bkpsdm',
      jabatan: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Psikologi', 'Manajemen', 'Ilmu Administrasi Negara'],
      needType: 'umum',
      quota: 2,
      placement: 'BKPSDM Kota Palu',
    },
    {
      code: 'DPU-01',
      organizationId: 'dpu',
      jabatan: 'Teknik Tata Bangunan dan Perumahan Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Teknik Sipil', 'Arsitektur'],
      needType: 'umum',
      quota: 2,
      placement: 'Dinas PUPR Kota Palu',
    },
    {
      code: 'SATPOL-01',
      organizationId: 'satpolpp',
      jabatan: 'Polisi Pamong Praja Terampil',
      educationLevels: ['D3'],
      majors: [],
      needType: 'umum',
      quota: 4,
      placement: 'Satpol PP Kota Palu',
    },
  ] as const;
  for (const f of formations)
    await services.recruitment.createFormation(actor, period.id, {
      ...f,
      educationLevels: [...f.educationLevels],
      majors: [...f.majors],
    });
  // The period's committee (SK Panitia): panitia@ opened it; the admin adds the second member.
  const [admin, second] = await Promise.all(
    ['admin@merit.test', 'panitia2@merit.test'].map((e) =>
      database.db
        .selectFrom('accounts')
        .select(['id', 'role', 'organization_id'])
        .where('email_normalized', '=', e)
        .executeTakeFirst(),
    ),
  );
  if (admin && second)
    await services.periodCommittee.addMember(
      { accountId: admin.id, role: admin.role, organizationId: admin.organization_id },
      period.id,
      second.id,
    );
  const verifier = await database.db
    .selectFrom('accounts')
    .select('id')
    .where('email_normalized', '=', 'verifikator@merit.test')
    .executeTakeFirst();
  if (verifier) await services.verification.assignVerifier(actor, period.id, verifier.id);
  if (opts.examSession !== false) {
    const site = await services.examSchedule.createSite(actor, period.id, {
      name: 'UPT BKN Palu',
      address: 'Jl. Tanjung Manimbaya No. 1, Tondo, Kota Palu',
      accessible: true,
    });
    // 08:00 WITA, four weeks out: after registration and verification close.
    const day = new Date(now + 28 * DAY).toISOString().slice(0, 10);
    const session = await services.examSchedule.createSession(actor, site.id, {
      startsAt: `${day}T00:00:00.000Z`,
      durationMinutes: 100,
      capacity: 40,
    });
    // Proctors run only the sessions they are assigned to: the demo proctor gets this one.
    const proctor = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', 'pengawas@merit.test')
      .executeTakeFirst();
    if (proctor) await services.catSessions.assignProctor(actor, session.id, proctor.id);
  }
  return true;
}

export async function seedOrganizations(database: Database): Promise<number> {
  const res = await database.db
    .insertInto('organizations')
    .values(PALU_ORGANIZATIONS)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/** Seeds OPDs and demo accounts; returns the accounts it created (empty when already seeded). */
export async function seedDemo(database: Database, services: Services, opts: { examSession?: boolean } = {}) {
  await seedOrganizations(database);
  const created: typeof DEMO_ACCOUNTS = [];
  for (const a of DEMO_ACCOUNTS) {
    const exists = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', a.email)
      .executeTakeFirst();
    if (exists) continue;
    // Several instances may seed at once: whoever loses the race finds the account made.
    const made = await services.identity
      .createAccountWithPassword({
        email: a.email,
        fullName: a.fullName,
        role: a.role,
        password: DEMO_PASSWORD,
        organizationId: a.organizationId,
        ...(a.nik
          ? { nik: a.nik, birthDate: a.birthDate!, gender: a.gender!, birthPlace: 'Palu', phone: '081234567890' }
          : {}),
      })
      .catch((err) => {
        if (err instanceof AppError && err.code === 'CONFLICT') return null;
        throw err;
      });
    if (made) created.push(a);
  }
  await seedPracticeBank(database, services);
  await seedDemoEmployees(database, services).catch(async (err) => {
    if (await database.db.selectFrom('employees').select('id').limit(1).executeTakeFirst()) return; // another instance seeded them
    throw err;
  });
  await seedDemoTraining(database, services).catch(async (err) => {
    if (await database.db.selectFrom('training_programs').select('id').limit(1).executeTakeFirst()) return;
    throw err;
  });
  await seedDemoPerformance(database, services).catch(async (err) => {
    if (await database.db.selectFrom('skp_plans').select('id').limit(1).executeTakeFirst()) return;
    throw err;
  });
  await seedDemoPolicies(database, services).catch(async (err) => {
    if (await database.db.selectFrom('policies').select('id').limit(1).executeTakeFirst()) return;
    throw err;
  });
  await seedDemoRecruitment(database, services, opts).catch(async (err) => {
    // Another instance seeding at the same moment made the period first: that is fine.
    if (await database.db.selectFrom('recruitment_periods').select('id').limit(1).executeTakeFirst()) return;
    throw err;
  });
  await seedDemoAppointments(database, services).catch(async (err) => {
    // Another instance made last year's procurement at the same moment.
    if (
      await database.db
        .selectFrom('recruitment_periods')
        .select('id')
        .where('code', 'like', 'CASN-%')
        .limit(1)
        .executeTakeFirst()
    )
      return;
    throw err;
  });
  await seedDemoParticipation(database, services).catch(async (err) => {
    if (await database.db.selectFrom('service_units').select('id').limit(1).executeTakeFirst()) return; // another instance seeded it
    throw err;
  });
  // Last: only when nothing computed IP ASN results before it (the reports' pages need some).
  await seedDemoIpAsnFallback(database, services.clock.now()).catch(async (err) => {
    if (await database.db.selectFrom('ip_asn_results').select('year').limit(1).executeTakeFirst()) return;
    throw err;
  });
  return created;
}
