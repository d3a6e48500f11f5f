/**
 * The app under load, for benchmarks: `node bin/merit.js serve` as its own process on a free
 * loopback port (no web build, no demo seed, quiet log), ready once /api/health answers; stopped
 * with SIGTERM, then SIGKILL if it does not exit in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type WriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AppServer {
  proc: ChildProcess;
  base: string;
  /** The last 8,000 characters the app printed. */
  tail: () => string;
}

export async function startAppServer(opts: {
  /** Postgres URL; undefined runs the app on its embedded PGlite. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** Node flags before `bin/merit.js` (young-generation size, CPU profile). */
  nodeArgs?: string[];
  /** Also copy everything the app prints here. */
  log?: WriteStream | null;
}): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MERIT_DATA_DIR: opts.dataDir,
    SESSION_SECRET: opts.sessionSecret,
    WEB_BUILD_ON_START: 'false',
    MERIT_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    AUDIT_CHECKPOINT_SECONDS: '0',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'bin/merit.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    opts.log?.write(d);
    out = (out + d.toString()).slice(-8000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  for (let t = 0; ; t++) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${out}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (t > 240) throw new Error(`server did not become healthy in 60 s:\n${out}`);
    await sleep(250);
  }
  return { proc, base, tail: () => out };
}

/** SIGTERM, then SIGKILL after `waitS`; resolves when the process is gone. Returns false if it had to be killed. */
export async function stopAppServer(proc: ChildProcess, waitS = 10): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return true;
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  proc.kill('SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(waitS * 1000).then(() => false)])) return true;
  proc.kill('SIGKILL');
  await exited;
  return false;
}
