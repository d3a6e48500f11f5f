/**
 * Outgoing e-mail. Every message is written to the outbox table in the caller's transaction,
 * so a rolled-back change sends nothing; with SMTP_URL set, a durable job (platform/jobs.ts,
 * queued in the same transaction, its id the outbox id) then delivers it through nodemailer,
 * retrying with backoff while SMTP is down. The row stays the record: attempts, last error,
 * sent or failed. Without SMTP the outbox is the delivery: admins read it.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { type Executor, sql } from '../db/database.ts';
import { type Clock, type Ids, systemClock } from './clock.ts';

/** A claim left this long without a result belongs to an instance that died mid-send. */
const RECLAIM_AFTER_MS = 10 * 60_000;

/** The job that sends one outbox message. */
export const MAIL_JOB = 'mail.send';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where the mailer queues its sending jobs (the job runner, once it runs on this instance). */
export interface MailQueue {
  readonly running: boolean;
  send(executor: Executor, name: string, data: object, opts: { id: string }): Promise<string | null>;
}

/** What an outbox row shows: waiting, being sent, waiting for a retry, sent, or given up. */
export type OutboxStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed';

export interface Mailer {
  /** Queues a message inside the caller's transaction; returns its outbox id. */
  enqueue(trx: Executor, message: MailMessage): Promise<string>;
  /**
   * Sends one queued message (the mail job's handler): 'sent', or 'done' when there is nothing
   * to send (already sent, or not an SMTP message). Throws when SMTP fails, so the job retries;
   * on the `final` attempt the row is marked failed first.
   */
  deliver(db: Executor, id: string, opts: { final: boolean }): Promise<'sent' | 'done'>;
  /** Queues a job for every SMTP message still waiting without one (queued outside a running server, say). */
  requeue(db: Executor): Promise<number>;
  /** From now on `enqueue` also queues the sending job (the server does this once its jobs run). */
  useQueue(queue: MailQueue): void;
  /** True when messages go out through SMTP (not only to the outbox). */
  readonly smtp: boolean;
}

/** An outbox row's status from its columns. */
export function outboxStatus(r: {
  transport: string;
  sent_at: unknown;
  failed_at: unknown;
  error: string | null;
  claimed_at: unknown;
}): OutboxStatus {
  if (r.sent_at) return 'sent';
  if (r.failed_at) return 'failed';
  if (r.transport !== 'smtp') return 'queued';
  if (r.claimed_at) return 'sending';
  return r.error ? 'retrying' : 'queued';
}

/** The newest outbox messages, newest first: the admin's view of what Merit sent (or would send). */
export const recentOutbox = (db: Executor, limit: number) =>
  db.selectFrom('outbox_emails').selectAll().orderBy('created_at', 'desc').limit(limit).execute();

/** `transport` replaces the SMTP connection (tests count what would be sent). */
export function createMailer(opts: {
  smtpUrl: string | undefined;
  from: string;
  ids: Ids;
  clock?: Clock;
  transport?: Pick<Transporter, 'sendMail'>;
}): Mailer {
  const clock = opts.clock ?? systemClock;
  const transport = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined);
  let queue: MailQueue | undefined;
  const sendJob = (db: Executor, id: string) => queue!.send(db, MAIL_JOB, { id }, { id });

  /** Takes the row for this attempt; null when it is sent, gone, or another sender holds a fresh claim. */
  const claim = (db: Executor, id: string) => {
    const now = clock.now();
    return db
      .updateTable('outbox_emails')
      .set({ claimed_at: now, attempts: sql<number>`attempts + 1` })
      .where('id', '=', id)
      .where('transport', '=', 'smtp')
      .where('sent_at', 'is', null)
      .where((eb) =>
        eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', new Date(now.getTime() - RECLAIM_AFTER_MS))]),
      )
      .returning(['to_address', 'subject', 'body_text'])
      .executeTakeFirst();
  };

  return {
    get smtp() {
      return transport !== undefined;
    },
    useQueue(q) {
      queue = q;
    },
    async enqueue(trx, message) {
      const id = opts.ids.uuid();
      await trx
        .insertInto('outbox_emails')
        .values({
          id,
          to_address: message.to,
          subject: message.subject,
          body_text: message.text,
          transport: transport ? 'smtp' : 'outbox',
        })
        .execute();
      // Queued in the same transaction: a rolled-back change queues no job either.
      if (transport && queue?.running) await sendJob(trx, id);
      return id;
    },
    async deliver(db, id, { final }) {
      if (!transport) return 'done';
      const m = await claim(db, id);
      if (!m) {
        const row = await db.selectFrom('outbox_emails').select('sent_at').where('id', '=', id).executeTakeFirst();
        if (!row || row.sent_at) return 'done';
        throw new Error('Surel sedang dikirim oleh instans lain; dicoba lagi nanti.');
      }
      try {
        await transport.sendMail({ from: opts.from, to: m.to_address, subject: m.subject, text: m.body_text });
      } catch (err) {
        const now = clock.now();
        await db
          .updateTable('outbox_emails')
          .set({ error: String((err as Error).message).slice(0, 500), claimed_at: null, failed_at: final ? now : null })
          .where('id', '=', id)
          .execute();
        throw err;
      }
      await db
        .updateTable('outbox_emails')
        .set({ sent_at: clock.now(), failed_at: null })
        .where('id', '=', id)
        .execute();
      return 'sent';
    },
    async requeue(db) {
      if (!transport || !queue?.running) return 0;
      const rows = await db
        .selectFrom('outbox_emails')
        .select('id')
        .where('transport', '=', 'smtp')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .orderBy('created_at')
        .limit(500)
        .execute();
      let queued = 0;
      // A job that exists (waiting, retrying or failed) keeps its id: the insert is skipped.
      for (const r of rows) if (await sendJob(db, r.id)) queued++;
      return queued;
    },
  };
}
