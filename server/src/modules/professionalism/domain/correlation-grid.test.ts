import { describe, expect, it } from 'vitest';
import { formationKind, heatGrid, predikatScore, rankBins, suppress } from './correlation-grid.ts';

describe('correlation grid', () => {
  it('orders predikat from Sangat Kurang (1) to Sangat Baik (5)', () => {
    expect(predikatScore('sangat_kurang')).toBe(1);
    expect(predikatScore('butuh_perbaikan')).toBe(3);
    expect(predikatScore('sangat_baik')).toBe(5);
  });

  it('names the CASN formation type from the jabatan', () => {
    expect(formationKind('Guru Ahli Pertama - Matematika')).toBe('guru');
    expect(formationKind('Perawat Ahli Pertama')).toBe('kesehatan');
    expect(formationKind('Dokter Ahli Pertama')).toBe('kesehatan');
    expect(formationKind('Pranata Komputer Ahli Pertama')).toBe('teknis');
    expect(formationKind('Penata Laksana Barang Terampil')).toBe('teknis');
  });

  it('bins by rank into equal shares, equal values always together', () => {
    const { bin, upper } = rankBins([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 5);
    expect(bin).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(upper).toEqual([20, 40, 60, 80, 100]);
    const ties = rankBins([5, 5, 5, 5, 1, 9], 3);
    expect(new Set(ties.bin.slice(0, 4)).size).toBe(1);
    expect(ties.bin[4]).toBe(0);
    expect(ties.bin[5]).toBe(2);
  });

  it('shows 1–4 people as "<5", keeps 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, '<5', '<5', 5, 12]);
    const xs = [...Array(7).fill(0), 1, 1];
    const ys = [...Array(7).fill(1), 0, 1];
    expect(heatGrid(xs, ys, 2, 2)).toEqual([
      [0, '<5'],
      [7, '<5'],
    ]);
  });
});
