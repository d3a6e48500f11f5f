import { describe, expect, it } from 'vitest';
import { formMaxPoints, percentOf } from './assessment.ts';

describe('percentOf', () => {
  it.each([
    [0, 10, 0],
    [10, 10, 100],
    [7, 10, 70],
    [2, 3, 66], // 66.67 rounds down: never lifted over a pass mark
    [69.9, 100, 69],
    [5, 0, 0],
    [-3, 10, 0],
    [12, 10, 100],
  ])('%d of %d points is %d %%', (points, max, pct) => {
    expect(percentOf(points, max)).toBe(pct);
  });
});

describe('formMaxPoints', () => {
  it('adds each item’s best answer: the key’s points or the highest weight', () => {
    expect(formMaxPoints([])).toBe(0);
    expect(
      formMaxPoints([
        { scoring: { kind: 'key', correct: 'A', points: 1 } },
        { scoring: { kind: 'key', correct: 'B', points: 5 } },
        { scoring: { kind: 'weights', weights: { A: 1, B: 4, C: 2, D: 3 } } },
      ]),
    ).toBe(10);
  });
});
