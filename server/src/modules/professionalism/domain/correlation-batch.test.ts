import { describe, expect, it } from 'vitest';
import { relate } from './correlation.ts';
import { relateColumns } from './correlation-batch.ts';

describe('relateColumns', () => {
  it('equals relate() on each pair’s complete rows, with gaps, ties and a flat column', () => {
    let seed = 26;
    // mulberry32: a fixed sequence, so the case never changes between runs
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const col = (gap: number, levels: number) =>
      Array.from({ length: 80 }, () => (rand() < gap ? null : Math.floor(rand() * levels)));
    const xs = [col(0, 50), col(0.1, 7), col(0, 3)];
    const ys = [col(0, 5), col(0.3, 20), Array.from({ length: 80 }, () => 4), col(0.97, 10)];
    const got = relateColumns(xs, ys);
    xs.forEach((x, xi) =>
      ys.forEach((y, yi) => {
        const pairs = x.flatMap((v, i) => (v !== null && y[i] !== null ? [[v, y[i]!] as const] : []));
        expect(got[xi]![yi]).toEqual(relate(pairs));
      }),
    );
    expect(got[0]![2]!.warning).toBe('flat');
    expect(got[0]![3]!.warning).toBe('small');
  });
});
