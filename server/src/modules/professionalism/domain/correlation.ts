/**
 * Does selection pick people who perform? Spearman's rank correlation between a selection score
 * and what followed (Latsar, first-year SKP predikat, IP ASN), with a 95 % interval. Ranks are
 * averaged over ties — predikat has five values, so ties are the rule; simple-statistics'
 * `sampleRankCorrelation` ranks ties in input order, which would invent an order, hence this file.
 * The interval is Fisher's z with Bonett & Wright's (2000) standard error for Spearman,
 * √((1 + ρ²/2) / (n − 3)). Below 30 people the result carries a warning; it is shown anyway.
 */
import { pearson } from '../../../../../common/rules/statistics.ts';

/** Below this many pairs a correlation is shown with a warning that it may not hold. */
export const SMALL_SAMPLE = 30;
const Z_95 = 1.959963984540054;

/** 1-based ranks, ties sharing the mean of the ranks they span. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's ρ of paired values; null with fewer than 2 pairs or when one side does not vary. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError('x and y must be paired');
  if (x.length < 2) return null;
  return pearson(averageRanks(x), averageRanks(y));
}

/** The 95 % interval of ρ for n pairs; null below 4 pairs (no standard error). */
export function spearmanInterval(rho: number, n: number): { low: number; high: number } | null {
  if (n < 4) return null;
  // Keep |ρ| < 1 so atanh stays finite; a perfect sample still gets an interval of width ~0.
  const r = Math.max(-0.999999, Math.min(0.999999, rho));
  const se = Math.sqrt((1 + (r * r) / 2) / (n - 3));
  const z = Math.atanh(r);
  return { low: Math.tanh(z - Z_95 * se), high: Math.tanh(z + Z_95 * se) };
}

export interface Relation {
  n: number;
  rho: number | null;
  low: number | null;
  high: number | null;
  /** 'small': fewer than 30 pairs; 'flat': one side does not vary, so there is nothing to rank. */
  warning: 'small' | 'flat' | null;
}

/** ρ, its interval and the warning for a set of (selection score, later outcome) pairs. */
export function relate(pairs: readonly (readonly [number, number])[]): Relation {
  const n = pairs.length;
  const rho = spearman(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
  const interval = rho === null ? null : spearmanInterval(rho, n);
  return {
    n,
    rho,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    warning: n >= 2 && rho === null ? 'flat' : n < SMALL_SAMPLE ? 'small' : null,
  };
}
