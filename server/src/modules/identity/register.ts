/** Self-registration: applicants with their NIK, citizens and observer organisations without one. */
import type { ParticipantRegisterBody, RegisterBody } from '../../../../common/contracts/identity.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { nikMatchesPerson, parseNik } from '../../../../common/rules/nik.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { isKnownRegency } from './area-codes.ts';
import { passwordProblem } from './domain/password-policy.ts';
import { issueVerification } from './email-verification.ts';
import { identityRepository as repo } from './identity.repository.ts';
import {
  AlreadyRegistered,
  HOUR,
  type IdentityContext,
  isUniqueViolation,
  mailAllowed,
  normalizeEmail,
} from './identity.shared.ts';

/** Counts a registration attempt from the source address; refuses past registrationsPerIpPerHour. */
async function reserveRegistration(ctx: IdentityContext, ip: string) {
  const now0 = ctx.clock.now();
  const blocked = await repo.reserveThrottle(
    ctx.db,
    [[`register:ip:${ip}`, ctx.limits.registrationsPerIpPerHour]],
    new Date(now0.getTime() - HOUR),
    now0,
  );
  if (blocked) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      msg(
        'Terlalu banyak pendaftaran dari jaringan ini. Coba lagi dalam satu jam.',
        'Too many registrations from this network. Try again in an hour.',
      ),
      { retryAfterSeconds: 3600 },
    );
  }
}

/** The NIK is well-formed, from a known region, and matches the birth date and gender typed (RULES.md §1.2). */
function checkNikAndPerson(clock: Clock, body: RegisterBody) {
  const nik = parseNik(body.nik, isKnownRegency);
  if (!nik.ok) {
    const why = {
      format: msg('NIK harus 16 angka sesuai e-KTP.', 'NIK must be the 16 digits on your e-KTP.'),
      region: msg(
        'Kode wilayah pada NIK (6 angka pertama) tidak dikenal. Periksa kembali NIK pada e-KTP Anda.',
        'The region code in the NIK (first 6 digits) is unknown. Check the NIK on your e-KTP.',
      ),
      birth_date: msg(
        'Tanggal lahir dalam NIK (angka 7–12) tidak valid. Periksa kembali NIK Anda.',
        'The birth date inside the NIK (digits 7–12) is invalid.',
      ),
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
    throw fieldError(
      'birthDate',
      msg('Tanggal lahir tidak wajar. Periksa kembali.', 'Birth date looks wrong. Please check.'),
    );
  }
}

/** Tells an account's owner (at the account's own address) that someone tried to register with their NIK or e-mail. */
async function notifyAlreadyRegistered(
  ctx: IdentityContext,
  owner: { email: string; email_normalized: string; full_name: string },
) {
  if (!(await mailAllowed(ctx, owner.email_normalized))) return;
  await ctx.db.transaction().execute((trx) =>
    ctx.mailer.enqueue(trx, {
      to: owner.email,
      subject: 'Pendaftaran akun Merit: Anda sudah terdaftar',
      text:
        `Halo ${owner.full_name},\n\nSeseorang (mungkin Anda) baru saja mencoba mendaftar di Merit dengan NIK atau alamat email akun Anda. ` +
        `Akun Anda sudah ada, jadi tidak ada akun baru yang dibuat.\n\nJika itu Anda, masuk dengan NIK atau email Anda, atau atur ulang kata sandi di ${ctx.publicUrl}/lupa-sandi.\n` +
        'Jika bukan Anda, abaikan email ini; akun Anda tidak berubah.\n\nBKPSDM Kota Palu',
    }),
  );
}

/**
 * Applicant self-registration (RULES.md §1.2, §6.1): NIK checked and matched to what they typed.
 * A NIK or e-mail already registered answers exactly like a new registration (201 with an id),
 * so the form cannot tell anyone whether a person has an account; the account's owner gets an
 * "already registered" notice by e-mail instead. Attempts are limited per source address.
 */
export async function register(ctx: IdentityContext, body: RegisterBody, ip = 'unknown') {
  const { db, clock, audit } = ctx;
  await reserveRegistration(ctx, ip);
  checkNikAndPerson(clock, body);
  const pw = passwordProblem(body.password, { email: body.email, nik: body.nik, name: body.fullName });
  if (pw) throw fieldError('password', pw);

  const email = normalizeEmail(body.email);
  const id = ctx.ids.uuid();
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
      await issueVerification(ctx, trx, { id, email: body.email.trim(), fullName: body.fullName });
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
    if (!owner && (isUniqueViolation(err, 'nik') || isUniqueViolation(err, 'email')))
      owner = (await repo.byEmail(db, email)) ?? (await repo.byNik(db, body.nik));
    if (!owner) throw err;
    await notifyAlreadyRegistered(ctx, owner);
  }
  return { id };
}

/**
 * Sign-up without NIK (issue 23 §3): a citizen (role `citizen`) or an organisation (role
 * `observer`, which then applies for accreditation per period with its letter, and sees nothing
 * until the committee approves). Same guards as the applicant's: attempts limited per source
 * address, the password policy, e-mail verification before the first sign-in, and an address
 * already registered answering like a new one (its owner is told by e-mail).
 */
export async function registerParticipant(ctx: IdentityContext, body: ParticipantRegisterBody, ip = 'unknown') {
  const { db, clock, audit } = ctx;
  await reserveRegistration(ctx, ip);
  const pw = passwordProblem(body.password, { email: body.email, name: body.fullName });
  if (pw) throw fieldError('password', pw);
  const role = body.kind === 'citizen' ? ('citizen' as const) : ('observer' as const);
  const email = normalizeEmail(body.email);
  const id = ctx.ids.uuid();
  const passwordHash = await hashPassword(body.password);
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await repo.byEmail(trx, email);
      if (existing) throw new AlreadyRegistered(existing);
      const now = clock.now();
      await repo.insertAccount(trx, {
        id,
        email: body.email.trim(),
        email_normalized: email,
        password_hash: passwordHash,
        role,
        full_name: body.fullName,
        created_at: now,
        updated_at: now,
      });
      await issueVerification(ctx, trx, { id, email: body.email.trim(), fullName: body.fullName });
      await audit.record(trx, {
        actor: { id, role },
        action: 'account.register',
        subjectType: 'account',
        subjectId: id,
        after: { id, role, email, emailVerified: false },
      });
    });
  } catch (err) {
    let owner = err instanceof AlreadyRegistered ? err.account : undefined;
    if (!owner && isUniqueViolation(err, 'email')) owner = await repo.byEmail(db, email);
    if (!owner) throw err;
    await notifyAlreadyRegistered(ctx, owner);
  }
  return { id };
}
