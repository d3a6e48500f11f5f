/**
 * Durable background jobs (issue 28 §3) on Merit's own database with pg-boss 10: a job is a row
 * in the `pgboss` schema, taken by one instance at a time (`for update skip locked`), retried with
 * exponential backoff when its handler throws, and kept as `failed` (for the admin to see and
 * retry) once its retries are spent. Cron jobs (`schedule`, minute granularity) run once per slot
 * across instances. pg-boss polls (no LISTEN), so it runs over the app's own database handle —
 * embedded PGlite (no TCP server) as well as a Postgres pool — through its `db` option.
 *
 * Work that must run more often than once a minute (the exam deadline sweep) stays a local
 * interval (`every`): cron cannot go below a minute, and those sweeps are already safe on every
 * instance at once because they claim their rows with `for update skip locked`.
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database, Executor } from '../db/database.ts';

/** The schema pg-boss keeps its tables in (created on first start, next to Merit's own). */
export const JOBS_SCHEMA = 'pgboss';

interface SqlResult {
  rows: unknown[];
}
/** What pg-boss's `db` option needs. */
export interface JobsSql {
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
}

type PGliteExec = { exec(text: string): Promise<{ rows: unknown[] }[]> };

/**
 * pg-boss's SQL over a Kysely executor (the database, or a caller's transaction). A statement with
 * parameters runs as one query; one without may be a script (`BEGIN; lock; …; COMMIT`): PGlite
 * runs it with `exec`, node-postgres with the simple protocol. A script that fails is rolled back
 * on the same connection, so no aborted transaction goes back to the pool (or holds PGlite).
 */
export function jobsSql(database: Pick<Database, 'kind'>, executor: Executor): JobsSql {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const r = await executor.executeQuery(CompiledQuery.raw(text, values));
        return { rows: r.rows as unknown[] };
      }
      return executor.getExecutor().provideConnection(async (conn) => {
        const client = (conn as unknown as { client?: PGliteExec }).client;
        try {
          if (database.kind === 'pglite' && client) {
            const results = await client.exec(text);
            return { rows: results.at(-1)?.rows ?? [] };
          }
          return { rows: (await conn.executeQuery(CompiledQuery.raw(text, []))).rows as unknown[] };
        } catch (err) {
          if (/\bbegin\b/i.test(text)) await conn.executeQuery(CompiledQuery.raw('rollback', [])).catch(() => {});
          throw err;
        }
      });
    },
  };
}

/** One run of a job, as its handler sees it. */
export interface JobRun<T> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** No retry follows if this run fails. */
  final: boolean;
}

export interface JobSpec<T = Record<string, unknown>> {
  name: string;
  handler: (run: JobRun<T>) => Promise<void>;
  /** Retries after the first run (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); with backoff each retry waits about twice as long. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run still active after this long is taken as lost and retried (default 15 minutes). */
  expireInSeconds?: number;
  /** A cron expression (minute granularity): one run per slot across all instances. */
  cron?: string;
  /** How often this instance asks for work (default 2 s). */
  pollingIntervalSeconds?: number;
  /** Runs taken per poll and run side by side (default 1). */
  batchSize?: number;
}

/** A job whose retries are spent, for the admin's list. */
export interface FailedJob {
  id: string;
  name: string;
  error: string | null;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
}

export interface JobRunner {
  /** Registers a job (before `start`). */
  define<T>(spec: JobSpec<T>): void;
  /** Registers a local interval for sub-minute work that is safe on every instance (see the file comment). */
  every(name: string, intervalMs: number, run: () => Promise<unknown>, opts?: { atStart?: boolean }): void;
  /** Installs or upgrades the pg-boss schema, creates the queues, schedules crons, starts workers and intervals. */
  start(): Promise<void>;
  /** Stops taking work and waits (a few seconds at most) for runs in progress. */
  stop(): Promise<void>;
  /** True once `start` finished on this instance (jobs can then be sent in a transaction). */
  readonly running: boolean;
  /** Queues a job inside `executor` (a transaction: rolled back → never queued); an existing `id` is kept, not doubled. */
  send(executor: Executor, name: string, data: object, opts?: { id?: string }): Promise<string | null>;
  /** Failed jobs, newest first (none before the schema exists). */
  failed(limit: number): Promise<FailedJob[]>;
  /** Runs a failed job once more; false when it is not (or no longer) failed. */
  retry(name: string, id: string): Promise<boolean>;
  /** Sets who is told when a run fails (the server's log). */
  onError(listener: JobErrorListener): void;
}

export type JobErrorListener = (err: unknown, job?: string) => void;

export interface JobRunnerOptions {
  database: Database;
  /** Told when a run fails or pg-boss reports an error (also settable later with `onError`). */
  onError?: JobErrorListener;
  /** Seconds between pg-boss maintenance runs (expiring lost runs, archiving), default 60. */
  maintenanceIntervalSeconds?: number;
}

const errorText = (output: unknown): string | null => {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return output == null ? null : JSON.stringify(output).slice(0, 500);
};

type Interval = { name: string; ms: number; run: () => Promise<unknown>; atStart: boolean };
type Listener = { onError?: JobErrorListener | undefined };

function createBoss(database: Database, maintenanceIntervalSeconds: number): PgBoss {
  return new PgBoss({
    db: jobsSql(database, database.db),
    schema: JOBS_SCHEMA,
    supervise: true,
    schedule: true,
    migrate: true,
    maintenanceIntervalSeconds,
    // Failed jobs stay listed (and retryable) for a month; completed ones leave after a day.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 30 * 24 * 3600,
  } as PgBoss.ConstructorOptions);
}

/** Whether pg-boss's tables exist (a server has started once on this database). */
async function installed(database: Database): Promise<boolean> {
  const r = await jobsSql(database, database.db).executeSql('select to_regclass($1) as t', [`${JOBS_SCHEMA}.job`]);
  return Boolean((r.rows[0] as { t: string | null }).t);
}

async function listFailed(database: Database, limit: number): Promise<FailedJob[]> {
  if (!(await installed(database))) return [];
  const { rows } = await jobsSql(database, database.db).executeSql(
    `select id, name, output, retry_count, created_on, completed_on from ${JOBS_SCHEMA}.job
     where state = 'failed' order by completed_on desc nulls last limit $1`,
    [limit],
  );
  return (rows as Record<string, unknown>[]).map((r) => ({
    id: String(r.id),
    name: String(r.name),
    error: errorText(r.output),
    attempts: Number(r.retry_count) + 1,
    createdAt: new Date(r.created_on as string),
    failedAt: r.completed_on ? new Date(r.completed_on as string) : null,
  }));
}

/** Creates (or updates) the queue with the spec's retry options, schedules its cron, starts its worker. */
async function startSpec(boss: PgBoss, spec: JobSpec<never>, listener: Listener): Promise<void> {
  const queue = {
    name: spec.name,
    retryLimit: spec.retryLimit ?? 2,
    retryDelay: spec.retryDelaySeconds ?? 30,
    retryBackoff: spec.retryBackoff ?? false,
    expireInSeconds: spec.expireInSeconds ?? 15 * 60,
  };
  // Another instance may have created it first (or with older options): update to ours.
  if (await boss.getQueue(spec.name)) await boss.updateQueue(spec.name, queue);
  else await boss.createQueue(spec.name, queue).catch(async () => boss.updateQueue(spec.name, queue));
  if (spec.cron) await boss.schedule(spec.name, spec.cron);
  const runOne = async (j: PgBoss.JobWithMetadata<never>) => {
    try {
      const attempt = { attempt: j.retryCount + 1, final: j.retryCount >= j.retryLimit };
      await spec.handler({ id: j.id, name: j.name, data: j.data, ...attempt });
    } catch (err) {
      listener.onError?.(err, spec.name);
      throw err;
    }
  };
  // A batch's runs go side by side; each failure is recorded on its own job (pg-boss would fail
  // the whole batch), and pg-boss then completes the runs still active.
  const batchSize = spec.batchSize ?? 1;
  await boss.work(
    spec.name,
    { pollingIntervalSeconds: spec.pollingIntervalSeconds ?? 2, includeMetadata: true, batchSize },
    async (batch) => {
      const jobs = batch as PgBoss.JobWithMetadata<never>[];
      if (batchSize === 1) return runOne(jobs[0]!);
      const fail = (j: PgBoss.JobWithMetadata<never>, err: unknown) =>
        boss.fail(spec.name, j.id, { message: err instanceof Error ? err.message : String(err) });
      await Promise.all(jobs.map((j) => runOne(j).catch((err: unknown) => fail(j, err))));
    },
  );
}

/** Starts the local intervals; each skips a tick while its last run is still going. */
function startIntervals(intervals: Interval[], isRunning: () => boolean, listener: Listener): NodeJS.Timeout[] {
  return intervals.map((i) => {
    let busy = false;
    const tick = () => {
      if (busy || !isRunning()) return;
      busy = true;
      i.run()
        .catch((err: unknown) => listener.onError?.(err, i.name))
        .finally(() => (busy = false));
    };
    if (i.atStart) tick();
    const timer = setInterval(tick, i.ms);
    timer.unref?.();
    return timer;
  });
}

/** The job runner over `database`; nothing touches the database until `start`. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database } = options;
  const listener: Listener = { onError: options.onError };
  const specs = new Map<string, JobSpec<never>>();
  const intervals: Interval[] = [];
  let timers: NodeJS.Timeout[] = [];
  const boss = createBoss(database, options.maintenanceIntervalSeconds ?? 60);
  boss.on('error', (err) => listener.onError?.(err));
  let running = false;
  return {
    define(spec) {
      specs.set(spec.name, spec as JobSpec<never>);
    },
    every(name, intervalMs, run, everyOpts = {}) {
      intervals.push({ name, ms: intervalMs, run, atStart: everyOpts.atStart === true });
    },
    async start() {
      if (running) return;
      await boss.start();
      for (const spec of specs.values()) await startSpec(boss, spec, listener);
      running = true;
      timers = startIntervals(intervals, () => running, listener);
    },
    async stop() {
      if (!running) return;
      running = false;
      timers.splice(0).forEach(clearInterval);
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 });
    },
    get running() {
      return running;
    },
    async send(executor, name, data, sendOpts = {}) {
      const db = jobsSql(database, executor);
      return boss.send(name, data, { db, ...(sendOpts.id ? { id: sendOpts.id } : {}) } as PgBoss.SendOptions);
    },
    failed: (limit) => listFailed(database, limit),
    onError(fn) {
      listener.onError = fn;
    },
    async retry(name, id) {
      if (!(await installed(database))) return false;
      const r = (await boss.retry(name, id)) as unknown as { affected?: number } | number;
      return (typeof r === 'number' ? r : (r.affected ?? 0)) > 0;
    },
  };
}
