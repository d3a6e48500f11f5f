/**
 * Sign-in failures that outlast a sign-in: an account's lockouts from each source, and network
 * addresses whose failed attempts are slowed (issue 24 §1), with who may lift them and the audit of it.
 */
import { identityRepository as repo } from './identity.repository.ts';
import type { Actor } from './identity.policy.ts';
import {
  ADDRESS_PREFIX,
  addressKey,
  auditActor,
  type IdentityContext,
  loginAccountKey,
  slowDownIfOver,
} from './identity.shared.ts';

/** One network address with sign-in failures in the window, for those who may lift its slowdown. */
export interface AddressBlock {
  address: string;
  /** Failed passwords (staff and CAT sign-in). */
  failures: number;
  /** Other counted failures from the address (wrong CAT session tokens), per scope. */
  scoped: number;
  /** Whether failures from the address are answered slowly now. */
  slowed: boolean;
  firstAt: string;
  lastAt: string;
}

/**
 * Clears an account's sign-in lockouts from every source (a proctor for a participant in the
 * hall, say), audited as done by `actor`. Returns how many failures were forgotten.
 */
export async function clearLoginLockouts(ctx: IdentityContext, actor: Actor, accountId: string, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await repo.clearThrottlePrefix(trx, loginAccountKey(accountId, ''));
    const cleared = Number(r.numDeletedRows);
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'account.login_lockout.clear',
      subjectType: 'account',
      subjectId: accountId,
      after: { cleared, reason },
    });
    return cleared;
  });
}

/**
 * Counts a failure from `ip` under `scope` (a CAT session's wrong tokens): never against an
 * account nor the address's password budget, so typos in a hall slow only more wrong tokens.
 * Past the limit the caller's answer is paused; returns whether it was.
 */
export async function noteAddressFailure(
  ctx: IdentityContext,
  scope: string,
  ip: string,
): Promise<{ slowed: boolean }> {
  const now = ctx.clock.now();
  const key = addressKey(ip, scope);
  await repo.addThrottle(ctx.db, [key], now);
  return { slowed: await slowDownIfOver(ctx, key, new Date(now.getTime() - ctx.limits.failureWindowMs)) };
}

/**
 * Addresses with sign-in failures in the window (only `addresses` when given), most failures
 * first: what the committee — or a proctor, for their hall's addresses — may lift.
 */
export async function addressBlocks(ctx: IdentityContext, addresses?: readonly string[]): Promise<AddressBlock[]> {
  if (addresses && addresses.length === 0) return [];
  const since = new Date(ctx.clock.now().getTime() - ctx.limits.failureWindowMs);
  const rows = await repo.throttleByPrefix(ctx.db, ADDRESS_PREFIX, since);
  const wanted = addresses ? new Set(addresses) : null;
  const by = new Map<string, AddressBlock>();
  for (const r of rows) {
    const rest = r.key.slice(ADDRESS_PREFIX.length);
    const bar = rest.indexOf('|');
    const address = bar < 0 ? rest : rest.slice(0, bar);
    if (wanted && !wanted.has(address)) continue;
    const n = Number(r.n);
    const first = new Date(r.first_at).toISOString();
    const last = new Date(r.last_at).toISOString();
    const b = by.get(address) ?? { address, failures: 0, scoped: 0, slowed: false, firstAt: first, lastAt: last };
    if (bar < 0) b.failures += n;
    else b.scoped += n;
    b.slowed ||= n >= ctx.limits.failuresPerIp; // the next failure from it waits
    if (first < b.firstAt) b.firstAt = first;
    if (last > b.lastAt) b.lastAt = last;
    by.set(address, b);
  }
  return [...by.values()].sort(
    (a, b) =>
      Number(b.slowed) - Number(a.slowed) ||
      b.failures + b.scoped - (a.failures + a.scoped) ||
      a.address.localeCompare(b.address),
  );
}

/**
 * Forgets an address's sign-in failures (every scope), so its answers are no longer slowed;
 * audited as done by `actor` with the reason. The address goes only into the (keyed) digest:
 * the public log does not publish network addresses. Returns how many failures were forgotten.
 */
export async function liftAddressBlock(ctx: IdentityContext, actor: Actor, address: string, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const base = await repo.clearThrottle(trx, addressKey(address));
    const scoped = await repo.clearThrottlePrefix(trx, `${addressKey(address)}|`);
    const cleared = Number(base[0]?.numDeletedRows ?? 0) + Number(scoped.numDeletedRows);
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'login.address_block.lift',
      subjectType: 'network_address',
      after: { address, cleared, reason },
    });
    return cleared;
  });
}
