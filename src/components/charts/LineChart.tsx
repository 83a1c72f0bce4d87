import ChartDataTable from './ChartDataTable.tsx';
export interface LinePoint {
  /** 0..1 across the plot. */
  x: number;
  /** 0..1 up the plot. */
  y: number;
}

interface Props {
  /** What the chart shows, for screen readers (role=img). */
  title: string;
  points: LinePoint[];
  /** Axis titles, shown under and beside the plot. */
  xLabel: string;
  yLabel: string;
  /** Tick labels for 0, 0.5 and 1 on both axes (e.g. 0%, 50%, 100%). */
  ticks: [string, string, string];
  /** Draws the diagonal y = x, dashed, with its label. */
  reference?: string;
  /** One highlighted point with a guide line down to the x axis and a text label. */
  marker?: LinePoint & { label: string };
  /** The accessible data table: column headers and rows. */
  tableHeaders: [string, string];
  tableRows: Array<[string, string]>;
}

/**
 * A line chart on the unit square in plain SVG (shares against shares, as in the Pareto curve),
 * with an optional dashed diagonal and one labelled point. The data table is what screen readers
 * and print read; the picture is the same data.
 */
export default function LineChart({ title, points, xLabel, yLabel, ticks, reference, marker, tableHeaders, tableRows }: Props) {
  const width = 320;
  const height = 220;
  const left = 34;
  const right = 10;
  const top = 10;
  const bottom = 34;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const sx = (x: number) => left + x * plotWidth;
  const sy = (y: number) => top + (1 - y) * plotHeight;
  const path = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${sx(point.x).toFixed(1)},${sy(point.y).toFixed(1)}`).join('');
  const markerLeft = marker !== undefined && marker.x > 0.6;
  return (
    <figure class="chart chart--line">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <line x1={sx(0)} x2={sx(1)} y1={sy(0)} y2={sy(0)} class="chart__axis" />
        <line x1={sx(0)} x2={sx(0)} y1={sy(0)} y2={sy(1)} class="chart__axis" />
        {[0, 0.5, 1].map((tick, i) => (
          <g key={tick}>
            <text x={sx(tick)} y={sy(0) + 12} text-anchor="middle" class="chart__label">
              {ticks[i]}
            </text>
            <text x={sx(0) - 4} y={sy(tick) + 3} text-anchor="end" class="chart__label">
              {ticks[i]}
            </text>
          </g>
        ))}
        <text x={sx(0.5)} y={height - 4} text-anchor="middle" class="chart__label">
          {xLabel}
        </text>
        <text x={sx(0) + 4} y={sy(1) + 8} class="chart__label">
          {yLabel}
        </text>
        {reference && (
          <>
            <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(1)} class="chart__reference" />
            <text x={sx(0.97)} y={sy(0.97) + 14} text-anchor="end" class="chart__label">
              {reference}
            </text>
          </>
        )}
        <path d={path} class="chart__line" />
        {marker && (
          <>
            <line x1={sx(marker.x)} x2={sx(marker.x)} y1={sy(0)} y2={sy(marker.y)} class="chart__reference" />
            <circle cx={sx(marker.x)} cy={sy(marker.y)} r="4" class="chart__point" />
            <text
              x={sx(marker.x) + (markerLeft ? -8 : 8)}
              y={sy(marker.y) + 14}
              text-anchor={markerLeft ? 'end' : 'start'}
              class="chart__value"
            >
              {marker.label}
            </text>
          </>
        )}
      </svg>
      <ChartDataTable title={title} headers={tableHeaders} rows={tableRows} />
    </figure>
  );
}
