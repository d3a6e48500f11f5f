/**
 * Named reads other modules may call (the signed-in home's inbox): the SKP work waiting for a
 * person, counted from the same rows the SKP pages show (the team page's members and plans, the
 * employee's own plan), so the home and the pages agree.
 */
import { dayNumber } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import { performanceRepository as repo } from './performance.repository.ts';
import { performanceSources } from './professionalism-sources.repository.ts';

const QUARTER_END: Record<'q1' | 'q2' | 'q3' | 'q4', string> = { q1: '03-31', q2: '06-30', q3: '09-30', q4: '12-31' };
const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

export interface SkpWaiting {
  /** The employee's own plan of the year, when it has results and waits for their agreement. */
  toAgree: { planId: string } | null;
  /** Direct reports (this person is their pejabat penilai) whose plan of the year is not agreed yet. */
  plansNotAgreed: number;
  /** Ended quarters of agreed plans (theirs to evaluate) with no final evaluation yet, and the earliest such quarter. */
  toEvaluate: number;
  earliestQuarter: string | null;
}

/** What waits in SKP for the account `accountId` in `year`, as of the Palu day `today`. */
export async function skpWaitingFor(db: Executor, accountId: string, year: number, today: string): Promise<SkpWaiting> {
  const none: SkpWaiting = { toAgree: null, plansNotAgreed: 0, toEvaluate: 0, earliestQuarter: null };
  const me = await repo.personOfAccount(db, accountId);
  if (!me) return none;
  const own = await repo.teamPlans(db, [me.id], year);
  const mine = own.plans[0];
  const toAgree = mine && mine.status === 'draft' && Number(mine.results ?? 0) > 0 ? { planId: mine.id } : null;
  const reports = await repo.directReports(db, me.id);
  const { plans, evaluations } = await repo.teamPlans(
    db,
    reports.map((r) => r.id),
    year,
  );
  // The team page shows a plan only to its evaluator; the same rule here.
  const byEmployee = new Map(plans.filter((p) => p.evaluator_id === me.id).map((p) => [p.employee_id, p]));
  const plansNotAgreed = reports.filter((r) => byEmployee.get(r.id)?.status !== 'agreed').length;
  const ended = QUARTERS.filter((q) => dayNumber(`${year}-${QUARTER_END[q]}`) < dayNumber(today));
  let toEvaluate = 0;
  let earliest: number | null = null;
  for (const p of byEmployee.values()) {
    if (p.status !== 'agreed') continue;
    for (const q of ended) {
      if (evaluations.some((e) => e.plan_id === p.id && e.period === q && e.status === 'final')) continue;
      toEvaluate++;
      earliest = Math.min(earliest ?? 9, QUARTERS.indexOf(q));
    }
  }
  return { toAgree, plansNotAgreed, toEvaluate, earliestQuarter: earliest === null ? null : QUARTERS[earliest]! };
}

/**
 * Final annual SKP predikat of the years up to `upToYear` (every employee when `ids` is null), for
 * the IP ASN kinerja dimension: one query for any number of employees.
 */
export const annualPredikatsForIpAsn = (db: Executor, ids: readonly string[] | null, upToYear: number) =>
  performanceSources.annualPredikats(db, ids, upToYear);
/** An employee's first rated year: the predikat of their earliest final annual SKP evaluation. */
export interface FirstYearPredikat {
  employeeId: string;
  year: number;
  predikat: 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
}

/**
 * The first-year SKP predikat of these employees (those with a final annual evaluation), for the
 * correlation page: whether selection scores foretell the first year's performance.
 */
export async function firstYearPredikats(db: Executor, employeeIds: readonly string[]): Promise<FirstYearPredikat[]> {
  if (employeeIds.length === 0) return [];
  const rows = await repo.firstAnnualPredikats(db, employeeIds);
  return rows.map((r) => ({ employeeId: r.employee_id, year: r.year, predikat: r.predikat }));
}
