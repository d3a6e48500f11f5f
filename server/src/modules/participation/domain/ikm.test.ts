import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BANDS,
  DEFAULT_UNSUR,
  type Band,
  bandOf,
  bandProblems,
  computeIkm,
  isSurveyPeriod,
  krejcieMorganSample,
  surveyPeriodOf,
  unsurProblems,
} from './ikm.ts';

const all = (score: number, n = 9) => Array.from({ length: n }, () => score);

describe('computeIkm (PermenPANRB 14/2017: NRR per unsur, weighted, ×25, band)', () => {
  const cases: {
    name: string;
    responses: number[][];
    ikm: number | null;
    converted: number | null;
    grade: string | null;
  }[] = [
    { name: 'no questionnaire gives no index', responses: [], ikm: null, converted: null, grade: null },
    { name: 'all 4 → 100.00, A', responses: [all(4), all(4)], ikm: 4, converted: 10000, grade: 'A' },
    { name: 'all 1 → 25.00, D', responses: [all(1)], ikm: 1, converted: 2500, grade: 'D' },
    { name: 'all 3 → 75.00, C', responses: [all(3), all(3), all(3)], ikm: 3, converted: 7500, grade: 'C' },
    { name: 'half 3, half 4 → 3.5 → 87.50, B', responses: [all(3), all(4)], ikm: 3.5, converted: 8750, grade: 'B' },
    { name: 'all 2 → 50.00, D (below 65)', responses: [all(2)], ikm: 2, converted: 5000, grade: 'D' },
    // 3 of 4 respondents give 4 on every unsur, one gives 2: NRR 3.5 each → 87.50, B.
    { name: 'mixed respondents', responses: [all(4), all(4), all(4), all(2)], ikm: 3.5, converted: 8750, grade: 'B' },
    // One unsur lower: (8×4 + 1×1)/9 = 3.6667 → 91.67, A.
    {
      name: 'one weak unsur at equal weights',
      responses: [[4, 4, 4, 4, 4, 4, 4, 4, 1]],
      ikm: 3.6667,
      converted: 9167,
      grade: 'A',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = computeIkm(c.responses, DEFAULT_UNSUR);
      expect(r.respondents).toBe(c.responses.length);
      expect(r.ikm).toBe(c.ikm);
      expect(r.convertedHundredths).toBe(c.converted);
      expect(r.band?.grade ?? null).toBe(c.grade);
    });
  }

  it('gives NRR and weighted NRR per unsur', () => {
    const r = computeIkm(
      [
        [4, 3],
        [2, 3],
      ],
      [
        { code: 'A', label: 'a', weight: 0.75 },
        { code: 'B', label: 'b', weight: 0.25 },
      ],
    );
    expect(r.unsur).toEqual([
      { code: 'A', label: 'a', weight: 0.75, nrr: 3, weighted: 2.25 },
      { code: 'B', label: 'b', weight: 0.25, nrr: 3, weighted: 0.75 },
    ]);
    expect(r.ikm).toBe(3);
  });

  it('uses the unit weights: a heavily weighted weak unsur pulls the index down', () => {
    const unsur = [
      { code: 'A', label: 'a', weight: 0.9 },
      { code: 'B', label: 'b', weight: 0.1 },
    ];
    expect(computeIkm([[1, 4]], unsur).convertedHundredths).toBe(3250); // (0.9 + 0.4) × 25
  });

  it('refuses a score outside 1–4 and a questionnaire of the wrong length', () => {
    expect(() => computeIkm([all(5)], DEFAULT_UNSUR)).toThrow(RangeError);
    expect(() => computeIkm([all(0)], DEFAULT_UNSUR)).toThrow(RangeError);
    expect(() => computeIkm([all(4, 8)], DEFAULT_UNSUR)).toThrow(RangeError);
  });
});

describe('bands (RULES.md §5.2, configurable)', () => {
  const cases: [number, string | null][] = [
    [2499, null],
    [2500, 'D'],
    [6499, 'D'],
    [6500, 'C'],
    [7660, 'C'],
    [7661, 'B'],
    [8830, 'B'],
    [8831, 'A'],
    [10000, 'A'],
  ];
  for (const [value, grade] of cases)
    it(`${value / 100} → ${grade}`, () => expect(bandOf(value)?.grade ?? null).toBe(grade));

  it('takes another band table (C up to 76.66 as the source OCR reads)', () => {
    const alt: Band[] = DEFAULT_BANDS.map((b) => (b.grade === 'B' ? { ...b, minHundredths: 7667 } : b));
    expect(bandOf(7663, alt)?.grade).toBe('C');
    expect(bandOf(7663)?.grade).toBe('B');
  });

  it('checks a band table', () => {
    expect(bandProblems(DEFAULT_BANDS)).toEqual([]);
    expect(
      bandProblems([
        { grade: 'A', minHundredths: 8000, label: '' },
        { grade: 'B', minHundredths: 8000, label: '' },
        { grade: 'D', minHundredths: 2500, label: '' },
      ]),
    ).toContain('Batas bawah mutu harus berbeda.');
    expect(
      bandProblems([
        { grade: 'A', minHundredths: 8000, label: '' },
        { grade: 'D', minHundredths: 3000, label: '' },
      ]),
    ).toContain('Mutu terendah harus mulai dari 25,00.');
  });
});

describe('unsur lists', () => {
  it('accepts the nine equal unsur and weights summing to 1', () => {
    expect(unsurProblems(DEFAULT_UNSUR)).toEqual([]);
    expect(
      unsurProblems([
        { code: 'A', label: 'a', weight: 0.6 },
        { code: 'B', label: 'b', weight: 0.4 },
      ]),
    ).toEqual([]);
  });
  it('refuses weights not summing to 1, mixed weights and duplicate codes', () => {
    expect(
      unsurProblems([
        { code: 'A', label: 'a', weight: 0.6 },
        { code: 'B', label: 'b', weight: 0.3 },
      ]),
    ).toEqual(['Jumlah bobot semua unsur harus 1.']);
    expect(
      unsurProblems([
        { code: 'A', label: 'a', weight: 1 },
        { code: 'B', label: 'b', weight: null },
      ])[0],
    ).toMatch(/kosongkan/);
    expect(
      unsurProblems([
        { code: 'A', label: 'a', weight: null },
        { code: 'A', label: 'b', weight: null },
      ]),
    ).toEqual(['Kode unsur harus unik.']);
  });
});

describe('krejcieMorganSample (their published table)', () => {
  const table: [number, number][] = [
    [0, 0],
    [1, 1],
    [10, 10],
    [15, 14],
    [20, 19],
    [50, 44],
    [100, 80],
    [200, 132],
    [500, 217],
    [1000, 278],
    [2000, 322],
    [5000, 357],
    [10000, 370],
    [100000, 383],
    [1000000, 384],
  ];
  for (const [n, s] of table) it(`N = ${n} → ${s}`, () => expect(krejcieMorganSample(n)).toBe(s));
  it('refuses a negative or fractional population', () => {
    expect(() => krejcieMorganSample(-1)).toThrow(RangeError);
    expect(() => krejcieMorganSample(2.5)).toThrow(RangeError);
  });
});

describe('survey periods', () => {
  const cases: [string, 'triwulan' | 'semester' | 'tahunan', string][] = [
    ['2026-01-01', 'triwulan', '2026-T1'],
    ['2026-03-31', 'triwulan', '2026-T1'],
    ['2026-04-01', 'triwulan', '2026-T2'],
    ['2026-12-31', 'triwulan', '2026-T4'],
    ['2026-06-30', 'semester', '2026-S1'],
    ['2026-07-01', 'semester', '2026-S2'],
    ['2026-07-01', 'tahunan', '2026'],
  ];
  for (const [d, k, p] of cases)
    it(`${d} (${k}) → ${p}`, () => {
      expect(surveyPeriodOf(d, k)).toBe(p);
      expect(isSurveyPeriod(p, k)).toBe(true);
    });
  it('refuses a code of another kind', () => expect(isSurveyPeriod('2026-T5', 'triwulan')).toBe(false));
});
