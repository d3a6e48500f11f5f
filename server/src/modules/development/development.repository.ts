/** SQL of the development module (Kysely only; the executor comes first so services own transactions). */
import { type Insertable, sql } from 'kysely';
import type {
  EnrollmentsTable,
  JpClaimsTable,
  JpLedgerTable,
  TrainingBatchesTable,
  TrainingProgramsTable,
} from '../../db/schema.ts';
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
  'e.id',
  'e.nip',
  'e.full_name',
  'e.status',
  'e.gender',
  'e.birth_date',
  'e.tmt',
  'e.organization_id',
  'e.unit',
  'e.jabatan_kind',
  'e.jabatan',
  'e.jenjang',
  'e.golongan',
  'e.account_id',
  'o.name as organization_name',
  's.id as supervisor_id',
  's.nip as supervisor_nip',
  's.full_name as supervisor_name',
] as const;

const employeesQuery = (ex: Executor) =>
  ex
    .selectFrom('employees as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('employees as s', 's.id', 'e.supervisor_id');

export const developmentRepository = {
  organizationIds: async (ex: Executor) =>
    new Set((await ex.selectFrom('organizations').select('id').execute()).map((o) => o.id)),

  /** Every recorded NIP with its supervisor's NIP (the import's cycle check). */
  supervisorMap: async (ex: Executor) =>
    new Map(
      (
        await ex
          .selectFrom('employees as e')
          .leftJoin('employees as s', 's.id', 'e.supervisor_id')
          .select(['e.nip', 's.nip as supervisor_nip'])
          .execute()
      ).map((r) => [r.nip, r.supervisor_nip]),
    ),

  /** The NIP of the record linked to each of these accounts. */
  nipsOfAccounts: async (ex: Executor, accountIds: readonly string[]) =>
    accountIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await ex
              .selectFrom('employees')
              .select(['account_id', 'nip'])
              .where('account_id', 'in', [...accountIds])
              .execute()
          ).map((e) => [e.account_id!, e.nip]),
        ),

  employeeOfAccount: (ex: Executor, accountId: string) =>
    ex.selectFrom('employees').select(['id']).where('account_id', '=', accountId).executeTakeFirst(),

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
      q = q.where((eb) =>
        eb.or([eb('e.full_name', 'ilike', like), eb('e.nip', 'like', like), eb('e.jabatan', 'ilike', like)]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select([...EMPLOYEE_COLUMNS])
      .orderBy('o.name')
      .orderBy('e.full_name')
      .orderBy('e.nip')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { total: Number(total.n), rows };
  },

  employee: (ex: Executor, id: string) =>
    employeesQuery(ex)
      .select([...EMPLOYEE_COLUMNS])
      .where('e.id', '=', id)
      .executeTakeFirst(),

  /** Every record in sheet form, for export. */
  sheetRows: (ex: Executor) =>
    ex
      .selectFrom('employees as e')
      .leftJoin('employees as s', 's.id', 'e.supervisor_id')
      .select([
        'e.nip',
        'e.full_name',
        'e.status',
        'e.gender',
        'e.birth_date',
        'e.tmt',
        'e.organization_id',
        'e.unit',
        'e.jabatan_kind',
        'e.jabatan',
        'e.jenjang',
        'e.golongan',
        'e.account_id',
        's.nip as supervisor_nip',
      ])
      .orderBy('e.organization_id')
      .orderBy('e.nip')
      .execute(),

  /**
   * Inserts or updates records by NIP, then points each at its supervisor by NIP (a supervisor may
   * be a later row of the same sheet). Returns the ids by NIP.
   */
  upsertEmployees: async (
    ex: Executor,
    rows: readonly (EmployeeInput & { id: string; accountId: string | null })[],
    now: Date,
  ) => {
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({
        id: r.id,
        nip: r.nip,
        status: r.status,
        full_name: r.fullName,
        gender: r.gender,
        birth_date: r.birthDate,
        tmt: r.tmt,
        organization_id: r.organizationId,
        unit: r.unit,
        jabatan_kind: r.jabatanKind,
        jabatan: r.jabatan,
        jenjang: r.jenjang,
        golongan: r.golongan,
        account_id: r.accountId,
        created_at: now,
        updated_at: now,
      }));
      const saved = await ex
        .insertInto('employees')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('nip').doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            full_name: eb.ref('excluded.full_name'),
            tmt: eb.ref('excluded.tmt'),
            organization_id: eb.ref('excluded.organization_id'),
            unit: eb.ref('excluded.unit'),
            jabatan_kind: eb.ref('excluded.jabatan_kind'),
            jabatan: eb.ref('excluded.jabatan'),
            jenjang: eb.ref('excluded.jenjang'),
            golongan: eb.ref('excluded.golongan'),
            account_id: sql`coalesce(excluded.account_id, employees.account_id)`,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
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
    if (without.length > 0)
      await ex.updateTable('employees').set({ supervisor_id: null }).where('nip', 'in', without).execute();
    return ids;
  },

  /** Who records are (id, NIP, name, OPD, account), by ids, NIPs, account or OPD; no filter = none. */
  employeeCards: (
    ex: Executor,
    by: { ids?: readonly string[]; nips?: readonly string[]; accountId?: string; organizationId?: string },
  ) => {
    if (by.ids?.length === 0 || by.nips?.length === 0) return Promise.resolve([]);
    if (!by.ids && !by.nips && !by.accountId && !by.organizationId) return Promise.resolve([]);
    let q = ex
      .selectFrom('employees as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select(['e.id', 'e.nip', 'e.full_name', 'e.organization_id', 'o.name as organization_name', 'e.account_id']);
    if (by.ids) q = q.where('e.id', 'in', [...by.ids]);
    if (by.nips) q = q.where('e.nip', 'in', [...by.nips]);
    if (by.accountId) q = q.where('e.account_id', '=', by.accountId);
    if (by.organizationId) q = q.where('e.organization_id', '=', by.organizationId);
    return q.orderBy('e.full_name').execute();
  },
};

export const trainingRepository = {
  partners: (ex: Executor) => ex.selectFrom('training_partners').selectAll().orderBy('name').execute(),
  partner: (ex: Executor, id: string) =>
    ex.selectFrom('training_partners').selectAll().where('id', '=', id).executeTakeFirst(),
  insertPartner: (
    ex: Executor,
    row: { id: string; name: string; kind: 'universitas' | 'pemerintah' | 'lembaga_diklat' | 'lainnya' },
  ) =>
    ex
      .insertInto('training_partners')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst(),

  programs: (ex: Executor) =>
    ex
      .selectFrom('training_programs as p')
      .leftJoin('training_partners as t', 't.id', 'p.partner_id')
      .select([
        'p.id',
        'p.code',
        'p.title',
        'p.kind',
        'p.competency_area',
        'p.jp',
        'p.modality',
        'p.partner_id',
        't.name as partner_name',
        'p.eligibility',
        'p.cost_rupiah',
        'p.description',
        'p.min_attendance_pct',
        'p.post_test_pass',
        'p.assignment_required',
      ])
      .orderBy('p.kind')
      .orderBy('p.title')
      .execute(),
  program: (ex: Executor, id: string) =>
    ex
      .selectFrom('training_programs as p')
      .leftJoin('training_partners as t', 't.id', 'p.partner_id')
      .select([
        'p.id',
        'p.code',
        'p.title',
        'p.kind',
        'p.competency_area',
        'p.jp',
        'p.modality',
        'p.partner_id',
        't.name as partner_name',
        'p.eligibility',
        'p.cost_rupiah',
        'p.description',
        'p.min_attendance_pct',
        'p.post_test_pass',
        'p.assignment_required',
      ])
      .where('p.id', '=', id)
      .executeTakeFirst(),
  programByCode: (ex: Executor, code: string) =>
    ex.selectFrom('training_programs').select('id').where('code', '=', code).executeTakeFirst(),
  insertProgram: (ex: Executor, row: Insertable<TrainingProgramsTable>) =>
    ex.insertInto('training_programs').values(row).execute(),

  /** Batches with their seat counts, of one programme or of all. */
  batches: (ex: Executor, programId?: string) => {
    let q = ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select([
        'b.id',
        'b.program_id',
        'p.title as program_title',
        'p.jp',
        'b.name',
        'b.starts_on',
        'b.ends_on',
        'b.venue',
        'b.facilitators',
        'b.capacity',
        'b.status',
      ])
      .select((eb) => [
        eb
          .selectFrom('enrollments as e')
          .whereRef('e.batch_id', '=', 'b.id')
          .where('e.status', 'in', ['enrolled', 'completed', 'not_completed'])
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('seated'),
        eb
          .selectFrom('enrollments as e')
          .whereRef('e.batch_id', '=', 'b.id')
          .where('e.status', '=', 'waitlisted')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('waiting'),
      ]);
    if (programId) q = q.where('b.program_id', '=', programId);
    return q.orderBy('b.starts_on').orderBy('b.name').execute();
  },
  /** The batch row locked, so seat decisions on it happen one at a time. */
  lockBatch: (ex: Executor, id: string) =>
    ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select(['b.id', 'b.capacity', 'b.status', 'b.name', 'b.ends_on', 'p.title', 'p.jp', 'p.eligibility'])
      .where('b.id', '=', id)
      .forUpdate('b')
      .executeTakeFirst(),
  insertBatch: (ex: Executor, row: Insertable<TrainingBatchesTable>) =>
    ex.insertInto('training_batches').values(row).execute(),
  setBatchDates: (ex: Executor, id: string, dates: { starts_on: string; ends_on: string }) =>
    ex.updateTable('training_batches').set(dates).where('id', '=', id).execute(),
  batchExists: (ex: Executor, programId: string, name: string) =>
    ex
      .selectFrom('training_batches')
      .select('id')
      .where('program_id', '=', programId)
      .where('name', '=', name)
      .executeTakeFirst(),

  enrollments: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select([
        'e.id',
        'e.employee_id',
        'e.status',
        'e.source',
        'e.requested_at',
        'm.nip',
        'm.full_name',
        'm.organization_id',
        'o.name as organization_name',
      ])
      .where('e.batch_id', '=', batchId)
      .orderBy('e.requested_at')
      .execute(),
  enrollment: (ex: Executor, id: string) =>
    ex.selectFrom('enrollments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  enrollmentOf: (ex: Executor, batchId: string, employeeId: string) =>
    ex
      .selectFrom('enrollments')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('employee_id', '=', employeeId)
      .executeTakeFirst(),
  seatedCount: async (ex: Executor, batchId: string) =>
    Number(
      (
        await ex
          .selectFrom('enrollments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', batchId)
          .where('status', 'in', ['enrolled', 'completed', 'not_completed'])
          .executeTakeFirstOrThrow()
      ).n,
    ),
  waitlist: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('enrollments')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('status', '=', 'waitlisted')
      .orderBy('requested_at')
      .execute(),
  insertEnrollment: (ex: Executor, row: Insertable<EnrollmentsTable>) =>
    ex.insertInto('enrollments').values(row).execute(),
  setEnrollmentStatus: (ex: Executor, id: string, status: EnrollmentsTable['status'], at: Date) =>
    ex.updateTable('enrollments').set({ status, updated_at: at }).where('id', '=', id).execute(),
  employeeForEnrollment: (ex: Executor, id: string) =>
    ex
      .selectFrom('employees')
      .select(['id', 'status', 'jabatan_kind', 'organization_id', 'full_name', 'account_id'])
      .where('id', '=', id)
      .executeTakeFirst(),

  postJp: (ex: Executor, row: Insertable<JpLedgerTable>) =>
    ex
      .insertInto('jp_ledger')
      .values(row)
      .onConflict((oc) => oc.column('enrollment_id').doNothing())
      .execute(),
  /** Takes back the JP an enrolment posted; the audit event keeps what was withdrawn. */
  withdrawJp: (ex: Executor, enrollmentId: string) =>
    ex.deleteFrom('jp_ledger').where('enrollment_id', '=', enrollmentId).returning(['jp', 'year']).executeTakeFirst(),

  /** JP per employee for a year, for the given employees (null = every employee). */
  jpTotals: (ex: Executor, year: number, employeeIds: readonly string[] | null, organizationId?: string) => {
    let q = ex
      .selectFrom('employees as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .leftJoin('jp_ledger as l', (j) => j.onRef('l.employee_id', '=', 'm.id').on('l.year', '=', year))
      .select([
        'm.id',
        'm.nip',
        'm.full_name',
        'm.organization_id',
        'o.name as organization_name',
        'm.unit',
        'm.account_id',
      ])
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('l.jp'), eb.lit(0)).as('jp'))
      .groupBy(['m.id', 'm.nip', 'm.full_name', 'm.organization_id', 'o.name', 'm.unit', 'm.account_id']);
    if (employeeIds)
      q = employeeIds.length > 0 ? q.where('m.id', 'in', [...employeeIds]) : q.where(sql<boolean>`false`);
    if (organizationId) q = q.where('m.organization_id', '=', organizationId);
    return q.execute();
  },
  ledgerOf: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('jp_ledger')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .orderBy('recorded_at', 'desc')
      .execute(),
  enrollmentsOfEmployee: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('enrollments as e')
      .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select([
        'e.id',
        'e.status',
        'b.id as batch_id',
        'b.name as batch_name',
        'b.starts_on',
        'b.ends_on',
        'b.venue',
        'p.title',
        'p.jp',
        'p.kind',
      ])
      .where('e.employee_id', '=', employeeId)
      .orderBy('b.starts_on', 'desc')
      .execute(),

  insertClaim: (ex: Executor, row: Insertable<JpClaimsTable>) => ex.insertInto('jp_claims').values(row).execute(),
  claim: (ex: Executor, id: string) =>
    ex.selectFrom('jp_claims').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  decideClaim: (
    ex: Executor,
    id: string,
    patch: { status: JpClaimsTable['status']; decided_by: string; decided_at: Date; decision_note: string | null },
  ) => ex.updateTable('jp_claims').set(patch).where('id', '=', id).execute(),
  /** Claims with their employee, of these employees (null = all), in a status. */
  claims: (ex: Executor, employeeIds: readonly string[] | null, status: JpClaimsTable['status'] | null) => {
    let q = ex
      .selectFrom('jp_claims as c')
      .innerJoin('employees as m', 'm.id', 'c.employee_id')
      .select([
        'c.id',
        'c.employee_id',
        'c.kind',
        'c.title',
        'c.organizer',
        'c.held_on',
        'c.minutes',
        'c.evidence_url',
        'c.status',
        'c.submitted_at',
        'c.decided_at',
        'c.decision_note',
        'm.nip',
        'm.full_name',
      ]);
    if (employeeIds)
      q = employeeIds.length > 0 ? q.where('c.employee_id', 'in', [...employeeIds]) : q.where(sql<boolean>`false`);
    if (status) q = q.where('c.status', '=', status);
    return q.orderBy('c.submitted_at', 'desc').limit(500).execute();
  },
};
