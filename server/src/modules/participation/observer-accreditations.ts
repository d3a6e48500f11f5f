/** Observer accreditation: the organisation's application with its letter, the lists, and the committee's decision. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { AccreditationQuery } from '../../../../common/contracts/participation.ts';
import { dayNumber } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { AppError, notFound } from '../../errors.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import { committeeScope, type ObserversContext, todayOf } from './observers.shared.ts';
import { presentAccreditation as presentAccreditationRow } from './participation.presenter.ts';
import { actorOf } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

const present = (ctx: ObserversContext, a: Parameters<typeof presentAccreditationRow>[0], forCommittee: boolean) =>
  presentAccreditationRow(a, { forCommittee, today: todayOf(ctx) });

/** The period an accreditation belongs to (the committee acts only on its own periods). */
export const periodOfAccreditation = (ctx: ObserversContext, id: string) => repo.accreditationPeriod(ctx.db, id);
/** The period a finding belongs to (the committee acts only on its own periods). */
export const periodOfFinding = (ctx: ObserversContext, id: string) => repo.findingPeriod(ctx.db, id);

/** An observer account applies for one period with its organisation's letter (PDF). */
export async function applyForAccreditation(
  ctx: ObserversContext,
  actor: Actor,
  q: z.infer<typeof AccreditationQuery>,
  letter: Buffer,
) {
  const { db, clock, ids, audit, files } = ctx;
  if (!(await repo.period(db, q.periodId)))
    throw new AppError('VALIDATION_FAILED', msg('Periode seleksi tidak ditemukan.', 'Recruitment period not found.'), {
      fields: [{ field: 'periodId', message: msg('Pilih periode dari daftar.', 'Choose a period from the list.') }],
    });
  const check = await checkUpload(
    letter,
    { mime: ['application/pdf'], maxBytes: ctx.limits.letterMaxBytes },
    { label: 'surat permohonan' },
  );
  if (!check.ok)
    throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, {
      fields: [{ field: 'file', message: check.message }],
    });
  if (await repo.liveAccreditation(db, actor.accountId, q.periodId))
    throw new AppError(
      'CONFLICT',
      msg(
        'Akun ini sudah mengajukan atau memiliki akreditasi untuk periode ini.',
        'This account already applied for or holds an accreditation for this period.',
      ),
    );
  const stored = await files.put(check.data, { contentType: check.mime });
  const id = ids.uuid();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertAccreditation(trx, {
        id,
        account_id: actor.accountId,
        period_id: q.periodId,
        organization_name: q.organizationName,
        organization_kind: q.organizationKind,
        contact_person: q.contactPerson,
        letter_key: stored.key,
        letter_sha256: stored.sha256,
        letter_size: check.size,
        status: 'pending',
        reason: null,
        decided_by: null,
        decided_at: null,
        expires_on: null,
        created_at: clock.now(),
      });
      await audit.record(trx, {
        actor: actorOf(actor),
        action: 'observer.apply',
        subjectType: 'observer_accreditation',
        subjectId: id,
        after: {
          periodId: q.periodId,
          organizationName: q.organizationName,
          organizationKind: q.organizationKind,
          letterSha256: stored.sha256,
        },
      });
    });
  } catch (err) {
    await files.delete(stored.key);
    if (err instanceof AppError) throw err;
    throw new AppError(
      'CONFLICT',
      msg('Akun ini sudah mengajukan akreditasi untuk periode ini.', 'This account already applied for this period.'),
    );
  }
  return { id, status: 'pending' as const };
}

/** The observer's own applications and accreditations. */
export const myAccreditations = async (ctx: ObserversContext, actor: Actor) =>
  (await repo.accreditations(ctx.db, { accountId: actor.accountId })).map((a) => present(ctx, a, false));

/** The committee's list: a member sees the periods they sit on, the admin every period. */
export const listAccreditations = async (ctx: ObserversContext, actor: Actor, periodId?: string) =>
  (await repo.accreditations(ctx.db, await committeeScope(ctx, actor, periodId))).map((a) => present(ctx, a, true));

/** The application letter (the route's period scope has already checked the committee member). */
export async function accreditationLetter(ctx: ObserversContext, id: string) {
  const a = await repo.accreditation(ctx.db, id);
  if (!a) throw notFound();
  return ctx.files.get(a.letter_key);
}

/** The committee approves (with an expiry on or after today) or refuses, with a reason either way. */
export async function decideAccreditation(
  ctx: ObserversContext,
  actor: Actor,
  id: string,
  body: { approve: boolean; reason: string; expiresOn: string | null },
) {
  if (body.approve && (!body.expiresOn || dayNumber(body.expiresOn) < dayNumber(todayOf(ctx))))
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        'Tentukan tanggal berakhir akreditasi (hari ini atau sesudahnya).',
        'Set the accreditation’s end date (today or later).',
      ),
      { fields: [{ field: 'expiresOn', message: msg('Tanggal berakhir wajib diisi.', 'End date required.') }] },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockAccreditation(trx, id);
    if (!a) throw notFound();
    if (a.status !== 'pending')
      throw new AppError('CONFLICT', msg('Permohonan ini sudah diputuskan.', 'This application is already decided.'));
    const status = body.approve ? 'approved' : 'refused';
    await repo.decideAccreditation(trx, id, {
      status,
      reason: body.reason,
      decided_by: actor.accountId,
      decided_at: ctx.clock.now(),
      expires_on: body.approve ? body.expiresOn : null,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: body.approve ? 'observer.approve' : 'observer.refuse',
      subjectType: 'observer_accreditation',
      subjectId: id,
      before: { status: a.status },
      after: { status, reason: body.reason, expiresOn: body.approve ? body.expiresOn : null },
    });
    const email = (await ctx.identity.emailsOfAccounts([a.account_id], trx)).get(a.account_id);
    if (email)
      await ctx.notifier.notify(
        trx,
        { accountId: a.account_id, email, fullName: a.contact_person },
        {
          title: body.approve ? 'Akreditasi pemantau disetujui' : 'Akreditasi pemantau ditolak',
          body: body.approve
            ? `Akreditasi ${a.organization_name} berlaku sampai ${formatCalendarDate(body.expiresOn)}. Alasan: ${body.reason}`
            : `Alasan: ${body.reason}`,
          path: '/pemantauan',
        },
      );
  });
}
