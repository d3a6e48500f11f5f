/**
 * Outgoing e-mail. Every message is written to the outbox table in the caller's transaction,
 * so a rolled-back change sends nothing; with SMTP_URL set, a sender then delivers it through
 * nodemailer and records the result. Without SMTP the outbox is the delivery: admins read it.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { type Executor, sql } from '../db/database.ts';
import { type Clock, type Ids, systemClock } from './clock.ts';

/** A claim left this long without a result belongs to an instance that died mid-send. */
const RECLAIM_AFTER_MS = 10 * 60_000;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Queues a message inside the caller's transaction; returns its outbox id. */
  enqueue(trx: Executor, message: MailMessage): Promise<string>;
  /** Delivers queued SMTP messages this instance could claim; a no-op without SMTP. */
  deliverPending(db: Executor): Promise<number>;
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
  return {
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
      return id;
    },
    async deliverPending(db) {
      if (!transport) return 0;
      // Claim first, in its own short transaction: another instance's claim is skipped, not waited on.
      const now = clock.now();
      const { rows: claimed } = await sql<{ id: string; to_address: string; subject: string; body_text: string }>`
        update outbox_emails set claimed_at = ${now}
        where id in (
          select id from outbox_emails
          where transport = 'smtp' and sent_at is null and error is null
            and (claimed_at is null or claimed_at < ${new Date(now.getTime() - RECLAIM_AFTER_MS)})
          order by created_at
          limit 50
          for update skip locked
        )
        returning id, to_address, subject, body_text
      `.execute(db);
      for (const m of claimed) {
        try {
          await transport.sendMail({ from: opts.from, to: m.to_address, subject: m.subject, text: m.body_text });
          await db.updateTable('outbox_emails').set({ sent_at: clock.now() }).where('id', '=', m.id).execute();
        } catch (err) {
          await db
            .updateTable('outbox_emails')
            .set({ error: String((err as Error).message).slice(0, 500) })
            .where('id', '=', m.id)
            .execute();
        }
      }
      return claimed.length;
    },
  };
}
