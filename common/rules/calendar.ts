/**
 * Working-day windows in Palu time. Palu is on WITA (UTC+8) and Indonesia has no daylight saving,
 * so a local calendar day is a fixed 24-hour span of UTC: [D 00:00 WITA, D+1 00:00 WITA) =
 * [D−1 16:00Z, D 16:00Z). Dates are plain `YYYY-MM-DD` strings (proleptic Gregorian) and all date
 * arithmetic is integer day numbers, so nothing here depends on the server's time zone.
 * RULES.md §1.1 (stage windows), §1.6 (sanggah), §5.1 (hari kerja SLAs), §7 (WITA).
 */

/** WITA = UTC+8, no DST (RULES.md §7). */
export const PALU_UTC_OFFSET_MINUTES = 480;

const OFFSET_MS = PALU_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DayMode = 'calendar' | 'working';

export interface IsoDateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`; February has 29 only in leap years. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` calendar date, or returns null when the text or the date is invalid (e.g. 2023-02-29). */
export function parseIsoDate(text: string): IsoDateParts | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Whether `text` is a real `YYYY-MM-DD` date. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function requireDate(text: string, what: string): IsoDateParts {
  const parts = parseIsoDate(text);
  if (!parts) throw new RangeError(`${what} must be a valid YYYY-MM-DD date, got "${text}"`);
  return parts;
}

/** Formats year/month/day as `YYYY-MM-DD` (years 0–9999). */
export function formatIsoDate(parts: IsoDateParts): string {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; consecutive dates differ by exactly 1. */
export function dayNumber(date: string): number {
  const { year, month, day } = requireDate(date, 'date');
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Shifts a date by a whole number of calendar days (negative allowed). */
export function shiftDate(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Day of week of a date, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** A working day (hari kerja) is Monday–Friday and not a national holiday or cuti bersama in `holidays`. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

/** The WITA calendar date of an instant: the date a clock in Palu shows at that moment. */
export function localDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
  return fromDayNumber(Math.floor((ms + OFFSET_MS) / DAY_MS));
}

/**
 * The last day of an n-day window starting on `start`; day 1 is `start` itself when it counts.
 * Calendar mode: every day counts (n = 3 from Mon → Wed). Working mode: weekends and `holidays`
 * do not count, and a window that opens on a non-working day starts on the next working day, so
 * the result is always a working day. n must be an integer ≥ 1 (a 0-day window has no last day).
 * RULES.md §1.6: sanggah "3 hari" after the announcement, calendar vs working days uncertain —
 * the mode comes from the rule set, not from here.
 */
export function addDays(start: string, n: number, mode: DayMode, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${n}`);
  let day = dayNumber(start);
  if (mode === 'calendar') return fromDayNumber(day + n - 1);
  let counted = 0;
  // Bounded: every 7 consecutive days hold ≥ 1 weekday unless a whole year were holidays; the guard
  // turns a corrupted holiday table into an error instead of a hang.
  for (let guard = 0; guard < n * 7 + 3660; guard++, day++) {
    if (isWorkingDay(fromDayNumber(day), holidays)) {
      counted++;
      if (counted === n) return fromDayNumber(day);
    }
  }
  throw new RangeError('holiday table leaves no working days; check PALU_HOLIDAYS');
}

/** Counts the working days in the inclusive range [from, to]; 0 when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let d = dayNumber(from), end = dayNumber(to); d <= end; d++) {
    if (isWorkingDay(fromDayNumber(d), holidays)) count++;
  }
  return count;
}

/** 00:00:00.000 WITA on `day`, as an instant: the first moment a window opening that day is open. */
export function windowStartInstant(day: string): Date {
  return new Date(dayNumber(day) * DAY_MS - OFFSET_MS);
}

/** 23:59:59.999 WITA on `lastDay`, as an instant: the last moment a window closing that day is open. */
export function windowEndInstant(lastDay: string): Date {
  return new Date((dayNumber(lastDay) + 1) * DAY_MS - OFFSET_MS - 1);
}

/** Whether `now` lies in the window, start and end both inclusive (an end from `windowEndInstant` is the last open millisecond). */
export function isOpen(now: Date, window: { start: Date; end: Date }): boolean {
  const t = now.getTime();
  return t >= window.start.getTime() && t <= window.end.getTime();
}

export type HolidayKind = 'libur_nasional' | 'cuti_bersama';

export interface Holiday {
  date: string;
  kind: HolidayKind;
  /** Indonesian name as in the SKB. */
  name: string;
}

const h = (date: string, kind: HolidayKind, name: string): Holiday => ({ date, kind, name });
const LN = 'libur_nasional' as const;
const CB = 'cuti_bersama' as const;

/**
 * National public holidays and cuti bersama observed in Palu, 2024–2026, from the yearly SKB 3 Menteri
 * (Menag, Menaker, MenPANRB) and Keppres for election days. DATA AN ADMIN MUST CONFIRM EACH YEAR:
 * the SKB is amended mid-year (e.g. 18 Aug 2025 added in Aug 2025) and Islamic dates follow sidang
 * isbat; the app copies this list into an editable table. Weekend holidays are listed for
 * completeness (they do not change working-day counts). No Palu-only holiday is known (HUT Kota
 * Palu, 27 Sep, is not a day off).
 */
export const PALU_HOLIDAYS: readonly Holiday[] = Object.freeze([
  // 2024 — SKB 855/2023, 3/2023, 4/2023 as amended by SKB 236/2024, 1/2024, 2/2024; election days by Keppres.
  h('2024-01-01', LN, 'Tahun Baru 2024 Masehi'),
  h('2024-02-08', LN, 'Isra Mikraj Nabi Muhammad SAW'),
  h('2024-02-09', CB, 'Cuti bersama Tahun Baru Imlek'),
  h('2024-02-10', LN, 'Tahun Baru Imlek 2575 Kongzili'),
  h('2024-02-14', LN, 'Pemilihan Umum 2024'),
  h('2024-03-11', LN, 'Hari Suci Nyepi Tahun Baru Saka 1946'),
  h('2024-03-12', CB, 'Cuti bersama Hari Suci Nyepi'),
  h('2024-03-29', LN, 'Wafat Isa Almasih'),
  h('2024-03-31', LN, 'Hari Paskah'),
  h('2024-04-08', CB, 'Cuti bersama Idul Fitri 1445 H'),
  h('2024-04-09', CB, 'Cuti bersama Idul Fitri 1445 H'),
  h('2024-04-10', LN, 'Hari Raya Idul Fitri 1445 H'),
  h('2024-04-11', LN, 'Hari Raya Idul Fitri 1445 H'),
  h('2024-04-12', CB, 'Cuti bersama Idul Fitri 1445 H'),
  h('2024-04-15', CB, 'Cuti bersama Idul Fitri 1445 H'),
  h('2024-05-01', LN, 'Hari Buruh Internasional'),
  h('2024-05-09', LN, 'Kenaikan Isa Almasih'),
  h('2024-05-10', CB, 'Cuti bersama Kenaikan Isa Almasih'),
  h('2024-05-23', LN, 'Hari Raya Waisak 2568 BE'),
  h('2024-05-24', CB, 'Cuti bersama Hari Raya Waisak'),
  h('2024-06-01', LN, 'Hari Lahir Pancasila'),
  h('2024-06-17', LN, 'Idul Adha 1445 H'),
  h('2024-06-18', CB, 'Cuti bersama Idul Adha 1445 H'),
  h('2024-07-07', LN, 'Tahun Baru Islam 1446 H'),
  h('2024-08-17', LN, 'Hari Kemerdekaan Republik Indonesia'),
  h('2024-09-16', LN, 'Maulid Nabi Muhammad SAW'),
  h('2024-11-27', LN, 'Pemilihan Kepala Daerah Serentak 2024'),
  h('2024-12-25', LN, 'Hari Raya Natal'),
  h('2024-12-26', CB, 'Cuti bersama Hari Raya Natal'),
  // 2025 — SKB 1017/2024, 2/2024, 2/2024 as amended by SKB 933/2025, 1/2025, 3/2025 (18 Aug).
  h('2025-01-01', LN, 'Tahun Baru 2025 Masehi'),
  h('2025-01-27', LN, 'Isra Mikraj Nabi Muhammad SAW'),
  h('2025-01-28', CB, 'Cuti bersama Tahun Baru Imlek'),
  h('2025-01-29', LN, 'Tahun Baru Imlek 2576 Kongzili'),
  h('2025-03-28', CB, 'Cuti bersama Hari Suci Nyepi'),
  h('2025-03-29', LN, 'Hari Suci Nyepi Tahun Baru Saka 1947'),
  h('2025-03-31', LN, 'Hari Raya Idul Fitri 1446 H'),
  h('2025-04-01', LN, 'Hari Raya Idul Fitri 1446 H'),
  h('2025-04-02', CB, 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-03', CB, 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-04', CB, 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-07', CB, 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-18', LN, 'Wafat Isa Almasih'),
  h('2025-04-20', LN, 'Hari Paskah'),
  h('2025-05-01', LN, 'Hari Buruh Internasional'),
  h('2025-05-12', LN, 'Hari Raya Waisak 2569 BE'),
  h('2025-05-13', CB, 'Cuti bersama Hari Raya Waisak'),
  h('2025-05-29', LN, 'Kenaikan Isa Almasih'),
  h('2025-05-30', CB, 'Cuti bersama Kenaikan Isa Almasih'),
  h('2025-06-01', LN, 'Hari Lahir Pancasila'),
  h('2025-06-06', LN, 'Idul Adha 1446 H'),
  h('2025-06-09', CB, 'Cuti bersama Idul Adha 1446 H'),
  h('2025-06-27', LN, 'Tahun Baru Islam 1447 H'),
  h('2025-08-17', LN, 'Hari Kemerdekaan Republik Indonesia'),
  h('2025-08-18', CB, 'Cuti bersama HUT ke-80 Republik Indonesia'),
  h('2025-09-05', LN, 'Maulid Nabi Muhammad SAW'),
  h('2025-12-25', LN, 'Hari Raya Natal'),
  h('2025-12-26', CB, 'Cuti bersama Hari Raya Natal'),
  // 2026 — SKB 1497/2025, 2/2025, 5/2025 (17 libur nasional + 8 cuti bersama).
  h('2026-01-01', LN, 'Tahun Baru 2026 Masehi'),
  h('2026-01-16', LN, 'Isra Mikraj Nabi Muhammad SAW'),
  h('2026-02-16', CB, 'Cuti bersama Tahun Baru Imlek'),
  h('2026-02-17', LN, 'Tahun Baru Imlek 2577 Kongzili'),
  h('2026-03-18', CB, 'Cuti bersama Hari Suci Nyepi'),
  h('2026-03-19', LN, 'Hari Suci Nyepi Tahun Baru Saka 1948'),
  h('2026-03-20', CB, 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-03-21', LN, 'Hari Raya Idul Fitri 1447 H'),
  h('2026-03-22', LN, 'Hari Raya Idul Fitri 1447 H'),
  h('2026-03-23', CB, 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-03-24', CB, 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-04-03', LN, 'Wafat Isa Almasih'),
  h('2026-04-05', LN, 'Hari Paskah'),
  h('2026-05-01', LN, 'Hari Buruh Internasional'),
  h('2026-05-14', LN, 'Kenaikan Isa Almasih'),
  h('2026-05-15', CB, 'Cuti bersama Kenaikan Isa Almasih'),
  h('2026-05-27', LN, 'Idul Adha 1447 H'),
  h('2026-05-28', CB, 'Cuti bersama Idul Adha 1447 H'),
  h('2026-05-31', LN, 'Hari Raya Waisak 2570 BE'),
  h('2026-06-01', LN, 'Hari Lahir Pancasila'),
  h('2026-06-16', LN, 'Tahun Baru Islam 1448 H'),
  h('2026-08-17', LN, 'Hari Kemerdekaan Republik Indonesia'),
  h('2026-08-25', LN, 'Maulid Nabi Muhammad SAW'),
  h('2026-12-24', CB, 'Cuti bersama Hari Raya Natal'),
  h('2026-12-25', LN, 'Hari Raya Natal'),
]);

/** The set of dates in a holiday list, the form `addDays` and `isWorkingDay` take. */
export function holidaySet(holidays: readonly Holiday[]): ReadonlySet<string> {
  return new Set(holidays.map((x) => x.date));
}

/** Dates of `PALU_HOLIDAYS`; a default for tests and seeds — services read the admin-edited table. */
export const PALU_HOLIDAY_DATES: ReadonlySet<string> = holidaySet(PALU_HOLIDAYS);

/** The kinds a holiday sheet or form may name, as the SKB 3 Menteri words them. */
export const HOLIDAY_KINDS: readonly HolidayKind[] = ['libur_nasional', 'cuti_bersama'];

/**
 * National holidays fixed by date, the same every year (Keppres 24/2013 and UU 13/2003 for 1 May,
 * Keppres 24/2016 for 1 June): known without the year's SKB, so the calendar never runs out.
 * Moving holidays (Islamic, Chinese, Hindu, Buddhist, Christian feasts) and cuti bersama are
 * only known from the year's SKB 3 Menteri list.
 */
const FIXED_HOLIDAYS: readonly { monthDay: string; name: (year: number) => string }[] = [
  { monthDay: '01-01', name: (y) => `Tahun Baru ${y} Masehi` },
  { monthDay: '05-01', name: () => 'Hari Buruh Internasional' },
  { monthDay: '06-01', name: () => 'Hari Lahir Pancasila' },
  { monthDay: '08-17', name: () => 'Hari Kemerdekaan Republik Indonesia' },
  { monthDay: '12-25', name: () => 'Hari Raya Natal' },
];

/** The fixed-date national holidays of `year` (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec). */
export function fixedHolidays(year: number): Holiday[] {
  const y = String(year).padStart(4, '0');
  return FIXED_HOLIDAYS.map((f) => ({ date: `${y}-${f.monthDay}`, kind: LN, name: f.name(year) }));
}

/** Whether `date` is a fixed-date national holiday (by rule, in any year). */
export function isFixedHoliday(date: string): boolean {
  return FIXED_HOLIDAYS.some((f) => date.endsWith(`-${f.monthDay}`)) && isIsoDate(date);
}

/**
 * Every holiday date in the years [fromYear, toYear]: the fixed-date rule for each year plus the
 * `listed` days (the SKB lists and amendments the admin loaded). The set `addDays` takes.
 */
export function holidayDatesFor(fromYear: number, toYear: number, listed: Iterable<string>): Set<string> {
  const days = new Set(listed);
  for (let y = fromYear; y <= toYear; y++) for (const f of fixedHolidays(y)) days.add(f.date);
  return days;
}

/** The year of a `YYYY-MM-DD` date. */
export const yearOf = (date: string): number => requireDate(date, 'date').year;

/**
 * The year whose SKB list is missing for `date`, or null when its year is loaded: a deadline on
 * such a date is provisional (moving holidays and cuti bersama of that year are not known yet).
 */
export function provisionalYear(date: string, loadedYears: ReadonlySet<number>): number | null {
  const year = yearOf(date);
  return loadedYears.has(year) ? null : year;
}

/** From this month (October) the admin is reminded to load next year's SKB list. */
export const NEXT_YEAR_REMINDER_MONTH = 10;

/**
 * The next year whose SKB list should be loaded by now and is not: from 1 October of `today`'s
 * year (a Palu date) when next year is not loaded, else null. The SKB is usually signed in
 * September–October for the following year.
 */
export function missingNextYear(today: string, loadedYears: ReadonlySet<number>): number | null {
  const { year, month } = requireDate(today, 'today');
  return month >= NEXT_YEAR_REMINDER_MONTH && !loadedYears.has(year + 1) ? year + 1 : null;
}
