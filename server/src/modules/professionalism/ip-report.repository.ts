/** SQL of the IP ASN reports: results read per year and instrument version, BKN's official figures. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

export interface ResultRow {
  employee_id: string;
  employee_status: 'CPNS' | 'PNS' | 'PPPK';
  organization_id: string;
  jabatan_type: string | null;
  kualifikasi: string;
  kompetensi: string;
  kinerja: string;
  disiplin: string;
  total: string;
  band: string;
  complete: boolean;
  provisional: boolean;
}

/** A tally row as the database sends it (sums of numeric columns as strings). */
export interface TallyRow {
  organization_id: string;
  pppk: boolean;
  jabatan_type: string | null;
  band: string;
  complete: boolean;
  count: number;
  provisional: number;
  kualifikasi: string;
  kompetensi: string;
  kinerja: string;
  disiplin: string;
  total: string;
}

export interface OfficialInsert {
  id: string;
  year: number;
  employee_status: 'PNS' | 'PPPK';
  organization_id: string | null;
  respondents: number | null;
  kualifikasi: number;
  kompetensi: number;
  kinerja: number;
  disiplin: number;
  total: number;
  imported_by: string;
  imported_at: Date;
}

export const ipReportRepository = {
  organizations: (ex: Executor) => ex.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute(),

  /**
   * The instrument version that counts for each year with results: the one ip_asn_years names,
   * else the newest version that has results for the year (a year measured before it was set).
   * The (year, version) pairs come from the results' index, not their rows.
   */
  yearInstruments: async (ex: Executor) => {
    const { rows } = await sql<{ year: number; instrument_id: string; version: string }>`
      with measured as (select year, instrument_id from ip_asn_results group by year, instrument_id)
      select distinct on (m.year) m.year, i.id as instrument_id, i.version
      from measured m
      join ip_asn_instruments i on i.id = m.instrument_id
      left join ip_asn_years y on y.year = m.year
      order by m.year, (y.instrument_id = i.id) desc nulls last, i.created_at desc, i.version desc
    `.execute(ex);
    return rows;
  },

  instrument: (ex: Executor, id: string) =>
    ex.selectFrom('ip_asn_instruments').select(['id', 'version', 'body']).where('id', '=', id).executeTakeFirst(),

  results: (ex: Executor, year: number, instrumentId: string, organizationId?: string) => {
    let q = ex
      .selectFrom('ip_asn_results')
      .select([
        'employee_id',
        'employee_status',
        'organization_id',
        'jabatan_type',
        'kualifikasi',
        'kompetensi',
        'kinerja',
        'disiplin',
        'total',
        'band',
        'complete',
        'provisional',
      ])
      .where('year', '=', year)
      .where('instrument_id', '=', instrumentId);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.execute() as Promise<ResultRow[]>;
  },

  /**
   * A year's results added up in the database per OPD, PNS/PPPK (CPNS with PNS), jabatan type, band
   * and completeness: at most a few thousand rows for the whole city, whatever its size.
   */
  tallies: async (ex: Executor, year: number, instrumentId: string, organizationId?: string) => {
    const { rows } = await sql<TallyRow>`
      select organization_id, (employee_status = 'PPPK') as pppk, jabatan_type, band, complete,
             count(*)::int as count, (count(*) filter (where provisional))::int as provisional,
             sum(kualifikasi) as kualifikasi, sum(kompetensi) as kompetensi, sum(kinerja) as kinerja,
             sum(disiplin) as disiplin, sum(total) as total
      from ip_asn_results
      where year = ${year} and instrument_id = ${instrumentId}
        ${organizationId ? sql`and organization_id = ${organizationId}` : sql``}
      group by organization_id, pppk, jabatan_type, band, complete
    `.execute(ex);
    return rows;
  },

  /** Per year and instrument version: people measured, complete ones and the sum of their totals. */
  trend: async (ex: Executor, organizationId: string | undefined, statuses: readonly string[]) => {
    let q = ex
      .selectFrom('ip_asn_results')
      .select((eb) => [
        'year',
        'instrument_id',
        eb.fn.countAll<string>().as('of'),
        sql<string>`count(*) filter (where complete)`.as('n'),
        sql<string>`coalesce(sum(total) filter (where complete), 0)`.as('sum_total'),
      ])
      .where('employee_status', 'in', [...statuses] as 'PNS'[])
      .groupBy(['year', 'instrument_id']);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.execute();
  },

  official: (ex: Executor, years: readonly number[]) =>
    years.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('ip_asn_official as f')
          .leftJoin('organizations as o', 'o.id', 'f.organization_id')
          .select([
            'f.year',
            'f.employee_status',
            'f.organization_id',
            'o.name as organization_name',
            'f.respondents',
            'f.kualifikasi',
            'f.kompetensi',
            'f.kinerja',
            'f.disiplin',
            'f.total',
          ])
          .where('f.year', 'in', [...years])
          .orderBy('f.year', 'desc')
          .orderBy('f.employee_status')
          .orderBy('o.name')
          .execute(),

  /** Replaces the official figures with the same year, status and OPD (the sheet's rows), in the caller's transaction. */
  replaceOfficial: async (ex: Executor, rows: readonly OfficialInsert[]) => {
    for (const r of rows) {
      let del = ex
        .deleteFrom('ip_asn_official')
        .where('year', '=', r.year)
        .where('employee_status', '=', r.employee_status);
      del =
        r.organization_id === null
          ? del.where('organization_id', 'is', null)
          : del.where('organization_id', '=', r.organization_id);
      await del.execute();
    }
    if (rows.length > 0)
      await ex
        .insertInto('ip_asn_official')
        .values([...rows])
        .execute();
  },
};
