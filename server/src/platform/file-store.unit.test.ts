/**
 * The FileStore contract, run against both stores: the local folder and the S3 store on a real
 * S3-protocol server (s3rver on loopback, see server/test/s3-server.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import {
  createLocalFileStore,
  FileIntegrityError,
  FileNotFoundError,
  InvalidFileKeyError,
  type FileStore,
} from './file-store.ts';
import { createS3FileStore, openS3Bucket, type S3Bucket } from './file-store-s3.ts';

let root: string;
let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'merit-files-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name !== 'store-id').map((e) => path.join(e.parentPath, e.name));
}

/** One store kind, with a look at what it really keeps (the bytes a disk or a provider holds). */
interface Backend {
  make(opts?: { encryptionKey?: Buffer }): FileStore;
  /** Every stored object's raw bytes by name (temp files included, the store id not). */
  raw(): Promise<Map<string, Buffer>>;
  writeRaw(name: string, bytes: Buffer): Promise<void>;
}

const localBackend = async (): Promise<Backend> => ({
  make: (opts = {}) => createLocalFileStore(root, opts),
  raw: async () =>
    new Map(await Promise.all((await listFiles(root)).map(async (f) => [f, await readFile(f)] as const))),
  writeRaw: (name, bytes) => writeFile(name, bytes),
});

const buckets: S3Bucket[] = [];
afterAll(() => buckets.forEach((b) => b.destroy()));
const s3Backend = async (): Promise<Backend> => {
  const bucket = openS3Bucket(await s3.newBucket());
  buckets.push(bucket);
  return {
    make: (opts = {}) => createS3FileStore(bucket, opts),
    raw: async () => {
      const out = new Map<string, Buffer>();
      for await (const o of bucket.listObjects())
        if (o.key !== 'store-id') out.set(o.key, (await bucket.getObject(o.key))!);
      return out;
    },
    writeRaw: async (name, bytes) => void (await bucket.putObject(name, bytes)),
  };
};

const BACKENDS = [
  ['local', localBackend],
  ['s3', s3Backend],
] as const;

describe.each(BACKENDS)('%s file store contract', (_kind, setup) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await setup();
  });

  describe.each([
    ['plain', () => ({})],
    ['encrypted', () => ({ encryptionKey: randomBytes(32) })],
  ])('%s', (_name, opts) => {
    let store: FileStore;
    beforeEach(() => {
      store = backend.make(opts());
    });

    it('round-trips bytes through put/get/stream and reports plaintext sha256 and size', async () => {
      const data = randomBytes(5000);
      const stored = await store.put(data, { contentType: 'application/pdf' });
      expect(stored.size).toBe(5000);
      expect(stored.sha256).toBe(sha(data));
      expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
      expect(await store.exists(stored.key)).toBe(true);
      expect((await store.get(stored.key)).equals(data)).toBe(true);
      expect((await readAll(store.stream(stored.key))).equals(data)).toBe(true);
    });

    it('gives identical uploads separate keys so deleting one keeps the other', async () => {
      const data = Buffer.from('same ijazah scan');
      const a = await store.put(data, { contentType: 'application/pdf' });
      const b = await store.put(data, { contentType: 'application/pdf' });
      expect(a.key).not.toBe(b.key);
      expect(a.sha256).toBe(b.sha256);
      await store.delete(a.key);
      expect(await store.exists(a.key)).toBe(false);
      expect((await store.get(b.key)).equals(data)).toBe(true);
    });

    it('stores an empty file', async () => {
      const s = await store.put(Buffer.alloc(0), { contentType: 'application/octet-stream' });
      expect((await store.get(s.key)).length).toBe(0);
      expect((await readAll(store.stream(s.key))).length).toBe(0);
    });

    it('reports a missing key as not found; delete is idempotent', async () => {
      const missing = '00/11/0011aaaa-bbbb-4ccc-8ddd-eeeeffff0000';
      expect(await store.exists(missing)).toBe(false);
      await expect(store.get(missing)).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(readAll(store.stream(missing))).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(store.delete(missing)).resolves.toBeUndefined();
    });

    it('leaves no temp objects behind and lists exactly what it stored', async () => {
      const puts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.put(Buffer.from(`f${i}`), { contentType: 'text/plain' })),
      );
      const raw = [...(await backend.raw()).keys()];
      expect(raw).toHaveLength(10);
      expect(raw.some((f) => f.endsWith('.tmp'))).toBe(false);
      const listed: string[] = [];
      for await (const f of store.list()) {
        expect(Math.abs(f.storedAt.getTime() - Date.now())).toBeLessThan(60_000);
        listed.push(f.key);
      }
      expect(listed.sort()).toEqual(puts.map((p) => p.key).sort());
    });

    it('keeps one store id, the same for every store object on the same place', async () => {
      const id = await store.storeId();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await backend.make(opts()).storeId()).toBe(id);
      expect(await store.storeId()).toBe(id);
    });
  });

  describe('key validation', () => {
    const bad = [
      '../../etc/passwd',
      '/etc/passwd',
      'ab/cd/../../../secret',
      'ab/cd/abcd1234-0000-4000-8000-000000000000/../x',
      'ab\\cd\\abcd1234-0000-4000-8000-000000000000',
      'ab/cd/abcd1234-0000-4000-8000-000000000000\0',
      'ab/cd/ffff1234-0000-4000-8000-000000000000', // shard does not match the id
      '',
      'AB/CD/ABCD1234-0000-4000-8000-000000000000',
      'store-id',
    ];
    it.each(bad)('refuses %j in every operation', async (key) => {
      const store = backend.make();
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
      await expect(store.exists(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
      expect(() => store.stream(key)).toThrow(InvalidFileKeyError);
    });
  });

  describe('encryption at rest', () => {
    it('stores nonce ‖ ciphertext ‖ tag, never the plaintext', async () => {
      const key = randomBytes(32);
      const store = backend.make({ encryptionKey: key });
      const face = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('swafoto pixels '.repeat(50))]);
      const s = await store.put(face, { contentType: 'image/jpeg' });
      const [raw] = [...(await backend.raw()).values()];
      expect(raw!.length).toBe(face.length + 12 + 16);
      expect(raw!.includes(Buffer.from('swafoto pixels'))).toBe(false);
      expect(s.sha256).toBe(sha(face));
    });

    it('uses a fresh nonce per file, so equal plaintexts give different ciphertexts', async () => {
      const store = backend.make({ encryptionKey: randomBytes(32) });
      await store.put(Buffer.from('x'.repeat(100)), { contentType: 'image/jpeg' });
      await store.put(Buffer.from('x'.repeat(100)), { contentType: 'image/jpeg' });
      const [a, b] = [...(await backend.raw()).values()];
      expect(a!.equals(b!)).toBe(false);
    });

    it('detects a tampered byte, a truncated file and a wrong key', async () => {
      const store = backend.make({ encryptionKey: randomBytes(32) });
      const s = await store.put(randomBytes(300), { contentType: 'image/jpeg' });
      const [[name, raw]] = [...(await backend.raw()).entries()] as [[string, Buffer]];

      const flipped = Buffer.from(raw);
      flipped[20] = flipped[20]! ^ 0x01;
      await backend.writeRaw(name, flipped);
      await expect(store.get(s.key)).rejects.toBeInstanceOf(FileIntegrityError);
      await expect(readAll(store.stream(s.key))).rejects.toBeInstanceOf(FileIntegrityError);

      await backend.writeRaw(name, raw.subarray(0, 20));
      await expect(store.get(s.key)).rejects.toBeInstanceOf(FileIntegrityError);

      await backend.writeRaw(name, raw);
      const other = backend.make({ encryptionKey: randomBytes(32) });
      await expect(other.get(s.key)).rejects.toBeInstanceOf(FileIntegrityError);
      expect((await store.get(s.key)).length).toBe(300);
    });

    it('refuses a key that is not 32 bytes', () => {
      expect(() => backend.make({ encryptionKey: randomBytes(16) })).toThrow(/32 bytes/);
    });
  });
});

describe('local file store', () => {
  it('cannot delete a file outside the root through a crafted key', async () => {
    const outside = path.join(path.dirname(root), `victim-${path.basename(root)}`);
    await writeFile(outside, 'keep me');
    try {
      const store = createLocalFileStore(root);
      await expect(store.delete(`../${path.basename(outside)}`)).rejects.toBeInstanceOf(InvalidFileKeyError);
      expect(await readFile(outside, 'utf8')).toBe('keep me');
    } finally {
      await rm(outside, { force: true });
    }
  });
});
