/** PROFESSIONALISM.md §1.8: every worked example, with the instrument's defaults for the unverified cells. */
import { describe, expect, it } from 'vitest';
import {
  aggregateIpAsn,
  bandOf,
  computeIpAsn,
  type CompetencyRecord,
  IP_ASN_2019 as I,
  type IpAsnInput,
  type IpAsnResult,
  whatWouldRaise,
} from './ip-asn.ts';

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
const ringan = { level: 'ringan' as const, skDate: '2025-05-02', start: '2025-05-02', end: null, cancelled: false };
const points = (r: IpAsnResult) => [
  r.dimensions.kualifikasi.points,
  r.dimensions.kompetensi.points,
  r.dimensions.kinerja.points,
  r.dimensions.disiplin.points,
];

describe('IP ASN per person (§1.8)', () => {
  it('1: a Kepala Bidang with S-2, PKA, 24 JP, a workshop, Sangat Baik, no hukdis → 95, Sangat Tinggi', () => {
    const r = computeIpAsn(I, {
      ...base,
      jabatan: 'administrator',
      education: ['s1', 's2'],
      competencies: [{ kind: 'kepemimpinan', date: '2019-10-01', leadershipLevel: 'pka' }, teknis(24), seminar()],
      predikat: { year: 2025, predikat: 'sangat_baik' },
    });
    expect(points(r)).toEqual([20, 40, 30, 5]);
    expect([r.total, r.band, r.complete]).toEqual([95, 'sangat_tinggi', true]);
  });

  it('2: a pelaksana with S-1, 20 JP, no seminar, Baik, a teguran tertulis → 65.5, Rendah', () => {
    const r = computeIpAsn(I, { ...base, competencies: [teknis(20)], punishments: [ringan] });
    expect(points(r)).toEqual([15, 22.5, 25, 3]);
    expect([r.total, r.band]).toEqual([65.5, 'rendah']);
    expect(r.dimensions.disiplin.lines[0]!.text.id).toBe('Hukuman disiplin tingkat ringan pada 2025: 3 dari 5 poin.');
  });

  it('3: a JF Ahli Pertama with D-III, no diklat fungsional, 12 JP, a seminar, Butuh Perbaikan → 40, Sangat Rendah', () => {
    const r = computeIpAsn(I, {
      ...base,
      jabatan: 'fungsional',
      education: ['d3'],
      competencies: [{ kind: 'fungsional', date: '2025-02-01', matchesJabatan: false }, teknis(12), seminar()],
      predikat: { year: 2025, predikat: 'butuh_perbaikan' },
    });
    expect(points(r)).toEqual([10, 10, 15, 5]);
    expect([r.total, r.band]).toEqual([40, 'sangat_rendah']);
    expect(r.dimensions.kompetensi.lines[1]!.text.id).toBe(
      'Belum ada diklat teknis ≥ 20 JP dalam 12 bulan terakhir (baru 12 JP): 0 dari 15 poin.',
    );
  });

  it('4: a pelaksana with S-3, 20 JP, Sangat Baik, a teguran lisan → 80.5 falls to Sedang (lower-bound rule)', () => {
    const r = computeIpAsn(I, {
      ...base,
      education: ['s3'],
      competencies: [teknis(20)],
      predikat: { year: 2025, predikat: 'sangat_baik' },
      punishments: [ringan],
    });
    expect([r.total, r.band]).toEqual([80.5, 'sedang']);
    expect(bandOf(I, 90.5)).toBe('tinggi');
  });

  it('5: a Kepala Seksi without PKP, 30 JP, a seminar, Baik → 70, Rendah (leadership 0: no course matching the post)', () => {
    const r = computeIpAsn(I, {
      ...base,
      jabatan: 'pengawas',
      // A lower course does not count; here there is none, and a PKP would.
      competencies: [teknis(18, '2025-02-01'), teknis(12, '2025-09-01'), seminar()],
    });
    expect(points(r)).toEqual([15, 25, 25, 5]);
    expect([r.total, r.band]).toEqual([70, 'rendah']);
    const withPkp = computeIpAsn(I, {
      ...base,
      jabatan: 'pengawas',
      competencies: [{ kind: 'kepemimpinan', date: '2024-01-01', leadershipLevel: 'pkp' }, teknis(30), seminar()],
    });
    expect(withPkp.dimensions.kompetensi.points).toBe(40);
    const lowerCourse = computeIpAsn(I, {
      ...base,
      jabatan: 'administrator',
      competencies: [{ kind: 'kepemimpinan', date: '2024-01-01', leadershipLevel: 'pkp' }],
    });
    expect(lowerCourse.dimensions.kompetensi.lines[0]!.points).toBe(0);
  });

  it('6: an instansi with dimension means 21.37 / 26.16 / 25.72 / 5 → 78.25, Sedang; Bima 2024 → 81.16, Tinggi', () => {
    const person = (k: number, c: number, p: number, d: number): IpAsnResult => {
      const r = computeIpAsn(I, base);
      r.dimensions.kualifikasi.points = k;
      r.dimensions.kompetensi.points = c;
      r.dimensions.kinerja.points = p;
      r.dimensions.disiplin.points = d;
      r.total = k + c + p + d;
      return r;
    };
    const a = aggregateIpAsn(I, [person(21.37, 26.16, 25.72, 5)]);
    expect([a.total, a.band]).toEqual([78.25, 'sedang']);
    const b = aggregateIpAsn(I, [person(21.37, 28.12, 26.67, 5)]);
    expect([a.n, b.total, b.band]).toEqual([1, 81.16, 'tinggi']);
  });
});

describe('IP ASN windows, gaps and missing data', () => {
  it('counts diklat teknis JP only inside the 12 months before the measurement date', () => {
    const r = computeIpAsn(I, { ...base, competencies: [teknis(15, '2024-12-31'), teknis(10, '2025-01-01')] });
    expect(r.dimensions.kompetensi.points).toBe(0);
    const midYear = computeIpAsn(I, {
      ...base,
      asOf: '2025-06-05',
      competencies: [teknis(15, '2024-07-01'), teknis(10)],
    });
    expect(midYear.dimensions.kompetensi.points).toBe(0); // 10 JP on 10 June 2025 is after the date
    const inWindow = computeIpAsn(I, {
      ...base,
      asOf: '2025-06-30',
      competencies: [teknis(15, '2024-07-01'), teknis(10, '2025-06-01')],
    });
    expect(inWindow.dimensions.kompetensi.points).toBe(22.5);
  });

  it('with JP that do not accumulate, one course must reach 20 JP', () => {
    const r = computeIpAsn({ ...I, teknisAccumulates: false }, { ...base, competencies: [teknis(12), teknis(12)] });
    expect(r.dimensions.kompetensi.points).toBe(0);
  });

  it('never turns missing data into a silent zero', () => {
    const r = computeIpAsn(I, { ...base, education: [], jabatan: null, predikat: null });
    expect(r.complete).toBe(false);
    expect(r.dimensions.kualifikasi.lines[0]!.text.id).toContain('data belum lengkap');
    expect(r.dimensions.kompetensi.complete).toBe(false);
    expect(r.dimensions.kinerja.lines[0]!.text.id).toBe('Belum ada predikat SKP tahunan — data belum lengkap.');
    const agg = aggregateIpAsn(I, [r, computeIpAsn(I, { ...base, competencies: [teknis(20)] })]);
    expect([agg.n, agg.of, agg.total]).toEqual([1, 2, 67.5]);
  });

  it('counts a punishment dated in the year or running into it, not one cancelled (§4.7 ex. 5)', () => {
    const sedang = {
      level: 'sedang' as const,
      skDate: '2024-10-01',
      start: '2024-10-01',
      end: '2025-03-31',
      cancelled: false,
    };
    expect(computeIpAsn(I, { ...base, punishments: [sedang] }).dimensions.disiplin.points).toBe(1);
    expect(
      computeIpAsn({ ...I, disiplinWindow: 'year' }, { ...base, punishments: [sedang] }).dimensions.disiplin.points,
    ).toBe(5);
    expect(computeIpAsn(I, { ...base, punishments: [{ ...sedang, cancelled: true }] }).dimensions.disiplin.points).toBe(
      5,
    );
    const berat = { ...sedang, level: 'berat' as const, skDate: '2025-08-01', start: '2025-08-01', end: '2026-07-31' };
    expect(computeIpAsn(I, { ...base, punishments: [ringan, berat] }).dimensions.disiplin.points).toBe(0);
  });

  it('marks a result provisional when its points rest on an unverified cell', () => {
    const r = computeIpAsn(I, { ...base, education: ['s2'] });
    expect(r.provisional).toBe(true); // kinerja per predikat and disiplin points are defaults
    const settled = {
      ...I,
      kinerja: { ...I.kinerja, baik: { ...I.kinerja.baik, verified: true } },
      disiplin: { ...I.disiplin, none: { ...I.disiplin.none, verified: true } },
      seminarWindowMonths: { ...I.seminarWindowMonths, verified: true },
    };
    expect(computeIpAsn(settled, { ...base, education: ['s2'] }).provisional).toBe(false);
  });
});

describe('what would raise the index', () => {
  it('names the diklat teknis JP still missing, the seminar and the SKP, largest gain first', () => {
    const input: IpAsnInput = { ...base, competencies: [teknis(12)] };
    const raises = whatWouldRaise(I, input, computeIpAsn(I, input));
    expect(raises.map((x) => [x.action, x.gain])).toEqual([
      ['teknis', 22.5],
      ['seminar', 17.5],
      ['education', 5],
      ['skp', 5],
    ]);
    expect(raises[0]!.text.id).toBe('Diklat teknis ≥ 20 JP (kurang 8 JP) menambah Kompetensi 22.5 poin.');
  });

  it('puts a missing record first', () => {
    const input: IpAsnInput = { ...base, education: [], predikat: null, jabatan: 'administrator' };
    const raises = whatWouldRaise(I, input, computeIpAsn(I, input));
    expect(raises[0]!.action).toBe('record');
    expect(raises.find((x) => x.action === 'kepemimpinan')!.text.id).toBe(
      'Pelatihan Kepemimpinan Administrator (PKA) menambah Kompetensi 15 poin.',
    );
  });
});
