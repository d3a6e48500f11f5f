/**
 * What only the S3 store has to get right, on a real S3-protocol server (s3rver on loopback):
 * paging through ListObjectsV2, the store id shared through the bucket, streaming a plain object,
 * and a missing bucket reported as a fault rather than as a missing document.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { FileNotFoundError, isStoredFile } from './file-store.ts';
import { createS3FileStore, openS3Bucket, type S3Bucket } from './file-store-s3.ts';

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
});
