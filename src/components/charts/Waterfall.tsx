import ChartDataTable from './ChartDataTable.tsx';
export interface WaterfallStep {
  label: string;
  /** A total (first and last bar) or a change added to the running total. */
  kind: 'total' | 'change';
  value: number;
  /** Shown on the bar and in the data table; changes carry their sign ("+6.3万円"). */
  valueLabel: string;
}

interface Props {
  /** What the chart shows, for screen readers (role=img). */
  title: string;
  steps: WaterfallStep[];
  /** Column headers of the accessible data table. */
  tableHeaders: [string, string];
  height?: number;
}

/**
 * A waterfall in plain SVG: the first total, each change floating from the running total
 * (positive and negative tones, signed labels), then the final total.
 */
export default function Waterfall({ title, steps, tableHeaders, height = 190 }: Props) {
  const width = 320;
  const top = 18;
  const bottom = 22;
  let running = 0;
  const spans = steps.map((step) => {
    const from = step.kind === 'total' ? 0 : running;
    const to = step.kind === 'total' ? step.value : running + step.value;
    running = to;
    return { from, to };
  });
  const all = spans.flatMap((span) => [span.from, span.to]);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const y = (value: number) => top + ((max - value) / span) * (height - top - bottom);
  const slot = width / Math.max(1, steps.length);
  const barWidth = Math.min(44, slot * 0.7);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <line x1="0" x2={width} y1={y(0)} y2={y(0)} class="chart__axis" />
        {steps.map((step, index) => {
          const { from, to } = spans[index]!;
          const x = index * slot + (slot - barWidth) / 2;
          const barTop = Math.min(y(from), y(to));
          const barHeight = Math.max(1, Math.abs(y(to) - y(from)));
          const tone = step.kind === 'total' ? (index === 0 ? 'muted' : 'accent') : step.value > 0 ? 'positive' : step.value < 0 ? 'negative' : 'muted';
          const next = spans[index + 1];
          return (
            <g key={index}>
              <rect x={x} y={barTop} width={barWidth} height={barHeight} rx="2" class={`chart__bar chart__bar--${tone}`} />
              {next && <line x1={x + barWidth} x2={x + slot} y1={y(to)} y2={y(to)} class="chart__reference" />}
              <text x={x + barWidth / 2} y={barTop - 4} text-anchor="middle" class="chart__value">
                {step.valueLabel}
              </text>
              <text x={x + barWidth / 2} y={height - 6} text-anchor="middle" class="chart__label">
                {step.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartDataTable title={title} headers={tableHeaders} rows={steps.map((step) => [step.label, step.valueLabel] as const)} />
    </figure>
  );
}
