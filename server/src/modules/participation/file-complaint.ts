/** The reporter's side of filing: the report itself (with the anti-spam checks) and its evidence. */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ComplaintBody } from '../../../../common/contracts/participation.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate, provisionalYear } from '../../../../common/rules/calendar.ts';
import { AppError } from '../../errors.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import {
  byTracking,
  type ComplaintsContext,
  filingRules,
  reporterActor,
  spend,
  throttle,
} from './complaints.shared.ts';
import { dueAfter, trackingIdOf } from './domain/complaints.ts';
import { PUBLIC_ACTOR } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** Files a report; anonymous callers solve the challenge and count against their source's limit. */
export async function fileComplaint(
  ctx: ComplaintsContext,
  actor: Actor | null,
  body: z.infer<typeof ComplaintBody>,
  source: string,
) {
  try {
    return await fileChecked(ctx, actor, body, source);
  } catch (err) {
    // Floods and forged or replayed challenges are refused with nothing stored, and logged.
    if (
      err instanceof AppError &&
      (err.code === 'TOO_MANY_REQUESTS' || err.details.fields?.some((f) => f.field === 'challenge'))
    ) {
      await ctx.db.transaction().execute((trx) =>
        ctx.audit.record(trx, {
          actor: reporterActor(actor),
          action: 'complaint.refused',
          subjectType: 'complaint',
          after: { reason: err.code === 'TOO_MANY_REQUESTS' ? 'limit' : 'challenge' },
        }),
      );
    }
    throw err;
  }
}

/**
 * Files a report without logging a refusal (fileComplaint does that): checks the challenge and
 * the name, stores the report with its first event under the source's limit, and answers with the
 * tracking ID and the verification deadline. The public audit event names the kind, never the reporter.
 */
export async function fileChecked(
  ctx: ComplaintsContext,
  actor: Actor | null,
  body: z.infer<typeof ComplaintBody>,
  source: string,
) {
  const { db, clock, ids, audit } = ctx;
  const spent = actor ? null : ctx.challenges.check('complaint', body.challenge);
  if (body.privacy !== 'anonymous' && !actor && !body.name) {
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        'Tuliskan nama Anda, atau pilih "anonim" bila tidak ingin menyebut nama.',
        'Give your name, or choose "anonymous" if you prefer not to.',
      ),
      {
        fields: [
          {
            field: 'name',
            message: msg(
              'Nama wajib untuk laporan terbuka atau rahasia.',
              'A name is required for open or confidential reports.',
            ),
          },
        ],
      },
    );
  }
  const now = clock.now();
  const today = localDate(now);
  const id = ids.uuid();
  const trackingId = trackingIdOf(randomBytes(10));
  const reporterName =
    body.privacy === 'anonymous'
      ? null
      : actor
        ? ((await repo.accountName(db, actor.accountId))?.full_name ?? null)
        : body.name;
  await db.transaction().execute(async (trx) => {
    await throttle(
      ctx,
      trx,
      actor ? `complaint:account:${actor.accountId}` : `complaint:ip:${source}`,
      ctx.limits.perSourcePerHour,
    );
    await spend(trx, spent);
    await repo.insertComplaint(trx, {
      id,
      tracking_id: trackingId,
      kind: body.kind,
      category: body.category,
      title: body.title,
      body: body.body,
      privacy: body.privacy,
      reporter_account_id: body.privacy === 'anonymous' ? null : (actor?.accountId ?? null),
      reporter_name: reporterName,
      reporter_contact: body.privacy === 'anonymous' || actor ? null : body.contact,
      organization_id: null,
      status: 'submitted',
      filed_at: now,
      filed_on: today,
      disposed_on: null,
      followed_up_on: null,
      closed_at: null,
      closed_reason: null,
    });
    await repo.insertEvent(trx, {
      id: ids.uuid(),
      complaint_id: id,
      kind: 'filed',
      author: 'reporter',
      body: '',
      at: now,
    });
    // The audit log is public: it records what kind of report arrived, never who sent it or what it says.
    await audit.record(trx, {
      actor: body.privacy === 'anonymous' ? PUBLIC_ACTOR : reporterActor(actor),
      action: 'complaint.file',
      subjectType: 'complaint',
      subjectId: id,
      after: { kind: body.kind, category: body.category, privacy: body.privacy },
    });
  });
  const rules = await filingRules(ctx);
  const verificationDueOn = dueAfter(today, rules.sla.verifyDays, rules.calendar.days);
  return {
    trackingId,
    status: 'submitted' as const,
    verificationDueOn,
    provisionalYear: provisionalYear(verificationDueOn, rules.calendar.loadedYears),
  };
}

const attachClosed = () =>
  new AppError(
    'CONFLICT',
    msg(
      'Lampiran hanya dapat ditambahkan sebelum laporan diverifikasi.',
      'Attachments can only be added before the report is verified.',
    ),
  );

/** Adds evidence (JPG or PDF, checked by its bytes) to a report still waiting for verification. */
export async function attachToComplaint(ctx: ComplaintsContext, trackingId: string, file: Buffer, source: string) {
  const { db, clock, ids, audit, files, limits } = ctx;
  const c = await byTracking(ctx, trackingId);
  if (c.status !== 'submitted') throw attachClosed();
  const check = await checkUpload(
    file,
    { mime: ['image/jpeg', 'application/pdf'], maxBytes: limits.attachmentMaxBytes },
    { label: 'lampiran' },
  );
  if (!check.ok) {
    await db.transaction().execute((trx) =>
      audit.record(trx, {
        actor: PUBLIC_ACTOR,
        action: 'complaint.attach.refused',
        subjectType: 'complaint',
        subjectId: c.id,
        after: { code: check.code },
      }),
    );
    throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, {
      fields: [{ field: 'file', message: check.message }],
    });
  }
  const stored = await files.put(check.data, { contentType: check.mime });
  const id = ids.uuid();
  try {
    await db.transaction().execute(async (trx) => {
      await throttle(ctx, trx, `complaint-action:ip:${source}`, limits.actionsPerSourcePerHour);
      const locked = (await repo.lockComplaint(trx, c.id))!;
      if (locked.status !== 'submitted') throw attachClosed();
      if ((await repo.attachments(trx, c.id)).length >= limits.attachmentsPerComplaint)
        throw new AppError(
          'CONFLICT',
          msg(
            `Paling banyak ${limits.attachmentsPerComplaint} lampiran per laporan.`,
            `At most ${limits.attachmentsPerComplaint} attachments per report.`,
          ),
        );
      await repo.insertAttachment(trx, {
        id,
        complaint_id: c.id,
        file_key: stored.key,
        mime: check.mime,
        size: check.size,
        sha256: stored.sha256,
        uploaded_at: clock.now(),
      });
      await audit.record(trx, {
        actor: PUBLIC_ACTOR,
        action: 'complaint.attach',
        subjectType: 'complaint',
        subjectId: c.id,
        after: { mime: check.mime, size: check.size, sha256: stored.sha256 },
      });
    });
  } catch (err) {
    await files.delete(stored.key);
    throw err;
  }
  return { id, mime: check.mime, size: check.size, sha256: stored.sha256 };
}
