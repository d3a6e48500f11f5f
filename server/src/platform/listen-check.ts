/**
 * Health's LISTEN self-test (issue 28 §5). Behind PgBouncer in transaction mode a LISTEN is issued
 * on whichever server connection the pooler lent for that one statement, so it silently hears
 * nothing: live scoreboards stop following other instances and a sign-out reaches them only when
 * their session cache expires. This check keeps one LISTEN of its own (through the same
 * `database.listen` as live.ts and identity, so over DATABASE_LISTEN_URL when set), sends a NOTIFY
 * with a fresh token through the ordinary pool, and reports whether it came back in time.
 * The answer is cached for a few seconds so a load balancer polling /api/health stays cheap, and
 * concurrent health calls share one round trip.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { sql } from '../db/database.ts';

export type ListenCheck = 'ok' | 'not-receiving';

export interface ListenChecker {
  /** 'ok' when a NOTIFY sent now reaches this instance's LISTEN within the timeout. */
  check(): Promise<ListenCheck>;
  close(): Promise<void>;
}

/** @param opts.timeoutMs how long a NOTIFY may take to come back; @param opts.cacheMs how long an answer is reused. */
export function createListenChecker(
  database: Pick<Database, 'db' | 'listen'>,
  opts: { timeoutMs?: number; cacheMs?: number; now?: () => number } = {},
): ListenChecker {
  const timeoutMs = opts.timeoutMs ?? 1000;
  const cacheMs = opts.cacheMs ?? 5000;
  const now = opts.now ?? Date.now;
  // Each instance its own channel, so no other instance is woken by this instance's self-tests.
  const channel = `merit_listen_check_${randomBytes(6).toString('hex')}`;
  const waiting = new Map<string, () => void>();
  let unsubscribe: Promise<() => Promise<void>> | null = null;
  let cached: { at: number; result: ListenCheck } | null = null;
  let inFlight: Promise<ListenCheck> | null = null;
  let closed = false;

  const subscribe = () => {
    unsubscribe ??= database.listen(
      channel,
      (token) => waiting.get(token)?.(),
      () => {
        unsubscribe = null; // the connection died: listen again on the next check
      },
    );
    return unsubscribe;
  };

  async function roundTrip(): Promise<ListenCheck> {
    try {
      await subscribe();
    } catch {
      unsubscribe = null;
      return 'not-receiving';
    }
    const token = randomBytes(8).toString('hex');
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<ListenCheck>((resolve) => {
      waiting.set(token, () => resolve('ok'));
      timer = setTimeout(() => resolve('not-receiving'), timeoutMs);
    });
    try {
      await sql`select pg_notify(${channel}, ${token})`.execute(database.db);
      return await heard;
    } catch {
      return 'not-receiving';
    } finally {
      clearTimeout(timer);
      waiting.delete(token);
    }
  }

  return {
    async check() {
      if (closed) return 'not-receiving';
      if (cached && now() - cached.at < cacheMs) return cached.result;
      inFlight ??= roundTrip().then((result) => {
        cached = { at: now(), result };
        inFlight = null;
        return result;
      });
      return inFlight;
    },
    async close() {
      closed = true;
      const u = unsubscribe;
      unsubscribe = null;
      if (u) await u.then((stop) => stop()).catch(() => {});
    },
  };
}
