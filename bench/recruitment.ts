/**
 * Load benchmark for the recruitment read paths (run on purpose: `npx tsx bench/recruitment.ts`).
 * Seeds a deterministic period (seeded PRNG; 100,000 applications over 2,000 formations, 3–6
 * timeline events each) straight into the tables, starts `node bin/merit.js serve` on a free
 * loopback port, and drives it open-loop (one request every 1/rate s whatever the responses do,
 * so a slow server shows as latency, not as less load) with a mix of the public catalog (50 %),
 * the verifier queue (25 %) and an applicant's timeline (25 %). Latency is measured from each
 * request's scheduled start. Writes bench/results/recruitment.json.
 * Target on Postgres: p95 ≤ 50 ms at 200 requests/s.
 *
 * Database: DATABASE_URL (a throwaway database is created on that server and dropped at the
 * end), else a throwaway Postgres cluster when /usr/lib/postgresql/{v}/bin/initdb exists, else PGlite.
 *
 * Usage: npx tsx bench/recruitment.ts [--applications N] [--formations N] [--rate R]
 *          [--duration S] [--warmup S] [--explain] [--out FILE]
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { EDUCATION_LEVELS, NEED_TYPES } from '../common/contracts/recruitment.ts';
import { loadConfig } from '../server/src/config.ts';
import { sql } from '../server/src/db/database.ts';
import type { DB } from '../server/src/db/schema.ts';
import { startRuntime } from '../server/src/main.ts';
import { ruleSetFor } from '../server/src/modules/recruitment/application-workflow.ts';
import { hashPassword } from '../server/src/platform/passwords.ts';
import { seedOrganizations } from '../server/seeds/demo.ts';
import { type Target, chooseDatabase } from './support/postgres.ts';
import { type AppServer, startAppServer, stopAppServer } from './support/app-server.ts';
import { postgresCpu, procCpu } from './support/proc.ts';
import { PALU_ORGANIZATIONS } from '../server/seeds/palu.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    applications: { type: 'string' },
    formations: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    sessions: { type: 'string' },
    explain: { type: 'boolean' },
    mix: { type: 'string' },
    out: { type: 'string' },
  },
});
const APPLICATIONS = Number(values.applications ?? 100_000);
const FORMATIONS = Number(values.formations ?? 2_000);
const RATE = Number(values.rate ?? 200);
const DURATION_S = Number(values.duration ?? 30);
const WARMUP_S = Number(values.warmup ?? 5);
const APPLICANT_SESSIONS = Math.min(Number(values.sessions ?? 200), APPLICATIONS);
/** Request mix, e.g. `catalog=50,queue=25,timeline=25` (the default); use one endpoint to isolate it. */
const MIX = (() => {
  const m: Record<string, number> = { catalog: 0, queue: 0, timeline: 0 };
  for (const part of (values.mix ?? 'catalog=50,queue=25,timeline=25').split(',')) {
    const [k, v] = part.split('=');
    if (!k || !(k in m) || !Number.isFinite(Number(v))) throw new Error(`--mix: bad part "${part}"`);
    m[k] = Number(v);
  }
  const sum = m.catalog! + m.queue! + m.timeline!;
  if (!(sum > 0)) throw new Error('--mix: weights must add up to more than 0');
  return { catalog: m.catalog! / sum, queue: m.queue! / sum, timeline: m.timeline! / sum };
})();
const OUT = values.out ?? path.join(ROOT, 'bench/results/recruitment.json');
const SEED = 20250612;
const TARGET = { p95_ms: 50, rate_per_s: 200 };
const REQUEST_TIMEOUT_MS = 15_000;
const GLOBAL_TIMEOUT_MS = (WARMUP_S + DURATION_S) * 1000 + 60_000;
for (const [k, v] of Object.entries({ APPLICATIONS, FORMATIONS, RATE, DURATION_S, WARMUP_S })) {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${k} must be a positive number`);
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** A version-4-shaped UUID drawn from the seeded PRNG (deterministic across runs). */
function uuid(): string {
  const h = Array.from({ length: 4 }, () =>
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(r() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const log = (m: string) => console.log(`[bench] ${m}`);
const CR = process.stdout.isTTY ? '\r' : '\n'; // progress lines overwrite themselves on a terminal only
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

// ── seeding ──────────────────────────────────────────────────────────────────────────────────
const FIRST_L = [
  'Andi',
  'Muhammad',
  'Rahmat',
  'Agus',
  'Fajar',
  'Ilham',
  'Rizky',
  'Arif',
  'Hendra',
  'Yusuf',
  'Moh.',
  'Sandi',
  'Taufik',
  'Wahyu',
  'Irfan',
  'Dedi',
];
const FIRST_P = [
  'Siti',
  'Nur',
  'Putri',
  'Dewi',
  'Rahma',
  'Fitri',
  'Ayu',
  'Sri',
  'Indah',
  'Nurul',
  'Anisa',
  'Wulan',
  'Lestari',
  'Aulia',
  'Citra',
  'Ratna',
];
const LAST = [
  'Lamarauna',
  'Tombolotutu',
  'Pettalolo',
  'Lasaeba',
  'Daeng',
  'Rahman',
  'Hidayat',
  'Saputra',
  'Lamakarate',
  'Tanjumbulu',
  'Pakamundi',
  'Lapasere',
  'Syahrir',
  'Mangun',
  'Yotolembah',
  'Djanggola',
];
const JABATAN = [
  'Pranata Komputer Ahli Pertama',
  'Analis Kebijakan Ahli Pertama',
  'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
  'Perawat Ahli Pertama',
  'Perawat Terampil',
  'Bidan Terampil',
  'Dokter Ahli Pertama',
  'Apoteker Ahli Pertama',
  'Guru Ahli Pertama - Matematika',
  'Guru Ahli Pertama - Bahasa Indonesia',
  'Guru Ahli Pertama - IPA',
  'Penyuluh Pertanian Ahli Pertama',
  'Analis Keuangan Pusat dan Daerah Ahli Pertama',
  'Auditor Ahli Pertama',
  'Arsiparis Terampil',
  'Pranata Keuangan APBN Terampil',
  'Teknik Tata Bangunan dan Perumahan Ahli Pertama',
  'Polisi Pamong Praja Terampil',
  'Pengawas Lingkungan Hidup Ahli Pertama',
  'Statistisi Ahli Pertama',
  'Pranata Hubungan Masyarakat Ahli Pertama',
  'Penata Kelola Sistem dan Teknologi Informasi',
  'Analis Kebencanaan Ahli Pertama',
  'Perencana Ahli Pertama',
];
const MAJORS = [
  'Teknik Informatika',
  'Sistem Informasi',
  'Ilmu Komputer',
  'Manajemen',
  'Akuntansi',
  'Ilmu Administrasi Negara',
  'Hukum',
  'Teknik Sipil',
  'Keperawatan',
  'Kebidanan',
  'Pendidikan Matematika',
  'Agroteknologi',
  'Statistika',
  'Ilmu Komunikasi',
];
const NEED_WEIGHTS: [string, number][] = [
  ['umum', 0.82],
  ['cumlaude', 0.05],
  ['disabilitas', 0.05],
  ['papua', 0.02],
  ['diaspora', 0.01],
  ['kalimantan', 0.02],
  ['daerah_tertinggal', 0.03],
];
const DAY = 86_400_000;

function weighted<T>(ws: [T, number][]): T {
  let u = r();
  for (const [v, w] of ws) {
    if (u < w) return v;
    u -= w;
  }
  return ws[0]![0];
}

interface Seeded {
  periodId: string;
  verifierToken: string;
  applicantTokens: { token: string; applicationId: string }[];
  seconds: number;
  rows: { accounts: number; formations: number; applications: number; events: number };
}

async function insertBatched<T>(label: string, rows: T[], perBatch: number, insert: (batch: T[]) => Promise<unknown>) {
  const t0 = performance.now();
  let nextPct = 10;
  for (let i = 0; i < rows.length; i += perBatch) {
    await insert(rows.slice(i, i + perBatch));
    const pct = Math.floor(((i + perBatch) / rows.length) * 100);
    if (pct >= nextPct || i + perBatch >= rows.length) {
      process.stdout.write(
        `${CR}[bench]   ${label}: ${Math.min(i + perBatch, rows.length).toLocaleString('en')} / ${rows.length.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(1)} s)   `,
      );
      while (nextPct <= pct) nextPct += 10;
    }
  }
  process.stdout.write('\n');
}

async function seed(db: Kysely<DB>): Promise<Seeded> {
  const t0 = performance.now();
  const now = Date.now();
  const passwordHash = await hashPassword('bench-password-not-for-login'); // one argon2id hash, reused
  const orgs = PALU_ORGANIZATIONS.map((o) => o.id);

  // Staff: the measured verifier plus colleagues the seeded applications are assigned to.
  const staff = Array.from({ length: 8 }, (_, i) => ({
    id: uuid(),
    email: `verifikator${i + 1}@bench.merit.test`,
    email_normalized: `verifikator${i + 1}@bench.merit.test`,
    password_hash: passwordHash,
    role: 'verifier' as const,
    full_name: `Verifikator Bench ${i + 1}`,
    organization_id: 'bkpsdm',
    email_verified_at: new Date(now - 30 * DAY),
  }));
  await db.insertInto('accounts').values(staff).execute();
  const verifier = staff[0]!;

  const periodId = uuid();
  const year = new Date(now).getUTCFullYear();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  await db
    .insertInto('recruitment_periods')
    .values({
      id: periodId,
      code: `CPNS-BENCH-${year}`,
      name: `Seleksi CPNS Kota Palu ${year} (bench)`,
      year,
      type: 'CPNS',
      rule_set: JSON.stringify(ruleSetFor(year, 'CPNS')),
      stages: JSON.stringify({
        registration: { start: at(-20), end: at(10) },
        verification: { start: at(-20), end: at(20) },
      }),
      age_cutoff_date: new Date(now).toISOString().slice(0, 10),
    })
    .execute();
  // The committee assigns verifiers to the period; the queue refuses anyone else.
  await db
    .insertInto('period_verifiers')
    .values(staff.map((v) => ({ period_id: periodId, account_id: v.id })))
    .execute();

  // Formations: spread over the OPDs, skewed (a few OPDs such as dikbud/dinkes hold many).
  const formations = Array.from({ length: FORMATIONS }, (_, i) => {
    const edu = [...new Set([pick(EDUCATION_LEVELS), ...(r() < 0.3 ? [pick(EDUCATION_LEVELS)] : [])])];
    const organization_id =
      r() < 0.4 ? pick(['dikbud', 'dinkes', 'rsud-anutapura'].filter((o) => orgs.includes(o))) : pick(orgs);
    return {
      id: uuid(),
      period_id: periodId,
      code: `F${String(i + 1).padStart(5, '0')}`,
      organization_id,
      jabatan: pick(JABATAN),
      education_levels: edu,
      majors: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(MAJORS)),
      need_type: weighted(NEED_WEIGHTS),
      quota: 1 + Math.floor(r() ** 2 * 10),
      placement: `${organization_id.toUpperCase()} Kota Palu`,
    };
  });
  log(
    `seeding ${FORMATIONS.toLocaleString('en')} formations, ${APPLICATIONS.toLocaleString('en')} applicants/applications and their timelines`,
  );
  await insertBatched('formations', formations, 1000, (b) => db.insertInto('formations').values(b).execute());

  // Applicants with unique e-mails and NIKs (7271 CC DDMMYY NNNN; women's day + 40).
  const niks = new Set<string>();
  const applicants = Array.from({ length: APPLICATIONS }, (_, i) => {
    const gender = r() < 0.5 ? ('L' as const) : ('P' as const);
    const by = 1990 + Math.floor(r() * 14);
    const bm = 1 + Math.floor(r() * 12);
    const bd = 1 + Math.floor(r() * 28);
    let nik: string;
    do {
      nik = `7271${String(1 + Math.floor(r() * 8)).padStart(2, '0')}${String(gender === 'P' ? bd + 40 : bd).padStart(2, '0')}${String(bm).padStart(2, '0')}${String(by % 100).padStart(2, '0')}${String(1 + Math.floor(r() * 9999)).padStart(4, '0')}`;
    } while (niks.has(nik));
    niks.add(nik);
    const email = `pelamar${i + 1}@bench.merit.test`;
    return {
      id: uuid(),
      email,
      email_normalized: email,
      password_hash: passwordHash,
      role: 'applicant' as const,
      full_name: `${pick(gender === 'L' ? FIRST_L : FIRST_P)} ${pick(LAST)}`,
      phone: `08${String(Math.floor(r() * 1e10)).padStart(10, '0')}`,
      nik,
      birth_place: 'Palu',
      birth_date: `${by}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`,
      gender,
      email_verified_at: new Date(now - 25 * DAY),
    };
  });
  await insertBatched('accounts', applicants, 2000, (b) => db.insertInto('accounts').values(b).execute());

  // Applications: draft 5 %, submitted 50 % (half claimed by a verifier), ms 30 %, tms 15 %.
  const applications: Record<string, unknown>[] = [];
  const events: { application_id: string; occurred_at: Date; status: string; note_id: string; note_en: string }[] = [];
  for (let i = 0; i < APPLICATIONS; i++) {
    const u = r();
    const status = u < 0.05 ? 'draft' : u < 0.55 ? 'submitted' : u < 0.85 ? 'ms' : 'tms';
    const a = applicants[i]!;
    const created = now - (20 - r() * 15) * DAY;
    const submitted = created + r() * 3 * DAY;
    const decided = submitted + r() * 2 * DAY;
    const id = uuid();
    const claimed = status === 'ms' || status === 'tms' || (status === 'submitted' && r() < 0.5);
    const decidedRow = status === 'ms' || status === 'tms';
    applications.push({
      id,
      period_id: periodId,
      applicant_id: a.id,
      formation_id: formations[Math.floor(FORMATIONS * r() ** 1.5)]!.id,
      registration_no: `CPNS-BENCH-${String(i + 1).padStart(7, '0')}`,
      status,
      biodata:
        status === 'draft'
          ? null
          : JSON.stringify({
              nameOnIjazah: a.full_name,
              educationLevel: pick(EDUCATION_LEVELS),
              major: pick(MAJORS),
              university: 'Universitas Tadulako',
              gpa: 300 + Math.floor(r() * 100),
              address: 'Jl. Sam Ratulangi, Palu',
            }),
      submitted_at: status === 'draft' ? null : new Date(submitted),
      verifier_id: claimed ? pick(staff).id : null,
      proposed_verdict: decidedRow ? status : null,
      proposed_at: decidedRow ? new Date(decided - DAY / 4) : null,
      reviewed_by: decidedRow ? verifier.id : null,
      reviewed_at: decidedRow ? new Date(decided - DAY / 8) : null,
      published_result: decidedRow ? status : null,
      published_at: decidedRow ? new Date(decided) : null,
      created_at: new Date(created),
      updated_at: new Date(status === 'draft' ? created : decidedRow ? decided : submitted),
    });
    // 3–6 timeline events: created, uploads, submitted, claimed, result.
    const n = 3 + Math.floor(r() * 4);
    const tail = decidedRow ? ['submitted', status] : status === 'submitted' ? ['submitted'] : [];
    const uploads = Math.max(0, n - 1 - tail.length);
    let t = created;
    events.push({
      application_id: id,
      occurred_at: new Date(t),
      status: 'draft',
      note_id: 'Lamaran dibuat (draf). Lengkapi dokumen lalu kirim sebelum pendaftaran ditutup.',
      note_en: 'Application created (draft). Upload the documents and submit before registration closes.',
    });
    for (let k = 0; k < uploads; k++) {
      t += (r() * (submitted - created)) / (uploads + 1);
      const doc = pick(['ktp', 'ijazah', 'transkrip', 'pas_foto', 'surat_lamaran', 'swafoto_ktp']);
      events.push({
        application_id: id,
        occurred_at: new Date(t),
        status: 'draft',
        note_id: `Dokumen ${doc} diunggah.`,
        note_en: `Document ${doc} uploaded.`,
      });
    }
    for (const s of tail) {
      t = s === 'submitted' ? Math.max(t + 1000, submitted) : decided;
      events.push(
        s === 'submitted'
          ? {
              application_id: id,
              occurred_at: new Date(t),
              status: s,
              note_id: 'Lamaran dikirim dan dikunci. Menunggu verifikasi administrasi.',
              note_en: 'Application submitted and locked. Awaiting administrative verification.',
            }
          : s === 'ms'
            ? {
                application_id: id,
                occurred_at: new Date(t),
                status: s,
                note_id: 'Hasil seleksi administrasi: Memenuhi Syarat (MS).',
                note_en: 'Administrative result: Eligible (MS).',
              }
            : {
                application_id: id,
                occurred_at: new Date(t),
                status: s,
                note_id:
                  'Hasil seleksi administrasi: Tidak Memenuhi Syarat (TMS).\n- ijazah: Dokumen tidak terbaca\nAnda dapat mengajukan sanggah satu kali.',
                note_en:
                  'Administrative result: Not Eligible (TMS).\n- ijazah: Document unreadable\nYou may file one objection.',
              },
      );
    }
  }
  await insertBatched('applications', applications, 2000, (b) =>
    db
      .insertInto('applications')
      .values(b as never)
      .execute(),
  );
  await insertBatched('application_events', events, 5000, (b) =>
    db.insertInto('application_events').values(b).execute(),
  );

  // Sessions, as login makes them: only the SHA-256 of the cookie token is stored.
  const expires = new Date(now + 12 * 3600_000);
  const token = () => randomBytes(32).toString('base64url');
  const verifierToken = token();
  const chosen = new Set<number>();
  while (chosen.size < APPLICANT_SESSIONS) chosen.add(Math.floor(r() * APPLICATIONS));
  const applicantTokens = [...chosen].map((i) => ({
    token: token(),
    accountId: applicants[i]!.id,
    applicationId: applications[i]!.id as string,
  }));
  await db
    .insertInto('sessions')
    .values([
      { id_hash: sha256(verifierToken), account_id: verifier.id, expires_at: expires },
      ...applicantTokens.map((s) => ({ id_hash: sha256(s.token), account_id: s.accountId, expires_at: expires })),
    ])
    .execute();

  // The planner needs statistics; a live server would have them from autovacuum.
  const ta = performance.now();
  await sql`vacuum analyze`.execute(db).catch(async () => sql`analyze`.execute(db));
  log(`vacuum analyze: ${((performance.now() - ta) / 1000).toFixed(1)} s`);
  return {
    periodId,
    verifierToken,
    applicantTokens,
    seconds: (performance.now() - t0) / 1000,
    rows: {
      accounts: applicants.length + staff.length,
      formations: formations.length,
      applications: applications.length,
      events: events.length,
    },
  };
}

/** EXPLAIN ANALYZE of the SQL the three endpoints run (as Kysely compiles it), for --explain. */
async function explain(db: Kysely<DB>, periodId: string, verifierId: string, applicationId: string) {
  const plans: [string, ReturnType<typeof sql>][] = [
    [
      'catalog total',
      sql`select count(*) as n from formations inner join organizations on organizations.id = formations.organization_id where formations.period_id = ${periodId}`,
    ],
    [
      'catalog page 10',
      sql`select formations.*, organizations.name as organization_name, (select count(*) as n from applications where applications.formation_id = formations.id and applications.status != 'draft' and applications.status != 'withdrawn') as applicants from formations inner join organizations on organizations.id = formations.organization_id where formations.period_id = ${periodId} order by organizations.name, formations.jabatan, formations.code limit 20 offset 180`,
    ],
    [
      'catalog page 1, S1',
      sql`select formations.*, organizations.name as organization_name, (select count(*) as n from applications where applications.formation_id = formations.id and applications.status != 'draft' and applications.status != 'withdrawn') as applicants from formations inner join organizations on organizations.id = formations.organization_id where formations.period_id = ${periodId} and ${'S1'} = any(formations.education_levels) order by organizations.name, formations.jabatan, formations.code limit 20 offset 0`,
    ],
    [
      'queue counts',
      sql`select status, count(*) as n, count(*) filter (where verifier_id is null and status = 'submitted') as unassigned, count(*) filter (where proposed_verdict is not null and reviewed_by is null) as awaiting_review from applications where period_id = ${periodId} group by status`,
    ],
    [
      'queue page 10',
      sql`select applications.id, applications.registration_no, applications.status, applications.submitted_at, applications.verifier_id, applications.proposed_verdict, applications.reviewed_by, applications.published_result, formations.jabatan, formations.code as formation_code, accounts.full_name from applications inner join formations on formations.id = applications.formation_id inner join accounts on accounts.id = applications.applicant_id where applications.period_id = ${periodId} and applications.status not in ('draft', 'withdrawn') order by applications.submitted_at, applications.id limit 25 offset 225`,
    ],
    [
      'session',
      sql`select sessions.id_hash, accounts.role from sessions inner join accounts on accounts.id = sessions.account_id where sessions.id_hash = ${sha256('x')}`,
    ],
    ['timeline own', sql`select * from applications where id = ${applicationId} and applicant_id = ${verifierId}`],
    ['timeline events', sql`select * from application_events where application_id = ${applicationId} order by id`],
  ];
  for (const [label, q] of plans) {
    const res = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q}`.execute(db);
    console.log(`\n── ${label}\n${res.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
  }
}

// ── load ─────────────────────────────────────────────────────────────────────────────────────
type Endpoint = 'catalog' | 'queue' | 'timeline';
interface Stats {
  latencies: number[];
  errors: number;
  statuses: Record<string, number>;
}

async function drive(base: string, s: Seeded) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const stats: Record<Endpoint, Stats> = {
    catalog: { latencies: [], errors: 0, statuses: {} },
    queue: { latencies: [], errors: 0, statuses: {} },
    timeline: { latencies: [], errors: 0, statuses: {} },
  };
  const lr = prng(SEED ^ 0x5bd1e995);
  const lpick = <T>(xs: readonly T[]): T => xs[Math.floor(lr() * xs.length)]!;
  const orgs = PALU_ORGANIZATIONS.map((o) => o.id);

  function request(): { ep: Endpoint; path: string; cookie?: string } {
    const u = lr();
    if (u < MIX.catalog) {
      const q = new URLSearchParams({ periodId: s.periodId });
      if (lr() < 0.3) q.set('organizationId', lpick(orgs));
      if (lr() < 0.3) q.set('educationLevel', lpick(EDUCATION_LEVELS));
      if (lr() < 0.2) q.set('needType', lpick(NEED_TYPES));
      q.set('page', String(1 + Math.floor(lr() * 20)));
      return { ep: 'catalog', path: `/api/v1/public/formations?${q}` };
    }
    if (u < MIX.catalog + MIX.queue)
      return {
        ep: 'queue',
        path: `/api/v1/verification/queue?periodId=${s.periodId}&page=${1 + Math.floor(lr() * 20)}`,
        cookie: `merit_session=${s.verifierToken}`,
      };
    const a = lpick(s.applicantTokens);
    return {
      ep: 'timeline',
      path: `/api/v1/me/applications/${a.applicationId}/timeline`,
      cookie: `merit_session=${a.token}`,
    };
  }

  const total = Math.round(RATE * (WARMUP_S + DURATION_S));
  const intervalMs = 1000 / RATE;
  const t0 = performance.now() + 20;
  const measureFrom = t0 + WARMUP_S * 1000;
  const measureTo = t0 + (WARMUP_S + DURATION_S) * 1000;
  let issued = 0;
  let measuredIssued = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let lagSum = 0;
  let maxLag = 0;
  const pending = new Set<http.ClientRequest>();
  let allDone: () => void = () => {};
  const finished = new Promise<void>((res) => (allDone = res));
  let completedAll = 0;

  const fire = (scheduled: number) => {
    const { ep, path: p, cookie } = request();
    const measured = scheduled >= measureFrom && scheduled < measureTo;
    if (measured) measuredIssued++;
    const lag = performance.now() - scheduled;
    lagSum += lag;
    maxLag = Math.max(maxLag, lag);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let settled = false;
    // Also covers time spent queued in the agent for a socket, which the socket timeout does not.
    const timer = setTimeout(() => req.destroy(new Error('timeout')), REQUEST_TIMEOUT_MS);
    const settle = (ok: boolean, status: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      inFlight--;
      pending.delete(req);
      if (measured) {
        const st = stats[ep];
        st.statuses[status] = (st.statuses[status] ?? 0) + 1;
        if (ok) st.latencies.push(performance.now() - scheduled);
        else st.errors++;
      }
      if (++completedAll === total) allDone();
    };
    const req = http.get(
      `${base}${p}`,
      { agent, headers: cookie ? { cookie, accept: 'application/json' } : { accept: 'application/json' } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          settle((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300, String(res.statusCode)),
        );
        res.on('error', () => settle(false, 'network'));
      },
    );
    pending.add(req);
    req.on('error', (err) => settle(false, err.message === 'timeout' ? 'timeout' : 'network'));
  };

  const tick = () => {
    const now = performance.now();
    while (issued < total && t0 + issued * intervalMs <= now) fire(t0 + issued++ * intervalMs);
    if (issued < total) setTimeout(tick, Math.max(0, t0 + issued * intervalMs - performance.now()));
  };
  const started = Date.now();
  log(
    `load: ${RATE}/s open-loop for ${WARMUP_S} s warm-up + ${DURATION_S} s measured (${total.toLocaleString('en')} requests at most)`,
  );
  const progress = setInterval(() => {
    const el = (performance.now() - t0) / 1000;
    process.stdout.write(`${CR}[bench]   t=${el.toFixed(0)} s issued ${issued} in flight ${inFlight}   `);
  }, 1000);
  setTimeout(tick, 20);
  let timedOut = false;
  const deadline = sleep(GLOBAL_TIMEOUT_MS).then(() => (timedOut = true));
  await Promise.race([finished, deadline]);
  clearInterval(progress);
  process.stdout.write('\n');
  if (timedOut) {
    log(`global timeout: abandoning ${pending.size} requests still in flight`);
    for (const req of [...pending]) req.destroy(new Error('timeout'));
    await sleep(200); // let the destroyed requests report (they count as errors)
  }
  agent.destroy();
  return {
    stats,
    issued,
    measuredIssued,
    maxInFlight,
    meanDispatchLagMs: lagSum / Math.max(1, issued),
    maxDispatchLagMs: maxLag,
    wallSeconds: (Date.now() - started) / 1000,
    timedOut,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// ── main ─────────────────────────────────────────────────────────────────────────────────────
const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-bench-recruitment-'));
let target: Target | undefined;
let server: AppServer | undefined;
const loadBefore = loadavg();
const hardStop = setTimeout(
  () => {
    console.error('[bench] hard stop: the whole run exceeded its time budget');
    process.exitCode = 2;
    server?.proc.kill('SIGKILL');
  },
  60 * 60_000 + GLOBAL_TIMEOUT_MS,
);
hardStop.unref();
try {
  target = await chooseDatabase(dataDir, { log });
  log(`database: ${target.kind} — ${target.version}`);
  const rt = await startRuntime(
    loadConfig({
      ...(target.url ? { DATABASE_URL: target.url } : {}),
      MERIT_DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
    }),
  );
  let seeded: Seeded;
  try {
    log(`migrations: ${rt.migrations}; organizations: ${await seedOrganizations(rt.database)} inserted`);
    seeded = await seed(rt.database.db);
    log(
      `seeded ${Object.entries(seeded.rows)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')} in ${seeded.seconds.toFixed(1)} s`,
    );
    if (values.explain) {
      const v = await rt.database.db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .select('accounts.id')
        .where('accounts.role', '=', 'verifier')
        .executeTakeFirstOrThrow();
      await explain(rt.database.db, seeded.periodId, v.id, seeded.applicantTokens[0]!.applicationId);
    }
  } finally {
    await rt.database.close(); // PGlite is single-process: the server opens it next
  }

  server = await startAppServer({
    databaseUrl: target.url,
    dataDir,
    sessionSecret: randomBytes(32).toString('base64url'),
  });
  log(`server: ${server.base} (pid ${server.proc.pid})`);
  // Sanity: each endpoint answers 200 before the clock starts.
  for (const [p, cookie] of [
    [`/api/v1/public/formations?periodId=${seeded.periodId}`, undefined],
    [`/api/v1/verification/queue?periodId=${seeded.periodId}`, `merit_session=${seeded.verifierToken}`],
    [
      `/api/v1/me/applications/${seeded.applicantTokens[0]!.applicationId}/timeline`,
      `merit_session=${seeded.applicantTokens[0]!.token}`,
    ],
  ] as const) {
    const res = await fetch(`${server.base}${p}`, { headers: cookie ? { cookie } : {} });
    const body = await res.text();
    if (!res.ok) throw new Error(`GET ${p} → ${res.status}: ${body.slice(0, 300)}`);
  }

  const loadAtStart = loadavg();
  const cpu0 = {
    server: procCpu(server.proc.pid)?.self ?? null,
    bench: process.cpuUsage(),
    pg: postgresCpu(target.postmasterPid),
  };
  const run = await drive(server.base, seeded);
  const loadAfter = loadavg();
  const cpu1 = {
    server: procCpu(server.proc.pid)?.self ?? null,
    bench: process.cpuUsage(cpu0.bench),
    pg: postgresCpu(target.postmasterPid),
  };
  const perReq = (a: number | null, b: number | null) =>
    a === null || b === null ? null : round(((b - a) * 1000) / run.issued, 2);
  const cpuPerRequest = {
    server_ms: perReq(cpu0.server, cpu1.server),
    postgres_ms: perReq(cpu0.pg, cpu1.pg),
    load_generator_ms: round((cpu1.bench.user + cpu1.bench.system) / 1000 / run.issued, 2),
  };

  const endpoints = Object.fromEntries(
    (Object.entries(run.stats) as [Endpoint, Stats][]).map(([ep, st]) => {
      const sorted = Float64Array.from(st.latencies).sort();
      const arr = Array.from(sorted);
      return [
        ep,
        {
          count: st.latencies.length + st.errors,
          errors: st.errors,
          p50_ms: round(percentile(arr, 50)),
          p95_ms: round(percentile(arr, 95)),
          p99_ms: round(percentile(arr, 99)),
          max_ms: round(arr.at(-1) ?? NaN),
          statuses: st.statuses,
        },
      ];
    }),
  ) as Record<
    Endpoint,
    {
      count: number;
      errors: number;
      p50_ms: number | null;
      p95_ms: number | null;
      p99_ms: number | null;
      max_ms: number | null;
      statuses: Record<string, number>;
    }
  >;
  const all = Float64Array.from(Object.values(run.stats).flatMap((st) => st.latencies)).sort();
  const allArr = Array.from(all);
  const overallP95 = round(percentile(allArr, 95));
  const completed = Object.values(endpoints).reduce((n, e) => n + e.count, 0);
  const errors = Object.values(endpoints).reduce((n, e) => n + e.errors, 0);
  const achievedRate = round(run.measuredIssued / DURATION_S);
  const isPostgres = target.kind !== 'pglite';
  const met =
    isPostgres &&
    values.mix === undefined &&
    RATE >= TARGET.rate_per_s &&
    errors === 0 &&
    !run.timedOut &&
    overallP95 !== null &&
    overallP95 <= TARGET.p95_ms &&
    Object.values(endpoints).every((e) => e.p95_ms !== null && e.p95_ms <= TARGET.p95_ms);

  console.log('');
  console.log(`endpoint    count  errors   p50 ms   p95 ms   p99 ms   max ms`);
  for (const [ep, e] of Object.entries(endpoints)) {
    console.log(
      `${ep.padEnd(10)} ${String(e.count).padStart(6)} ${String(e.errors).padStart(7)} ${String(e.p50_ms).padStart(8)} ${String(e.p95_ms).padStart(8)} ${String(e.p99_ms).padStart(8)} ${String(e.max_ms).padStart(8)}`,
    );
  }
  console.log(
    `overall    ${String(completed).padStart(6)} ${String(errors).padStart(7)} ${String(round(percentile(allArr, 50))).padStart(8)} ${String(overallP95).padStart(8)} ${String(round(percentile(allArr, 99))).padStart(8)}`,
  );
  console.log(
    `\nachieved ${achievedRate}/s (asked ${RATE}/s), max in flight ${run.maxInFlight}, mean dispatch lag ${run.meanDispatchLagMs.toFixed(2)} ms; load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} → ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`,
  );
  console.log(
    `CPU per request (whole run incl. warm-up): server ${cpuPerRequest.server_ms} ms, postgres ${cpuPerRequest.postgres_ms} ms, load generator ${cpuPerRequest.load_generator_ms} ms`,
  );
  console.log(
    `target p95 ≤ ${TARGET.p95_ms} ms at ${TARGET.rate_per_s}/s on Postgres: ${met ? 'MET' : 'NOT MET'}${isPostgres ? '' : ' (PGlite run: the target is for Postgres)'}`,
  );

  const result = {
    benchmark:
      'recruitment read paths over HTTP (catalog 50 %, verifier queue 25 %, applicant timeline 25 %), open-loop on loopback',
    database:
      target.kind === 'pglite'
        ? 'pglite (fallback: no DATABASE_URL and no Postgres binaries)'
        : `${target.kind}: ${target.version}`,
    applications: seeded.rows.applications,
    formations: seeded.rows.formations,
    accounts: seeded.rows.accounts,
    application_events: seeded.rows.events,
    seed: SEED,
    seed_seconds: round(seeded.seconds, 2),
    mix: MIX,
    rate_per_s: RATE,
    achieved_rate_per_s: achievedRate,
    duration_s: DURATION_S,
    warmup_s: WARMUP_S,
    endpoints,
    overall_p50_ms: round(percentile(allArr, 50)),
    overall_p95_ms: overallP95,
    overall_p99_ms: round(percentile(allArr, 99)),
    errors,
    max_in_flight: run.maxInFlight,
    cpu_ms_per_request: cpuPerRequest,
    cpu_note:
      'CPU time (user + system) spent per issued request during the load, from /proc: the capacity cost, unaffected by other work on the machine. At 200/s, 10 ms per request is one full core.',
    mean_dispatch_lag_ms: round(run.meanDispatchLagMs, 2),
    max_dispatch_lag_ms: round(run.maxDispatchLagMs, 1),
    timed_out: run.timedOut,
    latency_note:
      'Measured from each request\'s scheduled start (open loop), so queueing in the client or server counts. Percentiles are over successful (2xx) responses; a request unanswered after 15 s counts as an error (status "timeout"), not as a latency. Load generator, server and database share the same machine.',
    target: TARGET,
    met,
    load_average: {
      before_seed: loadBefore.map((x) => round(x, 2)),
      at_load_start: loadAtStart.map((x) => round(x, 2)),
      after_load: loadAfter.map((x) => round(x, 2)),
    },
    load_note: `The machine (${availableParallelism()} cores) is shared with other work; a 1-minute load above the core count inflates latencies.`,
    node: process.version,
    date: new Date().toISOString(),
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), OUT)}`);
} catch (err) {
  console.error(`[bench] failed: ${(err as Error).stack ?? err}`);
  if (server) console.error(`[bench] server output:\n${server.tail()}`);
  process.exitCode = 1;
} finally {
  if (server) await stopAppServer(server.proc);
  if (target) await target.cleanup().catch((e) => log(`cleanup: ${(e as Error).message}`));
  rmSync(dataDir, { recursive: true, force: true });
  clearTimeout(hardStop);
}
