import { describe, expect, it } from 'vitest';
import { EKINERJA_COLUMN_NAMES, importKey, validateImport } from './ekinerja-sheet.ts';
import { DEFAULT_MATRIX } from './predikat.ts';

const SITTI = '199104252015032001';
const HASAN = '197808122003121002';
const ctx = {
  employees: new Set([SITTI, HASAN]),
  existing: new Set([importKey(HASAN, 2025, 'annual')]),
  matrixOf: () => DEFAULT_MATRIX,
  currentYear: 2026,
};
const header = { line: 1, cells: [...EKINERJA_COLUMN_NAMES] };
const row = (line: number, over: Partial<Record<(typeof EKINERJA_COLUMN_NAMES)[number], string>> = {}) => {
  const base: Record<string, string> = {
    NIP: SITTI,
    Nama: 'Sitti',
    Tahun: '2025',
    'Periode Penilaian': 'Tahunan',
    'NIP Pejabat Penilai': HASAN,
    'Rating Hasil Kerja': 'Sesuai Ekspektasi',
    'Rating Perilaku Kerja': 'Di Atas Ekspektasi',
    'Predikat Kinerja': 'Baik',
    'Status Penilaian': 'Final',
    ...over,
  };
  return { line, cells: EKINERJA_COLUMN_NAMES.map((c) => base[c] ?? '') };
};

describe("importing last year's results from an e-Kinerja-like sheet", () => {
  it('reads a good row with its evaluator', () => {
    const r = validateImport([header, row(2)], ctx);
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([
      {
        line: 2,
        nip: SITTI,
        year: 2025,
        period: 'annual',
        evaluatorNip: HASAN,
        ratingResults: 'meets',
        ratingBehaviour: 'above',
        predikat: 'baik',
      },
    ]);
  });

  it.each<[string, Parameters<typeof row>[1], RegExp]>([
    ['an unknown NIP', { NIP: '199001012015031001' }, /tidak ada di data pegawai/],
    ['a short NIP', { NIP: '1234' }, /harus 18 angka/],
    ['this year', { Tahun: '2026' }, /hanya hasil tahun-tahun sebelumnya/],
    ['an unknown period', { 'Periode Penilaian': 'Semester I' }, /Periode "Semester I" tidak dikenal/],
    ['an unknown rating', { 'Rating Hasil Kerja': 'Bagus' }, /Rating hasil kerja "Bagus"/],
    [
      'a predikat against the matrix',
      { 'Predikat Kinerja': 'Sangat Baik' },
      /tidak sesuai matriks 2025 \(Sesuai Ekspektasi × Di Atas Ekspektasi = Baik\)/,
    ],
    ['one already in Merit', { NIP: HASAN }, /sudah memiliki evaluasi Tahunan 2025/],
  ])('refuses %s, and imports nothing', (_n, over, text) => {
    const r = validateImport([header, row(2), row(3, over)], ctx);
    expect(r.ok).toBe(false);
    expect(
      r.report
        .find((x) => x.line === 3)!
        .problems.map((p) => p.id)
        .join(' '),
    ).toMatch(text);
  });

  it('skips evaluations that are not final, refuses duplicates in the file, and names missing columns', () => {
    const r = validateImport([header, row(2), row(3, { 'Status Penilaian': 'Draf' }), row(4)], ctx);
    expect(r.report.map((x) => x.status)).toEqual(['import', 'skip', 'error']);
    expect(r.report[2]!.problems[0]!.id).toBe('Penilaian ini sudah ada di baris 2 berkas ini.');
    expect(validateImport([{ line: 1, cells: ['NIP', 'Nama'] }], ctx).report[0]!.problems[0]!.id).toMatch(
      /Kolom wajib tidak ditemukan di baris judul: Tahun, Periode Penilaian/,
    );
    expect(
      validateImport(
        [header, row(2, { 'Predikat Kinerja': 'Misconduct', 'Rating Perilaku Kerja': 'Di Bawah Ekspektasi' })],
        ctx,
      ).rows[0]!.predikat,
    ).toBe('kurang');
  });
});
