/**
 * Item bank spreadsheets (XLSX or CSV): one row per item, columns item_id?, exam_type, subtest,
 * category, stem, option_a..option_e, key, weight_a..weight_e. The parser never throws on bad
 * content: it reports every row with the line number Excel shows (header = 1), so an exam admin
 * fixes the sheet in one pass. Writing then parsing gives back the same items.
 */
import ExcelJS from 'exceljs';
import { type ItemContent, ItemContentSchema, KEY_POINTS, OPTION_KEYS, type OptionKey } from './domain/index.ts';

export const ITEM_SHEET_COLUMNS = [
  'item_id', 'exam_type', 'subtest', 'category', 'stem',
  'option_a', 'option_b', 'option_c', 'option_d', 'option_e',
  'key', 'weight_a', 'weight_b', 'weight_c', 'weight_d', 'weight_e',
] as const;
export type ItemSheetColumn = (typeof ITEM_SHEET_COLUMNS)[number];
export const MAX_ITEM_ROWS = 5000;

export interface ItemSheetRow {
  line: number;
  itemId: string | null;
  content: ItemContent;
}
export interface ItemSheetProblem {
  line: number;
  itemId: string | null;
  problems: { field: string; message: string }[];
}
export type ItemSheetParse = { ok: true; rows: ItemSheetRow[] } | { ok: false; rows: ItemSheetRow[]; problems: ItemSheetProblem[] };

const UTF8_BOM = '\uFEFF';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMULA_START = /^[=+\-@]/;
const lower = (k: OptionKey) => k.toLowerCase() as 'a' | 'b' | 'c' | 'd' | 'e';

function parseCsv(text: string): string[][] {
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').split(';').length > (text.split(/\r?\n/, 1)[0] ?? '').split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell); rows.push(cells); cells = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) { cells.push(cell); rows.push(cells); }
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

async function readXlsx(data: Buffer): Promise<string[][] | null> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) return [];
    const out: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ITEM_SHEET_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value));
      out.push(cells);
    }
    return out;
  } catch {
    return null;
  }
}

/** Parses a sheet into validated item contents, or a report of every problem of every row. */
export async function parseItemSheet(data: Buffer, format: 'csv' | 'xlsx'): Promise<ItemSheetParse> {
  let grid: string[][] | null;
  if (format === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return { ok: false, rows: [], problems: [{ line: 0, itemId: null, problems: [{ field: 'file', message: 'Berkas bukan CSV UTF-8.' }] }] };
    }
    if (text.startsWith(UTF8_BOM)) text = text.slice(1);
    grid = parseCsv(text);
  } else {
    grid = await readXlsx(data);
    if (!grid) return { ok: false, rows: [], problems: [{ line: 0, itemId: null, problems: [{ field: 'file', message: 'Berkas bukan XLSX yang dapat dibaca.' }] }] };
  }
  const header = (grid[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = ITEM_SHEET_COLUMNS.filter((c) => c !== 'item_id' && !header.includes(c));
  if (missing.length > 0) {
    return { ok: false, rows: [], problems: [{ line: 1, itemId: null, problems: missing.map((c) => ({ field: c, message: `Kolom ${c} tidak ada di baris judul.` })) }] };
  }
  if (grid.length - 1 > MAX_ITEM_ROWS) {
    return { ok: false, rows: [], problems: [{ line: 0, itemId: null, problems: [{ field: 'file', message: `Paling banyak ${MAX_ITEM_ROWS} soal per berkas.` }] }] };
  }
  const col = Object.fromEntries(ITEM_SHEET_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<ItemSheetColumn, number>;
  const rows: ItemSheetRow[] = [];
  const problems: ItemSheetProblem[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i]!;
    const get = (c: ItemSheetColumn) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '');
    if (ITEM_SHEET_COLUMNS.every((c) => get(c) === '')) continue;
    const line = i + 1;
    const rowProblems: { field: string; message: string }[] = [];
    const itemId = get('item_id') || null;
    if (itemId && !UUID.test(itemId)) rowProblems.push({ field: 'item_id', message: 'item_id harus UUID dari ekspor, atau dikosongkan untuk soal baru.' });
    for (const c of ITEM_SHEET_COLUMNS) {
      if (FORMULA_START.test(get(c)) && !/^-?\d+$/.test(get(c))) rowProblems.push({ field: c, message: 'Sel tidak boleh diawali =, +, - atau @ (rumus).' });
    }
    const options = OPTION_KEYS.map((k) => ({ key: k, text: get(`option_${lower(k)}`) })).filter((o) => o.text !== '');
    const key = get('key').toUpperCase();
    const weights: Partial<Record<OptionKey, number>> = {};
    for (const k of OPTION_KEYS) {
      const w = get(`weight_${lower(k)}`);
      if (w === '') continue;
      if (!/^\d+$/.test(w)) rowProblems.push({ field: `weight_${lower(k)}`, message: 'Bobot harus bilangan bulat.' });
      else weights[k] = Number(w);
    }
    const candidate = {
      examType: get('exam_type').toUpperCase(),
      subtest: get('subtest').toUpperCase(),
      category: get('category').toLowerCase(),
      stem: get('stem'),
      imageKey: null,
      options,
      scoring: key ? { kind: 'key', correct: key, points: KEY_POINTS } : { kind: 'weights', weights },
    };
    const parsed = ItemContentSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) rowProblems.push({ field: sheetField(issue.path), message: issue.message });
    }
    if (rowProblems.length > 0) problems.push({ line, itemId, problems: rowProblems });
    else if (parsed.success) rows.push({ line, itemId, content: parsed.data as ItemContent });
  }
  return problems.length > 0 ? { ok: false, rows, problems } : { ok: true, rows };
}

/** Maps a zod path in ItemContent to the sheet column the person edits. */
function sheetField(path: PropertyKey[]): string {
  const [a, b, c] = path;
  if (a === 'examType') return 'exam_type';
  if (a === 'options' && typeof b === 'number') return `option_${(OPTION_KEYS[b] ?? 'a').toLowerCase()}`;
  if (a === 'scoring' && b === 'weights' && typeof c === 'string') return `weight_${c.toLowerCase()}`;
  if (a === 'scoring') return b === 'weights' ? 'weight_a' : 'key';
  return String(a ?? 'row');
}

function rowCells(itemId: string, c: ItemContent): (string | number)[] {
  const opt = (k: OptionKey) => c.options.find((o) => o.key === k)?.text ?? '';
  const w = (k: OptionKey) => (c.scoring.kind === 'weights' ? (c.scoring.weights[k] ?? '') : '');
  return [
    itemId, c.examType, c.subtest, c.category, c.stem,
    ...OPTION_KEYS.map(opt),
    c.scoring.kind === 'key' ? c.scoring.correct : '',
    ...OPTION_KEYS.map(w),
  ];
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes items in the import format (keys and weights included: exam admins only). */
export async function writeItemSheet(items: { id: string; content: ItemContent }[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [ITEM_SHEET_COLUMNS.join(',')];
    for (const it of items) lines.push(rowCells(it.id, it.content).map(csvField).join(','));
    return Buffer.from(UTF8_BOM + lines.join('\n') + '\n', 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Merit';
  const sheet = wb.addWorksheet('Bank Soal', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ITEM_SHEET_COLUMNS.map((name) => ({ header: name, key: name, width: name === 'stem' ? 60 : name.startsWith('option') ? 30 : 12, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const it of items) sheet.addRow(rowCells(it.id, it.content));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
