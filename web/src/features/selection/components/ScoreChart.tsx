/**
 * Score-distribution bar chart as plain inline SVG: each bar has a <title>, the figure has a
 * spoken summary, and a visually-hidden table carries the same numbers for screen readers.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistogramBin } from '../api.ts';
import { layoutHistogram, nonEmptyBins } from '../chart.ts';
import '../i18n.ts';

export function ScoreChart({ bins, formationCode }: { bins: HistogramBin[]; formationCode: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const l = layoutHistogram(bins);
  const present = bins.reduce((s, b) => s + b.count, 0);
  const detail = nonEmptyBins(bins)
    .map((b) => t('sel.formation.chartDetail', { from: b.from, to: b.to, count: b.count }))
    .join('; ');
  const summary = t('sel.formation.chartSummary', { code: formationCode, count: present, detail });
  return (
    <figure className="sel-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="strong">
        {t('sel.formation.chartTitle')}
      </figcaption>
      {present === 0 ? <p className="muted">{t('sel.formation.chartEmpty')}</p> : null}
      <svg viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-label={summary} className="sel-chart-svg">
        {l.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={l.plot.left} x2={l.plot.right} y1={tick.y} y2={tick.y} className="sel-grid" />
            <text x={l.plot.left - 6} y={tick.y + 4} textAnchor="end" className="sel-tick">
              {tick.value}
            </text>
          </g>
        ))}
        {l.bars.map((b) => (
          <rect key={b.bin.from} x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0)} className="sel-bar">
            <title>{t('sel.formation.chartBar', { from: b.bin.from, to: b.bin.to, count: b.bin.count })}</title>
          </rect>
        ))}
        <line x1={l.plot.left} x2={l.plot.right} y1={l.plot.bottom} y2={l.plot.bottom} className="sel-axis" />
        {l.xTicks.map((tick) => (
          <text key={`x${tick.value}`} x={tick.x} y={l.plot.bottom + 16} textAnchor="middle" className="sel-tick">
            {tick.value}
          </text>
        ))}
        <text x={(l.plot.left + l.plot.right) / 2} y={l.height - 6} textAnchor="middle" className="sel-tick">
          {t('sel.formation.axisScore')}
        </text>
      </svg>
      <div className="sr-only">
        <table>
          <caption>{t('sel.formation.chartTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sel.formation.range')}</th>
              <th scope="col">{t('sel.formation.count')}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}>
                <th scope="row">
                  {b.from}–{b.to}
                </th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
