/**
 * A year's SKB 3 Menteri holiday list as a sheet (columns tanggal, jenis, keterangan), checked row
 * by row: every problem of every row is reported with the line Excel shows (header = line 1), and
 * the list is taken only when no row has one (all or nothing). Pure: no I/O.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { formatIsoDate, type HolidayKind, parseIsoDate } from '../../../../../common/rules/calendar.ts';

export const HOLIDAY_SHEET_COLUMNS = ['tanggal', 'jenis', 'keterangan'] as const;
export const MAX_HOLIDAY_ROWS = 200;

export interface HolidaySheetRow {
  day: string;
  kind: HolidayKind;
  name: string;
}

export interface HolidaySheetReport {
  line: number;
  day: string | null;
  status: 'ok' | 'error';
  problems: Msg[];
}

export interface HolidaySheetResult {
  ok: boolean;
  rows: HolidaySheetRow[];
  report: HolidaySheetReport[];
}

const KINDS: Record<string, HolidayKind> = {
  libur_nasional: 'libur_nasional',
  'libur nasional': 'libur_nasional',
  ln: 'libur_nasional',
  cuti_bersama: 'cuti_bersama',
  'cuti bersama': 'cuti_bersama',
  cb: 'cuti_bersama',
};

/** `YYYY-MM-DD` or `DD/MM/YYYY` (the app's shown form) → `YYYY-MM-DD`, or null when not a real date. */
export function parseSheetDate(text: string): string | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : t;
  const parts = parseIsoDate(iso);
  return parts ? formatIsoDate(parts) : null;
}

/** A holiday kind as written in a sheet or form (libur_nasional / "cuti bersama" …), or null. */
export const parseHolidayKind = (text: string): HolidayKind | null =>
  KINDS[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;

type ColumnAt = Record<(typeof HOLIDAY_SHEET_COLUMNS)[number], number>;

/** Checks the records of a sheet (header first) as the holiday list of `year`. */
export function parseHolidaySheet(
  records: readonly { line: number; cells: string[] }[],
  year: number,
): HolidaySheetResult {
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const at = Object.fromEntries(HOLIDAY_SHEET_COLUMNS.map((c) => [c, header.indexOf(c)])) as ColumnAt;
  const missing = HOLIDAY_SHEET_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length) {
    const names = missing.join(', ');
    return fileProblem(
      1,
      msg(
        `Kolom ${names} tidak ada di baris judul. Unduh templat lalu salin data ke dalamnya.`,
        `Column ${names} is missing from the header row. Download the template and copy the data into it.`,
      ),
    );
  }
  const body = records.slice(1);
  if (body.length === 0)
    return fileProblem(
      0,
      msg(
        'Berkas tidak memuat satu pun hari libur. Isi satu baris per tanggal sesuai SKB 3 Menteri.',
        'The file holds no holiday. Fill in one row per date as in the SKB 3 Menteri.',
      ),
    );
  const seen = new Map<string, number>();
  const rows: HolidaySheetRow[] = [];
  const report: HolidaySheetReport[] = [];
  for (const r of body) {
    const cell = (c: keyof ColumnAt) => (r.cells[at[c]] ?? '').trim();
    const problems: Msg[] = [];
    const rawDate = cell('tanggal');
    const day = parseSheetDate(rawDate);
    const badDate = dateProblem(rawDate, day, year, seen);
    if (badDate) problems.push(badDate);
    const rawKind = cell('jenis');
    const kind = parseHolidayKind(rawKind);
    if (!kind)
      problems.push(
        msg(
          `Jenis "${rawKind}" tidak dikenal. Isi "libur_nasional" atau "cuti_bersama".`,
          `Unknown kind "${rawKind}". Use "libur_nasional" or "cuti_bersama".`,
        ),
      );
    const name = cell('keterangan');
    if (name.length < 3 || name.length > 120)
      problems.push(
        msg(
          'Keterangan wajib diisi (3–120 karakter), misalnya "Hari Raya Idul Fitri 1448 H".',
          'The description is required (3–120 characters), e.g. "Hari Raya Idul Fitri 1448 H".',
        ),
      );
    if (day && !seen.has(day)) seen.set(day, r.line);
    report.push({ line: r.line, day, status: problems.length ? 'error' : 'ok', problems });
    if (!problems.length && day && kind) rows.push({ day, kind, name });
  }
  const ok = report.every((x) => x.status === 'ok');
  return { ok, rows: ok ? rows : [], report };
}

/** A result rejecting the whole file with one problem on `line`. */
function fileProblem(line: number, problem: Msg): HolidaySheetResult {
  return { ok: false, rows: [], report: [{ line, day: null, status: 'error', problems: [problem] }] };
}

/** What is wrong with a row's date: missing, not a date, outside `year`, or already on an earlier line. */
function dateProblem(rawDate: string, day: string | null, year: number, seen: ReadonlyMap<string, number>): Msg | null {
  if (!rawDate)
    return msg(
      'Tanggal wajib diisi (format dd/mm/yyyy atau yyyy-mm-dd).',
      'The date is required (dd/mm/yyyy or yyyy-mm-dd).',
    );
  if (!day)
    return msg(
      `Tanggal "${rawDate}" tidak valid. Tulis dd/mm/yyyy, misalnya 16/02/${year}.`,
      `The date "${rawDate}" is not valid. Write dd/mm/yyyy, e.g. 16/02/${year}.`,
    );
  if (!day.startsWith(`${String(year).padStart(4, '0')}-`))
    return msg(
      `Tanggal ${rawDate} di luar tahun ${year}. Daftar ini hanya untuk tahun ${year}.`,
      `The date ${rawDate} is outside ${year}. This list is for ${year} only.`,
    );
  if (seen.has(day))
    return msg(
      `Tanggal ${rawDate} sudah ada di baris ${seen.get(day)}. Satu tanggal cukup satu baris.`,
      `The date ${rawDate} is already on line ${seen.get(day)}. One row per date.`,
    );
  return null;
}
