/** SQL behind performance's named read for the IP ASN index (performance.reads.ts): final annual predikat in bulk. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

export const performanceSources = {
  /** Final annual evaluations up to `upToYear` (every employee when `ids` is null), one query. */
  annualPredikats: (ex: Executor, ids: readonly string[] | null, upToYear: number) => {
    let q = ex
      .selectFrom('skp_evaluations as x')
      .innerJoin('skp_plans as p', 'p.id', 'x.plan_id')
      .select(['p.employee_id', 'x.year', 'x.predikat'])
      .where('x.period', '=', 'annual')
      .where('x.status', '=', 'final')
      .where('x.year', '<=', upToYear);
    if (ids !== null) q = ids.length > 0 ? q.where('p.employee_id', 'in', [...ids]) : q.where(sql<boolean>`false`);
    return q.execute();
  },
};
