import { defaultComparison } from '../calculators/monitoring.ts';
import { cohortRetention, periodMetrics, type CohortRow, type PeriodKind, type PeriodMetrics } from '../clv/periods.ts';
import type { IsoDate, TransactionRow } from '../clv/types.ts';

/**
 * Monitoring the user's own data as the lesson "monitoring CLV" teaches: sales by month or
 * quarter split into customers × purchases per customer × average ticket, the change between
 * two periods decomposed (the core's decomposeChange, chosen by the page), and retention by
 * first-purchase cohort. Periods the data covers only in part are marked, so a half month is
 * never compared with a full one by default.
 */

/** Cohorts (most recent) and months after the first purchase shown in the heat map. */
export const COHORT_LIMITS = { cohorts: 24, months: 24 };

export interface PeriodSeries {
  periods: PeriodMetrics[];
  /** The first and last period extend beyond the data (the data starts or ends mid-period). */
  firstPartial: boolean;
  lastPartial: boolean;
}

export interface Monitoring {
  month: PeriodSeries;
  quarter: PeriodSeries;
  cohorts: CohortRow[];
  /** Total cohorts before the limit, and whether months were cut. */
  cohortCount: number;
  monthsCut: boolean;
}

/** Periods, partial flags and the cohort triangle of the rows (positive amounts). */
export function monitoringOf(rows: readonly TransactionRow[], firstDate: IsoDate, lastDate: IsoDate): Monitoring {
  const series = (kind: PeriodKind): PeriodSeries => {
    const periods = periodMetrics(rows, kind);
    return {
      periods,
      firstPartial: periods.length > 0 && periods[0]!.start < firstDate,
      lastPartial: periods.length > 0 && periods[periods.length - 1]!.end > lastDate,
    };
  };
  const all = cohortRetention(rows);
  const cohorts = all.slice(-COHORT_LIMITS.cohorts).map((row) => ({
    ...row,
    active: row.active.slice(0, COHORT_LIMITS.months + 1),
    retention: row.retention.slice(0, COHORT_LIMITS.months + 1),
  }));
  return {
    month: series('month'),
    quarter: series('quarter'),
    cohorts,
    cohortCount: all.length,
    monthsCut: all.some((row) => row.active.length > COHORT_LIMITS.months + 1),
  };
}

/**
 * The default pair to compare: the latest complete period against the same period a year
 * earlier (or the one before), leaving out a last period the data covers only in part.
 */
export function defaultPeriods(series: PeriodSeries, kind: PeriodKind): { from: number; to: number } {
  const complete = series.lastPartial ? series.periods.length - 1 : series.periods.length;
  if (complete < 2) return defaultComparison(series.periods.length, kind);
  return defaultComparison(complete, kind);
}

export { shortPeriodLabel } from '../calculators/monitoring.ts';
