/** E-mail verification: the mail with a link and a six-digit code, using either, and asking for a fresh one. */
import { randomInt } from 'node:crypto';
import type { VerifyCodeBody } from '../../../../common/contracts/identity.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { auditState } from './identity.presenter.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  codeHash,
  HOUR,
  type IdentityContext,
  invalidToken,
  issueToken,
  mailAllowed,
  normalizeEmail,
  sha256,
} from './identity.shared.ts';

const invalidCode = () =>
  new AppError(
    'TOKEN_INVALID',
    msg(
      'Kode verifikasi salah atau sudah tidak berlaku. Periksa email terbaru dari Merit, atau minta kode baru.',
      'The verification code is wrong or no longer valid. Check the newest e-mail from Merit, or ask for a new code.',
    ),
    { fields: [{ field: 'code', message: msg('Kode tidak cocok.', 'Code does not match.') }] },
  );

/**
 * A verification e-mail carries a link (long token) and a six-digit code for typing on the phone
 * that registered. The code is hashed with its account, so it only works with that e-mail address,
 * and guesses are throttled per account (verifyEmailCode).
 */
export async function issueVerification(
  ctx: Pick<IdentityContext, 'ids' | 'clock' | 'mailer' | 'publicUrl'>,
  trx: Executor,
  account: { id: string; email: string; fullName: string },
) {
  const token = await issueToken(ctx, trx, account.id, 'verify_email', 24 * HOUR);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await repo.insertToken(trx, {
    token_hash: codeHash(account.id, code),
    account_id: account.id,
    purpose: 'verify_email',
    expires_at: new Date(ctx.clock.now().getTime() + 24 * HOUR),
  });
  await ctx.mailer.enqueue(trx, {
    to: account.email,
    subject: 'Verifikasi email akun Merit Anda',
    text:
      `Halo ${account.fullName},\n\nTerima kasih telah mendaftar di Merit, layanan seleksi dan pengembangan ASN Pemerintah Kota Palu.\n\n` +
      `Kode verifikasi Anda: ${code}\n\nKetik kode ini di halaman Verifikasi Email, atau buka tautan berikut (keduanya berlaku 24 jam):\n\n` +
      `${ctx.publicUrl}/verifikasi-email?token=${token}\n\nJika Anda tidak mendaftar, abaikan email ini.\n\nBKPSDM Kota Palu`,
  });
}

/** Marks the account's address verified (once), audited as the account's own act. */
async function markVerified(ctx: Pick<IdentityContext, 'clock' | 'audit'>, trx: Executor, accountId: string) {
  const account = await repo.byId(trx, accountId);
  if (!account) throw invalidToken();
  if (account.email_verified_at) return;
  await repo.updateAccount(trx, account.id, { email_verified_at: ctx.clock.now(), updated_at: ctx.clock.now() });
  await ctx.audit.record(trx, {
    actor: { id: account.id, role: account.role },
    action: 'account.verify_email',
    subjectType: 'account',
    subjectId: account.id,
    before: auditState(account),
    after: { ...auditState(account), emailVerified: true },
  });
}

/** Verifies the address with the link's token; a used or expired token is refused. */
export async function verifyEmail(ctx: IdentityContext, token: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, sha256(token), 'verify_email', ctx.clock.now());
    if (!used) throw invalidToken();
    await markVerified(ctx, trx, used.account_id);
  });
}

/**
 * The six-digit code with the address it was sent to. Every try is counted before the code is
 * checked (per account and per source, one hour), so the million codes cannot be walked; a
 * success takes its count back. An unknown address answers like a wrong code.
 */
export async function verifyEmailCode(ctx: IdentityContext, body: VerifyCodeBody, ip: string) {
  const { db, limits } = ctx;
  const now = ctx.clock.now();
  const account = await repo.byEmail(db, normalizeEmail(body.email));
  const accountKey = `verify-code:account:${account?.id ?? normalizeEmail(body.email)}`;
  const blocked = await repo.reserveThrottle(
    db,
    [
      [`verify-code:ip:${ip}`, limits.failuresPerIp],
      [accountKey, limits.failuresPerAccount],
    ],
    new Date(now.getTime() - HOUR),
    now,
  );
  if (blocked) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      msg(
        'Terlalu banyak kode yang salah. Coba lagi dalam 1 jam, atau buka tautan di email verifikasi.',
        'Too many wrong codes. Try again in an hour, or open the link in the verification e-mail.',
      ),
      { retryAfterSeconds: 3600 },
    );
  }
  if (!account) throw invalidCode();
  if (account.email_verified_at) return;
  await db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, codeHash(account.id, body.code), 'verify_email', now);
    if (!used) throw invalidCode();
    await markVerified(ctx, trx, account.id);
  });
  await repo.releaseThrottle(db, accountKey, now);
}

/** Sends a fresh verification e-mail; answers the same whether or not the address exists. */
export async function resendVerification(ctx: IdentityContext, emailInput: string) {
  const email = normalizeEmail(emailInput);
  const account = await repo.byEmail(ctx.db, email);
  if (!account || account.email_verified_at || !(await mailAllowed(ctx, email))) return;
  await ctx.db.transaction().execute(async (trx) => {
    await issueVerification(ctx, trx, { id: account.id, email: account.email, fullName: account.full_name });
  });
}
