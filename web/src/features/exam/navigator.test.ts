import { describe, expect, it } from 'vitest';
import { clampIndex, fontStep, navState, navSummary, positionLabel } from './navigator.ts';

describe('navigator', () => {
  it('shows ragu-ragu over answered, answered over unanswered', () => {
    expect(navState(undefined)).toBe('unanswered');
    expect(navState({ chosen: null, flagged: false })).toBe('unanswered');
    expect(navState({ chosen: 'B', flagged: false })).toBe('answered');
    expect(navState({ chosen: 'B', flagged: true })).toBe('flagged');
    expect(navState({ chosen: null, flagged: true })).toBe('flagged');
  });

  it('counts answered (flagged or not), flagged and unanswered', () => {
    const s = navSummary(['a', 'b', 'c', 'd'], {
      a: { chosen: 'A', flagged: false, seq: 1, status: 'saved' },
      b: { chosen: 'C', flagged: true, seq: 1, status: 'pending' },
      c: { chosen: null, flagged: true, seq: 2, status: 'saved' },
    });
    expect(s).toEqual({ answered: 2, flagged: 2, unanswered: 2, total: 4 });
  });

  it('labels options by screen position and keeps indexes in range', () => {
    expect([0, 1, 4].map(positionLabel)).toEqual(['A', 'B', 'E']);
    expect(clampIndex(-1, 5)).toBe(0);
    expect(clampIndex(9, 5)).toBe(4);
    expect(clampIndex(3, 0)).toBe(0);
    expect(fontStep(99)).toBe(5);
    expect(fontStep(-2)).toBe(0);
  });
});
