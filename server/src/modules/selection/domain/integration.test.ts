import { describe, expect, it } from 'vitest';
import {
  FINAL_DENOMINATOR,
  finalNumerator,
  integrate,
  roundFinalThousandths,
  tieOrderKey,
  tieOrderWithinScores,
  type IntegrationEntry,
} from './integration.ts';
import { formatThousandths, serializeFinal } from './csv.ts';
import type { Formation } from './ranking.ts';

const A: Formation = { id: 'A', needType: 'umum', quota: 1 };
const entry = (p: string, over: Partial<IntegrationEntry> = {}): IntegrationEntry => ({
  formation: 0,
  participantNo: p,
  twk: 100,
  tiu: 100,
  tkp: 200,
  skbHundredths: 8000,
  skbText: '80',
  ipkHundredths: 350,
  ageKey: '1995-01-01',
  ...over,
});
const lines = (es: IntegrationEntry[], formations = [A]) =>
  serializeFinal(integrate(formations, es)).split('\n').slice(1, -1);

describe('final score arithmetic (PermenPANRB 6/2024: 40 % SKD/550·100 + 60 % SKB)', () => {
  it.each([
    [550, 10000, '100.000'],
    [0, 0, '0.000'],
    [400, 9000, '83.091'], // 29.0909… + 54
    [400, 8050, '77.391'], // 29.0909… + 48.3
    [311, 5000, '52.618'], // 22.6181… + 30
  ])('SKD %i, SKB %i/100 → %s', (skd, skb, expected) => {
    expect(formatThousandths(roundFinalThousandths(finalNumerator(skd, skb)))).toBe(expected);
  });
  it('rounds an exact half of a thousandth up, and just below it down', () => {
    const half = FINAL_DENOMINATOR / 2000; // N / D = 0.0005
    expect(roundFinalThousandths(half)).toBe(1);
    expect(roundFinalThousandths(half - 1)).toBe(0);
    expect(roundFinalThousandths(3 * half)).toBe(2);
  });
});

describe('tieOrderWithinScores (what skb.csv publishes instead of IPK and birth dates)', () => {
  const B: Formation = { id: 'B', needType: 'umum', quota: 2 };
  const es = [
    entry('t1', { ageKey: '1996-05-05' }),
    entry('t2', { ageKey: '1990-01-01' }),
    entry('t3', { ageKey: '1996-05-05' }),
    entry('t4', { ageKey: '1999-09-09' }),
    entry('t5', { ipkHundredths: 390, ageKey: '2000-01-01' }),
    entry('solo', { skbHundredths: 9000, skbText: '90' }),
    entry('other', { formation: 1, ageKey: '1980-01-01' }),
    entry('absent', { skbHundredths: null, skbText: '', ageKey: '' }),
  ];
  it('numbers the tied on scores by IPK then age (equal on both share), gives 1 to the untied and nothing to TH', () => {
    expect(tieOrderWithinScores(es)).toEqual([3, 2, 3, 4, 1, 1, 1, null]);
  });
  it('ranks exactly as IPK and birth dates do, for any tie pattern', () => {
    const dates = ['1990-01-01', '1991-02-02', '1992-03-03'];
    for (let seed = 0; seed < 200; seed++) {
      const many = Array.from({ length: 8 }, (_, i) =>
        entry(`p${i}`, {
          formation: (seed + i) % 2,
          tkp: 200 - ((seed + i) % 2) * 5,
          twk: 100 + ((seed + i) % 2) * 5,
          ipkHundredths: 340 + ((seed * 7 + i * 3) % 3),
          ageKey: dates[(seed + i * i) % 3]!,
        }),
      );
      const order = tieOrderWithinScores(many);
      const published = many.map((e, i) => ({ ...e, ipkHundredths: 0, ageKey: tieOrderKey(order[i]!) }));
      expect(serializeFinal(integrate([A, B], published))).toBe(serializeFinal(integrate([A, B], many)));
    }
  });
});

describe('integrate (tie-breaks of PermenPANRB 6/2024 Pasal 45(4))', () => {
  it('ranks by final score, gives L within quota and TL beyond', () => {
    expect(lines([entry('a', { skbHundredths: 7000, skbText: '70' }), entry('b')])).toEqual([
      'A,b,400,80,77.091,1,L',
      'A,a,400,70,71.091,2,TL',
    ]);
  });
  // Each loser has the same final score as the default entry (SKD 400, SKB 80): for SKD the
  // SKB compensates exactly, 400000·33 = 33000·400. TWK can never decide: equal total, TKP and TIU
  // force equal TWK.
  it.each([
    ['SKD total', { tkp: 167, skbHundredths: 8400, skbText: '84' }],
    ['TKP', { twk: 105, tkp: 195 }],
    ['TIU', { twk: 105, tiu: 95 }],
    ['IPK', { ipkHundredths: 349 }],
    ['age (older first)', { ageKey: '1995-01-02' }],
  ] as [string, Partial<IntegrationEntry>][])('breaks an equal final score on %s', (_, loser) => {
    const out = lines([entry('a', loser), entry('z')]);
    expect(out[0]!.split(',')[4]).toBe(out[1]!.split(',')[4]);
    expect(out.map((x) => x.split(',').slice(1, 2).concat(x.split(',').slice(5)).join(','))).toEqual([
      'z,1,L',
      'a,2,TL',
    ]);
  });
  it('makes fully equal candidates share a rank, ordered by participant_no', () => {
    expect(lines([entry('b'), entry('a'), entry('c', { ipkHundredths: 300 })])).toEqual([
      'A,a,400,80,77.091,1,L',
      'A,b,400,80,77.091,1,L',
      'A,c,400,80,77.091,3,TL',
    ]);
  });
  it('lists participants without an SKB score as TH after the ranked rows', () => {
    expect(lines([entry('a', { skbHundredths: null, skbText: '' }), entry('b')])).toEqual([
      'A,b,400,80,77.091,1,L',
      'A,a,400,,,,TH',
    ]);
  });
  it('orders formations by id bytes', () => {
    const out = lines(
      [entry('x', { formation: 0 }), entry('y', { formation: 1 })],
      [
        { id: 'b', needType: 'umum', quota: 1 },
        { id: 'B', needType: 'umum', quota: 1 },
      ],
    );
    expect(out.map((l) => l[0])).toEqual(['B', 'b']);
  });
});
