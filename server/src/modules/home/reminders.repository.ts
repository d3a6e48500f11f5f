/**
 * SQL of reminders and the daily digest: who is reminded, each reminder's once-only
 * claim, and a person's notification settings (the tables of migration 0020 are this module's).
 */
import type { Executor } from '../../db/database.ts';
import type { ReminderKind } from '../../db/schema.ts';

export const remindersRepository = {
  /** Active staff accounts (verified, not disabled; applicants have their own pages), with their digest setting. */
  activeStaff: (db: Executor) =>
    db
      .selectFrom('accounts as a')
      .leftJoin('notification_preferences as p', 'p.account_id', 'a.id')
      .select(['a.id', 'a.role', 'a.organization_id', 'a.email_normalized', 'a.full_name', 'p.daily_digest'])
      .where('a.role', '!=', 'applicant')
      .where('a.disabled_at', 'is', null)
      .where('a.email_verified_at', 'is not', null)
      .orderBy('a.id')
      .execute(),

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
