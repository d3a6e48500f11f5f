/**
 * Outgoing e-mail. Every message is written to the outbox table in the caller's transaction,
 * so a rolled-back change sends nothing; with SMTP_URL set, a sender then delivers it through
 * nodemailer and records the result. Without SMTP the outbox is the delivery: admins read it.
 */
import nodemailer from 'nodemailer';
import type { Executor } from '../db/database.ts';
import type { Ids } from './clock.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Queues a message inside the caller's transaction; returns its outbox id. */
  enqueue(trx: Executor, message: MailMessage): Promise<string>;
  /** Delivers queued SMTP messages; a no-op without SMTP. */
  deliverPending(db: Executor): Promise<number>;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; ids: Ids }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
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
      const pending = await db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('transport', '=', 'smtp')
        .where('sent_at', 'is', null)
        .where('error', 'is', null)
        .orderBy('created_at')
        .limit(50)
        .execute();
      for (const m of pending) {
        try {
          await transport.sendMail({ from: opts.from, to: m.to_address, subject: m.subject, text: m.body_text });
          await db.updateTable('outbox_emails').set({ sent_at: new Date() }).where('id', '=', m.id).execute();
        } catch (err) {
          await db
            .updateTable('outbox_emails')
            .set({ error: String((err as Error).message).slice(0, 500) })
            .where('id', '=', m.id)
            .execute();
        }
      }
      return pending.length;
    },
  };
}
