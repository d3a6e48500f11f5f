/** The committee's side of a consultation: the list and view, the draft, its window (opened, closed early) and the final version. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ConsultationBody, ConsultationFinalBody } from '../../../../common/contracts/participation.ts';
import { maskName } from '../../../../common/rules/mask-name.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { isCommittee, iso, stateOf } from './consultations.shared.ts';
import { diffLines } from './domain/diff.ts';
import { actorOf, type ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** One consultation: sections with their comments (masked names; a hidden one's text only for the committee), the final diff and statistics. */
export async function viewConsultation(ctx: ParticipationContext, id: string, actor: Actor | null) {
  const c = await repo.consultation(ctx.db, id);
  if (!c || (c.status === 'draft' && !isCommittee(actor))) throw notFound();
  const [sections, comments] = await Promise.all([repo.sections(ctx.db, id), repo.comments(ctx.db, id)]);
  const committee = isCommittee(actor);
  const state = stateOf(ctx, c);
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    periodId: c.period_id,
    moderationRules: c.moderation_rules,
    state,
    opensAt: iso(c.opens_at),
    closesAt: iso(c.closes_at),
    finalNote: c.final_note,
    finalizedAt: iso(c.finalized_at),
    closedEarlyAt: iso(c.closed_early_at),
    canComment: state === 'open' && !!actor,
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      heading: s.heading,
      draft: s.draft_body,
      final: s.final_body,
      changeReason: s.change_reason,
      diff: s.final_body === null ? null : diffLines(s.draft_body, s.final_body),
      comments: comments
        .filter((x) => x.section_id === s.id)
        .map((x) => ({
          id: x.id,
          author: maskName(x.author_name),
          mine: actor?.accountId === x.account_id,
          status: x.status,
          // A hidden comment's text stays with the committee; everyone sees that it was hidden and why.
          body: x.status === 'visible' || committee ? x.body : null,
          hiddenReason: x.hidden_reason,
          answer: x.answer,
          answeredAt: iso(x.answered_at),
          createdAt: new Date(x.created_at).toISOString(),
        })),
    })),
    statistics: {
      comments: comments.length,
      hidden: comments.filter((x) => x.status === 'hidden').length,
      answered: comments.filter((x) => x.answer !== null).length,
      commenters: new Set(comments.map((x) => x.account_id)).size,
      perSection: sections.map((s) => ({
        sectionId: s.id,
        heading: s.heading,
        comments: comments.filter((x) => x.section_id === s.id).length,
      })),
    },
  };
}

/** Consultations the caller may see (the committee also sees drafts), with their state now. */
export async function listConsultations(ctx: ParticipationContext, actor: Actor | null) {
  return (await repo.consultations(ctx.db, isCommittee(actor))).map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    state: stateOf(ctx, c),
    opensAt: iso(c.opens_at),
    closesAt: iso(c.closes_at),
  }));
}

const sectionRows = (
  ctx: ParticipationContext,
  consultationId: string,
  sections: { heading: string; body: string }[],
) =>
  sections.map((s, i) => ({
    id: ctx.ids.uuid(),
    consultation_id: consultationId,
    position: i + 1,
    heading: s.heading,
    draft_body: s.body,
    final_body: null,
    change_reason: null,
  }));

/** The committee writes a draft in sections. */
export async function createConsultation(
  ctx: ParticipationContext,
  actor: Actor,
  body: z.infer<typeof ConsultationBody>,
) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertConsultation(trx, {
      id,
      title: body.title,
      summary: body.summary,
      period_id: body.periodId,
      moderation_rules: body.moderationRules,
      status: 'draft',
      opens_at: null,
      closes_at: null,
      final_note: null,
      created_by: actor.accountId,
      created_at: ctx.clock.now(),
      finalized_at: null,
    });
    await repo.replaceSections(trx, id, sectionRows(ctx, id, body.sections));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.create',
      subjectType: 'consultation',
      subjectId: id,
      after: { title: body.title, sections: body.sections.length },
    });
  });
  return { id };
}

/** Edits a draft; once opened, changes go into the final version with their reasons instead. */
export async function updateConsultation(
  ctx: ParticipationContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ConsultationBody>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConsultation(trx, id);
    if (!c) throw notFound();
    if (c.status !== 'draft')
      throw new AppError(
        'CONFLICT',
        msg(
          'Rancangan yang sudah dibuka untuk konsultasi tidak dapat diubah; perubahan masuk ke versi final dengan alasannya.',
          'A draft open for consultation cannot be edited; changes go into the final version with their reasons.',
        ),
      );
    await repo.updateConsultation(trx, id, {
      title: body.title,
      summary: body.summary,
      period_id: body.periodId,
      moderation_rules: body.moderationRules,
    });
    await repo.replaceSections(trx, id, sectionRows(ctx, id, body.sections));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.update',
      subjectType: 'consultation',
      subjectId: id,
      after: { title: body.title, sections: body.sections.length },
    });
  });
}

/** Publishes the draft with its comment window (the window may start later). */
export async function openConsultation(
  ctx: ParticipationContext,
  actor: Actor,
  id: string,
  window: { opensAt: string; closesAt: string },
) {
  const opensAt = new Date(window.opensAt);
  const closesAt = new Date(window.closesAt);
  if (closesAt.getTime() <= opensAt.getTime() || closesAt.getTime() <= ctx.clock.now().getTime())
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        'Masa komentar harus berakhir sesudah dimulai dan sesudah saat ini.',
        'The comment window must end after it starts and after now.',
      ),
      { fields: [{ field: 'closesAt', message: msg('Periksa tanggal berakhir.', 'Check the end date.') }] },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConsultation(trx, id);
    if (!c) throw notFound();
    if (c.status !== 'draft')
      throw new AppError('CONFLICT', msg('Konsultasi ini sudah dibuka.', 'This consultation is already open.'));
    await repo.updateConsultation(trx, id, { status: 'open', opens_at: opensAt, closes_at: closesAt });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.open',
      subjectType: 'consultation',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'open', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    });
  });
}

/**
 * Closes the comment window now, before its end (the committee has heard enough, or the draft
 * must change): `closes_at` moves to this moment, so comments stop and the final text can be
 * set at once. Only an open window can be closed; closing twice is refused.
 */
export async function closeConsultation(ctx: ParticipationContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConsultation(trx, id);
    if (!c || (c.status === 'draft' && !isCommittee(actor))) throw notFound();
    const state = stateOf(ctx, c);
    if (state !== 'open') {
      const why = {
        draft: msg(
          'Rancangan ini belum diterbitkan; terbitkan dulu dengan masa komentarnya.',
          'This draft is not published yet; publish it with its comment window first.',
        ),
        scheduled: msg(
          'Masa komentar belum dimulai, jadi belum dapat ditutup. Tunggu sampai dibuka.',
          'The comment window has not started yet, so it cannot be closed. Wait until it opens.',
        ),
        closed: msg(
          'Masa komentar konsultasi ini sudah ditutup. Lanjutkan dengan menetapkan teks final.',
          'The comment window of this consultation is already closed. Go on with the final text.',
        ),
        final: msg('Konsultasi ini sudah memiliki teks final.', 'This consultation already has its final text.'),
      }[state];
      throw new AppError('CONFLICT', why);
    }
    const now = ctx.clock.now();
    await repo.updateConsultation(trx, id, { closes_at: now, closed_early_at: now, closed_by: actor.accountId });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.close',
      subjectType: 'consultation',
      subjectId: id,
      before: { state: 'open', closesAt: iso(c.closes_at) },
      after: { state: 'closed', closesAt: now.toISOString(), early: true },
    });
  });
}

/** After the window: the final text per section with the reason for each change. */
export async function finalizeConsultation(
  ctx: ParticipationContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ConsultationFinalBody>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConsultation(trx, id);
    if (!c) throw notFound();
    if (c.status !== 'open' || stateOf(ctx, c) !== 'closed')
      throw new AppError(
        'CONFLICT',
        msg(
          'Versi final dibuat setelah masa komentar ditutup.',
          'The final version is made after the comment window closes.',
        ),
      );
    const sections = await repo.sections(trx, id);
    const given = new Map(body.sections.map((s) => [s.sectionId, s]));
    for (const s of sections) {
      const f = given.get(s.id);
      if (!f)
        throw new AppError(
          'VALIDATION_FAILED',
          msg(`Isi teks final bagian "${s.heading}".`, `Give the final text of section "${s.heading}".`),
          {
            fields: [
              {
                field: 'sections',
                message: msg('Setiap bagian perlu teks final.', 'Every section needs a final text.'),
              },
            ],
          },
        );
      if (f.body !== s.draft_body && f.reason.trim().length < 5)
        throw new AppError(
          'VALIDATION_FAILED',
          msg(`Jelaskan alasan perubahan bagian "${s.heading}".`, `Explain why section "${s.heading}" changed.`),
          { fields: [{ field: 'reason', message: msg('Alasan perubahan wajib diisi.', 'A reason is required.') }] },
        );
      await repo.finalizeSection(trx, s.id, {
        final_body: f.body,
        change_reason: f.body === s.draft_body ? '' : f.reason,
      });
    }
    await repo.updateConsultation(trx, id, { status: 'final', final_note: body.note, finalized_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'consultation.final',
      subjectType: 'consultation',
      subjectId: id,
      before: { status: 'open' },
      after: { status: 'final', changed: sections.filter((s) => given.get(s.id)!.body !== s.draft_body).length },
    });
  });
}
