import { describe, expect, it } from 'vitest';
import { idDateTimeToIso, idDateToIso, isoToIdDate, isoToIdDateTime } from './dates.ts';

describe('dates as written in Palu', () => {
  it.each([
    ['12/03/1999', '1999-03-12'],
    ['2/3/1999', '1999-03-02'],
    ['12-03-1999', '1999-03-12'],
    ['1999-03-12', '1999-03-12'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2026', null],
    ['03/12', null],
    ['', null],
    ['12/13/1999', null],
  ])('reads %j as %j', (text, iso) => expect(idDateToIso(text)).toBe(iso));

  it.each([
    ['03/12/2026 08.00', '2026-12-03T08:00'],
    ['3/12/2026 8:05', '2026-12-03T08:05'],
    ['2026-12-03T17:30', '2026-12-03T17:30'],
    ['03/12/2026 24.00', null],
    ['03/12/2026', null],
    ['03/12/2026 8 PM', null],
  ])('reads the date-time %j as %j', (text, iso) => expect(idDateTimeToIso(text)).toBe(iso));

  it('shows ISO values the Indonesian way and round-trips them', () => {
    expect(isoToIdDate('1999-03-12')).toBe('12/03/1999');
    expect(isoToIdDateTime('2026-12-03T08:00')).toBe('03/12/2026 08.00');
    expect(idDateTimeToIso(isoToIdDateTime('2026-12-03T23:59'))).toBe('2026-12-03T23:59');
    expect(isoToIdDate('')).toBe('');
  });
});
