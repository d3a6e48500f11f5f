/** SQL for the correlation page: the IP ASN totals it relates to selection scores (professionalism's own table). */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

export const correlationRepository = {
  /**
   * Each employee's latest IP ASN total (of these employees): the latest year, under the
   * instrument version that measures that year when it was computed with it, else the newest
   * computation. Numeric columns come back as strings.
   */
  latestIpAsnTotals: (ex: Executor, employeeIds: readonly string[]) =>
    ex
      .selectFrom('ip_asn_results as r')
      .leftJoin('ip_asn_years as y', 'y.year', 'r.year')
      .distinctOn('r.employee_id')
      .select(['r.employee_id', 'r.year', 'r.total'])
      .where(sql<boolean>`r.employee_id = any(${[...employeeIds]}::uuid[])`)
      .orderBy('r.employee_id')
      .orderBy('r.year', 'desc')
      .orderBy(sql`case when r.instrument_id = y.instrument_id then 0 else 1 end`)
      .orderBy('r.computed_at', 'desc')
      .execute(),
};
