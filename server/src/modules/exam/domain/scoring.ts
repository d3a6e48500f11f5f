/**
 * Scoring a CAT attempt and checking SKD passing grades (RULES.md §2.1–2.2). Scores are integers,
 * so an archived attempt re-scores to the same number years later.
 */
import type { ItemScoring, OptionKey, Subtest } from './items.ts';

/** One item of a taken form with its scoring rule. */
export interface ScoredItem {
  itemId: string;
  subtest: Subtest;
  scoring: ItemScoring;
}

/**
 * Points one answer earns: the key's points when the chosen option is the key, else 0 (TWK/TIU);
 * the chosen option's weight (TKP 1–5, PPPK 1–4); a blank answer earns 0 (RULES.md §2.1, §2.7).
 */
export function scoreAnswer(scoring: ItemScoring, chosen: OptionKey | null): number {
  if (chosen === null) return 0;
  if (scoring.kind === 'key') return chosen === scoring.correct ? scoring.points : 0;
  return scoring.weights[chosen] ?? 0;
}

export interface AttemptScore {
  /** Points per subtest present on the form (0 when present but unanswered). */
  bySubtest: Partial<Record<Subtest, number>>;
  twk: number;
  tiu: number;
  tkp: number;
  total: number;
  /** Items with a non-blank answer. */
  answered: number;
}

/**
 * Scores an attempt: each form item's answer (keyed by itemId; missing = blank) through scoreAnswer,
 * summed per subtest and in total. A blank TKP item is 0, not 1 (RULES.md §2.1); twk/tiu/tkp are 0
 * when the subtest is not on the form; answers to items not on the form are ignored.
 */
export function scoreAttempt(items: readonly ScoredItem[], answers: ReadonlyMap<string, OptionKey | null>): AttemptScore {
  const bySubtest: Partial<Record<Subtest, number>> = {};
  let total = 0;
  let answered = 0;
  for (const item of items) {
    const chosen = answers.get(item.itemId) ?? null;
    const points = scoreAnswer(item.scoring, chosen);
    if (chosen !== null) answered++;
    bySubtest[item.subtest] = (bySubtest[item.subtest] ?? 0) + points;
    total += points;
  }
  return { bySubtest, twk: bySubtest.TWK ?? 0, tiu: bySubtest.TIU ?? 0, tkp: bySubtest.TKP ?? 0, total, answered };
}

/**
 * An SKD passing grade: `per_subtest` — each subtest must reach its minimum (formasi umum);
 * `total` — the cumulative SKD score (TWK + TIU + TKP) and TIU must reach theirs (formasi khusus,
 * where the TWK/TKP minimums do not apply).
 */
export type SkdThreshold = { kind: 'per_subtest'; twk: number; tiu: number; tkp: number } | { kind: 'total'; total: number; tiu: number };

/**
 * Whether an SKD score passes a threshold; every comparison is "at least", so a score exactly at the
 * minimum passes. KepMenPANRB 321/2024: umum TWK ≥ 65, TIU ≥ 80, TKP ≥ 166; cumlaude/diaspora
 * total ≥ 311 & TIU ≥ 85; disabilitas/papua/daerah_tertinggal total ≥ 286 & TIU ≥ 60.
 */
export function passesThreshold(score: AttemptScore, t: SkdThreshold): boolean {
  if (t.kind === 'per_subtest') return score.twk >= t.twk && score.tiu >= t.tiu && score.tkp >= t.tkp;
  return score.twk + score.tiu + score.tkp >= t.total && score.tiu >= t.tiu;
}

/** Jenis kebutuhan (need types) with an SKD passing grade, spelled as formations.csv spells them. */
export const SKD_NEED_TYPES = ['umum', 'kalimantan', 'cumlaude', 'diaspora', 'disabilitas', 'papua', 'daerah_tertinggal'] as const;
export type SkdNeedType = (typeof SKD_NEED_TYPES)[number];

const UMUM: SkdThreshold = Object.freeze({ kind: 'per_subtest', twk: 65, tiu: 80, tkp: 166 });
const CUMLAUDE_DIASPORA: SkdThreshold = Object.freeze({ kind: 'total', total: 311, tiu: 85 });
const AFFIRMATIVE: SkdThreshold = Object.freeze({ kind: 'total', total: 286, tiu: 60 });

/**
 * Passing grades per recruitment year, with the regulation that sets them (RULES.md §2.2). 2023
 * (KepMenPANRB 651/2023) and 2024 (KepMenPANRB 321/2024) are identical; Kalimantan is listed only
 * in 2024 and daerah tertinggal only by some 2024 sources (flagged uncertain in RULES.md §9) — both
 * follow the 2024 grades in both years, as the selection module's rule sets do.
 */
export const SKD_THRESHOLDS: Readonly<Record<number, { regulation: string; byNeedType: Readonly<Record<SkdNeedType, SkdThreshold>> }>> = Object.freeze({
  2023: {
    regulation: 'KepMenPANRB 651/2023',
    byNeedType: { umum: UMUM, kalimantan: UMUM, cumlaude: CUMLAUDE_DIASPORA, diaspora: CUMLAUDE_DIASPORA, disabilitas: AFFIRMATIVE, papua: AFFIRMATIVE, daerah_tertinggal: AFFIRMATIVE },
  },
  2024: {
    regulation: 'KepMenPANRB 321/2024',
    byNeedType: { umum: UMUM, kalimantan: UMUM, cumlaude: CUMLAUDE_DIASPORA, diaspora: CUMLAUDE_DIASPORA, disabilitas: AFFIRMATIVE, papua: AFFIRMATIVE, daerah_tertinggal: AFFIRMATIVE },
  },
});

/** The newest year with recorded passing grades; thresholdFor falls back to it. */
export const NEWEST_THRESHOLD_YEAR = Math.max(...Object.keys(SKD_THRESHOLDS).map(Number));

/**
 * The SKD passing grade for a jenis kebutuhan in a recruitment year (KepMenPANRB 651/2023,
 * 321/2024; RULES.md §2.2). A year with no recorded regulation (earlier, or not yet issued) gets the
 * newest recorded grades, so a new period works before its KepMenPANRB is entered — the caller
 * should show that the grades are provisional. Throws RangeError for an unknown need type rather
 * than guessing one.
 */
export function thresholdFor(needType: string, year: number): SkdThreshold {
  const set = Object.hasOwn(SKD_THRESHOLDS, year) ? SKD_THRESHOLDS[year]! : SKD_THRESHOLDS[NEWEST_THRESHOLD_YEAR]!;
  if (!(SKD_NEED_TYPES as readonly string[]).includes(needType)) {
    throw new RangeError(`Jenis kebutuhan "${needType}" tidak dikenal; pilih salah satu dari ${SKD_NEED_TYPES.join(', ')}.`);
  }
  return set.byNeedType[needType as SkdNeedType];
}
