import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PALU_HOLIDAYS,
  PALU_HOLIDAY_DATES,
  addDays,
  dayNumber,
  dayOfWeek,
  fixedHolidays,
  fromDayNumber,
  holidayDatesFor,
  isFixedHoliday,
  isIsoDate,
  isOpen,
  isWorkingDay,
  localDate,
  missingNextYear,
  parseIsoDate,
  provisionalYear,
  shiftDate,
  windowEndInstant,
  windowStartInstant,
  workingDaysBetween,
} from './calendar.ts';

const NONE: ReadonlySet<string> = new Set();

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2024-12-31', { year: 2024, month: 12, day: 31 }],
  ])('accepts %s', (s, parts) => expect(parseIsoDate(s)).toEqual(parts));

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024-01-01T00:00', '', '20240101'])(
    'refuses %s',
    (s) => expect(isIsoDate(s)).toBe(false),
  );
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2024-02-29', 4],
    ['2024-09-21', 6],
    ['2024-09-22', 0],
    ['2025-01-01', 3],
    ['2026-03-21', 6],
  ])('%s is day %i', (d, dow) => expect(dayOfWeek(d)).toBe(dow));
});

describe('localDate (WITA, UTC+8)', () => {
  it.each([
    ['2024-09-10T15:59:59.999Z', '2024-09-10'], // 23:59:59.999 WITA
    ['2024-09-10T16:00:00.000Z', '2024-09-11'], // midnight WITA
    ['2024-09-10T00:00:00.000Z', '2024-09-10'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'], // New Year arrives in Palu 8 h before London
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2024-09-10T23:59:00+07:00', '2024-09-11'], // the 2024 registration close, 23:59 WIB, is 00:59 WITA next day
  ])('%s is %s in Palu', (iso, date) => expect(localDate(new Date(iso))).toBe(date));

  it('refuses an invalid Date', () => expect(() => localDate(new Date('nope'))).toThrow(RangeError));
});

describe('addDays, calendar mode', () => {
  it.each([
    ['2024-09-18', 3, '2024-09-20'], // CPNS 2024 masa sanggah 18–20 Sep (RULES.md §1.1)
    ['2024-09-18', 1, '2024-09-18'],
    ['2024-09-21', 3, '2024-09-23'], // weekends count
    ['2024-12-30', 3, '2025-01-01'], // crosses the year
    ['2024-02-28', 2, '2024-02-29'], // leap year
    ['2023-02-28', 2, '2023-03-01'], // non-leap year
    ['2024-04-09', 3, '2024-04-11'], // holidays count
  ])('%s + %i days ends %s', (start, n, end) => expect(addDays(start, n, 'calendar', PALU_HOLIDAY_DATES)).toBe(end));
});

describe('addDays, working mode', () => {
  it.each([
    ['2024-09-16', 5, NONE, '2024-09-20'], // Mon..Fri
    ['2024-09-20', 3, NONE, '2024-09-24'], // Fri, Mon, Tue
    ['2024-09-21', 1, NONE, '2024-09-23'], // opens Saturday → starts Monday
    ['2024-09-22', 3, NONE, '2024-09-25'], // opens Sunday → Mon, Tue, Wed
    ['2024-02-28', 3, NONE, '2024-03-01'], // Wed, Thu 29 Feb, Fri
    ['2024-04-05', 2, PALU_HOLIDAY_DATES, '2024-04-16'], // Lebaran 2024: 8–12 and 15 Apr off
    ['2024-12-24', 3, PALU_HOLIDAY_DATES, '2024-12-30'], // Natal 25 + cuti bersama 26
    ['2025-12-30', 3, PALU_HOLIDAY_DATES, '2026-01-02'], // crosses the year, 1 Jan off
    ['2025-03-27', 3, PALU_HOLIDAY_DATES, '2025-04-09'], // Nyepi + Lebaran 2025
    ['2026-03-18', 1, PALU_HOLIDAY_DATES, '2026-03-25'], // opens on cuti bersama Nyepi, Lebaran 2026 follows
    ['2025-08-15', 2, PALU_HOLIDAY_DATES, '2025-08-19'], // 18 Aug 2025 cuti bersama HUT RI 80
  ])('%s + %i working days ends %s', (start, n, holidays, end) =>
    expect(addDays(start, n, 'working', holidays)).toBe(end),
  );

  it('ignores holidays when they fall outside the window', () => {
    expect(addDays('2024-09-16', 5, 'working', new Set(['2024-09-23']))).toBe('2024-09-20');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses n = %s', (n) => {
    expect(() => addDays('2024-09-16', n, 'working', NONE)).toThrow(RangeError);
  });

  it('refuses a malformed start date', () =>
    expect(() => addDays('2024-02-30', 1, 'calendar', NONE)).toThrow(RangeError));

  it('ends on a working day after exactly n working days (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2026-12-31') }),
        fc.integer({ min: 1, max: 40 }),
        (d, n) => {
          const start = fromDayNumber(d);
          const end = addDays(start, n, 'working', PALU_HOLIDAY_DATES);
          expect(isWorkingDay(end, PALU_HOLIDAY_DATES)).toBe(true);
          expect(workingDaysBetween(start, end, PALU_HOLIDAY_DATES)).toBe(n);
          expect(addDays(start, n, 'calendar', PALU_HOLIDAY_DATES)).toBe(shiftDate(start, n - 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('window instants', () => {
  it('a day opens at 00:00 WITA and closes at 23:59:59.999 WITA', () => {
    expect(windowStartInstant('2024-09-18').toISOString()).toBe('2024-09-17T16:00:00.000Z');
    expect(windowEndInstant('2024-09-20').toISOString()).toBe('2024-09-20T15:59:59.999Z');
    expect(windowEndInstant('2024-12-31').toISOString()).toBe('2024-12-31T15:59:59.999Z');
  });

  it('the end instant is the last millisecond of that Palu day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2099-12-31') }), (d) => {
        const day = fromDayNumber(d);
        const end = windowEndInstant(day);
        expect(localDate(end)).toBe(day);
        expect(localDate(new Date(end.getTime() + 1))).toBe(fromDayNumber(d + 1));
        expect(localDate(windowStartInstant(day))).toBe(day);
      }),
      { numRuns: 200 },
    );
  });

  const window = { start: windowStartInstant('2024-09-18'), end: windowEndInstant('2024-09-20') };
  it.each([
    ['2024-09-17T15:59:59.999Z', false],
    ['2024-09-17T16:00:00.000Z', true],
    ['2024-09-19T04:00:00.000Z', true],
    ['2024-09-20T15:59:59.999Z', true],
    ['2024-09-20T16:00:00.000Z', false],
  ])('isOpen at %s is %s', (iso, open) => expect(isOpen(new Date(iso), window)).toBe(open));
});

describe('PALU_HOLIDAYS', () => {
  it('holds valid, unique, ascending dates', () => {
    const dates = PALU_HOLIDAYS.map((h) => h.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it.each([
    // SKB totals: 2024 17 + 10 (plus Pemilu and Pilkada days by Keppres); 2025 17 + 10 + 18 Aug; 2026 17 + 8.
    [2024, 19, 10],
    [2025, 17, 11],
    [2026, 17, 8],
  ])('%i has %i national holidays and %i cuti bersama', (year, ln, cb) => {
    const ofYear = PALU_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
    expect(ofYear.filter((h) => h.kind === 'libur_nasional')).toHaveLength(ln);
    expect(ofYear.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(cb);
  });

  it('cuti bersama fall on weekdays', () => {
    for (const h of PALU_HOLIDAYS.filter((x) => x.kind === 'cuti_bersama')) {
      expect([0, 6], h.date).not.toContain(dayOfWeek(h.date));
    }
  });
});

describe('fixed-date national holidays', () => {
  it('are 1 Jan, 1 May, 1 Jun, 17 Aug and 25 Dec in any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2200 }), (year) => {
        const days = fixedHolidays(year).map((h) => h.date);
        expect(days).toEqual([`${year}-01-01`, `${year}-05-01`, `${year}-06-01`, `${year}-08-17`, `${year}-12-25`]);
        expect(days.every(isFixedHoliday)).toBe(true);
      }),
    );
    expect(fixedHolidays(2031)[0]).toEqual({
      date: '2031-01-01',
      kind: 'libur_nasional',
      name: 'Tahun Baru 2031 Masehi',
    });
  });

  it('match what the SKB lists said for 2024–2026', () => {
    for (const year of [2024, 2025, 2026])
      for (const f of fixedHolidays(year)) expect(PALU_HOLIDAY_DATES.has(f.date), f.date).toBe(true);
  });

  it.each(['2027-01-02', '2027-12-24', '2027-08-18', 'not-a-date', '2027-02-30'])('%s is not a fixed holiday', (d) =>
    expect(isFixedHoliday(d)).toBe(false),
  );

  it('keep a deadline across New Year off 1 January of a year nobody loaded', () => {
    // Filed Tue 29 Dec 2026: 3 working days from Wed 30 Dec skip Fri 1 Jan 2027 (and the weekend).
    const days = holidayDatesFor(2026, 2027, PALU_HOLIDAY_DATES);
    expect(addDays('2026-12-30', 3, 'working', days)).toBe('2027-01-04');
    expect(addDays('2026-12-30', 3, 'working', PALU_HOLIDAY_DATES)).toBe('2027-01-01'); // the old table alone
  });

  it('union with the listed days', () => {
    const days = holidayDatesFor(2027, 2027, ['2027-03-10']);
    expect([...days].sort()).toEqual([
      '2027-01-01',
      '2027-03-10',
      '2027-05-01',
      '2027-06-01',
      '2027-08-17',
      '2027-12-25',
    ]);
  });
});

describe('loaded years', () => {
  const loaded = new Set([2024, 2025, 2026]);
  it.each([
    ['2026-12-31', null],
    ['2027-01-04', 2027],
    ['2023-12-29', 2023],
  ])('a deadline on %s is provisional for %s', (d, year) => expect(provisionalYear(d, loaded)).toBe(year));

  it.each([
    ['2026-09-30', loaded, null], // before 1 October: no reminder yet
    ['2026-10-01', loaded, 2027],
    ['2026-12-31', loaded, 2027],
    ['2026-10-01', new Set([2026, 2027]), null],
    ['2027-01-02', loaded, null], // January: next year is far off (this year's own list shows as provisional)
  ])('on %s next year missing is %s', (today, years, missing) => expect(missingNextYear(today, years)).toBe(missing));
});
