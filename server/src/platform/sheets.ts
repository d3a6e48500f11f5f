/**
 * Spreadsheets officials work in (XLSX or CSV), read and written one way for every module:
 * formation sheets, the item bank, and the ASN, training and SKP imports that follow.
 *
 * Reading never throws on content: a file that is not what it claims (a PDF, an old .xls, a
 * broken workbook, a non-UTF-8 CSV, an unclosed quote, too many rows) comes back as one problem in
 * Indonesian and English that says what to do; otherwise each non-empty record comes back with the
 * row number Excel shows, so a module's per-row report points at the right line. An XLSX whose
 * archive is over `XLSX_LIMITS` (a decompression bomb) is the one exception: it throws a 413. Writing produces
 * what reading accepts (export → import gives the same rows) and guards against CSV injection.
 */
import ExcelJS from 'exceljs';
import { csvText } from '../../../common/rules/csv.ts';
import { type Msg, msg } from '../../../common/contracts/messages.ts';
import { AppError } from '../errors.ts';
import { inspectXlsx, XLSX_LIMITS } from './xlsx-guard.ts';

export type SheetFormat = 'xlsx' | 'csv';

/** One record with the row number Excel shows (the header is row 1). */
export interface SheetRecord {
  line: number;
  cells: string[];
}

export type SheetRead = { ok: true; records: SheetRecord[] } | { ok: false; line: number; problem: Msg };

/** One row of an import's dry-run report: its line, its key (code, NIP …), and every problem it has. */
export interface SheetRowReport {
  line: number;
  status: 'valid' | 'error';
  problems: Msg[];
}

export interface ReadOptions {
  /** Data rows allowed (the header is not counted); a larger file is refused before its cells are read. */
  maxRows: number;
  /** Cells read per XLSX row at least (the template's column count), so short rows still line up. */
  columns: number;
  /** What the file is, for messages: "formasi", "soal", "pegawai" … */
  noun: { id: string; en: string };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const UTF8_BOM = '\uFEFF';
// The writer's pieces are shared with the web; importers here check cells against the same rule.
export { csvField, FORMULA_START } from '../../../common/rules/csv.ts';

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);
const refuse = (problem: Msg, line = 0): SheetRead => ({ ok: false, line, problem });

/** Reads the first worksheet of an XLSX, or a CSV (`,` or `;`, RFC 4180 quoting, BOM allowed). */
export async function readSheet(data: Buffer, format: SheetFormat, opts: ReadOptions): Promise<SheetRead> {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const { noun } = opts;
  if (bytes.length === 0)
    return refuse(
      msg(
        `Berkas kosong. Unggah berkas ${noun.id} berformat XLSX atau CSV.`,
        `The file is empty. Upload the ${noun.en} sheet as XLSX or CSV.`,
      ),
    );
  if (startsWith(bytes, PDF_MAGIC)) {
    return refuse(
      msg(
        `Berkas ini PDF, bukan lembar kerja. Unggah berkas ${noun.id} berformat XLSX atau CSV (unduh templatnya bila perlu).`,
        `This file is a PDF, not a spreadsheet. Upload the ${noun.en} sheet as XLSX or CSV (download the template if needed).`,
      ),
    );
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return refuse(
      msg(
        'Berkas ini format Excel lama (.xls). Buka di Excel lalu simpan sebagai "Excel Workbook (.xlsx)" atau "CSV UTF-8".',
        'This is an old Excel file (.xls). Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
      ),
    );
  }
  const isZip = startsWith(bytes, ZIP_MAGIC);
  if (format === 'xlsx') {
    if (!isZip) {
      return refuse(
        msg(
          'Berkas ini bukan XLSX yang valid. Simpan ulang dari Excel sebagai "Excel Workbook (.xlsx)", atau pilih format CSV bila berkasnya CSV.',
          'This file is not a valid XLSX workbook. Save it again from Excel as "Excel Workbook (.xlsx)", or choose CSV if the file is a CSV.',
        ),
      );
    }
    return readXlsx(data, opts);
  }
  if (isZip)
    return refuse(
      msg(
        'Berkas ini tampaknya XLSX, bukan CSV. Pilih format XLSX saat mengunggah.',
        'This file looks like an XLSX workbook, not a CSV. Choose the XLSX format when uploading.',
      ),
    );
  return readCsv(bytes, opts);
}

function tooManyRows(opts: ReadOptions): SheetRead {
  return refuse(
    msg(
      `Berkas memuat lebih dari ${opts.maxRows.toLocaleString('id-ID')} baris ${opts.noun.id}. Bagi menjadi beberapa berkas lalu unggah satu per satu.`,
      `The file has more than ${opts.maxRows.toLocaleString('en-US')} ${opts.noun.en} rows. Split it into several files and upload them one by one.`,
    ),
  );
}

const damaged = () =>
  refuse(
    msg(
      'Berkas XLSX rusak atau tidak dapat dibaca. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah kembali.',
      'The XLSX file is damaged or unreadable. Open it in Excel, save it again as .xlsx, and upload it again.',
    ),
  );

/**
 * The archive is checked before exceljs parses it (issue 24 §3): a workbook over the limits is
 * refused with 413 naming the limit, one with too many rows gets the row report, both without
 * inflating it into memory.
 */
async function readXlsx(data: Buffer, opts: ReadOptions): Promise<SheetRead> {
  const inspected = await inspectXlsx(data, opts.maxRows + 1);
  if (!inspected.ok) {
    const mb = XLSX_LIMITS.maxInflatedBytes / (1024 * 1024);
    switch (inspected.reason) {
      case 'rows':
        return tooManyRows(opts);
      case 'entries':
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          msg(
            `Berkas XLSX memuat lebih dari ${XLSX_LIMITS.maxEntries} bagian arsip; batasnya ${XLSX_LIMITS.maxEntries}. Simpan ulang dari Excel sebagai .xlsx tanpa lampiran, lalu unggah kembali.`,
            `The XLSX archive has more than ${XLSX_LIMITS.maxEntries} entries; the limit is ${XLSX_LIMITS.maxEntries}. Save it again from Excel as .xlsx without attachments and upload it again.`,
          ),
        );
      case 'inflated':
      case 'ratio':
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          msg(
            `Isi berkas XLSX terlalu besar setelah dibuka: paling besar ${mb} MB isi, dengan pemadatan paling tinggi ${XLSX_LIMITS.maxRatio}:1. Bagi data menjadi beberapa berkas, atau unggah sebagai CSV.`,
            `The XLSX content is too large once unpacked: at most ${mb} MB of content, compressed at most ${XLSX_LIMITS.maxRatio}:1. Split the data into several files, or upload it as CSV.`,
          ),
        );
      default:
        return damaged();
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return damaged();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return refuse(msg('Berkas XLSX tidak memiliki lembar kerja.', 'The XLSX file has no worksheet.'));
  // Check the size before touching cells: a huge sheet is refused without building the grid.
  if (sheet.actualRowCount > opts.maxRows + 1) return tooManyRows(opts);
  const records: SheetRecord[] = [];
  const width = Math.max(sheet.columnCount, opts.columns);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records.push({ line: rowNumber, cells });
  });
  return { ok: true, records };
}

/** Normalizes an exceljs cell value (number, rich text, formula result, hyperlink, date…) to its text. */
export function cellText(value: ExcelJS.CellValue | { richText: { text: string }[] } | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function readCsv(bytes: Uint8Array, opts: ReadOptions): SheetRead {
  const notText = () =>
    refuse(
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
  // Our CSV exports carry a UTF-8 BOM so Excel shows "ü"/"é" correctly; strip it here.
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  // Other control characters (besides tab/CR/LF) mean binary content that happened to be valid UTF-8.
  if (/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return notText();
  const parsed = parseCsv(text, detectDelimiter(text));
  if (parsed.unterminatedAt !== null) {
    return refuse(
      msg(
        `Tanda kutip (") yang dibuka di baris ${parsed.unterminatedAt} tidak pernah ditutup. Periksa sel tersebut.`,
        `A quote (") opened on line ${parsed.unterminatedAt} is never closed. Check that cell.`,
      ),
      parsed.unterminatedAt,
    );
  }
  const records = parsed.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (records.length > opts.maxRows + 1) return tooManyRows(opts);
  return { ok: true, records };
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
function parseCsv(text: string, delimiter: string): { records: SheetRecord[]; unterminatedAt: number | null } {
  const records: SheetRecord[] = [];
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

export interface SheetColumn {
  name: string;
  width: number;
  /** Stored as text in XLSX, so codes such as "001" or an 18-digit NIP stay as typed. Default true. */
  text?: boolean;
}

/**
 * Writes a sheet the readers above accept. XLSX: bold frozen header, column widths, autofilter,
 * text columns stored as text. CSV: `,` separators, RFC 4180 quoting, `\n` line ends, UTF-8 **with**
 * BOM — officials open exports in Excel, which reads BOM-less CSV in the Windows code page.
 */
export async function writeSheet(
  sheet: { name: string; columns: readonly SheetColumn[]; rows: readonly (readonly (string | number)[])[] },
  format: SheetFormat,
): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.from(
      csvText(
        sheet.columns.map((c) => c.name),
        sheet.rows,
        { bom: true },
      ),
      'utf8',
    );
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Merit';
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: c.width,
    style: c.text === false ? {} : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow([...row]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
