/**
 * A real S3-protocol server for tests: s3rver (npm, dev dependency) in this process, on loopback,
 * on a free port, keeping its objects in a temp folder. The S3 file store talks to it exactly as it
 * talks to MinIO (path-style, signed requests), so no S3 call is mocked.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Location } from '../src/platform/file-store-s3.ts';

export interface TestS3Server {
  endpoint: string;
  /** Creates a fresh bucket and returns where it is (with s3rver's fixed credentials). */
  newBucket(): Promise<S3Location>;
  close(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 on a free port. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'merit-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const at = (bucket: string): S3Location => ({
    endpoint,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  return {
    endpoint,
    async newBucket() {
      const loc = at(`merit-${randomBytes(6).toString('hex')}`);
      const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
      const client = new S3Client({
        endpoint,
        region: loc.region,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      await client.send(new CreateBucketCommand({ Bucket: loc.bucket }));
      client.destroy();
      return loc;
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
