/**
 * `merit files migrate --to s3`: copies every file of the local store into the S3 bucket under the
 * same key, byte for byte (the files are already sealed with FILE_ENCRYPTION_KEY, so only ciphertext
 * leaves the machine and the S3 store opens them with the same key).
 *
 * What is verified is the SHA-256 of the stored bytes — the ciphertext — read back from the bucket
 * after the upload: equal ciphertext under the same key means equal plaintext, and it is checked
 * without decrypting anything. Objects already in the bucket with the same hash are skipped, so the
 * command can be run again after an interruption (or once more after the switch) and only copies
 * what is missing or different.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLocalFileStore, decrypt, resolveKey } from './file-store.ts';
import type { Config } from '../config.ts';
import { openS3Bucket, type S3Bucket, STORE_ID_OBJECT } from './file-store-s3.ts';

export interface MigrationReport {
  total: number;
  /** Copied now (new in the bucket, or replacing an object whose bytes differed). */
  copied: number;
  /** Already in the bucket with the same SHA-256. */
  skipped: number;
  /** Of `copied`: objects that were in the bucket with different bytes. */
  replaced: number;
  /** Read back from the bucket with a different SHA-256 (or not at all): the command fails. */
  mismatched: string[];
  /** Removed locally between the listing and the copy (a running instance deleted them). */
  vanished: string[];
  /** Copied, but FILE_ENCRYPTION_KEY does not open them (already damaged, or sealed with another key). */
  unreadable: string[];
  /** What happened to the store id (so /api/health keeps answering `shared` after the switch). */
  storeId: 'copied' | 'same' | 'replaced' | 'none';
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const isNotFound = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Copies one file; the outcome for the report. */
async function copyOne(
  key: string,
  opts: { base: string; bucket: S3Bucket; encryptionKey?: Buffer | undefined },
): Promise<{ outcome: 'copied' | 'replaced' | 'skipped' | 'mismatched' | 'vanished'; unreadable?: true }> {
  let local: Buffer;
  try {
    local = await readFile(resolveKey(opts.base, key));
  } catch (err) {
    if (isNotFound(err)) return { outcome: 'vanished' };
    throw err;
  }
  const want = sha256(local);
  const before = await opts.bucket.getObject(key);
  let outcome: 'copied' | 'replaced' | 'skipped' = 'skipped';
  if (!before || sha256(before) !== want) {
    await opts.bucket.putObject(key, local);
    const after = await opts.bucket.getObject(key);
    if (!after || sha256(after) !== want) return { outcome: 'mismatched' };
    outcome = before ? 'replaced' : 'copied';
  }
  if (opts.encryptionKey) {
    try {
      decrypt(opts.encryptionKey, local, key);
    } catch {
      return { outcome, unreadable: true };
    }
  }
  return { outcome };
}

/** Gives the bucket the local store's id, so the deployment's recorded id still matches after the switch. */
async function copyStoreId(base: string, bucket: S3Bucket): Promise<MigrationReport['storeId']> {
  let id: string;
  try {
    id = (await readFile(path.join(base, 'store-id'), 'utf8')).trim();
  } catch (err) {
    if (isNotFound(err)) return 'none';
    throw err;
  }
  const current = (await bucket.getObject(STORE_ID_OBJECT))?.toString('utf8').trim();
  if (current === id) return 'same';
  await bucket.putObject(STORE_ID_OBJECT, Buffer.from(`${id}\n`));
  return current ? 'replaced' : 'copied';
}

/**
 * Copies the local store at `filesDir` into `bucket` and verifies each copy (see the file comment).
 * `log` receives progress lines (every `progressEvery` files and at the end) and one line per problem.
 */
export async function migrateLocalToS3(opts: {
  filesDir: string;
  bucket: S3Bucket;
  encryptionKey?: Buffer;
  concurrency?: number;
  progressEvery?: number;
  log: (line: string) => void;
}): Promise<MigrationReport> {
  const base = path.resolve(opts.filesDir);
  const keys: string[] = [];
  for await (const f of createLocalFileStore(base).list()) keys.push(f.key);
  const r: MigrationReport = {
    total: keys.length,
    copied: 0,
    skipped: 0,
    replaced: 0,
    mismatched: [],
    vanished: [],
    unreadable: [],
    storeId: 'none',
  };
  opts.log(`${keys.length} berkas lokal di ${base} → s3://${opts.bucket.bucket}`);
  let done = 0;
  const every = opts.progressEvery ?? 100;
  const progress = () =>
    opts.log(
      `[${done}/${r.total}] disalin ${r.copied}, sudah ada ${r.skipped}, tidak cocok ${r.mismatched.length}, hilang ${r.vanished.length}`,
    );
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      const { outcome, unreadable } = await copyOne(key, {
        base,
        bucket: opts.bucket,
        encryptionKey: opts.encryptionKey,
      });
      if (outcome === 'skipped') r.skipped++;
      else if (outcome === 'copied' || outcome === 'replaced') r.copied++;
      if (outcome === 'replaced') {
        r.replaced++;
        opts.log(`DITIMPA ${key}: isi di bucket berbeda dari berkas lokal`);
      } else if (outcome === 'mismatched') {
        r.mismatched.push(key);
        opts.log(`TIDAK COCOK ${key}: SHA-256 di bucket berbeda dari berkas lokal setelah disalin`);
      } else if (outcome === 'vanished') {
        r.vanished.push(key);
      }
      if (unreadable) {
        r.unreadable.push(key);
        opts.log(`PERINGATAN ${key}: disalin, tetapi FILE_ENCRYPTION_KEY tidak dapat membukanya`);
      }
      done++;
      if (done % every === 0 && done < r.total) progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  progress();
  r.storeId = await copyStoreId(base, opts.bucket);
  return r;
}

/**
 * `merit files migrate --to s3`: needs S3_BUCKET (and endpoint, credentials) but not the database.
 * Exit 0 when every file is in the bucket with the same SHA-256, 1 when one is not, 2 on bad usage.
 */
export async function runFilesMigrate(
  config: Pick<Config, 'filesDir' | 'fileEncryptionKey' | 's3'>,
  args: string[],
  log: (line: string) => void = console.log,
): Promise<number> {
  if (args.length !== 2 || args[0] !== '--to' || args[1] !== 's3') {
    console.error('Penggunaan: merit files migrate --to s3');
    return 2;
  }
  if (!config.s3) {
    console.error(
      'S3_BUCKET belum diisi: isi S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY dahulu.',
    );
    return 2;
  }
  const bucket = openS3Bucket(config.s3);
  try {
    const r = await migrateLocalToS3({
      filesDir: config.filesDir,
      bucket,
      encryptionKey: config.fileEncryptionKey,
      log,
    });
    const idNote = { copied: 'disalin', same: 'sudah sama', replaced: 'diganti dengan id lokal', none: 'tidak ada' };
    log(`Id penyimpanan: ${idNote[r.storeId]}.`);
    if (r.mismatched.length > 0) {
      console.error(`GAGAL: ${r.mismatched.length} berkas tidak cocok SHA-256-nya; jalankan lagi perintah ini.`);
      return 1;
    }
    log(
      `Selesai: ${r.total} berkas, ${r.copied} disalin, ${r.skipped} sudah ada, semua SHA-256 cocok.` +
        (r.unreadable.length
          ? ` ${r.unreadable.length} berkas tidak dapat dibuka dengan FILE_ENCRYPTION_KEY (lihat di atas).`
          : ''),
    );
    return 0;
  } finally {
    bucket.destroy();
  }
}
