/**
 * The aggregate views of "does selection pick people who perform?" (issue 26 §4) that never show a
 * person's pair of numbers: the selection score and the outcome are each cut into a few bins
 * (quintiles, or the five SKP predikat), and a chart shows only how many people fall in each cell.
 * A cell of 1–4 people is shown as "<5" (the count itself could point at someone). Groups (jenis
 * kebutuhan, formation type) are related only when they hold at least 30 people.
 */
import { CORRELATION_MIN_GROUP } from '../../../../../common/contracts/correlation.ts';
import { averageRanks } from './correlation.ts';

/** A group below this many people is not split out (its ρ would say little and could point at people). */
export const MIN_GROUP = CORRELATION_MIN_GROUP;
/** A grid cell below this many people (and above zero) is shown as "<5". */
export const MIN_CELL = 5;

/** SKP predikat from lowest to highest (PermenPANRB 6/2022): its position is the ordinal score. */
export const PREDIKAT_ORDER = ['sangat_kurang', 'kurang', 'butuh_perbaikan', 'baik', 'sangat_baik'] as const;
export type Predikat = (typeof PREDIKAT_ORDER)[number];

/** The ordinal score 1–5 of a predikat (Sangat Kurang 1 … Sangat Baik 5). */
export function predikatScore(p: Predikat): number {
  return PREDIKAT_ORDER.indexOf(p) + 1;
}

/**
 * The CASN formation type from a jabatan's name: tenaga pendidik (guru), tenaga kesehatan, or
 * tenaga teknis — the three kinds the national announcement groups formations by.
 */
export function formationKind(jabatan: string): 'guru' | 'kesehatan' | 'teknis' {
  const j = jabatan.toLowerCase();
  if (/\bguru\b/.test(j)) return 'guru';
  if (
    /\b(dokter|perawat|bidan|apoteker|asisten apoteker|nutrisionis|sanitarian|epidemiolog|radiografer|fisioterapis|terapis|perekam medis|tenaga sanitasi|pranata laboratorium kesehatan|penyuluh kesehatan|administrator kesehatan|psikolog klinis)\b/.test(
      j,
    )
  )
    return 'kesehatan';
  return 'teknis';
}

/**
 * Bins by rank: with n values and k bins, a value's bin is where its (tie-averaged) rank falls, so
 * equal values always share a bin and bins hold about n/k people each. Returns the bin per value
 * and, per bin, the highest value in it (null for an empty bin) for its label.
 */
export function rankBins(values: readonly number[], k: number): { bin: number[]; upper: (number | null)[] } {
  const n = values.length;
  const ranks = averageRanks(values);
  const bin = ranks.map((r) => Math.min(k - 1, Math.floor(((r - 0.5) * k) / n)));
  const upper = new Array<number | null>(k).fill(null);
  values.forEach((v, i) => {
    const b = bin[i]!;
    upper[b] = upper[b] === null ? v : Math.max(upper[b]!, v);
  });
  return { bin, upper };
}

/** A grid cell as shown: a count of 0 or ≥ 5, or "<5". */
export type GridCount = number | '<5';

/** The count as it may be shown: 1–4 become "<5". */
export function suppress(count: number): GridCount {
  return count > 0 && count < MIN_CELL ? '<5' : count;
}

/**
 * Counts of pairs per (y bin, x bin), suppressed: `counts[y][x]`. `xBins`/`yBins` are the bin
 * indexes of each pair, `kx`/`ky` the number of bins.
 */
export function heatGrid(xBins: readonly number[], yBins: readonly number[], kx: number, ky: number): GridCount[][] {
  const raw = Array.from({ length: ky }, () => new Array<number>(kx).fill(0));
  xBins.forEach((x, i) => {
    raw[yBins[i]!]![x]!++;
  });
  return raw.map((row) => row.map(suppress));
}
