/**
 * What the identity use-cases share: their context, the limits, the throttle keys, hashing and
 * e-mail normalisation, the one-time token helper and the errors more than one use-case throws.
 */
import { createHash } from 'node:crypto';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Database, Executor } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface IdentityLimits {
  /** Failed logins per account before it is paused (ASVS 2.2.1). */
  failuresPerAccount: number;
  /**
   * Failed sign-ins per network address (staff and CAT alike) before that address is slowed down:
   * past it, every *failed* attempt from the address is answered only after `addressSlowdownMs`.
   * A correct credential is never slowed or refused for others' failures (an exam hall behind one
   * NAT is one address). Wrong CAT session tokens count apart, per session and address.
   */
  failuresPerIp: number;
  addressSlowdownMs: number;
  failureWindowMs: number;
  /** Verification/reset e-mails per address per hour: no mail-bombing through Merit. */
  mailsPerAddressPerHour: number;
  /** Registration attempts per source address per hour: no probing or account farming at speed. */
  registrationsPerIpPerHour: number;
  sessionAbsoluteMs: number;
  sessionIdleMs: number;
}

export const DEFAULT_LIMITS: IdentityLimits = {
  failuresPerAccount: 5,
  failuresPerIp: 50,
  addressSlowdownMs: 3000,
  failureWindowMs: 15 * MINUTE,
  mailsPerAddressPerHour: 5,
  registrationsPerIpPerHour: 100,
  sessionAbsoluteMs: 12 * HOUR,
  sessionIdleMs: 60 * MINUTE,
};

export type SessionRow = Awaited<ReturnType<typeof repo.sessionsWithAccount>>[number];

/**
 * The per-instance session state the factory builds once (see sessions.ts): the cache of resolved
 * sessions, the batched lookup behind it, the bulk "last seen" stamps, and whether this instance
 * hears the session-end NOTIFYs of the others.
 */
export interface SessionState {
  // `spread` (0.75–1.25) staggers expiry: a hall that signed in together must not re-read together.
  cache: Map<string, { row: SessionRow; at: number; spread: number }>;
  lookup: (idHash: string) => Promise<SessionRow | undefined>;
  touches: { touch: (key: string) => void; flush: () => Promise<void> };
  hearingEnds: boolean;
}

/** What the factory takes: the platform adapters, and optionally limits, LISTEN and the outbox setting. */
export type IdentityDeps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit' | 'mailer' | 'publicUrl'> & {
  limits?: Partial<IdentityLimits>;
  /** LISTEN on the database, to hear of sessions ended on other instances. */
  listen?: Database['listen'];
  /**
   * Development demo without SMTP only: the admin's outbox shows links and codes in full (the
   * outbox is then the only way mails arrive). Otherwise they are masked: an admin who could read
   * reset links could take over any account.
   */
  outboxShowsSecrets?: boolean;
};

/** The one context every identity use-case takes: the deps with the limits filled in and the session state. */
export type IdentityContext = Omit<IdentityDeps, 'limits'> & { limits: IdentityLimits; sessions: SessionState };

/** The lockout key of one account from one source (address). */
export const loginAccountKey = (accountId: string, ip: string) => `login:account:${accountId}:${ip}`;
/** A network address's sign-in failures; `scope` (a CAT session's wrong tokens, say) counts apart. */
export const ADDRESS_PREFIX = 'login:ip:';
export const addressKey = (ip: string, scope?: string) => `${ADDRESS_PREFIX}${ip}${scope ? `|${scope}` : ''}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
/** A verification code is hashed with its account, so it only works with that e-mail address. */
export const codeHash = (accountId: string, code: string) => sha256(`verify-code:${accountId}:${code}`);

/** Links' tokens and codes in an e-mail body (one-time secrets: base64url, 20+ characters), masked. */
export const maskMailSecrets = (text: string) =>
  text.replace(/[A-Za-z0-9_-]{20,}/g, '••••••').replace(/(Kode verifikasi Anda: )\d{6}/g, '$1••••••');

/** NOTIFY payload: a session's id hash, or `account:<id>` for every session of an account. */
export const SESSION_END_CHANNEL = 'merit_session_end';

/** Applicants and citizens are not staff: the admin's staff tools do not reach them. */
export const isSelfSignup = (role: Role) => role === 'applicant' || role === 'citizen';

export const isUniqueViolation = (err: unknown, constraint: string) =>
  typeof err === 'object' &&
  err !== null &&
  (err as { code?: string }).code === '23505' &&
  String(
    (err as { constraint?: string; detail?: string; message?: string }).constraint ?? (err as Error).message,
  ).includes(constraint);

/** An actor as the audit log names them. */
export const auditActor = (actor: Actor) => ({ id: actor.accountId, role: actor.role });

/** Stores a one-time token's hash for the account and returns the token (it is never stored). */
export async function issueToken(
  ctx: Pick<IdentityContext, 'ids' | 'clock'>,
  trx: Executor,
  accountId: string,
  purpose: 'verify_email' | 'reset_password',
  ttlMs: number,
  issuedBy: string | null = null,
) {
  const token = ctx.ids.secret();
  await repo.insertToken(trx, {
    token_hash: sha256(token),
    account_id: accountId,
    purpose,
    expires_at: new Date(ctx.clock.now().getTime() + ttlMs),
    issued_by: issuedBy,
  });
  return token;
}

/**
 * Past the address's limit, a failure is answered only after a pause: guessing from that address
 * slows to a crawl while nobody with a correct credential waits or is refused. Returns whether
 * it paused.
 */
export async function slowDownIfOver(
  ctx: Pick<IdentityContext, 'db' | 'limits'>,
  key: string,
  since: Date,
): Promise<boolean> {
  if ((await repo.countThrottle(ctx.db, key, since)) <= ctx.limits.failuresPerIp) return false;
  await sleep(ctx.limits.addressSlowdownMs);
  return true;
}

/** Counts a mail to the address and says whether it may be sent (mailsPerAddressPerHour). */
export async function mailAllowed(
  ctx: Pick<IdentityContext, 'db' | 'clock' | 'limits'>,
  address: string,
): Promise<boolean> {
  const key = `mail:${address}`;
  const n = await repo.countThrottle(ctx.db, key, new Date(ctx.clock.now().getTime() - HOUR));
  if (n >= ctx.limits.mailsPerAddressPerHour) return false;
  await repo.addThrottle(ctx.db, [key], ctx.clock.now());
  return true;
}

/** A registration that found its NIK or e-mail taken (answered like a success; see register). */
export class AlreadyRegistered extends Error {
  constructor(readonly account: { email: string; email_normalized: string; full_name: string }) {
    super('already registered');
  }
}

export const duplicateNik = () =>
  new AppError(
    'CONFLICT',
    msg(
      'NIK ini sudah terdaftar. Satu NIK hanya untuk satu akun. Jika ini NIK Anda, masuk dengan NIK tersebut atau gunakan "Lupa kata sandi".',
      'This NIK is already registered. One NIK, one account. If it is yours, sign in with it or use "Forgot password".',
    ),
    { fields: [{ field: 'nik', message: msg('NIK sudah terdaftar.', 'NIK already registered.') }] },
  );
export const duplicateEmail = () =>
  new AppError(
    'CONFLICT',
    msg(
      'Email ini sudah dipakai akun lain. Gunakan email lain atau "Lupa kata sandi".',
      'This e-mail is already used. Use another or "Forgot password".',
    ),
    { fields: [{ field: 'email', message: msg('Email sudah dipakai.', 'E-mail already used.') }] },
  );
export const invalidToken = () =>
  new AppError(
    'TOKEN_INVALID',
    msg(
      'Tautan ini tidak berlaku lagi (kedaluwarsa atau sudah dipakai). Minta tautan baru.',
      'This link is no longer valid (expired or used). Ask for a new one.',
    ),
  );
export const staffNotFound = () =>
  new AppError('NOT_FOUND', msg('Akun petugas tidak ditemukan.', 'Staff account not found.'));
export const unknownOrganization = () =>
  fieldError('organizationId', msg('OPD tidak dikenal.', 'Unknown organisation.'));
