/**
 * A batch's pre-test and post-test on the CAT engine (issue 12): the training admin picks a
 * training blueprint and a window per phase; a seated participant starts once inside the window,
 * answers and submits on the exam module's assessment engine; the percentage lands on the
 * enrolment's pre/post score in the scoring transaction (also when the server submits after the
 * deadline). A phase on the engine is never typed in by hand (completion.setScores refuses it).
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { BatchTestBody, TestPhase } from '../../../../common/contracts/training-tests.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AssessmentResult, AssessmentService } from '../exam/index.ts';
import type { Actor } from '../identity/index.ts';
import { type AuditActor, type AuditService, SYSTEM_ACTOR } from '../transparency/index.ts';
import { trainingTestsRepository as repo } from './training-tests.repository.ts';

export interface TrainingTestsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  assessment: AssessmentService;
}

/** Keys of training attempts: one per batch, phase and enrolment. */
export const TRAINING_KEY_PREFIX = 'training:';
const keyOf = (batchId: string, phase: TestPhase, enrollmentId: string) => `${TRAINING_KEY_PREFIX}${batchId}:${phase}:${enrollmentId}`;
function parseKey(key: string): { batchId: string; phase: TestPhase; enrollmentId: string } | null {
  const [ns, batchId, phase, enrollmentId] = key.split(':');
  if (`${ns}:` !== TRAINING_KEY_PREFIX || !batchId || !enrollmentId || (phase !== 'pre' && phase !== 'post')) return null;
  return { batchId, phase, enrollmentId };
}

const actorOf = (a: Actor): AuditActor => ({ id: a.accountId, role: a.role });
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const phaseName = (p: TestPhase) => (p === 'pre' ? 'pre-test' : 'post-test');
const resultOf = (r: AssessmentResult) => ({ total: r.total, max: r.max, percent: r.percent, answered: r.answered });
const iso = (d: Date | string) => new Date(d).toISOString();

export function createTrainingTestsService(deps: TrainingTestsDeps) {
  const { db, clock, audit, assessment } = deps;

  /** The engine's hook: the attempt's percentage becomes the enrolment's score, in the scoring transaction. */
  async function onScored(trx: Executor, key: string, result: AssessmentResult, by: 'participant' | 'server') {
    const k = parseKey(key);
    if (!k) return;
    await repo.setScore(trx, k.enrollmentId, k.phase, result.percent, clock.now());
    await audit.record(trx, { actor: SYSTEM_ACTOR, action: 'training.test.score', subjectType: 'enrollment', subjectId: k.enrollmentId, after: { phase: k.phase, percent: result.percent, total: result.total, max: result.max, by } });
  }
  assessment.onScored(TRAINING_KEY_PREFIX, onScored);

  async function testsOf(ex: Executor, batchId: string) {
    const rows = await repo.tests(ex, batchId);
    return Promise.all(rows.map(async (t) => ({ phase: t.phase, blueprint: { id: t.blueprint_id, name: t.blueprint_name }, opensAt: iso(t.opens_at), closesAt: iso(t.closes_at), started: await assessment.countStarted(ex, `${TRAINING_KEY_PREFIX}${batchId}:${t.phase}:`) })));
  }

  return {
    /** Training blueprints the admin may choose from. */
    blueprints: async () => ({ blueprints: (await assessment.blueprints('PELATIHAN')).map((b) => ({ id: b.id, name: b.name, durationMinutes: b.durationMinutes, itemCount: b.itemCount })) }),

    async tests(batchId: string) {
      if (!(await repo.batch(db, batchId))) throw notFound();
      return { tests: await testsOf(db, batchId) };
    },

    /**
     * Sets a phase's blueprint and window. The window may move at any time; the blueprint is
     * fixed once someone started, so every participant of a phase takes the same kisi-kisi.
     */
    async setTest(actor: Actor, batchId: string, phase: TestPhase, body: z.infer<typeof BatchTestBody>) {
      return db.transaction().execute(async (trx) => {
        const batch = await repo.lockBatch(trx, batchId);
        if (!batch) throw notFound();
        if (batch.status === 'cancelled') throw conflict('Angkatan ini dibatalkan; tesnya tidak dapat diatur.', 'This batch was cancelled; its tests cannot be set.');
        if (!(await assessment.isBlueprintOf(trx, body.blueprintId, 'PELATIHAN'))) {
          throw new AppError('VALIDATION_FAILED', msg('Pilih kisi-kisi tes pelatihan (jenis ujian PELATIHAN) yang ada di bank soal.', 'Choose a training test blueprint (exam type PELATIHAN) from the item bank.'), { fields: [{ field: 'blueprintId', message: msg('Pilih kisi-kisi tes pelatihan.', 'Choose a training test blueprint.') }] });
        }
        const before = await repo.test(trx, batchId, phase);
        const started = await assessment.countStarted(trx, `${TRAINING_KEY_PREFIX}${batchId}:${phase}:`);
        if (before && before.blueprint_id !== body.blueprintId && started > 0) {
          throw conflict(`${started} peserta sudah memulai ${phaseName(phase)} ini; kisi-kisinya tidak dapat diganti lagi (jadwalnya masih dapat diubah).`, `${started} participants already started this ${phaseName(phase)}; its blueprint can no longer change (its window still can).`);
        }
        await repo.upsertTest(trx, { batch_id: batchId, phase, blueprint_id: body.blueprintId, opens_at: body.opensAt, closes_at: body.closesAt, updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.test.set', subjectType: 'training_batch', subjectId: batchId, before: before ? { phase, blueprintId: before.blueprint_id, opensAt: iso(before.opens_at), closesAt: iso(before.closes_at) } : null, after: { phase, ...body } });
        return (await testsOf(trx, batchId)).find((t) => t.phase === phase)!;
      });
    },

    /** Takes a phase off the engine (back to typed scores) while nobody has started it. */
    async removeTest(actor: Actor, batchId: string, phase: TestPhase) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lockBatch(trx, batchId))) throw notFound();
        const before = await repo.test(trx, batchId, phase);
        if (!before) throw notFound();
        const started = await assessment.countStarted(trx, `${TRAINING_KEY_PREFIX}${batchId}:${phase}:`);
        if (started > 0) throw conflict(`${started} peserta sudah memulai ${phaseName(phase)} ini; tes tidak dapat dihapus.`, `${started} participants already started this ${phaseName(phase)}; it cannot be removed.`);
        await repo.deleteTest(trx, batchId, phase);
        await audit.record(trx, { actor: actorOf(actor), action: 'training.test.remove', subjectType: 'training_batch', subjectId: batchId, before: { phase, blueprintId: before.blueprint_id }, after: null });
      });
      return { ok: true as const };
    },

    /** The signed-in employee's tests: each phase of their batches, open or not, and their attempt. */
    async mine(actor: Actor) {
      const rows = await repo.testsOfAccount(db, actor.accountId);
      const attempts = await assessment.byKeys(rows.map((r) => keyOf(r.batch_id, r.phase, r.enrollment_id)));
      const now = clock.now().getTime();
      return {
        tests: rows.map((r) => {
          const a = attempts.get(keyOf(r.batch_id, r.phase, r.enrollment_id));
          const bp = r.blueprint as { durationMinutes: number; sections: { count: number }[] };
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
            durationMinutes: bp.durationMinutes,
            itemCount: bp.sections.reduce((n, s) => n + s.count, 0),
            attempt: a ? { id: a.id, status: a.status, deadlineAt: a.deadlineAt, result: a.result ? resultOf(a.result) : null } : null,
          };
        }),
      };
    },

    /**
     * Starts (or continues) the employee's test of a phase: only their own seated enrolment, inside
     * the window, once — a submitted test is not taken again.
     */
    async start(actor: Actor, enrollmentId: string, phase: TestPhase) {
      const e = await repo.enrollment(db, enrollmentId);
      if (!e || e.account_id !== actor.accountId) throw notFound();
      const t = await repo.test(db, e.batch_id, phase);
      if (!t) throw conflict(`${e.program_title} (${e.batch_name}) tidak punya ${phaseName(phase)} di Merit; nilainya diisi fasilitator.`, `${e.program_title} (${e.batch_name}) has no ${phaseName(phase)} in Merit; the facilitator enters its score.`);
      const key = keyOf(e.batch_id, phase, e.id);
      const existing = (await assessment.byKeys([key])).get(key);
      if (existing?.status === 'in_progress') return { attemptId: existing.id };
      if (existing) throw conflict(`Anda sudah mengerjakan ${phaseName(phase)} ini (nilai ${existing.result?.percent ?? '—'}); tes hanya dikerjakan sekali.`, `You already took this ${phaseName(phase)} (score ${existing.result?.percent ?? '—'}); a test is taken once.`);
      if (e.status !== 'enrolled') throw conflict('Tes hanya untuk peserta terdaftar yang belum selesai (bukan daftar tunggu, batal atau sudah selesai).', 'Tests are only for enrolled participants who have not finished (not waitlisted, cancelled or finished).');
      const now = clock.now();
      if (now < new Date(t.opens_at)) throw conflict(`${phaseName(phase)} ini baru dibuka ${formatWitaDateTime(t.opens_at)}.`, `This ${phaseName(phase)} opens ${formatWitaDateTime(t.opens_at, 'en')}.`);
      if (now > new Date(t.closes_at)) throw conflict(`${phaseName(phase)} ini sudah ditutup ${formatWitaDateTime(t.closes_at)}; hubungi fasilitator.`, `This ${phaseName(phase)} closed ${formatWitaDateTime(t.closes_at, 'en')}; contact the facilitator.`);
      const id = await db.transaction().execute(async (trx) => {
        const made = await assessment.start(trx, { key, accountId: actor.accountId, blueprintId: t.blueprint_id, actor: actorOf(actor) });
        if (!made) throw conflict(`Anda sudah memulai ${phaseName(phase)} ini; muat ulang halaman.`, `You already started this ${phaseName(phase)}; reload the page.`);
        await audit.record(trx, { actor: actorOf(actor), action: 'training.test.start', subjectType: 'enrollment', subjectId: e.id, after: { phase, attemptId: made } });
        return made;
      });
      return { attemptId: id };
    },

    async view(actor: Actor, attemptId: string) {
      const v = await assessment.view(actor.accountId, attemptId, TRAINING_KEY_PREFIX);
      const k = parseKey(v.key)!;
      const e = (await repo.enrollment(db, k.enrollmentId))!;
      const a = v.attempt;
      return {
        attempt: { id: a.id, status: a.status, startedAt: a.startedAt, deadlineAt: a.deadlineAt, submittedAt: a.submittedAt, now: a.now, remainingMs: a.remainingMs, graceSeconds: a.graceSeconds, result: a.result ? resultOf(a.result) : null },
        test: { phase: k.phase, programTitle: e.program_title, batchName: e.batch_name },
        items: v.items,
        answers: v.answers,
      };
    },

    answer: (actor: Actor, attemptId: string, body: { itemId: string; chosen: 'A' | 'B' | 'C' | 'D' | 'E' | null; seq: number }) => assessment.answer({ id: actor.accountId, role: actor.role }, attemptId, TRAINING_KEY_PREFIX, body),

    async submit(actor: Actor, attemptId: string) {
      const s = await assessment.submit({ id: actor.accountId, role: actor.role }, attemptId, TRAINING_KEY_PREFIX);
      return { status: s.status, submittedAt: s.submittedAt, result: s.result ? resultOf(s.result) : null };
    },
  };
}

export type TrainingTestsService = ReturnType<typeof createTrainingTestsService>;
