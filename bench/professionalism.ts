/**
 * Scale benchmark for professionalism (issue 26 §6), run on purpose: `npm run bench:professionalism`.
 * Seeds 10,000 ASN across Palu's OPDs straight into the tables — education, competency history
 * (teknis with JP, seminars, leadership courses), hukuman disiplin for a few, and a final annual SKP
 * for each of five years — and five past recruitment periods of 2,000 appointees each (scores,
 * Latsar, first-year SKP). Then times, through the services:
 *   first_compute_ms   the IP ASN of every ASN for five years computed and stored the first time
 *   recompute_ms       the same recomputed (nothing changed: every result compared, none rewritten); goal ≤ 2,000
 *   recompute_after_changes_ms  a recompute after 1 % of the ASN gained a diklat teknis this year
 *   dashboard_p95_ms   BKPSDM's city dashboard of a year; goal ≤ 100
 *   correlation_p95_ms one period's "does selection pick people who perform?" report; goal ≤ 200
 * Writes bench/results/professionalism.json.
 *
 * Database: DATABASE_URL (a throwaway database on that server), else a throwaway Postgres cluster
 * when Debian's binaries exist, else PGlite.
 *
 * Usage: npx tsx bench/professionalism.ts [--employees N] [--appointees N] [--runs N] [--out FILE]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.ts';
import { sql } from '../server/src/db/database.ts';
import { startRuntime } from '../server/src/main.ts';
import { demoCohort, insertCohort } from '../server/seeds/correlation.ts';
import { seedHolidays, seedOrganizations } from '../server/seeds/demo.ts';
import { chooseDatabase } from './support/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    employees: { type: 'string' },
    appointees: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
  },
});
const EMPLOYEES = Number(values.employees ?? 10_000);
const APPOINTEES = Number(values.appointees ?? 2_000);
const PERIODS = 5;
const RUNS = Number(values.runs ?? 40);
const THIS_YEAR = new Date().getUTCFullYear();
const YEARS = [0, 1, 2, 3, 4].map((i) => THIS_YEAR - 4 + i);
const log = (m: string) => console.log(`[bench:professionalism] ${m}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Times `fn` RUNS times after two warm-up calls; the sorted milliseconds. */
async function timed(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const s = performance.now();
    await fn(i);
    if (i >= 2) times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-bench-prof-'));
const target = await chooseDatabase(dataDir, { log });
log(`database: ${target.kind} — ${target.version}`);
const rt = await startRuntime(
  loadConfig({
    ...(target.url ? { DATABASE_URL: target.url } : {}),
    MERIT_DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
  }),
);
try {
  await seedOrganizations(rt.database);
  await seedHolidays(rt.database);
  const db = rt.database.db;
  const t0 = performance.now();
  // The register: a mix of structural, functional and executor posts, PNS and PPPK, in every OPD.
  await sql`
    insert into employees (id, nip, status, full_name, gender, birth_date, tmt, organization_id, unit, jabatan_kind, jabatan, jenjang, golongan)
    select md5('asn' || i)::uuid,
           to_char(date '1970-01-01' + (i % 10000), 'YYYYMMDD') || (1995 + i % 25)::text || lpad((1 + i % 12)::text, 2, '0') || (1 + i % 2)::text || lpad((1 + i / 10000)::text, 3, '0'),
           case when i % 7 = 0 then 'PPPK' else 'PNS' end, 'ASN ' || i, case when i % 2 = 0 then 'L' else 'P' end,
           date '1970-01-01' + (i % 10000), make_date(1995 + i % 25, 1 + i % 12, 1), o.id, 'Unit ' || (i % 5),
           case when i % 10 = 0 then 'struktural' when i % 10 < 6 then 'fungsional' else 'pelaksana' end,
           case when i % 10 = 0 then 'Kepala Seksi' when i % 10 < 6 then 'Analis Ahli Pertama' else 'Pengadministrasi Umum' end,
           case when i % 10 = 0 then 'Pengawas' when i % 10 < 6 then 'Ahli Pertama' else '' end, 'III/a'
    from generate_series(0, ${EMPLOYEES - 1}) as g(i)
    join lateral (select id from organizations order by id offset (g.i % (select count(*) from organizations)) limit 1) o on true
  `.execute(db);
  // One or two formal educations each, the higher one marked (a few have none: "data belum lengkap").
  await sql`
    insert into education_records (id, employee_id, level, institution, major, graduation_year, is_highest, source)
    select gen_random_uuid(), e.id, (array['sma','d3','s1','s1','s2','s3'])[1 + abs(hashtext(e.id::text)) % 6],
           'Universitas Tadulako', '', 2010, true, 'import'
    from employees e where abs(hashtext(e.id::text || 'edu')) % 50 <> 0
    union all
    select gen_random_uuid(), e.id, 'sma', 'SMA Negeri 1 Palu', '', 2005, false, 'import'
    from employees e where abs(hashtext(e.id::text || 'sma')) % 2 = 0
  `.execute(db);
  // Competency history over the five years: teknis courses (8–40 JP), seminars, and a PKP for the structural posts.
  await sql`
    insert into competency_records (id, employee_id, kind, leadership_level, title, completed_on, jp, source)
    select gen_random_uuid(), e.id, 'teknis', null, 'Diklat teknis ' || y.n,
           make_date(${YEARS[0]!} + y.n, 1 + abs(hashtext(e.id::text || y.n)) % 12, 15), 8 + abs(hashtext(e.id::text || 'jp' || y.n)) % 33, 'import'
    from employees e cross join generate_series(0, 4) as y(n)
    where abs(hashtext(e.id::text || 'tk' || y.n)) % 3 <> 0
    union all
    select gen_random_uuid(), e.id, 'seminar', null, 'Seminar ' || y.n, make_date(${YEARS[0]!} + y.n, 6, 1), null, 'import'
    from employees e cross join generate_series(0, 4) as y(n)
    where abs(hashtext(e.id::text || 'sem' || y.n)) % 4 = 0
    union all
    select gen_random_uuid(), e.id, 'kepemimpinan', 'pkp', 'Pelatihan Kepemimpinan Pengawas', make_date(${YEARS[0]! - 2}, 9, 1), 300, 'import'
    from employees e where e.jabatan_kind = 'struktural' and abs(hashtext(e.id::text || 'pkp')) % 2 = 0
  `.execute(db);
  // Hukuman disiplin for about 3 %: a teguran (ringan) or a pemotongan tunjangan (sedang), in one of the years.
  await sql`
    insert into discipline_records (id, employee_id, kind, level, reason, sk_number, sk_date, imposed_by, start_on, end_on, recorded_by)
    select gen_random_uuid(), e.id,
           case when k.s then 'teguran_tertulis' else 'tukin_25_6' end, case when k.s then 'ringan' else 'sedang' end,
           'Tidak masuk kerja tanpa alasan yang sah', 'SK/' || e.nip, k.d, 'Kepala OPD', k.d,
           case when k.s then null else (k.d + interval '6 months' - interval '1 day')::date end, a.id
    from employees e
    cross join lateral (select abs(hashtext(e.id::text || 'dis')) % 2 = 0 as s,
                               make_date(${YEARS[0]!} + abs(hashtext(e.id::text || 'dy')) % 5, 3, 1) as d) k
    cross join (select id from accounts limit 1) a
    where abs(hashtext(e.id::text || 'hd')) % 33 = 0
  `.execute(db);
  // A final annual SKP for every year (mostly Baik).
  await sql`
    insert into skp_plans (id, employee_id, year, organization_id, status, agreed_at, updated_at)
    select md5(e.id::text || y)::uuid, e.id, y, e.organization_id, 'agreed', now(), now()
    from employees e cross join unnest(${YEARS}::int[]) as y where e.nip not like '%999'
  `.execute(db);
  await sql`
    insert into skp_evaluations (id, plan_id, period, organization_id, year, rating_results, rating_behaviour, predikat, status, finalised_at, updated_at)
    select gen_random_uuid(), p.id, 'annual', p.organization_id, p.year,
           case b.k when 0 then 'above' when 1 then 'meets' when 2 then 'below' when 3 then 'meets' else 'below' end,
           case b.k when 0 then 'above' when 1 then 'meets' when 2 then 'meets' when 3 then 'below' else 'below' end,
           case b.k when 0 then 'sangat_baik' when 1 then 'baik' when 2 then 'butuh_perbaikan' when 3 then 'kurang' else 'sangat_kurang' end,
           'final', now(), now()
    from skp_plans p
    join lateral (select case when h < 12 then 0 when h < 80 then 1 when h < 92 then 2 when h < 97 then 3 else 4 end as k
                  from (select abs(hashtext(p.id::text)) % 100 as h) x) b on true
    where p.year < ${THIS_YEAR}
  `.execute(db);

  // Five past recruitment periods of APPOINTEES each, with scores, Latsar and a first-year SKP.
  const committee = await rt.services.identity.createAccountWithPassword({
    email: `panitia.${randomBytes(4).toString('hex')}@bench.merit.test`,
    fullName: 'Panitia (bench)',
    role: 'committee',
    password: 'bench-sandi-yang-panjang-sekali',
    organizationId: 'bkpsdm',
  });
  const panitia = { accountId: committee.id, role: 'committee' as const, organizationId: 'bkpsdm' };
  const periodIds: string[] = [];
  for (let k = 0; k < PERIODS; k++) {
    const period = await rt.services.recruitment.createPeriod(panitia, {
      code: `BENCH-${k}`,
      name: `Seleksi bench ${k}`,
      year: 2020 + k,
      type: 'CPNS',
      ageCutoffDate: `${2020 + k}-08-01`,
      stages: {
        registration: { start: `${2020 + k}-08-20T00:00:00.000Z`, end: `${2020 + k}-09-10T00:00:00.000Z` },
        verification: { start: `${2020 + k}-08-20T00:00:00.000Z`, end: `${2020 + k}-09-20T00:00:00.000Z` },
      },
    });
    const people = Array.from({ length: Math.ceil(APPOINTEES / 120) }, (_, s) => demoCohort(`bench-${k}-${s}`))
      .flat()
      .slice(0, APPOINTEES);
    await insertCohort(rt.database, rt.services, period.id, people, 10_000 + k * APPOINTEES);
    periodIds.push(period.id);
  }
  for (const t of [
    'employees',
    'education_records',
    'competency_records',
    'discipline_records',
    'skp_plans',
    'skp_evaluations',
  ])
    await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  const counted = async (t: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0]!.n);
  const employees = await counted('employees');
  const seedSeconds = (performance.now() - t0) / 1000;
  log(
    `seeded ${employees.toLocaleString('en')} ASN (${EMPLOYEES.toLocaleString('en')} + ${PERIODS} × ${APPOINTEES.toLocaleString('en')} appointees), ${(await counted('competency_records')).toLocaleString('en')} competency records, ${(await counted('skp_evaluations')).toLocaleString('en')} annual SKP in ${seedSeconds.toFixed(1)} s`,
  );

  // ── recompute every ASN for five years ──
  const adminAccount = await rt.services.identity.createAccountWithPassword({
    email: `bkpsdm.${randomBytes(4).toString('hex')}@bench.merit.test`,
    fullName: 'BKPSDM (bench)',
    role: 'admin',
    password: 'bench-sandi-yang-panjang-sekali',
    organizationId: 'bkpsdm',
  });
  const admin = { accountId: adminAccount.id, role: 'admin' as const, organizationId: 'bkpsdm' };
  const ipAsn = rt.services.ipAsn;
  const instrument = (await ipAsn.instruments()).instruments[0]!;
  for (const year of YEARS) await ipAsn.assignYear(admin, year, { instrumentId: instrument.id });
  // The first computation writes every result; a recompute writes only what changed (ip-asn-recompute.ts).
  const timeRecompute = async () => {
    const s = performance.now();
    const out = await ipAsn.recompute(admin, { allYears: true });
    return { ms: performance.now() - s, out };
  };
  const first = await timeRecompute();
  const recomputes: number[] = [];
  let counts = first.out;
  for (let i = 0; i < Number(process.env.RECOMPUTES ?? 3); i++) {
    const run = await timeRecompute();
    recomputes.push(run.ms);
    counts = run.out;
  }
  const results = await counted('ip_asn_results');
  log(
    `first computation of ${results.toLocaleString('en')} results: ${first.ms.toFixed(0)} ms; recomputes: ${recomputes.map((m) => m.toFixed(0)).join(', ')} ms`,
  );
  // A day of BKPSDM's work: 1 % of the ASN finish a 24 JP diklat teknis this year, then a recompute.
  await sql`
    insert into competency_records (id, employee_id, kind, leadership_level, title, completed_on, jp, source)
    select gen_random_uuid(), e.id, 'teknis', null, 'Diklat teknis bench', make_date(${THIS_YEAR}, 1, 15), 24, 'import'
    from employees e where abs(hashtext(e.id::text || 'chg')) % 100 = 0
  `.execute(db);
  const afterChanges = await timeRecompute();
  log(
    `recompute after 1 % of the ASN gained a course: ${afterChanges.ms.toFixed(0)} ms, ${afterChanges.out.years.map((y) => `${y.year}: ${y.changed}`).join(', ')} changed`,
  );

  // The writes above leave dead rows and dirty pages; settle them as autovacuum and the
  // checkpointer would, so the read timings below do not measure a checkpoint in flight.
  await sql`vacuum analyze ip_asn_results`.execute(db);
  await sql`vacuum analyze ip_asn_details`.execute(db);
  // CHECKPOINT needs a superuser (the throwaway cluster has one); on another server it is skipped.
  if (target.kind !== 'pglite') await sql`checkpoint`.execute(db).catch(() => undefined);

  // ── BKPSDM's city dashboard and one period's correlation report ──
  const report = rt.services.ipReport;
  const lastYear = THIS_YEAR - 1;
  let dash: Awaited<ReturnType<typeof report.dashboard>> | null = null;
  const dashboard = await timed(async () => {
    dash = await report.dashboard(admin, { year: lastYear, group: 'all' });
  });
  let corr: Awaited<ReturnType<typeof rt.services.correlation.report>> | null = null;
  const correlation = await timed(async (i) => {
    corr = await rt.services.correlation.report(periodIds[i % PERIODS]!);
  });
  const sortedRecomputes = [...recomputes].sort((a, b) => a - b);
  const result = {
    benchmark: 'professionalism',
    at: new Date().toISOString(),
    database: target.kind,
    database_version: target.version,
    employees,
    years: YEARS,
    results,
    first_compute_ms: round(first.ms),
    recompute_runs_ms: recomputes.map((m) => round(m)),
    recompute_ms: round(percentile(sortedRecomputes, 50)),
    recompute_target_ms: 2000,
    recompute_after_changes_ms: round(afterChanges.ms),
    recompute_after_changes_written: afterChanges.out.years.reduce((a, y) => a + y.changed, 0),
    recompute_check: counts.years.map((y) => ({ year: y.year, computed: y.computed, complete: y.complete })),
    runs: RUNS,
    dashboard_p50_ms: round(percentile(dashboard, 50)),
    dashboard_p95_ms: round(percentile(dashboard, 95)),
    dashboard_target_ms: 100,
    dashboard_check: { year: lastYear, organizations: dash!.byOrganization.length, city: dash!.overall },
    correlation_periods: PERIODS,
    correlation_appointees_per_period: APPOINTEES,
    correlation_p50_ms: round(percentile(correlation, 50)),
    correlation_p95_ms: round(percentile(correlation, 95)),
    correlation_target_ms: 200,
    correlation_check: { period: corr!.period, outcomes: corr!.outcomesAvailable },
    seed_seconds: round(seedSeconds),
  };
  console.log(JSON.stringify(result, null, 2));
  const out = values.out ?? path.join(ROOT, 'bench/results/professionalism.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await rt.database.close();
  await target.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
