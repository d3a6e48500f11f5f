/**
 * Scale benchmark for `merit rank` (run on purpose: `npx tsx bench/rank.ts`). Generates a
 * deterministic national-scale SKD file (seeded PRNG; 3,040,000 rows over 250,407 formations,
 * mixed jenis kebutuhan, skewed formation sizes, ~5 % absent), runs the rank command in a separate
 * Node process (wall seconds, peak RSS), times a plain in-process sort of the same tuples as a
 * baseline, and writes bench/results/rank.json. Targets: ≤ 10 s and ≤ 2048 MB on 2 cores.
 *
 * Usage: npx tsx bench/rank.ts [--rows N] [--formations N] [--keep]
 *        npx tsx bench/rank.ts --child rank <merit rank args>   (the child process itself)
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { NEED_TYPES, THRESHOLD_RULE_SETS, type NeedType } from '../server/src/modules/selection/domain/thresholds.ts';
import { rankFormations, type Formation, type SkdRow } from '../server/src/modules/selection/domain/ranking.ts';
import { chooseDatabase } from './support/postgres.ts';

const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  // The measured process: exactly what `merit rank` will run once cli.ts dispatches to it.
  const { runRank } = await import('../server/src/modules/selection/cli.ts');
  process.exit(await runRank(argv.slice(2)));
}

const { values } = parseArgs({
  args: argv,
  options: {
    rows: { type: 'string' },
    formations: { type: 'string' },
    keep: { type: 'boolean' },
    'no-db': { type: 'boolean' },
  },
});
const ROWS = Number(values.rows ?? 3_040_000);
const FORMATIONS = Number(values.formations ?? 250_407);
const SEED = 20241022;

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

// Roughly the 2024 mix: mostly umum, a few percent for each khusus/afirmasi type.
const NEED_WEIGHTS: Record<NeedType, number> = {
  umum: 0.82,
  kalimantan: 0.03,
  cumlaude: 0.04,
  diaspora: 0.01,
  disabilitas: 0.04,
  papua: 0.02,
  daerah_tertinggal: 0.04,
};

const formationId = (i: number): string =>
  `F${String((i * 7919 + 104729) % 1_000_000).padStart(6, '0')}-${String(i % 97).padStart(2, '0')}`;
const participantNo = (i: number): string => `24${String((i * 1_000_003 + 17) % 1_000_000_000_000).padStart(12, '0')}`;

interface Tuple {
  f: string;
  p: string;
  twk: number;
  tiu: number;
  tkp: number;
}

/** Streams the synthetic data: formations first, then every SKD row through `onRow`. */
function generate(
  onFormation: (id: string, needType: NeedType, quota: number) => void,
  onRow: (p: string, f: string, s: [number, number, number] | null) => void,
): void {
  const r = prng(SEED);
  const normal = () => (r() + r() + r() + r() - 2) * 1.7320508; // ≈ N(0, 1)
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  for (let i = 0; i < FORMATIONS; i++) {
    let u = r();
    let nt: NeedType = 'umum';
    for (const t of NEED_TYPES) {
      if (u < NEED_WEIGHTS[t]) {
        nt = t;
        break;
      }
      u -= NEED_WEIGHTS[t];
    }
    const q = r() < 0.01 ? 1 + Math.floor(r() * 200) : 1 + Math.floor(r() ** 3 * 8);
    onFormation(formationId(i), nt, q);
  }
  for (let i = 0; i < ROWS; i++) {
    const f = formationId(Math.floor(FORMATIONS * r() ** 2)); // skewed: a few formations draw thousands
    if (r() < 0.05) onRow(participantNo(i), f, null);
    else
      onRow(participantNo(i), f, [
        5 * clamp(17 + 4 * normal(), 0, 30),
        5 * clamp(18 + 5 * normal(), 0, 35),
        clamp(168 + 18 * normal(), 45, 225),
      ]);
  }
}

function writeInputs(dir: string): { formations: string; scores: string } {
  const formations = join(dir, 'formations.csv');
  const scores = join(dir, 'skd.csv');
  const ff = openSync(formations, 'w');
  const sf = openSync(scores, 'w');
  let fb = 'formation_id,need_type,quota,jabatan\n';
  let sb = 'participant_no,formation_id,twk,tiu,tkp,lokasi\n';
  generate(
    (id, nt, q) => {
      fb += `${id},${nt},${q},Jabatan ${id}\n`;
      if (fb.length > 1 << 20) {
        writeSync(ff, fb);
        fb = '';
      }
    },
    (p, f, s) => {
      sb += s ? `${p},${f},${s[0]},${s[1]},${s[2]},T${p.length}\n` : `${p},${f},,,,\n`;
      if (sb.length > 1 << 22) {
        writeSync(sf, sb);
        sb = '';
      }
    },
  );
  writeSync(ff, fb);
  writeSync(sf, sb);
  closeSync(ff);
  closeSync(sf);
  return { formations, scores };
}

/** Runs the rank command as its own Node process; peak RSS from /usr/bin/time -v or /proc VmHWM. */
function runChild(args: string[]): { seconds: number; cpuSeconds: number; peakRssMb: number; stdout: string } {
  const nodeArgs = ['--import', 'tsx', 'bench/rank.ts', '--child', 'rank', ...args];
  const useTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const res = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...nodeArgs], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`rank child failed (${res.status}): ${res.stderr}`);
  let peakRssMb = NaN;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr);
  if (m) peakRssMb = Number(m[1]) / 1024;
  const user = /User time \(seconds\): ([\d.]+)/.exec(res.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(res.stderr);
  const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : NaN;
  return { seconds, cpuSeconds, peakRssMb, stdout: res.stdout.trim() };
}

function sortBaseline(): number {
  const tuples: Tuple[] = [];
  generate(
    () => {},
    (p, f, s) => tuples.push(s ? { f, p, twk: s[0], tiu: s[1], tkp: s[2] } : { f, p, twk: -1, tiu: -1, tkp: -1 }),
  );
  const t0 = performance.now();
  tuples.sort((a, b) => {
    if (a.f !== b.f) return a.f < b.f ? -1 : 1;
    const ta = a.twk + a.tiu + a.tkp;
    const tb = b.twk + b.tiu + b.tkp;
    return tb - ta || b.tkp - a.tkp || b.tiu - a.tiu || b.twk - a.twk || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0);
  });
  return (performance.now() - t0) / 1000;
}

/**
 * The in-database path: the same rows stored in Postgres, read back with one query each, and
 * ranked with the pure function the platform calls (`rankFormations`). Loading is not timed;
 * db_seconds is read + rank, what a committee's "rank now" costs at national scale.
 */
async function dbPath(dir: string): Promise<{ seconds: number; loadSeconds: number; database: string }> {
  const target = await chooseDatabase(dir, { allowPglite: false });
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(
      'create table bench_formations (id text primary key, need_type text not null, quota int not null)',
    );
    await client.query(
      'create table bench_skd (participant_no text not null, formation_id text not null, twk smallint, tiu smallint, tkp smallint)',
    );
    const t0 = performance.now();
    const fIds: string[] = [];
    const fNeeds: string[] = [];
    const fQuotas: number[] = [];
    let cols: [string[], string[], (number | null)[], (number | null)[], (number | null)[]] = [[], [], [], [], []];
    const flush = async () => {
      if (cols[0].length === 0) return;
      await client.query(
        'insert into bench_skd select * from unnest($1::text[], $2::text[], $3::int2[], $4::int2[], $5::int2[])',
        cols,
      );
      cols = [[], [], [], [], []];
    };
    const pendingRows: Promise<void>[] = [];
    generate(
      (id, needType, quota) => {
        fIds.push(id);
        fNeeds.push(needType);
        fQuotas.push(quota);
      },
      (p, f, sc) => {
        cols[0].push(p);
        cols[1].push(f);
        cols[2].push(sc ? sc[0] : null);
        cols[3].push(sc ? sc[1] : null);
        cols[4].push(sc ? sc[2] : null);
        if (cols[0].length >= 50_000) {
          const batch = cols;
          cols = [[], [], [], [], []];
          pendingRows.push(
            client
              .query(
                'insert into bench_skd select * from unnest($1::text[], $2::text[], $3::int2[], $4::int2[], $5::int2[])',
                batch,
              )
              .then(() => {}),
          );
        }
      },
    );
    await Promise.all(pendingRows);
    await flush();
    await client.query('insert into bench_formations select * from unnest($1::text[], $2::text[], $3::int[])', [
      fIds,
      fNeeds,
      fQuotas,
    ]);
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const formations: Formation[] = (
      await client.query<{ id: string; need_type: NeedType; quota: number }>(
        'select id, need_type, quota from bench_formations',
      )
    ).rows.map((r) => ({ id: r.id, needType: r.need_type, quota: r.quota }));
    const rows: SkdRow[] = (
      await client.query<{
        participant_no: string;
        formation_id: string;
        twk: number | null;
        tiu: number | null;
        tkp: number | null;
      }>('select participant_no, formation_id, twk, tiu, tkp from bench_skd')
    ).rows.map((r) => ({
      formationId: r.formation_id,
      participantNo: r.participant_no,
      twk: r.twk,
      tiu: r.tiu,
      tkp: r.tkp,
    }));
    const ranked = rankFormations(THRESHOLD_RULE_SETS[2024]!, formations, rows);
    const seconds = (performance.now() - t1) / 1000;
    if (ranked.length !== ROWS) throw new Error(`db path ranked ${ranked.length} rows, expected ${ROWS}`);
    return { seconds, loadSeconds, database: target.version };
  } finally {
    await client.end().catch(() => {});
    await target.cleanup();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'merit-bench-rank-'));
try {
  let t = performance.now();
  const inputs = writeInputs(dir);
  console.log(
    `generated ${ROWS} rows / ${FORMATIONS} formations in ${((performance.now() - t) / 1000).toFixed(1)} s (${(statSync(inputs.scores).size / 1e6).toFixed(0)} MB skd.csv) in ${dir}`,
  );
  const out = join(dir, 'ranking.csv');
  const load = loadavg();
  const cli = runChild(['--year', '2024', '--formations', inputs.formations, '--scores', inputs.scores, '--out', out]);
  console.log(cli.stdout);
  const outLines = readFileSync(out, 'latin1').split('\n').length - 2;
  if (outLines !== ROWS) throw new Error(`ranking.csv has ${outLines} rows, expected ${ROWS}`);
  console.log(`cli: ${cli.seconds.toFixed(2)} s, peak RSS ${cli.peakRssMb.toFixed(0)} MB`);
  t = performance.now();
  const baseline = sortBaseline();
  console.log(
    `sort baseline: ${baseline.toFixed(2)} s (generation excluded; total ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const db = values['no-db'] ? null : await dbPath(dir);
  if (db)
    console.log(
      `db path (${db.database}): load ${db.loadSeconds.toFixed(1)} s (not timed), read + rank ${db.seconds.toFixed(2)} s`,
    );
  const result = {
    benchmark: 'merit rank (CLI, separate process, tsx)',
    rows: ROWS,
    formations: FORMATIONS,
    seed: SEED,
    cli_seconds: Number(cli.seconds.toFixed(3)),
    cli_peak_rss_mb: Number(cli.peakRssMb.toFixed(1)),
    cli_cpu_seconds: Number(cli.cpuSeconds.toFixed(3)),
    load_average_before_run: load.map((l) => Number(l.toFixed(2))),
    load_note:
      'The machine is shared with other work; a 1-minute load above the 2 cores inflates wall seconds, not CPU seconds.',
    db_seconds: db ? Number(db.seconds.toFixed(3)) : null,
    db_load_seconds: db ? Number(db.loadSeconds.toFixed(1)) : null,
    db_database: db?.database ?? null,
    db_note:
      'The platform path: the same rows stored in Postgres, read back and ranked with rankFormations (the function the platform calls). Loading is not timed.',
    sort_baseline_seconds: Number(baseline.toFixed(3)),
    ratio: Number((cli.seconds / baseline).toFixed(2)),
    ratio_note:
      'cli_seconds / sort_baseline_seconds; the CLI time includes process start, tsx, reading, validating, ranking and writing.',
    targets: { cli_seconds_max: 10, cli_peak_rss_mb_max: 2048 },
    machine: {
      node: process.version,
      cpus: availableParallelism(),
      cpu_model: cpus()[0]?.model ?? null,
      total_mem_gb: Number((totalmem() / 2 ** 30).toFixed(1)),
    },
    measured_at: new Date().toISOString(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/rank.json', JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`inputs kept in ${dir}`);
}
