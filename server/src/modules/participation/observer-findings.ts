/** Observer findings (temuan): filing with evidence, the lists, the committee's answer and its redaction, the public list. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { FindingBody } from '../../../../common/contracts/participation.ts';
import { dayNumber } from '../../../../common/rules/calendar.ts';
import { redactPhrase } from '../../../../common/rules/mask-personal-data.ts';
import { AppError, notFound } from '../../errors.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import { dueAfter } from './domain/complaints.ts';
import {
  activeAccreditation,
  committeeScope,
  isCommittee,
  type ObserversContext,
  presentFinding,
  todayOf,
} from './observers.shared.ts';
import { publicText } from './participation.presenter.ts';
import { actorOf, notInText } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** An accredited observer files a finding; the committee's answer is due in working days. */
export async function fileFinding(
  ctx: ObserversContext,
  actor: Actor,
  periodId: string,
  body: z.infer<typeof FindingBody>,
) {
  const { db, clock, ids, audit } = ctx;
  let a;
  try {
    a = await activeAccreditation(ctx, actor, periodId);
  } catch (err) {
    await db.transaction().execute((trx) =>
      audit.record(trx, {
        actor: actorOf(actor),
        action: 'observer.finding.refused',
        subjectType: 'recruitment_period',
        subjectId: periodId,
      }),
    );
    throw err;
  }
  const id = ids.uuid();
  const filedOn = todayOf(ctx);
  const dueOn = dueAfter(filedOn, ctx.limits.findingAnswerDays, await loadHolidays(db));
  await db.transaction().execute(async (trx) => {
    await repo.insertFinding(trx, {
      id,
      accreditation_id: a.id,
      period_id: periodId,
      stage: body.stage,
      title: body.title,
      body: body.body,
      evidence_key: null,
      evidence_mime: null,
      evidence_sha256: null,
      status: 'open',
      filed_at: clock.now(),
      filed_on: filedOn,
      due_on: dueOn,
      answer: null,
      answered_by: null,
      answered_at: null,
      answered_on: null,
    });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'observer.finding.file',
      subjectType: 'observer_finding',
      subjectId: id,
      after: { periodId, stage: body.stage, dueOn },
    });
  });
  return { id, dueOn };
}

/** Evidence for an open finding of the observer's own (PDF or JPG, checked by its bytes). */
export async function addFindingEvidence(ctx: ObserversContext, actor: Actor, findingId: string, data: Buffer) {
  const { db, audit } = ctx;
  const [f] = await repo.findings(db, { id: findingId });
  const a = f ? await repo.accreditation(db, f.accreditation_id) : undefined;
  if (!f || !a || a.account_id !== actor.accountId) throw notFound();
  await activeAccreditation(ctx, actor, f.period_id);
  if (f.status !== 'open' || f.evidence_key)
    throw new AppError(
      'CONFLICT',
      msg(
        'Bukti hanya dapat dilampirkan sekali, sebelum temuan dijawab.',
        'Evidence can be attached once, before the finding is answered.',
      ),
    );
  const check = await checkUpload(
    data,
    { mime: ['application/pdf', 'image/jpeg'], maxBytes: ctx.limits.evidenceMaxBytes },
    { label: 'bukti temuan' },
  );
  if (!check.ok)
    throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, {
      fields: [{ field: 'file', message: check.message }],
    });
  const stored = await putRecorded(ctx.files, check.data, { contentType: check.mime }, async (stored) => {
    await db.transaction().execute(async (trx) => {
      await repo.answerFinding(trx, findingId, {
        evidence_key: stored.key,
        evidence_mime: check.mime,
        evidence_sha256: stored.sha256,
      });
      await audit.record(trx, {
        actor: actorOf(actor),
        action: 'observer.finding.evidence',
        subjectType: 'observer_finding',
        subjectId: findingId,
        after: { sha256: stored.sha256 },
      });
    });
    return stored;
  });
  return { sha256: stored.sha256 };
}

/** A finding's evidence file, for the committee or the observer who filed it. */
export async function findingEvidence(ctx: ObserversContext, actor: Actor, findingId: string) {
  const [f] = await repo.findings(ctx.db, { id: findingId });
  if (!f?.evidence_key) throw notFound();
  if (!isCommittee(actor)) {
    const a = await repo.accreditation(ctx.db, f.accreditation_id);
    if (a?.account_id !== actor.accountId) throw notFound();
  }
  return { data: await ctx.files.get(f.evidence_key), mime: f.evidence_mime ?? 'application/octet-stream' };
}

/** Observers see their own findings; the committee the findings of the periods they sit on. */
export async function listFindings(ctx: ObserversContext, actor: Actor, periodId?: string) {
  if (isCommittee(actor)) {
    return (await repo.findings(ctx.db, await committeeScope(ctx, actor, periodId))).map(presentFinding(ctx));
  }
  const rows = await repo.findings(ctx.db, periodId ? { periodId } : {});
  const mine = new Set((await repo.accreditations(ctx.db, { accountId: actor.accountId })).map((a) => a.id));
  return rows.filter((f) => mine.has(f.accreditation_id)).map(presentFinding(ctx));
}

/** The committee answers an open finding; the observer is told, and lateness goes into the audit log. */
export async function answerFinding(ctx: ObserversContext, actor: Actor, id: string, answer: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await repo.lockFinding(trx, id);
    if (!f) throw notFound();
    if (f.status !== 'open')
      throw new AppError('CONFLICT', msg('Temuan ini sudah dijawab.', 'This finding is already answered.'));
    const on = todayOf(ctx);
    await repo.answerFinding(trx, id, {
      status: 'answered',
      answer,
      answered_by: actor.accountId,
      answered_at: ctx.clock.now(),
      answered_on: on,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'observer.finding.answer',
      subjectType: 'observer_finding',
      subjectId: id,
      before: { status: 'open' },
      after: { status: 'answered', late: dayNumber(on) > dayNumber(f.due_on) },
    });
    const a = (await repo.accreditation(trx, f.accreditation_id))!;
    const email = (await ctx.identity.emailsOfAccounts([a.account_id], trx)).get(a.account_id);
    if (email)
      await ctx.notifier.notify(
        trx,
        { accountId: a.account_id, email, fullName: a.contact_person },
        { title: `Temuan dijawab: ${f.title}`, body: answer.slice(0, 300), path: '/pemantauan' },
      );
  });
}

/**
 * A committee member (or admin) takes a name out of a finding's public answer: every occurrence
 * becomes "[disamarkan]" on the public page and in open data; the original stays for staff and
 * the observer. Audited without the name (the audit log is public).
 */
export async function redactFindingAnswer(ctx: ObserversContext, actor: Actor, id: string, phrase: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const f = await repo.lockFinding(trx, id);
    if (!f) throw notFound();
    if (f.answer === null)
      throw new AppError(
        'CONFLICT',
        msg(
          'Temuan ini belum dijawab: samarkan nama setelah jawabannya tersimpan.',
          'This finding has no answer yet: redact names once the answer is saved.',
        ),
      );
    const r = redactPhrase(publicText(f.answer, f.answer_public), phrase);
    if (r.count === 0) throw notInText();
    await repo.answerFinding(trx, id, { answer_public: r.text });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'observer.finding.redact',
      subjectType: 'observer_finding',
      subjectId: id,
      after: { replaced: r.count },
    });
    return { publicText: r.text, count: r.count };
  });
}

/** Findings the public sees: answered ones, and open ones past their due day (flagged late); the answer in its public version. */
export const publicFindings = async (ctx: ObserversContext, periodId?: string) =>
  (await repo.findings(ctx.db, { ...(periodId ? { periodId } : {}), publicOn: todayOf(ctx) }))
    .map(presentFinding(ctx))
    .map(({ hasEvidence: _e, publicAnswer, ...f }) => ({ ...f, answer: publicAnswer }));
