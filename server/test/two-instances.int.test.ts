/**
 * Merit is stateless: two app processes on one Postgres serve the same users. A session made on
 * one instance works on the other, and ending it on one ends it everywhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_SECRET, TEST_SIGNING_KEY, usingPostgres } from './harness.ts';

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

  beforeAll(async () => {
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
        if (t > 120) throw new Error(`instance ${base} did not start`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, 90_000);

  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
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
