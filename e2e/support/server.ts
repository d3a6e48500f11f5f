/**
 * Starts a real Merit server for browser journeys: builds the web bundle when missing, then runs
 * `node bin/merit.js serve` on a free port with a fresh data folder, and stops it afterwards.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/**
 * Builds web/dist when it is missing or older than its sources (the same command CI and
 * `npm run build:web` use), so a journey never runs against yesterday's bundle.
 */
export function ensureWebBuild(): void {
  const index = path.join(REPO, 'web/dist/index.html');
  if (existsSync(index)) {
    const sources = ['web/src', 'web/index.html', 'vite.config.ts', 'common'].map((p) =>
      newestMtime(path.join(REPO, p)),
    );
    if (Math.max(...sources) <= statSync(index).mtimeMs) return;
  }
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** `env` adds or overrides server environment variables (e.g. a known SESSION_SECRET). */
export async function startServer(
  opts: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/merit.js', 'serve'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MERIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MERIT_SEED_DEMO: 'true',
      // Most journeys schedule their own exam; the walk-through journey turns the demo session on.
      MERIT_SEED_DEMO_EXAM: 'false',
      // The correlation page's synthetic cohort adds 120 employees; the journey that reads it turns it on.
      MERIT_SEED_DEMO_COHORT: 'false',
      PUBLIC_URL: baseUrl,
      // The journeys read links from the admin's outbox (no SMTP here): a development-only switch.
      MAIL_OUTBOX_SECRETS: 'true',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => out, opts.timeoutMs ?? 120_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, stop };
}
