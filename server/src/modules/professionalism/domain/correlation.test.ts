import { describe, expect, it } from 'vitest';
import { averageRanks, relate, spearman, spearmanInterval } from './correlation.ts';

describe('Spearman rank correlation', () => {
  it('matches the textbook example (IQ and hours of television): ρ = −29/165', () => {
    const iq = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('averages the ranks of ties (a predikat has five values)', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
  });

  it('gives Fisher z intervals with the Bonett–Wright standard error', () => {
    const i = spearmanInterval(0.5, 50)!;
    const se = Math.sqrt(1.125 / 47);
    expect(i.low).toBeCloseTo(Math.tanh(Math.atanh(0.5) - 1.959964 * se), 6);
    expect(i.high).toBeCloseTo(Math.tanh(Math.atanh(0.5) + 1.959964 * se), 6);
    expect(i.low).toBeCloseTo(0.2411, 3);
    expect(spearmanInterval(0.5, 3)).toBeNull();
  });

  it('warns below 30 pairs and when one side does not vary', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => [i, i % 3] as const);
    expect(relate(pairs).warning).toBe('small');
    expect(relate(Array.from({ length: 40 }, (_, i) => [i, 2] as const))).toMatchObject({ rho: null, warning: 'flat' });
    const big = relate(Array.from({ length: 40 }, (_, i) => [i, i + (i % 2)] as const));
    expect(big.warning).toBeNull();
    expect(big.rho!).toBeGreaterThan(0.9);
    expect(big.low!).toBeLessThan(big.rho!);
  });
});
