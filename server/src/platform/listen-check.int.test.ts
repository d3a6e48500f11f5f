/**
 * Health's LISTEN self-test (issue 28 §5) on the real database of the run: PGlite, or the Postgres
 * server of TEST_DATABASE_URL (where DATABASE_LISTEN_URL is exercised too). "Not receiving" is made
 * the way a pooler in transaction mode makes it: the LISTEN sits on a connection the NOTIFY sent
 * through the pool never reaches (here: another database).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, openTestDatabase, usingPostgres, type TestContext } from '../../test/harness.ts';
import { type Database, openDatabase, sql } from '../db/database.ts';
import { createListenChecker } from './listen-check.ts';

let ctx: TestContext;
let other: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  ctx = await createTestContext();
  other = await openTestDatabase();
});
afterAll(async () => {
  await ctx?.close();
  await other?.drop();
});

/** The pool of the test database, with LISTEN on `listenOn`'s connection. */
const listeningElsewhere = (listenOn: Database): Pick<Database, 'db' | 'listen'> => ({
  db: ctx.database.db,
  listen: listenOn.listen.bind(listenOn),
});

describe('health LISTEN self-test', () => {
  it('/api/health reports that LISTEN hears this instance’s NOTIFY', async () => {
    const res = await new Agent(ctx.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: ctx.database.kind, listen: 'ok' });
  });

  it('reports not-receiving when the LISTEN connection does not hear the pool, and caches the answer', async () => {
    let clock = 0;
    const checker = createListenChecker(listeningElsewhere(other.database), {
      timeoutMs: 300,
      cacheMs: 5000,
      now: () => clock,
    });
    try {
      let t = performance.now();
      const [a, b] = await Promise.all([checker.check(), checker.check()]); // one round trip for both
      expect([a, b]).toEqual(['not-receiving', 'not-receiving']);
      expect(performance.now() - t).toBeGreaterThanOrEqual(290);
      t = performance.now();
      expect(await checker.check()).toBe('not-receiving');
      expect(performance.now() - t).toBeLessThan(100); // cached: no new NOTIFY, no wait
      clock = 6000;
      t = performance.now();
      expect(await checker.check()).toBe('not-receiving');
      expect(performance.now() - t).toBeGreaterThanOrEqual(290); // cache expired: measured again
    } finally {
      await checker.close();
    }
  });

  it('answers ok again on a fresh check once LISTEN hears the pool', async () => {
    const checker = createListenChecker(ctx.database, { timeoutMs: 2000, cacheMs: 0 });
    try {
      expect(await checker.check()).toBe('ok');
      expect(await checker.check()).toBe('ok');
    } finally {
      await checker.close();
    }
  });
});

describe.runIf(usingPostgres())('DATABASE_LISTEN_URL (Postgres)', () => {
  const withApp = (url: string, name: string) => {
    const u = new URL(url);
    u.searchParams.set('application_name', name);
    return u.toString();
  };

  it('opens LISTEN connections on the listen URL, not the pool’s', async () => {
    const db = await openDatabase({ databaseUrl: ctx.url!, listenUrl: withApp(ctx.url!, 'merit-listen-direct') });
    const checker = createListenChecker(db, { timeoutMs: 2000, cacheMs: 0 });
    try {
      expect(await checker.check()).toBe('ok');
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where application_name = 'merit-listen-direct'`.execute(db.db);
      expect(rows[0]?.n).toBe(1);
    } finally {
      await checker.close();
      await db.close();
    }
  });

  it('a listen URL that misses the pool’s NOTIFY is reported, and a lost LISTEN connection is replaced', async () => {
    const misdirected = await openDatabase({ databaseUrl: ctx.url!, listenUrl: other.url! });
    const wrong = createListenChecker(misdirected, { timeoutMs: 300, cacheMs: 0 });
    const db = await openDatabase({ databaseUrl: ctx.url!, listenUrl: withApp(ctx.url!, 'merit-listen-lost') });
    const checker = createListenChecker(db, { timeoutMs: 2000, cacheMs: 0 });
    try {
      expect(await wrong.check()).toBe('not-receiving');
      expect(await checker.check()).toBe('ok');
      const admin = new pg.Client({ connectionString: ctx.url! });
      await admin.connect();
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'merit-listen-lost'`,
      );
      await admin.end();
      // The next check may still race the socket closing; the one after listens afresh.
      await new Promise((r) => setTimeout(r, 300));
      const results = [await checker.check(), await checker.check()];
      expect(results.at(-1)).toBe('ok');
    } finally {
      await wrong.close();
      await checker.close();
      await misdirected.close();
      await db.close();
    }
  });
});
