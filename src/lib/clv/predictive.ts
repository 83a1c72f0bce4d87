/**
 * Predictive customer lifetime value: BG/NBD for how many purchases, Gamma-Gamma for how much
 * each, discounted month by month. Same recipe as lifetimes' `_customer_lifetime_value`
 * (utils.py), see Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer
 * Base Analysis", J. Marketing Research 42(4), for the model combination.
 *
 * Convention: a month is 30 days, so 30 time units when the history is in days and 30/7 ≈ 4.2857
 * when it is in weeks. (lifetimes uses 30 days but 4.345 weeks, i.e. a 30.4-day month, for
 * weekly data; its weekly figures therefore differ slightly from ours.)
 */
import type { RepeatHistory, TimeUnit } from './types.ts';
import { DAYS_PER_UNIT } from './dates.ts';
import type { BgNbdParams } from './bgnbd.ts';
import type { GammaGammaParams } from './gammaGamma.ts';
import { bgNbdExpectedPurchases } from './bgnbd.ts';
import { gammaGammaExpectedSpend } from './gammaGamma.ts';

/** Days in the CLV month. */
export const DAYS_PER_MONTH = 30;

export interface PredictiveClvOptions {
  /** Horizon in whole months (0 gives a CLV of 0). */
  months: number;
  /** Discount rate per month, e.g. 0.01 for 1 % a month (about 12.7 % a year). Must exceed -1. */
  discountRatePerMonth: number;
  /** The unit the customer's recency and T (and the BG/NBD α) are in. */
  unit: TimeUnit;
}

export interface PredictiveClv {
  /** Σ monthly: the discounted value of the customer's future purchases over the horizon. */
  clv: number;
  /** Discounted value of month i + 1: purchases expected in that month × spend / (1 + d)^(i+1). */
  monthly: number[];
  /** Undiscounted purchases expected in month i + 1 (BG/NBD eq. 10 differences). */
  expectedPurchases: number[];
  /** Gamma-Gamma expected value per purchase (the same for every month). */
  expectedSpend: number;
}

/**
 * Discounted CLV over `months` months: for month i = 1..months,
 *   (E[purchases in (T, T + i·m]] - E[purchases in (T, T + (i-1)·m]]) × E[spend] / (1 + d)^i,
 * with m the month in the history's unit, E[purchases] from BG/NBD eq. 10 and E[spend] from the
 * Gamma-Gamma conditional mean. Cash is discounted at the end of the month it is earned in.
 */
export function predictiveClv(
  bgParams: BgNbdParams,
  ggParams: GammaGammaParams,
  customer: RepeatHistory & { monetaryValue: number },
  options: PredictiveClvOptions,
): PredictiveClv {
  const { months, discountRatePerMonth, unit } = options;
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be a whole number >= 0 (got ${months})`);
  if (!Number.isFinite(discountRatePerMonth) || discountRatePerMonth <= -1) {
    throw new RangeError(`discountRatePerMonth must be a finite number > -1 (got ${discountRatePerMonth})`);
  }
  const daysPerUnit = DAYS_PER_UNIT[unit];
  if (daysPerUnit === undefined) throw new RangeError(`unit must be 'day' or 'week' (got ${String(unit)})`);
  const unitsPerMonth = DAYS_PER_MONTH / daysPerUnit;
  const expectedSpend = gammaGammaExpectedSpend(ggParams, customer);
  const monthly: number[] = [];
  const expectedPurchases: number[] = [];
  let clv = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = bgNbdExpectedPurchases(bgParams, customer, i * unitsPerMonth);
    // Cumulative expectations are non-decreasing; clamp rounding noise so no month is negative.
    const purchases = Math.max(0, cumulative - previous);
    previous = Math.max(previous, cumulative);
    const value = (purchases * expectedSpend) / Math.pow(1 + discountRatePerMonth, i);
    expectedPurchases.push(purchases);
    monthly.push(value);
    clv += value;
  }
  return { clv, monthly, expectedPurchases, expectedSpend };
}
