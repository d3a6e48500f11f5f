/**
 * The admin's holiday calendar (issue 23 §9): a year's days, the SKB 3 Menteri list imported from a
 * sheet (all rows or none) or entered by hand and then marked loaded, and amendments to single days
 * during the year. Every change is audited in its transaction. Reads for deadlines go through
 * platform/holidays.ts, the one loader every module uses.
 */
import { bindUseCases } from '../../platform/context.ts';
import { importSheet, markLoaded, publicList, setDay, template, year } from './holiday-calendar.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** The holiday-calendar use-cases bound to one context. */
export const createHolidayService = (ctx: Pick<RecruitmentContext, 'db' | 'clock' | 'audit'>) =>
  bindUseCases(ctx, { publicList, year, setDay, markLoaded, importSheet, template });

export type HolidayService = ReturnType<typeof createHolidayService>;
