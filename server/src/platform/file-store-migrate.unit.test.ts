/**
 * `merit files migrate --to s3` against a real S3-protocol server (s3rver on loopback): every local
 * file lands in the bucket byte for byte and opens through the S3 store; a second run copies
 * nothing; a differing object is replaced; a copy that does not read back the same fails the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { createLocalFileStore, resolveKey } from './file-store.ts';
import { migrateLocalToS3, runFilesMigrate } from './file-store-migrate.ts';
import { createS3FileStore, openS3Bucket, type S3Bucket, type S3Location } from './file-store-s3.ts';

let s3: TestS3Server;
let dir: string;
let loc: S3Location;
let bucket: S3Bucket;
const encryptionKey = randomBytes(32);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'merit-migrate-'));
  loc = await s3.newBucket();
  bucket = openS3Bucket(loc);
});
afterEach(async () => {
  bucket.destroy();
  await rm(dir, { recursive: true, force: true });
});

/** A local store with `n` encrypted files; returns their keys and plaintexts. */
async function localFiles(n: number) {
  const local = createLocalFileStore(dir, { encryptionKey });
  await local.storeId();
  const files = await Promise.all(
    Array.from({ length: n }, async () => {
      const data = randomBytes(1000 + Math.floor(Math.random() * 5000));
      return { key: (await local.put(data, { contentType: 'application/pdf' })).key, data };
    }),
  );
  return { local, files };
}

describe('files migrate --to s3', () => {
  it('copies every file byte for byte, verifies it, and a second run copies nothing', async () => {
    const { local, files } = await localFiles(7);
    const lines: string[] = [];
    const r = await migrateLocalToS3({
      filesDir: dir,
      bucket,
      encryptionKey,
      progressEvery: 3,
      log: (l) => lines.push(l),
    });
    expect(r).toMatchObject({ total: 7, copied: 7, skipped: 0, replaced: 0, mismatched: [], storeId: 'copied' });
    expect(lines.filter((l) => /^\[\d+\/7\]/.test(l))).toEqual([
      expect.stringMatching(/^\[3\/7\]/),
      expect.stringMatching(/^\[6\/7\]/),
      '[7/7] disalin 7, sudah ada 0, tidak cocok 0, hilang 0',
    ]);
    const store = createS3FileStore(bucket, { encryptionKey });
    for (const f of files) {
      // The provider holds exactly the local ciphertext, and the S3 store opens it with the same key.
      expect(sha((await bucket.getObject(f.key))!)).toBe(sha(await readFile(resolveKey(dir, f.key))));
      expect((await store.get(f.key)).equals(f.data)).toBe(true);
    }
    expect(await store.storeId()).toBe(await local.storeId());

    const again = await migrateLocalToS3({ filesDir: dir, bucket, encryptionKey, log: () => {} });
    expect(again).toMatchObject({ total: 7, copied: 0, skipped: 7, storeId: 'same' });
  });

  it('replaces an object whose bytes differ from the local file', async () => {
    const { files } = await localFiles(3);
    await migrateLocalToS3({ filesDir: dir, bucket, log: () => {} });
    await bucket.putObject(files[1]!.key, Buffer.from('rusak'));
    const lines: string[] = [];
    const r = await migrateLocalToS3({ filesDir: dir, bucket, log: (l) => lines.push(l) });
    expect(r).toMatchObject({ copied: 1, replaced: 1, skipped: 2, mismatched: [] });
    expect(lines).toContain(`DITIMPA ${files[1]!.key}: isi di bucket berbeda dari berkas lokal`);
    expect((await createS3FileStore(bucket, { encryptionKey }).get(files[1]!.key)).equals(files[1]!.data)).toBe(true);
  });

  it('fails the run when a copy does not read back with the same SHA-256', async () => {
    const { files } = await localFiles(3);
    // A provider that corrupts one object on the way (what the read-back check is there for).
    const bad = files[0]!.key;
    const lossy: S3Bucket = {
      ...bucket,
      getObject: async (key) => {
        const b = await bucket.getObject(key);
        return key === bad && b ? Buffer.concat([b, Buffer.from([0])]) : b;
      },
    };
    const lines: string[] = [];
    const r = await migrateLocalToS3({ filesDir: dir, bucket: lossy, log: (l) => lines.push(l) });
    expect(r.mismatched).toEqual([bad]);
    expect(r.copied).toBe(2);
    expect(lines.some((l) => l.startsWith(`TIDAK COCOK ${bad}`))).toBe(true);
  });

  it('warns about a file FILE_ENCRYPTION_KEY cannot open, and runs from the configuration', async () => {
    await localFiles(2);
    const out: string[] = [];
    const config = { filesDir: dir, fileEncryptionKey: randomBytes(32), s3: loc };
    expect(await runFilesMigrate(config, ['--to', 's3'], (l) => out.push(l))).toBe(0);
    expect(out.filter((l) => l.startsWith('PERINGATAN'))).toHaveLength(2);
    expect(out.at(-1)).toMatch(
      /^Selesai: 2 berkas, 2 disalin, 0 sudah ada, semua SHA-256 cocok\. 2 berkas tidak dapat/,
    );
    expect(await runFilesMigrate(config, ['--to', 'gcs'], () => {})).toBe(2);
    expect(await runFilesMigrate({ ...config, s3: undefined }, ['--to', 's3'], () => {})).toBe(2);
  });
});
