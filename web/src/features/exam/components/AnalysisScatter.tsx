/**
 * Difficulty × discrimination of keyed items as an SVG scatter chart beside the analysis table:
 * x = p (0 hard … 1 easy), y = item–rest r (−1 … 1), the review bands shaded. Each point is a
 * link-free, named mark (title) and the chart has a text summary; the table holds every number.
 */
import { useTranslation } from 'react-i18next';
import type { ItemStat } from '../api.ts';
import '../i18n.ts';

const W = 320;
const H = 240;
const PAD = { left: 36, right: 10, top: 10, bottom: 30 };
const x = (p: number) => PAD.left + p * (W - PAD.left - PAD.right);
const y = (r: number) => PAD.top + ((1 - r) / 2) * (H - PAD.top - PAD.bottom);

export function AnalysisScatter({
  items,
  hardBelow = 0.2,
  easyAbove = 0.9,
  lowBelow = 0.2,
}: {
  items: ItemStat[];
  hardBelow?: number;
  easyAbove?: number;
  lowBelow?: number;
}) {
  const { t } = useTranslation();
  const points = items.filter((s) => !s.weighted && s.pointBiserial !== null);
  const flagged = points.filter(
    (s) => s.difficulty < hardBelow || s.difficulty > easyAbove || (s.pointBiserial ?? 0) < lowBelow,
  ).length;
  const summary = t('cat.chart.summary', { n: points.length, flagged });
  return (
    <figure className="cat-scatter">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('cat.chart.title')}. ${summary}`}>
        {/* review bands: too hard / too easy (x), low discrimination (y) */}
        <rect x={x(0)} y={y(1)} width={x(hardBelow) - x(0)} height={y(-1) - y(1)} className="band" />
        <rect x={x(easyAbove)} y={y(1)} width={x(1) - x(easyAbove)} height={y(-1) - y(1)} className="band" />
        <rect x={x(0)} y={y(lowBelow)} width={x(1) - x(0)} height={y(-1) - y(lowBelow)} className="band" />
        <line x1={x(0)} x2={x(1)} y1={y(0)} y2={y(0)} className="axis" />
        <line x1={x(0)} x2={x(0)} y1={y(1)} y2={y(-1)} className="axis" />
        {[0, 0.5, 1].map((v) => (
          <text key={`x${v}`} x={x(v)} y={H - 14} textAnchor="middle" className="tick">
            {v.toFixed(1)}
          </text>
        ))}
        {[-1, 0, 1].map((v) => (
          <text key={`y${v}`} x={PAD.left - 4} y={y(v) + 4} textAnchor="end" className="tick">
            {v}
          </text>
        ))}
        <text x={(x(0) + x(1)) / 2} y={H - 2} textAnchor="middle" className="label">
          {t('cat.chart.x')}
        </text>
        {points.map((s) => (
          <circle
            key={`${s.itemId}-${s.version}`}
            cx={x(s.difficulty)}
            cy={y(s.pointBiserial!)}
            r={4}
            className={s.flags.length > 0 ? 'dot dot--flag' : 'dot'}
          >
            <title>{`${s.stem.slice(0, 80)} — p ${s.difficulty.toFixed(2)}, r ${s.pointBiserial!.toFixed(2)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="small muted">
        {t('cat.chart.caption')} {summary}
      </figcaption>
    </figure>
  );
}
