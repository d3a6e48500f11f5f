/** The public complaint statistics and the admin's deadlines (SLA). */
import { localDate } from '../../../../common/rules/calendar.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { sweepComplaints } from './complaint-sweep.ts';
import { complaintSettings, type ComplaintsContext } from './complaints.shared.ts';
import { type ComplaintSla, complaintClock, onTime, onTimeByOpd } from './domain/complaints.ts';
import { actorOf } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

/**
 * Public statistics: reports per category and status, the coordinator's on-time verification
 * share, each OPD's on-time follow-up share, and how many open reports are late now.
 */
export async function complaintStatistics(ctx: ComplaintsContext) {
  const { db, clock } = ctx;
  await sweepComplaints(ctx);
  const [counts, steps_, verifications, open, orgs, holidays, { sla }] = await Promise.all([
    repo.countsByCategory(db),
    repo.steps(db),
    repo.verifications(db),
    repo.openComplaintDates(db),
    repo.organizations(db),
    loadHolidays(db),
    complaintSettings(ctx),
  ]);
  const today = localDate(clock.now());
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const byCategory = new Map<string, { category: string; total: number; byStatus: Record<string, number> }>();
  for (const r of counts) {
    const row = byCategory.get(r.category) ?? { category: r.category, total: 0, byStatus: {} };
    row.total += Number(r.n);
    row.byStatus[r.status] = (row.byStatus[r.status] ?? 0) + Number(r.n);
    byCategory.set(r.category, row);
  }
  const verified = verifications.filter((v) => v.verified_at !== null);
  const verifiedOnTime = verified.filter((v) =>
    onTime(v.filed_on, localDate(new Date(v.verified_at!)), sla.verifyDays, holidays),
  ).length;
  const lateNow = open.filter(
    (c) =>
      complaintClock(
        { status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on },
        today,
        holidays,
        sla,
      ).late && c.status !== 'followed_up',
  ).length;
  return {
    updatedAt: clock.now().toISOString(),
    sla,
    total: [...byCategory.values()].reduce((a, r) => a + r.total, 0),
    byCategory: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)),
    verification: {
      verified: verified.length,
      onTime: verifiedOnTime,
      percent: verified.length === 0 ? null : Math.round((100 * verifiedOnTime) / verified.length),
    },
    lateNow,
    byOrganization: onTimeByOpd(
      steps_.map((s) => ({
        organizationId: s.organization_id,
        disposedOn: s.disposed_on,
        followedUpOn: s.followed_up_on,
      })),
      today,
      holidays,
      sla,
    ).map((r) => ({ ...r, name: names.get(r.organizationId) ?? r.organizationId })),
  };
}

/** The admin sets the working-day deadlines; the filing form's cached rules are dropped at once. */
export async function saveComplaintSla(ctx: ComplaintsContext, actor: Actor, sla: ComplaintSla) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await complaintSettings(ctx, trx);
    await repo.saveSettings(trx, {
      sla: JSON.stringify(sla),
      bands: JSON.stringify(current.bands),
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'participation.sla',
      subjectType: 'participation_settings',
      subjectId: 'default',
      before: current.sla,
      after: sla,
    });
  });
  ctx.state.filing = null;
  return sla;
}
