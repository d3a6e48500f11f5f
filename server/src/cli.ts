/**
 * `merit <command>`: serve, migrate, seed --demo, audit verify|checkpoint, files check|migrate, users create,
 * backup --out FILE, restore FILE.
 * Exit codes: 0 ok, 1 failure (e.g. audit log not intact), 2 bad usage or bad input.
 */
import { parseArgs } from 'node:util';
import { ROLES } from '../../common/contracts/identity.ts';
import { AppError } from './errors.ts';
import { ConfigError, loadConfig } from './config.ts';
import { serve, startRuntime } from './main.ts';
import { seedDemo, seedOrganizations } from '../seeds/demo.ts';
import { runIntegrate, runRank } from './modules/selection/index.ts';
import type { Role } from './db/schema.ts';
import { checkStoredFiles } from './platform/file-sweep.ts';
import { runFilesMigrate } from './platform/file-store-migrate.ts';
import { createConnection } from 'node:net';
import path from 'node:path';
import { composeServices } from './compose.ts';
import { openDatabase } from './db/database.ts';
import { loadAuditSigner } from './modules/transparency/index.ts';
import {
  createBackup,
  localSealedFiles,
  meritVersion,
  restoreBackup,
  RestoreRefusedError,
  s3SealedFiles,
} from './platform/backup.ts';
import { openS3Bucket } from './platform/file-store-s3.ts';

const USAGE = `Penggunaan: merit <perintah>

  serve                         jalankan platform (bawaan)
  migrate                       jalankan migrasi basis data
  seed --demo                   isi data demo Kota Palu (OPD + satu akun per peran)
  audit verify                  periksa rantai hash dan semua checkpoint log audit
  audit checkpoint              tandatangani checkpoint Merkle baru
  files check [--remove]        daftar berkas tersimpan yang tidak dirujuk data mana pun; dengan
                                --remove hapus yang lebih tua dari FILES_ORPHAN_GRACE_HOURS
  files migrate --to s3         salin semua berkas lokal ke bucket S3 (S3_*) dan periksa SHA-256
                                tiap berkas; aman diulang (yang sudah sama dilewati)
  users create --role R --email E --name N [--password P] [--org OPD]
                                buat akun (tanpa --password: tautan aktivasi dikirim lewat email)
  rank --year <2023|2024> --formations F --scores S --out O
                                peringkat SKD dari data terbuka (docs/open-data.md)
  integrate --formations F --ranking R --skb B --out O
                                nilai akhir SKD+SKB dari data terbuka
  backup --out FILE             cadangan lengkap (basis data, berkas terenkripsi, manifest) ke satu arsip
  restore FILE [--allow-other-keys]
                                pulihkan arsip ke basis data dan folder berkas yang KOSONG, lalu
                                periksa log audit dan jumlah baris (docs/operations.md)
Peran: ${ROLES.join(', ')}`;

type Runtime = Awaited<ReturnType<typeof startRuntime>>;
type AppConfig = ReturnType<typeof loadConfig>;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', sub, ...rest] = argv;
  if (command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  // The open-data tools need no database or configuration: anyone can run them on published files.
  if (command === 'rank') return runRank(argv.slice(1));
  if (command === 'integrate') return runIntegrate(argv.slice(1));
  const config = loadConfig();
  // Copying the files to S3 needs the bucket, not the database.
  if (command === 'files' && sub === 'migrate') return runFilesMigrate(config, rest);
  // Before startRuntime: a backup must not migrate what it copies, and a restore needs an empty target.
  if (command === 'backup' || command === 'restore') return runBackupCommand(config, command, argv.slice(1));
  if (command === 'serve') {
    await serve(config);
    return -1; // keep running
  }
  const rt = await startRuntime(config);
  try {
    const code = await runCommand(rt, config, command, sub, rest);
    if (code !== null) return code;
    console.error(USAGE);
    return 2;
  } finally {
    await rt.database.close();
  }
}

/** Runs a command that needs the database; null when the command or its arguments are not known. */
async function runCommand(
  rt: Runtime,
  config: AppConfig,
  command: string,
  sub: string | undefined,
  rest: string[],
): Promise<number | null> {
  switch (command) {
    case 'migrate':
      console.log(`Migrasi selesai: ${rt.migrations} migrasi diterapkan.`);
      return 0;
    case 'seed': {
      if (sub !== '--demo') return null;
      await seedOrganizations(rt.database);
      const created = await seedDemo(rt.database, rt.services);
      console.log(
        created.length ? `Akun demo dibuat: ${created.map((a) => a.email).join(', ')}` : 'Data demo sudah ada.',
      );
      return 0;
    }
    case 'audit':
      return runAudit(rt, sub);
    case 'files':
      if (sub !== 'check' || rest.some((a) => a !== '--remove')) return null;
      return runFilesCheck(rt, config, rest.includes('--remove'));
    case 'users':
      if (sub !== 'create') return null;
      return createUser(rt, rest);
  }
  return null;
}

/** `audit verify` (1 when the log is not intact) and `audit checkpoint`. */
async function runAudit(rt: Runtime, sub: string | undefined): Promise<number | null> {
  if (sub === 'verify') {
    const r = await rt.services.audit.verify(rt.database.db);
    if (r.ok) {
      console.log(`Log audit utuh: ${r.events} kejadian, ${r.checkpoints} checkpoint terverifikasi.`);
      return 0;
    }
    console.error(`LOG AUDIT TIDAK UTUH: ${r.problem}`);
    return 1;
  }
  if (sub === 'checkpoint') {
    const size = await rt.services.audit.checkpoint(rt.database.db);
    console.log(
      size ? `Checkpoint ditandatangani untuk ${size} kejadian.` : 'Tidak ada kejadian baru sejak checkpoint terakhir.',
    );
    return 0;
  }
  return null;
}

/** `files check [--remove]`: lists stored files no data refers to, removing the old ones when asked. */
async function runFilesCheck(rt: Runtime, config: AppConfig, remove: boolean): Promise<number> {
  const r = await checkStoredFiles(
    { db: rt.database.db, files: rt.services.files },
    { now: rt.services.clock.now(), graceMs: config.filesOrphanGraceMs, remove },
  );
  for (const o of r.orphans)
    console.log(`${o.key}\t${o.storedAt.toISOString()}${r.removed.includes(o.key) ? '\tdihapus' : ''}`);
  console.log(
    `${r.stored} berkas tersimpan; ${r.orphans.length} tanpa data yang merujuk${remove ? `, ${r.removed.length} dihapus (lebih tua dari ${config.filesOrphanGraceMs / 3600_000} jam)` : ''}.`,
  );
  return 0;
}

/** `users create`: with --password an active account, otherwise staff invited by an activation link. */
async function createUser(rt: Runtime, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      org: { type: 'string' },
    },
    strict: true,
  });
  if (!values.role || !values.email || !values.name || !(ROLES as readonly string[]).includes(values.role)) {
    console.error(`--role, --email dan --name wajib; peran harus salah satu dari: ${ROLES.join(', ')}`);
    return 2;
  }
  const role = values.role as Role;
  if (values.password) {
    const { id } = await rt.services.identity.createAccountWithPassword({
      email: values.email,
      fullName: values.name,
      role,
      password: values.password,
      organizationId: values.org ?? null,
    });
    console.log(`Akun ${values.email} (${role}) dibuat: ${id}`);
    return 0;
  }
  if (role === 'applicant') {
    console.error('Pelamar mendaftar sendiri dengan NIK; untuk pelamar gunakan --password.');
    return 2;
  }
  const a = await rt.services.identity.createStaff(
    { accountId: '00000000-0000-0000-0000-000000000000', role: 'admin', organizationId: null },
    { email: values.email, fullName: values.name, role, organizationId: values.org ?? null },
  );
  console.log(`Akun ${a.email} (${a.role}) dibuat; tautan aktivasi dikirim ke email (atau lihat kotak keluar admin).`);
  return 0;
}

/** True when something listens on the configured address: a server that holds the PGlite folder. */
async function serverListening(config: AppConfig): Promise<boolean> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return new Promise((resolve) => {
    const socket = createConnection({ host, port: config.port, timeout: 500 });
    const done = (up: boolean) => (socket.destroy(), resolve(up));
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
    socket.on('timeout', () => done(false));
  });
}

/** `backup --out FILE` and `restore FILE` (platform/backup.ts); exit 2 when refused, 1 on a mismatch. */
async function runBackupCommand(config: AppConfig, command: 'backup' | 'restore', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, 'allow-other-keys': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const file = command === 'backup' ? values.out : positionals[0];
  if (!file || positionals.length > (command === 'backup' ? 0 : 1)) {
    console.error(USAGE);
    return 2;
  }
  if (!config.databaseUrl && (await serverListening(config))) {
    console.error(
      `Server Merit berjalan di ${config.host}:${config.port}: hentikan dulu (PGlite hanya boleh dibuka satu proses).`,
    );
    return 2;
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  const keys = { fileEncryptionKey: config.fileEncryptionKey, sessionSecret: config.sessionSecret };
  const bucket = config.fileStore === 's3' && config.s3 ? openS3Bucket(config.s3) : null;
  const files = bucket ? s3SealedFiles(bucket) : localSealedFiles(config.filesDir);
  try {
    if (command === 'backup') {
      const r = await createBackup({
        database,
        files,
        keys,
        out: file,
        now: new Date(),
        meritVersion: await meritVersion(),
        log: console.log,
      });
      const rows = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
      console.log(
        `Cadangan ditulis / backup written: ${file} (${(r.bytes / 1e6).toFixed(1)} MB; ${rows} baris, ${r.manifest.files.length} berkas, migrasi ${r.manifest.migrationLevel}).`,
      );
      console.log(`Simpan TERPISAH dari arsip / keep apart: ${r.manifest.secrets.map((s) => s.name).join(', ')}.`);
      if (r.manifest.missingFiles.length === 0) return 0;
      console.error(
        `PERINGATAN: ${r.manifest.missingFiles.length} berkas dirujuk data tetapi tidak ada di folder berkas:`,
      );
      for (const k of r.manifest.missingFiles) console.error(`  ${k}`);
      return 1;
    }
    const r = await restoreBackup({
      archive: file,
      database,
      files,
      keys,
      allowOtherKeys: values['allow-other-keys'] ?? false,
      log: console.log,
      verifyAudit: async (db) => {
        const signer = loadAuditSigner({ dataDir: config.dataDir, pem: config.auditSigningKey });
        const v = await composeServices({ database: db, config, signer }).audit.verify(db.db);
        return v.ok
          ? { ok: true, message: `utuh: ${v.events} kejadian, ${v.checkpoints} checkpoint terverifikasi` }
          : { ok: false, message: v.problem };
      },
    });
    const rows = r.tables.reduce((sum, t) => sum + t.actual, 0);
    const same = r.tables.filter((t) => t.actual === t.expected).length;
    console.log(`Tabel / tables: ${same}/${r.tables.length} cocok dengan manifest (${rows} baris).`);
    console.log(
      `Berkas / files: ${r.files}/${r.manifest.files.length} (SHA-256 diperiksa). Log audit: ${r.audit.message}.`,
    );
    if (r.ok) {
      console.log(
        `Pemulihan selesai / restore complete: cadangan ${r.manifest.createdAt}, migrasi ${r.manifest.migrationLevel}. Jalankan: merit serve`,
      );
      return 0;
    }
    console.error(`PEMULIHAN TIDAK COCOK / RESTORE MISMATCH (${r.problems.length}):`);
    for (const p of r.problems.slice(0, 50)) console.error(`  - ${p}`);
    return 1;
  } catch (err) {
    if (!(err instanceof RestoreRefusedError)) throw err;
    console.error(err.message);
    return 2;
  } finally {
    bucket?.destroy();
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError)
      console.error(
        `${err.userMessage.id}${err.details.fields ? ' ' + err.details.fields.map((f) => `${f.field}: ${f.message.id}`).join('; ') : ''}`,
      );
    else console.error(err);
    process.exit(err instanceof AppError || err instanceof ConfigError ? 2 : 1);
  },
);
