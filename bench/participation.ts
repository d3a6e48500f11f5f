/**
 * Load benchmark of the public participation forms (run on purpose: `npm run bench:participation`).
 * Prepares a service unit, then runs `node bin/merit.js serve` as its own process on a loopback
 * port and drives it open-loop (requests leave on schedule whatever the responses do; latency
 * counts from the scheduled start, so queueing shows), each request as a different anonymous
 * citizen (its own X-Forwarded-For address, trusted from loopback only):
 *
 *   1. complaints  --complaint-rate (50/s) for --seconds: fetch the anti-spam challenge, solve it,
 *                  POST the anonymous complaint                      → complaint_p95_ms (goal ≤ 100)
 *   2. surveys     --survey-rate (200/s) for --seconds: challenge, solve, POST one questionnaire
 *                  (a different ticket number each)                  → survey_p95_ms (goal ≤ 50)
 *   then the stored rows are counted against the acknowledged ones   → errors (goal 0)
 *
 * The challenge is MERIT_CHALLENGE_BITS=--bits (default 4) here: at 14 bits (production) the load
 * generator would spend its CPU solving, which a real citizen's phone does for itself; the server's
 * cost of checking a solution does not depend on the bits. The load generator shares the machine.
 *
 * Database: DATABASE_URL (a throwaway database on that server), else a throwaway Postgres cluster
 * when Debian's binaries exist, else PGlite.
 *
 * Usage: npx tsx bench/participation.ts [--seconds N] [--complaint-rate N] [--survey-rate N] [--bits N] [--out FILE]
 */
import { meetsDifficulty, powMessage } from '../common/rules/proof-of-work.ts';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.ts';
import { startRuntime } from '../server/src/main.ts';
import { startAppServer, stopAppServer } from './support/app-server.ts';
import { chooseDatabase } from './support/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string' },
    'complaint-rate': { type: 'string' },
    'survey-rate': { type: 'string' },
    bits: { type: 'string' },
    out: { type: 'string' },
  },
});
const SECONDS = Math.min(300, Number(values.seconds ?? 30));
const COMPLAINT_RATE = Number(values['complaint-rate'] ?? 50);
const SURVEY_RATE = Number(values['survey-rate'] ?? 200);
const BITS = Number(values.bits ?? 4);
const log = (m: string) => console.log(`[bench:participation] ${m}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const solve = (token: string, difficulty: number) => {
  for (let i = 0; ; i++)
    if (meetsDifficulty(createHash('sha256').update(powMessage(token, i)).digest(), difficulty)) return String(i);
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-bench-prt-'));
const target = await chooseDatabase(dataDir, { log });
log(`database: ${target.kind} — ${target.version}`);
const secret = randomBytes(32).toString('base64url');
let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
try {
  // Prepare: migrate, the OPDs and one service unit with the nine unsur (through the service).
  const rt = await startRuntime(
    loadConfig({
      ...(target.url ? { DATABASE_URL: target.url } : {}),
      MERIT_DATA_DIR: dataDir,
      SESSION_SECRET: secret,
      LOG_LEVEL: 'warn',
    }),
  );
  const { seedOrganizations, seedHolidays } = await import('../server/seeds/demo.ts');
  await seedOrganizations(rt.database);
  await seedHolidays(rt.database);
  await rt.services.identity.createAccountWithPassword({
    email: 'bench-admin@merit.test',
    fullName: 'Admin Bench',
    role: 'admin',
    password: randomBytes(18).toString('base64url'),
    organizationId: 'bkpsdm',
  });
  const adminId = (
    await rt.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', 'bench-admin@merit.test')
      .executeTakeFirstOrThrow()
  ).id;
  await rt.services.surveys.createUnit(
    { accountId: adminId, role: 'admin', organizationId: 'bkpsdm' },
    {
      id: 'loket-bench',
      name: 'Loket Bench',
      organizationId: 'bkpsdm',
      desk: '',
      periodKind: 'triwulan',
      unsur: null,
      population: 10_000,
    },
  );
  await rt.database.close();

  process.env.TRUST_PROXY = '127.0.0.1';
  process.env.MERIT_CHALLENGE_BITS = String(BITS);
  server = await startAppServer({ databaseUrl: target.url, dataDir, sessionSecret: secret });
  const base = server.base;
  log(`app on ${base}`);
  // One anonymous browser's CSRF cookie (not bound to a session), reused by every simulated citizen.
  const health = await fetch(`${base}/api/health`);
  const csrf = /merit_csrf=([^;]+)/.exec(health.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const headers = (ip: string) => ({
    'content-type': 'application/json',
    cookie: `merit_csrf=${csrf}`,
    'x-csrf-token': csrf,
    'x-forwarded-for': ip,
  });
  let seq = 0;
  const ipOf = () => {
    seq++;
    return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
  };

  async function phase(name: string, rate: number, send: (i: number, ip: string) => Promise<Response>) {
    const total = Math.round(rate * SECONDS);
    const latencies: number[] = [];
    let errors = 0;
    const samples: string[] = [];
    const t0 = performance.now() + 200;
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const at = t0 + (i * 1000) / rate;
      const wait = at - performance.now();
      if (wait > 1) await sleep(wait);
      inflight.push(
        (async () => {
          try {
            const ip = ipOf();
            const res = await send(i, ip);
            const done = performance.now();
            const body = await res.text();
            if (res.status !== 201) {
              errors++;
              if (samples.length < 3) samples.push(`${res.status} ${body.slice(0, 160)}`);
            }
            latencies.push(done - at);
          } catch (err) {
            errors++;
            if (samples.length < 3) samples.push((err as Error).message);
          }
        })(),
      );
    }
    await Promise.all(inflight);
    latencies.sort((a, b) => a - b);
    const achieved = total / ((performance.now() - t0) / 1000);
    log(
      `${name}: ${total} at ${rate}/s → p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms, p99 ${round(percentile(latencies, 99))} ms, errors ${errors}${samples.length ? ` (${samples.join(' | ')})` : ''}`,
    );
    return {
      total,
      errors,
      achieved,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? NaN),
    };
  }

  const challenge = async (purpose: 'complaint' | 'survey', ip: string) => {
    const c = (await (
      await fetch(`${base}/api/v1/public/challenge?purpose=${purpose}`, { headers: headers(ip) })
    ).json()) as { token: string; difficulty: number };
    return { token: c.token, solution: solve(c.token, c.difficulty) };
  };
  const complaints = await phase('complaints', COMPLAINT_RATE, async (i, ip) =>
    fetch(`${base}/api/v1/public/complaints`, {
      method: 'POST',
      headers: headers(ip),
      body: JSON.stringify({
        kind: 'pengaduan',
        category: (['recruitment', 'exam', 'training', 'service'] as const)[i % 4],
        title: `Laporan uji beban nomor ${i}`,
        body: `Uraian laporan uji beban nomor ${i}: loket tutup lebih awal dari jadwal yang diumumkan.`,
        privacy: 'anonymous',
        name: null,
        contact: null,
        challenge: await challenge('complaint', ip),
      }),
    }),
  );
  const surveys = await phase('surveys', SURVEY_RATE, async (i, ip) =>
    fetch(`${base}/api/v1/public/service-units/loket-bench/responses`, {
      method: 'POST',
      headers: headers(ip),
      body: JSON.stringify({
        scores: Array.from({ length: 9 }, (_, j) => 1 + ((i + j) % 4)),
        gender: i % 2 ? 'L' : 'P',
        ageBand: '20-29',
        education: 'S1',
        occupation: 'swasta',
        respondentRef: `BENCH-${i}`,
        suggestion: '',
        challenge: await challenge('survey', ip),
      }),
    }),
  );
  const results = (await (await fetch(`${base}/api/v1/public/service-units/loket-bench/results`)).json()) as {
    respondents: number;
  };
  const stats = (await (await fetch(`${base}/api/v1/public/complaint-statistics`)).json()) as { total: number };
  const lost =
    complaints.total - complaints.errors - stats.total + (surveys.total - surveys.errors - results.respondents);
  const result = {
    benchmark: 'participation',
    at: new Date().toISOString(),
    database: target.kind,
    database_version: target.version,
    seconds: SECONDS,
    challenge_bits: BITS,
    complaint_rate_per_s: COMPLAINT_RATE,
    complaint_achieved_per_s: round(complaints.achieved),
    complaints: complaints.total,
    complaint_p50_ms: complaints.p50,
    complaint_p95_ms: complaints.p95,
    complaint_p99_ms: complaints.p99,
    survey_rate_per_s: SURVEY_RATE,
    survey_achieved_per_s: round(surveys.achieved),
    surveys: surveys.total,
    survey_p50_ms: surveys.p50,
    survey_p95_ms: surveys.p95,
    survey_p99_ms: surveys.p99,
    stored_complaints: stats.total,
    stored_surveys: results.respondents,
    lost,
    errors: complaints.errors + surveys.errors + Math.abs(lost),
    goals: { complaint_p95_ms: 100, survey_p95_ms: 50, errors: 0 },
    cpus: cpus().length,
    load_average_1m_at_end: round(loadavg()[0]!, 2),
    note: 'latency from the scheduled start, including the challenge fetch and solve; one machine runs the app, the database and the load generator',
  };
  const out = values.out ?? path.join(ROOT, 'bench/results/participation.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(
    `wrote ${path.relative(ROOT, out)}: complaint_p95_ms ${result.complaint_p95_ms}, survey_p95_ms ${result.survey_p95_ms}, errors ${result.errors}`,
  );
} finally {
  if (server) await stopAppServer(server.proc);
  await target.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
