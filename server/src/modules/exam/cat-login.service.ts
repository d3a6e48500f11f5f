/**
 * Participant sign-in (RULES.md §2): the session token, then identity's password check (throttled),
 * then the seat, then the device — a first sign-in draws the participant's form from a seed stored
 * with the attempt; a second device needs a proctor's one-time approval. Hot: a hall signs in
 * together (bench/exam.ts, the chaos test).
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../identity/index.ts';
import { attemptsRepository } from './attempts.repository.ts';
import type { CatAttempts } from './cat-attempt.service.ts';
import { type CatCore, conflict, forbidden, hashDevice, hashToken, newDeviceId } from './cat-shared.ts';
import { type Blueprint, deadlineOf } from './domain/index.ts';
import { drawForm } from './form-draw.ts';

const wrongToken = () =>
  forbidden(
    'Token sesi salah, atau sesi belum dibuka pengawas. Periksa token yang ditampilkan pengawas.',
    'Wrong session token, or the proctor has not opened the session. Check the token the proctor shows.',
  );

/** A first sign-in's attempt: a form drawn from a fresh seed, the deadline from the blueprint and the accommodation. */
async function createAttempt(
  core: CatCore,
  trx: Executor,
  sessionId: string,
  applicationId: string,
  extraMinutes: number,
  blueprint: Blueprint,
  deviceHash: string,
) {
  const { clock, ids } = core.deps;
  const seed = ids.secret();
  const form = await drawForm(trx, blueprint, seed);
  const now = clock.now();
  const id = ids.uuid();
  const grants: number[] = [];
  await attemptsRepository.insertAttempt(trx, {
    id,
    session_id: sessionId,
    application_id: applicationId,
    form_seed: seed,
    form: JSON.stringify(form),
    started_at: now,
    deadline_at: deadlineOf({
      startedAt: now,
      durationMinutes: blueprint.durationMinutes,
      extraMinutes,
      grantsMinutes: grants,
    }),
    extra_minutes: extraMinutes,
    status: 'in_progress',
    device_hash: deviceHash,
    last_seen_at: now,
  });
  // The versions on this form are now delivered: frozen from here on.
  await attemptsRepository.markDelivered(trx, form, now);
  return id;
}

/**
 * In the sign-in's transaction: the participant's attempt in the session, made on a first sign-in,
 * moved to this device with an unused proctor approval, or refused (a second device without one).
 */
async function bindAttempt(
  core: CatCore,
  trx: Executor,
  p: { sessionId: string; applicationId: string; extraMinutes: number; deviceHash: string; accountId: string },
): Promise<{ attemptId: string; refused: boolean }> {
  const { sessionId, applicationId, extraMinutes, deviceHash, accountId } = p;
  const s = await core.catSession(trx, sessionId);
  const existing = await attemptsRepository.attemptForUpdate(trx, sessionId, applicationId);
  if (!existing) {
    const id = await createAttempt(
      core,
      trx,
      sessionId,
      applicationId,
      extraMinutes,
      s!.blueprint as Blueprint,
      deviceHash,
    );
    await core.deps.audit.record(trx, {
      actor: { id: accountId, role: 'applicant' },
      action: 'cat.attempt.start',
      subjectType: 'attempt',
      subjectId: id,
    });
    await core.notify(trx, sessionId);
    return { attemptId: id, refused: false };
  }
  if (existing.device_hash === deviceHash || existing.status === 'submitted')
    return { attemptId: existing.id, refused: false };
  const approval = await attemptsRepository.unusedDeviceApproval(trx, existing.id);
  if (!approval) return { attemptId: existing.id, refused: true };
  await attemptsRepository.moveDevice(trx, approval.id, existing.id, deviceHash, core.deps.clock.now());
  await core.deps.audit.record(trx, {
    actor: { id: accountId, role: 'applicant' },
    action: 'cat.device.change',
    subjectType: 'attempt',
    subjectId: existing.id,
  });
  await core.notify(trx, sessionId);
  return { attemptId: existing.id, refused: false };
}

/** Participant sign-in bound to the CAT core and the attempt cache. */
export function createCatLogin(core: CatCore, attempts: CatAttempts['internal']) {
  const { db, clock } = core.deps;

  return {
    /**
     * Participant sign-in: the session token first, then the password (identity's own login,
     * throttled), then the seat, then the device. A wrong token never reaches the password check,
     * so it is no password oracle (same answer and same work whatever the password); it is counted
     * per session and address, apart from the address's password budget, and past the limit only
     * wrong tokens are slowed — a participant with the current token and their password gets in.
     */
    async login(
      body: { participantNo: string; password: string; token: string },
      ip: string,
      deviceCookie: string | undefined,
    ) {
      const app = await attemptsRepository.applicationByParticipantNo(db, body.participantNo);
      const candidates = await attemptsRepository.openSessionsWithToken(db, hashToken(body.token));
      const scheduled = app ? await attemptsRepository.assignmentOf(db, app.id) : undefined;
      // The hall's addresses, so its proctor can see and lift a slowed one (and only theirs).
      const hall = scheduled?.session_id ?? candidates[0]?.session_id;
      if (hall) await attemptsRepository.noteSignInSource(db, hall, ip, clock.now());
      if (candidates.length === 0) {
        const { slowed } = await core.deps.identity.noteAddressFailure(`cat-token:${scheduled?.session_id ?? '-'}`, ip);
        // Unverified (the password was not checked): a typo to help with, logged until the address is slowed.
        if (scheduled && !slowed)
          await core.incident(
            scheduled.session_id,
            'wrong_token',
            `Token salah dimasukkan dengan nomor peserta ${body.participantNo}.`,
            { applicationId: app!.id },
          );
        throw wrongToken();
      }
      // An unknown number fails exactly like a wrong password (same hashing work, same message).
      const session = await core.deps.identity.login(
        app?.email ?? `tidak-ada.${body.participantNo}@peserta.invalid`,
        body.password,
        ip,
      );
      const account = {
        accountId: session.account.id,
        role: session.account.role as Actor['role'],
        organizationId: null,
      };
      const revoke = () => core.deps.identity.logout(session.token, account).catch(() => {});
      const assignment = scheduled;
      if (!assignment) {
        await revoke();
        throw forbidden('Anda tidak terjadwal di sesi ujian mana pun.', 'You are not scheduled in any exam session.');
      }
      if (!candidates.some((c) => c.session_id === assignment.session_id)) {
        await core.incident(
          candidates[0]!.session_id,
          'other_session',
          `Peserta ${body.participantNo} terjadwal di sesi lain mencoba masuk.`,
          { applicationId: app!.id },
        );
        await revoke();
        throw forbidden(
          'Anda tidak terjadwal di sesi ini. Lihat kartu ujian Anda untuk sesi dan lokasi yang benar.',
          'You are not scheduled in this session. See your exam card for the right session.',
        );
      }
      const device = deviceCookie && /^[A-Za-z0-9_-]{20,64}$/.test(deviceCookie) ? deviceCookie : newDeviceId();
      const deviceHash = hashDevice(device);
      const sessionId = assignment.session_id;
      const { attemptId, refused } = await db.transaction().execute((trx) =>
        bindAttempt(core, trx, {
          sessionId,
          applicationId: app!.id,
          extraMinutes: assignment.extra_minutes,
          deviceHash,
          accountId: account.accountId,
        }),
      );
      if (refused) {
        await core.incident(
          sessionId,
          'second_device',
          `Peserta ${body.participantNo} mencoba masuk dari perangkat kedua.`,
          { attemptId, applicationId: app!.id },
        );
        await revoke();
        throw conflict(
          'Ujian Anda sedang berjalan di perangkat lain. Minta pengawas menyetujui pergantian perangkat, lalu masuk lagi.',
          'Your exam is running on another device. Ask the proctor to approve the device change, then sign in again.',
        );
      }
      const a = await attemptsRepository.attemptWithGrace(db, attemptId);
      if (a.status === 'in_progress') attempts.remember(account.accountId, a);
      else attempts.forget(account.accountId);
      return { sessionToken: session.token, device, view: await attempts.attemptView(a) };
    },
  };
}
