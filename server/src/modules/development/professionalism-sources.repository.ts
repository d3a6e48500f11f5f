/**
 * SQL behind the named reads the professionalism module's IP ASN calls (development.reads.ts):
 * employee records with their jabatan, Merit's completed trainings and approved JP claims, and the
 * open batches — each one statement for any number of employees, so recomputing the city's index
 * costs a few queries, not one per person.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

const onlyIds = (ids: readonly string[] | null) => (ids === null ? sql<boolean>`true` : sql<boolean>`false`);

export const professionalismSources = {
  /** Employee records (every one when `ids` is null) with what the index needs to place them. */
  employees: (ex: Executor, ids: readonly string[] | null) => {
    let q = ex
      .selectFrom('employees as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select([
        'e.id',
        'e.nip',
        'e.full_name',
        'e.status',
        'e.organization_id',
        'o.name as organization_name',
        'e.jabatan',
        'e.jabatan_kind',
        'e.jenjang',
        'e.tmt',
        'e.account_id',
        'e.supervisor_id',
      ]);
    if (ids !== null) q = ids.length > 0 ? q.where('e.id', 'in', [...ids]) : q.where(onlyIds(ids));
    return q.orderBy('e.id').execute();
  },

  /** Completed enrolments: the programme's kind and JP, the batch's last day. */
  completedTrainings: (ex: Executor, ids: readonly string[] | null) => {
    let q = ex
      .selectFrom('enrollments as n')
      .innerJoin('training_batches as b', 'b.id', 'n.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select(['n.employee_id', 'p.kind', 'p.title', 'p.jp', 'b.ends_on'])
      .where('n.status', '=', 'completed');
    if (ids !== null) q = ids.length > 0 ? q.where('n.employee_id', 'in', [...ids]) : q.where(onlyIds(ids));
    return q.execute();
  },

  /** Approved JP claims with the JP the ledger credited for them. */
  approvedClaims: (ex: Executor, ids: readonly string[] | null) => {
    let q = ex
      .selectFrom('jp_claims as c')
      .innerJoin('jp_ledger as l', 'l.claim_id', 'c.id')
      .select(['c.employee_id', 'c.kind', 'c.title', 'c.held_on', 'l.jp'])
      .where('c.status', '=', 'approved');
    if (ids !== null) q = ids.length > 0 ? q.where('c.employee_id', 'in', [...ids]) : q.where(onlyIds(ids));
    return q.execute();
  },

  /** Batches open for enrolment that have not ended by `today`, with their programme's kind and JP. */
  openBatches: (ex: Executor, today: string) =>
    ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select(['b.id', 'b.name', 'b.starts_on', 'b.ends_on', 'p.id as program_id', 'p.title', 'p.kind', 'p.jp'])
      .where('b.status', '=', 'open')
      .where('b.starts_on', '>=', today)
      .orderBy('b.starts_on')
      .execute(),
};
