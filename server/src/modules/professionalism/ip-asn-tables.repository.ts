/**
 * SQL of the IP ASN index (Kysely only; the executor comes first so use-cases own transactions):
 * the instrument versions, the year → version assignment, the stored results, and the bulk reads
 * of the professionalism records (education, competency, discipline) the index needs.
 */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

/** One person's stored result; the year, version and time are the same for the whole write. */
export type ResultRow = Omit<Insertable<DB['ip_asn_results']>, 'year' | 'instrument_id' | 'computed_at'>;
const only = <T>(ids: readonly string[] | null, apply: (ids: string[]) => T, none: () => T, all: () => T) =>
  ids === null ? all() : ids.length > 0 ? apply([...ids]) : none();

/** Rows per INSERT: arrays of this length keep each statement's message small. */
const INSERT_CHUNK = 5000;

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
  /**
   * Which of these freshly computed results differ from the stored ones (or are new), and which
   * stored people are no longer measured — compared in the database on each row's key (detail
   * hash and the person's groups, as `resultKey` builds it), so only the few changes come back.
   */
  changes: async (
    ex: Executor,
    year: number,
    instrumentId: string,
    computed: readonly { employeeId: string; key: string }[],
    only: readonly string[] | null,
  ) => {
    const ids = computed.map((c) => c.employeeId);
    const stored = sql`r.detail_hash || '|' || r.employee_status || '|' || r.organization_id || '|' || coalesce(r.jabatan_type, '')`;
    const [changed, gone] = await Promise.all([
      sql<{ employee_id: string; stored: boolean }>`
        select u.employee_id, r.employee_id is not null as stored
        from unnest(${ids}::uuid[], ${computed.map((c) => c.key)}::text[]) as u (employee_id, key)
        left join ip_asn_results r on r.employee_id = u.employee_id and r.year = ${year} and r.instrument_id = ${instrumentId}
        where r.employee_id is null or ${stored} <> u.key
      `.execute(ex),
      sql<{ employee_id: string }>`
        select r.employee_id from ip_asn_results r
        where r.year = ${year} and r.instrument_id = ${instrumentId} and not (r.employee_id = any(${ids}::uuid[]))
          ${only === null ? sql`` : sql`and r.employee_id = any(${[...only]}::uuid[])`}
      `.execute(ex),
    ]);
    return { changed: changed.rows, gone: gone.rows.map((r) => r.employee_id) };
  },
  /** Removes one version's results of a year for these employees (before they are written again). */
  deleteResults: async (ex: Executor, year: number, instrumentId: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    await ex
      .deleteFrom('ip_asn_results')
      .where('year', '=', year)
      .where('instrument_id', '=', instrumentId)
      .where(sql<boolean>`employee_id = any(${[...ids]}::uuid[])`)
      .execute();
  },
  /**
   * Stores the distinct details not stored yet (keyed by the SHA-256 of their JSON): the known
   * keys are asked first, so a recompute sends only reasons never seen before.
   */
  insertDetails: async (ex: Executor, all: readonly { hash: string; json: string }[]) => {
    if (all.length === 0) return;
    const { rows } = await sql<{ hash: string }>`
      select hash from ip_asn_details where hash = any(${all.map((d) => d.hash)}::text[])
    `.execute(ex);
    const known = new Set(rows.map((r) => r.hash));
    const details = all.filter((d) => !known.has(d.hash));
    if (details.length === 0) return;
    await sql`
      insert into ip_asn_details (hash, detail)
      select * from unnest(${details.map((d) => d.hash)}::text[], ${details.map((d) => d.json)}::jsonb[])
      on conflict (hash) do nothing
    `.execute(ex);
  },
  /**
   * A year's results in one statement per INSERT_CHUNK rows, each column sent as one array
   * (unnest): a handful of parameters instead of seventeen per row, so the city's results are a
   * few round trips that Postgres parses quickly.
   */
  insertResults: async (ex: Executor, year: number, instrumentId: string, at: Date, rows: readonly ResultRow[]) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const part = rows.slice(i, i + INSERT_CHUNK);
      const col = <K extends keyof ResultRow>(k: K) => part.map((r) => r[k]);
      await sql`
        insert into ip_asn_results (employee_id, year, instrument_id, employee_status, organization_id, jabatan_type,
          kualifikasi, kompetensi, kinerja, disiplin, total, band, complete, provisional, detail_hash, computed_at)
        select u.employee_id, ${year}::int, ${instrumentId}::uuid, u.employee_status, u.organization_id, u.jabatan_type,
          u.kualifikasi, u.kompetensi, u.kinerja, u.disiplin, u.total, u.band, u.complete, u.provisional, u.detail_hash,
          ${at}::timestamptz
        from unnest(${col('employee_id')}::uuid[], ${col('employee_status')}::text[], ${col('organization_id')}::text[],
          ${col('jabatan_type')}::text[], ${col('kualifikasi')}::numeric[], ${col('kompetensi')}::numeric[],
          ${col('kinerja')}::numeric[], ${col('disiplin')}::numeric[], ${col('total')}::numeric[], ${col('band')}::text[],
          ${col('complete')}::boolean[], ${col('provisional')}::boolean[], ${col('detail_hash')}::text[])
          as u (employee_id, employee_status, organization_id, jabatan_type, kualifikasi, kompetensi, kinerja, disiplin,
                total, band, complete, provisional, detail_hash)
      `.execute(ex);
    }
  },
  /** One version's results of a year with their detail (one OPD's, or the city's when organizationId is undefined). */
  resultsWithDetail: (ex: Executor, year: number, instrumentId: string, organizationId?: string) => {
    let q = ex
      .selectFrom('ip_asn_results as r')
      .innerJoin('ip_asn_details as d', 'd.hash', 'r.detail_hash')
      .select(['r.employee_id', 'r.organization_id', 'r.jabatan_type', 'r.complete', 'd.detail'])
      .where('r.year', '=', year)
      .where('r.instrument_id', '=', instrumentId);
    if (organizationId) q = q.where('r.organization_id', '=', organizationId);
    return q.orderBy('r.employee_id').execute();
  },
  resultsOf: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('ip_asn_results as r')
      .innerJoin('ip_asn_instruments as i', 'i.id', 'r.instrument_id')
      .innerJoin('ip_asn_details as d', 'd.hash', 'r.detail_hash')
      .select(['r.year', 'r.instrument_id', 'i.version', 'r.total', 'r.band', 'd.detail', 'r.computed_at'])
      .where('r.employee_id', '=', employeeId)
      .orderBy('r.year')
      .execute(),
};
