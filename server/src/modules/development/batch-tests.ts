/** The training admin's side of a batch's tests: which blueprint and window per phase, and the engine's score landing on the enrolment. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { BatchTestBody, TestPhase } from '../../../../common/contracts/training-tests.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AssessmentResult } from '../exam/index.ts';
import type { Actor } from '../identity/index.ts';
import { SYSTEM_ACTOR } from '../transparency/index.ts';
import { actorOf, conflict } from './development.shared.ts';
import {
  iso,
  parseKey,
  phaseName,
  testsOf,
  TRAINING_KEY_PREFIX,
  type TrainingTestsContext,
} from './training-tests.shared.ts';
import { trainingTestsRepository as repo } from './training-tests.repository.ts';

/** The engine's hook: the attempt's percentage becomes the enrolment's score, in the scoring transaction. */
export async function onScored(
  ctx: TrainingTestsContext,
  trx: Executor,
  key: string,
  result: AssessmentResult,
  by: 'participant' | 'server',
) {
  const k = parseKey(key);
  if (!k) return;
  await repo.setScore(trx, k.enrollmentId, k.phase, result.percent, ctx.clock.now());
  await ctx.audit.record(trx, {
    actor: SYSTEM_ACTOR,
    action: 'training.test.score',
    subjectType: 'enrollment',
    subjectId: k.enrollmentId,
    after: { phase: k.phase, percent: result.percent, total: result.total, max: result.max, by },
  });
}

/** Training blueprints the admin may choose from. */
export async function testBlueprints(ctx: TrainingTestsContext) {
  return {
    blueprints: (await ctx.assessment.blueprints('PELATIHAN')).map((b) => ({
      id: b.id,
      name: b.name,
      durationMinutes: b.durationMinutes,
      itemCount: b.itemCount,
    })),
  };
}

/** A batch's tests on the engine. */
export async function batchTests(ctx: TrainingTestsContext, batchId: string) {
  if (!(await repo.batch(ctx.db, batchId))) throw notFound();
  return { tests: await testsOf(ctx, ctx.db, batchId) };
}

/**
 * Sets a phase's blueprint and window. The window may move at any time; the blueprint is
 * fixed once someone started, so every participant of a phase takes the same kisi-kisi.
 */
export async function setTest(
  ctx: TrainingTestsContext,
  actor: Actor,
  batchId: string,
  phase: TestPhase,
  body: z.infer<typeof BatchTestBody>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await repo.lockBatch(trx, batchId);
    if (!batch) throw notFound();
    if (batch.status === 'cancelled')
      throw conflict(
        'Angkatan ini dibatalkan; tesnya tidak dapat diatur.',
        'This batch was cancelled; its tests cannot be set.',
      );
    if (!(await ctx.assessment.isBlueprintOf(trx, body.blueprintId, 'PELATIHAN'))) {
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          'Pilih kisi-kisi tes pelatihan (jenis ujian PELATIHAN) yang ada di bank soal.',
          'Choose a training test blueprint (exam type PELATIHAN) from the item bank.',
        ),
        {
          fields: [
            {
              field: 'blueprintId',
              message: msg('Pilih kisi-kisi tes pelatihan.', 'Choose a training test blueprint.'),
            },
          ],
        },
      );
    }
    const before = await repo.test(trx, batchId, phase);
    const started = await ctx.assessment.countStarted(trx, `${TRAINING_KEY_PREFIX}${batchId}:${phase}:`);
    if (before && before.blueprint_id !== body.blueprintId && started > 0) {
      throw conflict(
        `${started} peserta sudah memulai ${phaseName(phase)} ini; kisi-kisinya tidak dapat diganti lagi (jadwalnya masih dapat diubah).`,
        `${started} participants already started this ${phaseName(phase)}; its blueprint can no longer change (its window still can).`,
      );
    }
    await repo.upsertTest(trx, {
      batch_id: batchId,
      phase,
      blueprint_id: body.blueprintId,
      opens_at: body.opensAt,
      closes_at: body.closesAt,
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.test.set',
      subjectType: 'training_batch',
      subjectId: batchId,
      before: before
        ? { phase, blueprintId: before.blueprint_id, opensAt: iso(before.opens_at), closesAt: iso(before.closes_at) }
        : null,
      after: { phase, ...body },
    });
    return (await testsOf(ctx, trx, batchId)).find((t) => t.phase === phase)!;
  });
}

/** Takes a phase off the engine (back to typed scores) while nobody has started it. */
export async function removeTest(ctx: TrainingTestsContext, actor: Actor, batchId: string, phase: TestPhase) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockBatch(trx, batchId))) throw notFound();
    const before = await repo.test(trx, batchId, phase);
    if (!before) throw notFound();
    const started = await ctx.assessment.countStarted(trx, `${TRAINING_KEY_PREFIX}${batchId}:${phase}:`);
    if (started > 0)
      throw conflict(
        `${started} peserta sudah memulai ${phaseName(phase)} ini; tes tidak dapat dihapus.`,
        `${started} participants already started this ${phaseName(phase)}; it cannot be removed.`,
      );
    await repo.deleteTest(trx, batchId, phase);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.test.remove',
      subjectType: 'training_batch',
      subjectId: batchId,
      before: { phase, blueprintId: before.blueprint_id },
      after: null,
    });
  });
  return { ok: true as const };
}
