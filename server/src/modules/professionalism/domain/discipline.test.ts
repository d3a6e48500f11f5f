/** PROFESSIONALISM.md §4.3 (every row) and §4.7 (every worked example). */
import { describe, expect, it } from 'vitest';
import { IP_ASN_2019, computeIpAsn } from './ip-asn.ts';
import { isActive, objectionRoute, PUNISHMENTS, suggestedForAbsence, termEnd } from './discipline.ts';

describe('absence thresholds (§4.3)', () => {
  it.each([
    [2, 2, null],
    [3, 1, 'teguran_lisan'],
    [4, 2, 'teguran_tertulis'],
    [6, 2, 'teguran_tertulis'],
    [7, 2, 'pernyataan_tidak_puas'],
    [10, 3, 'pernyataan_tidak_puas'],
    [11, 3, 'tukin_25_6'],
    [13, 3, 'tukin_25_6'],
    [14, 3, 'tukin_25_9'],
    [16, 3, 'tukin_25_9'],
    [17, 3, 'tukin_25_12'],
    [20, 3, 'tukin_25_12'],
    [21, 3, 'penurunan_jabatan'],
    [24, 3, 'penurunan_jabatan'],
    [25, 3, 'pembebasan_jabatan'],
    [27, 3, 'pembebasan_jabatan'],
    [28, 3, 'pdhtaps'],
    [10, 10, 'pdhtaps'],
  ] as const)('%i days (at most %i in a row) → %s', (days, run, kind) => {
    expect(suggestedForAbsence(days, run)).toBe(kind);
  });
});

describe('worked examples (§4.7)', () => {
  const measure = (p: {
    level: 'ringan' | 'sedang' | 'berat';
    skDate: string;
    start: string;
    end: string | null;
    cancelled: boolean;
  }) =>
    computeIpAsn(IP_ASN_2019, {
      asOf: '2025-12-31',
      jabatan: 'pelaksana',
      education: ['s1'],
      competencies: [],
      predikat: { year: 2025, predikat: 'baik' },
      punishments: [p],
    }).dimensions.disiplin.points;

  it('1: 3 days → teguran lisan, ringan, counted in the year at the ringan points', () => {
    const kind = suggestedForAbsence(3, 1)!;
    expect(PUNISHMENTS[kind].level).toBe('ringan');
    expect(measure({ level: 'ringan', skDate: '2025-04-01', start: '2025-04-01', end: null, cancelled: false })).toBe(
      3,
    );
  });

  it('2: 12 days → tukin −25% for 6 months (sedang), running to the day before six months on', () => {
    const kind = suggestedForAbsence(12, 2)!;
    expect([kind, PUNISHMENTS[kind].level, termEnd(kind, '2025-03-01')]).toEqual([
      'tukin_25_6',
      'sedang',
      '2025-08-31',
    ]);
    expect(isActive({ start: '2025-03-01', end: '2025-08-31', cancelled: false }, '2025-08-31')).toBe(true);
    expect(isActive({ start: '2025-03-01', end: '2025-08-31', cancelled: false }, '2025-09-01')).toBe(false);
  });

  it('3: 10 consecutive days → PDHTAPS, objected to by banding at BPASN', () => {
    expect(suggestedForAbsence(10, 10)).toBe('pdhtaps');
    expect(objectionRoute('pdhtaps')).toBe('banding');
    expect(objectionRoute('tukin_25_6')).toBe('keberatan');
    expect(termEnd('pdhtaps', '2025-01-01')).toBeNull();
  });

  it('4: 27 days → pembebasan jabatan for 12 months (berat); 28 → PDHTAPS', () => {
    expect(suggestedForAbsence(27, 3)).toBe('pembebasan_jabatan');
    expect(termEnd('pembebasan_jabatan', '2025-02-15')).toBe('2026-02-14');
    expect(suggestedForAbsence(28, 3)).toBe('pdhtaps');
  });

  it('5: a cancelled SK is not counted and not running', () => {
    const p = {
      level: 'berat' as const,
      skDate: '2025-02-01',
      start: '2025-02-01',
      end: '2026-01-31',
      cancelled: true,
    };
    expect(measure(p)).toBe(5);
    expect(isActive(p, '2025-06-01')).toBe(false);
  });
});
