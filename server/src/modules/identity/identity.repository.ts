/** SQL for accounts, sessions and one-time tokens (throttle counts: platform/throttle.ts). Executor first. */
import { type Executor, sql } from '../../db/database.ts';
import type { Updateable } from 'kysely';
import type { AccountsTable, NewAccount } from '../../db/schema.ts';
import {
  addThrottle,
  clearThrottle,
  clearThrottlePrefix,
  countThrottle,
  oldestThrottle,
  releaseThrottle,
  reserveThrottle,
  throttleByPrefix,
} from '../../platform/throttle.ts';

export const identityRepository = {
  insertAccount: (trx: Executor, row: NewAccount) => trx.insertInto('accounts').values(row).execute(),

  byId: (db: Executor, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),

  byEmail: (db: Executor, emailNormalized: string) =>
    db.selectFrom('accounts').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst(),

  idsByEmail: async (db: Executor, emailsNormalized: readonly string[]) =>
    emailsNormalized.length === 0
      ? []
      : db
          .selectFrom('accounts')
          .select(['id', 'email_normalized'])
          .where('email_normalized', 'in', [...emailsNormalized])
          .execute(),

  emailsOf: async (db: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? []
      : db
          .selectFrom('accounts')
          .select(['id', 'email_normalized'])
          .where('id', 'in', [...ids])
          .execute(),

  byNik: (db: Executor, nik: string) => db.selectFrom('accounts').selectAll().where('nik', '=', nik).executeTakeFirst(),

  updateAccount: (trx: Executor, id: string, patch: Updateable<AccountsTable>) =>
    trx.updateTable('accounts').set(patch).where('id', '=', id).execute(),

  listStaff: (db: Executor) =>
    db
      .selectFrom('accounts')
      .selectAll()
      .where('role', 'not in', ['applicant', 'citizen'])
      .orderBy('role')
      .orderBy('full_name')
      .execute(),

  insertSession: (
    trx: Executor,
    row: { id_hash: string; account_id: string; expires_at: Date; created_at: Date; last_seen_at: Date },
  ) => trx.insertInto('sessions').values(row).execute(),

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
    db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('id_hash', 'in', (eb) =>
        eb
          .selectFrom('sessions')
          .select('id_hash')
          .where('id_hash', 'in', idHashes)
          .orderBy('id_hash')
          .forNoKeyUpdate()
          .skipLocked(),
      )
      .execute(),

  deleteSession: (trx: Executor, idHash: string) => trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute(),

  deleteSessionsOf: (trx: Executor, accountId: string) =>
    trx.deleteFrom('sessions').where('account_id', '=', accountId).execute(),

  insertToken: (
    trx: Executor,
    row: {
      token_hash: string;
      account_id: string;
      purpose: 'verify_email' | 'reset_password';
      expires_at: Date;
      issued_by?: string | null;
    },
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

  // The throttle is the platform's (platform/throttle.ts); these names keep the services' calls.
  countThrottle,
  oldestThrottle,
  addThrottle,
  clearThrottle,
  throttleByPrefix,
  clearThrottlePrefix,
  reserveThrottle,
  releaseThrottle,

  /** A sign-in or sign-out, in the private log (never the public audit log). */
  recordSignIn: (trx: Executor, accountId: string, kind: 'login' | 'logout', at: Date) =>
    trx.insertInto('sign_ins').values({ account_id: accountId, kind, at }).execute(),

  activeStaff: (db: Executor) =>
    db
      .selectFrom('accounts')
      .select(['id', 'role', 'organization_id', 'email_normalized', 'full_name'])
      .where('role', '!=', 'applicant')
      .where('disabled_at', 'is', null)
      .where('email_verified_at', 'is not', null)
      .orderBy('id')
      .execute(),

  organizationExists: async (db: Executor, id: string) =>
    Boolean(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()),

  /** The account a one-time token belongs to, whatever its state (consumeToken decides if it still counts). */
  tokenAccount: (db: Executor, tokenHash: string) =>
    db.selectFrom('account_tokens').select('account_id').where('token_hash', '=', tokenHash).executeTakeFirst(),

  /** Tells every instance (LISTEN) inside the transaction, so the message goes out only if it commits. */
  notify: (trx: Executor, channel: string, payload: string) =>
    sql`select pg_notify(${channel}, ${payload})`.execute(trx),

  listOrganizations: (db: Executor) => db.selectFrom('organizations').selectAll().orderBy('name').execute(),
};
