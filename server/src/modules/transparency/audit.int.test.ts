/** The audit log detects any changed, deleted or reordered row, in the service and through the CLI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { startRuntime } from '../../main.ts';
import {
  Agent,
  applicantBody,
  createTestContext,
  openTestDatabase,
  signedInAgent,
  TEST_SECRET,
  TEST_SIGNING_KEY,
  usingPostgres,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function makeEvents(n: number) {
  for (let i = 0; i < n; i++) await new Agent(ctx.app).post('/api/v1/auth/register', applicantBody());
}

describe('audit log', () => {
  it('appends a chained event for each state change and verifies intact', async () => {
    await makeEvents(3);
    const events = await ctx.database.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['account.register', 'account.register', 'account.register']);
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    expect(await ctx.services.audit.checkpoint(ctx.database.db)).toBe(3);
    expect(await ctx.services.audit.verify(ctx.database.db)).toEqual({ ok: true, events: 3, checkpoints: 1 });
  });

  it('publishes signed checkpoints and the events anyone can recompute', async () => {
    const res = await new Agent(ctx.app).get('/api/v1/public/audit/checkpoints');
    const cp = res.json().checkpoints[0];
    expect(cp.treeSize).toBe(3);
    expect(cp.signedMessage).toBe(`merit-audit-checkpoint/v1\n3\n${cp.rootHash}`);
    const { verify, createPublicKey } = await import('node:crypto');
    expect(
      verify(
        null,
        Buffer.from(cp.signedMessage),
        createPublicKey(cp.publicKeyPem),
        Buffer.from(cp.signature, 'base64'),
      ),
    ).toBe(true);
    const events = (await new Agent(ctx.app).get('/api/v1/public/audit/events?after=1&limit=1')).json().events;
    expect(events).toHaveLength(1);
    expect(events[0].seq).toBe(2);
  });

  it('names a changed row', async () => {
    await sql`update audit_events set action = 'account.nothing_happened' where seq = 2`.execute(ctx.database.db);
    const r = await ctx.services.audit.verify(ctx.database.db);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    await sql`update audit_events set action = 'account.register' where seq = 2`.execute(ctx.database.db);
    expect((await ctx.services.audit.verify(ctx.database.db)).ok).toBe(true);
  });

  it('names reordered rows', async () => {
    await sql`update audit_events set seq = -1 where seq = 2`.execute(ctx.database.db);
    await sql`update audit_events set seq = 2 where seq = 3`.execute(ctx.database.db);
    await sql`update audit_events set seq = 3 where seq = -1`.execute(ctx.database.db);
    expect(await ctx.services.audit.verify(ctx.database.db)).toMatchObject({ ok: false, seq: 2 });
    await sql`update audit_events set seq = -1 where seq = 2`.execute(ctx.database.db);
    await sql`update audit_events set seq = 2 where seq = 3`.execute(ctx.database.db);
    await sql`update audit_events set seq = 3 where seq = -1`.execute(ctx.database.db);
    expect((await ctx.services.audit.verify(ctx.database.db)).ok).toBe(true);
  });

  it('names a deleted row, in the middle or at the end after a checkpoint', async () => {
    const copy = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = 3`.execute(ctx.database.db);
    const tail = await ctx.services.audit.verify(ctx.database.db);
    expect(tail).toMatchObject({ ok: false, seq: 3 });
    expect(tail.ok ? '' : tail.problem).toContain('dihapus');
    await ctx.database.db.insertInto('audit_events').values(copy).execute();
    await sql`delete from audit_events where seq = 2`.execute(ctx.database.db);
    expect(await ctx.services.audit.verify(ctx.database.db)).toMatchObject({ ok: false, seq: 2 });
  });
});

describe('personal data in the public audit log', () => {
  it('keys the digests: a guessed e-mail cannot be confirmed offline', async () => {
    const { createHash, createHmac } = await import('node:crypto');
    const body = applicantBody();
    const res = await new Agent(ctx.app).post('/api/v1/auth/register', body);
    const id = res.json().id as string;
    const events = (await new Agent(ctx.app).get('/api/v1/public/audit/events?limit=1000')).json().events as {
      subjectId: string;
      action: string;
      afterDigest: string;
    }[];
    const published = events.find((e) => e.action === 'account.register' && e.subjectId === id)!.afterDigest;
    // What an attacker computes for a guess of the address (the snapshot's canonical JSON).
    const guess = JSON.stringify({ email: body.email, emailVerified: false, id, role: 'applicant' }).replace(
      /^{|}$/g,
      '',
    );
    const canonical = `{${guess}}`;
    expect(published).not.toBe(createHash('sha256').update(canonical).digest('hex'));
    const key = createHmac('sha256', TEST_SECRET).update('merit-audit-digests').digest();
    expect(published).toBe(createHmac('sha256', key).update(canonical).digest('hex'));
    // The chain covers the keyed digests as stored: the CLI test below verifies such a log.
  });

  it('keeps sign-ins and sign-outs out of the public log (a private sign-in log has them)', async () => {
    const agent = await signedInAgent(ctx, 'employee');
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const events = (await new Agent(ctx.app).get('/api/v1/public/audit/events?limit=1000')).json().events as {
      action: string;
    }[];
    expect(events.filter((e) => e.action.startsWith('session.'))).toEqual([]);
    const rows = await ctx.database.db.selectFrom('sign_ins').select('kind').execute();
    expect(rows.map((r) => r.kind).sort()).toEqual(['login', 'logout']);
  });
});

describe('merit audit verify (CLI)', () => {
  it('exits 0 on an intact log and non-zero naming the first bad event after tampering', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-audit-'));
    const test = usingPostgres() ? await openTestDatabase() : null;
    if (test) await test.database.close();
    const env = {
      ...process.env,
      MERIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      AUDIT_SIGNING_KEY: TEST_SIGNING_KEY,
      ...(test?.url ? { DATABASE_URL: test.url } : {}),
    };
    try {
      const rt = await startRuntime(loadConfig(env));
      for (let i = 0; i < 3; i++)
        await rt.services.identity.createAccountWithPassword({
          email: `cli${i}@merit.test`,
          fullName: 'CLI',
          role: 'employee',
          password: 'sandi yang panjang sekali',
        });
      await rt.database.close();
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/merit.js', ...args], { env, encoding: 'utf8', timeout: 90_000 });

      expect(cli('audit', 'checkpoint').status).toBe(0);
      const ok = cli('audit', 'verify');
      expect(ok.stdout, ok.stderr).toContain('Log audit utuh: 3 kejadian, 1 checkpoint');
      expect(ok.status).toBe(0);

      const db = await openDatabase(
        test?.url ? { databaseUrl: test.url } : { pgliteDir: path.join(dataDir, 'pglite') },
      );
      await sql`update audit_events set subject_id = 'someone-else' where seq = 2`.execute(db.db);
      await db.close();
      const bad = cli('audit', 'verify');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('#2');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (test) await test.drop().catch(() => {});
    }
  }, 180_000); // three CLI processes, each opening the database
});
