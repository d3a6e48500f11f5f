/**
 * With FILE_STORE=s3 the backup copies the bucket's objects as stored (sealed) and a restore writes
 * them back: against a real S3-protocol server (s3rver on loopback), the sealed bytes read through
 * `s3SealedFiles` open through the S3 store, an empty bucket counts as empty and the store id moves.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { s3SealedFiles } from './backup.ts';
import { createS3FileStore, openS3Bucket } from './file-store-s3.ts';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());

describe('backup of an S3 file store', () => {
  it('copies sealed objects from one bucket to an empty one, where the store opens them', async () => {
    const encryptionKey = randomBytes(32);
    const [from, to] = [openS3Bucket(await s3.newBucket()), openS3Bucket(await s3.newBucket())];
    try {
      const store = createS3FileStore(from, { encryptionKey });
      const plain = randomBytes(3000);
      const { key } = await store.put(plain, { contentType: 'application/pdf' });
      const source = s3SealedFiles(from);
      const target = s3SealedFiles(to);
      const sealed = await source.readSealed(key);
      expect(sealed).not.toBeNull();
      expect(sealed!.includes(plain.subarray(0, 64))).toBe(false); // still ciphertext
      expect(await source.readSealed(key.replace(/.$/, key.endsWith('0') ? '1' : '0'))).toBeNull();
      expect(await target.isEmpty()).toBe(true);
      await target.writeSealed(key, sealed!);
      await target.writeStoreId((await store.storeId()) ?? 'x');
      expect(await target.isEmpty()).toBe(false);
      const restored = createS3FileStore(to, { encryptionKey });
      expect(Buffer.compare(await restored.get(key), plain)).toBe(0);
      expect(await restored.storeId()).toBe(await store.storeId());
      await expect(target.readSealed('../escape')).rejects.toThrow(/tidak sah/);
    } finally {
      from.destroy();
      to.destroy();
    }
  });
});
