/**
 * The one throttle every module counts against (table throttle_events): an event per attempt under
 * a key ("login:ip:…", "complaint:ip:…"), counted over a sliding window. Reservations take a
 * transaction-scoped advisory lock per key, so parallel attempts never overshoot a limit. The
 * table's only SQL: identity (sign-in, registration, codes) and participation (complaints,
 * surveys) call these functions and never name the table.
 */
import type { Kysely } from 'kysely';
import { type Executor, sql } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** How many events `key` has after `since`. */
export async function countThrottle(db: Executor, key: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('throttle_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('occurred_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The oldest event of `key` after `since` (when the window frees a slot), if any. */
export function oldestThrottle(db: Executor, key: string, since: Date) {
  return db
    .selectFrom('throttle_events')
    .select('occurred_at')
    .where('key', '=', key)
    .where('occurred_at', '>', since)
    .orderBy('occurred_at')
    .limit(1)
    .executeTakeFirst();
}

/** Adds one event at `at` to each key, unconditionally (a failure that only counts). */
export function addThrottle(db: Executor, keys: string[], at: Date) {
  return db
    .insertInto('throttle_events')
    .values(keys.map((key) => ({ key, occurred_at: at })))
    .execute();
}

/** Forgets every event of `key`. */
export function clearThrottle(db: Executor, key: string) {
  return db.deleteFrom('throttle_events').where('key', '=', key).execute();
}

/** Counts per key starting with `prefix` since `since`, with the first and last time. */
export function throttleByPrefix(db: Executor, prefix: string, since: Date) {
  return db
    .selectFrom('throttle_events')
    .select((eb) => [
      'key',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('occurred_at').as('first_at'),
      eb.fn.max('occurred_at').as('last_at'),
    ])
    .where(sql<boolean>`starts_with(key, ${prefix})`)
    .where('occurred_at', '>', since)
    .groupBy('key')
    .execute();
}

/** Forgets every key starting with `prefix` (an account's lockouts from all sources). */
export function clearThrottlePrefix(db: Executor, prefix: string) {
  return db
    .deleteFrom('throttle_events')
    .where(sql<boolean>`starts_with(key, ${prefix})`)
    .executeTakeFirst();
}

/**
 * Counts an attempt against each key, atomically in its own transaction: each key is locked (in
 * key order so two attempts never wait on each other crosswise), counted and, when every key is
 * under its limit, one event is added to each. Returns the first key at its limit (nothing added),
 * or null.
 */
export function reserveThrottle(
  db: Kysely<DB>,
  keys: readonly (readonly [string, number])[],
  since: Date,
  at: Date,
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [key] of sorted) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    for (const [key, max] of keys) {
      if ((await countThrottle(trx, key, since)) >= max) return key;
    }
    await addThrottle(
      trx,
      keys.map(([key]) => key),
      at,
    );
    return null;
  });
}

/** Takes back one event `reserveThrottle` added (the attempt succeeded). */
export function releaseThrottle(db: Executor, key: string, at: Date) {
  return sql`delete from throttle_events where ctid in (select ctid from throttle_events where key = ${key} and occurred_at = ${at} limit 1)`.execute(
    db,
  );
}

/**
 * Counts many submissions against one limit in the caller's transaction (a batch of
 * questionnaires, or one complaint): the keys' locks in one sorted statement, their counts in
 * one, the allowed events in one insert. Returns, per input position, whether it was refused;
 * several submissions of one key share its remainder.
 */
export async function reserveThrottles(
  trx: Executor,
  keys: readonly string[],
  max: number,
  since: Date,
  at: Date,
): Promise<boolean[]> {
  const distinct = [...new Set(keys)].sort();
  if (distinct.length === 0) return [];
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${distinct}::text[]) as k order by k`.execute(
    trx,
  );
  const rows = await trx
    .selectFrom('throttle_events')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', distinct)
    .where('occurred_at', '>', since)
    .groupBy('key')
    .execute();
  const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
  const refused = keys.map((k) => {
    const n = counts.get(k) ?? 0;
    if (n >= max) return true;
    counts.set(k, n + 1);
    return false;
  });
  const allowed = keys.filter((_, i) => !refused[i]);
  if (allowed.length > 0) await addThrottle(trx, allowed, at);
  return refused;
}
