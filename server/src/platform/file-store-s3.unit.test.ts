/**
 * What only the S3 store has to get right, on a real S3-protocol server (s3rver on loopback):
 * paging through ListObjectsV2, the store id shared through the bucket, streaming a plain object,
 * and a missing bucket reported as a fault rather than as a missing document.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { FileNotFoundError, isStoredFile } from './file-store.ts';
import { createS3FileStore, openS3Bucket, type S3Bucket } from './file-store-s3.ts';
import { openFileStore } from './file-stores.ts';

let s3: TestS3Server;
const opened: S3Bucket[] = [];
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  opened.forEach((b) => b.destroy());
  await s3?.close();
});

const bucketAt = async (opts: { pageSize?: number } = {}) => {
  const b = openS3Bucket(await s3.newBucket(), opts);
  opened.push(b);
  return b;
};

describe('S3 file store', () => {
  it('lists every key across ListObjectsV2 pages, skipping objects that are not files', async () => {
    const bucket = await bucketAt({ pageSize: 2 });
    const store = createS3FileStore(bucket, { encryptionKey: randomBytes(32) });
    const keys = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => (await store.put(Buffer.from(`f${i}`), { contentType: 'x' })).key),
    );
    await store.storeId();
    await bucket.putObject('README.txt', Buffer.from('not ours'));
    const listed: string[] = [];
    for await (const f of store.list()) listed.push(f.key);
    expect(listed.sort()).toEqual(keys.sort());
  });

  it('shares one store id between instances on the same bucket, and a new bucket has its own', async () => {
    const loc = await s3.newBucket();
    const a = createS3FileStore(openS3Bucket(loc));
    const b = createS3FileStore(openS3Bucket(loc));
    const [idA, idB] = await Promise.all([a.storeId(), b.storeId()]);
    expect(idA).toBe(idB);
    expect((await a.bucket.getObject('store-id'))!.toString().trim()).toBe(idA);
    expect(await createS3FileStore(await bucketAt()).storeId()).not.toBe(idA);
    a.bucket.destroy();
    b.bucket.destroy();
  });

  it('streams a plain object chunk by chunk and marks what get returns as an upload', async () => {
    const store = createS3FileStore(await bucketAt());
    const data = randomBytes(3 * 1024 * 1024);
    const { key } = await store.put(data, { contentType: 'application/pdf' });
    let chunks = 0;
    const parts: Buffer[] = [];
    for await (const c of store.stream(key)) {
      chunks++;
      parts.push(c as Buffer);
    }
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect(chunks).toBeGreaterThan(1);
    expect(isStoredFile(await store.get(key))).toBe(true);
  });

  it('answers a missing bucket with the provider error, not as a missing file', async () => {
    const loc = await s3.newBucket();
    const store = createS3FileStore(openS3Bucket({ ...loc, bucket: `${loc.bucket}-tidak-ada` }));
    const err = await store.get('00/11/0011aaaa-bbbb-4ccc-8ddd-eeeeffff0000').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(FileNotFoundError);
    expect((err as Error).name).toBe('NoSuchBucket');
    store.bucket.destroy();
  });

  it('is what FILE_STORE=s3 composes, sealed with FILE_ENCRYPTION_KEY; FILE_STORE=local keeps the folder', async () => {
    const filesDir = mkdtempSync(path.join(tmpdir(), 'merit-files-'));
    try {
      const loc = await s3.newBucket();
      const fileEncryptionKey = randomBytes(32);
      const viaConfig = openFileStore({ filesDir, fileEncryptionKey, fileStore: 's3', s3: loc });
      const { key } = await viaConfig.put(Buffer.from('ijazah'), { contentType: 'application/pdf' });
      expect(readdirSync(filesDir)).toEqual([]);
      const direct = createS3FileStore(openS3Bucket(loc), { encryptionKey: fileEncryptionKey });
      expect((await direct.get(key)).toString()).toBe('ijazah');
      expect((await direct.bucket.getObject(key))!.includes(Buffer.from('ijazah'))).toBe(false);
      direct.bucket.destroy();
      const local = openFileStore({ filesDir, fileEncryptionKey, s3: loc });
      await local.put(Buffer.from('ktp'), { contentType: 'image/jpeg' });
      expect(readdirSync(filesDir).length).toBe(1);
      expect(() => openFileStore({ filesDir, fileEncryptionKey, fileStore: 's3', s3: undefined })).toThrow(/S3_BUCKET/);
    } finally {
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
