/**
 * SQL of the IP ASN index (Kysely only; the executor comes first so use-cases own transactions):
 * the instrument versions, the year → version assignment, the stored results, and the bulk reads
 * of the professionalism records (education, competency, discipline) the index needs.
 */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type ResultRow = Insertable<DB['ip_asn_results']>;
const only = <T>(ids: readonly string[] | null, apply: (ids: string[]) => T, none: () => T, all: () => T) =>
  ids === null ? all() : ids.length > 0 ? apply([...ids]) : none();

/** Rows per INSERT: ~17 parameters each stays far under Postgres' 65,535-parameter limit. */
const INSERT_CHUNK = 1000;

export const ipAsnRepository = {
  instruments: (ex: Executor) =>
    ex.selectFrom('ip_asn_instruments').selectAll().orderBy('created_at').orderBy('version').execute(),
  instrument: (ex: Executor, id: string) =>
    ex.selectFrom('ip_asn_instruments').selectAll().where('id', '=', id).executeTakeFirst(),
  instrumentByVersion: (ex: Executor, version: string) =>
    ex.selectFrom('ip_asn_instruments').selectAll().where('version', '=', version).executeTakeFirst(),
  /** Inserts unless the version exists (two instances starting at once both "ensure" it). */
  insertInstrument: (ex: Executor, row: Insertable<DB['ip_asn_instruments']>) =>
    ex
      .insertInto('ip_asn_instruments')
      .values(row)
      .onConflict((oc) => oc.column('version').doNothing())
      .execute(),
  /** The instruments some stored result rests on (they can no longer change). */
  instrumentsInUse: async (ex: Executor) =>
    new Set(
      (await ex.selectFrom('ip_asn_results').select('instrument_id').distinct().execute()).map((r) => r.instrument_id),
    ),

  years: (ex: Executor) =>
    ex
      .selectFrom('ip_asn_years as y')
      .innerJoin('ip_asn_instruments as i', 'i.id', 'y.instrument_id')
      .select(['y.year', 'y.instrument_id', 'i.version'])
      .select((eb) =>
        eb
          .selectFrom('ip_asn_results as r')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('r.year', '=', 'y.year')
          .whereRef('r.instrument_id', '=', 'y.instrument_id')
          .as('results'),
      )
      .orderBy('y.year')
      .execute(),
  yearAssignment: (ex: Executor, year: number) =>
    ex.selectFrom('ip_asn_years').selectAll().where('year', '=', year).executeTakeFirst(),
  assignYear: (
    ex: Executor,
    row: { year: number; instrument_id: string; updated_by: string | null; updated_at: Date },
  ) =>
    ex
      .insertInto('ip_asn_years')
      .values(row)
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          instrument_id: row.instrument_id,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute(),

  // ── the records the index reads (every employee when ids is null) ──
  educationLevels: (ex: Executor, ids: readonly string[] | null) =>
    only(
      ids,
      (list) =>
        ex
          .selectFrom('education_records')
          .select(['employee_id', 'level', 'graduation_year'])
          .where('employee_id', 'in', list)
          .execute(),
      () => Promise.resolve([]),
      () => ex.selectFrom('education_records').select(['employee_id', 'level', 'graduation_year']).execute(),
    ),
  competencyRecords: (ex: Executor, ids: readonly string[] | null) => {
    const q = ex
      .selectFrom('competency_records')
      .select(['employee_id', 'kind', 'leadership_level', 'matches_jabatan', 'completed_on', 'jp']);
    return only(
      ids,
      (list) => q.where('employee_id', 'in', list).execute(),
      () => Promise.resolve([]),
      () => q.execute(),
    );
  },
  disciplineRecords: (ex: Executor, ids: readonly string[] | null) => {
    const q = ex
      .selectFrom('discipline_records')
      .select(['employee_id', 'level', 'sk_date', 'start_on', 'end_on', 'cancelled']);
    return only(
      ids,
      (list) => q.where('employee_id', 'in', list).execute(),
      () => Promise.resolve([]),
      () => q.execute(),
    );
  },

  // ── results ──
  /** Removes one version's results of a year (of these employees, or all) before they are written again. */
  deleteResults: (ex: Executor, year: number, instrumentId: string, ids: readonly string[] | null) => {
    let q = ex.deleteFrom('ip_asn_results').where('year', '=', year).where('instrument_id', '=', instrumentId);
    if (ids !== null) q = ids.length > 0 ? q.where('employee_id', 'in', [...ids]) : q.where(sql<boolean>`false`);
    return q.execute();
  },
  /** Multi-row inserts of at most INSERT_CHUNK rows: few round trips for the city's results. */
  insertResults: async (ex: Executor, rows: readonly ResultRow[]) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await ex
        .insertInto('ip_asn_results')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
  },
  /** One version's results of a year with their detail (one OPD's, or the city's when organizationId is undefined). */
  resultsWithDetail: (ex: Executor, year: number, instrumentId: string, organizationId?: string) => {
    let q = ex
      .selectFrom('ip_asn_results')
      .select(['employee_id', 'organization_id', 'jabatan_type', 'complete', 'detail'])
      .where('year', '=', year)
      .where('instrument_id', '=', instrumentId);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.orderBy('employee_id').execute();
  },
  resultsOf: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('ip_asn_results as r')
      .innerJoin('ip_asn_instruments as i', 'i.id', 'r.instrument_id')
      .select(['r.year', 'r.instrument_id', 'i.version', 'r.total', 'r.band', 'r.detail', 'r.computed_at'])
      .where('r.employee_id', '=', employeeId)
      .orderBy('r.year')
      .execute(),
};
