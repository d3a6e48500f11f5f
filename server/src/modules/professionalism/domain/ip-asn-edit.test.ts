import { describe, expect, it } from 'vitest';
import { type CompetencyRecord, computeIpAsn, IP_ASN_2019, type IpAsnInput } from './ip-asn.ts';
import {
  competencyOfClaim,
  competencyOfTraining,
  instrumentFromBody,
  instrumentToBody,
  jabatanTypeOf,
  provisionalCount,
  reducedInput,
  reducedKey,
  validateInstrumentEdit,
} from './ip-asn-edit.ts';

const body = () => structuredClone(instrumentToBody(IP_ASN_2019));

describe('the stored instrument', () => {
  it('round-trips: the lowest band is 0 on the wire and −∞ again in the domain', () => {
    const stored = JSON.parse(JSON.stringify(body()));
    expect(stored.bands.at(-1)).toEqual({ min: 0, band: 'sangat_rendah' });
    const back = instrumentFromBody('perban-8-2019', stored);
    expect(back.bands.at(-1)!.min).toBe(Number.NEGATIVE_INFINITY);
    const input = {
      asOf: '2025-12-31',
      jabatan: 'pelaksana' as const,
      education: ['s1' as const],
      competencies: [],
      predikat: { year: 2025, predikat: 'baik' as const },
      punishments: [],
    };
    expect(computeIpAsn(back, input)).toEqual(computeIpAsn(IP_ASN_2019, input));
  });

  it('counts the provisional cells', () => {
    // 4 education + 4 kompetensi + the seminar window + 5 kinerja + 4 disiplin.
    expect(provisionalCount(body())).toBe(18);
  });
});

describe('validateInstrumentEdit', () => {
  it('accepts the 2019 instrument', () => {
    expect(validateInstrumentEdit('palu-2026', 'Sumber baru', body())).toEqual([]);
  });

  it.each([
    [
      'points above the dimension maximum',
      (b: ReturnType<typeof body>) => (b.education.s1_d4.points = 26),
      'body.education.s1_d4.points',
    ],
    ['a lower level scoring more', (b: ReturnType<typeof body>) => (b.education.d3.points = 16), 'body.education'],
    [
      'a column above the kompetensi maximum',
      (b: ReturnType<typeof body>) => (b.kompetensi.pelaksana.seminar.points = 20),
      'body.kompetensi.pelaksana',
    ],
    ['maxima not summing to 100', (b: ReturnType<typeof body>) => (b.maxima.disiplin = 10), 'body.maxima'],
    ['a worse predikat scoring more', (b: ReturnType<typeof body>) => (b.kinerja.kurang.points = 20), 'body.kinerja'],
    ['bands not descending', (b: ReturnType<typeof body>) => (b.bands[2]!.min = 85), 'body.bands'],
    ['the lowest band not starting at 0', (b: ReturnType<typeof body>) => (b.bands[4]!.min = 10), 'body.bands'],
    [
      'a fractional JP threshold',
      (b: ReturnType<typeof body>) => (b.teknisMinJp.points = 20.5),
      'body.teknisMinJp.points',
    ],
  ])('refuses %s', (_name, change, field) => {
    const b = body();
    change(b);
    const problems = validateInstrumentEdit('palu-2026', 'Sumber baru', b);
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.every((p) => p.message.id.length > 10 && p.message.en.length > 10)).toBe(true);
  });

  it('refuses a bad version name and an empty note', () => {
    expect(validateInstrumentEdit('Palu 2026', '', body()).map((p) => p.field)).toEqual(['version', 'note']);
  });
});

describe('jabatanTypeOf', () => {
  it.each([
    ['fungsional', 'Pranata Komputer Ahli Muda', 'Ahli Muda', 'fungsional'],
    ['pelaksana', 'Pengelola Data', '', 'pelaksana'],
    ['struktural', 'Kepala Dinas', 'JPT Pratama', 'jpt'],
    ['struktural', 'Kepala Bidang Aplikasi', 'Administrator', 'administrator'],
    ['struktural', 'Kepala Seksi Layanan', 'Pengawas', 'pengawas'],
    ['struktural', 'Sekretaris Daerah', '', 'jpt'],
    ['struktural', 'Sekretaris Dinas Kesehatan', '', 'administrator'],
    ['struktural', 'Camat Palu Barat', '', 'administrator'],
    ['struktural', 'Kepala Subbagian Umum', '', 'pengawas'],
    ['struktural', 'Lurah Besusu', '', 'pengawas'],
    ['struktural', 'Kepala Bagian Hukum', 'eselon III.a', 'administrator'],
    ['struktural', 'Koordinator', '', null],
  ] as const)('%s "%s" (%s) → %s', (kind, jabatan, jenjang, expected) => {
    expect(jabatanTypeOf(kind, jabatan, jenjang)).toBe(expected);
  });
});

describe("Merit's own records", () => {
  it('classifies trainings: leadership at its level, Latsar not at all, seminar, everything else teknis with its JP', () => {
    expect(competencyOfTraining('pka', 200, '2025-05-01')).toEqual({
      kind: 'kepemimpinan',
      date: '2025-05-01',
      leadershipLevel: 'pka',
    });
    expect(competencyOfTraining('pkn', 300, '2025-05-01')?.leadershipLevel).toBe('pkn_ii');
    expect(competencyOfTraining('latsar', 300, '2025-05-01')).toBeNull();
    expect(competencyOfTraining('orientasi_pppk', 30, '2025-05-01')).toBeNull();
    expect(competencyOfTraining('seminar', 4, '2025-05-01')?.kind).toBe('seminar');
    for (const k of ['teknis', 'fungsional', 'elearning'] as const)
      expect(competencyOfTraining(k, 24, '2025-05-01')).toEqual({ kind: 'teknis', date: '2025-05-01', jp: 24 });
  });

  it('classifies JP claims: seminar as seminar, every other kind as teknis with its JP', () => {
    expect(competencyOfClaim('seminar', 3, '2025-02-02').kind).toBe('seminar');
    expect(competencyOfClaim('coaching', 6, '2025-02-02')).toEqual({ kind: 'teknis', date: '2025-02-02', jp: 6 });
  });
});

describe('reducedInput', () => {
  it('gives exactly the result of the full input, over many mixed records', () => {
    const levels = ['sma', 'd3', 's1', 's2', 's3'] as const;
    const jabatans = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana', null] as const;
    const dates = ['2024-06-30', '2024-12-31', '2025-01-01', '2025-06-15', '2025-12-31', '2026-02-01'];
    let n = 0;
    const byKey = new Map<string, string>();
    for (let i = 0; i < 400; i++) {
      const pick = <T>(xs: readonly T[], k: number) => xs[(i * k + (i >> 2)) % xs.length]!;
      const input: IpAsnInput = {
        asOf: pick(['2025-12-31', '2025-06-15'], 1),
        jabatan: pick(jabatans, 3),
        education: i % 7 === 0 ? [] : [pick(levels, 5), pick(levels, 2)],
        competencies: (
          [
            { kind: 'teknis', date: pick(dates, 1), jp: (i * 7) % 25 },
            { kind: 'teknis', date: pick(dates, 5), jp: (i * 3) % 15 },
            { kind: 'seminar', date: pick(dates, 11) },
            {
              kind: 'kepemimpinan',
              date: pick(dates, 13),
              leadershipLevel: pick(['pkp', 'pka', 'pkn_ii'] as const, 1),
            },
            { kind: 'fungsional', date: pick(dates, 17), matchesJabatan: i % 2 === 0 },
          ] as CompetencyRecord[]
        ).slice(0, i % 6),
        predikat: i % 5 === 0 ? null : { year: 2025, predikat: pick(['baik', 'sangat_baik', 'kurang'] as const, 1) },
        punishments:
          i % 3 === 0
            ? [
                {
                  level: pick(['ringan', 'sedang', 'berat'] as const, 1),
                  skDate: pick(dates, 7),
                  start: pick(dates, 7),
                  end: null,
                  cancelled: i % 4 === 0,
                },
              ]
            : [],
      };
      for (const inst of [IP_ASN_2019, { ...IP_ASN_2019, teknisAccumulates: false, disiplinWindow: 'year' as const }]) {
        const reduced = reducedInput(inst, input);
        expect(computeIpAsn(inst, reduced)).toEqual(computeIpAsn(inst, input));
        // The cache key: one key per distinct reduced input, and never one key for two of them.
        const setting = `${inst.teknisAccumulates}${inst.disiplinWindow}`;
        const key = setting + reducedKey(reduced);
        const json = setting + JSON.stringify(reduced);
        expect(byKey.get(key) ?? json).toBe(json);
        byKey.set(key, json);
        n++;
      }
    }
    expect(n).toBe(800);
    expect(new Set(byKey.values()).size).toBe(byKey.size);
  });
});
