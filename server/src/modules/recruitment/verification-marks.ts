/** A verifier's marks on a claimed file (per document, the file's verdict, or both in one pass) and the second person's review. */
import { msg } from '../../../../common/contracts/messages.ts';
import type { VerifyFileBody } from '../../../../common/contracts/recruitment.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { applicationMachine, tmsReasonLabel } from './domain/index.ts';
import { actorOf, conflict, submittedApplication } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'steps' | 'counts'>;
type Verdict = { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null };

/** The file, when it is open for this verifier's marks: claimed by them, no verdict yet. */
async function openOwnFile(trx: Executor, actor: Actor, id: string) {
  const a = await submittedApplication(trx, id, actor);
  if (a.status !== 'submitted' || a.proposed_verdict !== null)
    throw conflict(
      msg(
        'Berkas ini sudah diberi keputusan; minta peninjau mengembalikannya bila perlu diubah.',
        'This file already has a verdict; ask the reviewer to return it to change it.',
      ),
    );
  if (a.verifier_id !== actor.accountId)
    throw conflict(msg('Ambil berkas ini ke antrean Anda terlebih dahulu.', 'Claim this file into your queue first.'));
  return a;
}

/** Marks one document MS/TMS (TMS needs a standard reason); `field` names it in a one-pass error. */
async function markOne(
  ctx: Pick<RecruitmentContext, 'clock' | 'audit'>,
  trx: Executor,
  actor: Actor,
  id: string,
  kind: string,
  body: Verdict,
  field = 'reasonCode',
) {
  if (body.verdict === 'tms' && !tmsReasonLabel(body.reasonCode)) {
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Pilih alasan TMS dari daftar baku.', 'Choose a TMS reason from the standard list.'),
      { fields: [{ field, message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] },
    );
  }
  const doc = await repo.document(trx, id, kind);
  if (!doc) throw notFound();
  await repo.setDocumentVerdict(trx, id, kind, {
    verdict: body.verdict,
    reason_code: body.verdict === 'tms' ? body.reasonCode : null,
    reason_text: body.reasonText,
    verified_by: actor.accountId,
    verified_at: ctx.clock.now(),
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'document.verify',
    subjectType: 'application',
    subjectId: id,
    before: { kind, verdict: doc.verdict },
    after: { kind, verdict: body.verdict, reasonCode: body.reasonCode },
  });
}

/** Stores the file's proposed verdict once every document is marked. */
async function proposeOne(
  ctx: Pick<RecruitmentContext, 'clock' | 'audit'>,
  trx: Executor,
  actor: Actor,
  id: string,
  body: Verdict,
) {
  const docs = await repo.documents(trx, id);
  if (docs.some((d) => d.verdict === null))
    throw conflict(
      msg('Periksa semua dokumen (MS/TMS) sebelum memberi keputusan.', 'Mark every document MS/TMS first.'),
    );
  const anyTms = docs.some((d) => d.verdict === 'tms');
  if (body.verdict === 'ms' && anyTms)
    throw conflict(msg('Ada dokumen TMS: keputusan berkas harus TMS.', 'A document is TMS: the file must be TMS.'));
  if (body.verdict === 'tms' && !anyTms && !tmsReasonLabel(body.reasonCode)) {
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Keputusan TMS memerlukan alasan dari daftar baku.', 'A TMS verdict needs a reason from the standard list.'),
      { fields: [{ field: 'reasonCode', message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] },
    );
  }
  const reasons = body.reasonCode || body.reasonText ? [{ code: body.reasonCode, text: body.reasonText }] : [];
  await repo.updateApplication(trx, id, {
    proposed_verdict: body.verdict,
    proposed_reasons: JSON.stringify(reasons),
    proposed_at: ctx.clock.now(),
    updated_at: ctx.clock.now(),
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'verification.propose',
    subjectType: 'application',
    subjectId: id,
    after: { verdict: body.verdict, reasons },
  });
}

/** Marks one document of the verifier's own open file MS/TMS. */
export async function markDocument(ctx: Ctx, actor: Actor, id: string, kind: string, body: Verdict) {
  const { db } = ctx;
  await db.transaction().execute(async (trx) => {
    await openOwnFile(trx, actor, id);
    await markOne(ctx, trx, actor, id, kind, body);
  });
}

/** The verifier's verdict on the whole file: MS only when every document is MS; TMS needs a reason. */
export async function proposeVerdict(ctx: Ctx, actor: Actor, id: string, body: Verdict) {
  const { db, counts } = ctx;
  counts.invalidate(); // this instance's queue counts change with it
  await db.transaction().execute(async (trx) => {
    await openOwnFile(trx, actor, id);
    await proposeOne(ctx, trx, actor, id, body);
  });
}

/**
 * One pass over a file: every document's MS/TMS and the file's verdict in one transaction, so
 * a file is either fully judged or untouched. Each document must be named once.
 */
export async function verifyFile(ctx: Ctx, actor: Actor, id: string, body: VerifyFileBody) {
  const { db, counts } = ctx;
  counts.invalidate();
  const kinds = body.documents.map((d) => d.kind);
  if (new Set(kinds).size !== kinds.length)
    throw new AppError('VALIDATION_FAILED', msg('Setiap dokumen dinilai satu kali.', 'Judge each document once.'));
  await db.transaction().execute(async (trx) => {
    await openOwnFile(trx, actor, id);
    const docs = await repo.documents(trx, id);
    const missing = docs.filter((d) => !kinds.includes(d.kind));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          'Nilai semua dokumen (MS/TMS) sebelum menyimpan keputusan berkas.',
          'Judge every document (MS/TMS) before saving the file verdict.',
        ),
        {
          fields: missing.map((d) => ({ field: d.kind, message: msg('Pilih MS atau TMS.', 'Choose MS or TMS.') })),
        },
      );
    }
    for (const d of body.documents) await markOne(ctx, trx, actor, id, d.kind, d, d.kind);
    await proposeOne(ctx, trx, actor, id, body);
  });
}

/** A second verifier or the committee confirms (or returns) the verdict before it can be published. */
export async function review(ctx: Ctx, actor: Actor, id: string, body: { approve: boolean; note: string | null }) {
  const { db, clock, audit, counts } = ctx;
  counts.invalidate(); // this instance's queue counts change with it
  await db.transaction().execute(async (trx) => {
    const a = await submittedApplication(trx, id, actor);
    if (a.status !== 'submitted' || a.proposed_verdict === null)
      throw conflict(msg('Belum ada keputusan verifikator untuk ditinjau.', 'There is no verdict to review yet.'));
    if (a.verifier_id === actor.accountId)
      throw conflict(
        msg(
          'Peninjau harus orang lain, bukan verifikator berkas ini.',
          'The reviewer must be someone other than the file’s verifier.',
        ),
      );
    if (body.approve) {
      await ctx.steps(trx, {
        machine: applicationMachine,
        subject: { type: 'application', id, status: a.status },
        event: a.proposed_verdict === 'ms' ? 'verify_ms' : 'verify_tms',
        actor: actorOf(actor),
        apply: (status) =>
          repo.updateApplication(trx, id, {
            status,
            reviewed_by: actor.accountId,
            reviewed_at: clock.now(),
            updated_at: clock.now(),
          }),
        audit: { action: 'verification.approve', after: { verdict: a.proposed_verdict, note: body.note } },
      });
    } else {
      await repo.updateApplication(trx, id, {
        proposed_verdict: null,
        proposed_reasons: null,
        proposed_at: null,
        updated_at: clock.now(),
      });
      await audit.record(trx, {
        actor: actorOf(actor),
        action: 'verification.return',
        subjectType: 'application',
        subjectId: id,
        after: { verdict: a.proposed_verdict, note: body.note },
      });
    }
  });
}
