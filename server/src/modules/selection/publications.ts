/** Two-person, immutable, versioned publication of a period's results, and the published files as they were. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import { ANOTHER_COMMITTEE_MEMBER, assertSecondPerson } from '../../platform/approvals.ts';
import type { Actor } from '../identity/index.ts';
import { skdPublicationBlockers } from './domain/publication-stages.ts';
import { buildFiles, type PublicationFile } from './publication-files.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import { actorOf, asInputProblem, conflict, period, type SelectionContext, sha256 } from './selection.shared.ts';

/** Proposes publishing a stage; the files are built now and never change afterwards. */
export async function proposePublication(
  ctx: SelectionContext,
  actor: Actor,
  periodId: string,
  stage: 'skd' | 'final',
  reason: string | null,
) {
  if (stage === 'skd') {
    const blockers = skdPublicationBlockers((await period(ctx, periodId)).stages, ctx.clock.now());
    if (blockers.length > 0)
      throw new AppError('CONFLICT', msg(blockers.map((b) => b.id).join(' '), blockers.map((b) => b.en).join(' ')));
  }
  let files: PublicationFile[];
  try {
    files = await buildFiles(ctx, periodId, stage);
  } catch (err) {
    asInputProblem(err);
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.hasPendingPublication(trx, periodId))
      throw conflict('Masih ada usulan publikasi yang menunggu persetujuan.', 'Another publication awaits approval.');
    const last = await repo.latestPublished(trx, periodId, stage);
    if (last && !reason)
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          'Hasil ini sudah diumumkan; koreksi memerlukan alasan yang akan ditampilkan ke publik.',
          'Already published: a correction needs a public reason.',
        ),
        { fields: [{ field: 'reason', message: msg('Alasan koreksi wajib diisi.', 'A reason is required.') }] },
      );
    const id = ctx.ids.uuid();
    const version = await repo.lastVersion(trx, periodId, stage);
    await repo.insertPublication(
      trx,
      {
        id,
        period_id: periodId,
        stage,
        version: version + 1,
        status: 'proposed',
        reason,
        proposed_by: actor.accountId,
        proposed_at: ctx.clock.now(),
      },
      files.map((f) => ({ publication_id: id, name: f.name, content: f.content, sha256: sha256(f.content) })),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'publication.propose',
      subjectType: 'publication',
      subjectId: id,
      after: {
        stage,
        version: Number(version) + 1,
        files: files.map((f) => ({ name: f.name, sha256: sha256(f.content) })),
      },
    });
    return {
      id,
      version: Number(version) + 1,
      files: files.map((f) => ({ name: f.name, sha256: sha256(f.content), bytes: Buffer.byteLength(f.content) })),
    };
  });
}

/** Another committee member approves (publishes, immutable) or rejects a proposal. */
export async function decidePublication(ctx: SelectionContext, actor: Actor, publicationId: string, approve: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const pub = await repo.lockPublication(trx, publicationId);
    if (!pub) throw notFound();
    assertSecondPerson(pub, actor.accountId, ANOTHER_COMMITTEE_MEMBER);
    await repo.updatePublication(trx, publicationId, {
      status: approve ? 'published' : 'rejected',
      decided_by: actor.accountId,
      decided_at: ctx.clock.now(),
    });
    const files = await repo.fileHashes(trx, publicationId);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: approve ? 'publication.publish' : 'publication.reject',
      subjectType: 'publication',
      subjectId: publicationId,
      after: { stage: pub.stage, version: pub.version, files },
    });
  });
}

async function publications(ctx: SelectionContext, periodId: string, publishedOnly: boolean) {
  const pubs = await repo.publications(ctx.db, periodId, publishedOnly);
  const files = await repo.fileSizes(
    ctx.db,
    pubs.map((p) => p.id),
  );
  return pubs.map((p) => ({
    id: p.id,
    stage: p.stage,
    version: p.version,
    status: p.status,
    reason: p.reason,
    proposedAt: new Date(p.proposed_at).toISOString(),
    decidedAt: p.decided_at ? new Date(p.decided_at).toISOString() : null,
    proposedBy: p.proposed_by,
    decidedBy: p.decided_by,
    files: files
      .filter((f) => f.publication_id === p.id)
      .map((f) => ({ name: f.name, sha256: f.sha256, bytes: Number(f.bytes) })),
  }));
}

/** A period's publications as the public sees them: published only, without who proposed or decided. */
export async function publishedPublications(ctx: SelectionContext, periodId: string) {
  return (await publications(ctx, periodId, true)).map(({ proposedBy: _p, decidedBy: _d, ...pub }) => pub);
}

/** Every publication of a period for the committee; who proposed is shown so a member cannot mistake their own proposal for one to approve. */
export const allPublications = (ctx: SelectionContext, periodId: string) => publications(ctx, periodId, false);

/** A published file, exactly as published (public). */
export async function publishedFile(ctx: SelectionContext, publicationId: string, name: string) {
  const f = await repo.publishedFile(ctx.db, publicationId, name);
  if (!f) throw notFound();
  return f;
}
