/**
 * Startup time of `npm start` (issue 28 §1): process start → the first 200 from /api/health, for
 * the server run through tsx at run time (the launcher before issue 28, rebuilt in bench/tmp) and
 * for the compiled bundle bin/merit.js runs now. Both start on the same prepared PGlite data folder
 * (migrated and demo-seeded once, not timed), alternating, so machine noise hits both alike; the
 * RSS at the moment health answers is recorded too, the one-time esbuild build is timed, and so is
 * loading the code alone (`merit --help`), the part compiling changes.
 * Writes bench/results/startup.json.
 *
 * Usage: npx tsx bench/startup.ts [--runs N]   (default 5 runs of each)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer } from '../scripts/build-server.mjs';
import { freePort } from './support/postgres.ts';
import { stopAppServer } from './support/app-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NODE_FLAGS = ['--max-semi-space-size=32']; // as `npm start`

type Mode = 'tsx' | 'compiled';

/** The launcher `npm start` ran before issue 28: tsx registered at run time, then the TypeScript CLI. */
function writeTsxLauncher(): string {
  const dir = path.join(ROOT, 'bench', 'tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'merit-tsx.mjs');
  const cli = pathToFileURL(path.join(ROOT, 'server', 'src', 'cli.ts')).href;
  writeFileSync(file, `import { register } from 'tsx/esm/api';\nregister();\nawait import(${JSON.stringify(cli)});\n`);
  return file;
}

function rssMb(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** One start: milliseconds from spawn to the first healthy answer, and the RSS then. */
async function timeStart(script: string, dataDir: string): Promise<{ ms: number; rssMb: number | null }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MERIT_DATA_DIR: dataDir,
    WEB_BUILD_ON_START: 'false',
    LOG_LEVEL: 'warn',
    AUDIT_CHECKPOINT_SECONDS: '0',
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const proc: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, script, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${err}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { ms: Math.round(performance.now() - started), rssMb: rssMb(proc.pid) };
      if (performance.now() - started > 120_000) throw new Error(`no health answer in 120 s:\n${err}`);
      await sleep(10);
    }
  } finally {
    await stopAppServer(proc);
  }
}

/** Loading the code alone: `merit --help` imports the whole CLI (every module) and exits. */
function timeHelp(script: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...NODE_FLAGS, script, '--help'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--help failed: ${r.stderr}`);
  return Math.round(performance.now() - started);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]!, runs: xs };
};

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const buildMs = await buildServer({ quiet: true });
  const scripts: Record<Mode, string> = { tsx: writeTsxLauncher(), compiled: path.join(ROOT, 'bin', 'merit.js') };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-startup-'));
  try {
    // Migrations and the demo seed happen once, untimed: the timed starts find them done.
    const prep = spawnSync(process.execPath, ['bin/merit.js', 'seed', '--demo'], {
      cwd: ROOT,
      env: { ...process.env, MERIT_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    if (prep.status !== 0) throw new Error(`seed failed: ${prep.stderr}`);
    await timeStart(scripts.tsx, dataDir); // warm tsx's transform cache and the OS file cache
    await timeStart(scripts.compiled, dataDir);
    const ms: Record<Mode, number[]> = { tsx: [], compiled: [] };
    const rss: Record<Mode, number[]> = { tsx: [], compiled: [] };
    const load: Record<Mode, number[]> = { tsx: [], compiled: [] };
    for (let i = 0; i < runs; i++) {
      for (const mode of ['tsx', 'compiled'] as const) {
        const r = await timeStart(scripts[mode], dataDir);
        ms[mode].push(r.ms);
        if (r.rssMb !== null) rss[mode].push(r.rssMb);
        load[mode].push(timeHelp(scripts[mode]));
        console.log(
          `${mode.padEnd(8)} run ${i + 1}: ${r.ms} ms to healthy, RSS ${r.rssMb} MB; code load ${load[mode].at(-1)} ms`,
        );
      }
    }
    const result = {
      what: 'process start → first 200 from /api/health, PGlite data folder already migrated and seeded, no web build',
      before_tsx_ms: stats(ms.tsx),
      after_compiled_ms: stats(ms.compiled),
      speedup: Number((stats(ms.tsx).median / stats(ms.compiled).median).toFixed(2)),
      code_load_ms: {
        what: '`merit --help`: process start → exit, loading every module of the CLI, no database',
        before_tsx: stats(load.tsx),
        after_compiled: stats(load.compiled),
      },
      rss_at_health_mb: { tsx: stats(rss.tsx).median, compiled: stats(rss.compiled).median },
      one_time_build_ms: buildMs,
      notes:
        'before = tsx registered at run time (the pre-issue-28 bin/merit.js, warm transform cache); after = bin/merit.js: source freshness check, then dist/server/cli.js.',
      machine: {
        node: process.version,
        cpus: availableParallelism(),
        cpu_model: cpus()[0]?.model ?? null,
        total_mem_gb: Number((totalmem() / 2 ** 30).toFixed(1)),
        loadavg_1m_at_end: Number(loadavg()[0]!.toFixed(2)),
      },
      measured_at: new Date().toISOString(),
    };
    mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench', 'results', 'startup.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(
      `startup median: tsx ${result.before_tsx_ms.median} ms → compiled ${result.after_compiled_ms.median} ms (×${result.speedup}); ` +
        `code load: ${stats(load.tsx).median} → ${stats(load.compiled).median} ms; build once ${buildMs} ms`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
