/**
 * Telling a person something happened: an in-app notification (the bell on their home) and the same
 * text by e-mail through the outbox, both in the caller's transaction, so a rolled-back change tells
 * nobody. Every module notifies through here (recruitment's announcements today; enrolment,
 * evaluations, findings and complaints next).
 */
import type { Executor } from '../db/database.ts';
import type { Ids } from './clock.ts';
import type { Mailer } from './mailer.ts';

export interface Recipient {
  accountId: string;
  email: string;
  fullName: string;
}

export interface Notice {
  title: string;
  body: string;
  /** The app path where the details are, e.g. `/lamaran`; the e-mail links to it. */
  path: string;
}

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface Notifier {
  notify(trx: Executor, to: Recipient, notice: Notice): Promise<void>;
  /** The newest notifications of one account, newest first. */
  list(db: Executor, accountId: string, limit?: number): Promise<NotificationView[]>;
}

export function createNotifier(opts: { ids: Ids; mailer: Mailer; publicUrl: string }): Notifier {
  return {
    async notify(trx, to, notice) {
      await trx
        .insertInto('notifications')
        .values({ id: opts.ids.uuid(), account_id: to.accountId, title: notice.title, body: notice.body })
        .execute();
      await opts.mailer.enqueue(trx, {
        to: to.email,
        subject: `Merit: ${notice.title}`,
        text: `Halo ${to.fullName},\n\n${notice.body}\n\nLihat rinciannya di ${opts.publicUrl}${notice.path}\n\nBKPSDM Kota Palu`,
      });
    },
    async list(db, accountId, limit = 50) {
      const rows = await db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        createdAt: new Date(n.created_at).toISOString(),
        read: n.read_at !== null,
      }));
    },
  };
}
