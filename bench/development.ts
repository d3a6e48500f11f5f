/**
 * Scale benchmark for development (run on purpose: `npm run bench:development`). Seeds 10,000
 * employees across Palu's OPDs and 200,000 JP ledger rows over three years straight into the
 * tables, then times the yearly 20 JP report as BKPSDM asks for it (every employee, per OPD, who
 * is short) through the training service. Writes bench/results/development.json.
 * Target: `jp_report_ms` ≤ 500 on Postgres. Attendance scanning (`scan_p99_ms`) is not built yet
 * and is reported as null.
 *
 * Database: DATABASE_URL (a throwaway database on that server), else a throwaway Postgres cluster
 * when Debian's binaries exist, else PGlite.
 *
 * Usage: npx tsx bench/development.ts [--employees N] [--ledger N] [--runs N] [--out FILE]
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
import { seedOrganizations } from '../server/seeds/demo.ts';
import { chooseDatabase } from './support/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ args: process.argv.slice(2), options: { employees: { type: 'string' }, ledger: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } } });
const EMPLOYEES = Number(values.employees ?? 10_000);
const LEDGER = Number(values.ledger ?? 200_000);
const RUNS = Number(values.runs ?? 20);
const YEAR = 2026;
const log = (m: string) => console.log(`[bench:development] ${m}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-bench-dev-'));
const target = await chooseDatabase(dataDir, { log });
log(`database: ${target.kind} — ${target.version}`);
const rt = await startRuntime(loadConfig({ ...(target.url ? { DATABASE_URL: target.url } : {}), MERIT_DATA_DIR: dataDir, SESSION_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn' }));
try {
  await seedOrganizations(rt.database);
  const db = rt.database.db;
  const t0 = performance.now();
  // Deterministic rows made by the database itself: NIPs 1970–1999 births, TMT 1995–2025.
  await sql`
    insert into employees (id, nip, status, full_name, gender, birth_date, tmt, organization_id, unit, jabatan_kind, jabatan, jenjang, golongan)
    select gen_random_uuid(),
           to_char(date '1970-01-01' + (i % 10000), 'YYYYMMDD') || (1995 + i % 30)::text || lpad((1 + i % 12)::text, 2, '0') || (1 + i % 2)::text || lpad((1 + i / 10000)::text, 3, '0'),
           'PNS', 'Pegawai ' || i, case when i % 2 = 0 then 'L' else 'P' end, date '1970-01-01' + (i % 10000),
           make_date(1995 + i % 30, 1 + i % 12, 1), o.id, 'Unit ' || (i % 7), 'fungsional', 'Analis', 'Ahli Pertama', 'III/a'
    from generate_series(0, ${EMPLOYEES - 1}) as g(i)
    join lateral (select id from organizations order by id offset (g.i % (select count(*) from organizations)) limit 1) o on true
  `.execute(db);
  await sql`
    insert into jp_ledger (id, employee_id, year, jp, source, title, recorded_at)
    select gen_random_uuid(), e.id, ${YEAR} - (i % 3), 1 + (i * 7) % 12, 'training', 'Pelatihan ' || (i % 50), now()
    from generate_series(0, ${LEDGER - 1}) as g(i)
    join (select id, row_number() over (order by nip) - 1 as n from employees) e on e.n = g.i % ${EMPLOYEES}
  `.execute(db);
  await sql`analyze employees`.execute(db);
  await sql`analyze jp_ledger`.execute(db);
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`seeded ${EMPLOYEES.toLocaleString('en')} employees and ${LEDGER.toLocaleString('en')} ledger rows in ${seedSeconds.toFixed(1)} s`);

  const admin = { accountId: randomBytes(16).toString('hex'), role: 'training_admin' as const, organizationId: 'bkpsdm' };
  const times: number[] = [];
  let report: Awaited<ReturnType<typeof rt.services.training.jpReport>> | null = null;
  for (let i = 0; i < RUNS + 2; i++) {
    const s = performance.now();
    report = await rt.services.training.jpReport(admin, YEAR);
    if (i >= 2) times.push(performance.now() - s); // the first two warm the caches and plans
  }
  times.sort((a, b) => a - b);
  const result = {
    benchmark: 'development',
    at: new Date().toISOString(),
    database: target.kind,
    database_version: target.version,
    employees: EMPLOYEES,
    ledger_rows: LEDGER,
    runs: RUNS,
    jp_report_ms: round(percentile(times, 50)),
    jp_report_p95_ms: round(percentile(times, 95)),
    jp_report_max_ms: round(times.at(-1) ?? NaN),
    jp_report_target_ms: 500,
    report_check: { employees: report!.employees, met: report!.met, organizations: report!.byOrganization.length, short: report!.short.length },
    scan_p99_ms: null,
    scan_errors: null,
    note: 'Attendance scanning (rotating QR) is not built yet; scan_p99_ms and scan_errors are null until it is.',
    seed_seconds: round(seedSeconds),
  };
  console.log(JSON.stringify(result, null, 2));
  const out = values.out ?? path.join(ROOT, 'bench/results/development.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await rt.database.close();
  await target.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
