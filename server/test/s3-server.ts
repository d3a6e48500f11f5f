/**
 * A real S3-protocol server for tests: s3rver (npm, dev dependency) on loopback, on a free port,
 * keeping its objects in a temp folder. The S3 file store talks to it exactly as it talks to MinIO
 * (path-style, signed requests), so no S3 call is mocked.
 *
 * It runs in a child Node process with `--openssl-legacy-provider`: s3rver 3.7 makes the
 * ListObjectsV2 continuation token with DES, which OpenSSL 3 (Node ≥ 17) only has in its legacy
 * provider — without it every truncated listing answers 500 InternalError. The child exits when
 * this process closes its stdin, so a crashed test run leaves no server behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Location } from '../src/platform/file-store-s3.ts';

export interface TestS3Server {
  endpoint: string;
  /** Creates a fresh bucket and returns where it is (with s3rver's fixed credentials). */
  newBucket(): Promise<S3Location>;
  close(): Promise<void>;
}

const CHILD = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] });
server.run().then((a) => process.stdout.write(JSON.stringify({ port: a.port }) + '\\n'));
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
`;

/** Starts s3rver on 127.0.0.1 on a free port. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'merit-s3rver-'));
  const main = createRequire(import.meta.url).resolve('s3rver');
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, main, directory], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line!) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
  });
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
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      child.stdin!.end();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
