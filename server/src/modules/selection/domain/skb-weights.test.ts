import { describe, expect, it } from 'vitest';
import {
  formatHundredths,
  parseScoreHundredths,
  skbWeightProblems,
  weightedSkbHundredths,
  type SkbComponent,
} from './skb-weights.ts';

const cat = (w: number): SkbComponent => ({ key: 'cat', name: 'SKB CAT', kind: 'cat', weightPct: w });
const extra = (key: string, w: number): SkbComponent => ({ key, name: key, kind: 'tambahan', weightPct: w });

describe('skbWeightProblems', () => {
  it.each([[[cat(100)]], [[cat(60), extra('praktik', 40)]], [[cat(60), extra('praktik', 25), extra('psikotes', 15)]]])(
    'accepts %j',
    (components) => {
      expect(skbWeightProblems(components)).toEqual([]);
    },
  );

  it.each([
    [[cat(49), extra('praktik', 40), extra('x', 11)], 'minimal 50%'],
    [[cat(55), extra('praktik', 45)], 'paling banyak 40%'],
    [[cat(60), { key: 'w', name: 'Wawancara', kind: 'wawancara', weightPct: 40 } as SkbComponent], 'wawancara'],
    [[cat(60), extra('praktik', 30)], '100%'],
    [[], 'minimal satu'],
    [[cat(50), extra('cat', 50)], 'ganda'],
  ])('refuses %j with a clear reason', (components, text) => {
    expect(
      skbWeightProblems(components as SkbComponent[])
        .map((p) => p.id)
        .join(' '),
    ).toContain(text);
  });
});

describe('weighted SKB', () => {
  it('weighs exactly and rounds half up to hundredths', () => {
    const w = [cat(60), extra('praktik', 40)];
    expect(weightedSkbHundredths(w, { cat: 8000, praktik: 9000 })).toBe(8400);
    expect(weightedSkbHundredths(w, { cat: 8001, praktik: 9000 })).toBe(8401); // 8400.6 → 8401
    expect(weightedSkbHundredths([cat(50), extra('a', 50)], { cat: 1, a: 0 })).toBe(1); // 0.5 → 1
    expect(weightedSkbHundredths([cat(100)], { cat: 10_000 })).toBe(10_000);
  });

  it.each([
    ['82.5', 8250],
    ['100', 10000],
    ['0', 0],
    ['7.05', 705],
  ])('parses %s', (t, v) => expect(parseScoreHundredths(t)).toBe(v));
  it.each(['100.01', '-1', '1.234', 'abc', ''])('refuses %s', (t) => expect(parseScoreHundredths(t)).toBeNull());
  it('formats two decimals', () => expect(formatHundredths(8250)).toBe('82.50'));
});
