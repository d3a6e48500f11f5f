/**
 * Backup → restore round trip (issue 28 §4) on the test database (PGlite, or Postgres in the pg
 * project): a seeded platform with an uploaded document is backed up, restored into a fresh empty
 * database and file folder, and comes back with an intact audit log, the same row counts and the
 * document readable byte for byte. A tampered file and a wrong key are caught.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seeds/demo.ts';
import { composeServices } from '../compose.ts';
import type { Database } from '../db/database.ts';
import { loadAuditSigner } from '../modules/transparency/index.ts';
import { makeJpeg, multipart } from '../../test/fixtures.ts';
import {
  createTestContext,
  openTestDatabase,
  signedInAgent,
  TEST_SECRET,
  TEST_SIGNING_KEY,
  type TestContext,
} from '../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../test/recruitment-setup.ts';
import { createBackup, isDatabaseEmpty, localSealedFiles, restoreBackup, RestoreRefusedError } from './backup.ts';

const FILE_KEY = Buffer.alloc(32, 7); // the harness's file key
const keys = { fileEncryptionKey: FILE_KEY, sessionSecret: TEST_SECRET };
let ctx: TestContext;
let work: string;
let archive: string;
let upload: Buffer;
let documentKey: string;

const servicesOn = (database: Database, filesDir: string) =>
  composeServices({
    database,
    config: {
      publicUrl: 'http://merit.test',
      smtpUrl: undefined,
      mailFrom: 'Merit <no-reply@merit.test>',
      sessionSecret: TEST_SECRET,
      filesDir,
      fileEncryptionKey: FILE_KEY,
    },
    signer: loadAuditSigner({ dataDir: '/nonexistent', pem: TEST_SIGNING_KEY }),
  });

const verifyAudit = async (database: Database) => {
  const v = await servicesOn(database, work).audit.verify(database.db);
  return v.ok ? { ok: true, message: `${v.events} events` } : { ok: false, message: v.problem };
};

/** A fresh empty database and file folder; `done` drops both. */
async function emptyTarget() {
  const t = await openTestDatabase();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'merit-restore-files-'));
  return { ...t, filesDir, done: async () => (await t.drop(), rmSync(filesDir, { recursive: true, force: true })) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  work = mkdtempSync(path.join(tmpdir(), 'merit-backup-'));
  await seedDemo(ctx.database, ctx.services, { examSession: false, correlationCohort: false });
  const committee = await signedInAgent(ctx, 'committee');
  const applicant = await signedInAgent(ctx, 'applicant');
  const { periodId, formationId } = await openPeriodWithFormation(ctx, committee);
  expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
  const applicationId = (await applicant.post('/api/v1/me/applications', { periodId, formationId })).json().id;
  upload = makeJpeg(60, 80, true);
  const res = await applicant.upload(
    'PUT',
    `/api/v1/me/applications/${applicationId}/documents/ktp`,
    multipart({ name: 'ktp.jpg', data: upload }),
  );
  expect(res.statusCode, res.body).toBe(200);
  documentKey = (
    await ctx.database.db
      .selectFrom('application_documents')
      .select('file_key')
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).file_key;
  await ctx.services.audit.checkpoint(ctx.database.db);
  archive = path.join(work, 'merit.tar.gz');
  const r = await createBackup({
    database: ctx.database,
    files: localSealedFiles(ctx.filesDir),
    keys,
    out: archive,
    now: new Date(),
    meritVersion: 'test',
  });
  expect(r.manifest.files.map((f) => f.key)).toContain(documentKey);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('merit backup → merit restore', () => {
  it('restores into an empty target with an intact audit log, equal counts and the same document bytes', async () => {
    const target = await emptyTarget();
    try {
      const report = await restoreBackup({
        archive,
        database: target.database,
        files: localSealedFiles(target.filesDir),
        keys,
        verifyAudit,
      });
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.audit.ok).toBe(true);
      expect(report.tables.find((t) => t.table === 'applications')?.actual).toBeGreaterThan(0);
      expect(report.tables.find((t) => t.table === 'audit_events')?.actual).toBeGreaterThan(0);
      // The source and the restored database agree table by table.
      for (const t of report.tables) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.table)}`.execute(
          ctx.database.db,
        );
        expect({ table: t.table, n: t.actual }).toEqual({ table: t.table, n: rows[0]!.n });
      }
      const restored = servicesOn(target.database, target.filesDir);
      expect(Buffer.compare(await restored.files.get(documentKey), await ctx.services.files.get(documentKey))).toBe(0);
      expect((await restored.audit.verify(target.database.db)).ok).toBe(true);
      // Sequences continue after the restored rows: the same value comes out of both databases next.
      const next = (db: Database) =>
        sql<{ v: string }>`select nextval(pg_get_serial_sequence('application_events', 'id'))::text as v`.execute(
          db.db,
        );
      expect((await next(target.database)).rows).toEqual((await next(ctx.database)).rows);
      // The restored platform keeps working: a new account appends to the restored audit chain.
      await restored.identity.createAccountWithPassword({
        email: 'setelah.pemulihan@merit.test',
        fullName: 'Setelah Pemulihan',
        role: 'employee',
        password: 'sandi yang panjang sekali',
      });
      expect((await restored.audit.verify(target.database.db)).ok).toBe(true);
    } finally {
      await target.done();
    }
  }, 180_000);

  it('refuses a target that is not empty, and a file key other than the backup’s', async () => {
    await expect(
      restoreBackup({ archive, database: ctx.database, files: localSealedFiles(work), keys, verifyAudit }),
    ).rejects.toThrow(/tidak kosong/);
    const target = await emptyTarget();
    try {
      await expect(
        restoreBackup({
          archive,
          database: target.database,
          files: localSealedFiles(target.filesDir),
          keys: { ...keys, fileEncryptionKey: Buffer.alloc(32, 9) },
          verifyAudit,
        }),
      ).rejects.toThrow(RestoreRefusedError);
      expect(await isDatabaseEmpty(target.database.db)).toBe(true);
    } finally {
      await target.done();
    }
  }, 120_000);

  it('reports a stored file whose bytes changed in the archive and exits as a mismatch', async () => {
    const tar = gunzipSync(readFileSync(archive));
    const at = tar.indexOf(Buffer.from(`files/${documentKey}\0`));
    expect(at).toBeGreaterThan(0);
    tar.writeUInt8(tar.readUInt8(at + 532) ^ 0xff, at + 532); // a byte of the sealed document (its header block is 512 bytes)
    const tampered = path.join(work, 'tampered.tar.gz');
    writeFileSync(tampered, gzipSync(tar));
    const target = await emptyTarget();
    try {
      const report = await restoreBackup({
        archive: tampered,
        database: target.database,
        files: localSealedFiles(target.filesDir),
        keys,
        verifyAudit,
      });
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.stringContaining(documentKey));
    } finally {
      await target.done();
    }
  }, 120_000);
});
