/**
 * Palu's holiday calendar as every module reads it: the fixed-date national holidays by rule
 * (common/rules/calendar.ts) plus the days of the SKB 3 Menteri lists the admin loaded, and which
 * years have a loaded list (a deadline in any other year is provisional). One loader, so a
 * complaint deadline, a sanggah window and an SKP due date can never disagree. The store below is
 * the calendar's only SQL; the admin's import and amendments (recruitment) write through it.
 */
import type { Executor } from '../db/database.ts';
import { type HolidayKind, holidayDatesFor } from '../../../common/rules/calendar.ts';

export interface HolidayCalendar {
  /** Every holiday date of the range: fixed-date rule ∪ loaded lists ∪ amendments. */
  days: ReadonlySet<string>;
  /** Years whose SKB list is loaded. */
  loadedYears: ReadonlySet<number>;
}

/** Fixed-date holidays are generated for at least these years (deadlines are days or weeks ahead). */
const DEFAULT_RANGE = { fromYear: 2000, toYear: 2100 };

/** The holiday calendar for the years [fromYear, toYear] (by default 2000–2100 and every listed year). */
export async function loadHolidayCalendar(
  ex: Executor,
  range: { fromYear: number; toYear: number } = DEFAULT_RANGE,
): Promise<HolidayCalendar> {
  const [listed, years] = await Promise.all([holidayStore.days(ex), holidayStore.loadedYears(ex)]);
  const listedYears = listed.map((d) => Number(d.slice(0, 4)));
  const from = Math.min(range.fromYear, ...listedYears);
  const to = Math.max(range.toYear, ...listedYears);
  return { days: holidayDatesFor(from, to, listed), loadedYears: new Set(years) };
}

/** Only the holiday dates: the set `addDays` / `isWorkingDay` take. */
export async function loadHolidays(ex: Executor): Promise<ReadonlySet<string>> {
  return (await loadHolidayCalendar(ex)).days;
}

export interface HolidayDayRow {
  day: string;
  name: string;
  kind: HolidayKind;
  amended_at: Date | null;
}

const yearRange = (year: number) =>
  [`${String(year).padStart(4, '0')}-01-01`, `${String(year).padStart(4, '0')}-12-31`] as const;

/** The calendar's tables (holidays, holiday_years); callers own the transaction and the audit. */
export const holidayStore = {
  days: async (ex: Executor) => (await ex.selectFrom('holidays').select('day').execute()).map((h) => h.day),
  loadedYears: async (ex: Executor) =>
    (await ex.selectFrom('holiday_years').select('year').execute()).map((y) => Number(y.year)),
  /** The listed days of one year, in date order. */
  daysOfYear: (ex: Executor, year: number): Promise<HolidayDayRow[]> => {
    const [from, to] = yearRange(year);
    return ex
      .selectFrom('holidays')
      .select(['day', 'name', 'kind', 'amended_at'])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .execute();
  },
  allDays: (ex: Executor) => ex.selectFrom('holidays').select(['day', 'name']).orderBy('day').execute(),
  year: (ex: Executor, year: number) =>
    ex.selectFrom('holiday_years').selectAll().where('year', '=', year).executeTakeFirst(),
  /** Every loaded year and every year with a listed day, for the admin's year picker. */
  years: async (ex: Executor) => {
    const [loaded, listed] = await Promise.all([
      ex.selectFrom('holiday_years').select('year').execute(),
      holidayStore.days(ex),
    ]);
    return [...new Set([...loaded.map((y) => Number(y.year)), ...listed.map((d) => Number(d.slice(0, 4)))])].sort(
      (a, b) => a - b,
    );
  },
  day: (ex: Executor, day: string) =>
    ex.selectFrom('holidays').select(['day', 'name', 'kind', 'amended_at']).where('day', '=', day).executeTakeFirst(),
  upsertDay: (ex: Executor, row: { day: string; name: string; kind: HolidayKind; amendedAt: Date | null }) =>
    ex
      .insertInto('holidays')
      .values({ day: row.day, name: row.name, kind: row.kind, amended_at: row.amendedAt })
      .onConflict((oc) => oc.column('day').doUpdateSet({ name: row.name, kind: row.kind, amended_at: row.amendedAt }))
      .execute(),
  deleteDay: (ex: Executor, day: string) => ex.deleteFrom('holidays').where('day', '=', day).execute(),
  /** Replaces one year's listed days with `rows` (an import: all of them or, on error, none). */
  replaceYear: async (
    ex: Executor,
    year: number,
    rows: readonly { day: string; name: string; kind: HolidayKind }[],
  ) => {
    const [from, to] = yearRange(year);
    await ex.deleteFrom('holidays').where('day', '>=', from).where('day', '<=', to).execute();
    if (rows.length)
      await ex
        .insertInto('holidays')
        .values(rows.map((r) => ({ day: r.day, name: r.name, kind: r.kind, amended_at: null })))
        .execute();
  },
  /** Marks a year loaded (or records a new SKB reference for it), clearing its amendment mark. */
  markLoaded: (
    ex: Executor,
    y: { year: number; skbReference: string; skbDate: string | null; by: string | null; at: Date },
  ) =>
    ex
      .insertInto('holiday_years')
      .values({
        year: y.year,
        skb_reference: y.skbReference,
        skb_date: y.skbDate,
        loaded_by: y.by,
        loaded_at: y.at,
        amended_by: null,
        amended_at: null,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          skb_reference: y.skbReference,
          skb_date: y.skbDate,
          loaded_by: y.by,
          loaded_at: y.at,
          amended_by: null,
          amended_at: null,
        }),
      )
      .execute(),
  /** Seeds a loaded year without touching one an admin already loaded. */
  seedLoaded: (ex: Executor, years: readonly { year: number; skbReference: string }[], at: Date) =>
    years.length
      ? ex
          .insertInto('holiday_years')
          .values(
            years.map((y) => ({
              year: y.year,
              skb_reference: y.skbReference,
              skb_date: null,
              loaded_by: null,
              loaded_at: at,
            })),
          )
          .onConflict((oc) => oc.column('year').doNothing())
          .execute()
      : Promise.resolve(),
  seedDays: (ex: Executor, rows: readonly { day: string; name: string; kind: HolidayKind }[]) =>
    rows.length
      ? ex
          .insertInto('holidays')
          .values(rows.map((r) => ({ day: r.day, name: r.name, kind: r.kind })))
          .onConflict((oc) => oc.column('day').doNothing())
          .execute()
      : Promise.resolve(),
  markAmended: (ex: Executor, year: number, by: string, at: Date) =>
    ex.updateTable('holiday_years').set({ amended_by: by, amended_at: at }).where('year', '=', year).execute(),
};
