/**
 * The S3-compatible FileStore (FILE_STORE=s3): MinIO, Garage, Ceph RGW or AWS S3 behind the same
 * `FileStore` interface as the local folder, so several app instances share one bucket instead of
 * an NFS folder (issue 28 §2).
 *
 * Objects are exactly what the local store writes to disk: the same keys (`ab/cd/<uuid>`) and the
 * same AES-256-GCM envelope (`encrypt`/`decrypt` of file-store.ts), so the provider only ever holds
 * ciphertext and `merit files migrate --to s3` can copy the local files byte for byte. Every object
 * is sent as `application/octet-stream`: the real content type stays in the database.
 *
 * The AWS SDK is loaded on first use, so an instance on the local store never pays its start-up cost.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  decrypt,
  encrypt,
  FileNotFoundError,
  type FileStore,
  InvalidFileKeyError,
  isFileKey,
  markStoredFile,
  newFileKey,
} from './file-store.ts';

/** Where the bucket is and how to reach it (config.ts `s3`). */
export interface S3Location {
  /** `http(s)://host:port` of MinIO/Garage/Ceph; undefined = AWS S3 for the region. */
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly bucket: string;
  /** Both or neither; neither = the SDK's default chain (environment, instance role). */
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO, Garage and Ceph need it). */
  readonly forcePathStyle: boolean;
}

/** The bucket as raw objects: what the S3 FileStore is built on, and what the migration copies into. */
export interface S3Bucket {
  readonly bucket: string;
  /** The object's bytes, or null when it does not exist. */
  getObject(key: string): Promise<Buffer | null>;
  /** The object's body as a stream; FileNotFoundError when it does not exist. */
  openObject(key: string): Promise<Readable>;
  putObject(key: string, body: Buffer, opts?: { ifNoneMatch?: boolean }): Promise<'written' | 'exists'>;
  deleteObject(key: string): Promise<void>;
  headObject(key: string): Promise<{ size: number; lastModified: Date } | null>;
  listObjects(): AsyncGenerator<{ key: string; size: number; lastModified: Date }>;
  /** Closes the client's sockets. */
  destroy(): void;
}

/** The object holding the store's id (`FileStore.storeId`); it never matches the key pattern. */
export const STORE_ID_OBJECT = 'store-id';

const isNotFound = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (e?.name === 'NoSuchKey' || e?.name === 'NotFound') return true;
  return e?.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket';
};

const status = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;

/** The SDK and a client for the location, loaded on first use. */
async function loadClient(loc: S3Location): Promise<{ s3: S3Client; cmd: typeof import('@aws-sdk/client-s3') }> {
  const cmd = await import('@aws-sdk/client-s3');
  const s3 = new cmd.S3Client({
    region: loc.region,
    forcePathStyle: loc.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(loc.endpoint ? { endpoint: loc.endpoint } : {}),
    ...(loc.accessKeyId && loc.secretAccessKey
      ? { credentials: { accessKeyId: loc.accessKeyId, secretAccessKey: loc.secretAccessKey } }
      : {}),
  });
  return { s3, cmd };
}

/**
 * Opens a bucket with path-style addressing (by default). Request checksums are sent only where
 * S3 requires them: the SDK's newer default (CRC32 on every upload) is refused by several
 * S3-compatible servers, and each object is authenticated by its GCM tag anyway.
 */
export function openS3Bucket(loc: S3Location, opts: { pageSize?: number } = {}): S3Bucket {
  let sdk: ReturnType<typeof loadClient> | undefined;
  const connect = () => (sdk ??= loadClient(loc));
  const Bucket = loc.bucket;

  async function openObject(key: string): Promise<Readable> {
    const { s3, cmd } = await connect();
    try {
      const res = await s3.send(new cmd.GetObjectCommand({ Bucket, Key: key }));
      return res.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(key);
      throw err;
    }
  }

  return {
    bucket: Bucket,
    openObject,
    async getObject(key) {
      let body: Readable;
      try {
        body = await openObject(key);
      } catch (err) {
        if (err instanceof FileNotFoundError) return null;
        throw err;
      }
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
      return Buffer.concat(chunks);
    },
    async putObject(key, body, o = {}) {
      const { s3, cmd } = await connect();
      try {
        await s3.send(
          new cmd.PutObjectCommand({
            Bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/octet-stream',
            ...(o.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
          }),
        );
        return 'written';
      } catch (err) {
        // 412: someone else wrote the key first (conditional write); 409: a concurrent conditional write.
        if (o.ifNoneMatch && (status(err) === 412 || status(err) === 409)) return 'exists';
        throw err;
      }
    },
    async deleteObject(key) {
      const { s3, cmd } = await connect();
      await s3.send(new cmd.DeleteObjectCommand({ Bucket, Key: key }));
    },
    async headObject(key) {
      const { s3, cmd } = await connect();
      try {
        const h = await s3.send(new cmd.HeadObjectCommand({ Bucket, Key: key }));
        return { size: h.ContentLength ?? 0, lastModified: h.LastModified ?? new Date(0) };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async *listObjects() {
      const { s3, cmd } = await connect();
      let token: string | undefined;
      do {
        const page = await s3.send(
          new cmd.ListObjectsV2Command({
            Bucket,
            ...(token ? { ContinuationToken: token } : {}),
            ...(opts.pageSize ? { MaxKeys: opts.pageSize } : {}),
          }),
        );
        for (const o of page.Contents ?? [])
          if (o.Key) yield { key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) };
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    destroy() {
      void sdk?.then(({ s3 }) => s3.destroy());
    },
  };
}

const checkKey = (key: string): string => {
  if (!isFileKey(key)) throw new InvalidFileKeyError(String(key));
  return key;
};

const STORE_ID_SETTLE_MS = 300;

/** The id kept in the bucket, written once by whichever instance comes first (conditional write). */
async function readOrCreateStoreId(bucket: S3Bucket): Promise<string> {
  const existing = await bucket.getObject(STORE_ID_OBJECT);
  if (existing) return existing.toString('utf8').trim();
  const wrote = await bucket.putObject(STORE_ID_OBJECT, Buffer.from(`${randomUUID()}\n`), { ifNoneMatch: true });
  // Read back: when another instance won the race, its id is the store's id. Servers that ignore
  // If-None-Match on PUT (s3rver, older MinIO/Ceph) let racing first starts both write; waiting a
  // moment before reading lets every such write land, so all of them read the last one.
  if (wrote === 'written') await new Promise((r) => setTimeout(r, STORE_ID_SETTLE_MS));
  return ((await bucket.getObject(STORE_ID_OBJECT)) ?? Buffer.alloc(0)).toString('utf8').trim();
}

/**
 * A FileStore in an S3 bucket. With `encryptionKey` (32 bytes) every object is sealed exactly as
 * the local store seals its files; `get` and `stream` verify the GCM tag before releasing a byte.
 */
export function createS3FileStore(
  bucket: S3Bucket,
  opts: { encryptionKey?: Buffer } = {},
): FileStore & { bucket: S3Bucket } {
  const encKey = opts.encryptionKey;
  if (encKey !== undefined && encKey.length !== 32) throw new Error('encryptionKey must be exactly 32 bytes (AES-256)');

  async function get(key: string): Promise<Buffer> {
    const raw = await bucket.getObject(checkKey(key));
    if (!raw) throw new FileNotFoundError(key);
    return markStoredFile(encKey ? decrypt(encKey, raw, key) : raw);
  }

  return {
    bucket,
    async put(data, _meta) {
      const key = newFileKey();
      await bucket.putObject(key, encKey ? encrypt(encKey, data) : data);
      return { key, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
    },
    get,
    stream(key) {
      checkKey(key);
      const out = new PassThrough();
      const fail = (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err)));
      if (encKey) {
        // One GCM tag at the end of the object authenticates it: as in the local store, no
        // plaintext is released before the whole object has been read and verified.
        get(key).then((buf) => out.end(buf), fail);
      } else {
        bucket.openObject(key).then((body) => {
          body.on('error', fail);
          body.pipe(out);
        }, fail);
      }
      return out;
    },
    async delete(key) {
      // S3 answers 204 for a missing key too: deleting is idempotent as the interface requires.
      await bucket.deleteObject(checkKey(key));
    },
    async exists(key) {
      return (await bucket.headObject(checkKey(key))) !== null;
    },
    async *list() {
      for await (const o of bucket.listObjects()) if (isFileKey(o.key)) yield { key: o.key, storedAt: o.lastModified };
    },
    storeId: () => readOrCreateStoreId(bucket),
  };
}
