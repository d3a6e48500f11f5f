/**
 * The education history sheet (riwayat pendidikan): one formal education per row — NIP, jenjang,
 * institution, major, graduation year, highest Y/N. Validation is pure and reports every problem
 * of every row with the line Excel shows; the import saves all rows or none (issue 26 §5). The
 * helpers here (header, NIP, Y/N, dates) are shared with the competency sheet.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { normalizeNip, parseNip } from '../../../../../common/rules/nip.ts';
import { parseIsoDate } from '../../../../../common/rules/calendar.ts';
import { EDUCATION_LABELS, EDUCATION_LEVELS, type EducationLevel } from './ip-asn.ts';

export const EDUCATION_SHEET_COLUMNS = ['nip', 'jenjang', 'institusi', 'jurusan', 'tahun_lulus', 'tertinggi'] as const;
export const MAX_RECORD_ROWS = 20_000;
const MAX_TEXT = 200;

export interface RecordRowReport {
  line: number;
  nip: string | null;
  status: 'new' | 'update' | 'error';
  problems: Msg[];
}

export interface RecordSheetContext {
  /** NIP → employee id of the city's records. */
  employees: ReadonlyMap<string, string>;
  /** Keys (see `educationKey` / `competencyKey`) of the records already held: a matching row updates it. */
  existing: ReadonlySet<string>;
  /** The Palu day of the import (YYYY-MM-DD): nothing may have happened after it. */
  today: string;
}

export interface EducationRow {
  line: number;
  employeeId: string;
  nip: string;
  level: EducationLevel;
  institution: string;
  major: string;
  graduationYear: number;
  isHighest: boolean;
  key: string;
}

export interface SheetResult<R> {
  ok: boolean;
  rows: R[];
  report: RecordRowReport[];
}

export type CellGetter = (column: string) => string;

export const cleanCell = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

/** The key an education record is matched on when a sheet is imported again. */
export const educationKey = (employeeId: string, level: string, institution: string, year: number) =>
  `${employeeId}|${level}|${institution.toLowerCase()}|${year}`;

const fileProblem = <R>(problem: Msg, line = 0): SheetResult<R> => ({
  ok: false,
  rows: [],
  report: [{ line, nip: null, status: 'error', problems: [problem] }],
});

/**
 * Walks the data rows of a sheet whose header holds `required`, calling `check` for each non-empty
 * row; `ok` only when every row is valid, and then `rows` holds them all in sheet order.
 */
export function checkSheet<R>(
  records: readonly { line: number; cells: readonly string[] }[],
  columns: readonly string[],
  required: readonly string[],
  noun: { id: string; en: string },
  check: (line: number, get: CellGetter, problems: Msg[]) => { nip: string | null; row: R | null; isUpdate: boolean },
): SheetResult<R> {
  const [header, ...data] = records;
  if (!header)
    return fileProblem(
      msg(
        `Berkas tidak berisi data. Baris pertama harus berisi judul kolom: ${columns.join(', ')}.`,
        `The file has no data. The first row must hold the column names: ${columns.join(', ')}.`,
      ),
    );
  const index = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = cleanCell(raw).toLowerCase().replace(/ /g, '_');
    if (columns.includes(name) && !index.has(name)) index.set(name, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0)
    return fileProblem(
      msg(
        `Kolom wajib tidak ditemukan di baris judul: ${missing.join(', ')}. Gunakan templat ${noun.id}.`,
        `Required columns missing from the header row: ${missing.join(', ')}. Use the ${noun.en} template.`,
      ),
      1,
    );
  const report: RecordRowReport[] = [];
  const rows: R[] = [];
  for (const rec of data) {
    const get: CellGetter = (c) => {
      const i = index.get(c);
      return i === undefined ? '' : cleanCell(rec.cells[i] ?? '');
    };
    if (columns.every((c) => get(c) === '')) continue;
    const problems: Msg[] = [];
    const out = check(rec.line, get, problems);
    report.push({
      line: rec.line,
      nip: out.nip,
      status: problems.length > 0 ? 'error' : out.isUpdate ? 'update' : 'new',
      problems,
    });
    if (problems.length === 0 && out.row) rows.push(out.row);
  }
  if (report.length === 0)
    return fileProblem(
      msg(
        `Berkas hanya berisi baris judul; isi satu ${noun.id} per baris.`,
        `The file holds only the header row; fill in one ${noun.en} per row.`,
      ),
      1,
    );
  const ok = report.every((r) => r.status !== 'error');
  return { ok, rows: ok ? rows : [], report };
}

/** The NIP of a row, checked as an NIP and against the city's records; the employee id when known. */
export function checkNip(get: CellGetter, ctx: RecordSheetContext, problems: Msg[]) {
  const nip = normalizeNip(get('nip'));
  if (nip === '') {
    problems.push(msg('Kolom nip wajib diisi.', 'Column nip is required.'));
    return { nip: null, employeeId: null };
  }
  const parsed = parseNip(nip);
  if (!parsed.ok) {
    problems.push(parsed.error);
    return { nip, employeeId: null };
  }
  const employeeId = ctx.employees.get(nip) ?? null;
  if (!employeeId)
    problems.push(
      msg(
        `NIP ${nip} tidak ada dalam data pegawai Kota Palu. Periksa NIP-nya, atau impor data pegawainya lebih dulu.`,
        `NIP ${nip} is not in Palu's employee records. Check the NIP, or import the employee record first.`,
      ),
    );
  return { nip, employeeId };
}

/** A free-text column: required when asked, short enough, and not read by Excel as a formula. */
export function checkText(get: CellGetter, column: string, required: boolean, problems: Msg[]): string {
  const v = get(column);
  if (required && v === '') problems.push(msg(`Kolom ${column} wajib diisi.`, `Column ${column} is required.`));
  if (v.length > MAX_TEXT)
    problems.push(
      msg(
        `Kolom ${column} terlalu panjang (maksimal ${MAX_TEXT} karakter).`,
        `Column ${column} is too long (at most ${MAX_TEXT} characters).`,
      ),
    );
  if (/^[=+\-@]/.test(v))
    problems.push(
      msg(
        `Kolom ${column} tidak boleh diawali =, +, - atau @ (dibaca Excel sebagai rumus).`,
        `Column ${column} cannot start with =, +, - or @ (Excel reads it as a formula).`,
      ),
    );
  return v;
}

/** Y/N (also ya/tidak, true/false, 1/0); empty is `empty`; anything else a problem and null. */
export function parseYesNo(get: CellGetter, column: string, empty: boolean | null, problems: Msg[]): boolean | null {
  const v = get(column).toLowerCase();
  if (v === '') return empty;
  if (['y', 'ya', 'yes', 'true', '1'].includes(v)) return true;
  if (['n', 't', 'tidak', 'no', 'false', '0'].includes(v)) return false;
  problems.push(
    msg(
      `Kolom ${column} berisi "${get(column)}"; isi Y (ya) atau N (tidak).`,
      `Column ${column} holds "${get(column)}"; fill in Y (yes) or N (no).`,
    ),
  );
  return null;
}

/**
 * A date cell: YYYY-MM-DD (what an XLSX date cell reads as) or DD/MM/YYYY as typed in Indonesia.
 * An impossible day (2023-02-30) and a day after `today` are refused with the reason.
 */
export function parseDateCell(
  get: CellGetter,
  column: string,
  label: { id: string; en: string },
  today: string,
  problems: Msg[],
): string | null {
  const raw = get(column);
  if (raw === '') return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const text = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : raw;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    problems.push(
      msg(
        `${label.id} "${raw}" tidak dapat dibaca. Tulis TTTT-BB-HH (mis. 2023-02-28) atau HH/BB/TTTT.`,
        `${label.en} "${raw}" cannot be read. Write YYYY-MM-DD (e.g. 2023-02-28) or DD/MM/YYYY.`,
      ),
    );
    return null;
  }
  if (!parseIsoDate(text)) {
    problems.push(
      msg(
        `${label.id} ${text} tidak ada di kalender. Periksa hari dan bulannya.`,
        `${label.en} ${text} does not exist in the calendar. Check the day and month.`,
      ),
    );
    return null;
  }
  if (text > today) {
    problems.push(
      msg(
        `${label.id} ${text} belum terjadi (hari ini ${today}). Riwayat hanya memuat yang sudah selesai.`,
        `${label.en} ${text} is in the future (today is ${today}). The history holds only what has happened.`,
      ),
    );
    return null;
  }
  return text;
}

const LEVEL_ALIASES: Record<string, EducationLevel> = {
  SD: 'sd',
  MI: 'sd',
  SMP: 'smp',
  SLTP: 'smp',
  MTS: 'smp',
  SMA: 'sma',
  SMK: 'sma',
  SLTA: 'sma',
  MA: 'sma',
  D1: 'd1',
  DI: 'd1',
  D2: 'd2',
  DII: 'd2',
  D3: 'd3',
  DIII: 'd3',
  D4: 'd4',
  DIV: 'd4',
  S1: 's1',
  S2: 's2',
  S3: 's3',
};

/** A jenjang as officials write it ("S-1", "S1", "D-IV", "SMK", "s1") → its code, or null. */
export function parseEducationLevel(text: string): EducationLevel | null {
  const t = text.toUpperCase().replace(/[\s.\-/]/g, '');
  if ((EDUCATION_LEVELS as readonly string[]).includes(t.toLowerCase())) return t.toLowerCase() as EducationLevel;
  return LEVEL_ALIASES[t] ?? null;
}

const LEVEL_LIST = EDUCATION_LEVELS.map((l) => EDUCATION_LABELS[l].split('/')[0]).join(', ');

/** Validates an education sheet (header first); see `checkSheet` for the all-or-nothing result. */
export function validateEducationSheet(
  records: readonly { line: number; cells: readonly string[] }[],
  ctx: RecordSheetContext,
): SheetResult<EducationRow> {
  const highestAt = new Map<string, number>();
  const seen = new Map<string, number>();
  const thisYear = Number(ctx.today.slice(0, 4));
  return checkSheet<EducationRow>(
    records,
    EDUCATION_SHEET_COLUMNS,
    ['nip', 'jenjang', 'institusi', 'tahun_lulus'],
    { id: 'riwayat pendidikan', en: 'education history' },
    (line, get, problems) => {
      const { nip, employeeId } = checkNip(get, ctx, problems);
      const levelText = get('jenjang');
      const level = parseEducationLevel(levelText);
      if (levelText === '') problems.push(msg('Kolom jenjang wajib diisi.', 'Column jenjang is required.'));
      else if (!level)
        problems.push(
          msg(
            `Jenjang "${levelText}" tidak dikenal. Isi salah satu: ${LEVEL_LIST}.`,
            `Unknown education level "${levelText}". Use one of: ${LEVEL_LIST}.`,
          ),
        );
      const institution = checkText(get, 'institusi', true, problems);
      const major = checkText(get, 'jurusan', false, problems);
      const yearText = get('tahun_lulus');
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
      if (yearText === '') problems.push(msg('Kolom tahun_lulus wajib diisi.', 'Column tahun_lulus is required.'));
      else if (year === null || year < 1950)
        problems.push(
          msg(
            `Tahun lulus "${yearText}" tidak sah; tulis empat angka tahun, mis. 2012.`,
            `Graduation year "${yearText}" is not valid; write the four-digit year, e.g. 2012.`,
          ),
        );
      else if (year > thisYear)
        problems.push(
          msg(
            `Tahun lulus ${year} belum terjadi (tahun ini ${thisYear}).`,
            `Graduation year ${year} is in the future (this year is ${thisYear}).`,
          ),
        );
      const isHighest = parseYesNo(get, 'tertinggi', false, problems);
      if (isHighest && nip) {
        const first = highestAt.get(nip);
        if (first !== undefined)
          problems.push(
            msg(
              `NIP ${nip} sudah ditandai pendidikan tertinggi di baris ${first}; hanya satu baris per NIP yang boleh Y.`,
              `NIP ${nip} already has its highest education on line ${first}; only one row per NIP may say Y.`,
            ),
          );
        else highestAt.set(nip, line);
      }
      const key = employeeId && level && year ? educationKey(employeeId, level, institution, year) : null;
      if (key) {
        const first = seen.get(key);
        if (first !== undefined)
          problems.push(
            msg(`Baris ini sama dengan baris ${first} berkas ini.`, `This row repeats line ${first} of this file.`),
          );
        else seen.set(key, line);
      }
      const row =
        employeeId && nip && level && year && key && isHighest !== null
          ? { line, employeeId, nip, level, institution, major, graduationYear: year, isHighest, key }
          : null;
      return { nip, row, isUpdate: key !== null && ctx.existing.has(key) };
    },
  );
}
