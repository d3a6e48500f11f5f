/** Pure layout of the score-distribution bar chart (kept apart from React so it is unit-tested). */
import type { HistogramBin } from './api.ts';

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  bin: HistogramBin;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: Bar[];
  max: number;
  /** Y-axis ticks (whole participants), from 0 to the rounded-up maximum. */
  yTicks: { value: number; y: number }[];
  /** X-axis ticks every 100 points of the SKD total. */
  xTicks: { value: number; x: number }[];
}

/** Lays out one bar per band; the tallest bar fills the plot, empty bands keep their place. */
export function layoutHistogram(bins: readonly HistogramBin[], width = 440, height = 220): ChartLayout {
  const plot = { left: 36, top: 12, right: width - 8, bottom: height - 40 };
  const max = Math.max(1, ...bins.map((b) => b.count));
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  const top = Math.ceil(max / step) * step;
  const slot = bins.length > 0 ? (plot.right - plot.left) / bins.length : 0;
  const scaleY = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;
  const bars = bins.map((bin, i) => {
    const y = scaleY(bin.count);
    return { x: plot.left + i * slot + slot * 0.1, y, width: slot * 0.8, height: plot.bottom - y, bin };
  });
  const yTicks: { value: number; y: number }[] = [];
  for (let v = 0; v <= top; v += step) yTicks.push({ value: v, y: scaleY(v) });
  const first = bins[0]?.from ?? 0;
  const span = bins.length > 0 ? bins[bins.length - 1]!.to + 1 - first : 1;
  const xTicks: { value: number; x: number }[] = [];
  for (let v = Math.ceil(first / 100) * 100; v <= first + span; v += 100)
    xTicks.push({ value: v, x: plot.left + ((v - first) / span) * (plot.right - plot.left) });
  return { width, height, plot, bars, max, yTicks, xTicks };
}

/** The non-empty bands in words, for the chart's accessible summary. */
export function nonEmptyBins(bins: readonly HistogramBin[]): HistogramBin[] {
  return bins.filter((b) => b.count > 0);
}
