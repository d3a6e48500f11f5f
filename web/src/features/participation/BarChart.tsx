/** Horizontal bars with a value label, described by a caption; the page shows the same numbers as a table. */
export interface Bar {
  key: string;
  label: string;
  /** 0–max. */
  value: number;
  /** Shown at the bar's end ("87 %", "3.52"). */
  text: string;
  tone?: 'good' | 'bad' | 'plain';
}

export function BarChart({
  bars,
  max,
  caption,
  labelWidth = 220,
}: {
  bars: Bar[];
  max: number;
  caption: string;
  labelWidth?: number;
}) {
  const rowH = 28;
  const width = 640;
  const barW = width - labelWidth - 70;
  return (
    <figure className="prt-chart">
      <svg viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} role="img" aria-label={caption} className="prt-chart-svg">
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const short = b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label;
          return (
            <g key={b.key}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="prt-chart-label">
                {short}
              </text>
              <rect x={labelWidth} y={y + 4} width={barW} height={rowH - 10} className="prt-chart-track" />
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(1, (barW * Math.min(b.value, max)) / Math.max(max, 1e-9))}
                height={rowH - 10}
                className={`prt-chart-bar prt-chart-bar--${b.tone ?? 'plain'}`}
              >
                <title>{`${b.label}: ${b.text}`}</title>
              </rect>
              <text x={labelWidth + barW + 6} y={y + 17} className="prt-chart-label">
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
