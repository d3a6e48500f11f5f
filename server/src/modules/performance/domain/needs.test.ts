import { describe, expect, it } from 'vitest';
import {
  type CatalogProgram,
  type EvaluationForNeeds,
  competencyPlan,
  jabatanAreas,
  recommendPrograms,
} from './needs.ts';

const CATALOG: CatalogProgram[] = [
  { id: 'siber', title: 'Keamanan Siber', competencyArea: 'Teknologi informasi', eligible: true, taken: false },
  { id: 'pkp', title: 'PKP', competencyArea: 'Kepemimpinan', eligible: true, taken: false },
  {
    id: 'latsar',
    title: 'Latsar',
    competencyArea: 'Nilai dasar ASN (BerAKHLAK) dan bela negara',
    eligible: false,
    taken: false,
  },
  { id: 'nilai', title: 'Aktualisasi BerAKHLAK', competencyArea: 'Nilai dasar ASN', eligible: true, taken: false },
  { id: 'gis', title: 'GIS Rawan Bencana', competencyArea: 'Kebencanaan', eligible: true, taken: true },
  { id: 'layanan', title: 'Pelayanan Prima', competencyArea: 'Pelayanan publik', eligible: true, taken: false },
];
const PRANATA = { kind: 'fungsional', name: 'Pranata Komputer Ahli Muda' };
const ev = (over: Partial<EvaluationForNeeds>): EvaluationForNeeds => ({
  period: 'q2',
  predikat: 'baik',
  behaviourRatings: {},
  results: [],
  ...over,
});

describe('jabatan competency areas', () => {
  it.each<[{ kind: string; name: string }, string[]]>([
    [PRANATA, ['teknologi']],
    [{ kind: 'fungsional', name: 'Analis Kebencanaan Ahli Pertama' }, ['kebencanaan', 'akuntab', 'perencanaan']],
    [{ kind: 'struktural', name: 'Kepala Bidang Aplikasi Informatika' }, ['teknologi', 'kepemimpinan']],
    [{ kind: 'pelaksana', name: 'Operator Layanan Operasional' }, ['pelayanan']],
    [{ kind: 'fungsional', name: 'Dokter Ahli Muda' }, []],
  ])('%j → %j', (j, areas) => {
    expect(jabatanAreas(j)).toEqual(areas);
  });
});

describe('recommended programmes from performance', () => {
  it.each<[string, EvaluationForNeeds | null, string[]]>([
    ['no final evaluation', null, []],
    ['all as expected', ev({ behaviourRatings: { kolaboratif: 'meets' } }), []],
    ['below on Kolaboratif', ev({ behaviourRatings: { kolaboratif: 'below' } }), ['pkp']],
    [
      'below on Adaptif and a result below',
      ev({ behaviourRatings: { adaptif: 'below' }, results: [{ title: 'Aplikasi layanan', rating: 'below' }] }),
      ['siber'],
    ],
    [
      'below on Loyal: the ineligible and taken ones are left out',
      ev({ behaviourRatings: { loyal: 'below' } }),
      ['nilai'],
    ],
    [
      'predikat Kurang',
      ev({ predikat: 'kurang', behaviourRatings: { berorientasi_pelayanan: 'below' } }),
      ['nilai', 'layanan'],
    ],
    ['predikat Butuh Perbaikan points at the jabatan', ev({ predikat: 'butuh_perbaikan' }), ['siber']],
  ])('%s → %j', (_n, evaluation, ids) => {
    expect(recommendPrograms(evaluation, PRANATA, CATALOG).map((r) => r.programId)).toEqual(ids);
  });

  it('gives the reason the employee reads, and orders by how many reasons', () => {
    const recs = recommendPrograms(
      ev({
        predikat: 'butuh_perbaikan',
        behaviourRatings: { kolaboratif: 'below', adaptif: 'below' },
        results: [{ title: 'Aplikasi layanan', rating: 'below' }],
      }),
      PRANATA,
      CATALOG,
    );
    expect(recs.map((r) => r.programId)).toEqual(['siber', 'pkp']);
    expect(recs[0]!.reasons.map((r) => r.id)).toEqual([
      'Di Bawah Ekspektasi pada Adaptif, Triwulan II',
      'Hasil kerja "Aplikasi layanan" Di Bawah Ekspektasi, Triwulan II',
      'Predikat Butuh Perbaikan, Triwulan II',
    ]);
    expect(recs[1]!.reasons[0]!.id).toBe('Di Bawah Ekspektasi pada Kolaboratif, Triwulan II');
  });
});

describe('the draft competency development plan of an OPD', () => {
  const PROGRAMMES = [
    { id: 'pkp', jp: 100, costRupiah: 12_000_000 },
    { id: 'siber', jp: 16, costRupiah: 0 },
  ];
  const kolab = (period: string) => ({
    id: `Di Bawah Ekspektasi pada Kolaboratif, ${period}`,
    en: `Below expectation on Kolaboratif, ${period.replace('Triwulan', 'Quarter')}`,
  });
  it('counts employees per programme, multiplies JP and cost, and groups the reasons across quarters', () => {
    const plan = competencyPlan(
      [
        [
          { programId: 'pkp', reasons: [kolab('Triwulan I')] },
          { programId: 'siber', reasons: [{ id: 'Predikat Butuh Perbaikan, Triwulan II', en: 'x, Quarter II' }] },
        ],
        [{ programId: 'pkp', reasons: [kolab('Triwulan II')] }],
        [],
        [{ programId: 'gone', reasons: [kolab('Tahunan')] }],
      ],
      PROGRAMMES,
    );
    expect(plan.rows.map((r) => [r.programId, r.employees, r.jp, r.costRupiah])).toEqual([
      ['pkp', 2, 200, 24_000_000],
      ['siber', 1, 16, 0],
    ]);
    expect(plan.rows[0]!.reasons).toEqual([
      { reason: { id: 'Di Bawah Ekspektasi pada Kolaboratif', en: 'Below expectation on Kolaboratif' }, count: 2 },
    ]);
    expect(plan).toMatchObject({ jp: 216, costRupiah: 24_000_000 });
  });
  it('is empty without needs', () => {
    expect(competencyPlan([[], []], PROGRAMMES)).toEqual({ rows: [], jp: 0, costRupiah: 0 });
  });
});
