/**
 * Hand-made accessible SVG charts for the IP ASN pages (in the manner of participation's
 * BarChart): each is an image named by its caption, and the page shows the same numbers in a table.
 */
import { useTranslation } from 'react-i18next';
import type { Band } from './api.ts';
import './i18n.ts';

export const BAND_ORDER: Band[] = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'];

export interface Bar {
  key: string;
  label: string;
  value: number;
  max: number;
  /** Shown at the bar's end ("26,67 / 40"). */
  text: string;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars, each against its own maximum. */
export function Bars({ bars, caption, labelWidth = 200 }: { bars: Bar[]; caption: string; labelWidth?: number }) {
  const rowH = 28;
  const width = 640;
  const barW = width - labelWidth - 100;
  return (
    <figure className="ipr-chart">
      <svg viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} role="img" aria-label={caption} className="ipr-chart-svg">
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          return (
            <g key={b.key}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="ipr-chart-label">
                {short(b.label, 30)}
              </text>
              <rect x={labelWidth} y={y + 4} width={barW} height={rowH - 10} className="ipr-chart-track" />
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(1, (barW * Math.min(b.value, b.max)) / Math.max(b.max, 1e-9))}
                height={rowH - 10}
                className="ipr-chart-bar"
              >
                <title>{`${b.label}: ${b.text}`}</title>
              </rect>
              <text x={labelWidth + barW + 6} y={y + 17} className="ipr-chart-label">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}

/** One stacked bar per row over the five bands (share of the row's people), with a legend. */
export function BandStack({
  rows,
  caption,
  labelWidth = 200,
}: {
  rows: { key: string; label: string; bands: Record<Band, number> }[];
  caption: string;
  labelWidth?: number;
}) {
  const { t } = useTranslation();
  const rowH = 28;
  const width = 640;
  const barW = width - labelWidth - 20;
  const legendH = 26;
  return (
    <figure className="ipr-chart">
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowH + legendH + 8}`}
        role="img"
        aria-label={caption}
        className="ipr-chart-svg"
      >
        {BAND_ORDER.map((b, i) => (
          <g key={b}>
            <rect x={labelWidth + i * 88} y={6} width={12} height={12} className={`ipr-band--${b}`} />
            <text x={labelWidth + i * 88 + 16} y={16} className="ipr-chart-label">
              {t(`ipr.band.${b}`)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = legendH + i * rowH + 4;
          const total = BAND_ORDER.reduce((a, b) => a + r.bands[b], 0);
          let x = labelWidth;
          return (
            <g key={r.key}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="ipr-chart-label">
                {short(r.label, 30)}
              </text>
              <rect x={labelWidth} y={y + 4} width={barW} height={rowH - 10} className="ipr-chart-track" />
              {total > 0
                ? BAND_ORDER.map((b) => {
                    const w = (barW * r.bands[b]) / total;
                    const at = x;
                    x += w;
                    return w > 0 ? (
                      <rect key={b} x={at} y={y + 4} width={w} height={rowH - 10} className={`ipr-band--${b}`}>
                        <title>{`${r.label} — ${t(`ipr.band.${b}`)}: ${r.bands[b]}`}</title>
                      </rect>
                    ) : null;
                  })
                : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}
