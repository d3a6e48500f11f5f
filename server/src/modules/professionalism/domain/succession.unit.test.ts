/** Succession for critical posts (PROFESSIONALISM.md §2.5–§2.6): gap, ranking, readiness, BUP, vacancy risk. */
import { describe, expect, it } from 'vitest';
import type { JabatanType } from './ip-asn.ts';
import {
  bupAgeFor,
  type Candidate,
  competencyGap,
  type CriticalPost,
  DEFAULT_READINESS_RULE,
  type FungsionalJenjang,
  readinessOf,
  retirementDate,
  retirementDateFromNip,
  successionGroup,
  vacancyRisk,
  type VacancyInput,
} from './succession.ts';
import type { BoxNumber } from './talent.ts';

const post: CriticalPost = { id: 'kadis', standard: { manajerial: 4, sosialKultural: 3, teknis: 4 } };
const cand = (name: string, box: BoxNumber, m: number, s: number, t: number | null, kinerja = 'sesuai'): Candidate => ({
  pegawaiId: name.toLowerCase(),
  name,
  box,
  kinerja: kinerja as Candidate['kinerja'],
  levels: { manajerial: m, sosialKultural: s, teknis: t },
});

describe('competency gap = sum of shortfalls', () => {
  it.each<[string, Candidate['levels'], number, string[]]>([
    ['meets every level', { manajerial: 4, sosialKultural: 3, teknis: 4 }, 0, []],
    ['a surplus does not offset a shortfall', { manajerial: 5, sosialKultural: 2, teknis: 4 }, 1, []],
    ['shortfalls add up', { manajerial: 3, sosialKultural: 2, teknis: 2 }, 4, []],
    [
      'an unmeasured area is a full shortfall, named',
      { manajerial: 4, sosialKultural: 3, teknis: null },
      4,
      ['teknis'],
    ],
  ])('%s → %i', (_n, levels, total, unmeasured) => {
    const g = competencyGap(post.standard, levels);
    expect([g.total, g.unmeasured]).toEqual([total, unmeasured]);
  });
});

describe('readiness (provisional rule)', () => {
  it.each<[number, BoxNumber, string]>([
    [0, 9, 'siap_sekarang'],
    [0, 7, 'siap_sekarang'],
    [0, 6, 'satu_dua_tahun'],
    [1, 9, 'satu_dua_tahun'],
    [2, 8, 'satu_dua_tahun'],
    [3, 9, 'lebih_dua_tahun'],
    [5, 7, 'lebih_dua_tahun'],
  ])('gap %i, box %i → %s', (gap, box, r) => expect(readinessOf(gap, box)).toBe(r));

  it('the thresholds are data', () => {
    expect(readinessOf(1, 9, { ...DEFAULT_READINESS_RULE, nowMaxGap: 1 })).toBe('siap_sekarang');
    expect(DEFAULT_READINESS_RULE.verified).toBe(false);
  });
});

describe('succession group', () => {
  const pool = [
    cand('Dewi', 8, 4, 3, 4),
    cand('Andi', 9, 3, 3, 4, 'di_atas'),
    cand('Budi', 9, 4, 3, 4, 'di_atas'),
    cand('Citra', 6, 4, 3, 4),
    cand('Eka', 9, 3, 3, 4, 'sesuai'),
    cand('Fajar', 7, 2, 2, null),
  ];
  it('boxes 7–9 only, ranked by gap, then box, then kinerja, then name', () => {
    const g = successionGroup(post, pool);
    expect(g.map((c) => [c.rank, c.name, c.gap.total, c.readiness])).toEqual([
      [1, 'Budi', 0, 'siap_sekarang'],
      [2, 'Dewi', 0, 'siap_sekarang'],
      [3, 'Andi', 1, 'satu_dua_tahun'],
      [4, 'Eka', 1, 'satu_dua_tahun'],
      [5, 'Fajar', 7, 'lebih_dua_tahun'],
    ]);
  });

  it('the KRS boxes are configurable per post', () => {
    const g = successionGroup({ ...post, krsBoxes: [9] }, pool);
    expect(g.map((c) => c.name)).toEqual(['Budi', 'Andi', 'Eka']);
    const wide = successionGroup({ ...post, krsBoxes: [6, 7, 8, 9] }, pool);
    expect(wide.find((c) => c.name === 'Citra')?.readiness).toBe('satu_dua_tahun');
  });
});

describe('BUP and the retirement date', () => {
  it.each<[JabatanType, FungsionalJenjang | null, number]>([
    ['pelaksana', null, 58],
    ['pengawas', null, 58],
    ['administrator', null, 58],
    ['jpt', null, 60],
    ['fungsional', 'ahli_utama', 65],
    ['fungsional', 'ahli_madya', 60],
    ['fungsional', 'ahli_muda', 58],
    ['fungsional', 'ahli_pertama', 58],
    ['fungsional', 'keterampilan', 58],
    ['fungsional', null, 58],
  ])('%s %s → %i', (j, jenjang, age) => expect(bupAgeFor(j, jenjang)).toBe(age));

  it.each([
    ['1966-03-15', 58, '2024-04-01'],
    ['1966-03-01', 58, '2024-04-01'],
    ['1966-03-31', 60, '2026-04-01'],
    ['1965-12-20', 60, '2026-01-01'],
    ['1964-02-29', 60, '2024-03-01'],
  ])('born %s, BUP %i → retires %s (first of the next month)', (birth, age, date) =>
    expect(retirementDate(birth, age)).toBe(date),
  );

  it('reads the birth date from the NIP (digits 1–8)', () => {
    expect(retirementDateFromNip('196803152000031001', 58)).toBe('2026-04-01');
    expect(retirementDateFromNip('19680315 200003 1 001', 60)).toBe('2028-04-01');
    expect(retirementDateFromNip('123', 58)).toBeNull();
  });
});

describe('vacancy risk', () => {
  const base: VacancyInput = { asOf: '2025-12-01', holderNip: '196803152000031001', acting: false, bupAge: 58 };
  it.each<[string, Partial<VacancyInput>, string, number | null]>([
    ['holder retires 2026-04-01, 4 months away → tinggi', {}, 'tinggi', 4],
    ['JPT holder (BUP 60) retires 2028-04-01 → rendah', { bupAge: 60 }, 'rendah', 28],
    ['18 months away → sedang', { asOf: '2024-10-01' }, 'sedang', 18],
    ['exactly 12 months away → tinggi', { asOf: '2025-04-01' }, 'tinggi', 12],
    ['past the BUP → tinggi, 0 months', { asOf: '2026-05-01' }, 'tinggi', 0],
    ['held by a Plt, far from BUP → tinggi', { bupAge: 60, acting: true }, 'tinggi', 28],
    ['vacant → tinggi, no date', { holderNip: null }, 'tinggi', null],
  ])('%s', (_n, over, level, months) => {
    const r = vacancyRisk({ ...base, ...over });
    expect([r.level, r.monthsToRetirement]).toEqual([level, months]);
    expect(r.level === 'rendah' ? r.reasons.length === 0 : r.reasons.length > 0).toBe(true);
  });

  it('says why in words', () => {
    expect(vacancyRisk(base).reasons[0]!.id).toBe('Pemangku mencapai BUP 58 tahun; pensiun 2026-04-01 (4 bulan lagi).');
    expect(vacancyRisk({ ...base, acting: true, bupAge: 60 }).reasons.map((r) => r.id)).toEqual([
      'Dijabat pelaksana tugas (Plt).',
    ]);
    expect(vacancyRisk({ ...base, holderNip: '123' }).reasons[0]!.id).toBe(
      'NIP pemangku tidak terbaca; tanggal pensiun tidak dapat dihitung.',
    );
  });
});
