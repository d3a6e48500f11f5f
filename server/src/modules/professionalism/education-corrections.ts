/**
 * Corrections an employee proposes to their education history (issue 26 §1): free text with a PDF
 * as evidence, optionally pointing to one of their records; BKPSDM works the queue and accepts or
 * rejects each with a note (audited). BKPSDM then fixes the record itself through the forms: a
 * proposal is words, not data, so accepting it changes nothing by itself.
 */
import type { z } from 'zod';
import type { CorrectionDecisionBody, CorrectionFields } from '../../../../common/contracts/records.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import { employeesByIds } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { presentCorrection } from './education.presenter.ts';
import { recordsRepository as repo } from './education.repository.ts';
import { actorOf, invalid, isBkpsdm, ownPerson, RECORD_PDF_RULE, type RecordsContext } from './education.shared.ts';

type CorrectionRow = Awaited<ReturnType<typeof repo.correctionsOf>>[number];

async function present(ctx: Pick<RecordsContext, 'db'>, rows: CorrectionRow[]) {
  const [people, records] = await Promise.all([
    employeesByIds(
      ctx.db,
      rows.map((r) => r.employee_id),
    ),
    repo.educationByIds(ctx.db, [
      ...new Set(rows.map((r) => r.education_record_id).filter((x): x is string => x !== null)),
    ]),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const record = new Map(records.map((r) => [r.id, r]));
  return rows.map((r) =>
    presentCorrection(
      r,
      person.get(r.employee_id),
      r.education_record_id ? record.get(r.education_record_id) : undefined,
    ),
  );
}

/** A person's proposals, newest first (shown with their records). */
export async function correctionsOfPerson(ctx: Pick<RecordsContext, 'db'>, employeeId: string) {
  return present(ctx, await repo.correctionsOf(ctx.db, employeeId));
}

/** The signed-in employee proposes a correction with a PDF as evidence; the record pointed to must be theirs. */
export async function proposeCorrection(
  ctx: RecordsContext,
  actor: Actor,
  fields: z.infer<typeof CorrectionFields>,
  file: Buffer | null,
  overBytes?: number,
) {
  const person = await ownPerson(ctx, actor);
  const recordId = fields.educationRecordId || null;
  if (recordId) {
    const row = await repo.educationFile(ctx.db, recordId);
    if (!row || row.employee_id !== person.id)
      throw invalid(
        'educationRecordId',
        msg('Pilih salah satu riwayat pendidikan Anda sendiri.', 'Choose one of your own education records.'),
      );
  }
  if (!file || (file.length === 0 && !overBytes))
    throw invalid(
      'file',
      msg(
        'Lampirkan bukti berupa PDF (mis. pindaian ijazah).',
        'Attach the evidence as a PDF (e.g. a scan of the diploma).',
      ),
    );
  const check = await checkUpload(file, RECORD_PDF_RULE, { label: 'bukti', ...(overBytes ? { size: overBytes } : {}) });
  if (!check.ok) throw invalid('file', check.message);
  const id = ctx.ids.uuid();
  await putRecorded(ctx.files, check.data, { contentType: check.mime }, (stored) =>
    ctx.db.transaction().execute(async (trx) => {
      await repo.insertCorrection(trx, {
        id,
        employee_id: person.id,
        education_record_id: recordId,
        proposal: fields.proposal,
        evidence_file_key: stored.key,
        status: 'submitted',
        submitted_at: ctx.clock.now(),
      });
      await ctx.audit.record(trx, {
        actor: { ...actorOf(actor), capacity: 'person' },
        action: 'education.correction.propose',
        subjectType: 'education_correction',
        subjectId: id,
        after: { employeeId: person.id, educationRecordId: recordId, size: check.size, sha256: stored.sha256 },
      });
    }),
  );
  return { id };
}

/** BKPSDM's queue of proposals in a status. */
export async function listCorrections(
  ctx: RecordsContext,
  actor: Actor,
  status: 'submitted' | 'accepted' | 'rejected',
) {
  if (!isBkpsdm(actor)) throw notFound();
  return { corrections: await present(ctx, await repo.corrections(ctx.db, status)) };
}

/** Accepts or rejects a waiting proposal with a note; a decided one cannot be decided again. */
export async function decideCorrection(
  ctx: RecordsContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof CorrectionDecisionBody>,
) {
  if (!isBkpsdm(actor)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.correction(trx, id);
    if (!row) throw notFound();
    if (row.status !== 'submitted')
      throw new AppError(
        'CONFLICT',
        msg('Usulan ini sudah diputuskan sebelumnya.', 'This proposal has already been decided.'),
      );
    await repo.decideCorrection(trx, id, {
      status: body.decision,
      decided_by: actor.accountId,
      decided_at: ctx.clock.now(),
      decision_note: body.note,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: body.decision === 'accepted' ? 'education.correction.accept' : 'education.correction.reject',
      subjectType: 'education_correction',
      subjectId: id,
      after: { decision: body.decision, note: body.note, employeeId: row.employee_id },
    });
  });
  return { ok: true as const };
}

/** A proposal's evidence, for BKPSDM or the person who proposed it; anyone else gets NOT_FOUND. */
export async function correctionEvidence(ctx: RecordsContext, actor: Actor, id: string) {
  const row = await repo.correction(ctx.db, id);
  if (!row) throw notFound();
  if (!isBkpsdm(actor) && (await ownPerson(ctx, actor).catch(() => null))?.id !== row.employee_id) throw notFound();
  return {
    data: await ctx.files.get(row.evidence_file_key),
    mime: 'application/pdf',
    name: `bukti-perbaikan-${id.slice(0, 8)}.pdf`,
  };
}
