/**
 * How long `merit backup` and `merit restore` take for a platform of N applications, each with one
 * small stored document (run on purpose: `npm run bench:backup`). Seeds the rows with set-based SQL
 * (one period, one formation, N applicants, N applications, N documents) and writes N AES-256-GCM
 * sealed files like the file store does, backs everything up with `createBackup`, then restores into
 * a second, empty database and file folder with `restoreBackup` (migrations, rows, every file's
 * SHA-256, row counts, the audit-log check) and prints the times. Writes bench/results/backup.json.
 *
 * Database: DATABASE_URL (two throwaway databases on that server), else a throwaway Postgres cluster
 * when Debian's binaries exist, else — or with --pglite — two PGlite folders.
 *
 * Usage: npx tsx bench/backup.ts [--applications N] [--doc-bytes B] [--pglite] [--out FILE]
 */
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { composeServices } from '../server/src/compose.ts';
import { type Database, openDatabase, sql } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { ruleSetFor } from '../server/src/modules/recruitment/application-workflow.ts';
import { loadAuditSigner } from '../server/src/modules/transparency/index.ts';
import { createBackup, localSealedFiles, meritVersion, restoreBackup } from '../server/src/platform/backup.ts';
import { hashPassword } from '../server/src/platform/passwords.ts';
import { seedOrganizations } from '../server/seeds/demo.ts';
import { chooseDatabase } from './support/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    applications: { type: 'string' },
    'doc-bytes': { type: 'string' },
    pglite: { type: 'boolean' },
    out: { type: 'string' },
  },
});
const APPLICATIONS = Number(values.applications ?? 100_000);
const DOC_BYTES = Number(values['doc-bytes'] ?? 10_000);
const OUT = values.out ?? path.join(ROOT, 'bench/results/backup.json');
const FILE_KEY = randomBytes(32);
const SECRET = randomBytes(32).toString('base64url');
const SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJXV3zZ6q6OJWOLWpgnwNW4guLaga2lGj7iC3sZTLPOW
-----END PRIVATE KEY-----`;
const log = (m: string) => console.log(`[bench] ${m}`);
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(2));
for (const [k, v] of Object.entries({ APPLICATIONS, DOC_BYTES }))
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${k} must be a positive integer`);

/** The file store's envelope: nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16). */
function seal(plain: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', FILE_KEY, nonce);
  return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

/** One period and formation, then N applicants, applications and documents, set-based. */
async function seed(database: Database, filesDir: string) {
  const { db } = database;
  await seedOrganizations(database);
  const now = new Date();
  const year = now.getUTCFullYear();
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();
  const periodId = randomUUID();
  const formationId = randomUUID();
  await db
    .insertInto('recruitment_periods')
    .values({
      id: periodId,
      code: `CPNS-BACKUP-${year}`,
      name: `Seleksi CPNS Kota Palu ${year} (bench cadangan)`,
      year,
      type: 'CPNS',
      rule_set: JSON.stringify(ruleSetFor(year, 'CPNS')),
      stages: JSON.stringify({ registration: { start: day(-20), end: day(10) } }),
      age_cutoff_date: now.toISOString().slice(0, 10),
    })
    .execute();
  await db
    .insertInto('formations')
    .values({
      id: formationId,
      period_id: periodId,
      code: 'F00001',
      organization_id: 'bkpsdm',
      jabatan: 'Pranata Komputer Ahli Pertama',
      education_levels: ['S1'],
      majors: ['Teknik Informatika'],
      need_type: 'umum',
      quota: 10,
      placement: 'BKPSDM Kota Palu',
    })
    .execute();
  const hash = await hashPassword('bench-password-not-for-login');
  await sql`insert into accounts (id, email, email_normalized, password_hash, role, full_name, nik, birth_place,
      birth_date, gender, email_verified_at)
    select gen_random_uuid(), 'pelamar' || g || '@bench.merit.test', 'pelamar' || g || '@bench.merit.test', ${hash},
      'applicant', 'Pelamar Bench ' || g, '727141' || lpad(g::text, 10, '0'), 'Palu', date '1999-03-12', 'P', now()
    from generate_series(1, ${APPLICATIONS}::int) g`.execute(db);
  await sql`insert into applications (id, period_id, applicant_id, formation_id, registration_no, status, created_at)
    select gen_random_uuid(), ${periodId}::uuid, a.id, ${formationId}::uuid,
      'CPNS-BENCH-' || lpad((row_number() over (order by a.id))::text, 7, '0'), 'draft', now()
    from accounts a where a.role = 'applicant'`.execute(db);
  const ids = (await sql<{ id: string }>`select id from applications order by id`.execute(db)).rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 2_000) {
    const batch = ids.slice(i, i + 2_000).map((applicationId) => {
      const plain = randomBytes(DOC_BYTES);
      const id = randomUUID();
      return { applicationId, key: `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`, plain };
    });
    await Promise.all(
      batch.map(async (d) => {
        const file = path.join(filesDir, d.key);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, seal(d.plain));
      }),
    );
    await db
      .insertInto('application_documents')
      .values(
        batch.map((d) => ({
          application_id: d.applicationId,
          kind: 'ktp',
          file_key: d.key,
          mime: 'image/jpeg',
          size_bytes: DOC_BYTES,
          sha256: createHash('sha256').update(d.plain).digest('hex'),
          original_name: 'ktp.jpg',
          uploaded_at: now,
        })),
      )
      .execute();
    if ((i / 2_000) % 10 === 0) log(`  documents ${i + batch.length}/${ids.length}`);
  }
}

/** Two databases (source and restore target) on the chosen server, or two PGlite folders. */
async function databases(work: string) {
  const target = values.pglite ? null : await chooseDatabase(path.join(work, 'unused'), { log });
  if (!target?.url) {
    return {
      kind: 'pglite',
      version: 'PGlite (embedded PostgreSQL)',
      source: () => openDatabase({ pgliteDir: path.join(work, 'source-pglite') }),
      restore: () => openDatabase({ pgliteDir: path.join(work, 'restore-pglite') }),
      cleanup: async () => {},
    };
  }
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  const name = `merit_restore_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const restoreUrl = new URL(target.url);
  restoreUrl.pathname = `/${name}`;
  return {
    kind: target.kind,
    version: target.version,
    source: () => openDatabase({ databaseUrl: target.url }),
    restore: () => openDatabase({ databaseUrl: restoreUrl.toString() }),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await c.end();
      await target.cleanup();
    },
  };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'merit-bench-backup-'));
  const dbs = await databases(work);
  const sourceFiles = path.join(work, 'source-files');
  const restoreFiles = path.join(work, 'restore-files');
  const archive = path.join(work, 'merit-backup.tar.gz');
  const keys = { fileEncryptionKey: FILE_KEY, sessionSecret: SECRET };
  try {
    log(`${dbs.kind} (${dbs.version}); ${APPLICATIONS.toLocaleString('en')} applications, ${DOC_BYTES} B each`);
    const source = await dbs.source();
    await migrate(source);
    let t0 = performance.now();
    await seed(source, sourceFiles);
    const seedS = seconds(t0);
    log(`seeded in ${seedS} s`);
    t0 = performance.now();
    const backup = await createBackup({
      database: source,
      files: localSealedFiles(sourceFiles),
      keys,
      out: archive,
      now: new Date(),
      meritVersion: await meritVersion(),
      log,
    });
    const backupS = seconds(t0);
    await source.close();
    log(`backup: ${backupS} s, ${(backup.bytes / 1e6).toFixed(1)} MB`);

    const target = await dbs.restore();
    const phases: Record<string, number> = {};
    t0 = performance.now();
    const report = await restoreBackup({
      archive,
      database: target,
      files: localSealedFiles(restoreFiles),
      keys,
      log: (m) => {
        phases[m] = seconds(t0);
        log(m);
      },
      verifyAudit: async (db) => {
        const signer = loadAuditSigner({ dataDir: work, pem: SIGNING_KEY });
        const config = {
          publicUrl: 'http://bench',
          smtpUrl: undefined,
          mailFrom: 'bench <b@bench>',
          sessionSecret: SECRET,
          filesDir: restoreFiles,
          fileEncryptionKey: FILE_KEY,
        };
        const v = await composeServices({ database: db, config, signer }).audit.verify(db.db);
        return v.ok ? { ok: true, message: `${v.events} events` } : { ok: false, message: v.problem };
      },
    });
    const restoreS = seconds(t0);
    await target.close();
    if (!report.ok) throw new Error(`restore mismatch: ${report.problems.slice(0, 5).join('; ')}`);
    const rows = report.tables.reduce((s, t) => s + t.actual, 0);
    log(`restore: ${restoreS} s (${rows.toLocaleString('en')} rows, ${report.files.toLocaleString('en')} files)`);
    const perApplication = restoreS / APPLICATIONS;
    const result = {
      benchmark: 'backup',
      at: new Date().toISOString(),
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', loadavg_1m: loadavg()[0] },
      database: { kind: dbs.kind, version: dbs.version },
      applications: APPLICATIONS,
      document_bytes: DOC_BYTES,
      rows,
      files: report.files,
      archive_bytes: backup.bytes,
      seed_s: seedS,
      backup_s: backupS,
      restore_s: restoreS,
      restore_phases_s: phases,
      restore_applications_per_s: Math.round(APPLICATIONS / restoreS),
      restore_100k_estimate_s: Math.round(perApplication * 100_000),
      note:
        'restore_s covers the whole `merit restore`: reading the manifest, migrations to the archive level, loading ' +
        'every row in one transaction (foreign keys re-checked), writing and fsyncing every file after its SHA-256 ' +
        'check, comparing row counts and verifying the audit log. The machine is shared with other work.',
    };
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(ROOT, OUT)}`);
  } finally {
    await dbs.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
