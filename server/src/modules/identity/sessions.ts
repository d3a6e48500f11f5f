/**
 * Sessions after sign-in: resolving a cookie to its actor through a per-instance cache, the bulk
 * "last seen" stamps, signing out, and ending sessions on every instance (NOTIFY/LISTEN).
 */
import type { Kysely } from 'kysely';
import { batched } from '../../db/batched.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { createTouchBuffer } from '../../platform/touch-buffer.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';
import { type IdentityContext, MINUTE, SESSION_END_CHANNEL, type SessionState, sha256 } from './identity.shared.ts';

const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_LISTENING_MS = 60_000;

/**
 * The factory's session state. Sessions resolved in the last SESSION_CACHE_MS are kept per
 * instance: every API request authenticates, and a hall of thousands saving answers should not
 * cost a query each. Ending a session drops it here at once and tells the other instances (NOTIFY,
 * see listenForSessionEnds). An instance that hears those messages keeps entries for
 * SESSION_CACHE_LISTENING_MS; one that does not (no listener yet, or its connection died — then
 * the cache is emptied) for SESSION_CACHE_MS.
 */
export function createSessionState(db: Kysely<DB>, clock: Clock): SessionState {
  return {
    cache: new Map(),
    // A cache miss is batched with the others of the same moment (a hall's first requests all miss).
    lookup: batched(
      async (idHashes: readonly string[]) =>
        new Map((await repo.sessionsWithAccount(db, idHashes)).map((r) => [r.id_hash, r])),
    ),
    // Sessions in use are stamped in bulk, once a second, instead of a commit per request.
    touches: createTouchBuffer({ clock, write: (keys, at) => repo.touchSessions(db, keys, at) }),
    hearingEnds: false,
  };
}

const sessionCacheMs = (s: SessionState) => (s.hearingEnds ? SESSION_CACHE_LISTENING_MS : SESSION_CACHE_MS);

/** Drops every cached session of the account on this instance (after the ending transaction commits). */
export function forgetSessionsOf(ctx: Pick<IdentityContext, 'sessions'>, accountId: string) {
  for (const [k, v] of ctx.sessions.cache) if (v.row.account_id === accountId) ctx.sessions.cache.delete(k);
}

/** Deletes every session of the account and tells the other instances, in the caller's transaction. */
export async function endSessionsOf(trx: Executor, accountId: string) {
  await repo.deleteSessionsOf(trx, accountId);
  await repo.notify(trx, SESSION_END_CHANNEL, `account:${accountId}`);
}

/** What sessions are stored under (null for a malformed cookie): a long-lived connection computes it once. */
export const sessionKey = (_ctx: unknown, token: string): string | null =>
  /^[A-Za-z0-9_-]{20,100}$/.test(token) ? sha256(token) : null;

/** Resolves a session cookie to the actor, enforcing absolute and idle expiry. */
export async function authenticate(ctx: IdentityContext, token: string): Promise<Actor | null> {
  const key = sessionKey(ctx, token);
  return key === null ? null : authenticateKey(ctx, key);
}

/** `authenticate` for a session key from `sessionKey`. */
export async function authenticateKey(ctx: IdentityContext, idHash: string): Promise<Actor | null> {
  const { cache } = ctx.sessions;
  const hit = cache.get(idHash);
  let s = hit && performance.now() - hit.at < sessionCacheMs(ctx.sessions) * hit.spread ? hit.row : undefined;
  if (!s) {
    s = await ctx.sessions.lookup(idHash);
    if (!s) {
      cache.delete(idHash);
      return null;
    }
    if (cache.size >= 100_000) cache.clear();
    cache.set(idHash, { row: s, at: performance.now(), spread: 0.75 + Math.random() / 2 });
  }
  if (s.disabled_at) return null;
  const now = ctx.clock.now().getTime();
  const lastSeen = new Date(s.last_seen_at).getTime();
  if (now >= new Date(s.expires_at).getTime() || now - lastSeen >= ctx.limits.sessionIdleMs) {
    cache.delete(idHash);
    await repo.deleteSession(ctx.db, idHash);
    return null;
  }
  // Stamp at most once a minute or two (per session, so a hall does not stamp all at once):
  // the idle timeout is an hour, and a stamp is a write.
  if (now - lastSeen > MINUTE + (parseInt(idHash.slice(0, 4), 16) % MINUTE)) {
    ctx.sessions.touches.touch(idHash);
    s.last_seen_at = ctx.clock.now();
  }
  return { accountId: s.account_id, role: s.role, organizationId: s.organization_id };
}

/** Drops sessions ended on other instances from this instance's cache (main.ts, at start). */
export async function listenForSessionEnds(ctx: IdentityContext): Promise<void> {
  if (!ctx.listen) return;
  const { sessions } = ctx;
  const retry = () => setTimeout(() => void listenForSessionEnds(ctx), 5000).unref();
  try {
    await ctx.listen(
      SESSION_END_CHANNEL,
      (payload) => {
        if (payload.startsWith('account:')) forgetSessionsOf(ctx, payload.slice('account:'.length));
        else sessions.cache.delete(payload);
      },
      () => {
        // Sign-outs may have been missed while the connection was down: forget them all.
        sessions.hearingEnds = false;
        sessions.cache.clear();
        retry();
      },
    );
    sessions.hearingEnds = true;
  } catch {
    retry();
  }
}

/** Writes pending session stamps now (shutdown, tests that move the clock). */
export const flushTouches = (ctx: Pick<IdentityContext, 'sessions'>) => ctx.sessions.touches.flush();

/** Ends this session on every instance; the sign-out is recorded in the account's own history (not the audit log). */
export async function logout(ctx: IdentityContext, token: string, actor: Actor) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sha256(token));
    await repo.notify(trx, SESSION_END_CHANNEL, sha256(token));
    await repo.recordSignIn(trx, actor.accountId, 'logout', ctx.clock.now());
  });
  ctx.sessions.cache.delete(sha256(token)); // after commit: a request in between may have cached it
}
