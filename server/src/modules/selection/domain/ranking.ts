/**
 * SKD ranking per formation: threshold status (P / TL / TH), shared ranks among those who pass,
 * and the SKB cut at 3 × quota with every candidate tied at the cut included (RULES.md §2.2–2.3).
 *
 * Pure and columnar: the CLI ranks ~3 million rows, so scores live in typed arrays and the sort
 * compares one packed integer key. `rankFormations` is the same computation over plain objects for
 * the platform's services; both produce the bytes `merit rank` publishes.
 */
import { compareBytes } from './byte-order.ts';
import type { NeedType, ThresholdRuleSet } from './thresholds.ts';
import { passesThreshold } from './thresholds.ts';

/** A formasi: its id, jenis kebutuhan and jumlah kebutuhan (quota ≥ 1). */
export interface Formation {
  readonly id: string;
  readonly needType: NeedType;
  readonly quota: number;
}

/** SKD scores column by column; `twk[i] === ABSENT` marks a participant who did not sit (TH). */
export interface SkdTable {
  readonly count: number;
  /** Index into the formations array. */
  readonly formation: Int32Array;
  readonly twk: Int16Array;
  readonly tiu: Int16Array;
  readonly tkp: Int16Array;
  /** participant_no of each row as a UTF-8 byte range (usually straight into the input file). */
  readonly participantNo: IdColumn;
}

/** Strings kept as byte ranges of one buffer: row i is bytes[start[i], end[i]). */
export interface IdColumn {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Compares rows a and b of an id column by their UTF-8 bytes. */
export function compareIds(c: IdColumn, a: number, b: number): number {
  const x = c.bytes;
  let i = c.start[a]!;
  let j = c.start[b]!;
  const ei = c.end[a]!;
  const ej = c.end[b]!;
  for (; i < ei && j < ej; i++, j++) if (x[i] !== x[j]) return x[i]! - x[j]!;
  return ei - i - (ej - j);
}

const idDecoder = new TextDecoder();

/** The string of row i of an id column. */
export function idAt(c: IdColumn, i: number): string {
  return idDecoder.decode(c.bytes.subarray(c.start[i]!, c.end[i]!));
}

/** Packs strings into an id column. */
export function toIdColumn(values: readonly string[]): IdColumn {
  const enc = new TextEncoder();
  const parts = values.map((v) => enc.encode(v));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const start = new Int32Array(values.length);
  const end = new Int32Array(values.length);
  let o = 0;
  parts.forEach((p, i) => {
    start[i] = o;
    bytes.set(p, o);
    o += p.length;
    end[i] = o;
  });
  return { bytes, start, end };
}

export const ABSENT = -1;

export const STATUS_P = 0;
export const STATUS_TL = 1;
export const STATUS_TH = 2;
export type StatusCode = typeof STATUS_P | typeof STATUS_TL | typeof STATUS_TH;
export const STATUS_LABEL = ['P', 'TL', 'TH'] as const;
export type Status = (typeof STATUS_LABEL)[number];

/** The ranking in publication order: every column is indexed by output position j. */
export interface RankingResult {
  /** Row index into the input table (for participant_no) at each output position. */
  readonly order: Int32Array;
  readonly formation: Int32Array;
  readonly status: Uint8Array;
  /** 0 when the row has no rank (TL, TH). */
  readonly rank: Int32Array;
  readonly advances: Uint8Array;
  /** Scores, ABSENT for TH. */
  readonly twk: Int16Array;
  readonly tiu: Int16Array;
  readonly tkp: Int16Array;
}

/** The SKB cut: 3 × jumlah kebutuhan (BKN 06/PANPEL.BKN/CPNS/X/2024, RULES.md §2.3). */
export const SKB_MULTIPLIER = 3;

/**
 * The ranking key (total, TKP, TIU) packed into one integer, higher = better. TWK needs no bits:
 * equal total, TKP and TIU force equal TWK, so the four-level tie-break of RULES.md §2.3
 * (total → TKP → TIU → TWK, all descending) is exactly this key's order.
 */
export function scoreKey(twk: number, tiu: number, tkp: number): number {
  return (twk + tiu + tkp) * 65536 + tkp * 256 + tiu;
}

const KEY_SPAN = 2 ** 26; // total ≤ 550 < 1024 → key < 2^26
const LOCAL_SPAN = 2 ** 25; // row inside a formation below the group (class + key < 2^28; 2^28 · 2^25 = 2^53)

/** Indices of formations in byte order of their ids (the order rows are published in). */
export function formationOrder(formations: readonly Formation[]): Int32Array {
  const idx = Int32Array.from(formations.keys());
  idx.sort((a, b) => compareBytes(formations[a]!.id, formations[b]!.id));
  return idx;
}

/**
 * Ranks every row within its formation: P when the year's threshold for the formation's jenis
 * kebutuhan is met, TL when not, TH when absent; P rows ordered by total, TKP, TIU, TWK (desc),
 * fully equal rows share a rank (1, 2, 2, 4), and a P row advances to SKB iff rank ≤ 3 × quota,
 * which takes in everyone tied at the cut (KepMenPANRB 651/2023, 321/2024; RULES.md §2.3).
 */
export function rankSkd(rules: ThresholdRuleSet, formations: readonly Formation[], table: SkdTable): RankingResult {
  const n = table.count;
  const { formation, twk, tiu, tkp, participantNo } = table;
  const fOrder = formationOrder(formations);
  const position = new Int32Array(formations.length);
  for (let p = 0; p < fOrder.length; p++) position[fOrder[p]!] = p;
  const ruleOf = formations.map((f) => rules.rules[f.needType]);

  // Group = status class then score descending; ascending group is publication order.
  const group = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = twk[i]!;
    if (w === ABSENT) group[i] = STATUS_TH * KEY_SPAN;
    else {
      const u = tiu[i]!;
      const k = tkp[i]!;
      const cls = passesThreshold(ruleOf[formation[i]!]!, w, u, k) ? STATUS_P : STATUS_TL;
      group[i] = cls * KEY_SPAN + (KEY_SPAN - 1 - scoreKey(w, u, k));
    }
  }
  const { order, grp, start } = sortRows(n, formation, position, group, participantNo);

  // Everything below walks output positions in order: no random access into the input rows.
  const out = {
    order,
    formation: new Int32Array(n),
    status: new Uint8Array(n),
    rank: new Int32Array(n),
    advances: new Uint8Array(n),
    twk: new Int16Array(n),
    tiu: new Int16Array(n),
    tkp: new Int16Array(n),
  };
  for (let p = 0; p < fOrder.length; p++) {
    const f = fOrder[p]!;
    const cut = SKB_MULTIPLIER * formations[f]!.quota;
    let lastGroup = -1;
    let lastRank = 0;
    for (let j = start[p]!; j < start[p + 1]!; j++) {
      const g = grp[j]!;
      const cls = Math.floor(g / KEY_SPAN);
      out.formation[j] = f;
      out.status[j] = cls;
      if (cls === STATUS_TH) {
        out.twk[j] = out.tiu[j] = out.tkp[j] = ABSENT;
        continue;
      }
      const key = KEY_SPAN - 1 - (g % KEY_SPAN);
      const total = Math.floor(key / 65536);
      const k = Math.floor(key / 256) % 256;
      const u = key % 256;
      out.tkp[j] = k;
      out.tiu[j] = u;
      out.twk[j] = total - k - u;
      if (cls !== STATUS_P) continue;
      if (g !== lastGroup) {
        lastRank = j - start[p]! + 1; // P rows come first, so the position is the count so far
        lastGroup = g;
      }
      out.rank[j] = lastRank;
      out.advances[j] = lastRank <= cut ? 1 : 0;
    }
  }
  return out;
}

/**
 * Publication order in O(n) buckets plus small numeric sorts: counting sort by formation position,
 * then within each formation a native sort of (group, row) packed in one float64, then runs of
 * equal group (fully tied scores, or all TH) ordered by participant_no bytes.
 */
function sortRows(
  n: number,
  formation: Int32Array,
  position: Int32Array,
  group: Float64Array,
  participantNo: IdColumn,
): { order: Int32Array; grp: Float64Array; start: Int32Array } {
  const nf = position.length;
  const start = new Int32Array(nf + 1);
  for (let i = 0; i < n; i++) start[position[formation[i]!]! + 1]!++;
  for (let p = 0; p < nf; p++) start[p + 1]! += start[p]!;
  const next = start.slice(0, nf);
  const order = new Int32Array(n);
  const grp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = next[position[formation[i]!]!]!++;
    order[d] = i;
    grp[d] = group[i]!;
  }
  const packed = new Float64Array(n);
  const byBytes = (a: number, b: number) => compareIds(participantNo, a, b);
  for (let p = 0; p < nf; p++) {
    const s = start[p]!;
    const e = start[p + 1]!;
    if (e - s < 2) continue;
    const rows = order.slice(s, e);
    const groups = grp.slice(s, e);
    if (e - s > LOCAL_SPAN) {
      const local = Int32Array.from(rows.keys()).sort((a, b) => groups[a]! - groups[b]! || byBytes(rows[a]!, rows[b]!));
      for (let j = s; j < e; j++) packed[j] = groups[local[j - s]!]! * LOCAL_SPAN + local[j - s]!;
    } else {
      for (let j = s; j < e; j++) packed[j] = groups[j - s]! * LOCAL_SPAN + (j - s);
      packed.subarray(s, e).sort();
    }
    for (let j = s; j < e; j++) {
      const v = packed[j]!;
      const local = v % LOCAL_SPAN;
      order[j] = rows[local]!;
      grp[j] = groups[local]!;
    }
    let r = s;
    while (r < e) {
      const g = grp[r]!;
      let q = r + 1;
      while (q < e && grp[q] === g) q++;
      if (q - r > 1) order.subarray(r, q).sort(byBytes);
      r = q;
    }
  }
  return { order, grp, start };
}

/** One SKD row as the platform holds it; all three scores null means absent. */
export interface SkdRow {
  readonly formationId: string;
  readonly participantNo: string;
  readonly twk: number | null;
  readonly tiu: number | null;
  readonly tkp: number | null;
}

/** One published ranking row (a line of ranking.csv, typed). */
export interface RankedRow {
  readonly formationId: string;
  readonly participantNo: string;
  readonly twk: number | null;
  readonly tiu: number | null;
  readonly tkp: number | null;
  readonly total: number | null;
  readonly status: Status;
  readonly rank: number | null;
  readonly advancesToSkb: boolean;
}

/** Builds the columnar table from plain rows; rows must already be valid (see csv.ts for checks). */
export function toSkdTable(formations: readonly Formation[], rows: readonly SkdRow[]): SkdTable {
  const index = new Map(formations.map((f, i) => [f.id, i]));
  const n = rows.length;
  const t = {
    count: n,
    formation: new Int32Array(n),
    twk: new Int16Array(n),
    tiu: new Int16Array(n),
    tkp: new Int16Array(n),
    participantNo: toIdColumn(rows.map((r) => r.participantNo)),
  };
  rows.forEach((r, i) => {
    const f = index.get(r.formationId);
    if (f === undefined) throw new Error(`unknown formation ${r.formationId}`);
    t.formation[i] = f;
    const absent = r.twk === null || r.tiu === null || r.tkp === null;
    t.twk[i] = absent ? ABSENT : r.twk;
    t.tiu[i] = absent ? ABSENT : r.tiu;
    t.tkp[i] = absent ? ABSENT : r.tkp;
  });
  return t;
}

/** Reads a ranking result back as typed rows in publication order. */
export function rankedRows(formations: readonly Formation[], table: SkdTable, result: RankingResult): RankedRow[] {
  return Array.from(result.order, (i, j) => {
    const s = result.status[j]! as StatusCode;
    const absent = s === STATUS_TH;
    const [w, u, k] = [result.twk[j]!, result.tiu[j]!, result.tkp[j]!];
    return {
      formationId: formations[result.formation[j]!]!.id,
      participantNo: idAt(table.participantNo, i),
      twk: absent ? null : w,
      tiu: absent ? null : u,
      tkp: absent ? null : k,
      total: absent ? null : w + u + k,
      status: STATUS_LABEL[s],
      rank: s === STATUS_P ? result.rank[j]! : null,
      advancesToSkb: result.advances[j] === 1,
    };
  });
}

/** Ranks plain rows: the platform's entry point, the same computation `merit rank` runs. */
export function rankFormations(
  rules: ThresholdRuleSet,
  formations: readonly Formation[],
  rows: readonly SkdRow[],
): RankedRow[] {
  const table = toSkdTable(formations, rows);
  return rankedRows(formations, table, rankSkd(rules, formations, table));
}
