/**
 * File storage for uploaded documents and generated PDFs.
 *
 * Keys are random (never content-addressed): two applicants who upload the same file keep two
 * separate copies, so deleting or expiring one person's document (UU 27/2022 right to erasure,
 * retention policies) never touches someone else's. The local store is the default
 * (`<dataDir>/files`); the S3-compatible store (`file-store-s3.ts`, FILE_STORE=s3) implements the
 * same `FileStore` interface with the same keys and the same AES-256-GCM envelope, so callers do
 * not change and the storage provider only ever holds ciphertext (`file-stores.ts` picks one).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';

export interface StoredFile {
  key: string;
  /** SHA-256 (hex) of the plaintext, whether or not the file is encrypted at rest. */
  sha256: string;
  /** Plaintext size in bytes. */
  size: number;
}

export interface FileStore {
  put(data: Buffer, meta: { contentType: string }): Promise<StoredFile>;
  /** Reads a file; throws `FileNotFoundError` when the key does not exist. */
  get(key: string): Promise<Buffer>;
  /** Streams a file (decrypted when the store encrypts); errors are emitted on the stream. */
  stream(key: string): NodeJS.ReadableStream;
  /** Removes a file; deleting a missing key is not an error (idempotent). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored key with its write time, for the orphan check (`file-sweep.ts`). */
  list(): AsyncIterable<{ key: string; storedAt: Date }>;
  /** This store's id, kept in the store itself (created on first call): instances that share the store read the same id. */
  storeId(): Promise<string>;
}

// Buffers handed out by `get`: the HTTP layer refuses to send one except through the document
// path (http/documents.ts, ADR 0006), so no route can serve an upload with the app's headers.
const fromStore = new WeakSet<Buffer>();

/** True for a buffer read from a file store (an upload's bytes). */
export const isStoredFile = (value: unknown): boolean => Buffer.isBuffer(value) && fromStore.has(value);

/** Marks a buffer as an upload's bytes (see `isStoredFile`); every store's `get` calls it. */
export function markStoredFile(buf: Buffer): Buffer {
  fromStore.add(buf);
  return buf;
}

/**
 * Stores a file, then runs `record` (the transaction whose row points at it); when recording fails
 * the file is removed again, so a refused or failed insert never leaves a file no row points at
 * (issue 24 §4). The error is rethrown unchanged.
 */
export async function putRecorded<T>(
  files: FileStore,
  data: Buffer,
  meta: { contentType: string },
  record: (stored: StoredFile) => Promise<T>,
): Promise<T> {
  const stored = await files.put(data, meta);
  try {
    return await record(stored);
  } catch (err) {
    await files.delete(stored.key).catch(() => {});
    throw err;
  }
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`file not found: ${key}`);
    this.name = 'FileNotFoundError';
  }
}

export class InvalidFileKeyError extends Error {
  constructor(readonly key: string) {
    super('invalid file key');
    this.name = 'InvalidFileKeyError';
  }
}

/** Raised when an encrypted file fails authentication (tampered, truncated, or wrong key). */
export class FileIntegrityError extends Error {
  constructor(readonly key: string) {
    super(`file failed integrity check: ${key}`);
    this.name = 'FileIntegrityError';
  }
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
// Keys look like `ab/cd/abcd1234-....`: two shard levels from the UUID's first four hex digits.
const KEY_PATTERN = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A fresh random key, `ab/cd/<uuid>` (the same shape in every store). */
export function newFileKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** True when the string is shaped exactly like a key a store issued (shards match the id). */
export function isFileKey(key: unknown): key is string {
  const m = typeof key === 'string' ? KEY_PATTERN.exec(key) : null;
  return m !== null && m[3]!.startsWith(m[1]! + m[2]!);
}

/**
 * Parses a key and returns its absolute path under root; anything not shaped exactly like a key
 * this store issued (`..`, absolute paths, backslashes, NUL, other names) is refused, so a key
 * taken from a request can never reach outside the store's folder.
 */
export function resolveKey(root: string, key: string): string {
  if (!isFileKey(key)) throw new InvalidFileKeyError(String(key));
  const full = path.resolve(root, ...key.split('/'));
  if (!full.startsWith(root + path.sep)) throw new InvalidFileKeyError(key);
  return full;
}

/** AES-256-GCM: `nonce(12) ‖ ciphertext ‖ tag(16)` — the envelope every store writes. */
export function encrypt(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens an envelope written by `encrypt`; `FileIntegrityError` when it fails authentication. */
export function decrypt(encKey: Buffer, sealed: Buffer, fileKey: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new FileIntegrityError(fileKey);
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', encKey, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new FileIntegrityError(fileKey);
  }
}

const isNotFound = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable; some platforms cannot open directories, which is harmless there.
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* best effort */
  }
}

/** Writes a file so a reader never sees it half-written: temp file, fsync, rename, fsync the folder. */
async function writeAtomically(target: string, stored: Buffer): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const h = await open(tmp, 'wx', 0o600);
  try {
    await h.writeFile(stored);
    await h.sync();
  } catch (err) {
    await h.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await h.close();
  try {
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Every stored key under the two shard levels, skipping temp files of writes in progress. */
async function* listKeys(base: string): AsyncGenerator<{ key: string; storedAt: Date }> {
  const shards = async (dir: string) =>
    (await readdir(dir, { withFileTypes: true }).catch((err: unknown) => (isNotFound(err) ? [] : Promise.reject(err))))
      .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
      .map((d) => d.name);
  for (const a of await shards(base)) {
    for (const b of await shards(path.join(base, a))) {
      for (const name of await readdir(path.join(base, a, b))) {
        const key = `${a}/${b}/${name}`;
        if (!KEY_PATTERN.test(key)) continue;
        const st = await stat(path.join(base, a, b, name)).catch(() => null);
        if (st?.isFile()) yield { key, storedAt: st.mtime };
      }
    }
  }
}

/** The folder's id, written once by whichever instance comes first (instances sharing it agree). */
async function readOrCreateStoreId(base: string): Promise<string> {
  const file = path.join(base, 'store-id');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await mkdir(base, { recursive: true });
  try {
    const h = await open(file, 'wx', 0o644);
    const id = randomUUID();
    await h.writeFile(`${id}\n`);
    await h.sync();
    await h.close();
    return id;
  } catch (err) {
    // Another instance on the same folder wrote it first: theirs is the id.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw err;
  }
}

/**
 * A FileStore in a local folder. Writes are atomic (temp file + fsync + rename), so a reader
 * never sees a half-written file. With `encryptionKey` (32 bytes) every file is sealed with
 * AES-256-GCM at rest — required for biometric data such as swafoto (UU 27/2022 Pasal 4, see
 * RULES.md §6.3); `get` then verifies the tag and fails with `FileIntegrityError` on tampering.
 */
export function createLocalFileStore(root: string, opts: { encryptionKey?: Buffer } = {}): FileStore {
  const base = path.resolve(root);
  const encKey = opts.encryptionKey;
  if (encKey !== undefined && encKey.length !== 32) {
    throw new Error('encryptionKey must be exactly 32 bytes (AES-256)');
  }

  async function get(key: string): Promise<Buffer> {
    const file = resolveKey(base, key);
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(key);
      throw err;
    }
    return markStoredFile(encKey ? decrypt(encKey, raw, key) : raw);
  }

  return {
    async put(data, _meta) {
      const key = newFileKey();
      await writeAtomically(resolveKey(base, key), encKey ? encrypt(encKey, data) : data);
      return { key, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
    },

    get,

    stream(key) {
      const file = resolveKey(base, key);
      if (!encKey) {
        const out = new PassThrough();
        const src = createReadStream(file);
        src.on('error', (err) => out.destroy(isNotFound(err) ? new FileNotFoundError(key) : err));
        return src.pipe(out);
      }
      // GCM authenticates only at the end; releasing plaintext before the tag is checked would
      // hand out unverified bytes, so encrypted files are verified whole first (they are small:
      // uploads are capped at a few hundred KB).
      const out = new PassThrough();
      get(key).then(
        (buf) => out.end(buf),
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      return out;
    },

    async delete(key) {
      await rm(resolveKey(base, key), { force: true });
    },

    list: () => listKeys(base),

    storeId: () => readOrCreateStoreId(base),

    async exists(key) {
      try {
        return (await stat(resolveKey(base, key))).isFile();
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
  };
}
