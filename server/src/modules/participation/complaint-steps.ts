/** Staff steps on a report: dispose to an OPD, reject, the OPD's follow-up, and redacting a name from the public thread. */
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { redactPhrase } from '../../../../common/rules/mask-personal-data.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import {
  complaintSettings,
  type ComplaintsContext,
  isCoordinator,
  mayFollowUp,
  tellReporter,
} from './complaints.shared.ts';
import { complaintMachine, dueAfter } from './domain/complaints.ts';
import { publicText } from './participation.presenter.ts';
import { actorOf, notInText } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** Verifies and sends a report to the responsible OPD (or moves it to another one). */
export async function disposeComplaint(
  ctx: ComplaintsContext,
  actor: Actor,
  id: string,
  body: { organizationId: string; note: string },
) {
  const { db, clock, ids, steps } = ctx;
  if (!isCoordinator(actor)) throw notFound();
  if (!(await repo.organizationExists(db, body.organizationId)))
    throw new AppError('VALIDATION_FAILED', msg('Perangkat daerah tidak dikenal.', 'Unknown OPD.'), {
      fields: [{ field: 'organizationId', message: msg('Pilih OPD dari daftar.', 'Choose an OPD from the list.') }],
    });
  const now = clock.now();
  const today = localDate(now);
  await db.transaction().execute(async (trx) => {
    const c = await repo.lockComplaint(trx, id);
    if (!c) throw notFound();
    const holidays = await loadHolidays(trx);
    const { sla } = await complaintSettings(ctx, trx);
    const dueOn = dueAfter(today, sla.followUpDays, holidays);
    await steps(trx, {
      machine: complaintMachine,
      subject: { type: 'complaint', id, status: c.status },
      event: 'dispose',
      actor: actorOf(actor),
      apply: async (status) => {
        await repo.updateComplaint(trx, id, {
          status,
          organization_id: body.organizationId,
          disposed_on: today,
          escalated_status: null,
        });
        if (c.status === 'disposed')
          await repo.moveOpenStep(trx, id, { organization_id: body.organizationId, disposed_on: today, due_on: dueOn });
        else
          await repo.insertStep(trx, {
            id: ids.uuid(),
            complaint_id: id,
            organization_id: body.organizationId,
            disposed_on: today,
            due_on: dueOn,
          });
      },
      audit: { action: 'complaint.dispose', after: { organizationId: body.organizationId, dueOn } },
    });
    // The history names who acted — the verifier's own unit — not the OPD it went to (shown as the complaint's OPD).
    await repo.insertEvent(trx, {
      id: ids.uuid(),
      complaint_id: id,
      kind: 'disposed',
      author: 'coordinator',
      author_account_id: actor.accountId,
      organization_id: actor.organizationId ?? null,
      body: body.note,
      at: now,
    });
    await tellReporter(
      ctx,
      trx,
      c,
      `Laporan ${c.tracking_id} diteruskan`,
      `Laporan "${c.title}" sudah diverifikasi dan diteruskan ke perangkat daerah yang berwenang.`,
    );
  });
}

/** The coordinator refuses a report (outside its remit, unclear) with a reason the reporter sees. */
export async function rejectComplaint(ctx: ComplaintsContext, actor: Actor, id: string, reason: string) {
  if (!isCoordinator(actor)) throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockComplaint(trx, id);
    if (!c) throw notFound();
    await ctx.steps(trx, {
      machine: complaintMachine,
      subject: { type: 'complaint', id, status: c.status },
      event: 'reject',
      actor: actorOf(actor),
      apply: (status) => repo.updateComplaint(trx, id, { status, closed_at: now, closed_reason: 'rejected' }),
      audit: { action: 'complaint.reject' },
    });
    await repo.insertEvent(trx, {
      id: ctx.ids.uuid(),
      complaint_id: id,
      kind: 'rejected',
      author: 'coordinator',
      author_account_id: actor.accountId,
      body: reason,
      at: now,
    });
    await tellReporter(ctx, trx, c, `Laporan ${c.tracking_id} tidak dapat diproses`, `Alasan: ${reason}`);
  });
}

/** The OPD's follow-up (tindak lanjut), shown to the reporter; the 10-day reply window starts. */
export async function followUpComplaint(ctx: ComplaintsContext, actor: Actor, id: string, text: string) {
  const now = ctx.clock.now();
  const today = localDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockComplaint(trx, id);
    if (!c || !mayFollowUp(actor, c)) throw notFound();
    await ctx.steps(trx, {
      machine: complaintMachine,
      subject: { type: 'complaint', id, status: c.status },
      event: 'follow_up',
      actor: actorOf(actor),
      apply: async (status) => {
        await repo.updateComplaint(trx, id, { status, followed_up_on: today, escalated_status: null });
        await repo.closeOpenStep(trx, id, today);
      },
      audit: { action: 'complaint.follow_up', after: { organizationId: c.organization_id } },
    });
    await repo.insertEvent(trx, {
      id: ctx.ids.uuid(),
      complaint_id: id,
      kind: 'follow_up',
      author: 'opd',
      author_account_id: actor.accountId,
      organization_id: c.organization_id,
      body: text,
      at: now,
    });
    await tellReporter(
      ctx,
      trx,
      c,
      `Tindak lanjut laporan ${c.tracking_id}`,
      `Perangkat daerah telah menindaklanjuti laporan "${c.title}". Tanggapi, buka kembali atau nyatakan selesai lewat halaman pelacakan.`,
    );
  });
}

/**
 * The coordinator takes a name out of a coordinator's or OPD's entry as the tracking page shows
 * it: every occurrence becomes "[disamarkan]"; staff keep the original. Audited without the name.
 */
export async function redactComplaintEvent(
  ctx: ComplaintsContext,
  actor: Actor,
  complaintId: string,
  eventId: string,
  phrase: string,
) {
  if (!isCoordinator(actor)) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await repo.lockEvent(trx, complaintId, eventId);
    if (!e) throw notFound();
    if (e.author !== 'coordinator' && e.author !== 'opd')
      throw new AppError(
        'CONFLICT',
        msg(
          'Hanya catatan koordinator atau OPD yang disamarkan; tulisan pelapor tetap miliknya.',
          "Only coordinator or OPD entries are redacted; the reporter's own text stays theirs.",
        ),
      );
    const r = redactPhrase(publicText(e.body, e.body_public), phrase);
    if (r.count === 0) throw notInText();
    await repo.setEventPublicBody(trx, eventId, r.text);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'complaint.event.redact',
      subjectType: 'complaint',
      subjectId: complaintId,
      after: { eventId, replaced: r.count },
    });
    return { publicText: r.text, count: r.count };
  });
}
