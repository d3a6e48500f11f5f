/** The committee's home: the work waiting across the periods whose committee they sit on, and those periods' counts per OPD. */
import type { HomePeriod, HomeSummary } from '../../../../common/contracts/home.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { Actor } from '../identity/index.ts';
import { accreditationsWaitingFor, complaintsWaitingFor, findingsWaitingFor } from '../participation/index.ts';
import { publicationsAwaiting } from '../selection/index.ts';
import { homeRepository as repo } from './home.repository.ts';
import { byUrgency, fromWaiting, type HomeContext, holidaysTask, iso, task } from './home.shared.ts';

const STATUSES = ['submitted', 'ms', 'tms', 'objection_filed', 'tms_final'] as const;
const zero = () => ({ submitted: 0, ms: 0, tms: 0, objection_filed: 0, tms_final: 0 });
const isCounted = (status: string): status is (typeof STATUSES)[number] =>
  (STATUSES as readonly string[]).includes(status);

/** The committee member's three newest periods: applications per status (in total and per OPD), drafts, and each stage's end. */
async function periods(ctx: HomeContext, committeeId: string): Promise<HomePeriod[]> {
  const list = await repo.periods(ctx.db, committeeId, 3);
  const ids = list.map((p) => p.id);
  const [counts, orgs] = await Promise.all([
    repo.statusCounts(ctx.db, ids),
    repo.formationsByOrganization(ctx.db, ids),
  ]);
  return list.map((p) => {
    const total = zero();
    let drafts = 0;
    const byOrg = orgs
      .filter((o) => o.period_id === p.id)
      .map((o) => {
        const c = zero();
        for (const r of counts) {
          if (r.period_id !== p.id || r.organization_id !== o.organization_id) continue;
          if (isCounted(r.status)) c[r.status] += r.n;
        }
        return {
          organizationId: o.organization_id,
          organizationName: o.name,
          formations: o.formations,
          quota: o.quota,
          counts: c,
        };
      });
    for (const r of counts) {
      if (r.period_id !== p.id) continue;
      if (r.status === 'draft') drafts += r.n;
      else if (isCounted(r.status)) total[r.status] += r.n;
    }
    const stageEnds = Object.fromEntries(
      Object.entries(p.stages ?? {}).flatMap(([k, w]) => (w?.end ? [[k, new Date(w.end).toISOString()]] : [])),
    );
    return { id: p.id, name: p.name, counts: total, drafts, byOrganization: byOrg, stageEnds };
  });
}

/** The committee member's tasks (complaints, findings, accreditations, objections, announcements, publications, reviews) and periods. */
export async function committeeSummary(
  ctx: HomeContext,
  actor: Actor,
  now: Date,
  loadedYears: Promise<ReadonlySet<number>>,
): Promise<HomeSummary> {
  const today = localDate(now);
  const periodIds = await repo.committeePeriodIds(ctx.db, actor.accountId);
  const [w, ps, complaints, findings, accreditations, publications] = await Promise.all([
    repo.committeeWork(ctx.db, actor.accountId),
    periods(ctx, actor.accountId),
    complaintsWaitingFor(ctx.db, actor, today),
    findingsWaitingFor(ctx.db, periodIds, today),
    accreditationsWaitingFor(ctx.db, periodIds),
    publicationsAwaiting(ctx.db, actor.accountId),
  ]);
  const periodPage = ps[0] ? `/panitia/periode/${ps[0].id}` : '/panitia';
  const tasks = byUrgency([
    fromWaiting('complaintsToVerify', complaints, '/pengaduan/kelola?status=submitted'),
    fromWaiting('findingsToAnswer', findings, '/panitia/pemantau#cfindings-title'),
    task('accreditationsToDecide', accreditations, '/panitia/pemantau#requests-title'),
    task('objectionsOpen', w.objections, periodPage, {
      at: iso(w.objectionsDue),
      late: !!w.objectionsDue && new Date(w.objectionsDue) < now,
    }),
    task('announcementsToApprove', w.announcements, periodPage),
    task(
      'publicationsToApprove',
      publications.count,
      publications.periodId ? `/seleksi/${publications.periodId}#pub-title` : '/seleksi',
    ),
    task('reviewsWaiting', w.reviews, '/verifikasi'),
    task('unclaimed', w.unclaimed, '/verifikasi'),
    ...(await holidaysTask(now, loadedYears)),
  ]);
  return { tasks, periods: ps };
}
