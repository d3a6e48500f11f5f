/** The participant's side of a batch's tests: their tests, starting once inside the window, the attempt, answers and the submission. */
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { TestPhase } from '../../../../common/contracts/training-tests.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf, conflict } from './development.shared.ts';
import {
  iso,
  keyOf,
  parseKey,
  phaseName,
  resultOf,
  TRAINING_KEY_PREFIX,
  type TrainingTestsContext,
} from './training-tests.shared.ts';
import { trainingTestsRepository as repo } from './training-tests.repository.ts';

/** The signed-in employee's tests: each phase of their batches, open or not, and their attempt. */
export async function myTests(ctx: TrainingTestsContext, actor: Actor) {
  const rows = await repo.testsOfAccount(ctx.db, actor.accountId);
  const attempts = await ctx.assessment.byKeys(rows.map((r) => keyOf(r.batch_id, r.phase, r.enrollment_id)));
  const blueprints = await ctx.assessment.blueprintSummaries(
    ctx.db,
    rows.map((r) => r.blueprint_id),
  );
  const now = ctx.clock.now().getTime();
  return {
    tests: rows.map((r) => {
      const a = attempts.get(keyOf(r.batch_id, r.phase, r.enrollment_id));
      const bp = blueprints.get(r.blueprint_id);
      const inWindow = now >= new Date(r.opens_at).getTime() && now <= new Date(r.closes_at).getTime();
      return {
        enrollmentId: r.enrollment_id,
        batchId: r.batch_id,
        programTitle: r.program_title,
        batchName: r.batch_name,
        phase: r.phase,
        opensAt: iso(r.opens_at),
        closesAt: iso(r.closes_at),
        open: a ? a.status === 'in_progress' : r.status === 'enrolled' && inWindow,
        durationMinutes: bp?.durationMinutes ?? 0,
        itemCount: bp?.itemCount ?? 0,
        attempt: a
          ? { id: a.id, status: a.status, deadlineAt: a.deadlineAt, result: a.result ? resultOf(a.result) : null }
          : null,
      };
    }),
  };
}

/**
 * Starts (or continues) the employee's test of a phase: only their own seated enrolment, inside
 * the window, once — a submitted test is not taken again.
 */
export async function startTest(ctx: TrainingTestsContext, actor: Actor, enrollmentId: string, phase: TestPhase) {
  const e = await repo.enrollment(ctx.db, enrollmentId);
  if (!e || e.account_id !== actor.accountId) throw notFound();
  const t = await repo.test(ctx.db, e.batch_id, phase);
  if (!t)
    throw conflict(
      `${e.program_title} (${e.batch_name}) tidak punya ${phaseName(phase)} di Merit; nilainya diisi fasilitator.`,
      `${e.program_title} (${e.batch_name}) has no ${phaseName(phase)} in Merit; the facilitator enters its score.`,
    );
  const key = keyOf(e.batch_id, phase, e.id);
  const existing = (await ctx.assessment.byKeys([key])).get(key);
  if (existing?.status === 'in_progress') return { attemptId: existing.id };
  if (existing)
    throw conflict(
      `Anda sudah mengerjakan ${phaseName(phase)} ini (nilai ${existing.result?.percent ?? '—'}); tes hanya dikerjakan sekali.`,
      `You already took this ${phaseName(phase)} (score ${existing.result?.percent ?? '—'}); a test is taken once.`,
    );
  if (e.status !== 'enrolled')
    throw conflict(
      'Tes hanya untuk peserta terdaftar yang belum selesai (bukan daftar tunggu, batal atau sudah selesai).',
      'Tests are only for enrolled participants who have not finished (not waitlisted, cancelled or finished).',
    );
  const now = ctx.clock.now();
  if (now < new Date(t.opens_at))
    throw conflict(
      `${phaseName(phase)} ini baru dibuka ${formatWitaDateTime(t.opens_at)}.`,
      `This ${phaseName(phase)} opens ${formatWitaDateTime(t.opens_at, 'en')}.`,
    );
  if (now > new Date(t.closes_at))
    throw conflict(
      `${phaseName(phase)} ini sudah ditutup ${formatWitaDateTime(t.closes_at)}; hubungi fasilitator.`,
      `This ${phaseName(phase)} closed ${formatWitaDateTime(t.closes_at, 'en')}; contact the facilitator.`,
    );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const made = await ctx.assessment.start(trx, {
      key,
      accountId: actor.accountId,
      blueprintId: t.blueprint_id,
      actor: actorOf(actor),
    });
    if (!made)
      throw conflict(
        `Anda sudah memulai ${phaseName(phase)} ini; muat ulang halaman.`,
        `You already started this ${phaseName(phase)}; reload the page.`,
      );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.test.start',
      subjectType: 'enrollment',
      subjectId: e.id,
      after: { phase, attemptId: made },
    });
    return made;
  });
  return { attemptId: id };
}

/** The participant's attempt: items, saved answers, time left, and which test it is. */
export async function viewTest(ctx: TrainingTestsContext, actor: Actor, attemptId: string) {
  const v = await ctx.assessment.view(actor.accountId, attemptId, TRAINING_KEY_PREFIX);
  const k = parseKey(v.key)!;
  const e = (await repo.enrollment(ctx.db, k.enrollmentId))!;
  const a = v.attempt;
  return {
    attempt: {
      id: a.id,
      status: a.status,
      startedAt: a.startedAt,
      deadlineAt: a.deadlineAt,
      submittedAt: a.submittedAt,
      now: a.now,
      remainingMs: a.remainingMs,
      graceSeconds: a.graceSeconds,
      result: a.result ? resultOf(a.result) : null,
    },
    test: { phase: k.phase, programTitle: e.program_title, batchName: e.batch_name },
    items: v.items,
    answers: v.answers,
  };
}

/** Saves one answer on the engine (with its sequence number, so a late retry cannot overwrite a newer one). */
export function answerTest(
  ctx: TrainingTestsContext,
  actor: Actor,
  attemptId: string,
  body: { itemId: string; chosen: 'A' | 'B' | 'C' | 'D' | 'E' | null; seq: number },
) {
  return ctx.assessment.answer({ id: actor.accountId, role: actor.role }, attemptId, TRAINING_KEY_PREFIX, body);
}

/** Submits the attempt; the engine scores it and its hook sets the enrolment's score. */
export async function submitTest(ctx: TrainingTestsContext, actor: Actor, attemptId: string) {
  const s = await ctx.assessment.submit({ id: actor.accountId, role: actor.role }, attemptId, TRAINING_KEY_PREFIX);
  return { status: s.status, submittedAt: s.submittedAt, result: s.result ? resultOf(s.result) : null };
}
