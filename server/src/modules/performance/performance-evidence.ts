/** Feedback and evidence per hasil kerja: notes and links, evidence files checked by their bytes, and downloading them. */
import type { z } from 'zod';
import type { NoteBody } from '../../../../common/contracts/performance.ts';
import { notFound } from '../../errors.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf, EVIDENCE_RULE, invalid, type PerformanceContext, planFor } from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** The result and the actor's side on its plan; only its employee and evaluator write notes, anyone else gets NOT_FOUND. */
async function writerOf(ctx: PerformanceContext, actor: Actor, resultId: string) {
  const r = await repo.result(ctx.db, resultId);
  if (!r) throw notFound();
  const { viewer } = await planFor(ctx, actor, r.plan_id);
  if (viewer !== 'employee' && viewer !== 'evaluator') throw notFound();
  return viewer;
}

/** Feedback or an evidence link on a hasil kerja, by its employee or evaluator (audited). */
export async function addNote(ctx: PerformanceContext, actor: Actor, resultId: string, body: z.infer<typeof NoteBody>) {
  const viewer = await writerOf(ctx, actor, resultId);
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNote(trx, {
      id,
      result_id: resultId,
      author_account_id: actor.accountId,
      author_side: viewer,
      kind: body.kind,
      body: body.body,
      url: body.kind === 'link' ? body.url : null,
      created_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.note.add',
      subjectType: 'skp_result',
      subjectId: resultId,
      after: { noteId: id, kind: body.kind },
    });
  });
  return { id };
}

/** Evidence as a file: PDF or JPEG within the limit, judged by its bytes (the platform's upload check). */
export async function addFile(ctx: PerformanceContext, actor: Actor, resultId: string, data: Buffer, caption: string) {
  const viewer = await writerOf(ctx, actor, resultId);
  const check = await checkUpload(data, EVIDENCE_RULE, { label: 'bukti dukung' });
  if (!check.ok) throw invalid('file', check.message);
  const id = ctx.ids.uuid();
  await putRecorded(ctx.files, check.data, { contentType: check.mime }, (stored) =>
    ctx.db.transaction().execute(async (trx) => {
      await repo.insertNote(trx, {
        id,
        result_id: resultId,
        author_account_id: actor.accountId,
        author_side: viewer,
        kind: 'file',
        body: caption,
        file_key: stored.key,
        file_mime: check.mime,
        file_size: check.size,
        created_at: ctx.clock.now(),
      });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'skp.evidence.upload',
        subjectType: 'skp_result',
        subjectId: resultId,
        after: { noteId: id, mime: check.mime, size: check.size, sha256: stored.sha256 },
      });
    }),
  );
  return { id };
}

/** An evidence file, for anyone who may see its plan. */
export async function noteFile(ctx: PerformanceContext, actor: Actor, noteId: string) {
  const n = await repo.note(ctx.db, noteId);
  if (!n || n.kind !== 'file' || !n.file_key) throw notFound();
  const r = (await repo.result(ctx.db, n.result_id))!;
  await planFor(ctx, actor, r.plan_id);
  return {
    data: await ctx.files.get(n.file_key),
    mime: n.file_mime!,
    name: `bukti-skp-${n.id.slice(0, 8)}.${n.file_mime === 'application/pdf' ? 'pdf' : 'jpg'}`,
  };
}
