/** SQL for accounts, sessions, one-time tokens and throttle counts. Executor first. */
import { type Executor, sql } from '../../db/database.ts';
import type { Kysely, Updateable } from 'kysely';
import type { AccountsTable, DB, NewAccount } from '../../db/schema.ts';

export const identityRepository = {
  insertAccount: (trx: Executor, row: NewAccount) => trx.insertInto('accounts').values(row).execute(),

  byId: (db: Executor, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),

  byEmail: (db: Executor, emailNormalized: string) =>
    db.selectFrom('accounts').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst(),

  idsByEmail: async (db: Executor, emailsNormalized: readonly string[]) =>
    emailsNormalized.length === 0 ? [] : db.selectFrom('accounts').select(['id', 'email_normalized']).where('email_normalized', 'in', [...emailsNormalized]).execute(),

  emailsOf: async (db: Executor, ids: readonly string[]) =>
    ids.length === 0 ? [] : db.selectFrom('accounts').select(['id', 'email_normalized']).where('id', 'in', [...ids]).execute(),

  byNik: (db: Executor, nik: string) => db.selectFrom('accounts').selectAll().where('nik', '=', nik).executeTakeFirst(),

  updateAccount: (trx: Executor, id: string, patch: Updateable<AccountsTable>) =>
    trx.updateTable('accounts').set(patch).where('id', '=', id).execute(),

  listStaff: (db: Executor) =>
    db.selectFrom('accounts').selectAll().where('role', 'not in', ['applicant', 'citizen']).orderBy('role').orderBy('full_name').execute(),

  insertSession: (trx: Executor, row: { id_hash: string; account_id: string; expires_at: Date; created_at: Date; last_seen_at: Date }) =>
    trx.insertInto('sessions').values(row).execute(),

  /** Sessions with their accounts, for many id hashes at once (one statement text for any count). */
  sessionsWithAccount: (db: Executor, idHashes: readonly string[]) =>
    db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select([
        'sessions.id_hash',
        'sessions.expires_at',
        'sessions.last_seen_at',
        'accounts.id as account_id',
        'accounts.role',
        'accounts.disabled_at',
        'accounts.organization_id',
      ])
      .where(sql<boolean>`sessions.id_hash = any(${idHashes}::text[])`)
      .execute(),

  /** Stamps sessions in use; rows another stamp holds are skipped (no waiting, no deadlock). */
  touchSessions: (db: Executor, idHashes: string[], at: Date) =>
    db.updateTable('sessions').set({ last_seen_at: at })
      .where('id_hash', 'in', (eb) => eb.selectFrom('sessions').select('id_hash').where('id_hash', 'in', idHashes).orderBy('id_hash').forNoKeyUpdate().skipLocked())
      .execute(),

  deleteSession: (trx: Executor, idHash: string) => trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute(),

  deleteSessionsOf: (trx: Executor, accountId: string) =>
    trx.deleteFrom('sessions').where('account_id', '=', accountId).execute(),

  insertToken: (
    trx: Executor,
    row: { token_hash: string; account_id: string; purpose: 'verify_email' | 'reset_password'; expires_at: Date; issued_by?: string | null },
  ) => trx.insertInto('account_tokens').values(row).execute(),

  /** Marks a live token used and returns its account, in one statement so a token works once. */
  consumeToken: async (trx: Executor, tokenHash: string, purpose: 'verify_email' | 'reset_password', now: Date) =>
    trx
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['account_id', 'issued_by'])
      .executeTakeFirst(),

  countThrottle: async (db: Executor, key: string, since: Date) => {
    const r = await db
      .selectFrom('throttle_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('occurred_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  oldestThrottle: (db: Executor, key: string, since: Date) =>
    db
      .selectFrom('throttle_events')
      .select('occurred_at')
      .where('key', '=', key)
      .where('occurred_at', '>', since)
      .orderBy('occurred_at')
      .limit(1)
      .executeTakeFirst(),

  addThrottle: (db: Executor, keys: string[], at: Date) =>
    db.insertInto('throttle_events').values(keys.map((key) => ({ key, occurred_at: at }))).execute(),

  clearThrottle: (db: Executor, key: string) => db.deleteFrom('throttle_events').where('key', '=', key).execute(),

  /** Counts per key starting with `prefix` since `since`, with the first and last time. */
  throttleByPrefix: (db: Executor, prefix: string, since: Date) =>
    db
      .selectFrom('throttle_events')
      .select((eb) => ['key', eb.fn.countAll<number>().as('n'), eb.fn.min('occurred_at').as('first_at'), eb.fn.max('occurred_at').as('last_at')])
      .where(sql<boolean>`starts_with(key, ${prefix})`)
      .where('occurred_at', '>', since)
      .groupBy('key')
      .execute(),

  /** Every key starting with `prefix` (an account's lockouts from all sources). */
  clearThrottlePrefix: (db: Executor, prefix: string) =>
    db.deleteFrom('throttle_events').where(sql<boolean>`starts_with(key, ${prefix})`).executeTakeFirst(),

  /**
   * Counts an attempt against each key, atomically: each key is locked (a transaction-scoped
   * advisory lock, in key order so two attempts never wait on each other crosswise), counted and,
   * when every key is under its limit, one event is added to each. Returns the first key at its
   * limit (nothing added), or null. Parallel attempts thus never overshoot a limit.
   */
  reserveThrottle: (db: Kysely<DB>, keys: readonly (readonly [string, number])[], since: Date, at: Date) =>
    db.transaction().execute(async (trx) => {
      const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [key] of sorted) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
      for (const [key, max] of keys) {
        const r = await trx.selectFrom('throttle_events').select((eb) => eb.fn.countAll<number>().as('n')).where('key', '=', key).where('occurred_at', '>', since).executeTakeFirstOrThrow();
        if (Number(r.n) >= max) return key;
      }
      await trx.insertInto('throttle_events').values(keys.map(([key]) => ({ key, occurred_at: at }))).execute();
      return null;
    }),

  /** Takes back one event `reserveThrottle` added (the attempt succeeded). */
  releaseThrottle: (db: Executor, key: string, at: Date) =>
    sql`delete from throttle_events where ctid in (select ctid from throttle_events where key = ${key} and occurred_at = ${at} limit 1)`.execute(db),

  /** A sign-in or sign-out, in the private log (never the public audit log). */
  recordSignIn: (trx: Executor, accountId: string, kind: 'login' | 'logout', at: Date) =>
    trx.insertInto('sign_ins').values({ account_id: accountId, kind, at }).execute(),

  listOutbox: (db: Executor, limit: number) =>
    db.selectFrom('outbox_emails').selectAll().orderBy('created_at', 'desc').limit(limit).execute(),

  organizationExists: async (db: Executor, id: string) => Boolean(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()),

  /** The account a one-time token belongs to, whatever its state (consumeToken decides if it still counts). */
  tokenAccount: (db: Executor, tokenHash: string) => db.selectFrom('account_tokens').select('account_id').where('token_hash', '=', tokenHash).executeTakeFirst(),

  /** Tells every instance (LISTEN) inside the transaction, so the message goes out only if it commits. */
  notify: (trx: Executor, channel: string, payload: string) => sql`select pg_notify(${channel}, ${payload})`.execute(trx),

  listOrganizations: (db: Executor) => db.selectFrom('organizations').selectAll().orderBy('name').execute(),
};
