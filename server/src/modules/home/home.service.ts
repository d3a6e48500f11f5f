/**
 * The signed-in home's numbers per role: what is waiting for this person, where it is done, and by
 * when, most urgent first. Each item's count comes from the owning module's named read (its
 * index), the same filter its own page uses, so the home and the page never disagree.
 */
import type { Kysely } from 'kysely';
import type { HomePeriod, HomeSummary, HomeTask, HomeTaskKey } from '../../../../common/contracts/home.ts';
import { localDate, missingNextYear, provisionalYear, windowEndInstant } from '../../../../common/rules/calendar.ts';
import type { DB, Stages } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { loadHolidayCalendar } from '../../platform/holidays.ts';
import { type AppointmentService, batchesThisWeek, type CompletionService, jpClaimsWaitingFor, type TrainingService, type TrainingTestsService, trainingWaitingFor } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { accreditationsWaitingFor, complaintsWaitingFor, findingsWaitingFor, myParticipation, observerWaitingFor, type Waiting } from '../participation/index.ts';
import { skpWaitingFor } from '../performance/index.ts';
import { milestonesDueFor } from '../policy/index.ts';
import { publicationsAwaiting } from '../selection/index.ts';
import { homeRepository as repo } from './home.repository.ts';

const HOUR = 3_600_000;
const WITA_MS = 8 * HOUR;
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const STATUSES = ['submitted', 'ms', 'tms', 'objection_filed', 'tms_final'] as const;
const zero = () => ({ submitted: 0, ms: 0, tms: 0, objection_filed: 0, tms_final: 0 });

/** A task; `due` is an instant (ISO) or a Palu day whose end is the deadline. */
function task(key: HomeTaskKey, count: number, to: string, due: { at?: string | null; day?: string | null; late?: boolean } = {}, detail?: HomeTask['detail']): HomeTask {
  const dueAt = due.at ?? (due.day ? windowEndInstant(due.day).toISOString() : null);
  return { key, count, to, dueAt, late: count > 0 && !!due.late, provisional: false, ...(detail ? { detail } : {}) };
}
const fromWaiting = (key: HomeTaskKey, w: Waiting, to: string) => task(key, w.count, to, { day: w.dueOn, late: w.late });

/**
 * Most urgent first: late ones, then the nearest deadline, then those without one by count
 * (largest first); ties keep the role's own order.
 */
export function byUrgency(tasks: readonly HomeTask[]): HomeTask[] {
  const rank = (t: HomeTask) => (t.late ? 0 : t.dueAt ? 1 : 2);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || (a.t.dueAt && b.t.dueAt ? a.t.dueAt.localeCompare(b.t.dueAt) : 0) || b.t.count - a.t.count || a.i - b.i)
    .map((x) => x.t);
}

/** The earliest end, still ahead of `now`, of the named stage over several periods. */
function nextEnd(stages: Stages[], stage: keyof Stages, now: Date): string | null {
  const ends = stages.map((s) => s[stage]?.end).filter((e): e is string => !!e && new Date(e) > now).sort();
  return ends[0] ?? null;
}

export interface HomeDeps {
  db: Kysely<DB>;
  clock: Clock;
  trainingTests?: Pick<TrainingTestsService, 'mine'>;
  appointments?: Pick<AppointmentService, 'mine' | 'probations' | 'waitingForRecord'>;
  completion?: Pick<CompletionService, 'certificatesToIssue' | 'mine'>;
  training?: Pick<TrainingService, 'jpReport'>;
}

/** How long a newly issued certificate stays on its holder's home as news. */
const CERTIFICATE_NEWS_DAYS = 30;

export function createHomeService(deps: HomeDeps) {
  const { db, clock } = deps;

  /**
   * What waits for anyone with an employee record (employee, new CPNS, supervisor): their SKP to
   * agree, today's training meetings, open pre/post-tests, the JP still missing this year; and,
   * for a supervisor, their team's plans, evaluations, JP claims, their OPD's complaints and policy
   * milestones.
   */
  async function employeeTasks(actor: Actor, now: Date): Promise<HomeTask[]> {
    const today = localDate(now);
    const year = Number(today.slice(0, 4));
    const [skp, day, tests, probation, mine] = await Promise.all([
      skpWaitingFor(db, actor.accountId, year, today),
      trainingWaitingFor(db, actor.accountId, now, today, year),
      deps.trainingTests ? deps.trainingTests.mine(actor) : { tests: [] },
      deps.appointments ? deps.appointments.mine(actor) : { probation: null },
      deps.completion ? deps.completion.mine(actor.accountId) : { certificates: [] },
    ]);
    // The same certificates /pelatihan/saya lists, issued in the last month and not revoked.
    const newCertificates = mine.certificates.filter((c) => !c.revoked && now.getTime() - new Date(c.issuedAt).getTime() <= CERTIFICATE_NEWS_DAYS * 86_400_000);
    const open = tests.tests.filter((x) => x.open).sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    const tasks: HomeTask[] = [];
    if (actor.role === 'supervisor') {
      const [claims, complaints, milestones, probations] = await Promise.all([
        jpClaimsWaitingFor(db, actor),
        complaintsWaitingFor(db, actor, today),
        actor.organizationId ? milestonesDueFor(db, actor.organizationId, today) : { count: 0, dueOn: null, late: false, policyId: null },
        deps.appointments ? deps.appointments.probations(actor) : { atRisk: 0, rows: [] },
      ]);
      tasks.push(
        task('skpPlansNotAgreed', skp.plansNotAgreed, '/skp/tim'),
        task('skpToEvaluate', skp.toEvaluate, '/skp/tim', {}, skp.earliestQuarter ? { quarter: skp.earliestQuarter } : undefined),
        task('jpClaimsToDecide', claims, '/jp#claims-waiting'),
        fromWaiting('complaintsToFollowUp', complaints, '/pengaduan/kelola?status=disposed'),
        // The probation page's "at risk" count (at risk, overdue, failed), its nearest deadline first.
        task('probationAtRisk', probations.atRisk, '/pegawai/masa-percobaan', (() => {
          const risky = probations.rows.filter((r) => r.state === 'at_risk' || r.state === 'overdue' || r.state === 'failed').sort((a, b) => a.deadline.localeCompare(b.deadline));
          return { day: risky[0]?.deadline ?? null, late: risky.some((r) => r.state === 'overdue' || r.state === 'failed') };
        })()),
        task('milestonesDue', milestones.count, milestones.policyId ? `/kebijakan/${milestones.policyId}` : '/kebijakan', { day: milestones.dueOn, late: milestones.late }),
      );
    }
    tasks.push(
      // A new CPNS: Latsar must be passed by the end of the probation year (TMT + 1 year).
      task('latsarDeadline', probation.probation && probation.probation.state !== 'passed' ? 1 : 0, '/pegawai/saya#probation-title', { day: probation.probation?.deadline ?? null, late: probation.probation?.state === 'overdue' || probation.probation?.state === 'failed' }, probation.probation ? { state: probation.probation.state } : undefined),
      task('skpToAgree', skp.toAgree ? 1 : 0, skp.toAgree ? `/skp/rencana/${skp.toAgree.planId}` : '/skp/saya'),
      task('meetingsToday', day?.meetings ?? 0, day?.nextMeeting?.qrOpen ? '/hadir' : '/pelatihan/saya#my-trainings', { at: day?.nextMeeting?.startsAt ?? null }, day?.nextMeeting ? { qrOpen: day.nextMeeting.qrOpen } : undefined),
      task('trainingTestsOpen', open.length, '/pelatihan/saya#my-tests', { at: open[0]?.closesAt ?? null }),
      task('certificatesIssued', newCertificates.length, '/pelatihan/saya#my-trainings'),
      // The 20 JP right is counted per calendar year: the year's last day is its deadline.
      task('jpShort', day?.jpShort ?? 0, '/pelatihan/saya#jp-progress', { day: `${year}-12-31` }, day ? { jp: day.jp } : undefined),
    );
    return byUrgency(tasks);
  }

  async function periods(committeeId: string): Promise<HomePeriod[]> {
    const list = await repo.periods(db, committeeId, 3);
    const ids = list.map((p) => p.id);
    const [counts, orgs] = await Promise.all([repo.statusCounts(db, ids), repo.formationsByOrganization(db, ids)]);
    return list.map((p) => {
      const total = zero();
      let drafts = 0;
      const byOrg = orgs
        .filter((o) => o.period_id === p.id)
        .map((o) => {
          const c = zero();
          for (const r of counts) {
            if (r.period_id !== p.id || r.organization_id !== o.organization_id) continue;
            if ((STATUSES as readonly string[]).includes(r.status)) c[r.status as (typeof STATUSES)[number]] += r.n;
          }
          return { organizationId: o.organization_id, organizationName: o.name, formations: o.formations, quota: o.quota, counts: c };
        });
      for (const r of counts) {
        if (r.period_id !== p.id) continue;
        if (r.status === 'draft') drafts += r.n;
        else if ((STATUSES as readonly string[]).includes(r.status)) total[r.status as (typeof STATUSES)[number]] += r.n;
      }
      const stageEnds = Object.fromEntries(Object.entries(p.stages ?? {}).flatMap(([k, w]) => (w?.end ? [[k, new Date(w.end).toISOString()]] : [])));
      return { id: p.id, name: p.name, counts: total, drafts, byOrganization: byOrg, stageEnds };
    });
  }

  /** From 1 October (Palu date), next year's SKB holiday list not loaded yet: deadlines there are provisional. */
  async function holidaysTask(now: Date, loadedYears: Promise<ReadonlySet<number>>): Promise<HomeTask[]> {
    const next = missingNextYear(localDate(now), await loadedYears);
    return next === null ? [] : [task('holidaysNextYearMissing', 1, `/admin/hari-libur?tahun=${next}`)];
  }

  /** What `actor` sees on /beranda, before deadlines are checked against the loaded holiday years. */
  async function summaryOf(actor: Actor, loadedYears: Promise<ReadonlySet<number>>): Promise<HomeSummary> {
    const now = clock.now();
    switch (actor.role) {
      case 'committee': {
        const today = localDate(now);
        const periodIds = await repo.committeePeriodIds(db, actor.accountId);
        const [w, ps, complaints, findings, accreditations, publications] = await Promise.all([
          repo.committeeWork(db, actor.accountId),
          periods(actor.accountId),
          complaintsWaitingFor(db, actor, today),
          findingsWaitingFor(db, periodIds, today),
          accreditationsWaitingFor(db, periodIds),
          publicationsAwaiting(db, actor.accountId),
        ]);
        const periodPage = ps[0] ? `/panitia/periode/${ps[0].id}` : '/panitia';
        const tasks = byUrgency([
          fromWaiting('complaintsToVerify', complaints, '/pengaduan/kelola?status=submitted'),
          fromWaiting('findingsToAnswer', findings, '/panitia/pemantau#cfindings-title'),
          task('accreditationsToDecide', accreditations, '/panitia/pemantau#requests-title'),
          task('objectionsOpen', w.objections, periodPage, { at: iso(w.objectionsDue), late: !!w.objectionsDue && new Date(w.objectionsDue) < now }),
          task('announcementsToApprove', w.announcements, periodPage),
          task('publicationsToApprove', publications.count, publications.periodId ? `/seleksi/${publications.periodId}#pub-title` : '/seleksi'),
          task('reviewsWaiting', w.reviews, '/verifikasi'),
          task('unclaimed', w.unclaimed, '/verifikasi'),
          ...(await holidaysTask(now, loadedYears)),
        ]);
        return { tasks, periods: ps };
      }
      case 'verifier': {
        const w = await repo.verifierWork(db, actor.accountId);
        const due = nextEnd(w.stages, 'verification', now);
        return {
          tasks: [
            task('myQueue', w.queue, '/verifikasi', { at: due }),
            task('unclaimed', w.unclaimed, '/verifikasi', { at: due }),
            task('reviewsWaiting', w.reviews, '/verifikasi'),
          ],
        };
      }
      case 'proctor': {
        // Today in Palu (WITA, UTC+8): [00:00, 24:00) local time.
        const local = new Date(now.getTime() + WITA_MS);
        const start = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - WITA_MS);
        const [rows, open] = await Promise.all([repo.sessionsBetween(db, start, new Date(start.getTime() + 24 * HOUR)), repo.openCatSessions(db)]);
        const sessions = rows.map((r) => ({
          sessionId: r.id,
          siteName: r.site_name,
          startsAt: new Date(r.starts_at).toISOString(),
          durationMinutes: r.duration_minutes,
          capacity: r.capacity,
          assigned: Number(r.assigned ?? 0),
          state: (r.opened_at === null ? 'scheduled' : r.closed_at === null ? 'open' : 'closed') as 'scheduled' | 'open' | 'closed',
        }));
        return {
          tasks: [
            task('sessionsToday', sessions.length, '/pengawas', { at: sessions.find((s) => s.state === 'scheduled')?.startsAt ?? null }),
            task('sessionsOpen', open, '/pengawas'),
          ],
          sessions,
        };
      }
      case 'exam_admin': {
        const b = await repo.bank(db);
        return {
          tasks: [task('analysisReady', b.closed, b.latestAnalysis ? `/bank-soal/analisis/${b.latestAnalysis}` : '/bank-soal')],
          bank: { bySubtest: b.bySubtest, blueprints: b.blueprints, latestAnalysis: b.latestAnalysis },
        };
      }
      case 'admin': {
        const a = await repo.admin(db, new Date(now.getTime() - 24 * HOUR));
        return {
          tasks: [
            task('accountsPending', a.pending, '/admin/akun'),
            task('outboxUnsent', a.unsent, '/admin/kotak-keluar'),
            // The two-person rule needs two active committee members.
            task('committeeShort', Math.max(0, 2 - a.committee), '/admin/akun'),
            ...(await holidaysTask(now, loadedYears)),
          ],
          accounts: { staff: a.staff, pending: a.pending, disabled: a.disabled, committee: a.committee },
        };
      }
      case 'supervisor':
      case 'employee':
        return { tasks: await employeeTasks(actor, now) };
      case 'training_admin': {
        const today = localDate(now);
        const year = Number(today.slice(0, 4));
        const [claims, week, certificates, appointees, jp] = await Promise.all([
          jpClaimsWaitingFor(db, actor),
          batchesThisWeek(db, today),
          deps.completion ? deps.completion.certificatesToIssue() : { count: 0, batchId: null },
          deps.appointments ? deps.appointments.waitingForRecord() : { count: 0, periodId: null },
          deps.training ? deps.training.jpReport(actor, year) : null,
        ]);
        // OPDs whose share of employees with 20 JP this year is below the city's share (the /jp report's table).
        const cityPercent = jp && jp.employees > 0 ? Math.floor((jp.met * 100) / jp.employees) : 0;
        const behind = jp ? jp.byOrganization.filter((o) => o.percent < cityPercent).length : 0;
        return {
          tasks: byUrgency([
            task('certificatesToIssue', certificates.count, certificates.batchId ? `/pelatihan/angkatan/${certificates.batchId}` : '/pelatihan'),
            task('appointeesWaiting', appointees.count, '/pegawai/pengangkatan'),
            task('jpClaimsToDecide', claims, '/jp#claims-waiting'),
            task('opdsBelowJpShare', behind, '/jp', { day: `${year}-12-31` }, { percent: cityPercent }),
            task('batchesThisWeek', week.count, week.batchId ? `/pelatihan/angkatan/${week.batchId}` : '/pelatihan', {}, { starting: week.starting, ending: week.ending }),
          ]),
        };
      }
      case 'observer': {
        const o = await observerWaitingFor(db, actor.accountId, localDate(now));
        const findingsPage = (periodId: string | null) => (periodId ? `/pemantauan/${periodId}#findings-title` : '/pemantauan');
        return {
          tasks: byUrgency([
            fromWaiting('findingsOverdue', o.overdue, findingsPage(o.overdue.periodId)),
            task('findingsAnswered', o.answered.count, findingsPage(o.answered.periodId)),
            fromWaiting('accreditationExpiring', o.expiring, '/pemantauan#mine-title'),
            task('accreditationPending', o.pending, '/pemantauan#mine-title'),
          ]),
        };
      }
      case 'citizen': {
        // From the participation module's own read, so the home and the citizen's own page agree.
        const p = await myParticipation(db, actor.accountId, now);
        const upcoming = p.forums.filter((f) => f.upcoming).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
        return {
          tasks: [
            task('forumsUpcoming', upcoming.length, upcoming[0] ? `/forum/${upcoming[0].id}` : '/forum', { at: upcoming[0]?.heldAt ?? null }),
            task('commentsAnswered', p.comments.filter((c) => c.answered).length, p.comments[0] ? `/konsultasi/${p.comments[0].consultationId}` : '/konsultasi'),
          ],
        };
      }
      default:
        // applicant: /lamaran is their task list.
        return { tasks: [] };
    }
  }

  return {
    /** What `actor` sees on /beranda: a deadline in a year whose SKB holiday list is not loaded is provisional. */
    async summary(actor: Actor): Promise<HomeSummary> {
      // One read of the loaded holiday years serves the next-year warning and the provisional marks.
      const loadedYears = loadHolidayCalendar(db).then((c) => c.loadedYears);
      const [summary, years] = await Promise.all([summaryOf(actor, loadedYears), loadedYears]);
      const provisional = (dueAt: string) => provisionalYear(localDate(new Date(dueAt)), years) !== null;
      return { ...summary, tasks: summary.tasks.map((t) => (t.dueAt && provisional(t.dueAt) ? { ...t, provisional: true } : t)) };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
