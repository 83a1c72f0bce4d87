import type { CacBand } from '../../lib/clv/cac.ts';
import ChartDataTable from './ChartDataTable.tsx';

interface Props {
  /** What the band shows and where the ratio falls, for screen readers (role=img). */
  title: string;
  ratio: number;
  /** The ratio as text: "3倍", "3×". */
  valueLabel: string;
  /** Words for each band, written inside it (colour is never the only signal). */
  bandLabels: Record<CacBand, string>;
  /** Limits written at the band edges: "1倍", "3倍". */
  limitLabels: [string, string];
  /** Headers of the accessible table: band, range. */
  tableHeaders: [string, string];
  /** Range of each band in words, for the table. */
  bandRanges: Record<CacBand, string>;
}

// Display scale: 0-1 takes the first 20%, 1-3 the next 35%, and 3 to infinity the rest
// (0.55 + 0.45 (1 - 3 / r)), so 6x and 10x still fit and stay apart.
function position(ratio: number): number {
  if (!(ratio > 0)) return 0;
  if (ratio < 1) return 0.2 * ratio;
  if (ratio < 3) return 0.2 + (0.35 * (ratio - 1)) / 2;
  return Math.min(1, 0.55 + 0.45 * (1 - 3 / ratio));
}

const BANDS: { band: CacBand; from: number; to: number }[] = [
  { band: 'losing', from: 0, to: 0.2 },
  { band: 'thin', from: 0.2, to: 0.55 },
  { band: 'healthy', from: 0.55, to: 1 },
];

/** The LTV:CAC ratio on a band of three verdicts, with a marker and its value. */
export default function RatioBand({ title, ratio, valueLabel, bandLabels, limitLabels, tableHeaders, bandRanges }: Props) {
  const width = 260;
  const left = 6;
  const plot = width - 2 * left;
  const x = (p: number) => left + p * plot;
  const marker = x(position(ratio));
  const anchor = marker < 24 ? 'start' : marker > width - 24 ? 'end' : 'middle';
  return (
    <figure class="chart ratio-band">
      <svg viewBox={`0 0 ${width} 80`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        {BANDS.map(({ band, from, to }) => (
          <g key={band}>
            <rect x={x(from)} y="22" width={x(to) - x(from)} height="16" class={`ratio-band__zone ratio-band__zone--${band}`} />
            <text x={(x(from) + x(to)) / 2} y="74" text-anchor="middle" class="ratio-band__zone-label">
              {bandLabels[band]}
            </text>
          </g>
        ))}
        {[0.2, 0.55].map((p, index) => (
          <g key={p}>
            <line x1={x(p)} x2={x(p)} y1="38" y2="44" class="chart__axis" />
            <text x={x(p)} y="55" text-anchor="middle" class="ratio-band__tick">
              {limitLabels[index]}
            </text>
          </g>
        ))}
        <line x1={marker} x2={marker} y1="19" y2="41" class="ratio-band__marker" />
        <path d={`M${marker - 5} 12 L${marker + 5} 12 L${marker} 19 Z`} class="ratio-band__pointer" />
        <text x={marker} y="9" text-anchor={anchor} class="ratio-band__value">
          {valueLabel}
        </text>
      </svg>
      <ChartDataTable title={title} headers={tableHeaders} rows={BANDS.map(({ band }) => [bandLabels[band], bandRanges[band]] as const)} />
    </figure>
  );
}
