import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATRIX,
  defaultPeriod,
  shownPeriod,
  evaluationDueOn,
  periodEnd,
  type OrgPredikat,
  type Period,
  type Predikat,
  type Rating,
  countPredikats,
  distributionWarnings,
  matrixProblems,
  orderProblem,
  overallRating,
  predikatOf,
  requiredBefore,
} from './predikat.ts';

describe('predikat matrix (RULES.md §4.4)', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['above', 'above', 'sangat_baik'],
    ['above', 'meets', 'baik'],
    ['above', 'below', 'kurang'],
    ['meets', 'above', 'baik'],
    ['meets', 'meets', 'baik'],
    ['meets', 'below', 'kurang'],
    ['below', 'above', 'butuh_perbaikan'],
    ['below', 'meets', 'butuh_perbaikan'],
    ['below', 'below', 'sangat_kurang'],
  ])('hasil kerja %s × perilaku %s → %s', (h, p, expected) => {
    expect(predikatOf(DEFAULT_MATRIX, h, p)).toBe(expected);
  });

  it('follows a year whose matrix differs (the rule is data)', () => {
    const other = { ...DEFAULT_MATRIX, meets: { ...DEFAULT_MATRIX.meets, above: 'sangat_baik' as const } };
    expect(predikatOf(other, 'meets', 'above')).toBe('sangat_baik');
    expect(predikatOf(DEFAULT_MATRIX, 'meets', 'above')).toBe('baik');
  });

  it.each<[string, unknown, number]>([
    ['the default', DEFAULT_MATRIX, 0],
    ['nothing', null, 9],
    ['a missing row', { above: DEFAULT_MATRIX.above, meets: DEFAULT_MATRIX.meets }, 3],
    ['an unknown predikat', { ...DEFAULT_MATRIX, below: { ...DEFAULT_MATRIX.below, below: 'buruk' } }, 1],
  ])('checks a matrix: %s has %i problems', (_n, m, n) => {
    expect(matrixProblems(m)).toHaveLength(n);
  });
});

describe('overall hasil kerja rating (RULES.md §4.3)', () => {
  const r = (rating: Rating, isMain = true) => ({ rating, isMain });
  it.each<[string, { rating: Rating; isMain: boolean }[], Rating]>([
    ['nothing rated', [], 'meets'],
    ['all above', [r('above'), r('above')], 'above'],
    ['most above, a main one below', [r('above'), r('above'), r('below')], 'meets'],
    ['most above, an additional one below', [r('above'), r('above'), r('below', false)], 'above'],
    ['most below', [r('below'), r('below'), r('above')], 'below'],
    ['half below is not most', [r('below'), r('meets')], 'meets'],
    ['mixed', [r('above'), r('meets'), r('below')], 'meets'],
  ])('%s → %s', (_n, items, expected) => {
    expect(overallRating(items)).toBe(expected);
  });
});

describe('evaluation order: quarters in turn, the year after all four', () => {
  it.each<[Period, Period[], boolean]>([
    ['q1', [], true],
    ['q2', [], false],
    ['q2', ['q1'], true],
    ['q4', ['q1', 'q2'], false],
    ['q4', ['q1', 'q2', 'q3'], true],
    ['annual', ['q1', 'q2', 'q3'], false],
    ['annual', ['q1', 'q2', 'q3', 'q4'], true],
  ])('%s with %j final → allowed %s', (period, done, ok) => {
    expect(orderProblem(period, new Set(done)) === null).toBe(ok);
  });
  it('names what is missing', () => {
    expect(orderProblem('annual', new Set(['q1', 'q2']))!.id).toBe(
      'Evaluasi tahunan baru dapat dibuat setelah evaluasi Triwulan III, Triwulan IV difinalkan.',
    );
    expect(requiredBefore('q3')).toEqual(['q1', 'q2']);
  });
});

describe('distribution check (RULES.md §4.5): warnings, never refusals', () => {
  const of = (spec: Partial<Record<Predikat, number>>) =>
    countPredikats(Object.entries(spec).flatMap(([p, n]) => Array<Predikat>(n!).fill(p as Predikat)));
  it.each<[OrgPredikat, Partial<Record<Predikat, number>>, number, RegExp | null]>([
    ['baik', {}, 0, null],
    ['baik', { baik: 6, butuh_perbaikan: 2, sangat_baik: 2 }, 0, null],
    ['baik', { baik: 1 }, 2, /lebih dari|melebihi/],
    ['baik', { baik: 3 }, 2, /Butuh Perbaikan dan\/atau Kurang/],
    ['baik', { sangat_baik: 5, baik: 2, kurang: 1 }, 1, /sebagian besar pegawai semestinya Baik/],
    ['istimewa', { sangat_baik: 7, baik: 3 }, 0, null],
    ['istimewa', { sangat_baik: 8, baik: 2 }, 1, /Sangat Baik 80% melebihi batas 70%/],
    ['butuh_perbaikan', { butuh_perbaikan: 6, baik: 3, sangat_baik: 1 }, 0, null],
    ['butuh_perbaikan', { butuh_perbaikan: 5, baik: 3, sangat_baik: 2 }, 2, /kurang dari 60%/],
    ['kurang', { kurang: 6, butuh_perbaikan: 1, baik: 3 }, 0, null],
    ['kurang', { kurang: 7, baik: 3 }, 1, /Butuh Perbaikan 0%, kurang dari 10%/],
    ['sangat_kurang', { sangat_kurang: 6, kurang: 4 }, 0, null],
    [
      'sangat_kurang',
      { sangat_kurang: 6, kurang: 3, sangat_baik: 1 },
      1,
      /tidak memiliki pegawai berpredikat Sangat Baik/,
    ],
  ])('organisation %s with %j → %i warnings', (org, spec, n, text) => {
    const w = distributionWarnings(org, of(spec));
    expect(w, JSON.stringify(w)).toHaveLength(n);
    if (text) expect(w.map((x) => x.id).join(' | ')).toMatch(text);
  });
});

describe('when evaluations are due', () => {
  it.each<[Period, string]>([
    ['q1', '2026-04-07'], // 1 Apr Wed … 7 Apr Tue: five working days (no holiday in the set below)
    ['q3', '2026-10-07'],
    ['q4', '2027-01-08'], // 1 Jan is a holiday here
  ])('%s 2026 is due %s', (p, due) => {
    expect(evaluationDueOn(2026, p, new Set(['2027-01-01']))).toBe(due);
  });
  it.each<[string, Period]>([
    ['2026-02-10', 'q1'],
    ['2026-04-01', 'q1'],
    ['2026-12-04', 'q3'],
    ['2027-01-15', 'q4'],
  ])('on %s the dashboard opens on %s', (today, p) => {
    expect(defaultPeriod(2026, today)).toBe(p);
  });
  it.each<[string, { year: number; period: Period }[], number, { year: number; period: Period }]>([
    [
      'the newest quarter with finals, not the empty one that just ended',
      [
        { year: 2026, period: 'q1' },
        { year: 2026, period: 'q2' },
      ],
      2026,
      { year: 2026, period: 'q2' },
    ],
    [
      "a later year before an earlier year's annual",
      [
        { year: 2025, period: 'annual' },
        { year: 2026, period: 'q1' },
      ],
      2026,
      { year: 2026, period: 'q1' },
    ],
    [
      'the annual evaluation after Triwulan IV of its year',
      [
        { year: 2025, period: 'annual' },
        { year: 2025, period: 'q4' },
      ],
      2026,
      { year: 2025, period: 'annual' },
    ],
    ['the newest ended quarter when nothing is final', [], 2026, { year: 2026, period: 'q3' }],
  ])('shows %s', (_, finals, year, shown) => {
    expect(shownPeriod(finals, year, '2026-12-04')).toEqual(shown);
  });
  it("knows each period's last day", () => {
    expect(periodEnd(2026, 'q2')).toBe('2026-06-30');
  });
});
