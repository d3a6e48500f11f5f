/** SQL of the hukuman disiplin records (Kysely only; the executor comes first so use-cases own transactions). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type DisciplineRecords = DB['discipline_records'];

export const disciplineRepository = {
  record: (ex: Executor, id: string) =>
    ex.selectFrom('discipline_records').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Locks a record for a change (two BKPSDM staff saving at once apply one after the other). */
  lock: (ex: Executor, id: string) =>
    ex.selectFrom('discipline_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  /** Every record of these employees (null = all), newest punishment first. */
  ofEmployees: (ex: Executor, employeeIds: readonly string[] | null) => {
    let q = ex.selectFrom('discipline_records').selectAll();
    if (employeeIds) {
      if (employeeIds.length === 0) return Promise.resolve([]);
      q = q.where('employee_id', 'in', [...employeeIds]);
    }
    return q.orderBy('start_on', 'desc').orderBy('sk_number').execute();
  },

  insert: (ex: Executor, rows: Insertable<DisciplineRecords>[]) =>
    rows.length === 0
      ? Promise.resolve()
      : ex
          .insertInto('discipline_records')
          .values(rows)
          .execute()
          .then(() => {}),

  update: (ex: Executor, id: string, values: Updateable<DisciplineRecords>) =>
    ex.updateTable('discipline_records').set(values).where('id', '=', id).execute(),
};
