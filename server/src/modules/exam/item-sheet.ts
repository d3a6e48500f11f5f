/**
 * Item bank spreadsheets (XLSX or CSV): one row per item, columns item_id?, exam_type, subtest,
 * category, stem, option_a..option_e, key, weight_a..weight_e. The parser never throws on bad
 * content: it reports every row with the line number Excel shows (header = 1), so an exam admin
 * fixes the sheet in one pass. Writing then parsing gives back the same items.
 */
import { FORMULA_START, readSheet, writeSheet } from '../../platform/sheets.ts';
import { type ItemContent, ItemContentSchema, KEY_POINTS, OPTION_KEYS, type OptionKey } from './domain/index.ts';

export const ITEM_SHEET_COLUMNS = [
  'item_id',
  'exam_type',
  'subtest',
  'category',
  'stem',
  'option_a',
  'option_b',
  'option_c',
  'option_d',
  'option_e',
  'key',
  'weight_a',
  'weight_b',
  'weight_c',
  'weight_d',
  'weight_e',
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
export type ItemSheetParse =
  { ok: true; rows: ItemSheetRow[] } | { ok: false; rows: ItemSheetRow[]; problems: ItemSheetProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lower = (k: OptionKey) => k.toLowerCase() as 'a' | 'b' | 'c' | 'd' | 'e';

/** Parses a sheet into validated item contents, or a report of every problem of every row. */
export async function parseItemSheet(data: Buffer, format: 'csv' | 'xlsx'): Promise<ItemSheetParse> {
  const read = await readSheet(data, format, {
    maxRows: MAX_ITEM_ROWS,
    columns: ITEM_SHEET_COLUMNS.length,
    noun: { id: 'soal', en: 'item' },
  });
  if (!read.ok)
    return {
      ok: false,
      rows: [],
      problems: [{ line: read.line, itemId: null, problems: [{ field: 'file', message: read.problem.id }] }],
    };
  const lines = read.records;
  const header = (lines[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const missing = ITEM_SHEET_COLUMNS.filter((c) => c !== 'item_id' && !header.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      rows: [],
      problems: [
        {
          line: 1,
          itemId: null,
          problems: missing.map((c) => ({ field: c, message: `Kolom ${c} tidak ada di baris judul.` })),
        },
      ],
    };
  }
  const col = Object.fromEntries(ITEM_SHEET_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    ItemSheetColumn,
    number
  >;
  const rows: ItemSheetRow[] = [];
  const problems: ItemSheetProblem[] = [];
  for (const { line, cells } of lines.slice(1)) {
    const get = (c: ItemSheetColumn) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '');
    if (ITEM_SHEET_COLUMNS.every((c) => get(c) === '')) continue;
    const rowProblems: { field: string; message: string }[] = [];
    const itemId = get('item_id') || null;
    if (itemId && !UUID.test(itemId))
      rowProblems.push({
        field: 'item_id',
        message: 'item_id harus UUID dari ekspor, atau dikosongkan untuk soal baru.',
      });
    for (const c of ITEM_SHEET_COLUMNS) {
      if (FORMULA_START.test(get(c)) && !/^-?\d+$/.test(get(c)))
        rowProblems.push({ field: c, message: 'Sel tidak boleh diawali =, +, - atau @ (rumus).' });
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
      for (const issue of parsed.error.issues)
        rowProblems.push({ field: sheetField(issue.path), message: issue.message });
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
    itemId,
    c.examType,
    c.subtest,
    c.category,
    c.stem,
    ...OPTION_KEYS.map(opt),
    c.scoring.kind === 'key' ? c.scoring.correct : '',
    ...OPTION_KEYS.map(w),
  ];
}

/** Writes items in the import format (keys and weights included: exam admins only). */
export function writeItemSheet(items: { id: string; content: ItemContent }[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  return writeSheet(
    {
      name: 'Bank Soal',
      columns: ITEM_SHEET_COLUMNS.map((name) => ({
        name,
        width: name === 'stem' ? 60 : name.startsWith('option') ? 30 : 12,
      })),
      rows: items.map((it) => rowCells(it.id, it.content)),
    },
    format,
  );
}
