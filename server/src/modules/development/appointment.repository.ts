/** SQL for appointments (a published final result into CPNS/PPPK records) and probation. */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EmployeesTable } from '../../db/schema.ts';

export const appointmentRepository = {
  organizationNames: async (ex: Executor) =>
    new Map((await ex.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name])),
  /** Records already made from these applications. */
  employeesOfApplications: async (ex: Executor, applicationIds: readonly string[]) =>
    applicationIds.length === 0
      ? new Map<string, { id: string; nip: string; status: string }>()
      : new Map(
          (
            await ex
              .selectFrom('employees')
              .select(['id', 'nip', 'status', 'application_id'])
              .where('application_id', 'in', [...applicationIds])
              .execute()
          ).map((e) => [e.application_id!, e]),
        ),
  clash: (ex: Executor, f: { nip: string; accountId: string; applicationId: string }) =>
    ex
      .selectFrom('employees')
      .select(['id', 'nip', 'full_name', 'account_id', 'application_id'])
      .where((eb) =>
        eb.or([eb('nip', '=', f.nip), eb('account_id', '=', f.accountId), eb('application_id', '=', f.applicationId)]),
      )
      .executeTakeFirst(),
  allNips: async (ex: Executor) =>
    new Set((await ex.selectFrom('employees').select('nip').execute()).map((e) => e.nip)),
  employeeByNip: (ex: Executor, nip: string) =>
    ex.selectFrom('employees').select(['id', 'full_name']).where('nip', '=', nip).executeTakeFirst(),
  insertEmployee: (ex: Executor, row: Insertable<EmployeesTable>) => ex.insertInto('employees').values(row).execute(),
  /** Open batches of a kind starting on or after a day, earliest first, with their seat counts. */
  nextBatchesOfKind: (ex: Executor, kind: 'latsar' | 'orientasi_pppk', from: string) =>
    ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select(['b.id', 'b.name', 'b.starts_on', 'p.title', 'p.eligibility'])
      .where('p.kind', '=', kind)
      .where('b.status', '=', 'open')
      .where('b.starts_on', '>=', from)
      .orderBy('b.starts_on')
      .orderBy('b.name')
      .execute(),
  /**
   * CPNS records (of these employees, null = all) with the state of their Latsar: the best of
   * their Latsar enrolments (completed, not completed, enrolled, waitlisted).
   */
  cpns: (ex: Executor, employeeIds: readonly string[] | null) => {
    let q = ex
      .selectFrom('employees as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .leftJoin('employees as s', 's.id', 'm.supervisor_id')
      .select([
        'm.id',
        'm.nip',
        'm.full_name',
        'm.tmt',
        'm.organization_id',
        'o.name as organization_name',
        'm.account_id',
        's.account_id as supervisor_account_id',
        's.full_name as supervisor_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('enrollments as e')
          .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
          .innerJoin('training_programs as p', 'p.id', 'b.program_id')
          .whereRef('e.employee_id', '=', 'm.id')
          .where('p.kind', '=', 'latsar')
          .where('e.status', '<>', 'cancelled')
          .select(sql<string>`e.status || '|' || b.name || '|' || p.title || '|' || b.id`.as('x'))
          .orderBy(
            sql`case e.status when 'completed' then 0 when 'not_completed' then 1 when 'enrolled' then 2 else 3 end`,
          )
          .limit(1)
          .as('latsar'),
      )
      .where('m.status', '=', 'CPNS');
    if (employeeIds)
      q = employeeIds.length > 0 ? q.where('m.id', 'in', [...employeeIds]) : q.where(sql<boolean>`false`);
    return q.orderBy('m.tmt').orderBy('m.full_name').execute();
  },
  /**
   * Every record made from a recruitment application, with its Latsar result: the post-test
   * score of the finished Latsar enrolment (completed before not completed, then the latest).
   * Null when no finished Latsar has a score yet.
   */
  appointeesWithLatsar: (ex: Executor) =>
    // One pass over the Latsar enrolments joined to the appointees (not a subquery per person):
    // the plan stays a hash join whatever the table statistics say.
    ex
      .selectFrom('employees as m')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('enrollments as e')
            .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
            .innerJoin('training_programs as p', 'p.id', 'b.program_id')
            .where('p.kind', '=', 'latsar')
            .where('e.status', 'in', ['completed', 'not_completed'])
            .where('e.post_test_score', 'is not', null)
            .distinctOn('e.employee_id')
            .select(['e.employee_id', 'e.post_test_score'])
            .orderBy('e.employee_id')
            .orderBy(sql`case e.status when 'completed' then 0 else 1 end`)
            .orderBy('b.ends_on', 'desc')
            .as('l'),
        (join) => join.onRef('l.employee_id', '=', 'm.id'),
      )
      .select(['m.id', 'm.application_id', 'm.tmt', 'm.status', 'l.post_test_score as latsar_score'])
      .where('m.application_id', 'is not', null)
      .execute(),
};
