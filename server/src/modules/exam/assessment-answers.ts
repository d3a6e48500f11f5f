/** The participant's answers and submission of an assessment attempt, and the server's sweep of overdue ones. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import { SYSTEM_ACTOR } from '../transparency/index.ts';
import { assessmentRepository as repo } from './assessment.repository.ts';
import {
  type AssessmentContext,
  type AssessmentSummary,
  conflict,
  finalise,
  overdue,
  own,
  settle,
  summaryOf,
  timeUp,
} from './assessment.shared.ts';
import { acceptsAnswer, type FormItem, type OptionKey, remainingMs } from './domain/index.ts';

const submitted = () =>
  conflict(
    'Tes ini sudah dikumpulkan; jawaban tidak dapat diubah lagi.',
    'This test was already submitted; answers can no longer change.',
  );
const invalid = (field: string, id: string, en: string) =>
  new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });

/**
 * Saves one answer at once. Refused: after submission, after the deadline (+ grace; the attempt
 * is then submitted by the server), for an item not on the form, or when a newer answer (higher
 * seq) to the item is stored already.
 */
export async function answerAssessment(
  ctx: AssessmentContext,
  actor: { id: string; role: string | null },
  attemptId: string,
  prefix: string,
  body: { itemId: string; chosen: OptionKey | null; seq: number },
) {
  const a = await own(ctx, actor.id, attemptId, prefix);
  if (a.status === 'submitted') throw submitted();
  if (overdue(ctx, a, ctx.clock.now())) {
    await settle(ctx, a);
    throw timeUp();
  }
  return ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAttempt(trx, a.id))!;
    if (locked.status === 'submitted') throw submitted();
    const now = ctx.clock.now();
    if (!acceptsAnswer(now, new Date(locked.deadline_at), ctx.graceMs)) {
      throw timeUp();
    }
    const f = (locked.form as FormItem[]).find((x) => x.itemId === body.itemId);
    if (!f) throw invalid('itemId', 'Soal ini bukan bagian dari tes Anda.', 'This item is not part of your test.');
    if (body.chosen !== null && !f.optionOrder.includes(body.chosen))
      throw invalid(
        'chosen',
        `Soal ini tidak punya pilihan ${body.chosen}.`,
        `This item has no option ${body.chosen}.`,
      );
    const fresh = await repo.saveAnswer(trx, {
      attempt_id: a.id,
      item_id: body.itemId,
      chosen: body.chosen,
      seq: body.seq,
      saved_at: now,
    });
    if (!fresh)
      throw conflict(
        'Jawaban yang lebih baru untuk soal ini sudah tersimpan; muat ulang halaman untuk melihatnya.',
        'A newer answer to this item is already saved; reload the page to see it.',
      );
    await ctx.audit.record(trx, {
      actor,
      action: 'assessment.answer',
      subjectType: 'assessment_attempt',
      subjectId: a.id,
      after: { itemId: body.itemId, seq: body.seq, answered: body.chosen !== null },
    });
    return {
      itemId: body.itemId,
      chosen: body.chosen,
      seq: body.seq,
      savedAt: now.toISOString(),
      remainingMs: remainingMs(now, new Date(locked.deadline_at)),
    };
  });
}

/** The participant submits; a second submit answers the stored result. */
export async function submitAssessment(
  ctx: AssessmentContext,
  actor: { id: string; role: string | null },
  attemptId: string,
  prefix: string,
): Promise<AssessmentSummary> {
  const a = await settle(ctx, await own(ctx, actor.id, attemptId, prefix));
  if (a.status === 'submitted') return summaryOf(a);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockAttempt(trx, a.id))!;
    if (locked.status === 'in_progress') {
      const late = overdue(ctx, locked, ctx.clock.now());
      await finalise(ctx, trx, locked, late ? 'server' : 'participant', late ? SYSTEM_ACTOR : actor);
    }
    return summaryOf((await repo.attempt(trx, a.id))!);
  });
}

/** Submits every attempt whose deadline + grace has passed; returns how many. Safe on several instances. */
export async function sweepAssessments(ctx: AssessmentContext, limit = 200): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const due = await repo.lockDue(trx, new Date(ctx.clock.now().getTime() - ctx.graceMs), limit);
    for (const a of due) await finalise(ctx, trx, a, 'server', SYSTEM_ACTOR);
    return due.length;
  });
}
