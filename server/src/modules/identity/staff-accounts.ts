/**
 * The admin's staff accounts: creating one (the person sets their own password from the e-mailed
 * link), the list, editing name, role, OPD and deactivation, and sending a reset link.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { auditState, presentStaff } from './identity.presenter.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  auditActor,
  duplicateEmail,
  HOUR,
  type IdentityContext,
  isSelfSignup,
  isUniqueViolation,
  issueToken,
  normalizeEmail,
  staffNotFound,
  unknownOrganization,
} from './identity.shared.ts';
import { resetMail } from './password-reset.ts';
import { endSessionsOf, forgetSessionsOf } from './sessions.ts';

type StaffRole = Exclude<Role, 'applicant'>;
type Account = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

/** An admin creates a staff account; the person sets their own password from the e-mailed link. */
export async function createStaff(
  ctx: IdentityContext,
  actor: Actor,
  body: { email: string; fullName: string; role: StaffRole; organizationId?: string | null | undefined },
) {
  const { db, clock, ids } = ctx;
  const email = normalizeEmail(body.email);
  const id = ids.uuid();
  // An unusable password until the activation link is used.
  const passwordHash = await hashPassword(ids.secret());
  try {
    await db.transaction().execute(async (trx) => {
      if (await repo.byEmail(trx, email)) throw duplicateEmail();
      if (body.organizationId && !(await repo.organizationExists(trx, body.organizationId)))
        throw unknownOrganization();
      const now = clock.now();
      await repo.insertAccount(trx, {
        id,
        email: body.email.trim(),
        email_normalized: email,
        password_hash: passwordHash,
        role: body.role,
        full_name: body.fullName,
        organization_id: body.organizationId ?? null,
        created_at: now,
        updated_at: now,
      });
      const token = await issueToken(ctx, trx, id, 'reset_password', 72 * HOUR, actor.accountId);
      await ctx.mailer.enqueue(trx, resetMail(ctx.publicUrl, body.email.trim(), body.fullName, token, true));
      await ctx.audit.record(trx, {
        actor: auditActor(actor),
        action: 'account.create_staff',
        subjectType: 'account',
        subjectId: id,
        after: { id, role: body.role, email, emailVerified: false, organizationId: body.organizationId ?? null },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'email')) throw duplicateEmail();
    throw err;
  }
  const created = await repo.byId(db, id);
  return presentStaff(created!);
}

/** The staff accounts, for the admin's accounts page. */
export async function listStaff(ctx: IdentityContext) {
  return (await repo.listStaff(ctx.db)).map(presentStaff);
}

type StaffPatch = {
  fullName?: string | undefined;
  role?: StaffRole | undefined;
  organizationId?: string | null | undefined;
  disabled?: boolean | undefined;
};
type StaffState = Pick<Account, 'full_name' | 'role' | 'organization_id' | 'disabled_at'>;

/** The audit action an edit is: a deactivation or reactivation first, then a role change, else an update. */
function staffEditAction(before: StaffState, after: StaffState) {
  if (after.disabled_at !== null && before.disabled_at === null) return 'account.deactivate';
  if (after.disabled_at === null && before.disabled_at !== null) return 'account.reactivate';
  return after.role !== before.role ? 'account.change_role' : 'account.update_staff';
}

/**
 * An admin edits a staff account: name, role, OPD, deactivation. A role change or a
 * deactivation ends the account's sessions at once (on every instance), so the old rights
 * stop with the change. Admins cannot demote or deactivate themselves (no lock-out by mistake).
 */
export async function updateStaff(ctx: IdentityContext, actor: Actor, id: string, patch: StaffPatch) {
  const { db } = ctx;
  const account = await repo.byId(db, id);
  if (!account || isSelfSignup(account.role)) throw staffNotFound();
  if (
    id === actor.accountId &&
    ((patch.role !== undefined && patch.role !== account.role) || patch.disabled === true)
  ) {
    throw new AppError(
      'CONFLICT',
      msg(
        'Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri. Minta admin lain melakukannya.',
        'You cannot change the role of, or deactivate, your own account. Ask another admin.',
      ),
    );
  }
  const now = ctx.clock.now();
  const next = {
    full_name: patch.fullName?.trim() ?? account.full_name,
    role: patch.role ?? account.role,
    organization_id: patch.organizationId === undefined ? account.organization_id : patch.organizationId,
    disabled_at:
      patch.disabled === undefined ? account.disabled_at : patch.disabled ? (account.disabled_at ?? now) : null,
  };
  const endsSessions = next.role !== account.role || (next.disabled_at !== null && account.disabled_at === null);
  await db.transaction().execute(async (trx) => {
    if (next.organization_id && !(await repo.organizationExists(trx, next.organization_id)))
      throw unknownOrganization();
    await repo.updateAccount(trx, id, { ...next, updated_at: now });
    if (endsSessions) await endSessionsOf(trx, id);
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: staffEditAction(account, next),
      subjectType: 'account',
      subjectId: id,
      before: { ...auditState(account), fullName: account.full_name },
      after: { ...auditState({ ...account, ...next }), fullName: next.full_name },
    });
  });
  if (endsSessions) forgetSessionsOf(ctx, id);
  return presentStaff((await repo.byId(db, id))!);
}

/** An admin sends a staff member a password-reset link (the admin never sees or sets the password). */
export async function sendStaffReset(ctx: IdentityContext, actor: Actor, id: string) {
  const account = await repo.byId(ctx.db, id);
  if (!account || isSelfSignup(account.role)) throw staffNotFound();
  if (account.disabled_at)
    throw new AppError(
      'CONFLICT',
      msg(
        'Akun ini nonaktif. Aktifkan dulu sebelum mengirim tautan atur ulang.',
        'This account is deactivated. Reactivate it before sending a reset link.',
      ),
    );
  await ctx.db.transaction().execute(async (trx) => {
    const activation = account.email_verified_at === null;
    const token = await issueToken(ctx, trx, id, 'reset_password', (activation ? 72 : 1) * HOUR);
    await ctx.mailer.enqueue(trx, resetMail(ctx.publicUrl, account.email, account.full_name, token, activation));
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'account.send_reset',
      subjectType: 'account',
      subjectId: id,
    });
  });
}
