/**
 * Throwaway Postgres for benchmarks and the chaos test: a fresh cluster in a temp directory on a
 * free loopback port, started as the `postgres` user (`runuser`) when we run as root — Postgres
 * refuses root, as `.ci/run` does it. The cluster can be crashed (`pg_ctl -m immediate stop`) and
 * started again on the same port and data, which the chaos test needs.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A free TCP port on 127.0.0.1 (closed again before returning: a small race we accept). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Debian's newest `/usr/lib/postgresql/{v}/bin` that has initdb, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? path.join(root, versions.at(-1)!, 'bin') : undefined;
}

export interface PgCluster {
  url: string;
  port: number;
  bin: string;
  dir: string;
  version: string;
  /** The postmaster's pid while running (to measure its CPU), else undefined. */
  postmasterPid(): number | undefined;
  /** Runs one of the cluster's binaries (pgbench, psql…) as the cluster's owner; returns stdout. */
  run(tool: string, args: string[], opts?: { timeoutMs?: number }): string;
  /** `immediate` is a crash (no checkpoint, recovery on the next start); `fast` a clean shutdown. */
  stop(mode?: 'immediate' | 'fast'): void;
  start(): void;
  /** Stops (fast, then immediate) and deletes the data. */
  destroy(): Promise<void>;
}

/**
 * initdb + start a cluster. `settings` are extra `-c name=value` server settings. Stock settings
 * otherwise, apart from loopback-only and max_connections=200 (as the CI); fsync stays on.
 */
export async function startThrowawayPostgres(
  opts: { settings?: Record<string, string | number>; bin?: string } = {},
): Promise<PgCluster> {
  const bin = opts.bin ?? postgresBinDir();
  if (!bin)
    throw new Error(
      "no Postgres binaries (/usr/lib/postgresql/*/bin/initdb); install Debian's postgresql or set a database URL",
    );
  const dir = mkdtempSync(path.join(tmpdir(), 'merit-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[], o: { timeoutMs?: number } = {}) => {
    const cmd = tool.includes('/') ? tool : path.join(bin, tool);
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], {
          encoding: 'utf8',
          cwd: dir,
          timeout: o.timeoutMs,
        })
      : spawnSync(cmd, args, { encoding: 'utf8', cwd: dir, timeout: o.timeoutMs });
    if (res.status !== 0)
      throw new Error(`${path.basename(cmd)} failed (${res.status ?? res.signal}): ${res.stderr || res.stdout}`);
    return res.stdout;
  };
  const port = await freePort();
  const data = path.join(dir, 'data');
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    max_connections: 200,
    ...opts.settings,
  };
  const optString = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  let running = false;
  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    bin,
    dir,
    version: spawnSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim(),
    postmasterPid() {
      if (!running) return undefined;
      try {
        return Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    },
    run,
    stop(mode = 'immediate') {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    start() {
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '120', '-o', optString, 'start']);
      running = true;
    },
    async destroy() {
      if (running) {
        try {
          cluster.stop('fast');
        } catch {
          try {
            cluster.stop('immediate');
          } catch {
            /* already gone */
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
    cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}

export interface Target {
  kind: 'postgres (DATABASE_URL)' | 'postgres (throwaway cluster)' | 'pglite';
  url: string | undefined;
  version: string;
  /** The postmaster of a throwaway cluster (to measure its CPU), else undefined. */
  postmasterPid?: number | undefined;
  /** The throwaway cluster itself (pgbench, restarts), else undefined. */
  cluster?: PgCluster | undefined;
  cleanup: () => Promise<void>;
}

/**
 * The database a benchmark runs on: `DATABASE_URL` (a fresh database is created on that server and
 * dropped at the end — never seed into someone's database), else a throwaway cluster when Debian's
 * Postgres binaries exist, else PGlite in `dataDir` (unless `allowPglite` is false).
 */
export async function chooseDatabase(
  dataDir: string,
  opts: { log?: (m: string) => void; allowPglite?: boolean; settings?: Record<string, string | number> } = {},
): Promise<Target> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `merit_bench_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    const version = (await admin.query<{ v: string }>('show server_version')).rows[0]!.v;
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
    await admin.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    return {
      kind: 'postgres (DATABASE_URL)',
      url: u.toString(),
      version: `PostgreSQL ${version}`,
      cleanup: async () => {
        const c = new pg.Client({ connectionString: external });
        await c.connect();
        await c
          .query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)
          .catch((e) => log(`could not drop ${name}: ${(e as Error).message}`));
        await c.end();
      },
    };
  }
  if (postgresBinDir()) {
    const cluster = await startThrowawayPostgres(opts.settings ? { settings: opts.settings } : {});
    return {
      kind: 'postgres (throwaway cluster)',
      url: cluster.url,
      version: cluster.version,
      postmasterPid: cluster.postmasterPid(),
      cluster,
      cleanup: () => cluster.destroy(),
    };
  }
  if (opts.allowPglite === false)
    throw new Error("needs Postgres: set DATABASE_URL or install Debian's postgresql (initdb)");
  log(
    `no DATABASE_URL and no Postgres binaries: falling back to PGlite in ${dataDir} (the target is stated for Postgres)`,
  );
  return { kind: 'pglite', url: undefined, version: 'PGlite (embedded PostgreSQL)', cleanup: async () => {} };
}
