/**
 * A heat grid of counts (a 2-D histogram): selection-score quintiles across, outcome bins up, each
 * box shaded by how many people it holds and labelled with the count ("<5" for 1–4). An SVG with a
 * text summary, then the same numbers in a table — never a person's point.
 */
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../ui/TableWrap.tsx';
import type { Grid } from './api.ts';
import { useBinLabels } from './components.tsx';
import './i18n.ts';

const CELL = 84; // wide enough for a bin label such as "70,705–72,903"
const ROW = 44;
const LEFT = 128;
const TOP = 8;
const BOTTOM = 44;

/** `n`: the pairs behind the grid (the relation's n; the cells alone hide the boxes of 1–4). */
export function HeatGrid({ grid, n }: { grid: Grid; n: number }) {
  const { t } = useTranslation();
  const labels = useBinLabels();
  const xs = labels(grid.xCuts, false);
  const ys = labels(grid.yCuts, grid.outcome === 'skp');
  const x = t(`cor.predictor.${grid.predictor}`);
  const y = t(`cor.outcome.${grid.outcome}`);
  const max = Math.max(1, ...grid.counts.flat().map((c) => (c === '<5' ? 0 : c)));
  const summary = t('cor.grid.chart', { x, y, n });
  const width = LEFT + CELL * xs.length + 8;
  const height = TOP + ROW * ys.length + BOTTOM;
  const rowTop = (row: number) => TOP + (ys.length - 1 - row) * ROW; // the lowest bin at the bottom
  return (
    <figure className="cor-heat">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {grid.counts.map((row, yi) =>
          row.map((c, xi) => {
            // Capped so the dark count stays readable on the darkest box (contrast ≥ 7:1).
            const shade = c === '<5' ? 0.06 : c === 0 ? 0 : 0.1 + (0.45 * c) / max;
            return (
              <g key={`${yi}-${xi}`}>
                <rect
                  x={LEFT + xi * CELL}
                  y={rowTop(yi)}
                  width={CELL - 2}
                  height={ROW - 2}
                  className="cor-heat-cell"
                  style={{ fillOpacity: shade }}
                />
                <text
                  x={LEFT + xi * CELL + CELL / 2 - 1}
                  y={rowTop(yi) + ROW / 2 + 4}
                  textAnchor="middle"
                  className="cor-heat-count"
                >
                  {String(c)}
                </text>
              </g>
            );
          }),
        )}
        {ys.map((label, yi) => (
          <text key={`y${yi}`} x={LEFT - 6} y={rowTop(yi) + ROW / 2 + 4} textAnchor="end" className="cor-heat-tick">
            {label.length > 20 ? `${label.slice(0, 19)}…` : label}
          </text>
        ))}
        {xs.map((label, xi) => (
          <text
            key={`x${xi}`}
            x={LEFT + xi * CELL + CELL / 2}
            y={TOP + ys.length * ROW + 14}
            textAnchor="middle"
            className="cor-heat-tick"
          >
            {label}
          </text>
        ))}
        <text x={LEFT + (xs.length * CELL) / 2} y={height - 6} textAnchor="middle" className="cor-heat-tick">
          {t('cor.grid.xAxis', { x })}
        </text>
      </svg>
      <figcaption className="small muted">
        {summary} {t('cor.grid.yAxis', { y })}
      </figcaption>
      <HeatTable grid={grid} xs={xs} ys={ys} x={x} y={y} />
    </figure>
  );
}

/** The grid's numbers as a table (rows: outcome bins from the highest; columns: score quintiles). */
function HeatTable({ grid, xs, ys, x, y }: { grid: Grid; xs: string[]; ys: string[]; x: string; y: string }) {
  const { t } = useTranslation();
  const caption = t('cor.grid.tableCaption', { x, y });
  return (
    <TableWrap label={`${t('cor.grid.region')}: ${caption}`}>
      <table className="cor-heat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{y}</th>
            {xs.map((label, i) => (
              <th key={i} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...grid.counts.keys()].reverse().map((yi) => (
            <tr key={yi}>
              <th scope="row">{ys[yi]}</th>
              {grid.counts[yi]!.map((c, xi) => (
                <td key={xi} className="num">
                  {String(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
