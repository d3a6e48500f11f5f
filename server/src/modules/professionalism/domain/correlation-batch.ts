/**
 * `relate` for every (selection score, outcome) pair of a cohort at once. A page relates 6 scores
 * to 3 outcomes for the whole period and each large group; ranking is the cost (a sort per column
 * per pair), and the pairs of one cohort mostly share their complete rows, so each column is
 * ranked once per set of complete rows and reused. The result equals `relate` on each pair's
 * complete rows (correlation-batch.test.ts checks it on data with gaps).
 */
import { pearson } from '../../../../../common/rules/statistics.ts';
import { type Relation, SMALL_SAMPLE, averageRanks, spearmanInterval } from './correlation.ts';

type Column = readonly (number | null)[];

/** Relations of every x column with every y column over the rows where both have a value: `[x][y]`. */
export function relateColumns(xs: readonly Column[], ys: readonly Column[]): Relation[][] {
  const ranks = new Map<string, number[]>();
  const ranked = (rows: readonly number[], rowsKey: string, side: string, col: Column) => {
    const key = `${side}|${rowsKey}`;
    let r = ranks.get(key);
    if (!r) {
      r = averageRanks(rows.map((i) => col[i]!));
      ranks.set(key, r);
    }
    return r;
  };
  return xs.map((x, xi) =>
    ys.map((y, yi) => {
      const rows: number[] = [];
      for (let i = 0; i < x.length; i++) if (x[i] !== null && y[i] !== null) rows.push(i);
      const n = rows.length;
      const rowsKey = n === x.length ? 'all' : rows.join(',');
      const rho = n < 2 ? null : pearson(ranked(rows, rowsKey, `x${xi}`, x), ranked(rows, rowsKey, `y${yi}`, y));
      const interval = rho === null ? null : spearmanInterval(rho, n);
      return {
        n,
        rho,
        low: interval?.low ?? null,
        high: interval?.high ?? null,
        warning: n >= 2 && rho === null ? 'flat' : n < SMALL_SAMPLE ? 'small' : null,
      };
    }),
  );
}
