import ChartDataTable from './ChartDataTable.tsx';
export interface Bar {
  label: string;
  value: number;
  /** Shown on top of the bar and in the data table. */
  valueLabel: string;
  tone?: 'accent' | 'muted' | 'positive' | 'negative';
}

interface Props {
  /** What the chart shows, for screen readers (role=img). */
  title: string;
  bars: Bar[];
  height?: number;
  /** Column headers of the accessible data table. */
  tableHeaders: [string, string];
}

/**
 * A small bar chart in plain SVG: a chart library would cost more bytes than the whole
 * calculator, and these charts need only bars, labels and an accessible table.
 */
export default function BarChart({ title, bars, height = 180, tableHeaders }: Props) {
  const width = 320;
  const top = 18;
  const bottom = 22;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const min = Math.min(0, ...bars.map((bar) => bar.value));
  const span = max - min || 1;
  const plotHeight = height - top - bottom;
  const y = (value: number) => top + ((max - value) / span) * plotHeight;
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.7);
  const showEveryLabel = bars.length <= 12;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <line x1="0" x2={width} y1={y(0)} y2={y(0)} class="chart__axis" />
        {bars.map((bar, index) => {
          const x = index * slot + (slot - barWidth) / 2;
          const barTop = Math.min(y(bar.value), y(0));
          const barHeight = Math.max(1, Math.abs(y(bar.value) - y(0)));
          const labelEvery = showEveryLabel || index % Math.ceil(bars.length / 12) === 0 || index === bars.length - 1;
          return (
            <g key={index}>
              <rect x={x} y={barTop} width={barWidth} height={barHeight} rx="3" class={`chart__bar chart__bar--${bar.tone ?? 'accent'}`} />
              {labelEvery && (
                <>
                  <text x={x + barWidth / 2} y={barTop - 4} text-anchor="middle" class="chart__value">
                    {bar.valueLabel}
                  </text>
                  <text x={x + barWidth / 2} y={height - 6} text-anchor="middle" class="chart__label">
                    {bar.label}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <ChartDataTable title={title} headers={tableHeaders} rows={bars.map((bar) => [bar.label, bar.valueLabel] as const)} />
    </figure>
  );
}
