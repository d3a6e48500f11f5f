/**
 * The proctor's console for a running session (RULES.md §2): the participants' live state, time
 * grants, sign-in lockouts, device approvals and the incident log. Every change is audited and told to the session's listeners (live.ts).
 */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { requireProctor } from './cat-sessions.service.ts';
import { actorOf, type CatCore, conflict, DISCONNECTED_AFTER_MS } from './cat-shared.ts';
import type { ParticipantState } from '../../../../common/contracts/exam.ts';
import { type Blueprint, DEFAULT_MAX_GRANT_MINUTES, deadlineOf, type FormItem, remainingMs } from './domain/index.ts';
import { proctorConsoleRepository as repo } from './proctor-console.repository.ts';

import { bindUseCases } from '../../platform/context.ts';

/** The participant's attempt in the session, locked; CONFLICT when they have not started. */
export async function attemptOf(_core: CatCore, ex: Executor, sessionId: string, applicationId: string) {
  const a = await repo.attemptOfForUpdate(ex, sessionId, applicationId);
  if (!a) throw conflict('Peserta ini belum memulai ujian.', 'This participant has not started.');
  return a;
}

/** The attempt's deadline from its start, the blueprint, its accommodation and the grants so far. */
async function recomputeDeadline(trx: Executor, attemptId: string) {
  const a = await repo.deadlineInputs(trx, attemptId);
  const grants = await repo.grantedMinutes(trx, attemptId);
  const deadline = deadlineOf({
    startedAt: new Date(a.started_at),
    durationMinutes: (a.content as Blueprint).durationMinutes,
    extraMinutes: a.extra_minutes,
    grantsMinutes: grants,
  });
  await repo.setDeadline(trx, attemptId, deadline);
  return deadline;
}

/** Every participant of the session with their live state (the console's table and its stream). */
export async function participants(core: CatCore, sessionId: string) {
  const { db, clock } = core.deps;
  const s = await core.catSession(db, sessionId);
  if (!s) throw notFound();
  const now = clock.now();
  const rows = await repo.sessionParticipants(db, sessionId);
  return {
    sessionId,
    open: s.closed_at === null,
    now: now.toISOString(),
    participants: rows.map((r) => {
      const state: ParticipantState = !r.attempt_id
        ? 'not_started'
        : r.status === 'submitted'
          ? 'submitted'
          : 'in_progress';
      const lastSeen = r.last_seen_at ? new Date(r.last_seen_at) : null;
      return {
        applicationId: r.application_id,
        participantNo: r.participant_no,
        fullName: r.full_name,
        seat: r.seat,
        extraMinutes: r.extra_minutes,
        attemptId: r.attempt_id,
        state,
        disconnected:
          state === 'in_progress' && lastSeen !== null && now.getTime() - lastSeen.getTime() > DISCONNECTED_AFTER_MS,
        answered: Number(r.answered ?? 0),
        itemCount: r.form ? (r.form as FormItem[]).length : 0,
        timeLeftMs: state === 'in_progress' && r.deadline_at ? remainingMs(now, new Date(r.deadline_at)) : 0,
        deadlineAt: r.deadline_at ? new Date(r.deadline_at).toISOString() : null,
        lastSeenAt: lastSeen?.toISOString() ?? null,
        submittedBy: r.submitted_by,
      };
    }),
  };
}

/** `participants` for a caller who must be the session's proctor (or the committee). */
export async function participantsFor(core: CatCore, actor: Actor, sessionId: string) {
  await requireProctor(core.deps.db, actor, sessionId);
  return participants(core, sessionId);
}

/**
 * A proctor's extra time for one attempt, with a reason. The total per attempt is capped by the
 * blueprint (`maxGrantMinutes`, else DEFAULT_MAX_GRANT_MINUTES); the attempt row is locked, so
 * parallel grants cannot pass the cap together.
 */
export async function grantTime(
  core: CatCore,
  actor: Actor,
  sessionId: string,
  body: { applicationId: string; minutes: number; reason: string },
) {
  return core.deps.db.transaction().execute(async (trx) => {
    const s = await core.catSession(trx, sessionId);
    if (!s) throw notFound();
    await requireProctor(trx, actor, sessionId);
    const a = await attemptOf(core, trx, sessionId, body.applicationId);
    if (a.status === 'submitted')
      throw conflict(
        'Ujian peserta ini sudah selesai; waktu tidak dapat ditambah.',
        'This attempt is already submitted.',
      );
    const cap = (s.blueprint as Blueprint).maxGrantMinutes ?? DEFAULT_MAX_GRANT_MINUTES;
    const given = (await repo.grantedMinutes(trx, a.id)).reduce((n, m) => n + m, 0);
    if (given + body.minutes > cap) {
      const left = Math.max(0, cap - given);
      throw new AppError(
        'CONFLICT',
        msg(
          `Tambahan waktu untuk satu peserta paling banyak ${cap} menit; sudah diberikan ${given} menit, sisa ${left} menit.`,
          `Extra time per participant is capped at ${cap} minutes; ${given} given, ${left} left.`,
        ),
        {
          fields: [
            { field: 'minutes', message: msg(`Paling banyak ${left} menit lagi.`, `At most ${left} more minutes.`) },
          ],
        },
      );
    }
    await repo.insertGrant(trx, {
      attempt_id: a.id,
      minutes: body.minutes,
      reason: body.reason,
      granted_by: actor.accountId,
      at: core.deps.clock.now(),
    });
    const deadline = await recomputeDeadline(trx, a.id);
    await core.deps.audit.record(trx, {
      actor: actorOf(actor),
      action: 'cat.time_grant',
      subjectType: 'attempt',
      subjectId: a.id,
      after: body,
    });
    await core.notify(trx, sessionId);
    return { attemptId: a.id, deadlineAt: deadline.toISOString() };
  });
}

/** A proctor lets a participant of the session sign in again at once: clears their sign-in lockouts (audited). */
export async function clearLockout(core: CatCore, actor: Actor, sessionId: string, applicationId: string) {
  if (!(await core.catSession(core.deps.db, sessionId))) throw notFound();
  await requireProctor(core.deps.db, actor, sessionId);
  const p = await repo.seatedApplicant(core.deps.db, sessionId, applicationId);
  if (!p) throw notFound();
  const cleared = await core.deps.identity.clearLoginLockouts(actor, p.applicant_id, `cat session ${sessionId}`);
  return { applicationId, cleared };
}

/**
 * The addresses that signed in, or tried to, to this session, with their sign-in failures:
 * a slowed address (a hall behind one NAT after many typos) is the proctor's to lift.
 */
export async function addressBlocks(core: CatCore, actor: Actor, sessionId: string) {
  if (!(await core.catSession(core.deps.db, sessionId))) throw notFound();
  await requireProctor(core.deps.db, actor, sessionId);
  const sources = await repo.signInSources(core.deps.db, sessionId);
  const blocks = new Map(
    (await core.deps.identity.addressBlocks(sources.map((r) => r.address))).map((b) => [b.address, b]),
  );
  return {
    addresses: sources.map(
      (r) =>
        blocks.get(r.address) ?? {
          address: r.address,
          failures: 0,
          scoped: 0,
          slowed: false,
          firstAt: new Date(r.first_at).toISOString(),
          lastAt: new Date(r.first_at).toISOString(),
        },
    ),
  };
}

/** A proctor lifts the slowdown of an address of their own session's hall (audited). */
export async function liftAddressBlock(core: CatCore, actor: Actor, sessionId: string, address: string) {
  if (!(await core.catSession(core.deps.db, sessionId))) throw notFound();
  await requireProctor(core.deps.db, actor, sessionId);
  if (!(await repo.signInSources(core.deps.db, sessionId)).some((r) => r.address === address)) throw notFound();
  const cleared = await core.deps.identity.liftAddressBlock(actor, address, `cat session ${sessionId}`);
  return { address, cleared };
}

/** A proctor approves one move of a participant to another device (used at the next sign-in; audited). */
export async function approveDevice(core: CatCore, actor: Actor, sessionId: string, applicationId: string) {
  return core.deps.db.transaction().execute(async (trx) => {
    if (!(await core.catSession(trx, sessionId))) throw notFound();
    await requireProctor(trx, actor, sessionId);
    const a = await attemptOf(core, trx, sessionId, applicationId);
    await repo.insertDeviceApproval(trx, {
      attempt_id: a.id,
      approved_by: actor.accountId,
      approved_at: core.deps.clock.now(),
    });
    await core.deps.audit.record(trx, {
      actor: actorOf(actor),
      action: 'cat.device.approve',
      subjectType: 'attempt',
      subjectId: a.id,
    });
    await core.notify(trx, sessionId);
    return { attemptId: a.id, approved: true as const };
  });
}

/** The session's incident log, as the repository orders it. */
export async function incidents(core: CatCore, actor: Actor, sessionId: string) {
  if (!(await core.catSession(core.deps.db, sessionId))) throw notFound();
  await requireProctor(core.deps.db, actor, sessionId);
  const rows = await repo.incidents(core.deps.db, sessionId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    detail: r.detail,
    at: new Date(r.at).toISOString(),
    attemptId: r.attempt_id,
    applicationId: r.application_id,
    participantNo: r.participant_no,
  }));
}

/** The proctor console's use-cases bound to the CAT core. */
export const createProctorConsole = (core: CatCore) =>
  bindUseCases(core, {
    participants,
    attemptOf,
    participantsFor,
    grantTime,
    clearLockout,
    addressBlocks,
    liftAddressBlock,
    approveDevice,
    incidents,
  });
