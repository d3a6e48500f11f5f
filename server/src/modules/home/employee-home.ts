/**
 * What waits for anyone with an employee record (employee, new CPNS, supervisor): their SKP to
 * agree, today's training meetings, open pre/post-tests, the JP still missing this year; and, for a
 * supervisor, their team's plans, evaluations, JP claims, their OPD's complaints and policy milestones.
 */
import type { HomeTask } from '../../../../common/contracts/home.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { jpClaimsWaitingFor, trainingWaitingFor } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { complaintsWaitingFor } from '../participation/index.ts';
import { skpWaitingFor, type SkpWaiting } from '../performance/index.ts';
import { milestonesDueFor } from '../policy/index.ts';
import { byUrgency, fromWaiting, type HomeContext, task } from './home.shared.ts';

/** How long a newly issued certificate stays on its holder's home as news. */
const CERTIFICATE_NEWS_DAYS = 30;

/** A supervisor's own work as evaluator, OPD staff and unit head: plans, evaluations, JP claims, complaints, probations, milestones. */
async function supervisorTasks(ctx: HomeContext, actor: Actor, today: string, skp: SkpWaiting): Promise<HomeTask[]> {
  const [claims, complaints, milestones, probations] = await Promise.all([
    jpClaimsWaitingFor(ctx.db, actor),
    complaintsWaitingFor(ctx.db, actor, today),
    actor.organizationId
      ? milestonesDueFor(ctx.db, actor.organizationId, today)
      : { count: 0, dueOn: null, late: false, policyId: null },
    ctx.appointments ? ctx.appointments.probations(actor) : { atRisk: 0, rows: [] },
  ]);
  // The probation page's "at risk" count (at risk, overdue, failed), its nearest deadline first.
  const risky = probations.rows
    .filter((r) => r.state === 'at_risk' || r.state === 'overdue' || r.state === 'failed')
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  return [
    task('skpPlansNotAgreed', skp.plansNotAgreed, '/skp/tim'),
    task(
      'skpToEvaluate',
      skp.toEvaluate,
      '/skp/tim',
      {},
      skp.earliestQuarter ? { quarter: skp.earliestQuarter } : undefined,
    ),
    task('jpClaimsToDecide', claims, '/jp#claims-waiting'),
    fromWaiting('complaintsToFollowUp', complaints, '/pengaduan/kelola?status=disposed'),
    task('probationAtRisk', probations.atRisk, '/pegawai/masa-percobaan', {
      day: risky[0]?.deadline ?? null,
      late: risky.some((r) => r.state === 'overdue' || r.state === 'failed'),
    }),
    task('milestonesDue', milestones.count, milestones.policyId ? `/kebijakan/${milestones.policyId}` : '/kebijakan', {
      day: milestones.dueOn,
      late: milestones.late,
    }),
  ];
}

/**
 * The tasks of an employee or supervisor, most urgent first. Each count comes from the owning
 * module's own read, so the home and the module's page agree.
 */
export async function employeeTasks(ctx: HomeContext, actor: Actor, now: Date): Promise<HomeTask[]> {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const [skp, day, tests, probation, mine] = await Promise.all([
    skpWaitingFor(ctx.db, actor.accountId, year, today),
    trainingWaitingFor(ctx.db, actor.accountId, now, today, year),
    ctx.trainingTests ? ctx.trainingTests.mine(actor) : { tests: [] },
    ctx.appointments ? ctx.appointments.mine(actor) : { probation: null },
    ctx.completion ? ctx.completion.mine(actor.accountId) : { certificates: [] },
  ]);
  // The same certificates /pelatihan/saya lists, issued in the last month and not revoked.
  const newCertificates = mine.certificates.filter(
    (c) => !c.revoked && now.getTime() - new Date(c.issuedAt).getTime() <= CERTIFICATE_NEWS_DAYS * 86_400_000,
  );
  const open = tests.tests.filter((x) => x.open).sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const tasks: HomeTask[] = actor.role === 'supervisor' ? await supervisorTasks(ctx, actor, today, skp) : [];
  tasks.push(
    // A new CPNS: Latsar must be passed by the end of the probation year (TMT + 1 year).
    task(
      'latsarDeadline',
      probation.probation && probation.probation.state !== 'passed' ? 1 : 0,
      '/pegawai/saya#probation-title',
      {
        day: probation.probation?.deadline ?? null,
        late: probation.probation?.state === 'overdue' || probation.probation?.state === 'failed',
      },
      probation.probation ? { state: probation.probation.state } : undefined,
    ),
    task('skpToAgree', skp.toAgree ? 1 : 0, skp.toAgree ? `/skp/rencana/${skp.toAgree.planId}` : '/skp/saya'),
    task(
      'meetingsToday',
      day?.meetings ?? 0,
      day?.nextMeeting?.qrOpen ? '/hadir' : '/pelatihan/saya#my-trainings',
      { at: day?.nextMeeting?.startsAt ?? null },
      day?.nextMeeting ? { qrOpen: day.nextMeeting.qrOpen } : undefined,
    ),
    task('trainingTestsOpen', open.length, '/pelatihan/saya#my-tests', { at: open[0]?.closesAt ?? null }),
    task('certificatesIssued', newCertificates.length, '/pelatihan/saya#my-trainings'),
    // The 20 JP right is counted per calendar year: the year's last day is its deadline.
    task(
      'jpShort',
      day?.jpShort ?? 0,
      '/pelatihan/saya#jp-progress',
      { day: `${year}-12-31` },
      day ? { jp: day.jp } : undefined,
    ),
  );
  return byUrgency(tasks);
}
