/** SQL of the development module (Kysely only; the executor comes first so services own transactions). */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EmployeeInput } from './domain/employee-sheet.ts';

export interface EmployeeFilter {
  /** Only these records (a supervisor's unit, a person's own); null = every record. */
  ids: readonly string[] | null;
  q?: string | undefined;
  organizationId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

const EMPLOYEE_COLUMNS = [
  'e.id', 'e.nip', 'e.full_name', 'e.status', 'e.gender', 'e.birth_date', 'e.tmt', 'e.organization_id', 'e.unit', 'e.jabatan_kind', 'e.jabatan', 'e.jenjang', 'e.golongan', 'e.account_id',
  'o.name as organization_name', 's.id as supervisor_id', 's.nip as supervisor_nip', 's.full_name as supervisor_name',
] as const;

const employeesQuery = (ex: Executor) =>
  ex.selectFrom('employees as e').innerJoin('organizations as o', 'o.id', 'e.organization_id').leftJoin('employees as s', 's.id', 'e.supervisor_id');



export const developmentRepository = {
  organizationIds: async (ex: Executor) => new Set((await ex.selectFrom('organizations').select('id').execute()).map((o) => o.id)),

  /** Every recorded NIP with its supervisor's NIP (the import's cycle check). */
  supervisorMap: async (ex: Executor) =>
    new Map((await ex.selectFrom('employees as e').leftJoin('employees as s', 's.id', 'e.supervisor_id').select(['e.nip', 's.nip as supervisor_nip']).execute()).map((r) => [r.nip, r.supervisor_nip])),

  /** The NIP of the record linked to each of these accounts. */
  nipsOfAccounts: async (ex: Executor, accountIds: readonly string[]) =>
    accountIds.length === 0 ? new Map<string, string>() : new Map((await ex.selectFrom('employees').select(['account_id', 'nip']).where('account_id', 'in', [...accountIds]).execute()).map((e) => [e.account_id!, e.nip])),

  employeeOfAccount: (ex: Executor, accountId: string) => ex.selectFrom('employees').select(['id']).where('account_id', '=', accountId).executeTakeFirst(),

  /** A supervisor's unit: everyone below them in the supervisor tree, and themselves. */
  unitIds: async (ex: Executor, rootId: string) => {
    const { rows } = await sql<{ id: string }>`
      with recursive unit(id) as (
        select id from employees where id = ${rootId}
        union
        select e.id from employees e join unit u on e.supervisor_id = u.id
      )
      select id from unit
    `.execute(ex);
    return rows.map((r) => r.id);
  },

  list: async (ex: Executor, f: EmployeeFilter) => {
    let q = employeesQuery(ex);
    if (f.ids) q = f.ids.length > 0 ? q.where('e.id', 'in', [...f.ids]) : q.where(sql<boolean>`false`);
    if (f.organizationId) q = q.where('e.organization_id', '=', f.organizationId);
    if (f.status) q = q.where('e.status', '=', f.status as 'PNS');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('e.full_name', 'ilike', like), eb('e.nip', 'like', like), eb('e.jabatan', 'ilike', like)]));
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.select([...EMPLOYEE_COLUMNS]).orderBy('o.name').orderBy('e.full_name').orderBy('e.nip').limit(f.limit).offset(f.offset).execute();
    return { total: Number(total.n), rows };
  },

  employee: (ex: Executor, id: string) => employeesQuery(ex).select([...EMPLOYEE_COLUMNS]).where('e.id', '=', id).executeTakeFirst(),

  /** Every record in sheet form, for export. */
  sheetRows: (ex: Executor) =>
    ex
      .selectFrom('employees as e')
      .leftJoin('employees as s', 's.id', 'e.supervisor_id')
      .select(['e.nip', 'e.full_name', 'e.status', 'e.gender', 'e.birth_date', 'e.tmt', 'e.organization_id', 'e.unit', 'e.jabatan_kind', 'e.jabatan', 'e.jenjang', 'e.golongan', 'e.account_id', 's.nip as supervisor_nip'])
      .orderBy('e.organization_id')
      .orderBy('e.nip')
      .execute(),

  /**
   * Inserts or updates records by NIP, then points each at its supervisor by NIP (a supervisor may
   * be a later row of the same sheet). Returns the ids by NIP.
   */
  upsertEmployees: async (ex: Executor, rows: readonly (EmployeeInput & { id: string; accountId: string | null })[], now: Date) => {
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({
        id: r.id, nip: r.nip, status: r.status, full_name: r.fullName, gender: r.gender, birth_date: r.birthDate, tmt: r.tmt, organization_id: r.organizationId, unit: r.unit,
        jabatan_kind: r.jabatanKind, jabatan: r.jabatan, jenjang: r.jenjang, golongan: r.golongan, account_id: r.accountId, created_at: now, updated_at: now,
      }));
      const saved = await ex
        .insertInto('employees')
        .values(chunk)
        .onConflict((oc) => oc.column('nip').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'), full_name: eb.ref('excluded.full_name'), tmt: eb.ref('excluded.tmt'), organization_id: eb.ref('excluded.organization_id'), unit: eb.ref('excluded.unit'),
          jabatan_kind: eb.ref('excluded.jabatan_kind'), jabatan: eb.ref('excluded.jabatan'), jenjang: eb.ref('excluded.jenjang'), golongan: eb.ref('excluded.golongan'),
          account_id: sql`coalesce(excluded.account_id, employees.account_id)`, updated_at: eb.ref('excluded.updated_at'),
        })))
        .returning(['id', 'nip'])
        .execute();
      for (const s of saved) ids.set(s.nip, s.id);
    }
    const withSupervisor = rows.filter((r) => r.supervisorNip);
    if (withSupervisor.length > 0) {
      await sql`
        update employees e set supervisor_id = s.id
        from unnest(${withSupervisor.map((r) => r.nip)}::text[], ${withSupervisor.map((r) => r.supervisorNip)}::text[]) as v (nip, supervisor_nip)
        join employees s on s.nip = v.supervisor_nip
        where e.nip = v.nip
      `.execute(ex);
    }
    const without = rows.filter((r) => !r.supervisorNip).map((r) => r.nip);
    if (without.length > 0) await ex.updateTable('employees').set({ supervisor_id: null }).where('nip', 'in', without).execute();
    return ids;
  },
};
