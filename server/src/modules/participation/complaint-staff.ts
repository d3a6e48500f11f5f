/** What staff read of reports: the list, one report, its attachments and the SP4N-LAPOR! hand-off note. */
import type { z } from 'zod';
import type { ComplaintListQuery } from '../../../../common/contracts/participation.ts';
import { notFound } from '../../errors.ts';
import { loadHolidayCalendar } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { sweepComplaints } from './complaint-sweep.ts';
import { clockOf, type ComplaintsContext, isCoordinator, mayFollowUp } from './complaints.shared.ts';
import { complaintMachine } from './domain/complaints.ts';
import { presentStaffThreadEvent } from './participation.presenter.ts';
import { actorOf } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** Coordinators see every report; OPD staff the reports disposed to their OPD. Late ones are flagged. */
export async function listComplaints(ctx: ComplaintsContext, actor: Actor, q: z.infer<typeof ComplaintListQuery>) {
  await sweepComplaints(ctx);
  const pageSize = 50;
  const scope = isCoordinator(actor) ? null : actor.organizationId;
  if (!isCoordinator(actor) && !scope) return { total: 0, page: q.page, pageSize, complaints: [] };
  const { total, rows } = await repo.listComplaints(ctx.db, {
    status: q.status,
    organizationId: scope,
    limit: pageSize,
    offset: (q.page - 1) * pageSize,
  });
  const calendar = await loadHolidayCalendar(ctx.db);
  const list = await Promise.all(
    rows.map(async (c) => ({
      id: c.id,
      trackingId: c.tracking_id,
      kind: c.kind,
      category: c.category,
      title: c.title,
      privacy: c.privacy,
      status: c.status,
      organization: c.organization_id
        ? { id: c.organization_id, name: c.organization_name ?? c.organization_id }
        : null,
      filedAt: new Date(c.filed_at).toISOString(),
      clock: await clockOf(ctx, c, calendar),
    })),
  );
  const filtered = q.late === undefined ? list : list.filter((c) => c.clock.late === (q.late === 'true'));
  return { total, page: q.page, pageSize, complaints: filtered };
}

/** One report for staff: the reporter's identity only for a coordinator and only when not confidential-to-OPD or anonymous. */
export async function complaintDetail(ctx: ComplaintsContext, actor: Actor, id: string) {
  const { db } = ctx;
  const c = await repo.complaint(db, id);
  if (!c || !(isCoordinator(actor) || mayFollowUp(actor, c))) throw notFound();
  const showIdentity = c.privacy === 'open' || (c.privacy === 'confidential' && isCoordinator(actor));
  const org = c.organization_id ? (await repo.organizations(db)).find((o) => o.id === c.organization_id) : undefined;
  const attachments = await repo.attachments(db, c.id);
  const events = await repo.events(db, c.id);
  const allowed = complaintMachine.allowedEvents(c.status);
  return {
    id: c.id,
    trackingId: c.tracking_id,
    kind: c.kind,
    category: c.category,
    title: c.title,
    body: c.body,
    privacy: c.privacy,
    status: c.status,
    reporter: showIdentity
      ? { name: c.reporter_name, contact: c.reporter_contact, hasAccount: c.reporter_account_id !== null }
      : null,
    organization: org ? { id: org.id, name: org.name } : null,
    filedAt: new Date(c.filed_at).toISOString(),
    clock: await clockOf(ctx, c),
    actions: {
      dispose: isCoordinator(actor) && allowed.includes('dispose'),
      reject: isCoordinator(actor) && allowed.includes('reject'),
      followUp: mayFollowUp(actor, c) && allowed.includes('follow_up'),
    },
    attachments: attachments.map((a) => ({ id: a.id, mime: a.mime, size: a.size, sha256: a.sha256 })),
    events: events.map(presentStaffThreadEvent),
  };
}

/**
 * The hand-off note for forwarding a report to SP4N-LAPOR! (lapor.go.id has no API for a
 * pemda here, so the coordinator pastes it): the report, its status and deadlines and the
 * thread, with the reporter's identity only as its privacy option — the note leaves Merit.
 */
export async function complaintHandoff(ctx: ComplaintsContext, actor: Actor, id: string) {
  if (!isCoordinator(actor)) throw notFound();
  const c = await complaintDetail(ctx, actor, id);
  const privacy = {
    open: 'Terbuka (identitas dapat diminta ke admin koordinator BKPSDM Kota Palu)',
    confidential: 'Rahasia (identitas hanya pada admin koordinator)',
    anonymous: 'Anonim',
  }[c.privacy as 'open'];
  const lines = [
    'CATATAN PENERUSAN KE SP4N-LAPOR!',
    'Pemerintah Kota Palu — Merit',
    '',
    `Nomor pelacakan Merit : ${c.trackingId}`,
    `Jenis                : ${c.kind}`,
    `Kategori             : ${c.category}`,
    `Identitas pelapor    : ${privacy}`,
    `Diterima             : ${c.filedAt}`,
    `Status               : ${c.status}`,
    `OPD penanggung jawab : ${c.organization?.name ?? '-'}`,
    `Batas waktu berjalan : ${c.clock.dueOn ?? '-'}${c.clock.late ? ` (terlambat ${c.clock.lateDays} hari kerja)` : ''}`,
    '',
    `Judul: ${c.title}`,
    '',
    c.body,
    '',
    'Riwayat:',
    ...c.events.map(
      (e) =>
        `- ${e.at} ${e.kind} (${e.author}${e.organization ? `, ${e.organization}` : ''})${e.body ? `: ${e.body}` : ''}`,
    ),
    '',
    `Lampiran: ${c.attachments.length} berkas (SHA-256: ${c.attachments.map((a) => a.sha256).join(', ') || '-'})`,
  ];
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'complaint.handoff',
      subjectType: 'complaint',
      subjectId: id,
    }),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/** One attachment of a report the staff member may see, with its type. */
export async function complaintAttachment(
  ctx: ComplaintsContext,
  actor: Actor,
  complaintId: string,
  attachmentId: string,
) {
  const c = await repo.complaint(ctx.db, complaintId);
  if (!c || !(isCoordinator(actor) || mayFollowUp(actor, c))) throw notFound();
  const a = (await repo.attachments(ctx.db, complaintId)).find((x) => x.id === attachmentId);
  if (!a) throw notFound();
  return { data: await ctx.files.get(a.file_key), mime: a.mime };
}
