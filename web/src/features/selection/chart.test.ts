import { describe, expect, it } from 'vitest';
import { layoutHistogram, nonEmptyBins } from './chart.ts';

const bins = Array.from({ length: 22 }, (_, i) => ({ from: i * 25, to: i * 25 + 24, count: 0 }));

describe('layoutHistogram', () => {
  it('makes the tallest band fill the plot and keeps empty bands at zero height', () => {
    const data = bins.map((b) => (b.from === 375 ? { ...b, count: 4 } : b.from === 300 ? { ...b, count: 2 } : b));
    const l = layoutHistogram(data);
    expect(l.bars).toHaveLength(22);
    const tall = l.bars.find((b) => b.bin.from === 375)!;
    const half = l.bars.find((b) => b.bin.from === 300)!;
    expect(tall.y).toBeCloseTo(l.plot.top);
    expect(half.height).toBeCloseTo(tall.height / 2);
    expect(l.bars[0]!.height).toBe(0);
    expect(l.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    expect(l.xTicks.map((t) => t.value)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('does not divide by zero when nobody was present', () => {
    const l = layoutHistogram(bins);
    expect(l.bars.every((b) => Number.isFinite(b.y) && b.height === 0)).toBe(true);
    expect(l.max).toBe(1);
  });

  it('rounds the count axis to steps of at most six ticks for large formations', () => {
    const l = layoutHistogram(bins.map((b, i) => ({ ...b, count: i === 10 ? 37 : 0 })));
    expect(l.yTicks.length).toBeLessThanOrEqual(7);
    expect(l.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(37);
  });
});

describe('nonEmptyBins', () => {
  it('lists only the bands with participants', () => {
    expect(nonEmptyBins(bins.map((b, i) => ({ ...b, count: i === 3 ? 1 : 0 })))).toEqual([
      { from: 75, to: 99, count: 1 },
    ]);
  });
});
