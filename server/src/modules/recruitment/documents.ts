/** Application documents: the applicant's upload checked against the period's rule set, and reading a stored file. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import { type DocumentKind, type RecruitmentRuleSet, canEdit } from './domain/index.ts';
import { actorOf, stageOpen, windowClosed } from './application-workflow.ts';
import { locked, ownApplication, type RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

/**
 * Stores one document after checking its real type and size against the period's rule set.
 * `overBytes`: the file was over the route's cap and not read; its declared size, for the rule's size message.
 */
export async function uploadDocument(
  ctx: Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'files'>,
  actor: Actor,
  id: string,
  kind: string,
  data: Buffer,
  originalName: string | null,
  overBytes?: number,
) {
  const { db, clock, files } = ctx;
  const a = await ownApplication(db, actor, id);
  if (!canEdit(a.status)) throw locked();
  const period = (await repo.period(db, a.period_id))!;
  if (!stageOpen(period.stages, 'registration', clock.now()))
    throw windowClosed(
      msg(
        'Pendaftaran sudah ditutup; dokumen tidak dapat diubah.',
        'Registration has closed; documents can no longer change.',
      ),
    );
  const rule = (period.rule_set as RecruitmentRuleSet).uploadLimits[kind as DocumentKind];
  if (!rule) throw notFound();
  const check = await checkUpload(data, rule, overBytes ? { size: overBytes } : {});
  if (!check.ok)
    throw new AppError(
      check.code === 'too_large'
        ? 'PAYLOAD_TOO_LARGE'
        : check.code === 'wrong_type'
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : 'VALIDATION_FAILED',
      check.message,
      { fields: [{ field: kind, message: check.message }] },
    );
  const previous = await repo.document(db, id, kind);
  const stored = await putRecorded(files, check.data, { contentType: check.mime }, async (stored) => {
    await db.transaction().execute(async (trx) => {
      await repo.putDocument(trx, {
        application_id: id,
        kind,
        file_key: stored.key,
        mime: check.mime,
        size_bytes: stored.size,
        sha256: stored.sha256,
        original_name: originalName === null ? null : [...originalName].slice(0, 200).join(''),
        uploaded_at: clock.now(),
      });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'document.upload',
        subjectType: 'application',
        subjectId: id,
        before: previous ? { kind, sha256: previous.sha256 } : undefined,
        after: { kind, sha256: stored.sha256, size: stored.size },
      });
    });
    return stored;
  });
  // The last version is the one that counts (RULES.md §1.4); the replaced file is removed.
  if (previous) await files.delete(previous.file_key).catch(() => {});
  return { kind, size: stored.size, mime: check.mime };
}

/** The owner's own file, or any file for verifiers/committee (a staff view is audit-logged). */
export async function readDocument(
  ctx: Pick<RecruitmentContext, 'db' | 'audit' | 'files'>,
  actor: Actor,
  id: string,
  kind: string,
) {
  const { db } = ctx;
  const a = await repo.application(db, id);
  const isOwner = a?.applicant_id === actor.accountId;
  const isStaff = actor.role === 'verifier' || actor.role === 'committee';
  if (!a || (!isOwner && !isStaff) || (isStaff && !isOwner && a.status === 'draft')) throw notFound();
  if (!isOwner && actor.role === 'verifier' && !(await repo.isPeriodVerifier(db, a.period_id, actor.accountId)))
    throw notFound();
  const d = await repo.document(db, id, kind);
  if (!d) throw notFound();
  if (!isOwner) {
    await ctx.audit.record(db, {
      actor: actorOf(actor),
      action: 'document.view',
      subjectType: 'application',
      subjectId: id,
      after: { kind, sha256: d.sha256 },
    });
  }
  return {
    data: await ctx.files.get(d.file_key),
    mime: d.mime,
    name: `${a.registration_no}-${kind}.${d.mime === 'application/pdf' ? 'pdf' : 'jpg'}`,
  };
}
