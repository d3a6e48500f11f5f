/**
 * The community satisfaction index (SKM/IKM, PermenPANRB 14/2017, RULES.md §5.2) as pure
 * arithmetic: per unsur the NRR (sum of 1–4 scores / filled questionnaires), weighted by the
 * unsur's bobot (equal 1/n by default; units may set their own summing to 1), summed to the IKM
 * (1–4), converted ×25 to 25–100 and placed in a band A–D. The bands are data because the source
 * is marked uncertain (C ends at 76.60 or 76.66); the default follows RULES.md.
 */

export interface Unsur {
  code: string;
  label: string;
  /** Bobot; null = equal share (1/n). */
  weight: number | null;
}

export { DEFAULT_UNSUR } from '../../../../../common/contracts/participation.ts';

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface Band {
  grade: Grade;
  /** Lowest converted value (25–100, in hundredths: 7661 = 76.61) that reaches this band. */
  minHundredths: number;
  label: string;
}

/** RULES.md §5.2: D 25.00–64.99, C 65.00–76.60, B 76.61–88.30, A 88.31–100 (uncertain: configurable). */
export const DEFAULT_BANDS: readonly Band[] = Object.freeze([
  { grade: 'A', minHundredths: 8831, label: 'Sangat baik' },
  { grade: 'B', minHundredths: 7661, label: 'Baik' },
  { grade: 'C', minHundredths: 6500, label: 'Kurang baik' },
  { grade: 'D', minHundredths: 2500, label: 'Tidak baik' },
]);

const EPS = 1e-9;

/** Problems with a unit's unsur list (codes unique, weights all set and summing to 1, or all equal). */
export function unsurProblems(unsur: readonly Unsur[]): string[] {
  const problems: string[] = [];
  if (unsur.length === 0) problems.push('Paling sedikit satu unsur.');
  if (new Set(unsur.map((u) => u.code)).size !== unsur.length) problems.push('Kode unsur harus unik.');
  const set = unsur.filter((u) => u.weight !== null);
  if (set.length > 0 && set.length !== unsur.length)
    problems.push('Isi bobot semua unsur, atau kosongkan semuanya (bobot sama).');
  if (set.some((u) => u.weight! <= 0 || u.weight! > 1))
    problems.push('Bobot tiap unsur harus lebih dari 0 dan paling besar 1.');
  if (set.length === unsur.length && set.length > 0 && Math.abs(set.reduce((a, u) => a + u.weight!, 0) - 1) > 1e-6)
    problems.push('Jumlah bobot semua unsur harus 1.');
  return problems;
}

/** Problems with a band table: four grades, strictly descending lower bounds, the lowest at 25.00. */
export function bandProblems(bands: readonly Band[]): string[] {
  const problems: string[] = [];
  const sorted = [...bands].sort((a, b) => b.minHundredths - a.minHundredths);
  if (new Set(bands.map((b) => b.grade)).size !== bands.length) problems.push('Setiap mutu (A–D) hanya sekali.');
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.minHundredths >= sorted[i - 1]!.minHundredths) problems.push('Batas bawah mutu harus berbeda.');
  if (sorted.at(-1)?.minHundredths !== 2500) problems.push('Mutu terendah harus mulai dari 25,00.');
  if (sorted.some((b) => b.minHundredths < 2500 || b.minHundredths > 10000))
    problems.push('Batas mutu harus di antara 25,00 dan 100,00.');
  return problems;
}

/** The band of a converted value in hundredths (2500–10000); null below the lowest band. */
export function bandOf(convertedHundredths: number, bands: readonly Band[] = DEFAULT_BANDS): Band | null {
  return (
    [...bands].sort((a, b) => b.minHundredths - a.minHundredths).find((b) => convertedHundredths >= b.minHundredths) ??
    null
  );
}

export interface UnsurResult {
  code: string;
  label: string;
  weight: number;
  /** Nilai rata-rata: sum of scores / respondents, 1–4. */
  nrr: number;
  weighted: number;
}

export interface IkmResult {
  respondents: number;
  unsur: UnsurResult[];
  /** Σ NRR tertimbang, 1–4, rounded to 4 decimals (the tables' precision). */
  ikm: number | null;
  /** IKM × 25 in hundredths (7661 = 76.61), rounded half up. */
  convertedHundredths: number | null;
  band: Band | null;
}

/**
 * Computes the IKM of a set of questionnaires: `responses[i][j]` is respondent i's 1–4 score on
 * unsur j. Scores outside 1–4 or a questionnaire of the wrong length throw (callers validate
 * input before storing it). No responses → no index.
 */
export function computeIkm(
  responses: readonly (readonly number[])[],
  unsur: readonly Unsur[],
  bands: readonly Band[] = DEFAULT_BANDS,
): IkmResult {
  const sums = unsur.map(() => 0);
  for (const r of responses) {
    if (r.length !== unsur.length)
      throw new RangeError(`questionnaire has ${r.length} answers, expected ${unsur.length}`);
    r.forEach((s, j) => {
      if (!Number.isInteger(s) || s < 1 || s > 4) throw new RangeError(`score ${s} is not 1–4`);
      sums[j]! += s;
    });
  }
  return ikmFromSums(sums, responses.length, unsur, bands);
}

/**
 * The same index from per-unsur score sums over `n` questionnaires (what the database aggregates,
 * so a unit with a hundred thousand answers is not loaded row by row).
 */
export function ikmFromSums(
  sums: readonly number[],
  n: number,
  unsur: readonly Unsur[],
  bands: readonly Band[] = DEFAULT_BANDS,
): IkmResult {
  if (sums.length !== unsur.length) throw new RangeError(`${sums.length} sums for ${unsur.length} unsur`);
  const equal = 1 / Math.max(1, unsur.length);
  const rows: UnsurResult[] = unsur.map((u, j) => {
    const weight = u.weight ?? equal;
    const nrr = n === 0 ? 0 : sums[j]! / n;
    return { code: u.code, label: u.label, weight, nrr: round(nrr, 4), weighted: round(nrr * weight, 4) };
  });
  if (n === 0) return { respondents: 0, unsur: rows, ikm: null, convertedHundredths: null, band: null };
  // The exact sum (not the rounded rows) decides the band, so rounding never moves a unit across a boundary.
  const exact = unsur.reduce((a, u, j) => a + (sums[j]! / n) * (u.weight ?? equal), 0);
  const convertedHundredths = Math.floor(exact * 25 * 100 + 0.5 + EPS);
  return {
    respondents: n,
    unsur: rows,
    ikm: round(exact, 4),
    convertedHundredths,
    band: bandOf(convertedHundredths, bands),
  };
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f + EPS) / f;
};

/**
 * Krejcie & Morgan (1970) sample size for a population of `population` service users: s =
 * χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) with χ² = 3.841 (1 df, 95 %), P = 0.5, d = 0.05, rounded to
 * the nearest whole respondent as their table is (N 50 → 44, 100 → 80, 1000 → 278, 1 000 000 → 384).
 */
export function krejcieMorganSample(population: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
  if (population === 0) return 0;
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  const s = (chi2 * population * p * (1 - p)) / (d * d * (population - 1) + chi2 * p * (1 - p));
  return Math.min(population, Math.round(s));
}

export type PeriodKind = 'triwulan' | 'semester' | 'tahunan';

/** The survey period code a local date falls in: `2026-T3` (triwulan), `2026-S2` (semester), `2026` (tahunan). */
export function surveyPeriodOf(localDate: string, kind: PeriodKind): string {
  const year = localDate.slice(0, 4);
  const month = Number(localDate.slice(5, 7));
  if (kind === 'tahunan') return year;
  if (kind === 'semester') return `${year}-S${month <= 6 ? 1 : 2}`;
  return `${year}-T${Math.ceil(month / 3)}`;
}

/** Whether a text is a period code of the kind (`2026-T3`, `2026-S1`, `2026`). */
export function isSurveyPeriod(code: string, kind: PeriodKind): boolean {
  if (kind === 'tahunan') return /^\d{4}$/.test(code);
  if (kind === 'semester') return /^\d{4}-S[12]$/.test(code);
  return /^\d{4}-T[1-4]$/.test(code);
}
