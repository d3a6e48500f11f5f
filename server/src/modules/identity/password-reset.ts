/** Passwords: the reset (and staff activation) mail, asking for a reset link, and setting a new password with it. */
import { fieldError } from '../../errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { passwordProblem } from './domain/password-policy.ts';
import { auditState } from './identity.presenter.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  HOUR,
  type IdentityContext,
  invalidToken,
  issueToken,
  loginAccountKey,
  mailAllowed,
  normalizeEmail,
  sha256,
} from './identity.shared.ts';
import { endSessionsOf, forgetSessionsOf } from './sessions.ts';

/** The mail with a reset link: 72 hours for a new staff account's activation, one hour for a reset. */
export const resetMail = (publicUrl: string, to: string, name: string, token: string, activation: boolean) => ({
  to,
  subject: activation ? 'Aktivasi akun petugas Merit' : 'Atur ulang kata sandi Merit',
  text:
    `Halo ${name},\n\n` +
    (activation
      ? 'Admin BKPSDM Kota Palu telah membuatkan akun petugas Merit untuk Anda. Buat kata sandi Anda melalui tautan berikut (berlaku 72 jam):'
      : 'Kami menerima permintaan untuk mengatur ulang kata sandi akun Merit Anda. Buka tautan berikut (berlaku 1 jam):') +
    `\n\n${publicUrl}/atur-ulang-sandi?token=${token}\n\nKode: ${token}\n\nJika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.\n\nBKPSDM Kota Palu`,
});

/** Sends a reset link when the address has an account; answers the same either way. */
export async function forgotPassword(ctx: IdentityContext, emailInput: string) {
  const email = normalizeEmail(emailInput);
  const account = await repo.byEmail(ctx.db, email);
  if (!account || account.disabled_at || !(await mailAllowed(ctx, email))) return;
  await ctx.db.transaction().execute(async (trx) => {
    const token = await issueToken(ctx, trx, account.id, 'reset_password', HOUR);
    await ctx.mailer.enqueue(trx, resetMail(ctx.publicUrl, account.email, account.full_name, token, false));
  });
}

/**
 * Sets a new password from a reset token; ends every session of the account. The audit event
 * names who really acted: the signed-in caller, else an anonymous token holder (the token's
 * owner cannot be assumed — whoever holds the link can use it); a staff activation (a token an
 * admin caused) is its own action.
 */
export async function resetPassword(
  ctx: IdentityContext,
  token: string,
  password: string,
  caller: Actor | null = null,
) {
  const { db, clock } = ctx;
  const tokenHash = sha256(token);
  const peek = await repo.tokenAccount(db, tokenHash);
  const owner = peek ? await repo.byId(db, peek.account_id) : undefined;
  const pw = passwordProblem(password, { email: owner?.email, nik: owner?.nik ?? undefined });
  if (pw) throw fieldError('password', pw);
  const passwordHash = await hashPassword(password);
  let resetAccountId: string | null = null;
  await db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, tokenHash, 'reset_password', clock.now());
    if (!used) throw invalidToken();
    const account = await repo.byId(trx, used.account_id);
    if (!account) throw invalidToken();
    const now = clock.now();
    // Receiving the mail proves the address, so a reset also verifies it.
    await repo.updateAccount(trx, account.id, {
      password_hash: passwordHash,
      email_verified_at: account.email_verified_at ?? now,
      updated_at: now,
    });
    await endSessionsOf(trx, account.id);
    resetAccountId = account.id;
    await repo.clearThrottlePrefix(trx, loginAccountKey(account.id, ''));
    await ctx.audit.record(trx, {
      actor: caller ? { id: caller.accountId, role: caller.role } : { id: null, role: 'anonymous' },
      // First use of the link an admin's new staff account got: an activation, not a reset.
      action: used.issued_by && !account.email_verified_at ? 'account.activate' : 'account.reset_password',
      subjectType: 'account',
      subjectId: account.id,
      before: auditState(account),
      after: { ...auditState(account), emailVerified: true },
    });
  });
  if (resetAccountId) forgetSessionsOf(ctx, resetAccountId); // every other session ends here at once
}
