/**
 * Classical test theory item analysis (analisis butir soal) for the bank's owners: difficulty
 * (p-value), discrimination (corrected point-biserial / item–rest correlation), option use, and
 * flags for items worth reviewing before the next period.
 */
import { pearson } from '../../../../../common/rules/statistics.ts';
import type { OptionKey } from './items.ts';

export interface ItemResponse {
  itemId: string;
  chosen: OptionKey | null;
  points: number;
  maxPoints: number;
  /**
   * Scored by option weights (TKP 1–5, PPPK 1–4), not by one key: there is no single right
   * answer, so "too easy/hard" means nothing; the item is judged by its mean weight and by
   * whether higher weights go with higher totals.
   */
  weighted?: boolean;
}

export interface AttemptResponses {
  attemptId: string;
  /** The attempt's total score (over all items, including this one). */
  total: number;
  responses: readonly ItemResponse[];
}

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination';

export interface ItemStats {
  itemId: string;
  /** Attempts that had the item on their form. */
  n: number;
  /** p = mean(points) / maxPoints, 0..1 (for a weighted item: the mean weight as a share of the top weight). */
  difficulty: number;
  /** Mean points per attempt (for a weighted item: the mean weight chosen, e.g. 3.4 of 5). */
  meanPoints: number;
  /** The item's top score (1 for a keyed item at 1 point, 5 for TKP). */
  maxPoints: number;
  weighted: boolean;
  /** Pearson correlation between item score and (total − item score); null when undefined (n < 2 or zero variance). */
  pointBiserial: number | null;
  /** How many attempts chose each option; 'blank' = no answer. Only options chosen at least once appear. */
  optionDistribution: Partial<Record<OptionKey | 'blank', number>>;
  flags: ItemFlag[];
}

export interface AnalyzeOptions {
  /** Flag too_easy when p > this (default 0.9). */
  easyAbove?: number;
  /** Flag too_hard when p < this (default 0.2). */
  hardBelow?: number;
  /** Flag low_discrimination when 0 ≤ r < this (default 0.2). */
  lowDiscriminationBelow?: number;
  /**
   * No flag at all below this many attempts (default 30): with one participant every keyed item
   * is right or wrong, so p is 0 or 1 and r undefined — flags would be noise, not findings.
   */
  minSample?: number;
}

/** Conventional CTT review thresholds: p outside 0.2–0.9, item–rest r below 0.2 (Ebel's bands). */
export const ANALYSIS_DEFAULTS: Required<AnalyzeOptions> = Object.freeze({
  easyAbove: 0.9,
  hardBelow: 0.2,
  lowDiscriminationBelow: 0.2,
  minSample: 30,
});

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per-item difficulty, item–rest point-biserial, option distribution and review flags over a set of
 * attempts, sorted by itemId. The correlation uses total − item score (the corrected item–total
 * correlation) so an item does not correlate with itself. Flags, only from `minSample` attempts on:
 * too_easy p > easyAbove and too_hard p < hardBelow (keyed items only), negative_discrimination
 * r < 0, low_discrimination 0 ≤ r < lowDiscriminationBelow or an item score that is the same for
 * every attempt, which separates no one.
 */
export function analyzeItems(attempts: readonly AttemptResponses[], opts?: AnalyzeOptions): ItemStats[] {
  const o = { ...ANALYSIS_DEFAULTS, ...opts };
  const byItem = new Map<
    string,
    {
      x: number[];
      rest: number[];
      max: number;
      top: number;
      weighted: boolean;
      dist: Partial<Record<OptionKey | 'blank', number>>;
    }
  >();
  for (const a of attempts) {
    for (const r of a.responses) {
      let acc = byItem.get(r.itemId);
      if (acc === undefined) {
        acc = { x: [], rest: [], max: 0, top: 0, weighted: false, dist: {} };
        byItem.set(r.itemId, acc);
      }
      acc.x.push(r.points);
      acc.rest.push(a.total - r.points);
      acc.max += r.maxPoints;
      acc.top = Math.max(acc.top, r.maxPoints);
      acc.weighted ||= r.weighted === true;
      const k = r.chosen ?? 'blank';
      acc.dist[k] = (acc.dist[k] ?? 0) + 1;
    }
  }
  const out: ItemStats[] = [];
  for (const [itemId, acc] of byItem) {
    const n = acc.x.length;
    const sum = acc.x.reduce((s, v) => s + v, 0);
    // Σpoints / ΣmaxPoints equals mean(points)/maxPoints when maxPoints is constant, and stays right if a revision changed it.
    const difficulty = acc.max > 0 ? sum / acc.max : 0;
    const r = pearson(acc.x, acc.rest);
    const flags: ItemFlag[] = [];
    if (n >= o.minSample) {
      if (!acc.weighted && difficulty > o.easyAbove) flags.push('too_easy');
      if (!acc.weighted && difficulty < o.hardBelow) flags.push('too_hard');
      if (r !== null && r < 0) flags.push('negative_discrimination');
      else if ((r !== null && r < o.lowDiscriminationBelow) || acc.x.every((v) => v === acc.x[0]))
        flags.push('low_discrimination');
    }
    out.push({
      itemId,
      n,
      difficulty,
      meanPoints: n > 0 ? sum / n : 0,
      maxPoints: acc.top,
      weighted: acc.weighted,
      pointBiserial: r,
      optionDistribution: acc.dist,
      flags,
    });
  }
  return out.sort((a, b) => compareStrings(a.itemId, b.itemId));
}
