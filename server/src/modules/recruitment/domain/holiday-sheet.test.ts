import { describe, expect, it } from 'vitest';
import { parseHolidayKind, parseHolidaySheet, parseSheetDate } from './holiday-sheet.ts';

const sheet = (rows: string[][], header = ['tanggal', 'jenis', 'keterangan']) =>
  [header, ...rows].map((cells, i) => ({ line: i + 1, cells }));

describe('the SKB holiday sheet', () => {
  it.each([
    ['2027-03-10', '2027-03-10'],
    ['10/03/2027', '2027-03-10'],
    ['1/3/2027', '2027-03-01'],
    ['31/02/2027', null],
    ['2027-13-01', null],
    ['besok', null],
  ])('reads the date %s as %s', (text, iso) => expect(parseSheetDate(text)).toBe(iso));

  it.each([
    ['libur_nasional', 'libur_nasional'],
    ['Cuti Bersama', 'cuti_bersama'],
    ['CB', 'cuti_bersama'],
    ['libur daerah', null],
  ])('reads the kind %s as %s', (text, kind) => expect(parseHolidayKind(text)).toBe(kind));

  it('takes a clean sheet whole, columns in any order', () => {
    const r = parseHolidaySheet(
      sheet(
        [
          ['Hari Raya Idul Fitri 1448 H', '10/03/2027', 'libur nasional'],
          ['Cuti bersama Idul Fitri', '2027-03-11', 'cuti_bersama'],
        ],
        ['keterangan', 'tanggal', 'jenis'],
      ),
      2027,
    );
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([
      { day: '2027-03-10', kind: 'libur_nasional', name: 'Hari Raya Idul Fitri 1448 H' },
      { day: '2027-03-11', kind: 'cuti_bersama', name: 'Cuti bersama Idul Fitri' },
    ]);
  });

  it('takes nothing when one row is wrong, and names every problem of every row', () => {
    const r = parseHolidaySheet(
      sheet([
        ['2027-03-10', 'libur_nasional', 'Idul Fitri'],
        ['2028-01-03', 'cuti_bersama', 'Tahun lain'],
        ['10/03/2027', 'libur daerah', 'Ganda'],
      ]),
      2027,
    );
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(r.report.map((x) => [x.line, x.status, x.problems.length])).toEqual([
      [2, 'ok', 0],
      [3, 'error', 1],
      [4, 'error', 2],
    ]);
    expect(r.report[1]!.problems[0]!.id).toMatch(/di luar tahun 2027/);
    expect(r.report[2]!.problems.map((p) => p.id).join(' ')).toMatch(
      /sudah ada di baris 2.*Jenis "libur daerah" tidak dikenal/,
    );
  });

  it('refuses a sheet without the columns or without rows', () => {
    expect(
      parseHolidaySheet(sheet([['2027-03-10', 'Idul Fitri']], ['tanggal', 'nama']), 2027).report[0]!.problems[0]!.id,
    ).toMatch(/Kolom jenis, keterangan tidak ada/);
    expect(parseHolidaySheet(sheet([]), 2027).report[0]!.problems[0]!.id).toMatch(/tidak memuat satu pun hari libur/);
  });
});
