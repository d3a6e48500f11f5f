/**
 * SKD passing grades (nilai ambang batas) as year-versioned data: one rule set per recruitment
 * year, each citing the KepMenPANRB that sets it. The ranking algorithm reads a rule set; it holds
 * no threshold constants of its own, so a new year is a new entry here, not a code change.
 */

import type { NeedType } from '../../../../../common/contracts/vocabulary.ts';

export { NEED_TYPES, isNeedType, type NeedType } from '../../../../../common/contracts/vocabulary.ts';

/**
 * `subtests`: every subtest must reach its minimum (formasi umum). `total`: the cumulative SKD score
 * and TIU must reach their minimums, the per-subtest TWK/TKP minimums do not apply (formasi khusus).
 */
export type ThresholdRule =
  | { readonly kind: 'subtests'; readonly twk: number; readonly tiu: number; readonly tkp: number }
  | { readonly kind: 'total'; readonly total: number; readonly tiu: number };

export interface ThresholdRuleSet {
  readonly year: number;
  /** The regulation that sets these grades, cited in the open-data documentation. */
  readonly regulation: string;
  readonly rules: Readonly<Record<NeedType, ThresholdRule>>;
  /** Rows whose source is thin (see RULES.md §9), shown to users as configurable/uncertain. */
  readonly uncertain: readonly NeedType[];
}

const UMUM: ThresholdRule = { kind: 'subtests', twk: 65, tiu: 80, tkp: 166 };
const CUMLAUDE_DIASPORA: ThresholdRule = { kind: 'total', total: 311, tiu: 85 };
const AFFIRMATIVE: ThresholdRule = { kind: 'total', total: 286, tiu: 60 };

export const THRESHOLD_RULE_SETS: Readonly<Record<number, ThresholdRuleSet>> = Object.freeze({
  // KepMenPANRB 651/2023: umum TWK ≥ 65, TIU ≥ 80, TKP ≥ 166; cumlaude/diaspora total ≥ 311 and
  // TIU ≥ 85; disabilitas/Papua total ≥ 286 and TIU ≥ 60. Kalimantan and daerah tertinggal are not
  // listed in the 2023 sources; they follow the contract (same as 2024) and are flagged.
  2023: {
    year: 2023,
    regulation: 'KepMenPANRB 651/2023',
    rules: {
      umum: UMUM,
      kalimantan: UMUM,
      cumlaude: CUMLAUDE_DIASPORA,
      diaspora: CUMLAUDE_DIASPORA,
      disabilitas: AFFIRMATIVE,
      papua: AFFIRMATIVE,
      daerah_tertinggal: AFFIRMATIVE,
    },
    uncertain: ['kalimantan', 'daerah_tertinggal'],
  },
  // KepMenPANRB 321/2024 (29 Jul 2024): same grades; umum also covers putra/putri Kalimantan (IKN);
  // daerah tertinggal listed by Tempo/Tribun, omitted by other summaries (RULES.md §2.2, flagged).
  2024: {
    year: 2024,
    regulation: 'KepMenPANRB 321/2024',
    rules: {
      umum: UMUM,
      kalimantan: UMUM,
      cumlaude: CUMLAUDE_DIASPORA,
      diaspora: CUMLAUDE_DIASPORA,
      disabilitas: AFFIRMATIVE,
      papua: AFFIRMATIVE,
      daerah_tertinggal: AFFIRMATIVE,
    },
    uncertain: ['daerah_tertinggal'],
  },
});

/** The rule set for a recruitment year, or undefined when no regulation is recorded for it. */
export function thresholdRuleSet(year: number): ThresholdRuleSet | undefined {
  return Object.hasOwn(THRESHOLD_RULE_SETS, year) ? THRESHOLD_RULE_SETS[year] : undefined;
}

/**
 * Whether present SKD scores pass a rule; every comparison is "at least" (≥), so a score exactly
 * at the minimum passes (KepMenPANRB 651/2023, 321/2024).
 */
export function passesThreshold(rule: ThresholdRule, twk: number, tiu: number, tkp: number): boolean {
  if (rule.kind === 'subtests') return twk >= rule.twk && tiu >= rule.tiu && tkp >= rule.tkp;
  return twk + tiu + tkp >= rule.total && tiu >= rule.tiu;
}
