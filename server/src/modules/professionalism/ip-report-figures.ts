/**
 * The report's figures from stored result rows (pure): a group's aggregate by the domain's
 * aggregateIpAsn (§1.6: sum of dimension means over complete results, n of everyone measured,
 * round half up to 2 decimals), the dimension that holds a unit back, the instrument's provisional
 * cells, and the public figure that hides a group under five people.
 */
import { IP_PUBLIC_MIN_GROUP } from '../../../../common/contracts/ip-report.ts';
import {
  aggregateIpAsn,
  type Band,
  type Cell,
  DIMENSIONS,
  type Dimension,
  type IpAsnInstrument,
  type IpAsnResult,
  round2,
} from './domain/ip-asn.ts';

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

// aggregateIpAsn reads only points, total, band and complete of a result.
const asResult = (p: ResultPoint): IpAsnResult => ({
  instrumentVersion: '',
  asOf: '',
  dimensions: Object.fromEntries(
    DIMENSIONS.map((d) => [d, { dimension: d, points: p.points[d], max: 0, complete: true, lines: [] }]),
  ) as unknown as IpAsnResult['dimensions'],
  total: p.total,
  band: p.band,
  complete: p.complete,
  provisional: p.provisional,
});

/** A group's figure under the instrument (its bands), with participation in percent to one decimal. */
export function figureOf(inst: IpAsnInstrument, points: readonly ResultPoint[]): Figure {
  const a = aggregateIpAsn(inst, points.map(asResult));
  return {
    n: a.n,
    of: a.of,
    participation: a.of ? Math.round((a.n / a.of) * 1000) / 10 : null,
    means: a.means,
    total: a.total,
    band: a.band,
    bands: a.bands,
    provisional: points.filter((p) => p.provisional).length,
  };
}

/** Groups points by a key, keeping the keys' first-seen order. */
export function groupBy<K>(points: readonly ResultPoint[], key: (p: ResultPoint) => K): Map<K, ResultPoint[]> {
  const out = new Map<K, ResultPoint[]>();
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
