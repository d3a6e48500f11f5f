/**
 * `merit backup` and `merit restore` (issue 28 §4): one archive holding a consistent snapshot of the
 * database, the stored files as they are on disk (still AES-256-GCM ciphertext: a backup never
 * decrypts), and a manifest (format, time, Merit version, migration level, row counts, SHA-256 of
 * every file, and the names — never the values — of the secrets kept apart from the archive).
 *
 * The database part is logical and the same for PGlite and Postgres: every table is read inside one
 * REPEATABLE READ READ ONLY transaction (one snapshot, so counts and foreign keys agree) as each
 * row's composite text (`row::text`, the type's own text I/O, exact for every column type), and
 * restored with `insert … select from unnest($rows::text[]::table[])`. Chosen over `pg_dump` because
 * it needs no client binaries matching the server's major version, works on PGlite (which has no
 * pg_dump), and lets an archive made on the embedded database be restored into a Postgres server —
 * the way to move from one to the other. The schema itself is not in the archive: restore runs
 * this version's migrations up to the archive's level (their checksums must match), then loads.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, DatabaseKind } from '../db/database.ts';
import { migrate, readMigrations, type MigrationFile } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { createArchiveWriter, readArchive } from './backup-archive.ts';
import { STORE_ID_OBJECT, type S3Bucket } from './file-store-s3.ts';
import { FILE_KEY_COLUMNS } from './file-sweep.ts';

export const BACKUP_FORMAT = 'merit-backup';
const PACKAGE_NAME = 'merit';
export const BACKUP_FORMAT_VERSION = 1;
const ROWS_PER_FETCH = 2_000;
const CHUNK_BYTES = 4 * 1024 * 1024;
const ROWS_PER_INSERT = 1_000;
const FILES_IN_FLIGHT = 32;
const KEY_PATTERN =
  /^([0-9a-f]{2})\/([0-9a-f]{2})\/(\1\2[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Secrets an operator keeps apart from the archive (names and where they live only, never values). */
export const SECRETS_KEPT_SEPARATELY = [
  {
    name: 'FILE_ENCRYPTION_KEY',
    orFile: 'MERIT_DATA_DIR/file-key',
    why: 'documents in the archive are AES-256-GCM ciphertext: without this key nobody can read them',
  },
  {
    name: 'SESSION_SECRET',
    orFile: 'MERIT_DATA_DIR/session-secret',
    why: 'derives the audit-log pseudonyms (ADR 0007) and signs cookies',
  },
  {
    name: 'AUDIT_SIGNING_KEY',
    orFile: 'MERIT_DATA_DIR/keys/audit-ed25519.pem',
    why: 'signs new audit checkpoints (old ones verify with the public keys stored in audit_keys)',
  },
  { name: 'DATABASE_URL', orFile: null, why: 'the Postgres password, when a server is used' },
  { name: 'SMTP_URL', orFile: null, why: 'the mail server password, when set' },
] as const;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  meritVersion: string;
  database: { kind: DatabaseKind; serverVersion: string };
  /** The highest migration applied; restore migrates an empty target to exactly this level. */
  migrationLevel: number;
  migrations: { version: number; name: string; checksum: string }[];
  /** Rows per table in the snapshot (schema_migrations excluded: it is `migrations` above). */
  tables: Record<string, number>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** Every stored file a row of the snapshot points at: SHA-256 and size of the bytes as stored (encrypted). */
  files: { key: string; sha256: string; size: number }[];
  /** Keys a row points at whose file was not in the store when the backup ran. */
  missingFiles: string[];
  /** The file store's id (`files/store-id`), so a restored store matches `file_store_marks`. */
  storeId: string | null;
  secrets: typeof SECRETS_KEPT_SEPARATELY;
  /** HMAC fingerprints that let restore tell whether the configured keys are the ones used (not the keys). */
  keyChecks: { FILE_ENCRYPTION_KEY: string; SESSION_SECRET: string };
}

/** The stored bytes of the file store, exactly as at rest (encrypted), for copying without decrypting. */
export interface SealedFiles {
  /** The bytes stored under a key, or null when the key has no file. */
  readSealed(key: string): Promise<Buffer | null>;
  writeSealed(key: string, bytes: Buffer): Promise<void>;
  /** True when the store holds nothing at all (a restore target). */
  isEmpty(): Promise<boolean>;
  readStoreId(): Promise<string | null>;
  writeStoreId(id: string): Promise<void>;
}

export interface BackupKeys {
  fileEncryptionKey: Buffer;
  sessionSecret: string;
}

/** Refused before anything was written (bad archive, non-empty target, other keys): exit 2. */
export class RestoreRefusedError extends Error {}

const keyPath = (root: string, key: string) => {
  const m = KEY_PATTERN.exec(key);
  if (!m) throw new RestoreRefusedError(`Kunci berkas tidak sah di arsip / invalid file key in archive: ${key}`);
  return path.join(root, m[1]!, m[2]!, m[3]!);
};

/** The local file store's folder (`<dataDir>/files`) as sealed bytes. */
export function localSealedFiles(root: string): SealedFiles {
  const base = path.resolve(root);
  return {
    async readSealed(key) {
      try {
        return await readFile(keyPath(base, key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async writeSealed(key, bytes) {
      const target = keyPath(base, key);
      await mkdir(path.dirname(target), { recursive: true });
      const h = await open(target, 'wx', 0o600);
      try {
        await h.writeFile(bytes);
        await h.sync();
      } finally {
        await h.close();
      }
    },
    async isEmpty() {
      return !existsSync(base) || (await readdir(base)).length === 0;
    },
    async readStoreId() {
      const file = path.join(base, 'store-id');
      return existsSync(file) ? (await readFile(file, 'utf8')).trim() : null;
    },
    async writeStoreId(id) {
      await mkdir(base, { recursive: true });
      await writeFile(path.join(base, 'store-id'), `${id}\n`, { mode: 0o644, flag: 'wx' });
    },
  };
}

/** The S3 file store's bucket (FILE_STORE=s3) as sealed bytes: objects are named by their file key. */
export function s3SealedFiles(bucket: S3Bucket): SealedFiles {
  const checked = (key: string) => {
    if (!KEY_PATTERN.test(key))
      throw new RestoreRefusedError(`Kunci berkas tidak sah di arsip / invalid file key in archive: ${key}`);
    return key;
  };
  return {
    readSealed: async (key) => bucket.getObject(checked(key)),
    async writeSealed(key, bytes) {
      await bucket.putObject(checked(key), bytes, { ifNoneMatch: true });
    },
    async isEmpty() {
      for await (const _ of bucket.listObjects()) return false;
      return true;
    },
    async readStoreId() {
      return (await bucket.getObject(STORE_ID_OBJECT))?.toString('utf8').trim() ?? null;
    },
    async writeStoreId(id) {
      await bucket.putObject(STORE_ID_OBJECT, Buffer.from(`${id}\n`), { ifNoneMatch: true });
    },
  };
}

/** A fingerprint of a key (HMAC of a fixed label under it): equal keys match, the key is not revealed. */
export function keyCheck(key: Buffer | string): string {
  return createHmac('sha256', key).update('merit backup key check v1').digest('hex').slice(0, 16);
}

/** The version in Merit's package.json, found upward from this module (source or bundle); 'unknown' if none. */
export async function meritVersion(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
    } catch {
      /* not here: look one folder up */
    }
  }
  return 'unknown';
}

// Output styles fixed for the snapshot so the text of every value is unambiguous on any server.
async function setStableOutput(trx: Transaction<DB>) {
  await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
  await sql`set local intervalstyle = 'postgres'`.execute(trx);
  await sql`set local timezone = 'UTC'`.execute(trx);
  await sql`set local extra_float_digits = 3`.execute(trx);
  await sql`set local bytea_output = 'hex'`.execute(trx);
}

async function relations(db: Kysely<DB> | Transaction<DB>, kind: 'r' | 'S'): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = ${kind} order by c.relname`.execute(db);
  return rows.map((r) => r.name).filter((n) => n !== 'schema_migrations');
}

interface Snapshot {
  tables: Record<string, number>;
  sequences: BackupManifest['sequences'];
  migrations: BackupManifest['migrations'];
  fileKeys: string[];
  serverVersion: string;
}

/** Writes every table as chunks of NDJSON (one JSON string of `row::text` per line) inside one snapshot. */
async function dumpDatabase(db: Kysely<DB>, add: (name: string, data: Buffer) => Promise<void>): Promise<Snapshot> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    await setStableOutput(trx);
    const tables: Record<string, number> = {};
    for (const table of await relations(trx, 'r')) {
      let count = 0;
      let chunk = 0;
      let lines: string[] = [];
      let size = 0;
      const flush = async () => {
        if (lines.length === 0) return;
        chunk += 1;
        await add(`db/${table}/${String(chunk).padStart(6, '0')}.ndjson`, Buffer.from(lines.join('\n'), 'utf8'));
        lines = [];
        size = 0;
      };
      await sql`declare merit_backup no scroll cursor for select merit_row::text as r from ${sql.table(table)} as merit_row`.execute(
        trx,
      );
      for (;;) {
        const { rows } = await sql<{ r: string }>`fetch ${sql.raw(String(ROWS_PER_FETCH))} from merit_backup`.execute(
          trx,
        );
        for (const row of rows) {
          const line = JSON.stringify(row.r);
          lines.push(line);
          size += line.length;
        }
        count += rows.length;
        if (size >= CHUNK_BYTES) await flush();
        if (rows.length < ROWS_PER_FETCH) break;
      }
      await flush();
      await sql`close merit_backup`.execute(trx);
      tables[table] = count;
    }
    const sequences: BackupManifest['sequences'] = [];
    for (const name of await relations(trx, 'S')) {
      const { rows } = await sql<{ last: string; called: boolean }>`
        select last_value::text as last, is_called as called from ${sql.table(name)}`.execute(trx);
      sequences.push({ name, lastValue: rows[0]!.last, isCalled: rows[0]!.called });
    }
    const migrations = (
      await sql<{ version: number; name: string; checksum: string }>`
        select version, name, checksum from schema_migrations order by version`.execute(trx)
    ).rows;
    const parts = FILE_KEY_COLUMNS.map(
      ([t, c]) =>
        sql`select ${sql.ref(`${t}.${c}`)} as key from ${sql.table(t)} where ${sql.ref(`${t}.${c}`)} is not null`,
    );
    const keys = (await sql<{ key: string }>`${sql.join(parts, sql` union `)} order by key`.execute(trx)).rows;
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(trx)).rows[0]!.v;
    return { tables, sequences, migrations, fileKeys: keys.map((k) => k.key), serverVersion: version };
  });
}

export interface BackupResult {
  manifest: BackupManifest;
  /** Size of the archive on disk. */
  bytes: number;
}

/**
 * Writes a backup archive to `out` (refused when it exists). The archive is written as
 * `out.partial` and renamed at the end, so a file named `out` is always complete.
 */
export async function createBackup(opts: {
  database: Database;
  files: SealedFiles;
  keys: BackupKeys;
  out: string;
  now: Date;
  meritVersion: string;
  log?: (m: string) => void;
}): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  if (existsSync(opts.out)) throw new RestoreRefusedError(`${opts.out} sudah ada / already exists: pilih nama lain.`);
  const partial = `${opts.out}.partial`;
  await rm(partial, { force: true });
  const writer = createArchiveWriter(partial, { now: opts.now });
  try {
    const snap = await dumpDatabase(opts.database.db, (n, d) => writer.add(n, d));
    log(
      `Basis data / database: ${Object.keys(snap.tables).length} tabel, migrasi ${snap.migrations.at(-1)?.version ?? 0}`,
    );
    const files: BackupManifest['files'] = [];
    const missingFiles: string[] = [];
    for (const key of snap.fileKeys) {
      const bytes = await opts.files.readSealed(key);
      if (!bytes) {
        missingFiles.push(key);
        continue;
      }
      await writer.add(`files/${key}`, bytes);
      files.push({ key, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    }
    log(`Berkas / files: ${files.length}${missingFiles.length ? `, ${missingFiles.length} hilang / missing` : ''}`);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: opts.now.toISOString(),
      meritVersion: opts.meritVersion,
      database: { kind: opts.database.kind, serverVersion: snap.serverVersion },
      migrationLevel: snap.migrations.at(-1)?.version ?? 0,
      migrations: snap.migrations,
      tables: snap.tables,
      sequences: snap.sequences,
      files,
      missingFiles,
      storeId: await opts.files.readStoreId(),
      secrets: SECRETS_KEPT_SEPARATELY,
      keyChecks: {
        FILE_ENCRYPTION_KEY: keyCheck(opts.keys.fileEncryptionKey),
        SESSION_SECRET: keyCheck(opts.keys.sessionSecret),
      },
    };
    // Last, because it carries the counts and hashes; restore reads it before loading anything.
    await writer.add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 1), 'utf8'));
    await writer.close();
    await rename(partial, opts.out);
    return { manifest, bytes: (await stat(opts.out)).size };
  } catch (err) {
    await writer.close().catch(() => {});
    await rm(partial, { force: true });
    throw err;
  }
}

/** Reads and checks the manifest (a first pass over the archive). */
export async function readManifest(archive: string): Promise<BackupManifest> {
  let manifest: BackupManifest | null = null;
  for await (const entry of readArchive(archive)) {
    if (entry.name === 'manifest.json') manifest = JSON.parse(entry.data.toString('utf8')) as BackupManifest;
  }
  if (!manifest || manifest.format !== BACKUP_FORMAT) {
    throw new RestoreRefusedError(`${archive}: bukan arsip cadangan Merit / not a Merit backup (no manifest).`);
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new RestoreRefusedError(
      `Arsip format ${manifest.formatVersion} lebih baru dari versi ini (${BACKUP_FORMAT_VERSION}): gunakan Merit ${manifest.meritVersion} atau lebih baru.`,
    );
  }
  return manifest;
}

/** True when the current schema of the database has no tables, sequences or views at all. */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p', 'S', 'v', 'm')`.execute(db);
  return rows[0]!.n === 0;
}

/** The migrations of this version up to the archive's level; refused when the archive's differ. */
function migrationsFor(manifest: BackupManifest, ours: MigrationFile[]): MigrationFile[] {
  for (const m of manifest.migrations) {
    const mine = ours.find((f) => f.version === m.version);
    if (!mine) {
      throw new RestoreRefusedError(
        `Arsip memakai migrasi ${m.name} yang tidak dikenal versi ini: pulihkan dengan Merit ${manifest.meritVersion} atau lebih baru.`,
      );
    }
    if (mine.checksum !== m.checksum) {
      throw new RestoreRefusedError(`Migrasi ${m.name} di arsip berbeda isinya dari versi ini (checksum).`);
    }
  }
  return ours.filter((f) => f.version <= manifest.migrationLevel);
}

function checkKeys(manifest: BackupManifest, keys: BackupKeys): string[] {
  const problems: string[] = [];
  if (manifest.keyChecks.FILE_ENCRYPTION_KEY !== keyCheck(keys.fileEncryptionKey))
    problems.push('FILE_ENCRYPTION_KEY berbeda dari saat cadangan dibuat: dokumen tidak akan terbaca.');
  if (manifest.keyChecks.SESSION_SECRET !== keyCheck(keys.sessionSecret))
    problems.push('SESSION_SECRET berbeda dari saat cadangan dibuat: pseudonim log audit tidak dapat dihitung ulang.');
  return problems;
}

export interface RestoreReport {
  ok: boolean;
  manifest: BackupManifest;
  tables: { table: string; expected: number; actual: number }[];
  files: number;
  audit: { ok: boolean; message: string };
  problems: string[];
}

interface LoadState {
  columns: Map<string, string[]>;
  filesSeen: Set<string>;
  problems: string[];
}

async function loadRows(trx: Transaction<DB>, state: LoadState, table: string, data: Buffer) {
  const columns = state.columns.get(table);
  if (!columns) throw new RestoreRefusedError(`Arsip berisi tabel ${table} yang tidak ada di skema ini.`);
  const rows = data
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string);
  const cols = sql.join(columns.map((c) => sql.id(c)));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    await sql`insert into ${sql.table(table)} (${cols}) overriding system value
      select ${cols} from unnest(${batch}::text[]::${sql.table(table)}[])`.execute(trx);
  }
}

async function loadFile(
  files: SealedFiles,
  state: LoadState,
  expected: Map<string, string>,
  key: string,
  data: Buffer,
) {
  const sha = createHash('sha256').update(data).digest('hex');
  if (expected.get(key) !== sha) {
    state.problems.push(`berkas ${key}: SHA-256 tidak cocok / mismatch`);
    return;
  }
  await files.writeSealed(key, data);
  state.filesSeen.add(key);
}

/** Loads the archive's rows and files in one transaction: foreign keys are dropped and re-added (so checked once). */
async function loadArchive(
  archive: string,
  database: Database,
  files: SealedFiles,
  manifest: BackupManifest,
): Promise<LoadState> {
  const expected = new Map(manifest.files.map((f) => [f.key, f.sha256]));
  const state: LoadState = { columns: new Map(), filesSeen: new Set(), problems: [] };
  await database.db.transaction().execute(async (trx) => {
    await setStableOutput(trx);
    const tables = await relations(trx, 'r');
    const cols = await sql<{ table: string; column: string }>`
      select c.relname as table, a.attname as column from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and a.attgenerated = '' order by c.relname, a.attnum`.execute(trx);
    for (const r of cols.rows) state.columns.set(r.table, [...(state.columns.get(r.table) ?? []), r.column]);
    const fks = (
      await sql<{ table: string; name: string; def: string }>`
      select rel.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as def
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid
      join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = current_schema() and con.contype = 'f' order by rel.relname, con.conname`.execute(trx)
    ).rows;
    for (const fk of fks) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(trx);
    // Migrations may have inserted reference rows; the archive has them as they were.
    if (tables.length) await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
    // Files are written (each fsync'd) several at a time: one at a time the disk's flush latency dominates.
    const writing = new Set<Promise<void>>();
    let failed: unknown = null;
    for await (const entry of readArchive(archive)) {
      const db = /^db\/([a-z_][a-z0-9_]*)\/\d+\.ndjson$/.exec(entry.name);
      if (db) await loadRows(trx, state, db[1]!, entry.data);
      else if (entry.name.startsWith('files/')) {
        const p: Promise<void> = loadFile(files, state, expected, entry.name.slice(6), entry.data)
          .catch((err: unknown) => void (failed ??= err))
          .finally(() => writing.delete(p));
        writing.add(p);
        if (writing.size >= FILES_IN_FLIGHT) await Promise.race(writing);
      }
      if (failed) throw failed;
    }
    await Promise.all(writing);
    if (failed) throw failed;
    for (const fk of fks)
      await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.def)}`.execute(trx);
    for (const s of manifest.sequences)
      await sql`select setval(format('%I', ${s.name}::text)::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(
        trx,
      );
  });
  return state;
}

/**
 * Restores an archive into an empty database and an empty file store: migrates to the archive's
 * level, loads rows and files (every SHA-256 checked), then compares every table's row count with
 * the manifest and runs the audit-log verification handed in (`merit audit verify`).
 * Throws `RestoreRefusedError` before writing anything when the archive or the target is wrong.
 */
export async function restoreBackup(opts: {
  archive: string;
  database: Database;
  files: SealedFiles;
  keys: BackupKeys;
  /** Restore although the configured keys differ from the backup's (e.g. the file key is lost). */
  allowOtherKeys?: boolean;
  verifyAudit: (database: Database) => Promise<{ ok: boolean; message: string }>;
  migrations?: MigrationFile[];
  log?: (m: string) => void;
}): Promise<RestoreReport> {
  const log = opts.log ?? (() => {});
  const manifest = await readManifest(opts.archive);
  const files = migrationsFor(manifest, opts.migrations ?? readMigrations());
  const keyProblems = checkKeys(manifest, opts.keys);
  if (keyProblems.length && !opts.allowOtherKeys)
    throw new RestoreRefusedError(
      `${keyProblems.join('\n')}\nAtur kunci yang benar, atau ulangi dengan --allow-other-keys.`,
    );
  if (!(await isDatabaseEmpty(opts.database.db)))
    throw new RestoreRefusedError(
      'Basis data tujuan tidak kosong / target database is not empty: pulihkan ke basis data baru.',
    );
  if (!(await opts.files.isEmpty()))
    throw new RestoreRefusedError('Folder berkas tujuan tidak kosong / target file store is not empty.');
  log(`Migrasi ke tingkat ${manifest.migrationLevel}…`);
  await migrate(opts.database, files);
  log('Memuat data dan berkas / loading rows and files…');
  const state = await loadArchive(opts.archive, opts.database, opts.files, manifest);
  if (manifest.storeId) await opts.files.writeStoreId(manifest.storeId);
  const problems = [...keyProblems, ...state.problems];
  for (const f of manifest.files)
    if (!state.filesSeen.has(f.key) && !problems.some((p) => p.includes(f.key)))
      problems.push(`berkas ${f.key}: tidak ada di arsip / missing from archive`);
  for (const key of manifest.missingFiles) problems.push(`berkas ${key}: sudah hilang saat cadangan dibuat`);
  const tables: RestoreReport['tables'] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      opts.database.db,
    );
    const actual = rows[0]!.n;
    tables.push({ table, expected, actual });
    if (actual !== expected) problems.push(`tabel ${table}: ${actual} baris, manifest ${expected}`);
  }
  const audit = await opts.verifyAudit(opts.database);
  if (!audit.ok) problems.push(`log audit: ${audit.message}`);
  return { ok: problems.length === 0, manifest, tables, files: state.filesSeen.size, audit, problems };
}
