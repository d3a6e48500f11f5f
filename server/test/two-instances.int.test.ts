/**
 * Merit is stateless: two app processes on one Postgres serve the same users. A session made on
 * one instance works on the other, and ending it on one ends it everywhere. Their files are in one
 * S3 bucket (FILE_STORE=s3 on s3rver, a real S3-protocol server the test starts itself), so a
 * document uploaded on one instance is served by the other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, multipart } from './fixtures.ts';
import { openTestDatabase, TEST_SECRET, TEST_SIGNING_KEY, usingPostgres } from './harness.ts';
import { startS3Server, type TestS3Server } from './s3-server.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

class Browser {
  cookies = new Map<string, string>();
  async call(base: string, method: string, url: string, body?: unknown) {
    const res = await fetch(base + url, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.cookies.get('merit_csrf') ?? '',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }
}

describe.runIf(usingPostgres())('two app instances on one Postgres', () => {
  const procs: ChildProcess[] = [];
  const bases: string[] = [];
  let drop: () => Promise<void>;
  let dataDir: string;
  let s3: TestS3Server;

  beforeAll(async () => {
    s3 = await startS3Server();
    const bucket = await s3.newBucket();
    const test = await openTestDatabase();
    await test.database.close();
    drop = test.drop;
    dataDir = mkdtempSync(path.join(tmpdir(), 'merit-2x-'));
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = spawn(process.execPath, ['bin/merit.js', 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: test.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          MERIT_DATA_DIR: path.join(dataDir, `instance-${i}`),
          SESSION_SECRET: TEST_SECRET,
          AUDIT_SIGNING_KEY: TEST_SIGNING_KEY,
          LOG_LEVEL: 'warn',
          WEB_BUILD_ON_START: 'false',
          FILE_STORE: 's3',
          S3_ENDPOINT: bucket.endpoint,
          S3_BUCKET: bucket.bucket,
          S3_ACCESS_KEY_ID: bucket.accessKeyId,
          S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
          // Each instance keeps its own data dir: the files are shared through the bucket, not a folder.
          FILE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      procs.push(proc);
      bases.push(`http://127.0.0.1:${port}`);
    }
    // Both start at once: migrations and demo seeding must not trip over each other.
    for (const base of bases) {
      for (let t = 0; ; t++) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        // Two cold starts at once on a busy 2-core machine take well over 30 s.
        if (t > 480) throw new Error(`instance ${base} did not start`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await drop?.();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a document uploaded on one instance from the other (one S3 bucket)', async () => {
    const [a, b] = bases as [string, string];
    const browser = new Browser();
    await browser.call(a, 'GET', '/api/health');
    expect(
      (
        await browser.call(a, 'POST', '/api/v1/auth/login', {
          identifier: 'banksoal@merit.test',
          password: 'merit-palu-2026',
        })
      ).status,
    ).toBe(200);
    const form = multipart({ name: 'soal.png', data: await makePng('gambar soal dua instans'), type: 'image/png' });
    const uploaded = await fetch(`${a}/api/v1/exam/item-images`, {
      method: 'POST',
      headers: {
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': browser.cookies.get('merit_csrf') ?? '',
        'content-type': form.contentType,
      },
      body: form.body,
    });
    expect(uploaded.status).toBe(201);
    const { imageKey } = (await uploaded.json()) as { imageKey: string };
    const onA = await browser.call(a, 'GET', `/api/v1/exam/item-images/${imageKey}`);
    const onB = await browser.call(b, 'GET', `/api/v1/exam/item-images/${imageKey}`);
    expect(onB.status).toBe(200);
    expect(onB.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await onB.arrayBuffer()).equals(Buffer.from(await onA.arrayBuffer()))).toBe(true);
    // Both instances read the bucket's store id, the one the deployment recorded.
    for (const base of bases)
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ files: 'shared' });
  });

  it('shares sessions, accounts and sign-outs between instances', async () => {
    const [a, b] = bases as [string, string];
    const health = await (await fetch(`${a}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'postgres' });

    const browser = new Browser();
    await browser.call(a, 'GET', '/api/health');
    const login = await browser.call(a, 'POST', '/api/v1/auth/login', {
      identifier: 'admin@merit.test',
      password: 'merit-palu-2026',
    });
    expect(login.status).toBe(200);

    const onB = await browser.call(b, 'GET', '/api/v1/me');
    expect(onB.status).toBe(200);
    expect((await onB.json()).account.role).toBe('admin');

    const created = await browser.call(b, 'POST', '/api/v1/admin/accounts', {
      email: 'dua.instans@palukota.go.id',
      fullName: 'Dua Instans',
      role: 'observer',
    });
    expect(created.status).toBe(201);
    const list = await (await browser.call(a, 'GET', '/api/v1/admin/accounts')).json();
    expect(list.accounts.some((x: { email: string }) => x.email === 'dua.instans@palukota.go.id')).toBe(true);

    const token = browser.cookies.get('merit_session')!;
    expect((await browser.call(b, 'POST', '/api/v1/auth/logout')).status).toBe(200);
    const stale = new Browser();
    stale.cookies.set('merit_session', token);
    // Instance a cached the session; b's sign-out reaches it by NOTIFY (at the latest in 5 s).
    await expect
      .poll(async () => (await stale.call(a, 'GET', '/api/v1/me')).status, { timeout: 6000, interval: 100 })
      .toBe(401);
  });
});
