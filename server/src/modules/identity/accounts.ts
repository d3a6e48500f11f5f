/**
 * Accounts outside the sign-up forms: the signed-in account, accounts the CLI and seed create,
 * an applicant's appointment as an employee, and the reads other modules and the admin use.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { outboxStatus, recentOutbox } from '../../platform/mailer.ts';
import { passwordProblem } from './domain/password-policy.ts';
import { presentMe } from './identity.presenter.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  auditActor,
  duplicateEmail,
  duplicateNik,
  type IdentityContext,
  isUniqueViolation,
  maskMailSecrets,
  normalizeEmail,
} from './identity.shared.ts';
import { endSessionsOf } from './sessions.ts';

/** The signed-in account; a session whose account is gone answers UNAUTHENTICATED. */
export async function me(ctx: IdentityContext, actor: Actor) {
  const account = await repo.byId(ctx.db, actor.accountId);
  if (!account)
    throw new AppError(
      'UNAUTHENTICATED',
      msg('Sesi Anda berakhir. Silakan masuk lagi.', 'Your session ended. Please sign in again.'),
    );
  return presentMe(account);
}

type AccountInput = {
  email: string;
  fullName: string;
  role: Role;
  password: string;
  organizationId?: string | null;
  nik?: string;
  birthDate?: string;
  birthPlace?: string;
  gender?: 'L' | 'P';
  phone?: string;
};

/** For the CLI and the demo seed: an account with a known password, already verified. */
export async function createAccountWithPassword(ctx: IdentityContext, input: AccountInput) {
  const pw = passwordProblem(input.password, { email: input.email, nik: input.nik });
  if (pw) throw fieldError('password', pw);
  const email = normalizeEmail(input.email);
  const id = ctx.ids.uuid();
  const passwordHash = await hashPassword(input.password);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.byEmail(trx, email)) throw duplicateEmail();
      if (input.nik && (await repo.byNik(trx, input.nik))) throw duplicateNik();
      const now = ctx.clock.now();
      await repo.insertAccount(trx, {
        id,
        email: input.email,
        email_normalized: email,
        password_hash: passwordHash,
        role: input.role,
        full_name: input.fullName,
        organization_id: input.organizationId ?? null,
        nik: input.nik ?? null,
        birth_date: input.birthDate ?? null,
        birth_place: input.birthPlace ?? null,
        gender: input.gender ?? null,
        phone: input.phone ?? null,
        email_verified_at: now,
        created_at: now,
        updated_at: now,
      });
      await ctx.audit.record(trx, {
        actor: { id: null, role: 'system' },
        action: 'account.create',
        subjectType: 'account',
        subjectId: id,
        after: { id, role: input.role, email, emailVerified: true },
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err, 'nik')) throw duplicateNik();
      if (isUniqueViolation(err, 'email')) throw duplicateEmail();
      throw err;
    });
  return { id };
}

/**
 * An applicant appointed from a published final result becomes an employee (called by the
 * development module inside its transaction): role `employee` with the formation's OPD; their
 * sessions end so the next sign-in carries the new role. Audited `account.appoint`. Call
 * `forgetSessionsOf` once the caller's transaction has committed.
 */
export async function appointEmployee(
  ctx: IdentityContext,
  trx: Executor,
  actor: Actor,
  accountId: string,
  organizationId: string,
) {
  const account = await repo.byId(trx, accountId);
  if (!account) throw new AppError('NOT_FOUND', msg('Akun pelamar tidak ditemukan.', 'Applicant account not found.'));
  if (account.role === 'employee') return;
  if (account.role !== 'applicant')
    throw new AppError(
      'CONFLICT',
      msg(
        'Akun ini sudah akun petugas; perannya diubah admin di halaman akun.',
        'This is a staff account; an admin changes its role on the accounts page.',
      ),
    );
  await repo.updateAccount(trx, accountId, {
    role: 'employee',
    organization_id: organizationId,
    updated_at: ctx.clock.now(),
  });
  await endSessionsOf(trx, accountId);
  await ctx.audit.record(trx, {
    actor: auditActor(actor),
    action: 'account.appoint',
    subjectType: 'account',
    subjectId: accountId,
    before: { role: 'applicant' },
    after: { role: 'employee', organizationId },
  });
}

/** The admin's outbox, with one-time links and codes masked (see IdentityDeps.outboxShowsSecrets). */
export async function listOutbox(ctx: IdentityContext, limit = 200) {
  const hide = ctx.outboxShowsSecrets !== true;
  const emails = (await recentOutbox(ctx.db, limit)).map((m) => ({
    id: m.id,
    to: m.to_address,
    subject: m.subject,
    body: hide ? maskMailSecrets(m.body_text) : m.body_text,
    transport: m.transport,
    sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
    status: outboxStatus(m),
    attempts: m.attempts,
    error: m.error,
    createdAt: new Date(m.created_at).toISOString(),
  }));
  return { emails, secretsHidden: hide };
}

/** Palu's OPDs, for forms that pick one. */
export async function listOrganizations(ctx: IdentityContext) {
  return (await repo.listOrganizations(ctx.db)).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
}

/** Account ids by e-mail (normalized), for modules that link their records to a person's account. */
export async function accountIdsByEmail(ctx: IdentityContext, emails: readonly string[]): Promise<Map<string, string>> {
  const normalized = [...new Set(emails.map(normalizeEmail))];
  return new Map((await repo.idsByEmail(ctx.db, normalized)).map((a) => [a.email_normalized, a.id]));
}

/** The e-mail of each of these accounts (exports, notifications), in the caller's transaction when given. */
export async function emailsOfAccounts(
  ctx: IdentityContext,
  ids: readonly string[],
  ex: Executor = ctx.db,
): Promise<Map<string, string>> {
  return new Map((await repo.emailsOf(ex, [...new Set(ids)])).map((a) => [a.id, a.email_normalized]));
}
