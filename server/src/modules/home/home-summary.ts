/** The signed-in home's summary: the role's own tasks, with deadlines in a year whose holiday list is missing marked provisional. */
import type { HomeSummary } from '../../../../common/contracts/home.ts';
import { localDate, provisionalYear } from '../../../../common/rules/calendar.ts';
import { loadHolidayCalendar } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { committeeSummary } from './committee-home.ts';
import { employeeTasks } from './employee-home.ts';
import type { HomeContext } from './home.shared.ts';
import {
  adminSummary,
  citizenSummary,
  examAdminSummary,
  observerSummary,
  proctorSummary,
  trainingAdminSummary,
  verifierSummary,
} from './staff-home.ts';

/** What `actor` sees on /beranda, before deadlines are checked against the loaded holiday years. */
async function summaryOf(
  ctx: HomeContext,
  actor: Actor,
  loadedYears: Promise<ReadonlySet<number>>,
): Promise<HomeSummary> {
  const now = ctx.clock.now();
  switch (actor.role) {
    case 'committee':
      return committeeSummary(ctx, actor, now, loadedYears);
    case 'verifier':
      return verifierSummary(ctx, actor, now);
    case 'proctor':
      return proctorSummary(ctx, now);
    case 'exam_admin':
      return examAdminSummary(ctx);
    case 'admin':
      return adminSummary(ctx, now, loadedYears);
    case 'supervisor':
    case 'employee':
      return { tasks: await employeeTasks(ctx, actor, now) };
    case 'training_admin':
      return trainingAdminSummary(ctx, actor, now);
    case 'observer':
      return observerSummary(ctx, actor, now);
    case 'citizen':
      return citizenSummary(ctx, actor, now);
    default:
      // applicant: /lamaran is their task list.
      return { tasks: [] };
  }
}

/** What `actor` sees on /beranda: a deadline in a year whose SKB holiday list is not loaded is provisional. */
export async function homeSummary(ctx: HomeContext, actor: Actor): Promise<HomeSummary> {
  // One read of the loaded holiday years serves the next-year warning and the provisional marks.
  const loadedYears = loadHolidayCalendar(ctx.db).then((c) => c.loadedYears);
  const [summary, years] = await Promise.all([summaryOf(ctx, actor, loadedYears), loadedYears]);
  const provisional = (dueAt: string) => provisionalYear(localDate(new Date(dueAt)), years) !== null;
  return {
    ...summary,
    tasks: summary.tasks.map((t) => (t.dueAt && provisional(t.dueAt) ? { ...t, provisional: true } : t)),
  };
}
