/**
 * SQL of reminders and the daily digest: who is reminded, each reminder's once-only
 * claim, and a person's notification settings (the tables of migration 0020 are this module's).
 */
import type { Executor } from '../../db/database.ts';
import type { ReminderKind } from '../../db/schema.ts';

export const remindersRepository = {
  /** Accounts that turned the daily digest off (everyone else gets it). */
  digestOptOuts: async (db: Executor) =>
    new Set(
      (
        await db.selectFrom('notification_preferences').select('account_id').where('daily_digest', '=', false).execute()
      ).map((r) => r.account_id),
    ),

  /**
   * Claims one reminder: true for the first caller only. On Postgres a second instance inserting the
   * same key waits for the first one's transaction and then inserts nothing.
   */
  claim: async (
    trx: Executor,
    row: { account_id: string; task_key: string; due_at: Date; kind: ReminderKind; sent_at: Date },
  ) =>
    Boolean(
      await trx
        .insertInto('reminders_sent')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('account_id')
        .executeTakeFirst(),
    ),

  dailyDigest: async (db: Executor, accountId: string) =>
    (
      await db
        .selectFrom('notification_preferences')
        .select('daily_digest')
        .where('account_id', '=', accountId)
        .executeTakeFirst()
    )?.daily_digest ?? true,

  setDailyDigest: (trx: Executor, accountId: string, dailyDigest: boolean, at: Date) =>
    trx
      .insertInto('notification_preferences')
      .values({ account_id: accountId, daily_digest: dailyDigest, updated_at: at })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ daily_digest: dailyDigest, updated_at: at }))
      .execute(),
};
