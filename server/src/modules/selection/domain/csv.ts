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
function scan(text: string, file: string, required: readonly string[], onHeader: (h: Header) => (line: number, b: Bounds) => void): void {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let header: Header | null = null;
  let onRecord: (line: number, b: Bounds) => void = () => {};
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
      onRecord = onHeader(header);
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
  scan(text, file, ['formation_id', 'need_type', 'quota'], ({ col }) => {
    const ci = col.formation_id!;
    const cn = col.need_type!;
    const cq = col.quota!;
    return (line, b) => {
      const id = readId(text, b[2 * ci]!, b[2 * ci + 1]!, file, line, 'formation_id');
      const first = seen.get(id);
      if (first !== undefined) throw new InputError(file, line, `formation_id ${id} ganda (sudah ada di baris ${first})`);
      seen.set(id, line);
      const needType = text.slice(b[2 * cn]!, b[2 * cn + 1]!);
      if (!isNeedType(needType)) throw new InputError(file, line, `need_type "${needType}" tidak dikenal (pilihan: ${NEED_TYPES.join(', ')})`);
      const qs = b[2 * cq]!;
      const qe = b[2 * cq + 1]!;
      const quota = readUint(text, qs, qe);
      if (quota < 1 || quota > 99_999_999 || text.charCodeAt(qs) === 48) {
        throw new InputError(file, line, `quota "${text.slice(qs, qe)}" tidak sah; harus bilangan bulat positif`);
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
  cap = 1024;
  n = 0;
  formation = new Int32Array(this.cap);
  twk = new Int16Array(this.cap);
  tiu = new Int16Array(this.cap);
  tkp = new Int16Array(this.cap);
  participantNo: string[] = [];
  grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.cap);
      b.set(a);
      return b;
    };
    this.formation = g(this.formation, (n) => new Int32Array(n));
    this.twk = g(this.twk, (n) => new Int16Array(n));
    this.tiu = g(this.tiu, (n) => new Int16Array(n));
    this.tkp = g(this.tkp, (n) => new Int16Array(n));
  }
  table(): SkdTable {
    const n = this.n;
    return { count: n, formation: this.formation.subarray(0, n), twk: this.twk.subarray(0, n), tiu: this.tiu.subarray(0, n), tkp: this.tkp.subarray(0, n), participantNo: this.participantNo };
  }
}

function duplicateLine(participantNo: readonly string[], p: string, firstDataLine: number): string {
  const i = participantNo.indexOf(p);
  return i >= 0 ? ` (sudah ada di baris ${i + firstDataLine})` : '';
}

/**
 * Parses skd.csv (`participant_no,formation_id,twk,tiu,tkp`) against the formations: known
 * formation, unique participant, scores on the SKD scale or all three empty (absent, TH).
 */
export function parseSkdCsv(text: string, file: string, formations: readonly Formation[]): SkdTable {
  const index = formationIndex(formations);
  const cols = new Columns();
  const seen = new Set<string>();
  const scores = new Int16Array(3);
  let firstDataLine = 2;
  scan(text, file, ['participant_no', 'formation_id', 'twk', 'tiu', 'tkp'], ({ col }) => {
    const cp = col.participant_no!;
    const cf = col.formation_id!;
    const sc = [col.twk!, col.tiu!, col.tkp!] as const;
    return (line, b) => {
      if (cols.n === 0) firstDataLine = line;
      const p = readId(text, b[2 * cp]!, b[2 * cp + 1]!, file, line, 'participant_no');
      const fid = readId(text, b[2 * cf]!, b[2 * cf + 1]!, file, line, 'formation_id');
      const f = index.get(fid);
      if (f === undefined) throw new InputError(file, line, `formation_id ${fid} tidak ada di berkas formasi`);
      if (seen.has(p)) throw new InputError(file, line, `participant_no ${p} ganda${duplicateLine(cols.participantNo, p, firstDataLine)}`);
      seen.add(p);
      readScores(text, b, sc, file, line, scores);
      if (cols.n === cols.cap) cols.grow();
      const i = cols.n++;
      cols.formation[i] = f;
      cols.twk[i] = scores[0]!;
      cols.tiu[i] = scores[1]!;
      cols.tkp[i] = scores[2]!;
      cols.participantNo.push(p);
    };
  });
  return cols.table();
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
export function parseRankingCsv(text: string, file: string, formations: readonly Formation[]): RankingInput {
  const index = formationIndex(formations);
  const advancing: AdvancingParticipant[] = [];
  const listed = new Map<string, number>();
  const scores = new Int16Array(3);
  scan(text, file, ['formation_id', 'participant_no', 'twk', 'tiu', 'tkp', 'total', 'status', 'rank', 'advances_to_skb'], ({ col }) => {
    const cp = col.participant_no!;
    const cf = col.formation_id!;
    const sc = [col.twk!, col.tiu!, col.tkp!] as const;
    const ct = col.total!;
    const cs = col.status!;
    const ca = col.advances_to_skb!;
    return (line, b) => {
      const p = readId(text, b[2 * cp]!, b[2 * cp + 1]!, file, line, 'participant_no');
      const fid = readId(text, b[2 * cf]!, b[2 * cf + 1]!, file, line, 'formation_id');
      const f = index.get(fid);
      if (f === undefined) throw new InputError(file, line, `formation_id ${fid} tidak ada di berkas formasi`);
      if (listed.has(p)) throw new InputError(file, line, `participant_no ${p} ganda`);
      readScores(text, b, sc, file, line, scores);
      const absent = scores[0] === ABSENT;
      const total = text.slice(b[2 * ct]!, b[2 * ct + 1]!);
      const expected = absent ? '' : String(scores[0]! + scores[1]! + scores[2]!);
      if (total !== expected) throw new InputError(file, line, `total "${total}" tidak sama dengan TWK + TIU + TKP (${expected || 'kosong'})`);
      const status = text.slice(b[2 * cs]!, b[2 * cs + 1]!);
      if (status !== 'P' && status !== 'TL' && status !== 'TH') throw new InputError(file, line, `status "${status}" tidak sah (P, TL, atau TH)`);
      if ((status === 'TH') !== absent) throw new InputError(file, line, `status ${status} tidak cocok dengan nilai ${absent ? 'kosong' : 'yang terisi'}`);
      const adv = text.slice(b[2 * ca]!, b[2 * ca + 1]!);
      if (adv !== 'Y' && adv !== 'N') throw new InputError(file, line, `advances_to_skb "${adv}" tidak sah (Y atau N)`);
      if (adv === 'Y' && status !== 'P') throw new InputError(file, line, `advances_to_skb Y hanya untuk status P, bukan ${status}`);
      if (adv === 'Y') {
        listed.set(p, advancing.length);
        advancing.push({ formation: f, participantNo: p, twk: scores[0]!, tiu: scores[1]!, tkp: scores[2]!, line });
      } else listed.set(p, -1);
    };
  });
  return { advancing, listed };
}

/** Parses a non-negative decimal with at most 2 decimals into hundredths; -1 when malformed. */
function readHundredths(s: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return -1;
  return Number(m[1]) * 100 + (m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0')));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether s is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS[mo - 1]!);
}

/**
 * Parses skb.csv (`participant_no,skb,ipk,birth_date`) against the ranking: every row must be an
 * advancing participant, listed once; SKB 0–100 with ≤ 2 decimals or empty (absent, TH); IPK with
 * ≤ 2 decimals and birth_date YYYY-MM-DD required when SKB is present. Every advancing participant
 * must appear. Returns one entry per advancing participant, in ranking.csv order.
 */
export function parseSkbCsv(text: string, file: string, ranking: RankingInput, rankingFile: string): IntegrationEntry[] {
  const got: (IntegrationEntry | undefined)[] = new Array(ranking.advancing.length);
  const lineOf = new Map<string, number>();
  scan(text, file, ['participant_no', 'skb', 'ipk', 'birth_date'], ({ col }) => {
    const cp = col.participant_no!;
    const cs = col.skb!;
    const ci = col.ipk!;
    const cb = col.birth_date!;
    return (line, b) => {
      const p = readId(text, b[2 * cp]!, b[2 * cp + 1]!, file, line, 'participant_no');
      const at = ranking.listed.get(p);
      if (at === undefined) throw new InputError(file, line, `peserta ${p} tidak ada di ${rankingFile}`);
      if (at < 0) throw new InputError(file, line, `peserta ${p} tidak lolos ke SKB (advances_to_skb N di ${rankingFile})`);
      const first = lineOf.get(p);
      if (first !== undefined) throw new InputError(file, line, `participant_no ${p} ganda (sudah ada di baris ${first})`);
      lineOf.set(p, line);
      const skbText = text.slice(b[2 * cs]!, b[2 * cs + 1]!);
      const ipkText = text.slice(b[2 * ci]!, b[2 * ci + 1]!);
      const birthDate = text.slice(b[2 * cb]!, b[2 * cb + 1]!);
      let skb: number | null = null;
      if (skbText !== '') {
        skb = readHundredths(skbText);
        if (skb < 0 || skb > 10000) throw new InputError(file, line, `skb "${skbText}" tidak sah; harus 0–100 dengan paling banyak 2 desimal`);
      }
      const ipk = ipkText === '' ? -1 : readHundredths(ipkText);
      if (ipkText !== '' && ipk < 0) throw new InputError(file, line, `ipk "${ipkText}" tidak sah; harus angka dengan paling banyak 2 desimal`);
      if (birthDate !== '' && !isIsoDate(birthDate)) throw new InputError(file, line, `birth_date "${birthDate}" bukan tanggal YYYY-MM-DD yang sah`);
      if (skb !== null && ipk < 0) throw new InputError(file, line, 'ipk wajib diisi bila skb terisi');
      if (skb !== null && birthDate === '') throw new InputError(file, line, 'birth_date wajib diisi bila skb terisi');
      const a = ranking.advancing[at]!;
      got[at] = { formation: a.formation, participantNo: p, twk: a.twk, tiu: a.tiu, tkp: a.tkp, skbHundredths: skb, skbText, ipkHundredths: ipk, birthDate };
    };
  });
  const entries: IntegrationEntry[] = [];
  ranking.advancing.forEach((a, i) => {
    const e = got[i];
    if (e === undefined) throw new InputError(file, null, `peserta ${a.participantNo} lolos ke SKB (${rankingFile} baris ${a.line}) tetapi tidak ada di ${file}`);
    entries.push(e);
  });
  return entries;
}

/** Decimal strings of 0–550, so writing millions of scores allocates nothing new. */
const NUM: readonly string[] = Array.from({ length: 551 }, (_, i) => String(i));

export const RANKING_HEADER = 'formation_id,participant_no,twk,tiu,tkp,total,status,rank,advances_to_skb';
export const FINAL_HEADER = 'formation_id,participant_no,skd_total,skb,final_score,rank,result';

/** Serializes a ranking to the exact bytes of ranking.csv (header first, `\n` after every line). */
export function serializeRanking(formations: readonly Formation[], table: SkdTable, result: RankingResult): string {
  const parts: string[] = [RANKING_HEADER + '\n'];
  const { order, status, rank, advances } = result;
  let chunk = '';
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const w = table.twk[i]!;
    const s = status[i]!;
    let line = formations[table.formation[i]!]!.id + ',' + table.participantNo[i]! + ',';
    if (w === ABSENT) line += ',,,,TH,,N\n';
    else {
      const u = table.tiu[i]!;
      const k = table.tkp[i]!;
      line += NUM[w]! + ',' + NUM[u]! + ',' + NUM[k]! + ',' + NUM[w + u + k]! + ',' + STATUS_LABEL[s as 0 | 1 | 2] + ',' + (s === STATUS_P ? String(rank[i]!) : '') + (advances[i] === 1 ? ',Y\n' : ',N\n');
    }
    chunk += line;
    if ((j & 4095) === 4095) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Formats thousandths as a decimal with exactly three places, e.g. 84123 → "84.123". */
export function formatThousandths(v: number): string {
  const r = v % 1000;
  return `${(v - r) / 1000}.${String(r).padStart(3, '0')}`;
}

/** Serializes final integration rows to the exact bytes of final.csv. */
export function serializeFinal(rows: readonly FinalRow[]): string {
  let out = FINAL_HEADER + '\n';
  for (const r of rows) {
    out += `${r.formationId},${r.participantNo},${r.skdTotal},${r.skbText},${r.finalThousandths === null ? '' : formatThousandths(r.finalThousandths)},${r.rank ?? ''},${r.result}\n`;
  }
  return out;
}
