import { bgNbdExpectedPurchases, fitBgNbd, type BgNbdParams } from '../clv/bgnbd.ts';
import { dayNumberToIso, isoToDayNumber } from '../clv/dates.ts';
import { summarizeTransactionsReport, type CalibrationHoldoutSummary } from '../clv/summarize.ts';
import type { IsoDate, TransactionRow } from '../clv/types.ts';
import { MIN_REPEAT_CUSTOMERS } from './model.ts';

/**
 * The fit check of Fader, Hardie & Lee (2005, figure 3): fit the BG/NBD on the purchases up to
 * a calibration date only, predict each customer's repeat purchases in the period after it (the
 * holdout), and compare with what they actually bought, per number of repeat purchases in the
 * calibration period and in total. Customers whose first purchase falls in the holdout are
 * left out (the model cannot know them).
 */

/** Calibration periods shorter than this (days from the first purchase) are refused. */
export const MIN_CALIBRATION_DAYS = 60;
/** Holdout periods shorter than this (days) are refused. */
export const MIN_HOLDOUT_DAYS = 14;
/** The default holdout: a third of the data, between 30 and 182 days. */
export const DEFAULT_HOLDOUT = { share: 1 / 3, minDays: 30, maxDays: 182 };
/** Repeat-purchase buckets 0, 1, …, LAST_BUCKET−1 and LAST_BUCKET or more. */
export const LAST_BUCKET = 6;
/** |predicted − actual| ÷ actual of the holdout total: good up to 10 %, fair up to 25 %. */
export const VERDICT_LIMITS = { good: 0.1, fair: 0.25 };

export interface FitCheckBucket {
  /** Repeat purchases in the calibration period: 0…5, and 6 for "6 or more". */
  repeatPurchases: number;
  orMore: boolean;
  customers: number;
  /** Mean purchase days per customer in the holdout: actual and predicted. */
  actual: number;
  predicted: number;
}

export type FitCheck =
  | {
      ok: true;
      calibrationEnd: IsoDate;
      observationEnd: IsoDate;
      holdoutDays: number;
      customers: number;
      firstSeenInHoldout: number;
      params: BgNbdParams;
      buckets: FitCheckBucket[];
      actualTotal: number;
      predictedTotal: number;
      /** (predicted − actual) ÷ actual of the holdout totals; null when nobody bought in the holdout. */
      relativeError: number | null;
      verdict: 'good' | 'fair' | 'poor';
    }
  | { ok: false; calibrationEnd: IsoDate; reason: 'calibration-too-short' | 'holdout-too-short' | 'too-few-repeat' | 'not-converged' };

/** The default calibration end for data from `start` to `end`. */
export function defaultCalibrationEnd(start: IsoDate, end: IsoDate): IsoDate {
  const first = isoToDayNumber(start);
  const last = isoToDayNumber(end);
  const holdout = Math.round(Math.min(DEFAULT_HOLDOUT.maxDays, Math.max(DEFAULT_HOLDOUT.minDays, (last - first) * DEFAULT_HOLDOUT.share)));
  return dayNumberToIso(Math.max(first, last - holdout));
}

/** The latest and earliest calibration ends the data allows. */
export function calibrationRange(start: IsoDate, end: IsoDate): { min: IsoDate; max: IsoDate } {
  return {
    min: dayNumberToIso(isoToDayNumber(start) + MIN_CALIBRATION_DAYS),
    max: dayNumberToIso(isoToDayNumber(end) - MIN_HOLDOUT_DAYS),
  };
}

/** Runs the check on the purchase rows (amounts >= 0) for data from `start` to `end`. */
export function checkFit(rows: readonly TransactionRow[], start: IsoDate, end: IsoDate, calibrationEnd: IsoDate): FitCheck {
  const range = calibrationRange(start, end);
  if (calibrationEnd < range.min) return { ok: false, calibrationEnd, reason: 'calibration-too-short' };
  if (calibrationEnd > range.max) return { ok: false, calibrationEnd, reason: 'holdout-too-short' };
  const report = summarizeTransactionsReport(rows, { observationEnd: end, calibrationEnd, unit: 'day' });
  // With a calibrationEnd every summary carries its holdout figures.
  const customers = report.customers as CalibrationHoldoutSummary[];
  const repeaters = customers.reduce((count, customer) => count + (customer.frequency > 0 ? 1 : 0), 0);
  if (repeaters < MIN_REPEAT_CUSTOMERS) return { ok: false, calibrationEnd, reason: 'too-few-repeat' };
  const fit = fitBgNbd(customers);
  // No parameters without a fit: a comparison built on them would look like a verdict.
  if (!fit.ok) return { ok: false, calibrationEnd, reason: 'not-converged' };
  const { params } = fit;
  const holdoutDays = isoToDayNumber(end) - isoToDayNumber(calibrationEnd);
  const sums = Array.from({ length: LAST_BUCKET + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  let actualTotal = 0;
  let predictedTotal = 0;
  for (const customer of customers) {
    const predicted = bgNbdExpectedPurchases(params, customer, holdoutDays);
    const bucket = sums[Math.min(LAST_BUCKET, customer.frequency)]!;
    bucket.customers++;
    bucket.actual += customer.holdoutFrequency;
    bucket.predicted += predicted;
    actualTotal += customer.holdoutFrequency;
    predictedTotal += predicted;
  }
  const buckets = sums.map((sum, repeatPurchases) => ({
    repeatPurchases,
    orMore: repeatPurchases === LAST_BUCKET,
    customers: sum.customers,
    actual: sum.customers > 0 ? sum.actual / sum.customers : 0,
    predicted: sum.customers > 0 ? sum.predicted / sum.customers : 0,
  }));
  const relativeError = actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : null;
  const error = relativeError === null ? Number.POSITIVE_INFINITY : Math.abs(relativeError);
  const verdict = error <= VERDICT_LIMITS.good ? 'good' : error <= VERDICT_LIMITS.fair ? 'fair' : 'poor';
  return {
    ok: true,
    calibrationEnd,
    observationEnd: end,
    holdoutDays,
    customers: customers.length,
    firstSeenInHoldout: report.customersFirstSeenInHoldout,
    params,
    buckets,
    actualTotal,
    predictedTotal,
    relativeError,
    verdict,
  };
}
