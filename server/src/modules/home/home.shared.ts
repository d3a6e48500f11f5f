/** What the home's per-role summaries share: their context, how a task is built, and the order tasks are shown in. */
import type { HomeTask, HomeTaskKey } from '../../../../common/contracts/home.ts';
import { localDate, missingNextYear, windowEndInstant } from '../../../../common/rules/calendar.ts';
import type { Stages } from '../../db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type {
  AppointmentService,
  CompletionService,
  TrainingService,
  TrainingTestsService,
} from '../development/index.ts';
import type { Waiting } from '../participation/index.ts';

/** The database and clock, and the development services whose own reads the home counts by (optional for tests that need none). */
export type HomeContext = Pick<AppContext, 'db' | 'clock'> & {
  trainingTests?: Pick<TrainingTestsService, 'mine'>;
  appointments?: Pick<AppointmentService, 'mine' | 'probations' | 'waitingForRecord'>;
  completion?: Pick<CompletionService, 'certificatesToIssue' | 'mine'>;
  training?: Pick<TrainingService, 'jpReport'>;
};

export const HOUR = 3_600_000;
export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** A task; `due` is an instant (ISO) or a Palu day whose end is the deadline. */
export function task(
  key: HomeTaskKey,
  count: number,
  to: string,
  due: { at?: string | null; day?: string | null; late?: boolean } = {},
  detail?: HomeTask['detail'],
): HomeTask {
  const dueAt = due.at ?? (due.day ? windowEndInstant(due.day).toISOString() : null);
  return { key, count, to, dueAt, late: count > 0 && !!due.late, provisional: false, ...(detail ? { detail } : {}) };
}
/** A task from another module's named read of what waits (its count, deadline day and lateness). */
export const fromWaiting = (key: HomeTaskKey, w: Waiting, to: string) =>
  task(key, w.count, to, { day: w.dueOn, late: w.late });

/**
 * Most urgent first: late ones, then the nearest deadline, then those without one by count
 * (largest first); ties keep the role's own order.
 */
export function byUrgency(tasks: readonly HomeTask[]): HomeTask[] {
  const rank = (t: HomeTask) => (t.late ? 0 : t.dueAt ? 1 : 2);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        rank(a.t) - rank(b.t) ||
        (a.t.dueAt && b.t.dueAt ? a.t.dueAt.localeCompare(b.t.dueAt) : 0) ||
        b.t.count - a.t.count ||
        a.i - b.i,
    )
    .map((x) => x.t);
}

/** The earliest end, still ahead of `now`, of the named stage over several periods. */
export function nextEnd(stages: Stages[], stage: keyof Stages, now: Date): string | null {
  const ends = stages
    .map((s) => s[stage]?.end)
    .filter((e): e is string => !!e && new Date(e) > now)
    .sort();
  return ends[0] ?? null;
}

/** From 1 October (Palu date), next year's SKB holiday list not loaded yet: deadlines there are provisional. */
export async function holidaysTask(now: Date, loadedYears: Promise<ReadonlySet<number>>): Promise<HomeTask[]> {
  const next = missingNextYear(localDate(now), await loadedYears);
  return next === null ? [] : [task('holidaysNextYearMissing', 1, `/admin/hari-libur?tahun=${next}`)];
}
