/**
 * Opens the database the config names: embedded PGlite under the data dir by default, or a
 * PostgreSQL server when DATABASE_URL is set. Both speak the same SQL and return the same JS
 * types (int8 → number, date → 'YYYY-MM-DD' string), so no other module knows which one runs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { createStatementNamer, prepareHotStatements } from './prepared.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  /** Runs a multi-statement SQL script (a migration) inside the given transaction. */
  execScript(trx: Transaction<DB>, script: string): Promise<void>;
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  /** LISTEN on a dedicated connection; `onLost` is told if that connection dies (messages may be missed). */
  listen(channel: string, onMessage: (payload: string) => void, onLost?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` (or undefined with no URL) keeps it in memory. */
  pgliteDir?: string;
  /** Load a PGlite data dump (from `dumpDataDir`) instead of starting empty: fast test setup. */
  pgliteLoadDataDir?: Blob | File;
  poolSize?: number;
  /**
   * DATABASE_LISTEN_URL: LISTEN connections go here instead of `databaseUrl` — a direct connection
   * when `databaseUrl` is a pooler in transaction mode, where a LISTEN hears nothing.
   */
  listenUrl?: string | undefined;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.listenUrl ?? opts.databaseUrl)
    : openPGlite(opts);
}

async function openPGlite(opts: OpenOptions): Promise<Database> {
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const client = await PGlite.create(dir, {
    parsers: { [INT8_OID]: toNumber, [DATE_OID]: asText },
    ...(opts.pgliteLoadDataDir ? { loadDataDir: opts.pgliteLoadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    async execScript(_trx, script) {
      // The transaction holds the PGlite mutex, so the raw client runs inside it.
      await client.exec(script);
    },
    async listen(channel, onMessage) {
      const unsubscribe = await client.listen(channel, onMessage);
      return async () => unsubscribe();
    },
    async close() {
      await db.destroy();
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, listenUrl: string): Promise<Database> {
  const typeParsers: Record<number, (v: string) => unknown> = { [INT8_OID]: toNumber, [DATE_OID]: asText };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection (Postgres restarting) must not crash the process: idle clients report
  // to the pool, and a checked-out client (mid-transaction) reports on itself — its query still
  // rejects, and the pool discards the broken client when it is released.
  pool.on('error', () => {});
  const nameOf = createStatementNamer();
  pool.on('connect', (client) => {
    client.on('error', () => {});
    prepareHotStatements(client, nameOf);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<pg.Client>();
  let closing = false; // listeners that close() ends are not lost
  return {
    db,
    kind: 'postgres',
    async execScript(trx, script) {
      // No parameters → node-postgres uses the simple protocol, which accepts many statements.
      await sql.raw(script).execute(trx);
    },
    async listen(channel, onMessage, onLost) {
      const client = new pg.Client({ connectionString: listenUrl });
      let ended = false;
      const lost = () => {
        if (!ended && !closing) onLost?.();
        ended = true;
      };
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onMessage(n.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        ended = true;
        listeners.delete(client);
        await client.end().catch(() => {});
      };
    },
    async close() {
      closing = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await db.destroy();
    },
  };
}

/** Kysely `sql` re-exported so repositories import query helpers from one place. */
export { sql };
