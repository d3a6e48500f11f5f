/**
 * Formation (formasi) spreadsheet import and export: one row per formation, Indonesian column
 * names, XLSX or CSV. The parser never throws on bad content; it reports every problem of every
 * row with the line number the person sees in Excel (header = line 1; line 0 = the file as a whole),
 * so the committee can fix the sheet in one pass. Writing then parsing gives back the same rows.
 */
import { EDUCATION_LEVELS, NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import ExcelJS from 'exceljs';
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

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const UTF8_BOM = '\uFEFF';

const startsWith = (data: Uint8Array, magic: number[]): boolean => magic.every((b, i) => data[i] === b);

const fileProblem = (problem: Msg): FormationSheetResult => ({
  rows: [],
  report: [{ line: 0, code: null, status: 'error', problems: [problem] }],
  ok: false,
});

/** A grid of cell texts with the Excel row number of each record. */
interface Grid {
  records: { line: number; cells: string[] }[];
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
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length === 0) {
    return fileProblem(msg('Berkas kosong. Unggah berkas formasi berformat XLSX atau CSV.', 'The file is empty. Upload a formation sheet in XLSX or CSV format.'));
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    return fileProblem(
      msg(
        'Berkas ini PDF, bukan lembar kerja. Unggah berkas formasi berformat XLSX atau CSV (unduh templatnya bila perlu).',
        'This file is a PDF, not a spreadsheet. Upload the formation sheet as XLSX or CSV (download the template if needed).',
      ),
    );
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return fileProblem(
      msg(
        'Berkas ini format Excel lama (.xls). Buka di Excel lalu simpan sebagai "Excel Workbook (.xlsx)" atau "CSV UTF-8".',
        'This is an old Excel file (.xls). Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
      ),
    );
  }
  const isZip = startsWith(bytes, ZIP_MAGIC);

  let grid: Grid | FormationSheetResult;
  if (format === 'xlsx') {
    if (!isZip) {
      return fileProblem(
        msg(
          'Berkas ini bukan XLSX yang valid. Simpan ulang dari Excel sebagai "Excel Workbook (.xlsx)", atau pilih format CSV bila berkasnya CSV.',
          'This file is not a valid XLSX workbook. Save it again from Excel as "Excel Workbook (.xlsx)", or choose CSV if the file is a CSV.',
        ),
      );
    }
    grid = await readXlsxGrid(data);
  } else {
    if (isZip) {
      return fileProblem(
        msg(
          'Berkas ini tampaknya XLSX, bukan CSV. Pilih format XLSX saat mengunggah.',
          'This file looks like an XLSX workbook, not a CSV. Choose the XLSX format when uploading.',
        ),
      );
    }
    grid = readCsvGrid(bytes);
  }
  if ('report' in grid) return grid;

  return validateGrid(grid, ctx, onProgress);
}

async function readXlsxGrid(data: Buffer): Promise<Grid | FormationSheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return fileProblem(
      msg(
        'Berkas XLSX rusak atau tidak dapat dibaca. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah kembali.',
        'The XLSX file is damaged or unreadable. Open it in Excel, save it again as .xlsx, and upload it again.',
      ),
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return fileProblem(msg('Berkas XLSX tidak memiliki lembar kerja.', 'The XLSX file has no worksheet.'));
  }
  // Check the size before touching cells: a huge sheet is refused without building the grid.
  if (sheet.actualRowCount > MAX_FORMATION_ROWS + 1) return tooManyRows();
  const records: Grid['records'] = [];
  const width = Math.max(sheet.columnCount, FORMATION_SHEET_COLUMNS.length);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records.push({ line: rowNumber, cells });
  });
  return { records };
}

/** Normalizes an exceljs cell value (number, rich text, formula result, hyperlink…) to its text. */
function cellText(value: ExcelJS.CellValue | { richText: { text: string }[] } | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function readCsvGrid(bytes: Uint8Array): Grid | FormationSheetResult {
  const notText = (): FormationSheetResult =>
    fileProblem(
      msg(
        'Berkas ini bukan CSV teks UTF-8. Di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)", atau unggah sebagai XLSX.',
        'This file is not a UTF-8 text CSV. In Excel choose Save As → "CSV UTF-8 (Comma delimited)", or upload it as XLSX.',
      ),
    );
  if (bytes.includes(0)) return notText();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notText();
  }
  // Our CSV export carries a UTF-8 BOM so Excel shows "ü"/"é" correctly; strip it here.
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  // Other control characters (besides tab/CR/LF) mean binary content that happened to be valid UTF-8.
  if (/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return notText();

  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  if (parsed.unterminatedAt !== null) {
    return {
      rows: [],
      report: [
        {
          line: parsed.unterminatedAt,
          code: null,
          status: 'error',
          problems: [
            msg(
              `Tanda kutip (") yang dibuka di baris ${parsed.unterminatedAt} tidak pernah ditutup. Periksa sel tersebut.`,
              `A quote (") opened on line ${parsed.unterminatedAt} is never closed. Check that cell.`,
            ),
          ],
        },
      ],
      ok: false,
    };
  }
  return { records: parsed.records };
}

/** Indonesian-locale Excel writes `;` between fields; pick whichever separator the header uses more. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (commas + semicolons > 0) break; // header line done (skip leading blank lines)
    } else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV: quoted fields with `""` escapes may hold separators and line breaks; CRLF or LF.
 * Each record keeps its record number, which is the row number Excel shows for the file.
 */
function parseCsv(text: string, delimiter: string): { records: Grid['records']; unterminatedAt: number | null } {
  const records: Grid['records'] = [];
  let cells: string[] = [];
  let field = '';
  let recordNo = 1;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    cells.push(field);
    records.push({ line: recordNo, cells });
    recordNo++;
    cells = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field; text after the closing quote up to the separator is kept, as Excel does.
      const openedAt = recordNo;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) return { records, unterminatedAt: openedAt };
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { records, unterminatedAt: null };
}

function tooManyRows(): FormationSheetResult {
  return fileProblem(
    msg(
      `Berkas memuat lebih dari ${MAX_FORMATION_ROWS.toLocaleString('id-ID')} baris formasi. Bagi menjadi beberapa berkas lalu unggah satu per satu.`,
      `The file has more than ${MAX_FORMATION_ROWS.toLocaleString('en-US')} formation rows. Split it into several files and upload them one by one.`,
    ),
  );
}

/** Trims, turns no-break spaces into spaces and collapses runs of whitespace (Alt+Enter included). */
const clean = (s: string): string => s.normalize('NFC').replace(/[\s\u00A0]+/g, ' ').trim();

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
      headerProblems.push(msg(`Kolom "${name}" muncul lebih dari sekali di baris judul.`, `Column "${name}" appears more than once in the header row.`));
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
    return { rows: [], report: [{ line: header.line, code: null, status: 'error', problems: headerProblems }], ok: false };
  }

  const dataRows = nonBlank.slice(1);
  const total = dataRows.length;
  if (total > MAX_FORMATION_ROWS) return tooManyRows();
  if (total === 0) {
    return fileProblem(
      msg('Berkas hanya berisi baris judul; belum ada formasi yang diisi.', 'The file only has the header row; no formations are filled in.'),
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

// Excel treats a cell starting with these as a formula when a CSV is opened (CSV injection).
const FORMULA_START = /^[=+\-@]/;

function validateRow(
  get: (col: FormationSheetColumn) => string,
  state: { orgByLower: Map<string, string>; existingLower: Set<string>; seenCodes: Map<string, number>; line: number },
): { row: FormationRow | null; problems: Msg[] } {
  const problems: Msg[] = [];
  const required = (col: FormationSheetColumn, what: string, whatEn: string): string => {
    const v = get(col);
    if (v === '') problems.push(msg(`Kolom ${col} (${what}) wajib diisi.`, `Column ${col} (${whatEn}) is required.`));
    return v;
  };
  const textField = (col: FormationSheetColumn, v: string): void => {
    if (v.length > MAX_TEXT) {
      problems.push(msg(`Kolom ${col} terlalu panjang (maksimal ${MAX_TEXT} karakter).`, `Column ${col} is too long (at most ${MAX_TEXT} characters).`));
    }
    if (FORMULA_START.test(v)) {
      problems.push(
        msg(
          `Kolom ${col} tidak boleh diawali tanda =, +, - atau @ (Excel membacanya sebagai rumus).`,
          `Column ${col} must not start with =, +, - or @ (Excel reads that as a formula).`,
        ),
      );
    }
  };

  // kode_formasi
  const code = required('kode_formasi', 'kode formasi', 'formation code');
  if (code !== '') {
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

  // kode_opd
  const opd = required('kode_opd', 'kode perangkat daerah', 'organization code');
  let organizationId: string | undefined;
  if (opd !== '') {
    organizationId = state.orgByLower.get(opd.toLowerCase());
    if (organizationId === undefined) {
      problems.push(
        msg(
          `Kode OPD "${opd}" tidak dikenal. Gunakan kode perangkat daerah yang terdaftar (lihat daftar OPD di menu Organisasi).`,
          `Organization code "${opd}" is unknown. Use a registered organization code (see the list under Organizations).`,
        ),
      );
    }
  }

  // jabatan
  const jabatan = required('jabatan', 'nama jabatan', 'position title');
  if (jabatan !== '') textField('jabatan', jabatan);

  // jenjang_pendidikan
  const levelsRaw = required('jenjang_pendidikan', 'jenjang pendidikan', 'education level');
  const educationLevels: string[] = [];
  if (levelsRaw !== '') {
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
  }

  // program_studi: empty (or a lone "-") means any major.
  const majorsRaw = get('program_studi');
  const majors: string[] = [];
  if (majorsRaw !== '' && majorsRaw !== '-') {
    for (const part of majorsRaw.split(';')) {
      const major = part.trim();
      if (major !== '' && !majors.includes(major)) majors.push(major);
    }
    for (const major of majors) textField('program_studi', major);
  }

  // jenis_kebutuhan
  const needRaw = required('jenis_kebutuhan', 'jenis kebutuhan', 'need type');
  let needType: string | undefined;
  if (needRaw !== '') {
    const lower = needRaw.toLowerCase().replace(/\s*\/\s*/g, '/');
    needType = (NEED_TYPES as readonly string[]).includes(lower) ? lower : NEED_TYPE_ALIASES[lower];
    if (needType === undefined) {
      problems.push(
        msg(
          `Jenis kebutuhan "${needRaw}" tidak dikenal. Pilih salah satu: ${NEED_TYPES.join(', ')}.`,
          `Need type "${needRaw}" is unknown. Choose one of: ${NEED_TYPES.join(', ')}.`,
        ),
      );
    }
  }

  // kuota
  const quotaRaw = required('kuota', 'jumlah kebutuhan', 'quota');
  let quota: number | undefined;
  if (quotaRaw !== '') {
    const n = /^\d+$/.test(quotaRaw) ? Number(quotaRaw) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_QUOTA) quota = n;
    else {
      problems.push(
        msg(
          `Kuota "${quotaRaw}" tidak valid: isi bilangan bulat 1 sampai ${MAX_QUOTA}.`,
          `Quota "${quotaRaw}" is invalid: enter a whole number from 1 to ${MAX_QUOTA}.`,
        ),
      );
    }
  }

  // penempatan (optional; a lone "-" is how many sheets write "none")
  const placementRaw = get('penempatan');
  const placement = placementRaw === '' || placementRaw === '-' ? null : placementRaw;
  if (placement !== null) textField('penempatan', placement);

  if (problems.length > 0 || organizationId === undefined || needType === undefined || quota === undefined) {
    return { row: null, problems };
  }
  return { row: { code, organizationId, jabatan, educationLevels, majors, needType, quota, placement }, problems };
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
export async function writeFormationSheet(rows: FormationRow[], format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [FORMATION_SHEET_COLUMNS.join(',')];
    for (const row of rows) lines.push(rowCells(row).map(csvField).join(','));
    return Buffer.from(UTF8_BOM + lines.join('\n') + '\n', 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Merit';
  const sheet = workbook.addWorksheet('Formasi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FORMATION_SHEET_COLUMNS.map((name) => ({
    header: name,
    key: name,
    width: COLUMN_WIDTHS[name],
    // Text format keeps codes such as "001" from turning into numbers when officials type new rows.
    style: name === 'kuota' ? {} : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(rowCells(row));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FORMATION_SHEET_COLUMNS.length } };
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // Defence in depth against CSV injection for rows that did not come through the importer
  // (which rejects such cells): Excel shows the leading apostrophe instead of running a formula.
  const safe = FORMULA_START.test(value) && value !== '-' ? `'${value}` : value;
  return /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
export function templateSheet(format: 'xlsx' | 'csv', dinkesOrganizationId = TEMPLATE_EXAMPLE_ROW.organizationId): Promise<Buffer> {
  return writeFormationSheet([{ ...TEMPLATE_EXAMPLE_ROW, organizationId: dinkesOrganizationId }], format);
}
