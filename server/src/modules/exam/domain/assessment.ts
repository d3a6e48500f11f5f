/**
 * Tests outside recruitment (training pre/post-tests) report a share of the most points the form
 * could give, so a 10-item and a 20-item test read the same way on the 0–100 scale.
 */
import { type ItemScoring, maxPoints } from './items.ts';

/** The most points a form can give: the sum of each item's best answer. */
export function formMaxPoints(items: readonly { scoring: ItemScoring }[]): number {
  return items.reduce((n, i) => n + maxPoints(i.scoring), 0);
}

/**
 * Whole percent of the maximum, rounded down (a pass mark of 70 is never reached by rounding up);
 * 0 when the form gives no points. Points outside 0..max are clamped.
 */
export function percentOf(points: number, max: number): number {
  if (!Number.isFinite(points) || !Number.isFinite(max) || max <= 0) return 0;
  return Math.floor((Math.min(Math.max(points, 0), max) * 100) / max);
}
