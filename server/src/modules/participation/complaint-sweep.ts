/** The clock's own steps: reports closed when their reporter did not reply in time, late steps escalated to staff. */
import { localDate } from '../../../../common/rules/calendar.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { complaintSettings, type ComplaintsContext } from './complaints.shared.ts';
import { complaintClock, complaintMachine } from './domain/complaints.ts';
import { participationRepository as repo } from './participation.repository.ts';

/**
 * Closes reports whose reporter did not reply in time (10 working days after the follow-up) and
 * escalates late steps; run every ten minutes by the server (main.ts) and by the reads that show
 * deadlines, at most once a minute per instance
 * (every step it takes is idempotent, so instances running it together do no harm).
 */
export async function sweepComplaints(ctx: ComplaintsContext) {
  const { db, clock, ids, steps } = ctx;
  const nowMs = clock.now().getTime();
  if (nowMs - ctx.state.lastSweep < 60_000 && nowMs >= ctx.state.lastSweep) return 0;
  ctx.state.lastSweep = nowMs;
  const today = localDate(clock.now());
  await escalate(ctx);
  const candidates = await repo.followedUpBefore(db, today);
  if (candidates.length === 0) return 0;
  const holidays = await loadHolidays(db);
  const { sla } = await complaintSettings(ctx);
  let closed = 0;
  for (const c of candidates) {
    if (
      !complaintClock(
        { status: 'followed_up', filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on },
        today,
        holidays,
        sla,
      ).late
    )
      continue;
    await db.transaction().execute(async (trx) => {
      const fresh = await repo.lockComplaint(trx, c.id);
      if (!fresh || fresh.status !== 'followed_up' || fresh.followed_up_on !== c.followed_up_on) return;
      const now = clock.now();
      await steps(trx, {
        machine: complaintMachine,
        subject: { type: 'complaint', id: c.id, status: fresh.status },
        event: 'expire',
        actor: { id: null, role: 'system' },
        apply: (status) => repo.updateComplaint(trx, c.id, { status, closed_at: now, closed_reason: 'expired' }),
        audit: { action: 'complaint.expire' },
      });
      await repo.insertEvent(trx, {
        id: ids.uuid(),
        complaint_id: c.id,
        kind: 'expired',
        author: 'system',
        body: `Ditutup otomatis: tidak ada tanggapan pelapor dalam ${sla.closeAfterDays} hari kerja setelah tindak lanjut.`,
        at: now,
      });
      closed++;
    });
  }
  return closed;
}

/**
 * Warns staff once per late step (in the app and by e-mail): the coordinators when verification
 * is late, the OPD's staff and the coordinators when the follow-up is.
 */
async function escalate(ctx: ComplaintsContext) {
  const { db, clock, audit, notifier } = ctx;
  const today = localDate(clock.now());
  const holidays = await loadHolidays(db);
  const { sla } = await complaintSettings(ctx);
  const late = (await repo.openComplaintDates(db)).filter(
    (c) =>
      c.escalated_status === null &&
      c.status !== 'followed_up' &&
      complaintClock(
        { status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on },
        today,
        holidays,
        sla,
      ).late,
  );
  for (const c of late) {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.markEscalated(trx, c.id, c.status))) return;
      const who = [
        ...(await repo.staffToWarn(trx, null)),
        ...(c.status === 'disposed' ? await repo.staffToWarn(trx, c.organization_id) : []),
      ];
      const seen = new Set<string>();
      for (const s of who) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        await notifier.notify(
          trx,
          { accountId: s.id, email: s.email_normalized, fullName: s.full_name },
          {
            title: `Terlambat: laporan ${c.tracking_id}`,
            body:
              c.status === 'submitted'
                ? `Laporan "${c.title}" belum diverifikasi dan didisposisikan dalam ${sla.verifyDays} hari kerja.`
                : `Laporan "${c.title}" belum ditindaklanjuti OPD dalam ${sla.followUpDays} hari kerja.`,
            path: `/pengaduan/kelola/${c.id}`,
          },
        );
      }
      await audit.record(trx, {
        actor: { id: null, role: 'system' },
        action: 'complaint.escalate',
        subjectType: 'complaint',
        subjectId: c.id,
        after: { status: c.status, warned: seen.size },
      });
    });
  }
}
