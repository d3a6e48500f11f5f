/** Index-driven training needs and the expected gain of a planned training (issue 26 §3), on the 2019 instrument. */
import { describe, expect, it } from 'vitest';
import { expectedGain, indexNeeds, type MeasuredPerson } from './index-needs.ts';
import { type CompetencyRecord, computeIpAsn, IP_ASN_2019 as I, type IpAsnInput, type JabatanType } from './ip-asn.ts';

const base: IpAsnInput = {
  asOf: '2025-12-31',
  jabatan: 'pelaksana',
  education: ['s1'],
  competencies: [],
  predikat: { year: 2025, predikat: 'baik' },
  punishments: [],
};
const teknis = (jp: number, date = '2025-06-10'): CompetencyRecord => ({ kind: 'teknis', date, jp });
const seminar = (date = '2025-03-01'): CompetencyRecord => ({ kind: 'seminar', date });
const pka: CompetencyRecord = { kind: 'kepemimpinan', date: '2019-10-01', leadershipLevel: 'pka' };
const person = (over: Partial<IpAsnInput> = {}): MeasuredPerson => {
  const input = { ...base, ...over };
  return { input, result: computeIpAsn(I, input) };
};
const of = (jabatan: JabatanType, competencies: CompetencyRecord[] = []) => person({ jabatan, competencies });

describe('index-driven needs', () => {
  it('groups the training gaps of whatWouldRaise per gap and points, most people first', () => {
    const needs = indexNeeds(I, [
      of('pelaksana', [seminar()]), // teknis 22.5
      of('pelaksana', [teknis(12), seminar()]), // teknis 22.5 (8 JP to go)
      of('administrator', [pka, seminar()]), // teknis 15
      of('pengawas', [teknis(24), seminar()]), // PKP 15
      of('fungsional', [teknis(20)]), // fungsional 15, seminar 10
      of('pelaksana', [teknis(30), seminar()]), // nothing
    ]);
    expect(needs.map((n) => [n.action, n.level, n.people, n.gainEach, n.provisional])).toEqual([
      ['teknis', null, 2, 22.5, true],
      ['teknis', null, 1, 15, false],
      ['kepemimpinan', 'pkp', 1, 15, false],
      ['fungsional', null, 1, 15, false],
      ['seminar', null, 1, 10, true],
    ]);
    expect(needs[0]!.text.id).toBe(
      '2 pegawai belum diklat teknis ≥ 20 JP dalam 12 bulan terakhir — +22.5 poin Kompetensi masing-masing',
    );
    expect(needs[2]!.text.id).toBe(
      '1 pejabat belum Pelatihan Kepemimpinan Pengawas (PKP) sesuai jabatannya — +15 poin Kompetensi masing-masing',
    );
  });

  it('has no training need for a missing jabatan type (a record to complete) or an education or SKP gap', () => {
    expect(indexNeeds(I, [person({ jabatan: null }), of('pelaksana', [teknis(20), seminar()])])).toEqual([]);
  });
});

describe('expected gain of a planned training', () => {
  const unit = [
    of('pelaksana', [seminar()]), // 0 JP: a 24 JP course closes it (+22.5)
    of('pelaksana', [teknis(12), seminar()]), // 12 JP: an 8 JP course completes the 20 (+22.5)
    of('administrator', [seminar()]), // no PKA, no teknis
    of('pengawas', [teknis(24), seminar()]), // needs PKP
    of('pelaksana', [teknis(30), seminar()]), // nothing to gain
  ];
  const cases: {
    name: string;
    record: Omit<CompetencyRecord, 'date'> | null;
    seats?: number;
    covered: number;
    points: number;
    averageChange: number;
    provisional: boolean;
  }[] = [
    {
      name: 'a diklat teknis of 24 JP covers everyone short of 20 JP',
      record: { kind: 'teknis', jp: 24 },
      covered: 3,
      points: 60, // 22.5 + 22.5 + 15
      averageChange: 12, // 60 / 5 measured
      provisional: true, // the pelaksana's 22.5 is a secondary source
    },
    {
      name: 'an 8 JP course counts only where it completes 20 JP',
      record: { kind: 'teknis', jp: 8 },
      covered: 1,
      points: 22.5,
      averageChange: 4.5,
      provisional: true,
    },
    {
      name: 'a PKA counts only for the Administrator (not the Pengawas, whose post needs PKP)',
      record: { kind: 'kepemimpinan', leadershipLevel: 'pka' },
      covered: 2, // the Administrator; a higher course also counts for the Pengawas
      points: 30,
      averageChange: 6,
      provisional: false,
    },
    {
      name: 'seats cap the people covered, largest gains first',
      record: { kind: 'teknis', jp: 24 },
      seats: 2,
      covered: 2,
      points: 45,
      averageChange: 9,
      provisional: true,
    },
    {
      name: 'a seminar gains nothing for people who already had one',
      record: { kind: 'seminar' },
      covered: 0,
      points: 0,
      averageChange: 0,
      provisional: false,
    },
    {
      name: 'induction (Latsar) is not competency development',
      record: null,
      covered: 0,
      points: 0,
      averageChange: 0,
      provisional: false,
    },
  ];
  it.each(cases)('$name', ({ record, seats, covered, points, averageChange, provisional }) => {
    expect(expectedGain(I, unit, record, seats ?? null)).toEqual({
      covered,
      points,
      measured: 5,
      averageChange,
      provisional,
    });
  });

  it('averages over the people with a complete index only, and has no average without any', () => {
    const incomplete = person({ education: [], competencies: [] }); // no education: incomplete, still gains
    const g = expectedGain(I, [incomplete, of('pelaksana', [seminar()])], { kind: 'teknis', jp: 20 });
    expect(g).toMatchObject({ covered: 2, points: 45, measured: 1, averageChange: 22.5 });
    expect(expectedGain(I, [incomplete], { kind: 'teknis', jp: 20 }).averageChange).toBeNull();
  });
});
