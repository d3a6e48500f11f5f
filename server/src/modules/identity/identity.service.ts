/**
 * Accounts and sessions: applicant self-registration with NIK, e-mail verification, login with
 * throttling, password reset, staff accounts made by an admin. Every change is audited in its
 * own transaction; tokens and session ids are stored only as SHA-256 hashes.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ParticipantRegisterBody, RegisterBody, VerifyCodeBody } from '../../../../common/contracts/identity.ts';
import { nikMatchesPerson, parseNik } from '../../../../common/rules/nik.ts';
import { batched } from '../../db/batched.ts';
import type { Database, Executor } from '../../db/database.ts';
import type { DB, Role } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createTouchBuffer } from '../../platform/touch-buffer.ts';
import type { AuditService } from '../transparency/index.ts';
import { isKnownRegency } from './area-codes.ts';
import { passwordProblem } from './domain/password-policy.ts';
import { auditState, presentMe, presentStaff } from './identity.presenter.ts';
import type { Actor } from './identity.policy.ts';
import { identityRepository as repo } from './identity.repository.ts';

const MINUTE = 60_000;
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_LISTENING_MS = 60_000;
const HOUR = 60 * MINUTE;

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

/** The lockout key of one account from one source (address). */
const loginAccountKey = (accountId: string, ip: string) => `login:account:${accountId}:${ip}`;
/** A network address's sign-in failures; `scope` (a CAT session's wrong tokens, say) counts apart. */
const ADDRESS_PREFIX = 'login:ip:';
const addressKey = (ip: string, scope?: string) => `${ADDRESS_PREFIX}${ip}${scope ? `|${scope}` : ''}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  mailer: Mailer;
  publicUrl: string;
  limits?: Partial<IdentityLimits>;
  /** LISTEN on the database, to hear of sessions ended on other instances. */
  listen?: Database['listen'];
  /**
   * Development demo without SMTP only: the admin's outbox shows links and codes in full (the
   * outbox is then the only way mails arrive). Otherwise they are masked: an admin who could read
   * reset links could take over any account.
   */
  outboxShowsSecrets?: boolean;
}

/** Links' tokens and codes in an e-mail body (one-time secrets: base64url, 20+ characters), masked. */
export const maskMailSecrets = (text: string) =>
  text.replace(/[A-Za-z0-9_-]{20,}/g, '••••••').replace(/(Kode verifikasi Anda: )\d{6}/g, '$1••••••');

/** NOTIFY payload: a session's id hash, or `account:<id>` for every session of an account. */
const SESSION_END_CHANNEL = 'merit_session_end';

/** Applicants and citizens are not staff: the admin's staff tools do not reach them. */
const isSelfSignup = (role: Role) => role === 'applicant' || role === 'citizen';

const isUniqueViolation = (err: unknown, constraint: string) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505' &&
  String((err as { constraint?: string; detail?: string; message?: string }).constraint ?? (err as Error).message).includes(constraint);

export function createIdentityService(deps: Deps) {
  const { db, clock, ids, audit, mailer } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  // Sessions in use are stamped in bulk, once a second, instead of a commit per request.
  const sessionTouches = createTouchBuffer({ clock, write: (keys, at) => repo.touchSessions(db, keys, at) });
  /**
   * Sessions resolved in the last SESSION_CACHE_MS, per instance: every API request authenticates,
   * and a hall of thousands saving answers should not cost a query each. Ending a session drops it
   * here at once and tells the other instances (NOTIFY, see listenForSessionEnds). An instance
   * that hears those messages keeps entries for SESSION_CACHE_LISTENING_MS; one that does not
   * (no listener yet, or its connection died — then the cache is emptied) for SESSION_CACHE_MS.
   */
  type SessionRow = Awaited<ReturnType<typeof repo.sessionsWithAccount>>[number];
  // A cache miss is batched with the others of the same moment (a hall's first requests all miss).
  const lookupSession = batched(async (idHashes: readonly string[]) => new Map((await repo.sessionsWithAccount(db, idHashes)).map((r) => [r.id_hash, r])));
  // `spread` (0.75–1.25) staggers expiry: a hall that signed in together must not re-read together.
  const sessionCache = new Map<string, { row: SessionRow; at: number; spread: number }>();
  let hearingSessionEnds = false;
  const sessionCacheMs = () => (hearingSessionEnds ? SESSION_CACHE_LISTENING_MS : SESSION_CACHE_MS);
  const forgetSessionsOf = (accountId: string) => {
    for (const [k, v] of sessionCache) if (v.row.account_id === accountId) sessionCache.delete(k);
  };

  async function issueToken(trx: Parameters<typeof repo.insertToken>[0], accountId: string, purpose: 'verify_email' | 'reset_password', ttlMs: number, issuedBy: string | null = null) {
    const token = ids.secret();
    await repo.insertToken(trx, {
      token_hash: sha256(token),
      account_id: accountId,
      purpose,
      expires_at: new Date(clock.now().getTime() + ttlMs),
      issued_by: issuedBy,
    });
    return token;
  }

  /**
   * Past the address's limit, a failure is answered only after a pause: guessing from that address
   * slows to a crawl while nobody with a correct credential waits or is refused. Returns whether
   * it paused.
   */
  async function slowDownIfOver(key: string, since: Date): Promise<boolean> {
    if ((await repo.countThrottle(db, key, since)) <= limits.failuresPerIp) return false;
    await sleep(limits.addressSlowdownMs);
    return true;
  }

  async function mailAllowed(address: string): Promise<boolean> {
    const key = `mail:${address}`;
    const n = await repo.countThrottle(db, key, new Date(clock.now().getTime() - HOUR));
    if (n >= limits.mailsPerAddressPerHour) return false;
    await repo.addThrottle(db, [key], clock.now());
    return true;
  }

  /**
   * A verification e-mail carries a link (long token) and a six-digit code for typing on the phone
   * that registered. The code is hashed with its account, so it only works with that e-mail address,
   * and guesses are throttled per account (verifyEmailCode).
   */
  async function issueVerification(trx: Parameters<typeof repo.insertToken>[0], account: { id: string; email: string; fullName: string }) {
    const token = await issueToken(trx, account.id, 'verify_email', 24 * HOUR);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await repo.insertToken(trx, { token_hash: codeHash(account.id, code), account_id: account.id, purpose: 'verify_email', expires_at: new Date(clock.now().getTime() + 24 * HOUR) });
    await mailer.enqueue(trx, {
      to: account.email,
      subject: 'Verifikasi email akun Merit Anda',
      text:
        `Halo ${account.fullName},\n\nTerima kasih telah mendaftar di Merit, layanan seleksi dan pengembangan ASN Pemerintah Kota Palu.\n\n` +
        `Kode verifikasi Anda: ${code}\n\nKetik kode ini di halaman Verifikasi Email, atau buka tautan berikut (keduanya berlaku 24 jam):\n\n` +
        `${deps.publicUrl}/verifikasi-email?token=${token}\n\nJika Anda tidak mendaftar, abaikan email ini.\n\nBKPSDM Kota Palu`,
    });
  }

  async function markVerified(trx: Executor, accountId: string) {
    const account = await repo.byId(trx, accountId);
    if (!account) throw invalidToken();
    if (account.email_verified_at) return;
    await repo.updateAccount(trx, account.id, { email_verified_at: clock.now(), updated_at: clock.now() });
    await audit.record(trx, {
      actor: { id: account.id, role: account.role },
      action: 'account.verify_email',
      subjectType: 'account',
      subjectId: account.id,
      before: auditState(account),
      after: { ...auditState(account), emailVerified: true },
    });
  }

  const resetMail = (to: string, name: string, token: string, activation: boolean) => ({
    to,
    subject: activation ? 'Aktivasi akun petugas Merit' : 'Atur ulang kata sandi Merit',
    text:
      `Halo ${name},\n\n` +
      (activation
        ? 'Admin BKPSDM Kota Palu telah membuatkan akun petugas Merit untuk Anda. Buat kata sandi Anda melalui tautan berikut (berlaku 72 jam):'
        : 'Kami menerima permintaan untuk mengatur ulang kata sandi akun Merit Anda. Buka tautan berikut (berlaku 1 jam):') +
      `\n\n${deps.publicUrl}/atur-ulang-sandi?token=${token}\n\nKode: ${token}\n\nJika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.\n\nBKPSDM Kota Palu`,
  });

  /** Tells an account's owner (at the account's own address) that someone tried to register with their NIK or e-mail. */
  async function notifyAlreadyRegistered(owner: { email: string; email_normalized: string; full_name: string }) {
    if (!(await mailAllowed(owner.email_normalized))) return;
    await db.transaction().execute((trx) =>
      mailer.enqueue(trx, {
        to: owner.email,
        subject: 'Pendaftaran akun Merit: Anda sudah terdaftar',
        text:
          `Halo ${owner.full_name},\n\nSeseorang (mungkin Anda) baru saja mencoba mendaftar di Merit dengan NIK atau alamat email akun Anda. ` +
          `Akun Anda sudah ada, jadi tidak ada akun baru yang dibuat.\n\nJika itu Anda, masuk dengan NIK atau email Anda, atau atur ulang kata sandi di ${deps.publicUrl}/lupa-sandi.\n` +
          'Jika bukan Anda, abaikan email ini; akun Anda tidak berubah.\n\nBKPSDM Kota Palu',
      }),
    );
  }

  return {
    limits,

    /**
     * Applicant self-registration (RULES.md §1.2, §6.1): NIK checked and matched to what they typed.
     * A NIK or e-mail already registered answers exactly like a new registration (201 with an id),
     * so the form cannot tell anyone whether a person has an account; the account's owner gets an
     * "already registered" notice by e-mail instead. Attempts are limited per source address.
     */
    async register(body: RegisterBody, ip = 'unknown') {
      const now0 = clock.now();
      const blocked = await repo.reserveThrottle(db, [[`register:ip:${ip}`, limits.registrationsPerIpPerHour]], new Date(now0.getTime() - HOUR), now0);
      if (blocked) {
        throw new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak pendaftaran dari jaringan ini. Coba lagi dalam satu jam.', 'Too many registrations from this network. Try again in an hour.'), { retryAfterSeconds: 3600 });
      }
      const nik = parseNik(body.nik, isKnownRegency);
      if (!nik.ok) {
        const why = {
          format: msg('NIK harus 16 angka sesuai e-KTP.', 'NIK must be the 16 digits on your e-KTP.'),
          region: msg(
            'Kode wilayah pada NIK (6 angka pertama) tidak dikenal. Periksa kembali NIK pada e-KTP Anda.',
            'The region code in the NIK (first 6 digits) is unknown. Check the NIK on your e-KTP.',
          ),
          birth_date: msg('Tanggal lahir dalam NIK (angka 7–12) tidak valid. Periksa kembali NIK Anda.', 'The birth date inside the NIK (digits 7–12) is invalid.'),
          serial: msg('Nomor urut NIK (4 angka terakhir) tidak valid.', 'The NIK serial (last 4 digits) is invalid.'),
        }[nik.problem];
        throw fieldError('nik', why);
      }
      if (!nikMatchesPerson(nik.parts, body.birthDate, body.gender)) {
        throw fieldError(
          'birthDate',
          msg(
            'Tanggal lahir atau jenis kelamin tidak sesuai dengan NIK. Isikan persis seperti pada e-KTP (untuk perempuan, tanggal pada NIK ditambah 40).',
            'Birth date or gender does not match the NIK. Enter them exactly as on your e-KTP.',
          ),
        );
      }
      const birthYear = Number(body.birthDate.slice(0, 4));
      const thisYear = clock.now().getUTCFullYear();
      if (birthYear < thisYear - 100 || birthYear > thisYear - 15) {
        throw fieldError('birthDate', msg('Tanggal lahir tidak wajar. Periksa kembali.', 'Birth date looks wrong. Please check.'));
      }
      const pw = passwordProblem(body.password, { email: body.email, nik: body.nik, name: body.fullName });
      if (pw) throw fieldError('password', pw);

      const email = normalizeEmail(body.email);
      const id = ids.uuid();
      const passwordHash = await hashPassword(body.password);
      try {
        await db.transaction().execute(async (trx) => {
          const existing = (await repo.byEmail(trx, email)) ?? (await repo.byNik(trx, body.nik));
          if (existing) throw new AlreadyRegistered(existing);
          const now = clock.now();
          await repo.insertAccount(trx, {
            id,
            email: body.email.trim(),
            email_normalized: email,
            password_hash: passwordHash,
            role: 'applicant',
            full_name: body.fullName,
            phone: body.phone,
            nik: body.nik,
            birth_place: body.birthPlace,
            birth_date: body.birthDate,
            gender: body.gender,
            created_at: now,
            updated_at: now,
          });
          await issueVerification(trx, { id, email: body.email.trim(), fullName: body.fullName });
          await audit.record(trx, {
            actor: { id, role: 'applicant' },
            action: 'account.register',
            subjectType: 'account',
            subjectId: id,
            after: { id, role: 'applicant', email, emailVerified: false },
          });
        });
      } catch (err) {
        // Two simultaneous registrations race past the checks; the unique index decides.
        let owner = err instanceof AlreadyRegistered ? err.account : undefined;
        if (!owner && (isUniqueViolation(err, 'nik') || isUniqueViolation(err, 'email'))) owner = (await repo.byEmail(db, email)) ?? (await repo.byNik(db, body.nik));
        if (!owner) throw err;
        await notifyAlreadyRegistered(owner);
      }
      return { id };
    },

    /**
     * Sign-up without NIK (issue 23 §3): a citizen (role `citizen`) or an organisation (role
     * `observer`, which then applies for accreditation per period with its letter, and sees nothing
     * until the committee approves). Same guards as the applicant's: attempts limited per source
     * address, the password policy, e-mail verification before the first sign-in, and an address
     * already registered answering like a new one (its owner is told by e-mail).
     */
    async registerParticipant(body: ParticipantRegisterBody, ip = 'unknown') {
      const now0 = clock.now();
      const blocked = await repo.reserveThrottle(db, [[`register:ip:${ip}`, limits.registrationsPerIpPerHour]], new Date(now0.getTime() - HOUR), now0);
      if (blocked) {
        throw new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak pendaftaran dari jaringan ini. Coba lagi dalam satu jam.', 'Too many registrations from this network. Try again in an hour.'), { retryAfterSeconds: 3600 });
      }
      const pw = passwordProblem(body.password, { email: body.email, name: body.fullName });
      if (pw) throw fieldError('password', pw);
      const role = body.kind === 'citizen' ? ('citizen' as const) : ('observer' as const);
      const email = normalizeEmail(body.email);
      const id = ids.uuid();
      const passwordHash = await hashPassword(body.password);
      try {
        await db.transaction().execute(async (trx) => {
          const existing = await repo.byEmail(trx, email);
          if (existing) throw new AlreadyRegistered(existing);
          const now = clock.now();
          await repo.insertAccount(trx, { id, email: body.email.trim(), email_normalized: email, password_hash: passwordHash, role, full_name: body.fullName, created_at: now, updated_at: now });
          await issueVerification(trx, { id, email: body.email.trim(), fullName: body.fullName });
          await audit.record(trx, { actor: { id, role }, action: 'account.register', subjectType: 'account', subjectId: id, after: { id, role, email, emailVerified: false } });
        });
      } catch (err) {
        let owner = err instanceof AlreadyRegistered ? err.account : undefined;
        if (!owner && isUniqueViolation(err, 'email')) owner = await repo.byEmail(db, email);
        if (!owner) throw err;
        await notifyAlreadyRegistered(owner);
      }
      return { id };
    },

    async verifyEmail(token: string) {
      await db.transaction().execute(async (trx) => {
        const used = await repo.consumeToken(trx, sha256(token), 'verify_email', clock.now());
        if (!used) throw invalidToken();
        await markVerified(trx, used.account_id);
      });
    },

    /**
     * The six-digit code with the address it was sent to. Every try is counted before the code is
     * checked (per account and per source, one hour), so the million codes cannot be walked; a
     * success takes its count back. An unknown address answers like a wrong code.
     */
    async verifyEmailCode(body: VerifyCodeBody, ip: string) {
      const now = clock.now();
      const account = await repo.byEmail(db, normalizeEmail(body.email));
      const accountKey = `verify-code:account:${account?.id ?? normalizeEmail(body.email)}`;
      const blocked = await repo.reserveThrottle(db, [[`verify-code:ip:${ip}`, limits.failuresPerIp], [accountKey, limits.failuresPerAccount]], new Date(now.getTime() - HOUR), now);
      if (blocked) {
        throw new AppError(
          'TOO_MANY_REQUESTS',
          msg('Terlalu banyak kode yang salah. Coba lagi dalam 1 jam, atau buka tautan di email verifikasi.', 'Too many wrong codes. Try again in an hour, or open the link in the verification e-mail.'),
          { retryAfterSeconds: 3600 },
        );
      }
      if (!account) throw invalidCode();
      if (account.email_verified_at) return;
      await db.transaction().execute(async (trx) => {
        const used = await repo.consumeToken(trx, codeHash(account.id, body.code), 'verify_email', now);
        if (!used) throw invalidCode();
        await markVerified(trx, account.id);
      });
      await repo.releaseThrottle(db, accountKey, now);
    },

    /** Sends a fresh verification e-mail; answers the same whether or not the address exists. */
    async resendVerification(emailInput: string) {
      const email = normalizeEmail(emailInput);
      const account = await repo.byEmail(db, email);
      if (!account || account.email_verified_at || !(await mailAllowed(email))) return;
      await db.transaction().execute(async (trx) => {
        await issueVerification(trx, { id: account.id, email: account.email, fullName: account.full_name });
      });
    },

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
    async login(identifier: string, password: string, ip: string, opts: { countAccountFailure?: boolean } = {}) {
      const now = clock.now();
      const since = new Date(now.getTime() - limits.failureWindowMs);
      const id = identifier.trim();
      const account = /^\d{16}$/.test(id) ? await repo.byNik(db, id) : await repo.byEmail(db, normalizeEmail(id));
      const ipKey = addressKey(ip);
      const accountKey = account && opts.countAccountFailure !== false ? loginAccountKey(account.id, ip) : null;
      // The address is counted but never refuses (Infinity): only the account's own key locks.
      const keys: [string, number][] = [[ipKey, Number.POSITIVE_INFINITY]];
      if (accountKey) keys.push([accountKey, limits.failuresPerAccount]);
      const blocked = await repo.reserveThrottle(db, keys, since, now);
      if (blocked) {
        const oldest = await repo.oldestThrottle(db, blocked, since);
        const retry = Math.max(1, Math.ceil(((oldest ? new Date(oldest.occurred_at).getTime() : now.getTime()) + limits.failureWindowMs - now.getTime()) / 1000));
        throw new AppError(
          'TOO_MANY_REQUESTS',
          msg(
            `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${Math.ceil(retry / 60)} menit, atau gunakan "Lupa kata sandi".`,
            `Too many failed sign-in attempts. Try again in ${Math.ceil(retry / 60)} minutes, or use "Forgot password".`,
          ),
          { retryAfterSeconds: retry },
        );
      }
      const ok = account ? await verifyPassword(account.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
      if (!account || !ok) {
        const slowed = await slowDownIfOver(ipKey, since);
        throw new AppError(
          'INVALID_CREDENTIALS',
          slowed
            ? msg(
              'Email/NIK atau kata sandi salah. Banyak percobaan gagal dari jaringan ini, jadi jawaban diperlambat; kata sandi yang benar tetap diterima.',
              'Wrong e-mail/NIK or password. Many failed attempts came from this network, so answers are slowed; a correct password is still accepted.',
            )
            : msg('Email/NIK atau kata sandi salah. Periksa kembali, atau gunakan "Lupa kata sandi".', 'Wrong e-mail/NIK or password. Check again, or use "Forgot password".'),
        );
      }
      await repo.releaseThrottle(db, ipKey, now);
      if (accountKey) await repo.clearThrottle(db, accountKey);
      if (account.disabled_at) {
        throw new AppError('FORBIDDEN', msg('Akun ini dinonaktifkan. Hubungi BKPSDM Kota Palu.', 'This account is disabled. Contact BKPSDM Kota Palu.'));
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
      const token = ids.secret();
      await db.transaction().execute(async (trx) => {
        await repo.insertSession(trx, {
          id_hash: sha256(token),
          account_id: account.id,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + limits.sessionAbsoluteMs),
        });
        // Not an audit event: the public log must not show anyone's sign-in timeline.
        await repo.recordSignIn(trx, account.id, 'login', now);
      });
      return { token, account: presentMe(account) };
    },

    /** Resolves a session cookie to the actor, enforcing absolute and idle expiry. */
    async authenticate(token: string): Promise<Actor | null> {
      const key = this.sessionKey(token);
      return key === null ? null : this.authenticateKey(key);
    },

    /** What sessions are stored under (null for a malformed cookie): a long-lived connection computes it once. */
    sessionKey: (token: string): string | null => (/^[A-Za-z0-9_-]{20,100}$/.test(token) ? sha256(token) : null),

    /** `authenticate` for a session key from `sessionKey`. */
    async authenticateKey(idHash: string): Promise<Actor | null> {
      const hit = sessionCache.get(idHash);
      let s = hit && performance.now() - hit.at < sessionCacheMs() * hit.spread ? hit.row : undefined;
      if (!s) {
        s = await lookupSession(idHash);
        if (!s) {
          sessionCache.delete(idHash);
          return null;
        }
        if (sessionCache.size >= 100_000) sessionCache.clear();
        sessionCache.set(idHash, { row: s, at: performance.now(), spread: 0.75 + Math.random() / 2 });
      }
      if (s.disabled_at) return null;
      const now = clock.now().getTime();
      const lastSeen = new Date(s.last_seen_at).getTime();
      if (now >= new Date(s.expires_at).getTime() || now - lastSeen >= limits.sessionIdleMs) {
        sessionCache.delete(idHash);
        await repo.deleteSession(db, idHash);
        return null;
      }
      // Stamp at most once a minute or two (per session, so a hall does not stamp all at once):
      // the idle timeout is an hour, and a stamp is a write.
      if (now - lastSeen > MINUTE + (parseInt(idHash.slice(0, 4), 16) % MINUTE)) {
        sessionTouches.touch(idHash);
        s.last_seen_at = clock.now();
      }
      return { accountId: s.account_id, role: s.role, organizationId: s.organization_id };
    },

    /** Drops sessions ended on other instances from this instance's cache (main.ts, at start). */
    async listenForSessionEnds(): Promise<void> {
      if (!deps.listen) return;
      const retry = () => setTimeout(() => void this.listenForSessionEnds(), 5000).unref();
      try {
        await deps.listen(
          SESSION_END_CHANNEL,
          (payload) => {
            if (payload.startsWith('account:')) forgetSessionsOf(payload.slice('account:'.length));
            else sessionCache.delete(payload);
          },
          () => {
            // Sign-outs may have been missed while the connection was down: forget them all.
            hearingSessionEnds = false;
            sessionCache.clear();
            retry();
          },
        );
        hearingSessionEnds = true;
      } catch {
        retry();
      }
    },

    /** Writes pending session stamps now (shutdown, tests that move the clock). */
    flushTouches: () => sessionTouches.flush(),

    async logout(token: string, actor: Actor) {
      await db.transaction().execute(async (trx) => {
        await repo.deleteSession(trx, sha256(token));
        await repo.notify(trx, SESSION_END_CHANNEL, sha256(token));
        await repo.recordSignIn(trx, actor.accountId, 'logout', clock.now());
      });
      sessionCache.delete(sha256(token)); // after commit: a request in between may have cached it
    },

    /**
     * Clears an account's sign-in lockouts from every source (a proctor for a participant in the
     * hall, say), audited as done by `actor`. Returns how many failures were forgotten.
     */
    async clearLoginLockouts(actor: Actor, accountId: string, reason: string) {
      return db.transaction().execute(async (trx) => {
        const r = await repo.clearThrottlePrefix(trx, loginAccountKey(accountId, ''));
        const cleared = Number(r.numDeletedRows);
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'account.login_lockout.clear', subjectType: 'account', subjectId: accountId, after: { cleared, reason } });
        return cleared;
      });
    },

    /**
     * Counts a failure from `ip` under `scope` (a CAT session's wrong tokens): never against an
     * account nor the address's password budget, so typos in a hall slow only more wrong tokens.
     * Past the limit the caller's answer is paused; returns whether it was.
     */
    async noteAddressFailure(scope: string, ip: string): Promise<{ slowed: boolean }> {
      const now = clock.now();
      const key = addressKey(ip, scope);
      await repo.addThrottle(db, [key], now);
      return { slowed: await slowDownIfOver(key, new Date(now.getTime() - limits.failureWindowMs)) };
    },

    /**
     * Addresses with sign-in failures in the window (only `addresses` when given), most failures
     * first: what the committee — or a proctor, for their hall's addresses — may lift.
     */
    async addressBlocks(addresses?: readonly string[]): Promise<AddressBlock[]> {
      if (addresses && addresses.length === 0) return [];
      const since = new Date(clock.now().getTime() - limits.failureWindowMs);
      const rows = await repo.throttleByPrefix(db, ADDRESS_PREFIX, since);
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
        b.slowed ||= n >= limits.failuresPerIp; // the next failure from it waits
        if (first < b.firstAt) b.firstAt = first;
        if (last > b.lastAt) b.lastAt = last;
        by.set(address, b);
      }
      return [...by.values()].sort((a, b) => Number(b.slowed) - Number(a.slowed) || b.failures + b.scoped - (a.failures + a.scoped) || a.address.localeCompare(b.address));
    },

    /**
     * Forgets an address's sign-in failures (every scope), so its answers are no longer slowed;
     * audited as done by `actor` with the reason. The address goes only into the (keyed) digest:
     * the public log does not publish network addresses. Returns how many failures were forgotten.
     */
    async liftAddressBlock(actor: Actor, address: string, reason: string) {
      return db.transaction().execute(async (trx) => {
        const base = await repo.clearThrottle(trx, addressKey(address));
        const scoped = await repo.clearThrottlePrefix(trx, `${addressKey(address)}|`);
        const cleared = Number(base[0]?.numDeletedRows ?? 0) + Number(scoped.numDeletedRows);
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'login.address_block.lift', subjectType: 'network_address', after: { address, cleared, reason } });
        return cleared;
      });
    },

    async me(actor: Actor) {
      const account = await repo.byId(db, actor.accountId);
      if (!account) throw new AppError('UNAUTHENTICATED', msg('Sesi Anda berakhir. Silakan masuk lagi.', 'Your session ended. Please sign in again.'));
      return presentMe(account);
    },

    /** Sends a reset link when the address has an account; answers the same either way. */
    async forgotPassword(emailInput: string) {
      const email = normalizeEmail(emailInput);
      const account = await repo.byEmail(db, email);
      if (!account || account.disabled_at || !(await mailAllowed(email))) return;
      await db.transaction().execute(async (trx) => {
        const token = await issueToken(trx, account.id, 'reset_password', HOUR);
        await mailer.enqueue(trx, resetMail(account.email, account.full_name, token, false));
      });
    },

    /**
     * Sets a new password from a reset token; ends every session of the account. The audit event
     * names who really acted: the signed-in caller, else an anonymous token holder (the token's
     * owner cannot be assumed — whoever holds the link can use it); a staff activation (a token an
     * admin caused) is its own action.
     */
    async resetPassword(token: string, password: string, caller: Actor | null = null) {
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
        await repo.updateAccount(trx, account.id, { password_hash: passwordHash, email_verified_at: account.email_verified_at ?? now, updated_at: now });
        await repo.deleteSessionsOf(trx, account.id);
        await repo.notify(trx, SESSION_END_CHANNEL, `account:${account.id}`);
        resetAccountId = account.id;
        await repo.clearThrottlePrefix(trx, loginAccountKey(account.id, ''));
        await audit.record(trx, {
          actor: caller ? { id: caller.accountId, role: caller.role } : { id: null, role: 'anonymous' },
          // First use of the link an admin's new staff account got: an activation, not a reset.
          action: used.issued_by && !account.email_verified_at ? 'account.activate' : 'account.reset_password',
          subjectType: 'account',
          subjectId: account.id,
          before: auditState(account),
          after: { ...auditState(account), emailVerified: true },
        });
      });
      if (resetAccountId) forgetSessionsOf(resetAccountId); // every other session ends here at once
    },

    /** An admin creates a staff account; the person sets their own password from the e-mailed link. */
    async createStaff(actor: Actor, body: { email: string; fullName: string; role: Exclude<Role, 'applicant'>; organizationId?: string | null | undefined }) {
      const email = normalizeEmail(body.email);
      const id = ids.uuid();
      // An unusable password until the activation link is used.
      const passwordHash = await hashPassword(ids.secret());
      try {
        await db.transaction().execute(async (trx) => {
          if (await repo.byEmail(trx, email)) throw duplicateEmail();
          if (body.organizationId && !(await repo.organizationExists(trx, body.organizationId))) {
            throw fieldError('organizationId', msg('OPD tidak dikenal.', 'Unknown organisation.'));
          }
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
          const token = await issueToken(trx, id, 'reset_password', 72 * HOUR, actor.accountId);
          await mailer.enqueue(trx, resetMail(body.email.trim(), body.fullName, token, true));
          await audit.record(trx, {
            actor: { id: actor.accountId, role: actor.role },
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
    },

    /** For the CLI and the demo seed: an account with a known password, already verified. */
    async createAccountWithPassword(input: { email: string; fullName: string; role: Role; password: string; organizationId?: string | null; nik?: string; birthDate?: string; birthPlace?: string; gender?: 'L' | 'P'; phone?: string }) {
      const pw = passwordProblem(input.password, { email: input.email, nik: input.nik });
      if (pw) throw fieldError('password', pw);
      const email = normalizeEmail(input.email);
      const id = ids.uuid();
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        if (await repo.byEmail(trx, email)) throw duplicateEmail();
        if (input.nik && (await repo.byNik(trx, input.nik))) throw duplicateNik();
        const now = clock.now();
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
        await audit.record(trx, { actor: { id: null, role: 'system' }, action: 'account.create', subjectType: 'account', subjectId: id, after: { id, role: input.role, email, emailVerified: true } });
      }).catch((err) => {
        if (isUniqueViolation(err, 'nik')) throw duplicateNik();
        if (isUniqueViolation(err, 'email')) throw duplicateEmail();
        throw err;
      });
      return { id };
    },

    async listStaff() {
      return (await repo.listStaff(db)).map(presentStaff);
    },

    /**
     * An admin edits a staff account: name, role, OPD, deactivation. A role change or a
     * deactivation ends the account's sessions at once (on every instance), so the old rights
     * stop with the change. Admins cannot demote or deactivate themselves (no lock-out by mistake).
     */
    async updateStaff(actor: Actor, id: string, patch: { fullName?: string | undefined; role?: Exclude<Role, 'applicant'> | undefined; organizationId?: string | null | undefined; disabled?: boolean | undefined }) {
      const account = await repo.byId(db, id);
      if (!account || isSelfSignup(account.role)) throw new AppError('NOT_FOUND', msg('Akun petugas tidak ditemukan.', 'Staff account not found.'));
      if (id === actor.accountId && ((patch.role !== undefined && patch.role !== account.role) || patch.disabled === true)) {
        throw new AppError('CONFLICT', msg('Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri. Minta admin lain melakukannya.', 'You cannot change the role of, or deactivate, your own account. Ask another admin.'));
      }
      const now = clock.now();
      const next = {
        full_name: patch.fullName?.trim() ?? account.full_name,
        role: patch.role ?? account.role,
        organization_id: patch.organizationId === undefined ? account.organization_id : patch.organizationId,
        disabled_at: patch.disabled === undefined ? account.disabled_at : patch.disabled ? (account.disabled_at ?? now) : null,
      };
      const endsSessions = next.role !== account.role || (next.disabled_at !== null && account.disabled_at === null);
      await db.transaction().execute(async (trx) => {
        if (next.organization_id && !(await repo.organizationExists(trx, next.organization_id))) {
          throw fieldError('organizationId', msg('OPD tidak dikenal.', 'Unknown organisation.'));
        }
        await repo.updateAccount(trx, id, { ...next, updated_at: now });
        if (endsSessions) {
          await repo.deleteSessionsOf(trx, id);
          await repo.notify(trx, SESSION_END_CHANNEL, `account:${id}`);
        }
        const action = next.disabled_at !== null && account.disabled_at === null ? 'account.deactivate' : next.disabled_at === null && account.disabled_at !== null ? 'account.reactivate' : next.role !== account.role ? 'account.change_role' : 'account.update_staff';
        await audit.record(trx, {
          actor: { id: actor.accountId, role: actor.role },
          action,
          subjectType: 'account',
          subjectId: id,
          before: { ...auditState(account), fullName: account.full_name },
          after: { ...auditState({ ...account, ...next }), fullName: next.full_name },
        });
      });
      if (endsSessions) forgetSessionsOf(id);
      return presentStaff((await repo.byId(db, id))!);
    },

    /**
     * An applicant appointed from a published final result becomes an employee (called by the
     * development module inside its transaction): role `employee` with the formation's OPD; their
     * sessions end so the next sign-in carries the new role. Audited `account.appoint`. Call
     * `forgetSessionsOf` once the caller's transaction has committed.
     */
    async appointEmployee(trx: Executor, actor: Actor, accountId: string, organizationId: string) {
      const account = await repo.byId(trx, accountId);
      if (!account) throw new AppError('NOT_FOUND', msg('Akun pelamar tidak ditemukan.', 'Applicant account not found.'));
      if (account.role === 'employee') return;
      if (account.role !== 'applicant') throw new AppError('CONFLICT', msg('Akun ini sudah akun petugas; perannya diubah admin di halaman akun.', 'This is a staff account; an admin changes its role on the accounts page.'));
      await repo.updateAccount(trx, accountId, { role: 'employee', organization_id: organizationId, updated_at: clock.now() });
      await repo.deleteSessionsOf(trx, accountId);
      await repo.notify(trx, SESSION_END_CHANNEL, `account:${accountId}`);
      await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'account.appoint', subjectType: 'account', subjectId: accountId, before: { role: 'applicant' }, after: { role: 'employee', organizationId } });
    },

    forgetSessionsOf: (accountId: string) => forgetSessionsOf(accountId),

    /** An admin sends a staff member a password-reset link (the admin never sees or sets the password). */
    async sendStaffReset(actor: Actor, id: string) {
      const account = await repo.byId(db, id);
      if (!account || isSelfSignup(account.role)) throw new AppError('NOT_FOUND', msg('Akun petugas tidak ditemukan.', 'Staff account not found.'));
      if (account.disabled_at) throw new AppError('CONFLICT', msg('Akun ini nonaktif. Aktifkan dulu sebelum mengirim tautan atur ulang.', 'This account is deactivated. Reactivate it before sending a reset link.'));
      await db.transaction().execute(async (trx) => {
        const activation = account.email_verified_at === null;
        const token = await issueToken(trx, id, 'reset_password', (activation ? 72 : 1) * HOUR);
        await mailer.enqueue(trx, resetMail(account.email, account.full_name, token, activation));
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'account.send_reset', subjectType: 'account', subjectId: id });
      });
    },

    /** The admin's outbox, with one-time links and codes masked (see Deps.outboxShowsSecrets). */
    async listOutbox(limit = 200) {
      const hide = deps.outboxShowsSecrets !== true;
      const emails = (await repo.listOutbox(db, limit)).map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        body: hide ? maskMailSecrets(m.body_text) : m.body_text,
        transport: m.transport,
        sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
        createdAt: new Date(m.created_at).toISOString(),
      }));
      return { emails, secretsHidden: hide };
    },

    async listOrganizations() {
      return (await repo.listOrganizations(db)).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
    },

    /** Account ids by e-mail (normalized), for modules that link their records to a person's account. */
    async accountIdsByEmail(emails: readonly string[]): Promise<Map<string, string>> {
      const normalized = [...new Set(emails.map(normalizeEmail))];
      return new Map((await repo.idsByEmail(db, normalized)).map((a) => [a.email_normalized, a.id]));
    },

    /** The e-mail of each of these accounts (exports, notifications), in the caller's transaction when given. */
    async emailsOfAccounts(ids: readonly string[], ex: Executor = db): Promise<Map<string, string>> {
      return new Map((await repo.emailsOf(ex, [...new Set(ids)])).map((a) => [a.id, a.email_normalized]));
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

/** A registration that found its NIK or e-mail taken (answered like a success; see register). */
class AlreadyRegistered extends Error {
  constructor(readonly account: { email: string; email_normalized: string; full_name: string }) {
    super('already registered');
  }
}

const duplicateNik = () =>
  new AppError(
    'CONFLICT',
    msg(
      'NIK ini sudah terdaftar. Satu NIK hanya untuk satu akun. Jika ini NIK Anda, masuk dengan NIK tersebut atau gunakan "Lupa kata sandi".',
      'This NIK is already registered. One NIK, one account. If it is yours, sign in with it or use "Forgot password".',
    ),
    { fields: [{ field: 'nik', message: msg('NIK sudah terdaftar.', 'NIK already registered.') }] },
  );
const duplicateEmail = () =>
  new AppError(
    'CONFLICT',
    msg('Email ini sudah dipakai akun lain. Gunakan email lain atau "Lupa kata sandi".', 'This e-mail is already used. Use another or "Forgot password".'),
    { fields: [{ field: 'email', message: msg('Email sudah dipakai.', 'E-mail already used.') }] },
  );
const codeHash = (accountId: string, code: string) => sha256(`verify-code:${accountId}:${code}`);
const invalidCode = () =>
  new AppError(
    'TOKEN_INVALID',
    msg('Kode verifikasi salah atau sudah tidak berlaku. Periksa email terbaru dari Merit, atau minta kode baru.', 'The verification code is wrong or no longer valid. Check the newest e-mail from Merit, or ask for a new code.'),
    { fields: [{ field: 'code', message: msg('Kode tidak cocok.', 'Code does not match.') }] },
  );
const invalidToken = () =>
  new AppError(
    'TOKEN_INVALID',
    msg('Tautan ini tidak berlaku lagi (kedaluwarsa atau sudah dipakai). Minta tautan baru.', 'This link is no longer valid (expired or used). Ask for a new one.'),
  );
