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
  readonly participantNo: readonly string[];
}

export const ABSENT = -1;

export const STATUS_P = 0;
export const STATUS_TL = 1;
export const STATUS_TH = 2;
export type StatusCode = typeof STATUS_P | typeof STATUS_TL | typeof STATUS_TH;
export const STATUS_LABEL = ['P', 'TL', 'TH'] as const;
export type Status = (typeof STATUS_LABEL)[number];

/** Rows in publication order plus per-row status, rank (0 = none) and SKB flag. */
export interface RankingResult {
  /** Row indices of the table in output order. */
  readonly order: Int32Array;
  readonly status: Uint8Array;
  readonly rank: Int32Array;
  readonly advances: Uint8Array;
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
const CLASS_SPAN = 4 * KEY_SPAN; // status class above the key; formation position above both (< 2^53)

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

  const status = new Uint8Array(n);
  const sortKey = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = formation[i]!;
    const w = twk[i]!;
    let cls: number;
    let key = 0;
    if (w === ABSENT) cls = STATUS_TH;
    else {
      const u = tiu[i]!;
      const k = tkp[i]!;
      cls = passesThreshold(ruleOf[f]!, w, u, k) ? STATUS_P : STATUS_TL;
      key = scoreKey(w, u, k);
    }
    status[i] = cls;
    // Ascending sort key: formation position, then class (P, TL, TH), then score descending.
    sortKey[i] = position[f]! * CLASS_SPAN + cls * KEY_SPAN + (KEY_SPAN - 1 - key);
  }

  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => sortKey[a]! - sortKey[b]! || compareBytes(participantNo[a]!, participantNo[b]!));

  const rank = new Int32Array(n);
  const advances = new Uint8Array(n);
  let currentFormation = -1;
  let seen = 0;
  let lastKey = -1;
  let lastRank = 0;
  let cut = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    if (status[i] !== STATUS_P) continue;
    const f = formation[i]!;
    if (f !== currentFormation) {
      currentFormation = f;
      seen = 0;
      lastKey = -1;
      cut = SKB_MULTIPLIER * formations[f]!.quota;
    }
    seen++;
    const key = sortKey[i]!;
    if (key !== lastKey) {
      lastRank = seen;
      lastKey = key;
    }
    rank[i] = lastRank;
    advances[i] = lastRank <= cut ? 1 : 0;
  }
  return { order, status, rank, advances };
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
  const t = { count: n, formation: new Int32Array(n), twk: new Int16Array(n), tiu: new Int16Array(n), tkp: new Int16Array(n), participantNo: [] as string[] };
  rows.forEach((r, i) => {
    const f = index.get(r.formationId);
    if (f === undefined) throw new Error(`unknown formation ${r.formationId}`);
    t.formation[i] = f;
    const absent = r.twk === null || r.tiu === null || r.tkp === null;
    t.twk[i] = absent ? ABSENT : r.twk;
    t.tiu[i] = absent ? ABSENT : r.tiu;
    t.tkp[i] = absent ? ABSENT : r.tkp;
    t.participantNo.push(r.participantNo);
  });
  return t;
}

/** Reads a ranking result back as typed rows in publication order. */
export function rankedRows(formations: readonly Formation[], table: SkdTable, result: RankingResult): RankedRow[] {
  return Array.from(result.order, (i) => {
    const absent = table.twk[i] === ABSENT;
    const s = result.status[i]! as StatusCode;
    return {
      formationId: formations[table.formation[i]!]!.id,
      participantNo: table.participantNo[i]!,
      twk: absent ? null : table.twk[i]!,
      tiu: absent ? null : table.tiu[i]!,
      tkp: absent ? null : table.tkp[i]!,
      total: absent ? null : table.twk[i]! + table.tiu[i]! + table.tkp[i]!,
      status: STATUS_LABEL[s],
      rank: s === STATUS_P ? result.rank[i]! : null,
      advancesToSkb: result.advances[i] === 1,
    };
  });
}

/** Ranks plain rows: the platform's entry point, the same computation `merit rank` runs. */
export function rankFormations(rules: ThresholdRuleSet, formations: readonly Formation[], rows: readonly SkdRow[]): RankedRow[] {
  const table = toSkdTable(formations, rows);
  return rankedRows(formations, table, rankSkd(rules, formations, table));
}
