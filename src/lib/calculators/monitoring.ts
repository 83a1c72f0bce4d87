import type { PeriodKind, PeriodMetrics } from '../clv/periods.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * The judgement of the monitoring board (lesson "monitoring CLV"): which two periods to compare
 * by default, and when to warn that sales look flat while repeat customers fall, the hidden
 * risk the lesson's worked example shows (sales 20 million both years, repeat customers 800 -> 600).
 */

/** Sales count as flat when they move by at most this share (±5%). */
export const FLAT_SALES_WITHIN = 0.05;
/** Repeat customers count as falling when they drop by more than this share (5%). */
export const REPEAT_DROP_OVER = 0.05;

/** Periods in a year, for "the same period a year earlier". */
const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4 };

/**
 * Indices of the default pair: the latest period against the same period a year earlier, or
 * against the previous period when the data is shorter than a year (or has a single period).
 */
export function defaultComparison(count: number, kind: PeriodKind): { from: number; to: number } {
  const to = Math.max(0, count - 1);
  const yearEarlier = to - PER_YEAR[kind];
  return { from: yearEarlier >= 0 ? yearEarlier : Math.max(0, to - 1), to };
}

export type MonitoringSignal =
  /** Sales flat, repeat customers falling: the warning. */
  | 'hidden-decline'
  /** Sales flat and repeat customers steady or rising. */
  | 'steady'
  /** Sales moved by more than the flat band, up or down. */
  | 'sales-moved'
  /** The earlier period has no sales, so there is nothing to compare. */
  | 'no-baseline';

export interface MonitoringCheck {
  signal: MonitoringSignal;
  /** (b − a) / a of revenue; null without a baseline. */
  salesChange: number | null;
  /** (b − a) / a of repeat (returning) customers; null when period a had none. */
  repeatChange: number | null;
}

/** Compares period b with the earlier period a; see the thresholds above. */
export function checkHiddenDecline(
  a: Pick<PeriodMetrics, 'revenue' | 'returningCustomers'>,
  b: Pick<PeriodMetrics, 'revenue' | 'returningCustomers'>,
  flatWithin: number = FLAT_SALES_WITHIN,
  repeatDropOver: number = REPEAT_DROP_OVER,
): MonitoringCheck {
  const repeatChange = a.returningCustomers > 0 ? (b.returningCustomers - a.returningCustomers) / a.returningCustomers : null;
  if (!(a.revenue > 0)) return { signal: 'no-baseline', salesChange: null, repeatChange };
  const salesChange = (b.revenue - a.revenue) / a.revenue;
  // A small tolerance so that exactly ±5% still counts as flat despite floating-point rounding.
  const epsilon = 1e-12;
  if (Math.abs(salesChange) > flatWithin + epsilon) return { signal: 'sales-moved', salesChange, repeatChange };
  const falling = repeatChange !== null && repeatChange < -repeatDropOver - epsilon;
  return { signal: falling ? 'hidden-decline' : 'steady', salesChange, repeatChange };
}

/** `2025-06` -> 2025年6月 / Jun 2025; `2025-Q2` -> 2025年 第2四半期 / Q2 2025. */
/** `2025-06` -> `25/6`, `2025-Q2` -> `25Q2`: short enough for a bar label on a phone. */
export function shortPeriodLabel(period: string): string {
  const quarter = /^\d{2}(\d{2})-Q(\d)$/.exec(period);
  if (quarter) return `${quarter[1]}Q${quarter[2]}`;
  const month = /^\d{2}(\d{2})-(\d{2})$/.exec(period);
  return month ? `${month[1]}/${Number(month[2])}` : period;
}

export function periodName(period: string, locale: Locale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale === 'ja' ? `${quarter[1]}年 第${quarter[2]}四半期` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const monthNumber = Number(month[2]);
  if (locale === 'ja') return `${month[1]}年${monthNumber}月`;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[monthNumber - 1]} ${month[1]}`;
}

/** The figures of the comparison table, in display order. */
export type ComparedFigure =
  | 'activeCustomers'
  | 'purchasesPerCustomer'
  | 'averageTicket'
  | 'revenue'
  | 'newCustomers'
  | 'returningCustomers'
  | 'repeatRate';

export const COMPARED_FIGURES: readonly ComparedFigure[] = [
  'activeCustomers',
  'purchasesPerCustomer',
  'averageTicket',
  'revenue',
  'newCustomers',
  'returningCustomers',
  'repeatRate',
];

export interface FigureChange {
  figure: ComparedFigure;
  a: number;
  b: number;
  /** Relative change (b − a) / a, or for the repeat rate the difference in points (b − a); null when a is 0. */
  change: number | null;
  /** How `change` reads: a relative change or a difference of two shares. */
  unit: 'relative' | 'points';
}

/** Each figure of the two periods side by side with its change. */
export function compareFigures(a: PeriodMetrics, b: PeriodMetrics): FigureChange[] {
  return COMPARED_FIGURES.map((figure) => {
    const x = a[figure];
    const y = b[figure];
    if (figure === 'repeatRate') return { figure, a: x, b: y, change: y - x, unit: 'points' };
    return { figure, a: x, b: y, change: x > 0 ? (y - x) / x : null, unit: 'relative' };
  });
}
