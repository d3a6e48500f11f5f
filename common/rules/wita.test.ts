import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatWitaDate, formatWitaDateTime, formatWitaTime, witaDateTimeLocal } from './wita.ts';

describe('WITA formatting (UTC+8, whatever the machine’s zone)', () => {
  it.each<[string, string, string]>([
    ['2026-12-03T00:05:00Z', '3 Desember 2026', '08.05'],
    ['2026-12-02T16:00:00Z', '3 Desember 2026', '00.00'], // local midnight is 16:00Z the day before
    ['2026-12-02T15:59:59Z', '2 Desember 2026', '23.59'],
    ['2024-02-29T04:30:00Z', '29 Februari 2024', '12.30'],
  ])('%s → %s %s', (iso, date, time) => {
    expect(formatWitaDate(iso)).toBe(date);
    expect(formatWitaTime(iso)).toBe(time);
    expect(formatWitaDateTime(new Date(iso))).toBe(`${date}, ${time} WITA`);
  });

  it('speaks English when chosen', () => {
    expect(formatWitaDateTime('2026-12-03T00:05:00Z', 'en')).toBe('3 December 2026, 08:05 WITA');
  });

  it('spells a calendar date without shifting it by the zone, and "-" when missing', () => {
    expect(formatCalendarDate('1999-03-05')).toBe('5 Maret 1999');
    expect(formatCalendarDate('2000-01-01', 'en')).toBe('1 January 2000');
    expect(formatCalendarDate(null)).toBe('-');
  });

  it.each<[string, string]>([
    ['2026-12-03T00:05:00Z', '2026-12-03T08:05'],
    ['2026-12-02T16:00:00Z', '2026-12-03T00:00'],
    ['2026-12-31T23:30:00+08:00', '2026-12-31T23:30'],
    ['2024-02-28T16:30:00Z', '2024-02-29T00:30'],
  ])('the datetime-local value of %s in Palu is %s', (iso, local) => {
    expect(witaDateTimeLocal(iso)).toBe(local);
  });

  it('gives an empty input value for an invalid instant', () => {
    expect(witaDateTimeLocal('kemarin')).toBe('');
  });
});
