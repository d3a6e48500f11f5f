/** PROFESSIONALISM.md §2.3–§2.7: box placement under both documented readings, validity, movement, grid checks. */
import { describe, expect, it } from 'vitest';
import type { Predikat } from './ip-asn.ts';
import {
  addYears,
  type AssessmentResult,
  assessmentValidity,
  type BoxNumber,
  boxCounts,
  boxMeaning,
  boxOf,
  currentAssessment,
  DEFAULT_TALENT_GRID,
  DEFAULT_TALENT_RULES,
  type KinerjaLevel,
  kinerjaFromPredikat,
  kinerjaFromRating,
  monthsBetween,
  movement,
  placeInGrid,
  type PotensialLevel,
  TALENT_GRID_X_KINERJA as X,
  TALENT_GRID_Y_KINERJA as Y,
  type TalentGrid,
  validateTalentGrid,
} from './talent.ts';

const result = (potensial: PotensialLevel, date = '2025-03-10'): AssessmentResult => ({
  date,
  manajerial: 3,
  sosialKultural: 2,
  potensial,
});

describe('box placement (§2.4)', () => {
  // kinerja, potensial, box under Y = kinerja (default), box under X = kinerja (alternative)
  it.each<[KinerjaLevel, PotensialLevel, number, number]>([
    ['di_atas', 'rendah', 4, 6],
    ['di_atas', 'menengah', 7, 8],
    ['di_atas', 'tinggi', 9, 9],
    ['sesuai', 'rendah', 2, 3],
    ['sesuai', 'menengah', 5, 5],
    ['sesuai', 'tinggi', 8, 7],
    ['di_bawah', 'rendah', 1, 1],
    ['di_bawah', 'menengah', 3, 2],
    ['di_bawah', 'tinggi', 6, 4],
  ])('kinerja %s × potensial %s → box %i (Y = kinerja), %i (X = kinerja)', (k, p, y, x) => {
    expect(boxOf(Y, k, p)).toBe(y);
    expect(boxOf(X, k, p)).toBe(x);
  });

  it('the default is the documented Y = kinerja reading, marked provisional', () => {
    expect(DEFAULT_TALENT_GRID).toBe(Y);
    expect([Y.verified, X.verified]).toEqual([false, false]);
  });

  it('boxes 2↔3, 4↔6 and 7↔8 swap meaning between the readings; 1, 5, 9 stay (§2.4)', () => {
    const same = ([1, 2, 3, 4, 5, 6, 7, 8, 9] as BoxNumber[]).filter(
      (n) => boxMeaning(Y, n).id === boxMeaning(X, n).id,
    );
    expect(same).toEqual([1, 5, 9]);
    for (const [a, b] of [
      [2, 3],
      [4, 6],
      [7, 8],
    ] as [BoxNumber, BoxNumber][])
      expect(boxMeaning(Y, a)).toEqual(boxMeaning(X, b));
    expect(boxMeaning(X, 7).id).toBe('Kinerja Sesuai Ekspektasi, potensial Tinggi');
  });

  it('boxes 7–9 form the KRS, box 9 also the national KRS; actions follow the number (§2.5)', () => {
    for (const g of [Y, X]) {
      expect(
        Object.entries(g.boxes)
          .filter(([, b]) => b.krs)
          .map(([n]) => Number(n)),
      ).toEqual([7, 8, 9]);
      expect(g.boxes[9].nationalKrs).toBe(true);
      expect(g.boxes[9].actions).toContain('acceleration');
      expect(g.boxes[1].actions).toEqual(['per_rules']);
    }
  });
});

describe('kinerja from the predikat (§2.3 proposal)', () => {
  it.each<[Predikat, KinerjaLevel]>([
    ['sangat_baik', 'di_atas'],
    ['baik', 'sesuai'],
    ['butuh_perbaikan', 'di_bawah'],
    ['kurang', 'di_bawah'],
    ['sangat_kurang', 'di_bawah'],
  ])('%s → %s', (p, k) => expect(kinerjaFromPredikat(p)).toBe(k));

  it.each([
    ['above', 'di_atas'],
    ['meets', 'sesuai'],
    ['below', 'di_bawah'],
  ] as const)('rating hasil kerja %s → %s', (r, k) => expect(kinerjaFromRating(r)).toBe(k));
});

describe('worked examples (§2.7)', () => {
  const asOf = '2025-12-31';
  it.each<[string, Predikat, PotensialLevel, number, boolean]>([
    ['1: Sangat Baik, potensial tinggi → 9, instansi + national KRS', 'sangat_baik', 'tinggi', 9, true],
    ['2: Baik, potensial tinggi → 8, instansi KRS', 'baik', 'tinggi', 8, false],
    ['3: Butuh Perbaikan, potensial rendah → 1, outside KRS', 'butuh_perbaikan', 'rendah', 1, false],
  ])('%s', (_name, predikat, potensial, box, national) => {
    const r = placeInGrid(Y, { asOf, predikat, assessments: [result(potensial)] });
    expect(r.mapped && r.box).toBe(box);
    expect(Y.boxes[box as BoxNumber].krs).toBe(box >= 7);
    expect(Y.boxes[box as BoxNumber].nationalKrs).toBe(national);
  });

  const hukdis = {
    pendidikanTerakhir: 's1',
    pelatihanJp: 20,
    lastPunishment: { level: 'sedang', skDate: '2024-10-31' },
  };
  it.each<[string, number | null, string | number]>([
    ['4: hukdis sedang 14 months ago, 2-year rule adopted → excluded', 24, 'discipline'],
    ['4: hukdis sedang 14 months ago, no rule adopted → box 9', null, 9],
  ])('%s', (_name, months, expected) => {
    const r = placeInGrid(
      Y,
      {
        asOf,
        predikat: 'sangat_baik',
        assessments: [result('tinggi')],
        rekamJejak: hukdis as never,
      },
      { ...DEFAULT_TALENT_RULES, excludeDisciplineMonths: months },
    );
    expect(r.mapped ? r.box : r.reason).toBe(expected);
  });

  it('4: a hukdis ringan never excludes; a sedang older than the period does not either', () => {
    const rules = { ...DEFAULT_TALENT_RULES, excludeDisciplineMonths: 24 };
    const input = (level: string, skDate: string) => ({
      asOf,
      predikat: 'sangat_baik' as const,
      assessments: [result('tinggi')],
      rekamJejak: { pendidikanTerakhir: null, pelatihanJp: null, lastPunishment: { level, skDate } } as never,
    });
    expect(placeInGrid(Y, input('ringan', '2025-06-01'), rules).mapped).toBe(true);
    expect(placeInGrid(Y, input('berat', '2023-12-31'), rules).mapped).toBe(true);
    expect(placeInGrid(Y, input('berat', '2024-01-01'), rules).mapped).toBe(false);
  });

  it.each<[string, AssessmentResult[], string, string]>([
    ['5: no assessment → belum diases', [], 'no_assessment', 'Belum diases: belum ada hasil asesmen.'],
    [
      '5: result older than the validity → belum diases, with the expiry date',
      [result('tinggi', '2022-06-30')],
      'assessment_expired',
      'Belum diases: hasil asesmen terakhir sudah tidak berlaku sejak 2025-06-30.',
    ],
  ])('%s', (_name, assessments, reason, text) => {
    const r = placeInGrid(Y, { asOf, predikat: 'sangat_baik', assessments });
    expect(r.mapped ? null : [r.reason, r.message.id]).toEqual([reason, text]);
  });

  it('no final predikat → not mapped', () => {
    const r = placeInGrid(Y, { asOf, predikat: null, assessments: [result('tinggi')] });
    expect(r.mapped ? null : r.reason).toBe('no_predikat');
  });
});

describe('assessment validity (§2.7 example 5; 3 years provisional)', () => {
  it.each([
    ['2022-03-10', '2025-03-09', 'valid', '2025-03-10'],
    ['2022-03-10', '2025-03-10', 'expired', '2025-03-10'],
    ['2024-02-29', '2027-02-27', 'valid', '2027-02-28'],
    ['2024-02-29', '2027-02-28', 'expired', '2027-02-28'],
  ])('assessed %s, on %s → %s (expires %s)', (date, asOf, status, expiresOn) => {
    expect(assessmentValidity({ date }, asOf)).toEqual({ status, expiresOn });
  });

  it('a different validity is data', () => {
    expect(assessmentValidity({ date: '2023-01-01' }, '2025-06-01', { points: 2, verified: true, note: '' })).toEqual({
      status: 'expired',
      expiresOn: '2025-01-01',
    });
  });

  it('the newest valid result counts; a result dated after asOf does not', () => {
    const rs = [result('rendah', '2023-01-01'), result('tinggi', '2024-05-01'), result('menengah', '2026-01-10')];
    expect(currentAssessment(rs, '2025-12-31')?.potensial).toBe('tinggi');
    expect(addYears('2024-05-01', 3)).toBe('2027-05-01');
  });
});

describe('movement since last year', () => {
  it.each<[BoxNumber | null, BoxNumber, string]>([
    [null, 5, 'new'],
    [5, 8, 'up'],
    [8, 5, 'down'],
    [9, 9, 'same'],
  ])('%s → %s is %s', (a, b, m) => expect(movement(a, b)).toBe(m));

  it('counts per box include empty boxes', () => {
    expect(boxCounts([9, 9, 1])).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 2 });
  });

  it.each([
    ['2024-10-31', '2025-12-31', 14],
    ['2024-10-31', '2025-10-30', 11],
    ['2024-10-31', '2025-10-31', 12],
  ])('months from %s to %s = %i', (a, b, n) => expect(monthsBetween(a, b)).toBe(n));
});

describe('validateTalentGrid', () => {
  const copy = (): TalentGrid => structuredClone(Y) as TalentGrid;
  it.each([Y, X])('both documented grids are valid', (g) => expect(validateTalentGrid(g)).toEqual([]));

  it.each<[string, (g: TalentGrid) => void, string[], string]>([
    [
      'a number used twice (and so another missing)',
      (g) => (g.cells.di_atas.rendah = 9),
      ['cells.di_atas.rendah', 'cells'],
      'Kotak 9 dipakai lebih dari sekali.',
    ],
    [
      'a number outside 1–9',
      (g) => (g.cells.sesuai.menengah = 10),
      ['cells.sesuai.menengah', 'cells'],
      'Sel kinerja "Sesuai Ekspektasi" × potensial "Menengah" harus nomor kotak 1–9.',
    ],
    ['a box without actions', (g) => (g.boxes[3].actions = []), ['boxes.3.actions'], 'Kotak 3 harus punya'],
    ['an unknown action', (g) => (g.boxes[3].actions = ['fire' as never]), ['boxes.3.actions'], 'Kotak 3 harus punya'],
    [
      'a box without a name',
      (g) => (g.boxes[2].name = { id: ' ', en: '' }),
      ['boxes.2.name'],
      'Kotak 2 harus punya nama.',
    ],
    ['a box without a source', (g) => (g.boxes[5].source = ''), ['boxes.5.source'], 'Sumber kotak 5 wajib diisi.'],
    ['no version', (g) => (g.version = ''), ['version'], 'Nama versi wajib diisi.'],
    ['an unknown orientation', (g) => (g.orientation = 'z' as never), ['orientation'], 'Orientasi harus'],
  ])('refuses %s', (_name, edit, fields, text) => {
    const g = copy();
    edit(g);
    const problems = validateTalentGrid(g);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems[0]!.message.id).toContain(text);
  });

  it('names the missing boxes', () => {
    const g = copy();
    g.cells.di_atas.rendah = 9;
    expect(validateTalentGrid(g).at(-1)!.message.id).toBe('Setiap kotak 1–9 harus dipakai tepat sekali; belum ada: 4.');
  });

  it('refuses something that is not a grid at all', () => {
    expect(validateTalentGrid(null).length).toBeGreaterThan(9);
  });
});
