import {
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  type BgNbdFit,
} from '../clv/bgnbd.ts';
import { fitGammaGamma, type GammaGammaFit } from '../clv/gammaGamma.ts';
import { predictiveClv } from '../clv/predictive.ts';
import type { CustomerSummary } from '../clv/types.ts';
import type { CustomerColumns } from './customerColumns.ts';

/**
 * The predictive models on the user's customers: BG/NBD for how often and how long (Fader,
 * Hardie & Lee 2005), Gamma-Gamma for how much (Fader, Hardie & Lee 2005, JMR), their
 * combination as a discounted 12-month CLV (the core's predictiveClv), and the plain-language
 * reasons not to trust them on this data. Time is counted in days.
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
  /** null when the fit was not attempted (too few repeat customers). */
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
  const notes: ModelNote[] = [];
  let bgNbd: BgNbdFit | null = null;
  let gammaGamma: GammaGammaFit | null = null;
  if (repeaters.length < MIN_REPEAT_CUSTOMERS) notes.push({ code: 'too-few-repeat', severity: 'blocking' });
  else {
    bgNbd = fitBgNbd(summaries);
    if (!bgNbd.converged || !Number.isFinite(bgNbd.logLikelihood)) notes.push({ code: 'not-converged', severity: 'blocking' });
    gammaGamma = fitGammaGamma(repeaters);
    if (!gammaGamma.converged) notes.push({ code: 'spend-not-converged', severity: 'blocking' });
    else if (!(gammaGamma.q > 1)) notes.push({ code: 'spend-heavy-tail', severity: 'blocking' });
  }
  if (periodDays < SHORT_PERIOD_DAYS) notes.push({ code: 'short-period', severity: 'caution' });
  const spendFrequencyCorrelation = correlation(repeaters.map((s) => s.frequency), repeaters.map((s) => s.monetaryValue));
  if (spendFrequencyCorrelation !== null && Math.abs(spendFrequencyCorrelation) > SPEND_FREQUENCY_CORRELATION_LIMIT) {
    notes.push({ code: 'spend-frequency-correlated', severity: 'caution' });
  }
  const purchasesUsable = bgNbd !== null && !notes.some((note) => note.code === 'too-few-repeat' || note.code === 'not-converged');
  const spendUsable = purchasesUsable && !notes.some((note) => note.code === 'spend-not-converged' || note.code === 'spend-heavy-tail');
  return {
    customers: summaries.length,
    repeatCustomers: repeaters.length,
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
  const bg = report.bgNbd;
  if (!report.purchasesUsable || bg === null) return null;
  summaries.forEach((summary, i) => {
    columns.expectedPurchases90[i] = bgNbdExpectedPurchases(bg, summary, EXPECTED_PURCHASES_DAYS);
    columns.probabilityAlive[i] = bgNbdProbabilityAlive(bg, summary);
  });
  const gg = report.gammaGamma;
  if (!report.spendUsable || gg === null) return null;
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
