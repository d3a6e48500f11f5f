/** Signing in with e-mail or NIK and a password, under per-account and per-address throttles. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import { dummyHash, verifyPassword } from '../../platform/passwords.ts';
import { presentMe } from './identity.presenter.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  addressKey,
  type IdentityContext,
  loginAccountKey,
  normalizeEmail,
  sha256,
  slowDownIfOver,
} from './identity.shared.ts';

type Account = NonNullable<Awaited<ReturnType<typeof repo.byEmail>>>;

/** The refusal once a throttle key is full: when to try again, counted from its oldest failure. */
async function tooManyAttempts(ctx: IdentityContext, blocked: string, since: Date, now: Date) {
  const oldest = await repo.oldestThrottle(ctx.db, blocked, since);
  const retry = Math.max(
    1,
    Math.ceil(
      ((oldest ? new Date(oldest.occurred_at).getTime() : now.getTime()) + ctx.limits.failureWindowMs - now.getTime()) /
        1000,
    ),
  );
  return new AppError(
    'TOO_MANY_REQUESTS',
    msg(
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${Math.ceil(retry / 60)} menit, atau gunakan "Lupa kata sandi".`,
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retry / 60)} minutes, or use "Forgot password".`,
    ),
    { retryAfterSeconds: retry },
  );
}

/** A wrong identifier or password, saying so when answers from this address are slowed. */
function invalidCredentials(slowed: boolean) {
  return new AppError(
    'INVALID_CREDENTIALS',
    slowed
      ? msg(
          'Email/NIK atau kata sandi salah. Banyak percobaan gagal dari jaringan ini, jadi jawaban diperlambat; kata sandi yang benar tetap diterima.',
          'Wrong e-mail/NIK or password. Many failed attempts came from this network, so answers are slowed; a correct password is still accepted.',
        )
      : msg(
          'Email/NIK atau kata sandi salah. Periksa kembali, atau gunakan "Lupa kata sandi".',
          'Wrong e-mail/NIK or password. Check again, or use "Forgot password".',
        ),
  );
}

/** A correct password still does not sign in a disabled account or an unverified address. */
function refuseUnusable(account: Account) {
  if (account.disabled_at) {
    throw new AppError(
      'FORBIDDEN',
      msg('Akun ini dinonaktifkan. Hubungi BKPSDM Kota Palu.', 'This account is disabled. Contact BKPSDM Kota Palu.'),
    );
  }
  if (!account.email_verified_at) {
    throw new AppError(
      'EMAIL_NOT_VERIFIED',
      msg(
        'Email Anda belum diverifikasi. Buka tautan yang kami kirim ke email Anda, atau minta tautan baru.',
        'Your e-mail is not verified yet. Open the link we sent you, or ask for a new one.',
      ),
    );
  }
}

/** Stores a new session for the account and notes the sign-in; returns the session token. */
async function startSession(ctx: IdentityContext, accountId: string, now: Date) {
  const token = ctx.ids.secret();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id_hash: sha256(token),
      account_id: accountId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ctx.limits.sessionAbsoluteMs),
    });
    // Not an audit event: the public log must not show anyone's sign-in timeline.
    await repo.recordSignIn(trx, accountId, 'login', now);
  });
  return token;
}

/**
 * Checks credentials under throttles; returns a new session token. A lockout is per account
 * *and source* (`login:account:<id>:<ip>`): someone who knows a participant number or e-mail
 * can pause only their own attempts, never the real person's (ASVS 2.2.1 without the denial);
 * each source also has a limit across accounts. Every attempt is counted before the password
 * is checked, atomically (repo.reserveThrottle), so parallel guesses cannot overshoot the
 * limit; a success takes its count back and clears the account's lockout from that source.
 * `countAccountFailure: false` (the exam sign-in with a wrong session token) counts the
 * attempt against the source only.
 */
export async function login(
  ctx: IdentityContext,
  identifier: string,
  password: string,
  ip: string,
  opts: { countAccountFailure?: boolean } = {},
) {
  const { db } = ctx;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - ctx.limits.failureWindowMs);
  const id = identifier.trim();
  const account = /^\d{16}$/.test(id) ? await repo.byNik(db, id) : await repo.byEmail(db, normalizeEmail(id));
  const ipKey = addressKey(ip);
  const accountKey = account && opts.countAccountFailure !== false ? loginAccountKey(account.id, ip) : null;
  // The address is counted but never refuses (Infinity): only the account's own key locks.
  const keys: [string, number][] = [[ipKey, Number.POSITIVE_INFINITY]];
  if (accountKey) keys.push([accountKey, ctx.limits.failuresPerAccount]);
  const blocked = await repo.reserveThrottle(db, keys, since, now);
  if (blocked) throw await tooManyAttempts(ctx, blocked, since, now);
  const ok = account
    ? await verifyPassword(account.password_hash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  if (!account || !ok) throw invalidCredentials(await slowDownIfOver(ctx, ipKey, since));
  await repo.releaseThrottle(db, ipKey, now);
  if (accountKey) await repo.clearThrottle(db, accountKey);
  refuseUnusable(account);
  const token = await startSession(ctx, account.id, now);
  return { token, account: presentMe(account) };
}
