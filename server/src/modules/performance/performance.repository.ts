/**
 * SQL of the performance module (Kysely only; the executor comes first so services own
 * transactions). Employee records belong to the development module: this file only reads them
 * (names, OPD, supervisor tree) in joins, it never writes them.
 */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type {
  SkpEvaluationsTable,
  SkpIndicatorsTable,
  SkpNotesTable,
  SkpPlansTable,
  SkpResultsTable,
} from '../../db/schema.ts';

const PERSON = [
  'e.id',
  'e.nip',
  'e.full_name',
  'e.status',
  'e.organization_id',
  'o.name as organization_name',
  'e.unit',
  'e.jabatan_kind',
  'e.jabatan',
  'e.supervisor_id',
  'e.account_id',
] as const;
const people = (ex: Executor) =>
  ex.selectFrom('employees as e').innerJoin('organizations as o', 'o.id', 'e.organization_id');
export type PersonRow = Awaited<ReturnType<typeof performanceRepository.person>> & {};

const PLAN = [
  'p.id',
  'p.employee_id',
  'p.year',
  'p.organization_id',
  'p.evaluator_id',
  'p.evaluator_supervisor_id',
  'p.status',
  'p.clarification',
  'p.agreed_at',
  'p.updated_at',
  'e.nip',
  'e.full_name',
  'e.jabatan',
  'e.jabatan_kind',
  'e.unit',
  'e.account_id',
  'o.name as organization_name',
  'v.nip as evaluator_nip',
  'v.full_name as evaluator_name',
  'v.jabatan as evaluator_jabatan',
  'v.account_id as evaluator_account_id',
  'a.nip as atasan_nip',
  'a.full_name as atasan_name',
] as const;
const plans = (ex: Executor) =>
  ex
    .selectFrom('skp_plans as p')
    .innerJoin('employees as e', 'e.id', 'p.employee_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('employees as v', 'v.id', 'p.evaluator_id')
    .leftJoin('employees as a', 'a.id', 'p.evaluator_supervisor_id');

export const performanceRepository = {
  // ── rules ──
  ruleSet: (ex: Executor, year: number) =>
    ex.selectFrom('performance_rule_sets').selectAll().where('year', '=', year).executeTakeFirst(),
  upsertRuleSet: (
    ex: Executor,
    row: { year: number; matrix: string; note: string; updated_by: string; updated_at: Date },
  ) =>
    ex
      .insertInto('performance_rule_sets')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('year')
          .doUpdateSet({ matrix: row.matrix, note: row.note, updated_by: row.updated_by, updated_at: row.updated_at }),
      )
      .execute(),
  orgPredikat: (ex: Executor, organizationId: string, year: number) =>
    ex
      .selectFrom('organization_predikats')
      .select('predikat')
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .executeTakeFirst(),
  orgPredikats: (ex: Executor, year: number) =>
    ex.selectFrom('organization_predikats').select(['organization_id', 'predikat']).where('year', '=', year).execute(),
  upsertOrgPredikat: (
    ex: Executor,
    row: {
      organization_id: string;
      year: number;
      predikat: 'istimewa' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
      updated_by: string;
      updated_at: Date;
    },
  ) =>
    ex
      .insertInto('organization_predikats')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'year'])
          .doUpdateSet({ predikat: row.predikat, updated_by: row.updated_by, updated_at: row.updated_at }),
      )
      .execute(),
  organizationExists: async (ex: Executor, id: string) =>
    (await ex.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

  // ── people (read-only) ──
  person: (ex: Executor, id: string) =>
    people(ex)
      .select([...PERSON])
      .where('e.id', '=', id)
      .executeTakeFirst(),
  personOfAccount: (ex: Executor, accountId: string) =>
    people(ex)
      .select([...PERSON])
      .where('e.account_id', '=', accountId)
      .executeTakeFirst(),
  persons: (ex: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : people(ex)
          .select([...PERSON])
          .where('e.id', 'in', [...ids])
          .execute(),
  /** Those whose direct supervisor (pejabat penilai, RULES.md §4.6) this employee is. */
  directReports: (ex: Executor, evaluatorId: string) =>
    people(ex)
      .select([...PERSON])
      .where('e.supervisor_id', '=', evaluatorId)
      .orderBy('e.full_name')
      .orderBy('e.nip')
      .execute(),

  // ── plans ──
  plan: (ex: Executor, id: string) =>
    plans(ex)
      .select([...PLAN])
      .where('p.id', '=', id)
      .executeTakeFirst(),
  planOf: (ex: Executor, employeeId: string, year: number) =>
    plans(ex)
      .select([...PLAN])
      .where('p.employee_id', '=', employeeId)
      .where('p.year', '=', year)
      .executeTakeFirst(),
  lockPlan: (ex: Executor, id: string) =>
    ex.selectFrom('skp_plans').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  /** Creates the plans that do not exist yet (one per employee and year); returns every plan's id and status by employee. */
  ensurePlans: async (ex: Executor, rows: readonly Insertable<SkpPlansTable>[], year: number) => {
    for (let i = 0; i < rows.length; i += 500)
      await ex
        .insertInto('skp_plans')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['employee_id', 'year']).doNothing())
        .execute();
    if (rows.length === 0) return new Map<string, { id: string; status: 'draft' | 'agreed' }>();
    const got = await ex
      .selectFrom('skp_plans')
      .select(['id', 'employee_id', 'status'])
      .where('year', '=', year)
      .where(
        'employee_id',
        'in',
        rows.map((r) => r.employee_id),
      )
      .execute();
    return new Map(got.map((g) => [g.employee_id, { id: g.id, status: g.status }]));
  },
  setPlan: (
    ex: Executor,
    id: string,
    patch: { status?: 'draft' | 'agreed'; clarification?: string; agreed_at?: Date | null; updated_at: Date },
  ) => ex.updateTable('skp_plans').set(patch).where('id', '=', id).execute(),
  /** The plans of these employees for a year, with how many results each has and its evaluations' states. */
  teamPlans: async (ex: Executor, employeeIds: readonly string[], year: number) => {
    if (employeeIds.length === 0) return { plans: [], evaluations: [] };
    const list = await ex
      .selectFrom('skp_plans as p')
      .select(['p.id', 'p.employee_id', 'p.status', 'p.evaluator_id'])
      .select((eb) =>
        eb
          .selectFrom('skp_results as r')
          .whereRef('r.plan_id', '=', 'p.id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('results'),
      )
      .where('p.year', '=', year)
      .where('p.employee_id', 'in', [...employeeIds])
      .execute();
    const evaluations =
      list.length === 0
        ? []
        : await ex
            .selectFrom('skp_evaluations')
            .select(['plan_id', 'period', 'status', 'predikat'])
            .where(
              'plan_id',
              'in',
              list.map((p) => p.id),
            )
            .execute();
    return { plans: list, evaluations };
  },

  // ── hasil kerja and indicators ──
  results: (ex: Executor, planIds: readonly string[]) =>
    planIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('skp_results as r')
          .leftJoin('skp_results as parent', 'parent.id', 'r.parent_id')
          .select([
            'r.id',
            'r.plan_id',
            'r.parent_id',
            'r.cascade_kind',
            'r.title',
            'r.perspective',
            'r.is_main',
            'r.proposed_by',
            'r.position',
            'parent.title as parent_title',
          ])
          .where('r.plan_id', 'in', [...planIds])
          .orderBy('r.position')
          .execute(),
  indicators: (ex: Executor, resultIds: readonly string[]) =>
    resultIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('skp_indicators')
          .selectAll()
          .where('result_id', 'in', [...resultIds])
          .orderBy('position')
          .execute(),
  result: (ex: Executor, id: string) =>
    ex
      .selectFrom('skp_results as r')
      .innerJoin('skp_plans as p', 'p.id', 'r.plan_id')
      .select([
        'r.id',
        'r.plan_id',
        'r.title',
        'r.perspective',
        'r.is_main',
        'p.employee_id',
        'p.evaluator_id',
        'p.evaluator_supervisor_id',
        'p.status as plan_status',
        'p.year',
        'p.organization_id',
      ])
      .where('r.id', '=', id)
      .executeTakeFirst(),
  nextPositions: async (ex: Executor, planIds: readonly string[]) => {
    if (planIds.length === 0) return new Map<string, number>();
    const rows = await ex
      .selectFrom('skp_results')
      .select(['plan_id', (eb) => eb.fn.max<number>('position').as('max')])
      .where('plan_id', 'in', [...planIds])
      .groupBy('plan_id')
      .execute();
    return new Map(rows.map((r) => [r.plan_id, Number(r.max) + 1]));
  },
  /** The plans among these that already hold a result cascaded from `parentId`. */
  plansWithChild: async (ex: Executor, parentId: string, planIds: readonly string[]) =>
    planIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ex
              .selectFrom('skp_results')
              .select('plan_id')
              .where('parent_id', '=', parentId)
              .where('plan_id', 'in', [...planIds])
              .execute()
          ).map((r) => r.plan_id),
        ),
  insertResults: async (ex: Executor, rows: readonly Insertable<SkpResultsTable>[]) => {
    for (let i = 0; i < rows.length; i += 1000)
      await ex
        .insertInto('skp_results')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
  insertIndicators: async (ex: Executor, rows: readonly Insertable<SkpIndicatorsTable>[]) => {
    for (let i = 0; i < rows.length; i += 1000)
      await ex
        .insertInto('skp_indicators')
        .values(rows.slice(i, i + 1000))
        .execute();
  },

  // ── perilaku kerja ──
  behaviours: (ex: Executor, planId: string) =>
    ex.selectFrom('skp_behaviours').select(['value', 'expectation']).where('plan_id', '=', planId).execute(),
  upsertBehaviours: (ex: Executor, planId: string, rows: readonly { value: string; expectation: string }[]) =>
    rows.length === 0
      ? Promise.resolve()
      : ex
          .insertInto('skp_behaviours')
          .values(rows.map((r) => ({ plan_id: planId, ...r })))
          .onConflict((oc) =>
            oc.columns(['plan_id', 'value']).doUpdateSet((eb) => ({ expectation: eb.ref('excluded.expectation') })),
          )
          .execute()
          .then(() => undefined),

  // ── evaluations ──
  evaluations: (ex: Executor, planId: string) =>
    ex.selectFrom('skp_evaluations').selectAll().where('plan_id', '=', planId).execute(),
  lockEvaluation: (ex: Executor, planId: string, period: SkpEvaluationsTable['period']) =>
    ex
      .selectFrom('skp_evaluations')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst(),
  upsertEvaluation: (ex: Executor, row: Insertable<SkpEvaluationsTable>) =>
    ex
      .insertInto('skp_evaluations')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['plan_id', 'period'])
          .doUpdateSet((eb) => ({
            rating_results: eb.ref('excluded.rating_results'),
            rating_behaviour: eb.ref('excluded.rating_behaviour'),
            predikat: eb.ref('excluded.predikat'),
            result_ratings: eb.ref('excluded.result_ratings'),
            behaviour_ratings: eb.ref('excluded.behaviour_ratings'),
            realisations: eb.ref('excluded.realisations'),
            note: eb.ref('excluded.note'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('skp_evaluations.status', '=', 'draft'),
      )
      .execute(),
  setEvaluationStatus: (
    ex: Executor,
    id: string,
    patch: { status: 'draft' | 'final'; finalised_at: Date; finalised_by: string; updated_at: Date },
  ) => ex.updateTable('skp_evaluations').set(patch).where('id', '=', id).execute(),
  /** The predikat this evaluator gave (draft or final) in a period: the unit's would-be distribution. */
  unitPredikats: async (ex: Executor, evaluatorId: string, year: number, period: SkpEvaluationsTable['period']) =>
    (
      await ex
        .selectFrom('skp_evaluations')
        .select('predikat')
        .where('evaluator_id', '=', evaluatorId)
        .where('year', '=', year)
        .where('period', '=', period)
        .execute()
    ).map((r) => r.predikat),
  /** The newest final evaluation of an employee's plan for a year. */
  latestFinal: (ex: Executor, planId: string) =>
    ex
      .selectFrom('skp_evaluations')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('status', '=', 'final')
      .orderBy(
        sql`case period when 'annual' then 5 when 'q4' then 4 when 'q3' then 3 when 'q2' then 2 else 1 end`,
        'desc',
      )
      .limit(1)
      .executeTakeFirst(),

  // ── notes and evidence ──
  notes: (ex: Executor, resultIds: readonly string[]) =>
    resultIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('skp_notes as n')
          .innerJoin('accounts as a', 'a.id', 'n.author_account_id')
          .select([
            'n.id',
            'n.result_id',
            'n.author_side',
            'n.kind',
            'n.body',
            'n.url',
            'n.file_mime',
            'n.file_size',
            'n.created_at',
            'a.full_name as author_name',
          ])
          .where('n.result_id', 'in', [...resultIds])
          .orderBy('n.created_at')
          .execute(),
  note: (ex: Executor, id: string) => ex.selectFrom('skp_notes').selectAll().where('id', '=', id).executeTakeFirst(),
  insertNote: (ex: Executor, row: Insertable<SkpNotesTable>) => ex.insertInto('skp_notes').values(row).execute(),

  // ── dashboard and export ──
  /** Per OPD: employees, plans, agreed plans (of the year). */
  planProgress: (ex: Executor, year: number, organizationId?: string) => {
    let q = ex
      .selectFrom('employees as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .leftJoin('skp_plans as p', (j) => j.onRef('p.employee_id', '=', 'e.id').on('p.year', '=', year))
      .select(['e.organization_id', 'o.name'])
      .select((eb) => [
        eb.fn.countAll<number>().as('employees'),
        eb.fn.count<number>('p.id').as('plans'),
        eb.fn.sum<number>(eb.case().when('p.status', '=', 'agreed').then(1).else(0).end()).as('agreed'),
      ])
      .groupBy(['e.organization_id', 'o.name']);
    if (organizationId) q = q.where('e.organization_id', '=', organizationId);
    return q.orderBy('o.name').execute();
  },
  /** Per OPD and period: final evaluations by predikat (an index-only scan of skp_evaluations_final_idx). */
  evaluationCounts: (ex: Executor, year: number, organizationId?: string) => {
    let q = ex
      .selectFrom('skp_evaluations')
      .select(['organization_id', 'period', 'predikat', (eb) => eb.fn.countAll<number>().as('n')])
      .where('year', '=', year)
      .where('status', '=', 'final')
      .groupBy(['organization_id', 'period', 'predikat']);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.execute();
  },
  /** The (year, period) pairs that hold final evaluations, of one year or all, of one OPD or the city. */
  finalPeriods: (ex: Executor, filter: { year?: number | undefined; organizationId?: string | undefined }) => {
    let q = ex.selectFrom('skp_evaluations').select(['year', 'period']).distinct().where('status', '=', 'final');
    if (filter.year !== undefined) q = q.where('year', '=', filter.year);
    if (filter.organizationId) q = q.where('organization_id', '=', filter.organizationId);
    return q.execute();
  },
  /** Evaluators with plans of the year (draft or agreed) whose evaluation of `period` is not final yet, and how many. */
  pendingEvaluators: (ex: Executor, year: number, period: SkpEvaluationsTable['period'], organizationId?: string) => {
    let q = ex
      .selectFrom('skp_plans as p')
      .innerJoin('employees as v', 'v.id', 'p.evaluator_id')
      .innerJoin('organizations as o', 'o.id', 'v.organization_id')
      .leftJoin('skp_evaluations as x', (j) =>
        j.onRef('x.plan_id', '=', 'p.id').on('x.period', '=', period).on('x.status', '=', 'final'),
      )
      .select([
        'v.id',
        'v.nip',
        'v.full_name',
        'v.organization_id',
        'o.name as organization_name',
        (eb) => eb.fn.countAll<number>().as('pending'),
      ])
      .where('p.year', '=', year)
      .where('x.id', 'is', null)
      .groupBy(['v.id', 'v.nip', 'v.full_name', 'v.organization_id', 'o.name']);
    if (organizationId) q = q.where('p.organization_id', '=', organizationId);
    return q.orderBy('pending', 'desc').orderBy('v.full_name').limit(50).execute();
  },
  exportRows: (ex: Executor, year: number, period: SkpEvaluationsTable['period'], organizationId?: string) => {
    let q = ex
      .selectFrom('skp_plans as p')
      .innerJoin('employees as e', 'e.id', 'p.employee_id')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('employees as v', 'v.id', 'p.evaluator_id')
      .leftJoin('skp_evaluations as x', (j) => j.onRef('x.plan_id', '=', 'p.id').on('x.period', '=', period))
      .select([
        'e.nip',
        'e.full_name',
        'e.status as employee_status',
        'e.jabatan',
        'e.golongan',
        'e.unit',
        'o.name as organization_name',
        'v.nip as evaluator_nip',
        'v.full_name as evaluator_name',
        'p.status as plan_status',
        'x.rating_results',
        'x.rating_behaviour',
        'x.predikat',
        'x.status as evaluation_status',
      ])
      .where('p.year', '=', year);
    if (organizationId) q = q.where('p.organization_id', '=', organizationId);
    return q.orderBy('o.name').orderBy('e.nip').execute();
  },
  /** Each plan's newest final evaluation of a year, with the employee's status and jabatan (the competency plan's input). */
  latestFinals: (ex: Executor, year: number, organizationId?: string) => {
    let q = ex
      .selectFrom('skp_evaluations as x')
      .innerJoin('skp_plans as p', 'p.id', 'x.plan_id')
      .innerJoin('employees as e', 'e.id', 'p.employee_id')
      .distinctOn('x.plan_id')
      .select([
        'x.plan_id',
        'x.period',
        'x.predikat',
        'x.behaviour_ratings',
        'x.result_ratings',
        'p.organization_id',
        'e.status',
        'e.jabatan_kind',
        'e.jabatan',
      ])
      .where('x.year', '=', year)
      .where('x.status', '=', 'final');
    if (organizationId) q = q.where('p.organization_id', '=', organizationId);
    return q
      .orderBy('x.plan_id')
      .orderBy(
        sql`case x.period when 'annual' then 5 when 'q4' then 4 when 'q3' then 3 when 'q2' then 2 else 1 end`,
        'desc',
      )
      .execute();
  },
  organizationNames: async (ex: Executor) =>
    new Map((await ex.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name])),
  // ── import of earlier years' results ──
  ruleSets: async (ex: Executor) =>
    new Map(
      (await ex.selectFrom('performance_rule_sets').select(['year', 'matrix']).execute()).map((r) => [
        r.year,
        r.matrix,
      ]),
    ),
  /** Every recorded employee by NIP, with what a plan needs. */
  employeesByNip: async (ex: Executor) =>
    new Map(
      (await ex.selectFrom('employees').select(['id', 'nip', 'organization_id', 'supervisor_id']).execute()).map(
        (e) => [e.nip, e],
      ),
    ),
  /** "NIP|year|period" of every evaluation Merit holds for these years. */
  evaluationKeys: async (ex: Executor, years: readonly number[]) =>
    years.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ex
              .selectFrom('skp_evaluations as x')
              .innerJoin('skp_plans as p', 'p.id', 'x.plan_id')
              .innerJoin('employees as e', 'e.id', 'p.employee_id')
              .select(['e.nip', 'x.year', 'x.period'])
              .where('x.year', 'in', [...years])
              .execute()
          ).map((r) => `${r.nip}|${r.year}|${r.period}`),
        ),
  insertEvaluations: async (ex: Executor, rows: readonly Insertable<SkpEvaluationsTable>[]) => {
    for (let i = 0; i < rows.length; i += 1000)
      await ex
        .insertInto('skp_evaluations')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
  /**
   * The earliest final annual SKP predikat of each of these employees (their first year rated),
   * one row per employee; `distinct on` keeps it one statement for thousands of ids.
   */
  firstAnnualPredikats: (ex: Executor, employeeIds: readonly string[]) =>
    ex
      .selectFrom('skp_evaluations as x')
      .innerJoin('skp_plans as p', 'p.id', 'x.plan_id')
      .distinctOn('p.employee_id')
      .select(['p.employee_id', 'x.year', 'x.predikat'])
      .where('x.period', '=', 'annual')
      .where('x.status', '=', 'final')
      .where(sql<boolean>`p.employee_id = any(${[...employeeIds]}::uuid[])`)
      .orderBy('p.employee_id')
      .orderBy('x.year')
      .execute(),
};
