/** Training certificates: who still waits for one, issuing them in bulk (all or none), revoking, the PDF, the public QR check, an employee's own. */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate, formatWitaDate } from '../../../../common/rules/wita.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { renderTrainingCertificate } from './certificate.pdf.ts';
import { completionRepository as repo } from './completion.repository.ts';
import { type CompletionContext, progress, verifyUrl } from './completion.shared.ts';
import { developmentRepository as people, trainingRepository as training } from './development.repository.ts';
import { actorOf, conflict, invalid, tell } from './development.shared.ts';
import { scopeOf } from './development.policy.ts';
import { batchNotOverProblems, certificateNumber, completionYear } from './domain/completion.ts';
import { enrollmentMachine } from './domain/training.ts';

const revokedOf = (c: { revoked_at: Date | string | null; revoke_reason: string | null }) =>
  c.revoked_at ? { at: new Date(c.revoked_at).toISOString(), reason: c.revoke_reason! } : null;

/**
 * Participants waiting for a certificate: in a batch that is over (last meeting held or end
 * date reached, the rule `issueCertificates` applies), not cancelled, with no certificate yet,
 * and completed or meeting every requirement. `batchId` is set when they are all in one batch.
 */
export async function certificatesToIssue(ctx: CompletionContext): Promise<{ count: number; batchId: string | null }> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const over = [];
  for (const b of await training.batches(db)) {
    if (b.status === 'cancelled' || b.starts_on > localDate(now)) continue;
    const meetings = (await repo.meetings(db, b.id)).map((m) => ({
      seq: m.seq,
      title: m.title,
      endsAt: new Date(m.ends_at),
    }));
    if (batchNotOverProblems({ endsOn: b.ends_on, meetings }, now).length === 0) over.push(b.id);
  }
  const waiting = await Promise.all(
    over.map(async (batchId) => {
      const [p, certs, list] = await Promise.all([
        progress(db, batchId),
        repo.certificatesOfBatch(db, batchId),
        training.enrollments(db, batchId),
      ]);
      const certified = new Set(certs.map((c) => c.enrollment_id));
      const n = list.filter(
        (e) =>
          !certified.has(e.id) &&
          (e.status === 'completed' || (e.status === 'enrolled' && p.byEnrollment.get(e.id)?.problems.length === 0)),
      ).length;
      return { batchId, n };
    }),
  );
  const open = waiting.filter((w) => w.n > 0);
  return { count: open.reduce((a, w) => a + w.n, 0), batchId: open.length === 1 ? open[0]!.batchId : null };
}

/**
 * Who of the listed enrolments gets a certificate now, in the issuing transaction: an enrolled one
 * who meets the rule is completed (the step), anyone else who has not completed refuses the whole
 * issue; a revoked certificate is never reissued; the JP is posted once per completion.
 */
type LockedBatch = NonNullable<Awaited<ReturnType<typeof training.lockBatch>>>;
async function completeForIssue(
  ctx: CompletionContext,
  trx: Kysely<DB>,
  actor: Actor,
  batch: LockedBatch,
  enrollmentIds: string[],
  now: Date,
  year: number,
) {
  const batchId = batch.id;
  const b = (await training.batches(trx)).find((x) => x.id === batchId)!;
  const p = await progress(trx, batchId);
  const existing = new Map((await repo.certificatesOfBatch(trx, batchId)).map((c) => [c.enrollment_id, c]));
  const list = new Map((await training.enrollments(trx, batchId)).map((e) => [e.id, e]));
  const notOver = batchNotOverProblems(
    {
      endsOn: b.ends_on,
      meetings: (await repo.meetings(trx, batchId)).map((m) => ({
        seq: m.seq,
        title: m.title,
        endsAt: new Date(m.ends_at),
      })),
    },
    now,
  );
  const toIssue: { id: string; employeeId: string; fullName: string }[] = [];
  let already = 0;
  for (const id of new Set(enrollmentIds)) {
    const e = list.get(id);
    const state = p.byEnrollment.get(id);
    if (!e || !state)
      throw invalid(
        'enrollmentIds',
        'Ada yang bukan peserta angkatan ini.',
        'Someone listed is not a participant of this batch.',
      );
    const cert = existing.get(id);
    if (cert?.revoked_at)
      throw conflict(
        `Sertifikat ${e.full_name} (${cert.number}) sudah dicabut dan tidak diterbitkan ulang.`,
        `${e.full_name}'s certificate (${cert.number}) was revoked and is not reissued.`,
      );
    if (cert) {
      already++;
      continue;
    }
    if (e.status === 'enrolled') {
      const missing = [...notOver, ...state.problems];
      if (missing.length > 0) {
        const why = missing.map((x) => x.id).join(' ');
        throw new AppError(
          'VALIDATION_FAILED',
          msg(
            `${e.full_name} belum memenuhi syarat selesai, sertifikat tidak diterbitkan: ${why}`,
            `${e.full_name} has not completed, no certificate issued: ${missing.map((x) => x.en).join(' ')}`,
          ),
          { fields: [{ field: 'enrollmentIds', message: missing[0]! }] },
        );
      }
      await ctx.steps(trx, {
        machine: enrollmentMachine,
        subject: { type: 'enrollment', id, status: 'enrolled' },
        event: 'complete',
        actor: actorOf(actor),
        apply: (s) => training.setEnrollmentStatus(trx, id, s, now),
        audit: { action: 'training.complete', after: { via: 'certificate' } },
      });
    } else if (e.status !== 'completed') {
      throw conflict(
        `${e.full_name} tidak menyelesaikan pelatihan ini (status: ${e.status === 'not_completed' ? 'tidak selesai' : e.status === 'waitlisted' ? 'daftar tunggu' : 'batal'}); sertifikat tidak diterbitkan.`,
        `${e.full_name} did not complete this training; no certificate issued.`,
      );
    }
    // Completion posts the programme's JP once (a participant finished earlier already has it).
    await training.postJp(trx, {
      id: ctx.ids.uuid(),
      employee_id: e.employee_id,
      year,
      jp: batch.jp,
      source: 'training',
      enrollment_id: id,
      title: `${batch.title} (${batch.name})`,
      recorded_at: now,
    });
    toIssue.push({ id, employeeId: e.employee_id, fullName: e.full_name });
  }
  return { b, toIssue, already };
}

/**
 * Issues certificates for a batch, all or none: each listed participant must have completed
 * (an enrolled participant who meets the programme's rule is completed now, posting the JP once);
 * anyone who has not is refused with what they miss. Already certified ones are skipped.
 */
export async function issueCertificates(
  ctx: CompletionContext,
  actor: Actor,
  batchId: string,
  enrollmentIds: string[],
) {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await training.lockBatch(trx, batchId);
    if (!batch) throw notFound();
    const now = ctx.clock.now();
    // JP and the certificate number count for the year it is issued (Palu), not the batch's end.
    const year = completionYear(now);
    const rule = await repo.completionRule(trx, batchId);
    const { b, toIssue, already } = await completeForIssue(ctx, trx, actor, batch, enrollmentIds, now, year);
    const first = toIssue.length > 0 ? await repo.reserveNumbers(trx, rule.program_id, year, toIssue.length) : 0;
    const issued: { id: string; enrollmentId: string; number: string; fullName: string }[] = [];
    for (const [i, t] of toIssue.entries()) {
      const certId = ctx.ids.uuid();
      const number = certificateNumber(rule.code, year, first + i);
      await repo.insertCertificate(trx, {
        id: certId,
        enrollment_id: t.id,
        number,
        full_name: t.fullName,
        program_title: batch.title,
        batch_name: batch.name,
        partner_name: rule.partner_name,
        jp: batch.jp,
        starts_on: b.starts_on,
        ends_on: b.ends_on,
        issued_at: now,
        issued_by: actor.accountId,
      });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'training.certificate.issue',
        subjectType: 'training_certificate',
        subjectId: certId,
        after: { enrollmentId: t.id, number },
      });
      const who = (await training.employeeForEnrollment(trx, t.employeeId))!;
      await tell(
        ctx,
        trx,
        who.account_id,
        who.full_name,
        `Sertifikat terbit: ${batch.title}`,
        `Sertifikat ${number} untuk ${batch.title} (${batch.name}) dapat diunduh di Pelatihan saya.`,
      );
      issued.push({ id: certId, enrollmentId: t.id, number, fullName: t.fullName });
    }
    return { issued, already };
  });
}

/** Revokes a certificate with a reason shown on its public page; once. */
export async function revokeCertificate(ctx: CompletionContext, actor: Actor, id: string, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockCertificate(trx, id);
    if (!c) throw notFound();
    if (c.revoked_at)
      throw conflict(`Sertifikat ${c.number} sudah dicabut.`, `Certificate ${c.number} is already revoked.`);
    const now = ctx.clock.now();
    await repo.revokeCertificate(trx, id, { revoked_at: now, revoked_by: actor.accountId, revoke_reason: reason });
    // The certificate proved the completion: without it the participant has not completed, and
    // the JP it posted no longer counts towards the 20 JP (RULES §3.3).
    await ctx.steps(trx, {
      machine: enrollmentMachine,
      subject: { type: 'enrollment', id: c.enrollment_id, status: 'completed' },
      event: 'revoke',
      actor: actorOf(actor),
      apply: (s) => training.setEnrollmentStatus(trx, c.enrollment_id, s, now),
      audit: { action: 'training.completion.revoke', after: { certificate: c.number } },
    });
    const withdrawn = await training.withdrawJp(trx, c.enrollment_id);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.certificate.revoke',
      subjectType: 'training_certificate',
      subjectId: id,
      before: { revoked: false, jp: withdrawn?.jp ?? 0 },
      after: { revoked: true, reason, jpWithdrawn: withdrawn?.jp ?? 0, year: withdrawn?.year ?? null },
    });
    const holder = await repo.certificate(trx, id);
    if (holder?.account_id)
      await tell(
        ctx,
        trx,
        holder.account_id,
        holder.full_name,
        `Sertifikat dicabut: ${holder.program_title}`,
        `Sertifikat ${c.number} dicabut dengan alasan: ${reason}. JP pelatihan ini tidak lagi dihitung. Hubungi BKPSDM bila ada yang keliru.`,
      );
  });
}

/** The certificate PDF, for its holder and BKPSDM. */
export async function certificatePdf(ctx: CompletionContext, actor: Actor, id: string) {
  const c = await repo.certificate(ctx.db, id);
  if (!c || (scopeOf(actor) !== 'all' && c.account_id !== actor.accountId)) throw notFound();
  if (c.revoked_at)
    throw conflict(
      `Sertifikat ${c.number} sudah dicabut: ${c.revoke_reason}`,
      `Certificate ${c.number} was revoked: ${c.revoke_reason}`,
    );
  return {
    number: c.number,
    pdf: await renderTrainingCertificate(
      {
        number: c.number,
        fullName: c.full_name,
        nip: c.nip,
        programTitle: c.program_title,
        batchName: c.batch_name,
        partnerName: c.partner_name,
        jp: c.jp,
        datesText: `${formatCalendarDate(c.starts_on)} – ${formatCalendarDate(c.ends_on)}`,
        issuedText: formatWitaDate(new Date(c.issued_at)),
        verifyUrl: verifyUrl(ctx, c.id),
      },
      { now: new Date(c.issued_at) },
    ),
  };
}

/** The public QR check: what the paper says, and whether it was revoked — no NIP, no birth date. */
export async function verifyCertificate(ctx: CompletionContext, id: string, signature: string) {
  if (!ctx.certificateLinks.verify(id, signature)) throw notFound();
  const c = await repo.certificate(ctx.db, id);
  if (!c) throw notFound();
  return {
    number: c.number,
    fullName: c.full_name,
    programTitle: c.program_title,
    batchName: c.batch_name,
    partnerName: c.partner_name,
    jp: c.jp,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    issuedAt: new Date(c.issued_at).toISOString(),
    revoked: revokedOf(c),
  };
}

/** Certificates of a batch (staff). */
export async function batchCertificates(ctx: CompletionContext, batchId: string) {
  return (await repo.certificatesOfBatch(ctx.db, batchId)).map((c) => ({
    id: c.id,
    enrollmentId: c.enrollment_id,
    number: c.number,
    fullName: c.full_name,
    issuedAt: new Date(c.issued_at).toISOString(),
    revoked: revokedOf(c),
    verifyUrl: verifyUrl(ctx, c.id),
  }));
}

/** The signed-in employee's certificates and which enrolments still await their feedback. */
export async function myCertificates(ctx: CompletionContext, accountId: string) {
  const { db } = ctx;
  const own = await people.employeeOfAccount(db, accountId);
  if (!own) return { certificates: [], feedbackGiven: new Set<string>(), attended: new Set<string>() };
  const certs = await repo.certificatesOfEmployee(db, own.id);
  const enrollments = await training.enrollmentsOfEmployee(db, own.id);
  return {
    certificates: certs.map((c) => ({
      id: c.id,
      enrollmentId: c.enrollment_id,
      number: c.number,
      issuedAt: new Date(c.issued_at).toISOString(),
      revoked: revokedOf(c),
      verifyUrl: verifyUrl(ctx, c.id),
    })),
    feedbackGiven: await repo.feedbackGiven(
      db,
      enrollments.map((e) => e.id),
    ),
    attended: await repo.attendedOf(
      db,
      enrollments.map((e) => e.id),
    ),
  };
}
