import { describe, expect, it } from 'vitest';
import { pearson } from '../../../../../common/rules/statistics.ts';
import { analyzeItems, type AttemptResponses, type ItemResponse } from './item-analysis.ts';
import type { OptionKey } from './items.ts';

const r = (itemId: string, chosen: OptionKey | null, points: number, maxPoints = 5): ItemResponse => ({
  itemId,
  chosen,
  points,
  maxPoints,
});

/**
 * Five attempts, hand-computed:
 *  q1 (key A)   points 5,5,0,5,0   rest 15,10,10,5,5  p = 15/25 = 0.6  r = 15/√(30·70) = 1.5/√21
 *  q2 (TKP)     points 5,4,3,2,1   rest 15,11,7,8,4   p = 15/25 = 0.6  r = 25/√(10·70) = 2.5/√7
 *  q3 (key C)   all 5                                 p = 1            r = null (no item variance)
 *  q4 (key B)   points 0,0,5,0,5   rest 20,15,5,10,0  p = 10/25 = 0.4  r = −75/√(30·250) = −√3/2
 *  q5 (key D)   a1–a3 only, all 0                     p = 0, n = 3     r = null
 */
const attempts: AttemptResponses[] = [
  {
    attemptId: 'a1',
    total: 20,
    responses: [r('q1', 'A', 5), r('q2', 'B', 5), r('q3', 'C', 5), r('q4', 'A', 0), r('q5', 'A', 0)],
  },
  {
    attemptId: 'a2',
    total: 15,
    responses: [r('q1', 'A', 5), r('q2', 'D', 4), r('q3', 'C', 5), r('q4', 'A', 0), r('q5', null, 0)],
  },
  {
    attemptId: 'a3',
    total: 10,
    responses: [r('q1', 'B', 0), r('q2', 'E', 3), r('q3', 'C', 5), r('q4', 'B', 5), r('q5', 'E', 0)],
  },
  { attemptId: 'a4', total: 10, responses: [r('q1', 'A', 5), r('q2', 'A', 2), r('q3', 'C', 5), r('q4', null, 0)] },
  { attemptId: 'a5', total: 5, responses: [r('q1', null, 0), r('q2', 'C', 1), r('q3', 'C', 5), r('q4', 'B', 5)] },
];

describe('analyzeItems', () => {
  // A five-attempt fixture: the minimum sample is lowered so its flags can be checked.
  const stats = analyzeItems(attempts, { minSample: 2 });
  const get = (id: string) => stats.find((s) => s.itemId === id)!;

  it('returns one row per item, sorted by itemId', () => {
    expect(analyzeItems([...attempts].reverse()).map((s) => s.itemId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it.each<[string, number, number, number | null]>([
    ['q1', 5, 0.6, 1.5 / Math.sqrt(21)],
    ['q2', 5, 0.6, 2.5 / Math.sqrt(7)],
    ['q3', 5, 1, null],
    ['q4', 5, 0.4, -Math.sqrt(3) / 2],
    ['q5', 3, 0, null],
  ])('%s: n %i, p %f, item–rest r %f', (id, n, p, rpb) => {
    const s = get(id);
    expect(s.n).toBe(n);
    expect(s.difficulty).toBeCloseTo(p, 9);
    if (rpb === null) expect(s.pointBiserial).toBeNull();
    else expect(s.pointBiserial).toBeCloseTo(rpb, 9);
  });

  it('counts the options chosen, blanks included', () => {
    expect(get('q1').optionDistribution).toEqual({ A: 3, B: 1, blank: 1 });
    expect(get('q5').optionDistribution).toEqual({ A: 1, blank: 1, E: 1 });
  });

  it.each<[string, string[]]>([
    ['q1', []],
    ['q2', []],
    ['q3', ['too_easy', 'low_discrimination']],
    ['q4', ['negative_discrimination']],
    ['q5', ['too_hard', 'low_discrimination']],
  ])('flags %s with %j by default thresholds', (id, flags) => {
    expect(get(id).flags).toEqual(flags);
  });

  it('uses the thresholds given, comparing strictly', () => {
    const s = analyzeItems(attempts, { easyAbove: 0.6, hardBelow: 0.4, lowDiscriminationBelow: 0.4, minSample: 2 });
    const q = (id: string) => s.find((x) => x.itemId === id)!.flags;
    expect(q('q1')).toEqual(['low_discrimination']); // p 0.6 is not > 0.6; r 0.327 < 0.4
    expect(q('q4')).toEqual(['negative_discrimination']); // p 0.4 is not < 0.4
    expect(analyzeItems(attempts, { easyAbove: 0.5, minSample: 2 }).find((x) => x.itemId === 'q1')!.flags).toEqual([
      'too_easy',
    ]);
  });

  it('flags nothing below the minimum sample (30 by default): one participant makes every item 0 or 1', () => {
    expect(analyzeItems(attempts).every((s) => s.flags.length === 0)).toBe(true);
    const one = analyzeItems([attempts[0]!]);
    expect(one.map((s) => s.difficulty).every((p) => p === 0 || p === 1)).toBe(true);
    expect(one.every((s) => s.flags.length === 0)).toBe(true);
  });

  it('judges a weighted (TKP) item by its mean weight, never as too easy or too hard', () => {
    const tkp = (id: string, total: number, w: number) => ({
      attemptId: id,
      total,
      responses: [{ itemId: 't1', chosen: 'A' as const, points: w, maxPoints: 5, weighted: true }],
    });
    // Everyone chose the weight-1 option: p 0.2 would be "too hard" for a keyed item.
    const low = analyzeItems([tkp('a', 10, 1), tkp('b', 20, 1), tkp('c', 30, 1)], { minSample: 2 })[0]!;
    expect(low).toMatchObject({ weighted: true, meanPoints: 1, maxPoints: 5, flags: ['low_discrimination'] });
    const spread = analyzeItems([tkp('a', 10, 1), tkp('b', 20, 3), tkp('c', 30, 5), tkp('d', 40, 5)], {
      minSample: 2,
    })[0]!;
    expect(spread.meanPoints).toBeCloseTo(3.5, 9);
    expect(spread.difficulty).toBeCloseTo(0.7, 9);
    expect(spread.flags).toEqual([]); // higher weights go with higher totals
  });

  it('returns nothing for no attempts', () => {
    expect(analyzeItems([])).toEqual([]);
  });
});

describe('pearson', () => {
  it.each<[string, number[], number[], number | null]>([
    ['perfect positive', [1, 2, 3], [2, 4, 6], 1],
    ['perfect negative', [1, 2, 3], [3, 2, 1], -1],
    ['one point', [1], [1], null],
    ['constant x', [2, 2, 2], [1, 2, 3], null],
    ['constant y', [1, 2, 3], [4, 4, 4], null],
  ])('%s', (_n, x, y, expected) => {
    const v = pearson(x, y);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 12);
  });
});
