import { describe, expect, it } from 'vitest';
import {
  crossedMark,
  formatCountdown,
  minutesLeft,
  remainingAt,
  remainingFromSave,
  syncAt,
  timeTone,
} from './countdown.ts';

describe('countdown from the server clock', () => {
  it('runs down from the server’s remainingMs by monotonic time only', () => {
    const sync = syncAt(100 * 60_000, 5_000);
    expect(remainingAt(sync, 5_000)).toBe(6_000_000);
    expect(remainingAt(sync, 65_000)).toBe(6_000_000 - 60_000);
    expect(remainingAt(sync, 10_000_000)).toBe(0);
  });

  it('never adds time when the monotonic clock reads earlier than the sync', () => {
    expect(remainingAt(syncAt(30_000, 1_000), 500)).toBe(30_000);
  });

  it('re-syncs from a save acknowledgement: deadline minus the server’s save time', () => {
    expect(remainingFromSave('2026-11-27T02:40:00.000Z', '2026-11-27T02:30:00.000Z')).toBe(600_000);
    expect(remainingFromSave('2026-11-27T02:40:00.000Z', '2026-11-27T02:41:00.000Z')).toBe(0);
    expect(remainingFromSave('x', '2026-11-27T02:41:00.000Z')).toBeNull();
  });

  it('formats with hours only when needed, rounding seconds up', () => {
    expect(formatCountdown(100 * 60_000)).toBe('1:40:00');
    expect(formatCountdown(59 * 60_000 + 999)).toBe('59:01');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5)).toBe('00:00');
  });

  it('warns at 10 and 5 minutes and announces each mark once', () => {
    expect([11 * 60_000, 10 * 60_000, 5 * 60_000, 1].map(timeTone)).toEqual(['normal', 'low', 'critical', 'critical']);
    expect(crossedMark(600_001, 600_000)).toBe(600_000);
    expect(crossedMark(600_000, 599_000)).toBeNull();
    expect(crossedMark(61_000, 59_000)).toBe(60_000);
    expect(minutesLeft(61_000)).toBe(2);
  });
});
