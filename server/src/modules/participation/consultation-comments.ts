/** Comments on a consultation: a signed-in account comments inside the window; the committee hides (with a public reason) and answers. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { inWindow } from './domain/diff.ts';
import { myParticipation } from './participation.reads.ts';
import { actorOf, HOUR, type ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** Comments per account per hour: enough to comment every section, not enough to flood one. */
const COMMENTS_PER_HOUR = 30;

/** What the caller takes part in: forum registrations and consultation comments (the citizen's page). */
export const myParticipationOf = (ctx: ParticipationContext, actor: Actor) =>
  myParticipation(ctx.db, actor.accountId, ctx.clock.now());

/** A signed-in account comments on one section while the window is open. */
export async function commentOnSection(ctx: ParticipationContext, actor: Actor, sectionId: string, body: string) {
  const { db, audit } = ctx;
  const s = await repo.section(db, sectionId);
  const c = s ? await repo.consultation(db, s.consultation_id) : undefined;
  if (!s || !c || c.status === 'draft') throw notFound();
  const now = ctx.clock.now();
  if (c.status !== 'open' || !inWindow(now, c.opens_at, c.closes_at)) {
    await db.transaction().execute((trx) =>
      audit.record(trx, {
        actor: actorOf(actor),
        action: 'consultation.comment.refused',
        subjectType: 'consultation',
        subjectId: c.id,
      }),
    );
    throw new AppError(
      'CONFLICT',
      msg(
        'Masa komentar konsultasi ini belum dibuka atau sudah ditutup.',
        'The comment window of this consultation is not open.',
      ),
    );
  }
  if ((await repo.commentsByAccountSince(db, actor.accountId, new Date(now.getTime() - HOUR))) >= COMMENTS_PER_HOUR)
    throw new AppError(
      'TOO_MANY_REQUESTS',
      msg('Terlalu banyak komentar dalam satu jam. Coba lagi nanti.', 'Too many comments in an hour. Try again later.'),
      { retryAfterSeconds: 3600 },
    );
  const id = ctx.ids.uuid();
  await db.transaction().execute(async (trx) => {
    await repo.insertComment(trx, {
      id,
      consultation_id: c.id,
      section_id: s.id,
      account_id: actor.accountId,
      body,
      status: 'visible',
      hidden_reason: null,
      moderated_by: null,
      moderated_at: null,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: now,
    });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.comment',
      subjectType: 'consultation',
      subjectId: c.id,
      after: { sectionId: s.id },
    });
  });
  return { id };
}

/** Hides a comment under the published rules; the reason is public. */
export async function hideComment(ctx: ParticipationContext, actor: Actor, commentId: string, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const x = await repo.lockComment(trx, commentId);
    if (!x) throw notFound();
    if (x.status === 'hidden')
      throw new AppError('CONFLICT', msg('Komentar ini sudah disembunyikan.', 'This comment is already hidden.'));
    await repo.updateComment(trx, commentId, {
      status: 'hidden',
      hidden_reason: reason,
      moderated_by: actor.accountId,
      moderated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.comment.hide',
      subjectType: 'consultation_comment',
      subjectId: commentId,
      before: { status: 'visible' },
      after: { status: 'hidden', reason },
    });
  });
}

/** The committee answers a comment (a later answer replaces the earlier one). */
export async function answerComment(ctx: ParticipationContext, actor: Actor, commentId: string, answer: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const x = await repo.lockComment(trx, commentId);
    if (!x) throw notFound();
    await repo.updateComment(trx, commentId, { answer, answered_by: actor.accountId, answered_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.comment.answer',
      subjectType: 'consultation_comment',
      subjectId: commentId,
    });
  });
}
