/**
 * Scale benchmark for development (run on purpose: `npm run bench:development`). Seeds 10,000
 * employees across Palu's OPDs and 200,000 JP ledger rows over three years straight into the
 * tables, then times the yearly 20 JP report as BKPSDM asks for it (every employee, per OPD, who
 * is short) through the training service. Writes bench/results/development.json.
 * Target: `jp_report_ms` ≤ 500 on Postgres. Then a hall: 1,500 signed-in attendees of one batch
 * scan the meeting's rotating QR within 60 s over loopback HTTP (the app listening in this
 * process; the facilitator's screen polls the code every 5 s, each phone posts the code current at
 * its moment, at most 256 requests in flight): `scan_p99_ms` (goal ≤ 200) and `scan_errors` (0).
 *
 * Database: DATABASE_URL (a throwaway database on that server), else a throwaway Postgres cluster
 * when Debian's binaries exist, else PGlite.
 *
 * Usage: npx tsx bench/development.ts [--employees N] [--ledger N] [--runs N] [--attendees N] [--scan-seconds S] [--out FILE]
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/src/app.ts';
import { csrfTokenFor } from '../server/src/http/csrf.ts';
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
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    employees: { type: 'string' },
    ledger: { type: 'string' },
    runs: { type: 'string' },
    attendees: { type: 'string' },
    'scan-seconds': { type: 'string' },
    out: { type: 'string' },
  },
});
const ATTENDEES = Number(values.attendees ?? 1_500);
const SCAN_SECONDS = Number(values['scan-seconds'] ?? 60);
const MAX_IN_FLIGHT = 256;
const EMPLOYEES = Number(values.employees ?? 10_000);
const LEDGER = Number(values.ledger ?? 200_000);
const RUNS = Number(values.runs ?? 20);
const YEAR = 2026;
const log = (m: string) => console.log(`[bench:development] ${m}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-bench-dev-'));
const target = await chooseDatabase(dataDir, { log });
log(`database: ${target.kind} — ${target.version}`);
const SECRET = randomBytes(32).toString('base64url');
const rt = await startRuntime(
  loadConfig({
    ...(target.url ? { DATABASE_URL: target.url } : {}),
    MERIT_DATA_DIR: dataDir,
    SESSION_SECRET: SECRET,
    LOG_LEVEL: 'warn',
  }),
);
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
  log(
    `seeded ${EMPLOYEES.toLocaleString('en')} employees and ${LEDGER.toLocaleString('en')} ledger rows in ${seedSeconds.toFixed(1)} s`,
  );

  const admin = {
    accountId: randomBytes(16).toString('hex'),
    role: 'training_admin' as const,
    organizationId: 'bkpsdm',
  };
  const times: number[] = [];
  let report: Awaited<ReturnType<typeof rt.services.training.jpReport>> | null = null;
  for (let i = 0; i < RUNS + 2; i++) {
    const s = performance.now();
    report = await rt.services.training.jpReport(admin, YEAR);
    if (i >= 2) times.push(performance.now() - s); // the first two warm the caches and plans
  }
  times.sort((a, b) => a - b);

  const scan = await scanHall(db);
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
    report_check: {
      employees: report!.employees,
      met: report!.met,
      organizations: report!.byOrganization.length,
      short: report!.short.length,
    },
    attendees: ATTENDEES,
    scan_seconds: SCAN_SECONDS,
    scan_p50_ms: scan.p50,
    scan_p99_ms: scan.p99,
    scan_max_ms: scan.max,
    scan_target_ms: 200,
    scan_errors: scan.errors,
    scan_error_samples: scan.samples,
    scan_recorded: scan.recorded,
    scan_qr_polls: scan.polls,
    scan_wall_seconds: scan.wall,
    note: 'Scans go over loopback HTTP to the app listening in this process (one Node process for load and server; fetch shares keep-alive connections).',
    seed_seconds: round(seedSeconds),
  };
  console.log(JSON.stringify(result, null, 2));
  const out = values.out ?? path.join(ROOT, 'bench/results/development.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await rt.database.close().catch(() => undefined);
  await target.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The hall: ATTENDEES accounts with employee records and sign-in sessions, seated in one batch
 * with a meeting now; the facilitator's screen polls the QR; every phone scans at its moment in
 * SCAN_SECONDS (spread by a fixed pseudo-random sequence) with the code on screen then.
 */
async function scanHall(db: typeof rt.database.db) {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const t0 = performance.now();
  const facilitator = { id: crypto.randomUUID(), token: randomBytes(32).toString('base64url') };
  await db
    .insertInto('accounts')
    .values({
      id: facilitator.id,
      email: 'fasilitator@bench.merit.test',
      email_normalized: 'fasilitator@bench.merit.test',
      password_hash: 'bench-no-login',
      role: 'training_admin',
      full_name: 'Fasilitator Bench',
      organization_id: 'bkpsdm',
      email_verified_at: new Date(),
    })
    .execute();
  await sql`
    insert into accounts (id, email, email_normalized, password_hash, role, full_name, organization_id, email_verified_at)
    select gen_random_uuid(), 'peserta' || i || '@bench.merit.test', 'peserta' || i || '@bench.merit.test', 'bench-no-login', 'employee', 'Peserta Aula ' || i, 'bkpsdm', now()
    from generate_series(1, ${ATTENDEES}) as g(i)
  `.execute(db);
  await sql`
    insert into employees (id, nip, status, full_name, gender, birth_date, tmt, organization_id, unit, jabatan_kind, jabatan, jenjang, golongan, account_id)
    select gen_random_uuid(), '9' || lpad(row_number() over (order by a.email)::text, 17, '0'), 'PNS', a.full_name, 'L', date '1990-01-01', date '2015-03-01', 'bkpsdm', 'Aula', 'fungsional', 'Analis', 'Ahli Pertama', 'III/a', a.id
    from accounts a where a.email like 'peserta%@bench.merit.test'
  `.execute(db);
  const actor = { accountId: facilitator.id, role: 'training_admin' as const, organizationId: 'bkpsdm' };
  const { id: programId } = await rt.services.training.createProgram(actor, {
    code: 'BENCH-AULA',
    title: 'Sosialisasi Kebencanaan (aula)',
    kind: 'seminar',
    competencyArea: 'Kebencanaan',
    jp: 4,
    modality: 'klasikal',
    partnerId: null,
    eligibility: {},
    costRupiah: 0,
    description: '',
    completion: { minAttendancePct: 0, postTestPass: null, assignmentRequired: false },
  });
  const today = new Date().toISOString().slice(0, 10);
  const { id: batchId } = await rt.services.training.createBatch(actor, programId, {
    name: 'Aula',
    startsOn: today,
    endsOn: today,
    venue: 'Gedung Juang Palu',
    facilitators: '',
    capacity: ATTENDEES,
  });
  await sql`
    insert into enrollments (id, batch_id, employee_id, status, source, requested_at, requested_by, updated_at)
    select gen_random_uuid(), ${batchId}, e.id, 'enrolled', 'bkpsdm', now(), ${facilitator.id}, now()
    from employees e join accounts a on a.id = e.account_id where a.email like 'peserta%@bench.merit.test'
  `.execute(db);
  const { id: meetingId } = await rt.services.completion.addMeeting(actor, batchId, {
    title: 'Sesi pleno',
    startsAt: new Date(Date.now() - 600_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
  });
  const people = (
    await db.selectFrom('accounts').select('id').where('email', 'like', 'peserta%@bench.merit.test').execute()
  ).map((a) => ({ accountId: a.id, token: randomBytes(32).toString('base64url') }));
  const expires = new Date(Date.now() + 6 * 3_600_000);
  const sessions = [...people, { accountId: facilitator.id, token: facilitator.token }];
  for (let i = 0; i < sessions.length; i += 1000)
    await db
      .insertInto('sessions')
      .values(
        sessions
          .slice(i, i + 1000)
          .map((p) => ({ id_hash: sha(p.token), account_id: p.accountId, expires_at: expires })),
      )
      .execute();
  log(
    `hall: ${people.length.toLocaleString('en')} attendees seated with sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp({
    config: { ...rt.config, logLevel: 'silent' },
    database: rt.database,
    migrations: 0,
    services: rt.services,
  });
  await app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const headers = (sessionToken: string) => {
    const csrf = csrfTokenFor(SECRET, sessionToken);
    return {
      cookie: `merit_session=${sessionToken}; merit_csrf=${csrf}`,
      'x-csrf-token': csrf,
      'content-type': 'application/json',
    };
  };
  try {
    let code = '';
    let polls = 0;
    const poll = async () => {
      const r = await fetch(`${base}/api/v1/training/meetings/${meetingId}/qr`, {
        headers: headers(facilitator.token),
      });
      if (!r.ok) throw new Error(`QR poll answered ${r.status}: ${await r.text()}`);
      code = ((await r.json()) as { token: string }).token;
      polls++;
    };
    await poll();
    const poller = setInterval(() => void poll().catch((e: unknown) => log(String(e))), 5_000);
    // mulberry32: the same spread of arrival times on every run
    let seed = 20_181_928;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };
    const arrivals = people.map((p) => ({ p, at: rand() * SCAN_SECONDS * 1000 })).sort((a, b) => a.at - b.at);
    const latencies: number[] = [];
    const samples: string[] = [];
    let errors = 0;
    let inFlight = 0;
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (const a of arrivals) {
      const wait = start + a.at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inFlight >= MAX_IN_FLIGHT) await new Promise((r) => setTimeout(r, 1));
      inFlight++;
      const sent = performance.now();
      pending.push(
        fetch(`${base}/api/v1/me/attendance`, {
          method: 'POST',
          headers: headers(a.p.token),
          body: JSON.stringify({ token: code }),
        })
          .then(async (r) => {
            const body = await r.text();
            latencies.push(performance.now() - sent);
            if (r.status !== 200 || !(JSON.parse(body) as { recorded?: boolean }).recorded) {
              errors++;
              if (samples.length < 5) samples.push(`${r.status} ${body.slice(0, 160)}`);
            }
          })
          .catch((e: unknown) => {
            errors++;
            if (samples.length < 5) samples.push(String(e));
          })
          .finally(() => inFlight--),
      );
    }
    await Promise.all(pending);
    clearInterval(poller);
    const wall = (performance.now() - start) / 1000;
    latencies.sort((x, y) => x - y);
    const recorded = Number(
      (
        await db
          .selectFrom('training_attendance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('meeting_id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    log(
      `hall: ${latencies.length} scans in ${wall.toFixed(1)} s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors}, recorded ${recorded}`,
    );
    return {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? NaN),
      errors,
      samples,
      recorded,
      polls,
      wall: round(wall),
    };
  } finally {
    await app.close();
  }
}
