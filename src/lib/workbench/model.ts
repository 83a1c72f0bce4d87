import { bgNbdExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd, type BgNbdFit } from '../clv/bgnbd.ts';
import { fitGammaGamma, type GammaGammaFit } from '../clv/gammaGamma.ts';
import { predictiveClv } from '../clv/predictive.ts';
import type { CustomerSummary } from '../clv/types.ts';
import type { CustomerColumns } from './customerColumns.ts';

/**
 * The predictive models on the user's customers: BG/NBD for how often and how long (Fader,
 * Hardie & Lee 2005), Gamma-Gamma for how much (Fader, Hardie & Lee 2005, JMR), their
 * combination as a discounted 12-month CLV (the core's predictiveClv), and the plain-language
 * reasons not to trust them on this data. Time is counted in days.
 *
 * The core's fits say `ok: false` (without parameters) when they did not fit; predictions are
 * made only from `ok: true` fits, and a blocking note tells the user why there are none.
 * A repeat purchase of 0 yen counts as a purchase and lowers the customer's mean spend; a
 * customer whose repeat purchases were all free cannot enter the spend model's likelihood, so
 * they are left out of its fit (counted, with a caution) but still get a predicted spend.
 */

/** The prediction horizons the table shows. */
export const EXPECTED_PURCHASES_DAYS = 90;
export const CLV_MONTHS = 12;

/** Below this many repeat customers the BG/NBD has too little to learn from: no predictions. */
export const MIN_REPEAT_CUSTOMERS = 20;
/** Data shorter than this (in days) gets a caution: seasonality and churn are barely visible. */
export const SHORT_PERIOD_DAYS = 180;
/** |correlation| of purchase count and average spend above which Gamma-Gamma's assumption is doubtful. */
export const SPEND_FREQUENCY_CORRELATION_LIMIT = 0.3;
/** A sensible default discount rate per year (the user can change it). */
export const DEFAULT_DISCOUNT_RATE_PER_YEAR = 0.1;

/** Why the model is unavailable (blocking) or to be read with care (caution). */
export type ModelNoteCode =
  | 'too-few-repeat'
  | 'not-converged'
  | 'spend-not-converged'
  | 'spend-heavy-tail'
  | 'spend-zero-value'
  | 'short-period'
  | 'spend-frequency-correlated';

export interface ModelNote {
  code: ModelNoteCode;
  severity: 'blocking' | 'caution';
}

export interface ModelReport {
  customers: number;
  repeatCustomers: number;
  /** Days from the first to the last purchase in the data, both included. */
  periodDays: number;
  /** Repeat customers whose repeat purchases were all 0 yen: left out of the spend model's fit. */
  zeroValueRepeatCustomers: number;
  /** null when the fit was not attempted (too few repeat customers); `ok: false` when it did not fit. */
  bgNbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** Predicted purchases and P(alive) can be shown. */
  purchasesUsable: boolean;
  /** Predicted CLV can be shown. */
  spendUsable: boolean;
  /** Pearson correlation of repeat purchases and mean repeat spend among repeat customers (null below 3). */
  spendFrequencyCorrelation: number | null;
  notes: ModelNote[];
}

/** Fits both models and says whether (and why not) to trust them. */
export function fitModels(summaries: readonly CustomerSummary[], periodDays: number): ModelReport {
  const repeaters = summaries.filter((summary) => summary.frequency > 0);
  const spenders = repeaters.filter((summary) => summary.monetaryValue > 0);
  const zeroValueRepeatCustomers = repeaters.length - spenders.length;
  const notes: ModelNote[] = [];
  let bgNbd: BgNbdFit | null = null;
  let gammaGamma: GammaGammaFit | null = null;
  if (repeaters.length < MIN_REPEAT_CUSTOMERS) notes.push({ code: 'too-few-repeat', severity: 'blocking' });
  else {
    bgNbd = fitBgNbd(summaries);
    if (!bgNbd.ok) notes.push({ code: 'not-converged', severity: 'blocking' });
    gammaGamma = fitGammaGamma(spenders);
    if (!gammaGamma.ok) notes.push({ code: 'spend-not-converged', severity: 'blocking' });
    else if (!(gammaGamma.params.q > 1)) notes.push({ code: 'spend-heavy-tail', severity: 'blocking' });
    if (zeroValueRepeatCustomers > 0) notes.push({ code: 'spend-zero-value', severity: 'caution' });
  }
  if (periodDays < SHORT_PERIOD_DAYS) notes.push({ code: 'short-period', severity: 'caution' });
  const spendFrequencyCorrelation = correlation(repeaters.map((s) => s.frequency), repeaters.map((s) => s.monetaryValue));
  if (spendFrequencyCorrelation !== null && Math.abs(spendFrequencyCorrelation) > SPEND_FREQUENCY_CORRELATION_LIMIT) {
    notes.push({ code: 'spend-frequency-correlated', severity: 'caution' });
  }
  const purchasesUsable = bgNbd?.ok === true;
  const spendUsable = purchasesUsable && gammaGamma?.ok === true && gammaGamma.params.q > 1;
  return {
    customers: summaries.length,
    repeatCustomers: repeaters.length,
    zeroValueRepeatCustomers,
    periodDays,
    bgNbd,
    gammaGamma,
    purchasesUsable,
    spendUsable,
    spendFrequencyCorrelation,
    notes,
  };
}

/**
 * Fills the model columns: purchases in the next 90 days, P(alive), and the 12-month CLV.
 * Returns each customer's undiscounted expected value per month (CLV_MONTHS per customer), so a
 * new discount rate is a weighted sum (see discountedClv), not a new prediction.
 */
export function predictCustomers(
  report: ModelReport,
  summaries: readonly CustomerSummary[],
  columns: CustomerColumns,
  discountRatePerYear: number,
): Float64Array | null {
  const bgFit = report.bgNbd;
  if (!report.purchasesUsable || bgFit === null || !bgFit.ok) return null;
  const bg = bgFit.params;
  summaries.forEach((summary, i) => {
    columns.expectedPurchases90[i] = bgNbdExpectedPurchases(bg, summary, EXPECTED_PURCHASES_DAYS);
    columns.probabilityAlive[i] = bgNbdProbabilityAlive(bg, summary);
  });
  const ggFit = report.gammaGamma;
  if (!report.spendUsable || ggFit === null || !ggFit.ok) return null;
  const gg = ggFit.params;
  const monthlyValues = new Float64Array(summaries.length * CLV_MONTHS);
  summaries.forEach((summary, i) => {
    const { expectedPurchases, expectedSpend } = predictiveClv(bg, gg, summary, { months: CLV_MONTHS, discountRatePerMonth: 0, unit: 'day' });
    for (let month = 0; month < CLV_MONTHS; month++) monthlyValues[i * CLV_MONTHS + month] = expectedPurchases[month]! * expectedSpend;
  });
  discountedClv(monthlyValues, discountRatePerYear, columns.clv12);
  return monthlyValues;
}

/** The monthly rate equivalent to a yearly one: (1 + d)^(1/12) − 1. */
export function monthlyDiscountRate(discountRatePerYear: number): number {
  return Math.pow(1 + discountRatePerYear, 1 / 12) - 1;
}

/**
 * CLV = Σ_month value_month ÷ (1 + d_month)^month, as predictiveClv discounts (cash at the end of
 * the month it is earned in); writes into `into` and returns it.
 */
export function discountedClv(monthlyValues: Float64Array, discountRatePerYear: number, into: Float64Array): Float64Array {
  const rate = monthlyDiscountRate(discountRatePerYear);
  const factors = Array.from({ length: CLV_MONTHS }, (_, month) => 1 / Math.pow(1 + rate, month + 1));
  for (let i = 0; i < into.length; i++) {
    let clv = 0;
    for (let month = 0; month < CLV_MONTHS; month++) clv += monthlyValues[i * CLV_MONTHS + month]! * factors[month]!;
    into[i] = clv;
  }
  return into;
}

/** Pearson's r, or null with fewer than 3 points or no spread. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
