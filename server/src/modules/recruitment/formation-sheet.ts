/**
 * Formation (formasi) spreadsheet import and export: one row per formation, Indonesian column
 * names, XLSX or CSV. The parser never throws on bad content; it reports every problem of every
 * row with the line number the person sees in Excel (header = line 1; line 0 = the file as a whole),
 * so the committee can fix the sheet in one pass. Writing then parsing gives back the same rows.
 */
import { FORMULA_START, readSheet, type SheetRecord, writeSheet } from '../../platform/sheets.ts';
import { EDUCATION_LEVELS, NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import { type Msg, msg } from '../../../../common/contracts/messages.ts';

/** Column names in the order they are written; the parser matches them by name, in any order. */
export const FORMATION_SHEET_COLUMNS = [
  'kode_formasi',
  'kode_opd',
  'jabatan',
  'jenjang_pendidikan',
  'program_studi',
  'jenis_kebutuhan',
  'kuota',
  'penempatan',
] as const;
export type FormationSheetColumn = (typeof FORMATION_SHEET_COLUMNS)[number];

export const MAX_FORMATION_ROWS = 20_000;
export const MAX_QUOTA = 1000;
const MAX_TEXT = 200;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export interface FormationRow {
  code: string;
  organizationId: string;
  jabatan: string;
  educationLevels: string[];
  majors: string[];
  needType: string;
  quota: number;
  placement: string | null;
}

export interface FormationSheetReportEntry {
  line: number;
  code: string | null;
  status: 'ok' | 'error';
  problems: Msg[];
}

export interface FormationSheetResult {
  rows: FormationRow[];
  report: FormationSheetReportEntry[];
  ok: boolean;
}

export interface FormationSheetContext {
  organizationIds: ReadonlySet<string>;
  existingCodes?: ReadonlySet<string>;
}

// Spelled-out labels officials use in announcements, mapped to the stored need type.
const NEED_TYPE_ALIASES: Record<string, string> = {
  'putra/putri papua': 'papua',
  'putra putri papua': 'papua',
  'putra-putri papua': 'papua',
  'cum laude': 'cumlaude',
  'daerah tertinggal': 'daerah_tertinggal',
  'daerah-tertinggal': 'daerah_tertinggal',
  'penyandang disabilitas': 'disabilitas',
};

const fileProblem = (problem: Msg, line = 0): FormationSheetResult => ({
  rows: [],
  report: [{ line, code: null, status: 'error', problems: [problem] }],
  ok: false,
});

/** A grid of cell texts with the Excel row number of each record. */
interface Grid {
  records: SheetRecord[];
}

/**
 * Parses and validates a formation sheet. Every non-blank data row gets one report entry listing
 * all of its problems; `rows` holds only the valid rows and `ok` is true only when every row is
 * valid (the committee UI imports only then). Content problems never throw.
 */
export async function parseFormationSheet(
  data: Buffer,
  format: 'xlsx' | 'csv',
  ctx: FormationSheetContext,
  onProgress?: (done: number, total: number) => void,
): Promise<FormationSheetResult> {
  const read = await readSheet(data, format, {
    maxRows: MAX_FORMATION_ROWS,
    columns: FORMATION_SHEET_COLUMNS.length,
    noun: { id: 'formasi', en: 'formation' },
  });
  if (!read.ok) return fileProblem(read.problem, read.line);
  return validateGrid({ records: read.records }, ctx, onProgress);
}

/** Trims, turns no-break spaces into spaces and collapses runs of whitespace (Alt+Enter included). */
const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function validateGrid(
  grid: Grid,
  ctx: FormationSheetContext,
  onProgress?: (done: number, total: number) => void,
): Promise<FormationSheetResult> {
  const nonBlank = grid.records.filter((r) => r.cells.some((c) => clean(c) !== ''));
  const header = nonBlank[0];
  if (!header) {
    return fileProblem(
      msg(
        `Berkas tidak berisi data. Baris pertama harus berisi judul kolom: ${FORMATION_SHEET_COLUMNS.join(', ')}.`,
        `The file has no data. The first row must hold the column names: ${FORMATION_SHEET_COLUMNS.join(', ')}.`,
      ),
    );
  }

  // Columns are matched by name so a reordered sheet still imports; extra columns are ignored.
  const index = new Map<FormationSheetColumn, number>();
  const headerProblems: Msg[] = [];
  header.cells.forEach((raw, i) => {
    const name = clean(raw).toLowerCase().replace(/ /g, '_') as FormationSheetColumn;
    if (!(FORMATION_SHEET_COLUMNS as readonly string[]).includes(name)) return;
    if (index.has(name)) {
      headerProblems.push(
        msg(
          `Kolom "${name}" muncul lebih dari sekali di baris judul.`,
          `Column "${name}" appears more than once in the header row.`,
        ),
      );
    } else index.set(name, i);
  });
  const missing = FORMATION_SHEET_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    headerProblems.push(
      msg(
        `Kolom wajib tidak ditemukan di baris judul: ${missing.join(', ')}. Gunakan templat formasi; judul kolom harus persis: ${FORMATION_SHEET_COLUMNS.join(', ')}.`,
        `Required columns missing from the header row: ${missing.join(', ')}. Use the formation template; column names must be exactly: ${FORMATION_SHEET_COLUMNS.join(', ')}.`,
      ),
    );
  }
  if (headerProblems.length > 0) {
    return {
      rows: [],
      report: [{ line: header.line, code: null, status: 'error', problems: headerProblems }],
      ok: false,
    };
  }

  const dataRows = nonBlank.slice(1);
  const total = dataRows.length;
  if (total === 0) {
    return fileProblem(
      msg(
        'Berkas hanya berisi baris judul; belum ada formasi yang diisi.',
        'The file only has the header row; no formations are filled in.',
      ),
    );
  }

  const orgByLower = new Map<string, string>();
  for (const id of ctx.organizationIds) orgByLower.set(id.toLowerCase(), id);
  const existingLower = new Set<string>();
  for (const c of ctx.existingCodes ?? []) existingLower.add(c.toLowerCase());
  const seenCodes = new Map<string, number>();

  const rows: FormationRow[] = [];
  const report: FormationSheetReportEntry[] = [];
  const progressStep = 500;
  for (let k = 0; k < total; k++) {
    const record = dataRows[k]!;
    const get = (col: FormationSheetColumn): string => clean(record.cells[index.get(col)!] ?? '');
    const { row, problems } = validateRow(get, { orgByLower, existingLower, seenCodes, line: record.line });
    const code = get('kode_formasi') || null;
    if (problems.length === 0 && row) {
      rows.push(row);
      report.push({ line: record.line, code, status: 'ok', problems: [] });
    } else {
      report.push({ line: record.line, code, status: 'error', problems });
    }
    const done = k + 1;
    if (done % progressStep === 0 || done === total) {
      onProgress?.(done, total);
      // Let the server answer other requests while a 20,000-row sheet is being checked.
      if (done !== total) await yieldToEventLoop();
    }
  }
  return { rows, report, ok: report.every((r) => r.status === 'ok') };
}

type RowState = {
  orgByLower: Map<string, string>;
  existingLower: Set<string>;
  seenCodes: Map<string, number>;
  line: number;
};

/** One sheet row checked column by column (in column order, so the report reads left to right). */
function validateRow(
  get: (col: FormationSheetColumn) => string,
  state: RowState,
): { row: FormationRow | null; problems: Msg[] } {
  const problems: Msg[] = [];
  const required = (col: FormationSheetColumn, what: string, whatEn: string): string => {
    const v = get(col);
    if (v === '') problems.push(msg(`Kolom ${col} (${what}) wajib diisi.`, `Column ${col} (${whatEn}) is required.`));
    return v;
  };
  const code = required('kode_formasi', 'kode formasi', 'formation code');
  if (code !== '') checkCode(code, state, problems);
  const opd = required('kode_opd', 'kode perangkat daerah', 'organization code');
  const organizationId = opd !== '' ? checkOrganization(opd, state.orgByLower, problems) : undefined;
  const jabatan = required('jabatan', 'nama jabatan', 'position title');
  if (jabatan !== '') checkText('jabatan', jabatan, problems);
  const levelsRaw = required('jenjang_pendidikan', 'jenjang pendidikan', 'education level');
  const educationLevels = levelsRaw !== '' ? checkEducationLevels(levelsRaw, problems) : [];
  const majors = parseMajors(get('program_studi'), problems);
  const needRaw = required('jenis_kebutuhan', 'jenis kebutuhan', 'need type');
  const needType = needRaw !== '' ? checkNeedType(needRaw, problems) : undefined;
  const quotaRaw = required('kuota', 'jumlah kebutuhan', 'quota');
  const quota = quotaRaw !== '' ? checkQuota(quotaRaw, problems) : undefined;
  const placement = parsePlacement(get('penempatan'), problems);
  if (problems.length > 0 || organizationId === undefined || needType === undefined || quota === undefined) {
    return { row: null, problems };
  }
  return { row: { code, organizationId, jabatan, educationLevels, majors, needType, quota, placement }, problems };
}

/** A free-text cell: not too long, and not something Excel would read as a formula. */
function checkText(col: FormationSheetColumn, v: string, problems: Msg[]): void {
  if (v.length > MAX_TEXT) {
    problems.push(
      msg(
        `Kolom ${col} terlalu panjang (maksimal ${MAX_TEXT} karakter).`,
        `Column ${col} is too long (at most ${MAX_TEXT} characters).`,
      ),
    );
  }
  if (FORMULA_START.test(v)) {
    problems.push(
      msg(
        `Kolom ${col} tidak boleh diawali tanda =, +, - atau @ (Excel membacanya sebagai rumus).`,
        `Column ${col} must not start with =, +, - or @ (Excel reads that as a formula).`,
      ),
    );
  }
}

/** kode_formasi: well-formed, once in the file (remembering its first line), and not already in the system. */
function checkCode(code: string, state: RowState, problems: Msg[]): void {
  if (!CODE_PATTERN.test(code)) {
    problems.push(
      msg(
        `Kode formasi "${code}" tidak valid: gunakan 1–40 huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka (mis. DINKES-2025-001).`,
        `Formation code "${code}" is invalid: use 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit (e.g. DINKES-2025-001).`,
      ),
    );
  }
  const lower = code.toLowerCase();
  const firstLine = state.seenCodes.get(lower);
  if (firstLine !== undefined) {
    problems.push(
      msg(
        `Kode formasi "${code}" sudah dipakai di baris ${firstLine} berkas ini. Setiap formasi harus memiliki kode yang berbeda.`,
        `Formation code "${code}" is already used on line ${firstLine} of this file. Each formation needs its own code.`,
      ),
    );
  } else state.seenCodes.set(lower, state.line);
  if (state.existingLower.has(lower)) {
    problems.push(
      msg(
        `Kode formasi "${code}" sudah ada di sistem. Gunakan kode lain, atau ubah formasi tersebut melalui halaman formasi.`,
        `Formation code "${code}" already exists in the system. Use another code, or edit that formation on the formations page.`,
      ),
    );
  }
}

/** kode_opd: a registered organization (case-insensitive); its id as stored. */
function checkOrganization(opd: string, orgByLower: Map<string, string>, problems: Msg[]): string | undefined {
  const organizationId = orgByLower.get(opd.toLowerCase());
  if (organizationId === undefined) {
    problems.push(
      msg(
        `Kode OPD "${opd}" tidak dikenal. Gunakan kode perangkat daerah yang terdaftar (lihat daftar OPD di menu Organisasi).`,
        `Organization code "${opd}" is unknown. Use a registered organization code (see the list under Organizations).`,
      ),
    );
  }
  return organizationId;
}

/** jenjang_pendidikan: one or more known levels separated by ; or /, each once. */
function checkEducationLevels(levelsRaw: string, problems: Msg[]): string[] {
  const educationLevels: string[] = [];
  const bad: string[] = [];
  for (const part of levelsRaw.split(/[;/]/)) {
    const level = part.trim().toUpperCase().replace(/\s+/g, '');
    if (level === '') continue;
    if ((EDUCATION_LEVELS as readonly string[]).includes(level)) {
      if (!educationLevels.includes(level)) educationLevels.push(level);
    } else bad.push(part.trim());
  }
  if (bad.length > 0 || educationLevels.length === 0) {
    problems.push(
      msg(
        `Jenjang pendidikan tidak dikenal${bad.length > 0 ? `: ${bad.join(', ')}` : ''}. Pilih dari ${EDUCATION_LEVELS.join(', ')}; pisahkan beberapa jenjang dengan ; atau / (mis. S1/PROFESI).`,
        `Unknown education level${bad.length > 0 ? `: ${bad.join(', ')}` : ''}. Choose from ${EDUCATION_LEVELS.join(', ')}; separate several levels with ; or / (e.g. S1/PROFESI).`,
      ),
    );
  }
  return educationLevels;
}

/** program_studi: empty (or a lone "-") means any major; otherwise majors separated by ;, each once. */
function parseMajors(majorsRaw: string, problems: Msg[]): string[] {
  const majors: string[] = [];
  if (majorsRaw === '' || majorsRaw === '-') return majors;
  for (const part of majorsRaw.split(';')) {
    const major = part.trim();
    if (major !== '' && !majors.includes(major)) majors.push(major);
  }
  for (const major of majors) checkText('program_studi', major, problems);
  return majors;
}

/** jenis_kebutuhan: a need type by its code or a common alias. */
function checkNeedType(needRaw: string, problems: Msg[]): string | undefined {
  const lower = needRaw.toLowerCase().replace(/\s*\/\s*/g, '/');
  const needType = (NEED_TYPES as readonly string[]).includes(lower) ? lower : NEED_TYPE_ALIASES[lower];
  if (needType === undefined) {
    problems.push(
      msg(
        `Jenis kebutuhan "${needRaw}" tidak dikenal. Pilih salah satu: ${NEED_TYPES.join(', ')}.`,
        `Need type "${needRaw}" is unknown. Choose one of: ${NEED_TYPES.join(', ')}.`,
      ),
    );
  }
  return needType;
}

/** kuota: a whole number from 1 to MAX_QUOTA. */
function checkQuota(quotaRaw: string, problems: Msg[]): number | undefined {
  const n = /^\d+$/.test(quotaRaw) ? Number(quotaRaw) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_QUOTA) return n;
  problems.push(
    msg(
      `Kuota "${quotaRaw}" tidak valid: isi bilangan bulat 1 sampai ${MAX_QUOTA}.`,
      `Quota "${quotaRaw}" is invalid: enter a whole number from 1 to ${MAX_QUOTA}.`,
    ),
  );
  return undefined;
}

/** penempatan (optional; a lone "-" is how many sheets write "none"). */
function parsePlacement(placementRaw: string, problems: Msg[]): string | null {
  const placement = placementRaw === '' || placementRaw === '-' ? null : placementRaw;
  if (placement !== null) checkText('penempatan', placement, problems);
  return placement;
}

/** The cell texts of one formation, in FORMATION_SHEET_COLUMNS order (kuota stays a number). */
function rowCells(row: FormationRow): [string, string, string, string, string, string, number, string] {
  return [
    row.code,
    row.organizationId,
    row.jabatan,
    row.educationLevels.join('/'),
    row.majors.join('; '),
    row.needType,
    row.quota,
    row.placement ?? '',
  ];
}

const COLUMN_WIDTHS: Record<FormationSheetColumn, number> = {
  kode_formasi: 20,
  kode_opd: 16,
  jabatan: 40,
  jenjang_pendidikan: 20,
  program_studi: 40,
  jenis_kebutuhan: 18,
  kuota: 8,
  penempatan: 30,
};

/**
 * Writes formations in the sheet format the parser reads, so export → import gives the same rows.
 * XLSX: bold frozen header, column widths, autofilter, code columns stored as text.
 * CSV: `,` separators, RFC 4180 quoting, `\n` line ends, UTF-8 **with** BOM — officials open the
 * export in Excel, which reads BOM-less CSV in the Windows code page and garbles "–", "é" and the like;
 * parseFormationSheet strips the BOM again.
 */
export function writeFormationSheet(rows: FormationRow[], format: 'xlsx' | 'csv'): Promise<Buffer> {
  return writeSheet(
    {
      name: 'Formasi',
      // Text format keeps codes such as "001" from turning into numbers when officials type new rows.
      columns: FORMATION_SHEET_COLUMNS.map((name) => ({ name, width: COLUMN_WIDTHS[name], text: name !== 'kuota' })),
      rows: rows.map(rowCells),
    },
    format,
  );
}

/** The example row in the downloadable template. */
export const TEMPLATE_EXAMPLE_ROW: FormationRow = {
  code: 'DINKES-2025-001',
  organizationId: 'dinkes',
  jabatan: 'Ahli Pertama - Dokter',
  educationLevels: ['S1', 'PROFESI'],
  majors: ['Pendidikan Dokter'],
  needType: 'umum',
  quota: 2,
  placement: 'RSUD Anutapura',
};

/**
 * An empty formation template: the header plus one example row (Dinas Kesehatan, a doctor at
 * RSUD Anutapura). Pass the real id of Dinas Kesehatan so the example imports as-is.
 */
export function templateSheet(
  format: 'xlsx' | 'csv',
  dinkesOrganizationId = TEMPLATE_EXAMPLE_ROW.organizationId,
): Promise<Buffer> {
  return writeFormationSheet([{ ...TEMPLATE_EXAMPLE_ROW, organizationId: dinkesOrganizationId }], format);
}
