import { describe, expect, it } from 'vitest';
import { acceptsAnswer, deadlineOf, remainingMs } from './deadline.ts';

const start = new Date('2024-10-21T00:00:00.000Z'); // 08.00 WITA
const at = (iso: string) => new Date(iso);

describe('deadlineOf', () => {
  it.each<[string, number, number, number[], string]>([
    ['SKD 100 minutes', 100, 0, [], '2024-10-21T01:40:00.000Z'],
    ['SKD with the disability accommodation (130)', 100, 30, [], '2024-10-21T02:10:00.000Z'],
    ['plus two proctor grants of 5 and 10', 100, 30, [5, 10], '2024-10-21T02:25:00.000Z'],
    ['PPPK 130 minutes', 130, 0, [], '2024-10-21T02:10:00.000Z'],
  ])('%s', (_n, duration, extra, grants, expected) => {
    expect(
      deadlineOf({
        startedAt: start,
        durationMinutes: duration,
        extraMinutes: extra,
        grantsMinutes: grants,
      }).toISOString(),
    ).toBe(expected);
  });
  it.each([[-1], [1.5], [Number.NaN]])('refuses %s minutes', (m) => {
    expect(() => deadlineOf({ startedAt: start, durationMinutes: 100, extraMinutes: 0, grantsMinutes: [m] })).toThrow(
      RangeError,
    );
  });
});

describe('remainingMs and acceptsAnswer', () => {
  const deadline = at('2024-10-21T01:40:00.000Z');
  it.each<[string, string, number]>([
    ['a minute before', '2024-10-21T01:39:00.000Z', 60_000],
    ['at the deadline', '2024-10-21T01:40:00.000Z', 0],
    ['after the deadline (never negative)', '2024-10-21T02:00:00.000Z', 0],
  ])('remainingMs %s', (_n, now, expected) => {
    expect(remainingMs(at(now), deadline)).toBe(expected);
  });
  it.each<[string, string, number, boolean]>([
    ['before the deadline', '2024-10-21T01:39:59.999Z', 0, true],
    ['exactly at the deadline, no grace', '2024-10-21T01:40:00.000Z', 0, true],
    ['1 ms late, no grace', '2024-10-21T01:40:00.001Z', 0, false],
    ['exactly at deadline + grace', '2024-10-21T01:40:05.000Z', 5000, true],
    ['1 ms past deadline + grace', '2024-10-21T01:40:05.001Z', 5000, false],
  ])('acceptsAnswer %s', (_n, now, grace, expected) => {
    expect(acceptsAnswer(at(now), deadline, grace)).toBe(expected);
  });
});
