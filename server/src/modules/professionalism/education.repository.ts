/** SQL of the education and competency history (Kysely only; the executor comes first so use-cases own transactions). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type EducationRow = DB['education_records'];
type CompetencyRow = DB['competency_records'];

export const recordsRepository = {
  education: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('education_records')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .orderBy('graduation_year', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  /** One education record, locked for the change that reads it. */
  educationRecord: (ex: Executor, id: string) =>
    ex.selectFrom('education_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  educationFile: (ex: Executor, id: string) =>
    ex
      .selectFrom('education_records')
      .select(['employee_id', 'ijazah_file_key', 'level'])
      .where('id', '=', id)
      .executeTakeFirst(),
  educationByIds: (ex: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('education_records')
          .select(['id', 'level', 'institution', 'graduation_year'])
          .where('id', 'in', [...ids])
          .execute(),
  /** The education records of these employees, for matching an imported sheet's rows. */
  educationOfEmployees: (ex: Executor, employeeIds: readonly string[]) =>
    employeeIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('education_records')
          .select(['id', 'employee_id', 'level', 'institution', 'graduation_year'])
          .where('employee_id', 'in', [...employeeIds])
          .execute(),
  insertEducation: (ex: Executor, row: Insertable<EducationRow>) =>
    ex.insertInto('education_records').values(row).execute(),
  updateEducation: (ex: Executor, id: string, patch: Updateable<EducationRow>) =>
    ex.updateTable('education_records').set(patch).where('id', '=', id).execute(),
  deleteEducation: (ex: Executor, id: string) => ex.deleteFrom('education_records').where('id', '=', id).execute(),
  /** Unmarks a person's highest education (before marking another: the unique index allows one). */
  clearHighest: (ex: Executor, employeeId: string, at: Date) =>
    ex
      .updateTable('education_records')
      .set({ is_highest: false, updated_at: at })
      .where('employee_id', '=', employeeId)
      .where('is_highest', '=', true)
      .execute(),

  competency: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('competency_records')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .orderBy('completed_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  competencyRecord: (ex: Executor, id: string) =>
    ex.selectFrom('competency_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  competencyOfEmployees: (ex: Executor, employeeIds: readonly string[]) =>
    employeeIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('competency_records')
          .select(['id', 'employee_id', 'kind', 'title', 'completed_on'])
          .where('employee_id', 'in', [...employeeIds])
          .execute(),
  insertCompetency: (ex: Executor, rows: Insertable<CompetencyRow>[]) =>
    rows.length === 0 ? Promise.resolve([]) : ex.insertInto('competency_records').values(rows).execute(),
  updateCompetency: (ex: Executor, id: string, patch: Updateable<CompetencyRow>) =>
    ex.updateTable('competency_records').set(patch).where('id', '=', id).execute(),
  deleteCompetency: (ex: Executor, id: string) => ex.deleteFrom('competency_records').where('id', '=', id).execute(),

  insertCorrection: (ex: Executor, row: Insertable<DB['education_corrections']>) =>
    ex.insertInto('education_corrections').values(row).execute(),
  correction: (ex: Executor, id: string) =>
    ex.selectFrom('education_corrections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  /** Proposals in a status, oldest first (the queue is worked in order); at most 500. */
  corrections: (ex: Executor, status: string) =>
    ex
      .selectFrom('education_corrections')
      .selectAll()
      .where('status', '=', status)
      .orderBy('submitted_at', status === 'submitted' ? 'asc' : 'desc')
      .limit(500)
      .execute(),
  correctionsOf: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('education_corrections')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .orderBy('submitted_at', 'desc')
      .execute(),
  decideCorrection: (
    ex: Executor,
    id: string,
    patch: { status: string; decided_by: string; decided_at: Date; decision_note: string },
  ) => ex.updateTable('education_corrections').set(patch).where('id', '=', id).execute(),
};
