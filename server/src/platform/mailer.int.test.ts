/**
 * E-mail as durable jobs (issue 28 §3): a message that fails because SMTP is down is retried
 * with backoff and delivered once SMTP is back; under two job runners (two instances) every
 * queued message is sent exactly once; a message whose retries ran out is listed as a failed job
 * and the admin's retry sends it.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { createJobRunner, type JobRunner } from './jobs.ts';
import { createMailer, MAIL_JOB, type Mailer, outboxStatus } from './mailer.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** A minimal SMTP server on `port` that records each message's recipient. */
function smtpServer(port: number, received: string[]): Promise<Server> {
  const handle = (sock: Socket) => {
    let buf = '';
    let inData = false;
    let rcpt = '';
    const reply = (line: string) => {
      const cmd = line.slice(0, 4).toUpperCase();
      if (cmd === 'EHLO' || cmd === 'HELO') return '250 uji.local';
      if (cmd === 'RCPT') rcpt = /<([^>]*)>/.exec(line)?.[1] ?? '';
      if (cmd === 'DATA') {
        inData = true;
        return '354 lanjut';
      }
      if (cmd === 'QUIT') return '221 selesai';
      return ['MAIL', 'RCPT', 'RSET', 'NOOP'].includes(cmd) ? '250 OK' : '502 tidak dikenal';
    };
    sock.write('220 uji.local ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(rcpt);
            sock.write('250 OK diterima\r\n');
          }
          continue;
        }
        sock.write(reply(line) + '\r\n');
      }
    });
    sock.on('error', () => {});
  };
  return new Promise((resolve) => {
    const server = createServer(handle);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const row = (id: string) =>
  ctx.database.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A job runner for `mailer` on `database` with fast retries (1–2 s, doubling). */
async function runnerFor(mailer: Mailer, database: Database, retryLimit = 8): Promise<JobRunner> {
  const jobs = createJobRunner({ database });
  jobs.define<{ id: string }>({
    name: MAIL_JOB,
    retryLimit,
    retryDelaySeconds: 1,
    retryBackoff: true,
    pollingIntervalSeconds: 0.5,
    batchSize: 5,
    handler: async (run) => void (await mailer.deliver(database.db, run.data.id, { final: run.final })),
  });
  await jobs.start();
  mailer.useQueue(jobs);
  return jobs;
}

/** A mailer whose "SMTP server" records what it was given, after a short network delay. */
function recordingMailer(sent: string[], refuseOnce = new Set<string>()) {
  const transport = {
    async sendMail(m: { to?: unknown }) {
      await new Promise((r) => setTimeout(r, 2));
      if (refuseOnce.delete(String(m.to))) throw new Error('550 mailbox unavailable');
      sent.push(String(m.to));
      return {};
    },
  };
  return createMailer({
    smtpUrl: undefined,
    from: 'merit@palukota.go.id',
    ids: ctx.services.ids,
    transport: transport as never,
  });
}

describe('e-mail as durable jobs', () => {
  it('retries a message while SMTP is down and delivers it once SMTP is back', async () => {
    const port = await freePort();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'merit@palukota.go.id',
      ids: ctx.services.ids,
    });
    const jobs = await runnerFor(mailer, ctx.database);
    const received: string[] = [];
    let smtp: Server | undefined;
    try {
      const id = await ctx.database.db
        .transaction()
        .execute((trx) => mailer.enqueue(trx, { to: 'verifikasi@contoh.id', subject: 'Kode', text: 'Isi' }));
      // SMTP is down: the first attempt fails and the row waits for its retry.
      const failed = await until(
        () => row(id),
        (r) => r.attempts >= 1 && r.error !== null,
      );
      expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
      expect(outboxStatus(failed)).toBe('retrying');
      expect(failed.sent_at).toBeNull();
      smtp = await smtpServer(port, received);
      const sent = await until(
        () => row(id),
        (r) => r.sent_at !== null,
      );
      expect(outboxStatus(sent)).toBe('sent');
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 1500)); // no late duplicate
      expect(received).toEqual(['verifikasi@contoh.id']);
    } finally {
      await jobs.stop();
      await new Promise((r) => (smtp ? smtp.close(r) : r(null)));
    }
  });

  it('sends every queued message exactly once when two instances run the jobs', async () => {
    const sent: string[] = [];
    const a = recordingMailer(sent);
    const b = recordingMailer(sent);
    // On Postgres the second instance has its own connection pool, as a second process would.
    const second = ctx.url ? await openDatabase({ databaseUrl: ctx.url, poolSize: 3 }) : ctx.database;
    const runners = [await runnerFor(a, ctx.database), await runnerFor(b, second)];
    try {
      const ids = await ctx.database.db.transaction().execute(async (trx) => {
        const out: string[] = [];
        for (let i = 0; i < 60; i++)
          out.push(await a.enqueue(trx, { to: `peserta${i}@contoh.id`, subject: 'Uji', text: 'Isi' }));
        return out;
      });
      const unsent = () =>
        ctx.database.db
          .selectFrom('outbox_emails')
          .select('id')
          .where('id', 'in', ids)
          .where('sent_at', 'is', null)
          .execute();
      expect(await until(unsent, (r) => r.length === 0)).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 1000));
      expect(sent).toHaveLength(60);
      expect(new Set(sent).size).toBe(60);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      if (second !== ctx.database) await second.close();
    }
  });

  it('queues nothing when the transaction rolls back, and requeues a message queued without a runner once', async () => {
    const sent: string[] = [];
    const mailer = recordingMailer(sent);
    const jobs = await runnerFor(mailer, ctx.database);
    try {
      await expect(
        ctx.database.db.transaction().execute(async (trx) => {
          await mailer.enqueue(trx, { to: 'batal@contoh.id', subject: 'Uji', text: 'Isi' });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      // A CLI command (no runner) queued this one: only the row exists until the requeue.
      const orphan = await ctx.database.db
        .transaction()
        .execute((trx) => recordingMailer([]).enqueue(trx, { to: 'tanpa-job@contoh.id', subject: 'Uji', text: 'Isi' }));
      expect(await mailer.requeue(ctx.database.db)).toBeGreaterThanOrEqual(1);
      await until(
        () => row(orphan),
        (r) => r.sent_at !== null,
      );
      expect(await mailer.requeue(ctx.database.db)).toBe(0);
      await new Promise((r) => setTimeout(r, 1000));
      expect(sent).toEqual(['tanpa-job@contoh.id']);
    } finally {
      await jobs.stop();
    }
  });

  it('lists a message whose retries ran out as a failed job, and the retry delivers it', async () => {
    const sent: string[] = [];
    const mailer = recordingMailer(sent, new Set(['ditolak@contoh.id']));
    const jobs = await runnerFor(mailer, ctx.database, 0);
    try {
      const id = await ctx.database.db
        .transaction()
        .execute((trx) => mailer.enqueue(trx, { to: 'ditolak@contoh.id', subject: 'Uji', text: 'Isi' }));
      const failedRow = await until(
        () => row(id),
        (r) => r.failed_at !== null,
      );
      expect(outboxStatus(failedRow)).toBe('failed');
      expect(failedRow.error).toContain('550');
      const listed = await until(
        () => jobs.failed(10),
        (l) => l.some((j) => j.id === id),
      );
      expect(listed.find((j) => j.id === id)).toMatchObject({
        name: MAIL_JOB,
        attempts: 1,
        error: expect.stringContaining('550'),
      });
      expect(await jobs.retry(MAIL_JOB, id)).toBe(true);
      const sentRow = await until(
        () => row(id),
        (r) => r.sent_at !== null,
      );
      expect(outboxStatus(sentRow)).toBe('sent');
      expect(sentRow.failed_at).toBeNull();
      expect(sent).toEqual(['ditolak@contoh.id']);
      expect((await jobs.failed(10)).some((j) => j.id === id)).toBe(false);
      expect(await jobs.retry(MAIL_JOB, id)).toBe(false);
    } finally {
      await jobs.stop();
    }
  });
});
