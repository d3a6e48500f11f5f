/**
 * The admin's holiday calendar (issue 23 §9): a year's days, the SKB 3 Menteri list imported from a
 * sheet (all rows or none) or entered by hand and then marked loaded, and amendments to single days
 * during the year. Every change is audited in its transaction. Reads for deadlines go through
 * platform/holidays.ts, the one loader every module uses.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import {
  fixedHolidays,
  type HolidayKind,
  isFixedHoliday,
  isIsoDate,
  yearOf,
} from '../../../../common/rules/calendar.ts';
import { AppError, fieldError } from '../../errors.ts';
import { holidayStore as store } from '../../platform/holidays.ts';
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { HOLIDAY_SHEET_COLUMNS, MAX_HOLIDAY_ROWS, parseHolidaySheet } from './domain/holiday-sheet.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const badDate = (field: string) =>
  fieldError(
    field,
    msg('Tanggal tidak valid. Tulis hh/bb/tttt, mis. 16/02/2027.', 'Invalid date. Write dd/mm/yyyy, e.g. 16/02/2027.'),
  );

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'audit'>;

/** Every listed day, for the public list working-day counts come from. */
export async function publicList(ctx: Ctx) {
  const { db } = ctx;
  return (await store.allDays(db)).map((h) => ({ day: h.day, name: h.name }));
}

/** One year as the admin sees it: fixed-date days by rule merged with the listed days, and whether the SKB list is loaded. */
export async function year(ctx: Ctx, year: number) {
  const { db } = ctx;
  const [rows, loaded, years] = await Promise.all([store.daysOfYear(db, year), store.year(db, year), store.years(db)]);
  const listed = new Map(rows.map((r) => [r.day, r]));
  const days = [
    ...rows.map((r) => ({
      day: r.day,
      name: r.name,
      kind: r.kind,
      fixed: isFixedHoliday(r.day),
      listed: true,
      amendedAt: iso(r.amended_at),
    })),
    ...fixedHolidays(year)
      .filter((f) => !listed.has(f.date))
      .map((f) => ({ day: f.date, name: f.name, kind: f.kind, fixed: true, listed: false, amendedAt: null })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  return {
    year,
    loaded: loaded
      ? {
          skbReference: loaded.skb_reference,
          skbDate: loaded.skb_date,
          loadedAt: iso(loaded.loaded_at)!,
          amendedAt: iso(loaded.amended_at),
        }
      : null,
    days,
    years: [...new Set([...years, year])].sort((a, b) => a - b),
  };
}

/**
 * Adds, changes (name non-null) or deletes (null) one day. After the year's list is loaded the
 * change is an amendment: the day and the year carry who/when, and the audit says so.
 */
export async function setDay(
  ctx: Ctx,
  actor: Actor,
  day: string,
  name: string | null,
  kind: HolidayKind = 'libur_nasional',
) {
  const { db, clock, audit } = ctx;
  if (!isIsoDate(day)) throw badDate('day');
  if (isFixedHoliday(day)) {
    throw new AppError(
      'CONFLICT',
      msg(
        'Tanggal ini libur nasional tetap setiap tahun (1 Jan, 1 Mei, 1 Jun, 17 Agu, 25 Des) dan tidak dapat diubah atau dihapus.',
        'This date is a fixed national holiday every year (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) and cannot be changed or deleted.',
      ),
    );
  }
  const year = yearOf(day);
  await db.transaction().execute(async (trx) => {
    const [before, loaded] = await Promise.all([store.day(trx, day), store.year(trx, year)]);
    if (name === null && !before)
      throw new AppError(
        'NOT_FOUND',
        msg('Tanggal ini tidak ada di daftar hari libur.', 'This date is not in the holiday list.'),
      );
    const now = clock.now();
    const amendment = Boolean(loaded);
    if (name === null) await store.deleteDay(trx, day);
    else await store.upsertDay(trx, { day, name, kind, amendedAt: amendment ? now : null });
    if (amendment) await store.markAmended(trx, year, actor.accountId, now);
    await audit.record(trx, {
      actor: actorOf(actor),
      action: name === null ? 'holiday.delete' : 'holiday.set',
      subjectType: 'holiday',
      subjectId: day,
      before: before ? { day, name: before.name, kind: before.kind } : null,
      after: { day, name, kind: name === null ? null : kind, amendment },
    });
  });
}

/** Marks a year's list loaded after entering it by hand, with the SKB it comes from. */
export async function markLoaded(ctx: Ctx, actor: Actor, year: number, skbReference: string, skbDate: string | null) {
  const { db, clock, audit } = ctx;
  if (skbDate !== null && !isIsoDate(skbDate)) throw badDate('skbDate');
  await db.transaction().execute(async (trx) => {
    const before = await store.year(trx, year);
    await store.markLoaded(trx, { year, skbReference, skbDate, by: actor.accountId, at: clock.now() });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'holiday_year.load',
      subjectType: 'holiday_year',
      subjectId: String(year),
      before: before ? { skbReference: before.skb_reference, skbDate: before.skb_date } : null,
      after: { skbReference, skbDate, days: (await store.daysOfYear(trx, year)).length },
    });
  });
}

/**
 * Checks a sheet as `year`'s SKB list and, with `commit`, takes it: it replaces the year's listed
 * days and marks the year loaded. Every row or none; the report is the same either way.
 */
export async function importSheet(
  ctx: Ctx,
  actor: Actor,
  year: number,
  data: Buffer,
  format: SheetFormat,
  opts: { commit: boolean; skbReference: string; skbDate: string | null },
) {
  const { db, clock, audit } = ctx;
  if (opts.skbDate !== null && !isIsoDate(opts.skbDate)) throw badDate('skbDate');
  const respond = (
    r: {
      ok: boolean;
      report: { line: number; day: string | null; status: 'ok' | 'error'; problems: { id: string; en: string }[] }[];
    },
    committed: boolean,
  ) => ({
    committed,
    ok: r.ok,
    counts: {
      ok: r.report.filter((x) => x.status === 'ok').length,
      error: r.report.filter((x) => x.status === 'error').length,
    },
    report: r.report,
  });
  const read = await readSheet(data, format, {
    maxRows: MAX_HOLIDAY_ROWS,
    columns: HOLIDAY_SHEET_COLUMNS.length,
    noun: { id: 'hari libur', en: 'holiday' },
  });
  if (!read.ok)
    return respond(
      { ok: false, report: [{ line: read.line, day: null, status: 'error', problems: [read.problem] }] },
      false,
    );
  const checked = parseHolidaySheet(read.records, year);
  if (!checked.ok || !opts.commit) return respond(checked, false);
  await db.transaction().execute(async (trx) => {
    const [beforeDays, beforeYear] = await Promise.all([store.daysOfYear(trx, year), store.year(trx, year)]);
    await store.replaceYear(trx, year, checked.rows);
    await store.markLoaded(trx, {
      year,
      skbReference: opts.skbReference,
      skbDate: opts.skbDate,
      by: actor.accountId,
      at: clock.now(),
    });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'holiday_year.import',
      subjectType: 'holiday_year',
      subjectId: String(year),
      before: { skbReference: beforeYear?.skb_reference ?? null, days: beforeDays.map((d) => d.day) },
      after: { skbReference: opts.skbReference, skbDate: opts.skbDate, days: checked.rows.map((r) => r.day) },
    });
  });
  return respond(checked, true);
}

/** The sheet to fill in: the header and the year's fixed-date holidays (every SKB lists them). */
export function template(_ctx: Ctx, year: number, format: SheetFormat) {
  return writeSheet(
    {
      name: `Hari Libur ${year}`,
      columns: [
        { name: 'tanggal', width: 14 },
        { name: 'jenis', width: 18 },
        { name: 'keterangan', width: 48 },
      ],
      rows: fixedHolidays(year).map((f) => [f.date, f.kind, f.name]),
    },
    format,
  );
}
