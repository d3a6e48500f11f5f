/**
 * Public consultation on recruitment criteria (forum konsultasi publik, PermenPANRB 16/2017,
 * RULES.md §5.3): the committee publishes a draft in sections (formation requirements, eligibility
 * rules, the year's rule set) for a comment window; signed-in (verified) accounts comment per
 * section inside the window; the committee hides a comment only with a reason, under published
 * moderation rules, and answers comments; the final version explains each change and shows a diff
 * against the draft. Commenters appear under a masked name.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ConsultationBody, ConsultationFinalBody } from '../../../../common/contracts/participation.ts';
import { maskName } from '../../../../common/rules/mask-name.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { consultationState, diffLines, inWindow } from './domain/diff.ts';
import { myParticipation } from './participation.reads.ts';
import { participationRepository as repo } from './participation.repository.ts';

const HOUR = 3_600_000;
/** Comments per account per hour: enough to comment every section, not enough to flood one. */
const COMMENTS_PER_HOUR = 30;
const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const isCommittee = (a: Actor | null) => a?.role === 'committee' || a?.role === 'admin';
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function createConsultationsService(deps: { db: Kysely<DB>; clock: Clock; ids: Ids; audit: AuditService }) {
  const { db, clock, ids, audit } = deps;

  const stateOf = (c: { status: string; opens_at: Date | null; closes_at: Date | null }) => consultationState(c, clock.now());

  async function view(id: string, actor: Actor | null) {
    const c = await repo.consultation(db, id);
    if (!c || (c.status === 'draft' && !isCommittee(actor))) throw notFound();
    const [sections, comments] = await Promise.all([repo.sections(db, id), repo.comments(db, id)]);
    const committee = isCommittee(actor);
    const state = stateOf(c);
    return {
      id: c.id, title: c.title, summary: c.summary, periodId: c.period_id, moderationRules: c.moderation_rules, state,
      opensAt: iso(c.opens_at), closesAt: iso(c.closes_at), finalNote: c.final_note, finalizedAt: iso(c.finalized_at), closedEarlyAt: iso(c.closed_early_at),
      canComment: state === 'open' && !!actor,
      sections: sections.map((s) => ({
        id: s.id, position: s.position, heading: s.heading, draft: s.draft_body, final: s.final_body, changeReason: s.change_reason,
        diff: s.final_body === null ? null : diffLines(s.draft_body, s.final_body),
        comments: comments.filter((x) => x.section_id === s.id).map((x) => ({
          id: x.id, author: maskName(x.author_name), mine: actor?.accountId === x.account_id, status: x.status,
          // A hidden comment's text stays with the committee; everyone sees that it was hidden and why.
          body: x.status === 'visible' || committee ? x.body : null, hiddenReason: x.hidden_reason,
          answer: x.answer, answeredAt: iso(x.answered_at), createdAt: new Date(x.created_at).toISOString(),
        })),
      })),
      statistics: {
        comments: comments.length,
        hidden: comments.filter((x) => x.status === 'hidden').length,
        answered: comments.filter((x) => x.answer !== null).length,
        commenters: new Set(comments.map((x) => x.account_id)).size,
        perSection: sections.map((s) => ({ sectionId: s.id, heading: s.heading, comments: comments.filter((x) => x.section_id === s.id).length })),
      },
    };
  }

  const sectionRows = (consultationId: string, sections: { heading: string; body: string }[]) => sections.map((s, i) => ({ id: ids.uuid(), consultation_id: consultationId, position: i + 1, heading: s.heading, draft_body: s.body, final_body: null, change_reason: null }));

  return {
    view,
    async list(actor: Actor | null) {
      return (await repo.consultations(db, isCommittee(actor))).map((c) => ({ id: c.id, title: c.title, summary: c.summary, state: stateOf(c), opensAt: iso(c.opens_at), closesAt: iso(c.closes_at) }));
    },

    async create(actor: Actor, body: z.infer<typeof ConsultationBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await repo.insertConsultation(trx, { id, title: body.title, summary: body.summary, period_id: body.periodId, moderation_rules: body.moderationRules, status: 'draft', opens_at: null, closes_at: null, final_note: null, created_by: actor.accountId, created_at: clock.now(), finalized_at: null });
        await repo.replaceSections(trx, id, sectionRows(id, body.sections));
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.create', subjectType: 'consultation', subjectId: id, after: { title: body.title, sections: body.sections.length } });
      });
      return { id };
    },

    async update(actor: Actor, id: string, body: z.infer<typeof ConsultationBody>) {
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockConsultation(trx, id);
        if (!c) throw notFound();
        if (c.status !== 'draft') throw new AppError('CONFLICT', msg('Rancangan yang sudah dibuka untuk konsultasi tidak dapat diubah; perubahan masuk ke versi final dengan alasannya.', 'A draft open for consultation cannot be edited; changes go into the final version with their reasons.'));
        await repo.updateConsultation(trx, id, { title: body.title, summary: body.summary, period_id: body.periodId, moderation_rules: body.moderationRules });
        await repo.replaceSections(trx, id, sectionRows(id, body.sections));
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.update', subjectType: 'consultation', subjectId: id, after: { title: body.title, sections: body.sections.length } });
      });
    },

    /** Publishes the draft with its comment window (the window may start later). */
    async open(actor: Actor, id: string, window: { opensAt: string; closesAt: string }) {
      const opensAt = new Date(window.opensAt);
      const closesAt = new Date(window.closesAt);
      if (closesAt.getTime() <= opensAt.getTime() || closesAt.getTime() <= clock.now().getTime()) throw new AppError('VALIDATION_FAILED', msg('Masa komentar harus berakhir sesudah dimulai dan sesudah saat ini.', 'The comment window must end after it starts and after now.'), { fields: [{ field: 'closesAt', message: msg('Periksa tanggal berakhir.', 'Check the end date.') }] });
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockConsultation(trx, id);
        if (!c) throw notFound();
        if (c.status !== 'draft') throw new AppError('CONFLICT', msg('Konsultasi ini sudah dibuka.', 'This consultation is already open.'));
        await repo.updateConsultation(trx, id, { status: 'open', opens_at: opensAt, closes_at: closesAt });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.open', subjectType: 'consultation', subjectId: id, before: { status: 'draft' }, after: { status: 'open', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() } });
      });
    },

    /**
     * Closes the comment window now, before its end (the committee has heard enough, or the draft
     * must change): `closes_at` moves to this moment, so comments stop and the final text can be
     * set at once. Only an open window can be closed; closing twice is refused.
     */
    async close(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockConsultation(trx, id);
        if (!c || (c.status === 'draft' && !isCommittee(actor))) throw notFound();
        const state = stateOf(c);
        if (state !== 'open') {
          const why = {
            draft: msg('Rancangan ini belum diterbitkan; terbitkan dulu dengan masa komentarnya.', 'This draft is not published yet; publish it with its comment window first.'),
            scheduled: msg('Masa komentar belum dimulai, jadi belum dapat ditutup. Tunggu sampai dibuka.', 'The comment window has not started yet, so it cannot be closed. Wait until it opens.'),
            closed: msg('Masa komentar konsultasi ini sudah ditutup. Lanjutkan dengan menetapkan teks final.', 'The comment window of this consultation is already closed. Go on with the final text.'),
            final: msg('Konsultasi ini sudah memiliki teks final.', 'This consultation already has its final text.'),
          }[state];
          throw new AppError('CONFLICT', why);
        }
        const now = clock.now();
        await repo.updateConsultation(trx, id, { closes_at: now, closed_early_at: now, closed_by: actor.accountId });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.close', subjectType: 'consultation', subjectId: id, before: { state: 'open', closesAt: iso(c.closes_at) }, after: { state: 'closed', closesAt: now.toISOString(), early: true } });
      });
    },

    /** What the caller takes part in: forum registrations and consultation comments (the citizen's page). */
    myParticipation: (actor: Actor) => myParticipation(db, actor.accountId, clock.now()),

    /** A signed-in account comments on one section while the window is open. */
    async comment(actor: Actor, sectionId: string, body: string) {
      const s = await repo.section(db, sectionId);
      const c = s ? await repo.consultation(db, s.consultation_id) : undefined;
      if (!s || !c || c.status === 'draft') throw notFound();
      const now = clock.now();
      if (c.status !== 'open' || !inWindow(now, c.opens_at, c.closes_at)) {
        await db.transaction().execute((trx) => audit.record(trx, { actor: actorOf(actor), action: 'consultation.comment.refused', subjectType: 'consultation', subjectId: c.id }));
        throw new AppError('CONFLICT', msg('Masa komentar konsultasi ini belum dibuka atau sudah ditutup.', 'The comment window of this consultation is not open.'));
      }
      if ((await repo.commentsByAccountSince(db, actor.accountId, new Date(now.getTime() - HOUR))) >= COMMENTS_PER_HOUR) throw new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak komentar dalam satu jam. Coba lagi nanti.', 'Too many comments in an hour. Try again later.'), { retryAfterSeconds: 3600 });
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await repo.insertComment(trx, { id, consultation_id: c.id, section_id: s.id, account_id: actor.accountId, body, status: 'visible', hidden_reason: null, moderated_by: null, moderated_at: null, answer: null, answered_by: null, answered_at: null, created_at: now });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.comment', subjectType: 'consultation', subjectId: c.id, after: { sectionId: s.id } });
      });
      return { id };
    },

    /** Hides a comment under the published rules; the reason is public. */
    async hide(actor: Actor, commentId: string, reason: string) {
      await db.transaction().execute(async (trx) => {
        const x = await repo.lockComment(trx, commentId);
        if (!x) throw notFound();
        if (x.status === 'hidden') throw new AppError('CONFLICT', msg('Komentar ini sudah disembunyikan.', 'This comment is already hidden.'));
        await repo.updateComment(trx, commentId, { status: 'hidden', hidden_reason: reason, moderated_by: actor.accountId, moderated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.comment.hide', subjectType: 'consultation_comment', subjectId: commentId, before: { status: 'visible' }, after: { status: 'hidden', reason } });
      });
    },

    async answer(actor: Actor, commentId: string, answer: string) {
      await db.transaction().execute(async (trx) => {
        const x = await repo.lockComment(trx, commentId);
        if (!x) throw notFound();
        await repo.updateComment(trx, commentId, { answer, answered_by: actor.accountId, answered_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.comment.answer', subjectType: 'consultation_comment', subjectId: commentId });
      });
    },

    /** After the window: the final text per section with the reason for each change. */
    async finalize(actor: Actor, id: string, body: z.infer<typeof ConsultationFinalBody>) {
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockConsultation(trx, id);
        if (!c) throw notFound();
        if (c.status !== 'open' || stateOf(c) !== 'closed') throw new AppError('CONFLICT', msg('Versi final dibuat setelah masa komentar ditutup.', 'The final version is made after the comment window closes.'));
        const sections = await repo.sections(trx, id);
        const given = new Map(body.sections.map((s) => [s.sectionId, s]));
        for (const s of sections) {
          const f = given.get(s.id);
          if (!f) throw new AppError('VALIDATION_FAILED', msg(`Isi teks final bagian "${s.heading}".`, `Give the final text of section "${s.heading}".`), { fields: [{ field: 'sections', message: msg('Setiap bagian perlu teks final.', 'Every section needs a final text.') }] });
          if (f.body !== s.draft_body && f.reason.trim().length < 5) throw new AppError('VALIDATION_FAILED', msg(`Jelaskan alasan perubahan bagian "${s.heading}".`, `Explain why section "${s.heading}" changed.`), { fields: [{ field: 'reason', message: msg('Alasan perubahan wajib diisi.', 'A reason is required.') }] });
          await repo.finalizeSection(trx, s.id, { final_body: f.body, change_reason: f.body === s.draft_body ? '' : f.reason });
        }
        await repo.updateConsultation(trx, id, { status: 'final', final_note: body.note, finalized_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'consultation.final', subjectType: 'consultation', subjectId: id, before: { status: 'open' }, after: { status: 'final', changed: sections.filter((s) => given.get(s.id)!.body !== s.draft_body).length } });
      });
    },
  };
}

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
