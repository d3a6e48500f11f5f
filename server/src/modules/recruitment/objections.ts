/**
 * Sanggah (RULES.md §1.6): one objection per applicant against their announced TMS, within the
 * window and the period's limits (reason length, evidence size, answer deadline), the committee's
 * list and answer, and the evidence file read under audit.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { addDays, localDate, windowEndInstant } from '../../../../common/rules/calendar.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import { type RecruitmentRuleSet, applicationMachine, sanggahLimits } from './domain/index.ts';
import { actorOf, conflict, timelineEvent } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';
import { stageOpen, windowClosed } from './application-workflow.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'files' | 'queue'>;

type Limits = ReturnType<typeof sanggahLimits>;
type Evidence = { key: string; mime: string } | null;

/** The reason, trimmed, when its length is within the period's limits. */
function checkReason(reason: string, limits: Limits) {
  const { min, max } = limits.reasonChars;
  const trimmed = reason.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        `Tuliskan alasan sanggah ${min}–${max} karakter: dokumen mana yang menurut Anda keliru dinilai dan mengapa.`,
        `Write ${min}–${max} characters: which document you think was misjudged and why.`,
      ),
      {
        fields: [
          {
            field: 'reason',
            message: msg(`Alasan sanggah ${min}–${max} karakter.`, `Reason must be ${min}–${max} characters.`),
          },
        ],
      },
    );
  }
  return trimmed;
}

/** Checks the evidence file (type, size) and stores it; none when nothing was uploaded. */
async function storeEvidence(files: Ctx['files'], upload: Buffer | null, limits: Limits): Promise<Evidence> {
  if (!upload || upload.length === 0) return null;
  const check = await checkUpload(upload, {
    mime: ['application/pdf', 'image/jpeg'],
    maxBytes: limits.evidenceMaxBytes,
  });
  if (!check.ok)
    throw new AppError('VALIDATION_FAILED', check.message, {
      fields: [{ field: 'evidence', message: check.message }],
    });
  return { key: (await files.put(check.data, { contentType: check.mime })).key, mime: check.mime };
}

/** Records the objection on the locked file when it is the applicant's announced TMS and the window is open. */
async function recordObjection(
  ctx: Ctx,
  trx: Executor,
  actor: Actor,
  id: string,
  trimmed: string,
  evidence: Evidence,
  limits: Limits,
) {
  const { clock, ids } = ctx;
  const event = timelineEvent(ctx.clock);
  const a = await repo.lockApplication(trx, id);
  if (!a || a.applicant_id !== actor.accountId) throw notFound();
  if (a.published_result !== 'tms' || a.status !== 'tms')
    throw conflict(
      msg(
        'Sanggah hanya untuk hasil TMS Anda yang sudah diumumkan.',
        'An objection is only for your announced TMS result.',
      ),
    );
  if (await repo.objectionOf(trx, id))
    throw conflict(msg('Sanggah hanya dapat diajukan satu kali.', 'An objection can be filed only once.'));
  const period = (await repo.period(trx, a.period_id))!;
  const now = clock.now();
  if (!stageOpen(period.stages, 'objection', now))
    throw windowClosed(msg('Masa sanggah sudah berakhir atau belum dibuka.', 'The objection window is closed.'));
  const responseWindow = period.stages.objection_response;
  const deadline = responseWindow
    ? new Date(responseWindow.end)
    : windowEndInstant(addDays(localDate(now), limits.answerWorkingDays, 'working', await loadHolidays(trx)));
  const oid = ids.uuid();
  await repo.insertObjection(trx, {
    id: oid,
    application_id: id,
    filed_at: now,
    deadline_at: deadline,
    reason: trimmed,
    evidence_key: evidence?.key ?? null,
    evidence_mime: evidence?.mime ?? null,
    status: 'filed',
  });
  await ctx.steps(trx, {
    machine: applicationMachine,
    subject: { type: 'application', id, status: a.status },
    event: 'file_objection',
    actor: actorOf(actor),
    apply: (status) => repo.updateApplication(trx, id, { status, updated_at: now }),
    timeline: (status) =>
      event(
        trx,
        id,
        status,
        msg(
          `Sanggah diajukan. Panitia menjawab paling lambat ${formatWitaDateTime(deadline)}.`,
          `Objection filed. The committee answers by ${formatWitaDateTime(deadline)}.`,
        ),
      ),
    audit: { action: 'objection.file', after: { objectionId: oid, hasEvidence: evidence !== null } },
  });
  return { id: oid, deadlineAt: deadline.toISOString() };
}

/** One sanggah per applicant, only on their own published TMS, only within the window (RULES.md §1.6). */
export async function fileObjection(
  ctx: Ctx,
  actor: Actor,
  id: string,
  body: { reason: string; evidence: Buffer | null },
) {
  const { db, files, queue } = ctx;
  queue.invalidate(); // this instance's queue counts change with it
  const own = await repo.application(db, id);
  if (!own || own.applicant_id !== actor.accountId) throw notFound();
  // The period's rule set says how long a reason and how large the evidence may be.
  const limits = sanggahLimits((await repo.period(db, own.period_id))!.rule_set as RecruitmentRuleSet);
  const trimmed = checkReason(body.reason, limits);
  const evidence = await storeEvidence(files, body.evidence, limits);
  // A refused filing (second objection, closed window) removes the evidence it stored.
  try {
    return await db.transaction().execute((trx) => recordObjection(ctx, trx, actor, id, trimmed, evidence, limits));
  } catch (err) {
    if (evidence) await files.delete(evidence.key).catch(() => {});
    throw err;
  }
}

/** A period's sanggah with the applicant, the deadline and whether it is overdue. */
export async function objections(ctx: Ctx, periodId: string) {
  const { db, clock } = ctx;
  const rows = await repo.periodObjections(db, periodId);
  const now = clock.now().getTime();
  return rows.map((o) => ({
    id: o.id,
    applicationId: o.application_id,
    registrationNo: o.registration_no,
    fullName: o.full_name,
    status: o.status,
    reason: o.reason,
    hasEvidence: o.evidence_key !== null,
    filedAt: new Date(o.filed_at).toISOString(),
    deadlineAt: new Date(o.deadline_at).toISOString(),
    overdue: o.status === 'filed' && new Date(o.deadline_at).getTime() < now,
    response: o.response,
  }));
}

/** The committee's answer: accept → MS (published at re-announcement), reject → TMS final. */
export async function answerObjection(
  ctx: Ctx,
  actor: Actor,
  objectionId: string,
  body: { accept: boolean; response: string },
) {
  const { db, clock, queue } = ctx;
  const event = timelineEvent(ctx.clock);
  queue.invalidate(); // this instance's queue counts change with it
  await db.transaction().execute(async (trx) => {
    const o = await repo.lockObjection(trx, objectionId);
    if (!o) throw notFound();
    if (o.status !== 'filed') throw conflict(msg('Sanggah ini sudah dijawab.', 'This objection was already answered.'));
    const now = clock.now();
    await repo.updateObjection(trx, objectionId, {
      status: body.accept ? 'accepted' : 'rejected',
      response: body.response,
      responded_by: actor.accountId,
      responded_at: now,
    });
    const application = (await repo.lockApplication(trx, o.application_id))!;
    await ctx.steps(trx, {
      machine: applicationMachine,
      subject: { type: 'application', id: o.application_id, status: application.status },
      event: body.accept ? 'accept_objection' : 'reject_objection',
      actor: actorOf(actor),
      apply: (status) => repo.updateApplication(trx, o.application_id, { status, updated_at: now }),
      // The answer is a milestone of the timeline; the new status shows when it is announced.
      timeline: () =>
        event(
          trx,
          o.application_id,
          body.accept ? 'objection_accepted' : 'objection_rejected',
          body.accept
            ? msg(
                `Sanggah diterima: ${body.response}. Hasil MS diumumkan pada pengumuman pasca sanggah.`,
                `Objection accepted: ${body.response}. MS is announced in the post-objection announcement.`,
              )
            : msg(`Sanggah ditolak: ${body.response}`, `Objection rejected: ${body.response}`),
        ),
      audit: {
        action: body.accept ? 'objection.accept' : 'objection.reject',
        after: { objectionId, late: now > new Date(o.deadline_at) },
      },
    });
  });
}

/** The evidence file of a sanggah, read under audit. */
export async function readObjectionEvidence(ctx: Ctx, objectionId: string, actor: Actor) {
  const { db, audit, files } = ctx;
  const o = await repo.objectionEvidence(db, objectionId);
  if (!o?.evidence_key) throw notFound();
  await audit.record(db, {
    actor: actorOf(actor),
    action: 'objection.view_evidence',
    subjectType: 'objection',
    subjectId: objectionId,
  });
  return { data: await files.get(o.evidence_key), mime: o.evidence_mime ?? 'application/octet-stream' };
}
