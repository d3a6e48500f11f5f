/**
 * The report's figures from stored result rows or their tallies (pure): a group's aggregate by the
 * domain's aggregateOfSums (§1.6: sum of dimension means over complete results, n of everyone measured,
 * round half up to 2 decimals), the dimension that holds a unit back, the instrument's provisional
 * cells, and the public figure that hides a group under five people.
 */
import { IP_PUBLIC_MIN_GROUP } from '../../../../common/contracts/ip-report.ts';
import {
  aggregateOfSums,
  type Band,
  BANDS,
  type Cell,
  DIMENSIONS,
  type Dimension,
  type IpAsnInstrument,
  round2,
} from './domain/ip-asn.ts';
import type { TallyRow } from './ip-report.repository.ts';

/** A stored result as numbers. `group` folds CPNS into PNS: they are on the PNS track and measured as PNS. */
export interface ResultPoint {
  employeeId: string;
  status: 'CPNS' | 'PNS' | 'PPPK';
  group: 'PNS' | 'PPPK';
  organizationId: string;
  jabatanType: string | null;
  points: Record<Dimension, number>;
  total: number;
  band: Band;
  complete: boolean;
  provisional: boolean;
}

export interface Figure {
  n: number;
  of: number;
  participation: number | null;
  means: Record<Dimension, number>;
  total: number;
  band: Band | null;
  bands: Record<Band, number>;
  provisional: number;
}

/** A database row (numeric columns as strings) as a ResultPoint. */
export function pointOf(r: {
  employee_id: string;
  employee_status: string;
  organization_id: string;
  jabatan_type: string | null;
  kualifikasi: string | number;
  kompetensi: string | number;
  kinerja: string | number;
  disiplin: string | number;
  total: string | number;
  band: string;
  complete: boolean;
  provisional: boolean;
}): ResultPoint {
  return {
    employeeId: r.employee_id,
    status: r.employee_status as ResultPoint['status'],
    group: r.employee_status === 'PPPK' ? 'PPPK' : 'PNS',
    organizationId: r.organization_id,
    jabatanType: r.jabatan_type,
    points: {
      kualifikasi: Number(r.kualifikasi),
      kompetensi: Number(r.kompetensi),
      kinerja: Number(r.kinerja),
      disiplin: Number(r.disiplin),
    },
    total: Number(r.total),
    band: r.band as Band,
    complete: r.complete,
    provisional: r.provisional,
  };
}

/**
 * Results added up per (OPD, PNS/PPPK, jabatan type, band, complete): what the database sums for a
 * year so a dashboard never carries the city's rows; a single result is a tally of one.
 */
export interface Tally {
  organizationId: string;
  group: 'PNS' | 'PPPK';
  jabatanType: string | null;
  band: Band;
  complete: boolean;
  count: number;
  provisional: number;
  /** Sums of the dimension points and of the totals. */
  points: Record<Dimension, number>;
  total: number;
}

/** A tally row from the database (sums of numeric columns as strings). */
export const tallyOfRow = (r: TallyRow): Tally => ({
  organizationId: r.organization_id,
  group: r.pppk ? 'PPPK' : 'PNS',
  jabatanType: r.jabatan_type,
  band: r.band as Band,
  complete: r.complete,
  count: r.count,
  provisional: r.provisional,
  points: {
    kualifikasi: Number(r.kualifikasi),
    kompetensi: Number(r.kompetensi),
    kinerja: Number(r.kinerja),
    disiplin: Number(r.disiplin),
  },
  total: Number(r.total),
});

/** One result as a tally of one. */
export const tallyOf = (p: ResultPoint): Tally => ({
  organizationId: p.organizationId,
  group: p.group,
  jabatanType: p.jabatanType,
  band: p.band,
  complete: p.complete,
  count: 1,
  provisional: p.provisional ? 1 : 0,
  points: p.points,
  total: p.total,
});

/** A group's figure from its tallies under the instrument (its bands), with participation in percent to one decimal. */
export function figureOfTallies(inst: IpAsnInstrument, tallies: readonly Tally[]): Figure {
  const complete = tallies.filter((t) => t.complete);
  const add = (xs: readonly Tally[], f: (t: Tally) => number) => xs.reduce((a, t) => a + f(t), 0);
  const a = aggregateOfSums(inst, {
    of: add(tallies, (t) => t.count),
    n: add(complete, (t) => t.count),
    points: Object.fromEntries(DIMENSIONS.map((d) => [d, add(complete, (t) => t.points[d])])) as Record<
      Dimension,
      number
    >,
    total: add(complete, (t) => t.total),
    bands: Object.fromEntries(BANDS.map((b) => [b, add(complete, (t) => (t.band === b ? t.count : 0))])) as Record<
      Band,
      number
    >,
  });
  return {
    n: a.n,
    of: a.of,
    participation: a.of ? Math.round((a.n / a.of) * 1000) / 10 : null,
    means: a.means,
    total: a.total,
    band: a.band,
    bands: a.bands,
    provisional: add(tallies, (t) => t.provisional),
  };
}

/** A group's figure from its people's results. */
export const figureOf = (inst: IpAsnInstrument, points: readonly ResultPoint[]): Figure =>
  figureOfTallies(inst, points.map(tallyOf));

/** Groups points (or tallies) by a key, keeping the keys' first-seen order. */
export function groupBy<T, K>(points: readonly T[], key: (p: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const p of points) {
    const k = key(p);
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/**
 * The dimension that holds a unit back: the one whose mean is furthest below its maximum, in
 * points (what a unit would gain by closing it). null when nobody has a complete index.
 */
export function holdsBack(inst: IpAsnInstrument, f: Figure) {
  if (f.n === 0) return null;
  let best: { dimension: Dimension; mean: number; max: number; gap: number } | null = null;
  for (const d of DIMENSIONS) {
    const max = inst.maxima[d];
    const gap = round2(max - f.means[d]);
    if (!best || gap > best.gap) best = { dimension: d, mean: f.means[d], max, gap };
  }
  return best;
}

const isCell = (x: unknown): x is Cell =>
  typeof x === 'object' && x !== null && 'points' in x && 'verified' in x && typeof x.verified === 'boolean';

/** Every cell of the instrument no source settles, by its path ("kinerja.baik"), with its points and note. */
export function provisionalCells(inst: IpAsnInstrument): { cell: string; points: number; note: string }[] {
  const out: { cell: string; points: number; note: string }[] = [];
  const walk = (x: unknown, path: string[]) => {
    if (isCell(x)) {
      if (!x.verified) out.push({ cell: path.join('.'), points: x.points, note: x.note });
      return;
    }
    if (typeof x === 'object' && x !== null && !Array.isArray(x))
      for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
  };
  walk(inst, []);
  return out;
}

/** The public figure: every number, or none when fewer than five people have a complete index. */
export function publicFigure(f: Figure) {
  const shown = f.n >= IP_PUBLIC_MIN_GROUP;
  return {
    of: shown ? f.of : null,
    shown,
    n: shown ? f.n : null,
    participation: shown ? f.participation : null,
    total: shown ? f.total : null,
    band: shown ? f.band : null,
    means: shown ? f.means : null,
    bands: shown ? f.bands : null,
  };
}
