/**
 * Picks the file store the configuration asks for (FILE_STORE): the local folder by default, or
 * the S3-compatible bucket. Both seal files with the same FILE_ENCRYPTION_KEY envelope.
 */
import type { Config } from '../config.ts';
import { createLocalFileStore, type FileStore } from './file-store.ts';
import { createS3FileStore, openS3Bucket } from './file-store-s3.ts';

/** The configured FileStore; FILE_STORE=s3 without an S3 bucket is refused by config.ts already. */
export function openFileStore(
  config: Pick<Config, 'filesDir' | 'fileEncryptionKey'> & Partial<Pick<Config, 'fileStore' | 's3'>>,
): FileStore {
  if (config.fileStore === 's3') {
    if (!config.s3) throw new Error('FILE_STORE=s3 needs S3_BUCKET');
    return createS3FileStore(openS3Bucket(config.s3), { encryptionKey: config.fileEncryptionKey });
  }
  return createLocalFileStore(config.filesDir, { encryptionKey: config.fileEncryptionKey });
}
