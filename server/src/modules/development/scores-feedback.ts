/** A participant's pre/post-test scores and assignment, and the attendees' feedback: once each, summarised per batch and per partner. */
import type { z } from 'zod';
import type { FeedbackBody, ScoresBody } from '../../../../common/contracts/development.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { completionRepository as repo } from './completion.repository.ts';
import type { CompletionContext } from './completion.shared.ts';
import { trainingRepository as training } from './development.repository.ts';
import { actorOf, conflict, SEATED } from './development.shared.ts';
import { feedbackSummary, testGain } from './domain/completion.ts';

/** Sets a seated participant's scores and assignment; a phase on the CAT engine keeps the engine's score. */
export async function setScores(
  ctx: CompletionContext,
  actor: Actor,
  enrollmentId: string,
  body: z.infer<typeof ScoresBody>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await training.enrollment(trx, enrollmentId);
    if (!e) throw notFound();
    if (!SEATED.has(e.status))
      throw conflict(
        'Nilai hanya untuk peserta terdaftar (bukan daftar tunggu atau yang batal).',
        'Scores are only for seated participants (not waitlisted or cancelled).',
      );
    // A phase on the CAT engine keeps the engine's score; the form sends it back unchanged.
    const engine = await repo.enginePhases(trx, e.batch_id);
    if (engine.has('pre') && body.preTest !== e.pre_test_score)
      throw conflict(
        'Pre-test angkatan ini dikerjakan di Merit (CAT); nilainya tidak diisi manual.',
        'This batch’s pre-test is taken in Merit (CAT); its score is not entered by hand.',
      );
    if (engine.has('post') && body.postTest !== e.post_test_score)
      throw conflict(
        'Post-test angkatan ini dikerjakan di Merit (CAT); nilainya tidak diisi manual.',
        'This batch’s post-test is taken in Merit (CAT); its score is not entered by hand.',
      );
    await repo.setScores(trx, e.id, {
      pre_test_score: body.preTest,
      post_test_score: body.postTest,
      assignment_done: body.assignmentDone,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.scores',
      subjectType: 'enrollment',
      subjectId: e.id,
      before: { preTest: e.pre_test_score, postTest: e.post_test_score, assignmentDone: e.assignment_done },
      after: body,
    });
  });
  return { gain: testGain(body.preTest, body.postTest) };
}

/** An attendee's feedback on their batch, once. */
export async function giveFeedback(
  ctx: CompletionContext,
  actor: Actor,
  enrollmentId: string,
  body: z.infer<typeof FeedbackBody>,
) {
  const e = await repo.enrollmentOfEmployee(ctx.db, enrollmentId);
  if (!e || e.account_id !== actor.accountId) throw notFound();
  if (!SEATED.has(e.status) || !(await repo.attendedAny(ctx.db, e.id)))
    throw conflict(
      'Umpan balik hanya dari peserta yang hadir di pelatihan ini.',
      'Feedback is only from participants who attended this training.',
    );
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await repo.insertFeedback(trx, {
      enrollment_id: e.id,
      facilitator: body.facilitator,
      material: body.material,
      venue: body.venue,
      usefulness: body.usefulness,
      comment: body.comment,
      submitted_at: ctx.clock.now(),
    });
    if (!fresh)
      throw conflict(
        'Anda sudah memberi umpan balik untuk pelatihan ini; umpan balik hanya sekali.',
        'You already gave feedback on this training; feedback is given once.',
      );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.feedback',
      subjectType: 'enrollment',
      subjectId: e.id,
      after: { facilitator: body.facilitator, material: body.material, venue: body.venue, usefulness: body.usefulness },
    });
  });
}

/** A batch's feedback: the mean and spread per aspect, and the comments (anonymous). */
export async function batchFeedback(ctx: CompletionContext, batchId: string) {
  if (!(await training.batches(ctx.db)).some((b) => b.id === batchId)) throw notFound();
  const rows = await repo.feedbackOfBatch(ctx.db, batchId);
  return {
    responses: rows.length,
    aspects: feedbackSummary(rows),
    comments: rows.map((r) => r.comment).filter((c) => c.trim().length > 0),
  };
}

/** Feedback per partner institution over all its batches: responses, batches and each aspect's mean. */
export async function feedbackByPartner(ctx: CompletionContext) {
  const rows = await repo.feedbackByPartner(ctx.db);
  const by = new Map<
    string,
    { partnerId: string | null; name: string | null; batches: Set<string>; rows: typeof rows }
  >();
  for (const r of rows) {
    const key = r.partner_id ?? '';
    const g = by.get(key) ?? { partnerId: r.partner_id, name: r.partner_name, batches: new Set<string>(), rows: [] };
    g.batches.add(r.batch_id);
    g.rows.push(r);
    by.set(key, g);
  }
  return {
    partners: [...by.values()]
      .map((g) => ({
        partner: g.partnerId ? { id: g.partnerId, name: g.name ?? g.partnerId } : null,
        batches: g.batches.size,
        responses: g.rows.length,
        aspects: feedbackSummary(g.rows),
      }))
      .sort((a, b) => (a.partner?.name ?? '').localeCompare(b.partner?.name ?? '')),
  };
}
