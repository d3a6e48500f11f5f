/**
 * Strict reading and exact writing of the open-data CSV files (docs/open-data.md): formations.csv,
 * skd.csv, ranking.csv, skb.csv in; ranking.csv and final.csv out. Plain comma-separated UTF-8,
 * no quoting: a quote, a control character or a wrong field count is rejected with the file and
 * line rather than misread. Columns are found by header name; extra columns are ignored.
 *
 * Pure: takes the file's bytes (valid UTF-8), returns typed rows or throws `InputError`. Built for
 * millions of rows: one pass over the bytes, scores parsed in place, participant numbers kept as
 * byte ranges of the input (no string per row), output written as bytes.
 */
import { isIsoDate } from '../../../../../common/rules/calendar.ts';
import {
  ABSENT,
  STATUS_P,
  toIdColumn,
  type Formation,
  type IdColumn,
  type RankingResult,
  type SkdTable,
} from './ranking.ts';
import { isNeedType, NEED_TYPES } from './thresholds.ts';
import { tieOrderKey, type FinalRow, type IntegrationEntry } from './integration.ts';

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

const decoder = new TextDecoder();

/** The UTF-8 text of src[s, e). */
function dec(src: Uint8Array, s: number, e: number): string {
  return decoder.decode(src.subarray(s, e));
}

function onlyLineEnds(src: Uint8Array, from: number): boolean {
  for (let i = from; i < src.length; i++) if (src[i] !== 10 && src[i] !== 13) return false;
  return true;
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
function scan(
  src: Uint8Array,
  file: string,
  required: readonly string[],
  onHeader: (h: Header) => (line: number, b: Bounds) => void,
): void {
  const len = src.length;
  let pos = src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf ? 3 : 0;
  let line = 0;
  let header: Header | null = null;
  let onRecord: (line: number, b: Bounds) => void = () => {};
  let bounds: Bounds = new Int32Array(0);
  let nFields = 0;
  while (pos < len) {
    line++;
    const nl = src.indexOf(10, pos);
    const lineEnd = nl === -1 ? len : nl;
    const end = lineEnd > pos && src[lineEnd - 1]! === 13 ? lineEnd - 1 : lineEnd;
    if (end === pos) {
      if (onlyLineEnds(src, lineEnd)) break;
      throw new InputError(file, line, 'baris kosong');
    }
    if (header === null) {
      header = readHeader(dec(src, pos, end), file, required);
      nFields = header.names.length;
      bounds = new Int32Array(2 * nFields);
      onRecord = onHeader(header);
    } else {
      let k = 0;
      let start = pos;
      for (let i = pos; i < end; i++) {
        const c = src[i]!;
        if (c <= 44) {
          if (c === 44) {
            if (k >= nFields - 1)
              throw new InputError(file, line, `jumlah kolom lebih dari ${nFields} (sesuai header)`);
            bounds[2 * k] = start;
            bounds[2 * k + 1] = i;
            k++;
            start = i + 1;
          } else if (c === 34)
            throw new InputError(file, line, 'tanda kutip (") tidak didukung; gunakan CSV polos tanpa kutip');
          else if (c < 32) throw new InputError(file, line, `karakter kendali (kode ${c}) tidak diizinkan`);
        }
      }
      if (k !== nFields - 1)
        throw new InputError(file, line, `jumlah kolom ${k + 1}, seharusnya ${nFields} (sesuai header)`);
      bounds[2 * k] = start;
      bounds[2 * k + 1] = end;
      onRecord(line, bounds);
    }
    pos = lineEnd + 1;
  }
  if (header === null) throw new InputError(file, 1, `berkas kosong; header harus memuat ${required.join(',')}`);
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
    throw new InputError(
      file,
      1,
      `header tidak sah: kolom ${missing.join(', ')} tidak ada (header wajib memuat ${required.join(',')})`,
    );
  }
  return { names, col };
}

/** Checks an identifier field: non-empty, no leading or trailing space. */
function checkId(src: Uint8Array, s: number, e: number, file: string, line: number, name: string): void {
  if (e === s) throw new InputError(file, line, `${name} kosong`);
  if (src[s]! === 32 || src[e - 1]! === 32)
    throw new InputError(file, line, `${name} "${dec(src, s, e)}" diawali atau diakhiri spasi`);
}

/** Reads an identifier field as a string (see checkId). */
function readId(src: Uint8Array, s: number, e: number, file: string, line: number, name: string): string {
  checkId(src, s, e, file, line, name);
  return dec(src, s, e);
}

/** Parses unsigned decimal digits; -1 when empty or not all digits, capped to stay exact. */
function readUint(src: Uint8Array, s: number, e: number): number {
  if (e === s || e - s > 9) return e === s ? -1 : allDigits(src, s, e) ? 1e9 : -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = src[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function allDigits(src: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const d = src[i]! - 48;
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
function readScores(
  src: Uint8Array,
  b: Bounds,
  cols: readonly [number, number, number],
  file: string,
  line: number,
  out: Int16Array,
): void {
  let empty = 0;
  for (let k = 0; k < 3; k++) if (b[2 * cols[k]!] === b[2 * cols[k]! + 1]) empty++;
  if (empty === 3) {
    out[0] = out[1] = out[2] = ABSENT;
    return;
  }
  if (empty > 0)
    throw new InputError(
      file,
      line,
      'nilai TWK, TIU, TKP harus terisi semua, atau kosong semua untuk peserta yang tidak hadir',
    );
  for (let k = 0; k < 3; k++) {
    const s = b[2 * cols[k]!]!;
    const e = b[2 * cols[k]! + 1]!;
    const t = SUBTESTS[k]!;
    const v = readUint(src, s, e);
    if (v < 0) throw new InputError(file, line, `${t.name} "${dec(src, s, e)}" bukan bilangan bulat`);
    if (v % t.step !== 0) throw new InputError(file, line, `${t.name} ${dec(src, s, e)} bukan kelipatan ${t.step}`);
    if (v > t.max) throw new InputError(file, line, `${t.name} ${dec(src, s, e)} di luar rentang 0–${t.max}`);
    out[k] = v;
  }
}

/** Parses formations.csv (`formation_id,need_type,quota`): unique ids, known jenis kebutuhan, quota ≥ 1. */
export function parseFormationsCsv(src: Uint8Array, file: string): Formation[] {
  const out: Formation[] = [];
  const seen = new Map<string, number>();
  scan(src, file, ['formation_id', 'need_type', 'quota'], ({ col }) => {
    const ci = col.formation_id!;
    const cn = col.need_type!;
    const cq = col.quota!;
    return (line, b) => {
      const id = readId(src, b[2 * ci]!, b[2 * ci + 1]!, file, line, 'formation_id');
      const first = seen.get(id);
      if (first !== undefined)
        throw new InputError(file, line, `formation_id ${id} ganda (sudah ada di baris ${first})`);
      seen.set(id, line);
      const needType = dec(src, b[2 * cn]!, b[2 * cn + 1]!);
      if (!isNeedType(needType))
        throw new InputError(file, line, `need_type "${needType}" tidak dikenal (pilihan: ${NEED_TYPES.join(', ')})`);
      const qs = b[2 * cq]!;
      const qe = b[2 * cq + 1]!;
      const quota = readUint(src, qs, qe);
      if (quota < 1 || quota > 99_999_999 || src[qs]! === 48) {
        throw new InputError(file, line, `quota "${dec(src, qs, qe)}" tidak sah; harus bilangan bulat positif`);
      }
      out.push({ id, needType, quota });
    };
  });
  return out;
}

/** formation_id → index into the formations array. */
export function formationIndex(formations: readonly Formation[]): Map<string, number> {
  return new Map(formations.map((f, i) => [f.id, i]));
}

/** Growable typed columns: the row count is unknown until the text is read. */
class Columns {
  cap: number;
  constructor(capacity: number) {
    this.cap = Math.max(capacity, 16);
    this.formation = new Int32Array(this.cap);
    this.twk = new Int16Array(this.cap);
    this.tiu = new Int16Array(this.cap);
    this.tkp = new Int16Array(this.cap);
    this.line = new Int32Array(this.cap);
    this.hash = new Float64Array(this.cap);
    this.idStart = new Int32Array(this.cap);
    this.idEnd = new Int32Array(this.cap);
  }
  n = 0;
  formation: Int32Array;
  twk: Int16Array;
  tiu: Int16Array;
  tkp: Int16Array;
  line: Int32Array;
  hash: Float64Array;
  idStart: Int32Array;
  idEnd: Int32Array;
  grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Int16Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    this.formation = g(this.formation, new Int32Array(this.cap));
    this.twk = g(this.twk, new Int16Array(this.cap));
    this.tiu = g(this.tiu, new Int16Array(this.cap));
    this.tkp = g(this.tkp, new Int16Array(this.cap));
    this.line = g(this.line, new Int32Array(this.cap));
    this.hash = g(this.hash, new Float64Array(this.cap));
    this.idStart = g(this.idStart, new Int32Array(this.cap));
    this.idEnd = g(this.idEnd, new Int32Array(this.cap));
  }
  table(src: Uint8Array): SkdTable {
    const n = this.n;
    const participantNo = { bytes: src, start: this.idStart.subarray(0, n), end: this.idEnd.subarray(0, n) };
    return {
      count: n,
      formation: this.formation.subarray(0, n),
      twk: this.twk.subarray(0, n),
      tiu: this.tiu.subarray(0, n),
      tkp: this.tkp.subarray(0, n),
      participantNo,
    };
  }
}

/** FNV-1a over the bytes src[s, e). */
function fnv(src: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
  return h >>> 0;
}

/** A second, independent 21-bit hash, so (fnv, this) is a 53-bit fingerprint. */
function hash21(src: Uint8Array, s: number, e: number): number {
  let h = 0x9e3779b9 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i]!, 0x5bd1e995) ^ (h >>> 13);
  return (h >>> 0) & 0x1fffff;
}

/**
 * formation_id lookup straight from the bytes (no string per row): open addressing over FNV
 * hashes, every hit confirmed byte by byte against the encoded id.
 */
class FormationLookup {
  readonly mask: number;
  readonly slots: Int32Array;
  /** All ids in one contiguous arena, so a lookup touches cached memory. */
  readonly ids: IdColumn;
  constructor(formations: readonly Formation[]) {
    this.ids = toIdColumn(formations.map((f) => f.id));
    let size = 16;
    while (size < formations.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < formations.length; i++) {
      let h = fnv(this.ids.bytes, this.ids.start[i]!, this.ids.end[i]!) & this.mask;
      while (this.slots[h] !== -1) h = (h + 1) & this.mask;
      this.slots[h] = i;
    }
  }
  find(src: Uint8Array, s: number, e: number): number {
    const { bytes, start, end } = this.ids;
    let h = fnv(src, s, e) & this.mask;
    for (;;) {
      const i = this.slots[h]!;
      if (i === -1) return -1;
      const a = start[i]!;
      if (end[i]! - a === e - s) {
        let k = 0;
        while (k < e - s && bytes[a + k] === src[s + k]) k++;
        if (k === e - s) return i;
      }
      h = (h + 1) & this.mask;
    }
  }
}

/** Finds the first line whose participant_no repeats an earlier line, using the row fingerprints. */
function findDuplicate(src: Uint8Array, cols: Columns, file: string): void {
  const n = cols.n;
  const sorted = cols.hash.slice(0, n).sort();
  let suspects: Set<number> | null = null;
  for (let j = 1; j < n; j++) if (sorted[j] === sorted[j - 1]) (suspects ??= new Set()).add(sorted[j]!);
  if (suspects === null) return;
  const first = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!suspects.has(cols.hash[i]!)) continue;
    const p = dec(src, cols.idStart[i]!, cols.idEnd[i]!);
    const at = first.get(p);
    if (at !== undefined)
      throw new InputError(file, cols.line[i]!, `participant_no ${p} ganda (sudah ada di baris ${at})`);
    first.set(p, cols.line[i]!);
  }
}

/**
 * Parses skd.csv (`participant_no,formation_id,twk,tiu,tkp`) against the formations: known
 * formation, unique participant, scores on the SKD scale or all three empty (absent, TH).
 * Duplicates are found after the pass (fingerprints sorted), so a malformed line anywhere in the
 * file is reported before a repeated participant_no.
 */
export function parseSkdCsv(src: Uint8Array, file: string, formations: readonly Formation[]): SkdTable {
  const lookup = new FormationLookup(formations);
  let lines = 1;
  for (let i = src.indexOf(10); i !== -1; i = src.indexOf(10, i + 1)) lines++;
  const cols = new Columns(lines);
  const scores = new Int16Array(3);
  scan(src, file, ['participant_no', 'formation_id', 'twk', 'tiu', 'tkp'], ({ col }) => {
    const cp = col.participant_no!;
    const cf = col.formation_id!;
    const sc = [col.twk!, col.tiu!, col.tkp!] as const;
    return (line, b) => {
      const ps = b[2 * cp]!;
      const pe = b[2 * cp + 1]!;
      checkId(src, ps, pe, file, line, 'participant_no');
      const fs = b[2 * cf]!;
      const fe = b[2 * cf + 1]!;
      const f = lookup.find(src, fs, fe);
      if (f === -1)
        throw new InputError(
          file,
          line,
          `formation_id ${readId(src, fs, fe, file, line, 'formation_id')} tidak ada di berkas formasi`,
        );
      readScores(src, b, sc, file, line, scores);
      if (cols.n === cols.cap) cols.grow();
      const i = cols.n++;
      cols.formation[i] = f;
      cols.twk[i] = scores[0]!;
      cols.tiu[i] = scores[1]!;
      cols.tkp[i] = scores[2]!;
      cols.line[i] = line;
      cols.hash[i] = fnv(src, ps, pe) * 0x200000 + hash21(src, ps, pe);
      cols.idStart[i] = ps;
      cols.idEnd[i] = pe;
    };
  });
  findDuplicate(src, cols, file);
  return cols.table(src);
}

/** A participant advancing to SKB, read from ranking.csv. */
export interface AdvancingParticipant {
  readonly formation: number;
  readonly participantNo: string;
  readonly twk: number;
  readonly tiu: number;
  readonly tkp: number;
  readonly line: number;
}

/** ranking.csv as integration needs it: who advances, and who is listed at all. */
export interface RankingInput {
  readonly advancing: AdvancingParticipant[];
  /** participant_no → index into `advancing`, or -1 when listed but not advancing. */
  readonly listed: Map<string, number>;
}

/**
 * Parses a published ranking.csv for integration: known formation, unique participant, valid
 * scores, total = TWK + TIU + TKP, status P/TL/TH consistent with the scores, and only P advancing.
 */
export function parseRankingCsv(src: Uint8Array, file: string, formations: readonly Formation[]): RankingInput {
  const index = formationIndex(formations);
  const advancing: AdvancingParticipant[] = [];
  const listed = new Map<string, number>();
  const scores = new Int16Array(3);
  scan(
    src,
    file,
    ['formation_id', 'participant_no', 'twk', 'tiu', 'tkp', 'total', 'status', 'rank', 'advances_to_skb'],
    ({ col }) => {
      const cp = col.participant_no!;
      const cf = col.formation_id!;
      const sc = [col.twk!, col.tiu!, col.tkp!] as const;
      const ct = col.total!;
      const cs = col.status!;
      const ca = col.advances_to_skb!;
      return (line, b) => {
        const p = readId(src, b[2 * cp]!, b[2 * cp + 1]!, file, line, 'participant_no');
        const fid = readId(src, b[2 * cf]!, b[2 * cf + 1]!, file, line, 'formation_id');
        const f = index.get(fid);
        if (f === undefined) throw new InputError(file, line, `formation_id ${fid} tidak ada di berkas formasi`);
        if (listed.has(p)) throw new InputError(file, line, `participant_no ${p} ganda`);
        readScores(src, b, sc, file, line, scores);
        const absent = scores[0] === ABSENT;
        const total = dec(src, b[2 * ct]!, b[2 * ct + 1]!);
        const expected = absent ? '' : String(scores[0]! + scores[1]! + scores[2]!);
        if (total !== expected)
          throw new InputError(
            file,
            line,
            `total "${total}" tidak sama dengan TWK + TIU + TKP (${expected || 'kosong'})`,
          );
        const status = dec(src, b[2 * cs]!, b[2 * cs + 1]!);
        if (status !== 'P' && status !== 'TL' && status !== 'TH')
          throw new InputError(file, line, `status "${status}" tidak sah (P, TL, atau TH)`);
        if ((status === 'TH') !== absent)
          throw new InputError(
            file,
            line,
            `status ${status} tidak cocok dengan nilai ${absent ? 'kosong' : 'yang terisi'}`,
          );
        const adv = dec(src, b[2 * ca]!, b[2 * ca + 1]!);
        if (adv !== 'Y' && adv !== 'N')
          throw new InputError(file, line, `advances_to_skb "${adv}" tidak sah (Y atau N)`);
        if (adv === 'Y' && status !== 'P')
          throw new InputError(file, line, `advances_to_skb Y hanya untuk status P, bukan ${status}`);
        if (adv === 'Y') {
          listed.set(p, advancing.length);
          advancing.push({ formation: f, participantNo: p, twk: scores[0]!, tiu: scores[1]!, tkp: scores[2]!, line });
        } else listed.set(p, -1);
      };
    },
  );
  return { advancing, listed };
}

/** Parses a non-negative decimal with at most 2 decimals into hundredths; -1 when malformed. */
function readHundredths(s: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return -1;
  return Number(m[1]) * 100 + (m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0')));
}

/**
 * Parses skb.csv (`participant_no,skb,tie_order`, or `participant_no,skb,ipk,birth_date` as
 * published before issue 15) against the ranking: every row must be an advancing participant,
 * listed once; SKB 0–100 with ≤ 2 decimals or empty (absent, TH); when SKB is present, tie_order
 * a positive integer (see tieOrderWithinScores), or IPK with ≤ 2 decimals and birth_date
 * YYYY-MM-DD. Every advancing participant must appear. Returns one entry per advancing
 * participant, in ranking.csv order.
 */
export function parseSkbCsv(
  src: Uint8Array,
  file: string,
  ranking: RankingInput,
  rankingFile: string,
): IntegrationEntry[] {
  const got: (IntegrationEntry | undefined)[] = new Array(ranking.advancing.length);
  const lineOf = new Map<string, number>();
  scan(src, file, ['participant_no', 'skb'], ({ col }) => {
    const cp = col.participant_no!;
    const cs = col.skb!;
    const byOrder = Object.hasOwn(col, 'tie_order');
    const legacy = Object.hasOwn(col, 'ipk') || Object.hasOwn(col, 'birth_date');
    if (byOrder && legacy)
      throw new InputError(file, 1, 'header tidak sah: pakai tie_order, atau ipk dan birth_date, bukan keduanya');
    if (!byOrder && !(Object.hasOwn(col, 'ipk') && Object.hasOwn(col, 'birth_date'))) {
      throw new InputError(
        file,
        1,
        'header tidak sah: kolom tie_order tidak ada (header wajib memuat participant_no,skb,tie_order)',
      );
    }
    const co = byOrder ? col.tie_order! : -1;
    const ci = byOrder ? -1 : col.ipk!;
    const cb = byOrder ? -1 : col.birth_date!;
    return (line, b) => {
      const p = readId(src, b[2 * cp]!, b[2 * cp + 1]!, file, line, 'participant_no');
      const at = ranking.listed.get(p);
      if (at === undefined) throw new InputError(file, line, `peserta ${p} tidak ada di ${rankingFile}`);
      if (at < 0)
        throw new InputError(file, line, `peserta ${p} tidak lolos ke SKB (advances_to_skb N di ${rankingFile})`);
      const first = lineOf.get(p);
      if (first !== undefined)
        throw new InputError(file, line, `participant_no ${p} ganda (sudah ada di baris ${first})`);
      lineOf.set(p, line);
      const skbText = dec(src, b[2 * cs]!, b[2 * cs + 1]!);
      let skb: number | null = null;
      if (skbText !== '') {
        skb = readHundredths(skbText);
        if (skb < 0 || skb > 10000)
          throw new InputError(file, line, `skb "${skbText}" tidak sah; harus 0–100 dengan paling banyak 2 desimal`);
      }
      const a = ranking.advancing[at]!;
      if (byOrder) {
        const orderText = dec(src, b[2 * co]!, b[2 * co + 1]!);
        if (orderText !== '' && !/^[1-9][0-9]{0,8}$/.test(orderText))
          throw new InputError(file, line, `tie_order "${orderText}" tidak sah; harus bilangan bulat positif`);
        if (skb !== null && orderText === '') throw new InputError(file, line, 'tie_order wajib diisi bila skb terisi');
        got[at] = {
          formation: a.formation,
          participantNo: p,
          twk: a.twk,
          tiu: a.tiu,
          tkp: a.tkp,
          skbHundredths: skb,
          skbText,
          ipkHundredths: 0,
          ageKey: orderText === '' ? '' : tieOrderKey(Number(orderText)),
        };
        return;
      }
      const ipkText = dec(src, b[2 * ci]!, b[2 * ci + 1]!);
      const birthDate = dec(src, b[2 * cb]!, b[2 * cb + 1]!);
      const ipk = ipkText === '' ? -1 : readHundredths(ipkText);
      if (ipkText !== '' && ipk < 0)
        throw new InputError(file, line, `ipk "${ipkText}" tidak sah; harus angka dengan paling banyak 2 desimal`);
      if (birthDate !== '' && !isIsoDate(birthDate))
        throw new InputError(file, line, `birth_date "${birthDate}" bukan tanggal YYYY-MM-DD yang sah`);
      if (skb !== null && ipk < 0) throw new InputError(file, line, 'ipk wajib diisi bila skb terisi');
      if (skb !== null && birthDate === '') throw new InputError(file, line, 'birth_date wajib diisi bila skb terisi');
      got[at] = {
        formation: a.formation,
        participantNo: p,
        twk: a.twk,
        tiu: a.tiu,
        tkp: a.tkp,
        skbHundredths: skb,
        skbText,
        ipkHundredths: ipk,
        ageKey: birthDate,
      };
    };
  });
  const entries: IntegrationEntry[] = [];
  ranking.advancing.forEach((a, i) => {
    const e = got[i];
    if (e === undefined)
      throw new InputError(
        file,
        null,
        `peserta ${a.participantNo} lolos ke SKB (${rankingFile} baris ${a.line}) tetapi tidak ada di ${file}`,
      );
    entries.push(e);
  });
  return entries;
}

export const RANKING_HEADER = 'formation_id,participant_no,twk,tiu,tkp,total,status,rank,advances_to_skb';
export const FINAL_HEADER = 'formation_id,participant_no,skd_total,skb,final_score,rank,result';

/** Appends ASCII-or-UTF-8 text to a growable byte buffer; ASCII is copied without an encoder. */
class ByteWriter {
  buf = new Uint8Array(1 << 16);
  len = 0;
  private readonly encoder = new TextEncoder();
  reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  /** Caller has reserved 3 × s.length bytes (UTF-8 worst case per UTF-16 unit). */
  text(s: string): void {
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.len = o + this.encoder.encodeInto(s.slice(i), buf.subarray(o)).written;
        return;
      }
      buf[o++] = c;
    }
    this.len = o;
  }
  /** Caller has reserved 16 bytes. */
  uint(v: number): void {
    const buf = this.buf;
    if (v < 10) {
      buf[this.len++] = 48 + v;
      return;
    }
    let digits = 0;
    for (let t = v; t > 0; t = Math.floor(t / 10)) digits++;
    let o = this.len + digits;
    this.len = o;
    for (let t = v; t > 0; t = Math.floor(t / 10)) buf[--o] = 48 + (t % 10);
  }
  /** Caller has reserved e - s bytes. */
  copy(from: Uint8Array, s: number, e: number): void {
    const buf = this.buf;
    let o = this.len;
    for (let k = s; k < e; k++) buf[o++] = from[k]!;
    this.len = o;
  }
  byte(c: number): void {
    this.buf[this.len++] = c;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

const COMMA = 44;
const NEWLINE = 10;

/** Serializes a ranking to the exact bytes of ranking.csv: UTF-8, no BOM, header first, `\n` ends. */
export function serializeRanking(formations: readonly Formation[], table: SkdTable, result: RankingResult): Uint8Array {
  const w = new ByteWriter();
  const { order, status, rank, advances } = result;
  w.reserve(RANKING_HEADER.length + 1);
  w.text(RANKING_HEADER);
  w.byte(NEWLINE);
  const enc = new TextEncoder();
  const ids = formations.map((f) => enc.encode(f.id));
  const { bytes: pb, start: ps, end: pe } = table.participantNo;
  w.reserve((order.length + 1) * 48);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const id = ids[result.formation[j]!]!;
    const s0 = ps[i]!;
    const s1 = pe[i]!;
    w.reserve(id.length + (s1 - s0) + 48);
    w.copy(id, 0, id.length);
    w.byte(COMMA);
    w.copy(pb, s0, s1);
    w.byte(COMMA);
    const twk = result.twk[j]!;
    if (twk === ABSENT) {
      w.text(',,,,TH,,N\n');
      continue;
    }
    const tiu = result.tiu[j]!;
    const tkp = result.tkp[j]!;
    w.uint(twk);
    w.byte(COMMA);
    w.uint(tiu);
    w.byte(COMMA);
    w.uint(tkp);
    w.byte(COMMA);
    w.uint(twk + tiu + tkp);
    w.byte(COMMA);
    if (status[j] === STATUS_P) {
      w.text('P,');
      w.uint(rank[j]!);
    } else w.text('TL,');
    w.text(advances[j] === 1 ? ',Y\n' : ',N\n');
  }
  return w.bytes();
}

/** Formats thousandths as a decimal with exactly three places, e.g. 84123 → "84.123". */
export function formatThousandths(v: number): string {
  const r = v % 1000;
  return `${(v - r) / 1000}.${String(r).padStart(3, '0')}`;
}

/** Serializes final integration rows to the text of final.csv (encode as UTF-8, no BOM). */
export function serializeFinal(rows: readonly FinalRow[]): string {
  let out = FINAL_HEADER + '\n';
  for (const r of rows) {
    out += `${r.formationId},${r.participantNo},${r.skdTotal},${r.skbText},${r.finalThousandths === null ? '' : formatThousandths(r.finalThousandths)},${r.rank ?? ''},${r.result}\n`;
  }
  return out;
}
