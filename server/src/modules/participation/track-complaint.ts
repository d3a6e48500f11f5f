/** The tracking page: the report as its tracking ID's holder sees it, and the reporter's reply, reopening or acceptance. */
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { AppError } from '../../errors.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { sweepComplaints } from './complaint-sweep.ts';
import { byTracking, clockOf, complaintSettings, type ComplaintsContext, throttle } from './complaints.shared.ts';
import { complaintMachine, dueAfter } from './domain/complaints.ts';
import { presentThreadEvent } from './participation.presenter.ts';
import { PUBLIC_ACTOR } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** The report as its tracking ID's holder sees it: status, deadline, the thread; never the reporter's identity. */
export async function trackComplaint(ctx: ComplaintsContext, trackingId: string) {
  await sweepComplaints(ctx);
  const c = await byTracking(ctx, trackingId);
  const org = c.organization_id
    ? (await repo.organizations(ctx.db)).find((o) => o.id === c.organization_id)
    : undefined;
  const attachments = await repo.attachments(ctx.db, c.id);
  return {
    trackingId: c.tracking_id,
    kind: c.kind,
    category: c.category,
    title: c.title,
    body: c.body,
    privacy: c.privacy,
    status: c.status,
    organization: org ? { id: org.id, name: org.name } : null,
    filedAt: new Date(c.filed_at).toISOString(),
    clock: await clockOf(ctx, c),
    reporterActions: complaintMachine.allowedEvents(c.status).filter((e) => e === 'reopen' || e === 'accept'),
    canReply: c.status !== 'closed' && c.status !== 'rejected',
    canAttach: c.status === 'submitted' && attachments.length < ctx.limits.attachmentsPerComplaint,
    attachments: attachments.map((a) => ({ mime: a.mime, size: a.size, sha256: a.sha256 })),
    // The thread as the reporter sees it: who spoke as a role (coordinator, OPD), never a staff name.
    events: (await repo.events(ctx.db, c.id)).map(presentThreadEvent),
  };
}

/** The reporter replies (restarting the 10-day window after a follow-up), reopens or accepts. */
export async function reporterAction(
  ctx: ComplaintsContext,
  trackingId: string,
  action: 'reply' | 'reopen' | 'accept',
  text: string,
  source: string,
) {
  const { db, clock, ids, audit, steps } = ctx;
  const c = await byTracking(ctx, trackingId);
  if (action !== 'accept' && text.trim().length < 5)
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Tuliskan tanggapan Anda (paling sedikit 5 huruf).', 'Write your reply (at least 5 characters).'),
      { fields: [{ field: 'body', message: msg('Tanggapan terlalu pendek.', 'Reply too short.') }] },
    );
  const now = clock.now();
  const today = localDate(now);
  await db.transaction().execute(async (trx) => {
    await throttle(ctx, trx, `complaint-action:ip:${source}`, ctx.limits.actionsPerSourcePerHour);
    const locked = (await repo.lockComplaint(trx, c.id))!;
    if (action === 'reply') {
      if (locked.status === 'closed' || locked.status === 'rejected')
        throw new AppError(
          'CONFLICT',
          msg(
            'Laporan ini sudah selesai; buat laporan baru bila masih ada masalah.',
            'This report is finished; file a new one if the problem remains.',
          ),
        );
      if (locked.status === 'followed_up') await repo.updateComplaint(trx, c.id, { followed_up_on: today });
      await repo.insertEvent(trx, {
        id: ids.uuid(),
        complaint_id: c.id,
        kind: 'reporter_reply',
        author: 'reporter',
        organization_id: null,
        body: text,
        at: now,
      });
      await audit.record(trx, {
        actor: PUBLIC_ACTOR,
        action: 'complaint.reply',
        subjectType: 'complaint',
        subjectId: c.id,
      });
      return;
    }
    const holidays = await loadHolidays(trx);
    const { sla } = await complaintSettings(ctx, trx);
    await steps(trx, {
      machine: complaintMachine,
      subject: { type: 'complaint', id: c.id, status: locked.status },
      event: action,
      actor: PUBLIC_ACTOR,
      apply: async (status) => {
        if (action === 'accept')
          return repo.updateComplaint(trx, c.id, { status, closed_at: now, closed_reason: 'accepted' });
        await repo.updateComplaint(trx, c.id, {
          status,
          disposed_on: today,
          followed_up_on: null,
          reopen_count: locked.reopen_count + 1,
          escalated_status: null,
        });
        await repo.insertStep(trx, {
          id: ids.uuid(),
          complaint_id: c.id,
          organization_id: locked.organization_id!,
          disposed_on: today,
          due_on: dueAfter(today, sla.followUpDays, holidays),
        });
      },
      audit: { action: action === 'accept' ? 'complaint.accept' : 'complaint.reopen' },
    });
    await repo.insertEvent(trx, {
      id: ids.uuid(),
      complaint_id: c.id,
      kind: action === 'accept' ? 'accepted' : 'reopened',
      author: 'reporter',
      organization_id: null,
      body: text,
      at: now,
    });
  });
  return trackComplaint(ctx, trackingId);
}
