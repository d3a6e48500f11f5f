/**
 * Strict reading and exact writing of the open-data CSV files (docs/open-data.md): formations.csv,
 * skd.csv, ranking.csv, skb.csv in; ranking.csv and final.csv out. Plain comma-separated UTF-8,
 * no quoting: a quote, a control character or a wrong field count is rejected with the file and
 * line rather than misread. Columns are found by header name; extra columns are ignored.
 *
 * Pure: takes the decoded file text, returns typed rows or throws `InputError`. Built for millions
 * of rows: one pass over the text with charCodeAt, scores parsed without substrings.
 */
import { ABSENT, STATUS_LABEL, STATUS_P, type Formation, type RankingResult, type SkdTable } from './ranking.ts';
import { isNeedType, NEED_TYPES } from './thresholds.ts';
import type { FinalRow, IntegrationEntry } from './integration.ts';

/** Invalid input: names the file, the line (1 = header) when there is one, and the problem. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file} baris ${line}: ${problem}`);
    this.name = 'InputError';
  }
}

/** Field boundaries of the current record: start of field k at [2k], end at [2k + 1]. */
type Bounds = Int32Array;

interface Header {
  readonly names: readonly string[];
  /** Column index of each required name. */
  readonly col: Readonly<Record<string, number>>;
}

/**
 * Walks the records of a CSV text, calling `onRecord` with the line number and field bounds.
 * Accepts a leading BOM, `\r\n` line ends, a missing final newline and trailing blank lines.
 */
function scan(text: string, file: string, required: readonly string[], onRecord: (line: number, b: Bounds) => void): Header {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let header: Header | null = null;
  let bounds: Bounds = new Int32Array(0);
  let nFields = 0;
  while (pos < len) {
    line++;
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? len : nl;
    const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (end === pos) {
      if (/^[\r\n]*$/.test(text.slice(lineEnd))) break;
      throw new InputError(file, line, 'baris kosong');
    }
    if (header === null) {
      header = readHeader(text.slice(pos, end), file, required);
      nFields = header.names.length;
      bounds = new Int32Array(2 * nFields);
    } else {
      let k = 0;
      let start = pos;
      for (let i = pos; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c <= 44) {
          if (c === 44) {
            if (k >= nFields - 1) throw new InputError(file, line, `jumlah kolom lebih dari ${nFields} (sesuai header)`);
            bounds[2 * k] = start;
            bounds[2 * k + 1] = i;
            k++;
            start = i + 1;
          } else if (c === 34) throw new InputError(file, line, 'tanda kutip (") tidak didukung; gunakan CSV polos tanpa kutip');
          else if (c < 32) throw new InputError(file, line, `karakter kendali (kode ${c}) tidak diizinkan`);
        }
      }
      if (k !== nFields - 1) throw new InputError(file, line, `jumlah kolom ${k + 1}, seharusnya ${nFields} (sesuai header)`);
      bounds[2 * k] = start;
      bounds[2 * k + 1] = end;
      onRecord(line, bounds);
    }
    pos = lineEnd + 1;
  }
  if (header === null) throw new InputError(file, 1, `berkas kosong; header harus memuat ${required.join(',')}`);
  return header;
}

function readHeader(raw: string, file: string, required: readonly string[]): Header {
  if (raw.includes('"')) throw new InputError(file, 1, 'tanda kutip (") tidak didukung di header');
  const names = raw.split(',');
  const col: Record<string, number> = {};
  names.forEach((name, i) => {
    if (Object.hasOwn(col, name)) throw new InputError(file, 1, `kolom "${name}" muncul dua kali di header`);
    col[name] = i;
  });
  const missing = required.filter((r) => !Object.hasOwn(col, r));
  if (missing.length > 0) {
    throw new InputError(file, 1, `header tidak sah: kolom ${missing.join(', ')} tidak ada (header wajib memuat ${required.join(',')})`);
  }
  return { names, col };
}

/** Reads an identifier field: non-empty, no leading or trailing space. */
function readId(text: string, s: number, e: number, file: string, line: number, name: string): string {
  if (e === s) throw new InputError(file, line, `${name} kosong`);
  if (text.charCodeAt(s) === 32 || text.charCodeAt(e - 1) === 32) throw new InputError(file, line, `${name} "${text.slice(s, e)}" diawali atau diakhiri spasi`);
  return text.slice(s, e);
}

/** Parses unsigned decimal digits; -1 when empty or not all digits, capped to stay exact. */
function readUint(text: string, s: number, e: number): number {
  if (e === s || e - s > 9) return e === s ? -1 : allDigits(text, s, e) ? 1e9 : -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function allDigits(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** Score limits per subtest (RULES.md §2.1): TWK 30 × 5, TIU 35 × 5, TKP 45 × 1–5. */
const SUBTESTS = [
  { name: 'TWK', max: 150, step: 5 },
  { name: 'TIU', max: 175, step: 5 },
  { name: 'TKP', max: 225, step: 1 },
] as const;

/**
 * Reads the three scores at columns (twk, tiu, tkp) into `out`; all three empty → ABSENT.
 * Order of checks gives the messages of the contract, e.g. "TWK 152 bukan kelipatan 5".
 */
function readScores(text: string, b: Bounds, cols: readonly [number, number, number], file: string, line: number, out: Int16Array): void {
  let empty = 0;
  for (let k = 0; k < 3; k++) if (b[2 * cols[k]!] === b[2 * cols[k]! + 1]) empty++;
  if (empty === 3) {
    out[0] = out[1] = out[2] = ABSENT;
    return;
  }
  if (empty > 0) throw new InputError(file, line, 'nilai TWK, TIU, TKP harus terisi semua, atau kosong semua untuk peserta yang tidak hadir');
  for (let k = 0; k < 3; k++) {
    const s = b[2 * cols[k]!]!;
    const e = b[2 * cols[k]! + 1]!;
    const t = SUBTESTS[k]!;
    const v = readUint(text, s, e);
    if (v < 0) throw new InputError(file, line, `${t.name} "${text.slice(s, e)}" bukan bilangan bulat`);
    if (v % t.step !== 0) throw new InputError(file, line, `${t.name} ${text.slice(s, e)} bukan kelipatan ${t.step}`);
    if (v > t.max) throw new InputError(file, line, `${t.name} ${text.slice(s, e)} di luar rentang 0–${t.max}`);
    out[k] = v;
  }
}

/** Parses formations.csv (`formation_id,need_type,quota`): unique ids, known jenis kebutuhan, quota ≥ 1. */
export function parseFormationsCsv(text: string, file: string): Formation[] {
  const out: Formation[] = [];
  const seen = new Map<string, number>();
  let c = { id: 0, nt: 0, q: 0 };
  const h = scan(text, file, ['formation_id', 'need_type', 'quota'], (line, b) => {
    const id = readId(text, b[2 * c.id]!, b[2 * c.id + 1]!, file, line, 'formation_id');
    const first = seen.get(id);
    if (first !== undefined) throw new InputError(file, line, `formation_id ${id} ganda (sudah ada di baris ${first})`);
    seen.set(id, line);
    const needType = text.slice(b[2 * c.nt]!, b[2 * c.nt + 1]!);
    if (!isNeedType(needType)) throw new InputError(file, line, `need_type "${needType}" tidak dikenal (pilihan: ${NEED_TYPES.join(', ')})`);
    const qs = b[2 * c.q]!;
    const qe = b[2 * c.q + 1]!;
    const quota = readUint(text, qs, qe);
    if (quota < 1 || quota > 99_999_999 || text.charCodeAt(qs) === 48) {
      throw new InputError(file, line, `quota "${text.slice(qs, qe)}" tidak sah; harus bilangan bulat positif`);
    }
    out.push({ id, needType, quota });
  }, );
  void h;
  return out;

  // Column positions are known only once the header is read; scan calls this first.
  function setCols(header: Header) {
    c = { id: header.col.formation_id!, nt: header.col.need_type!, q: header.col.quota! };
  }
  void setCols;
}
