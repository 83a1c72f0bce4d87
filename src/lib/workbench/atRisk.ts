import type { CustomerColumns } from './customerColumns.ts';

/**
 * The two lists a salesperson takes to the next round of visits.
 *
 * At risk: customers who were worth a lot and whom the BG/NBD now thinks have probably stopped
 * buying. All three conditions must hold:
 *   1. they bought on at least 2 days (for a one-time buyer the BG/NBD's P(alive) is 1 by
 *      construction: there is no sign of a lapse to read),
 *   2. their total spend is in the top 20 % of all customers (high past value),
 *   3. P(alive) is below 0.5 (the model thinks it more likely than not that they have left).
 * Sorted by total spend, largest first: the biggest relationships to rescue come first.
 *
 * Best customers: the 20 with the highest predicted 12-month CLV (the ones to look after), or
 * with the highest total spend when no CLV could be predicted.
 */

export const AT_RISK_RULE = {
  minPurchases: 2,
  /** The top share of customers by total spend that counts as "high past value". */
  topValueShare: 0.2,
  /** P(alive) strictly below this counts as "probably lapsed". */
  maxProbabilityAlive: 0.5,
} as const;

export type AtRiskRule = { minPurchases: number; topValueShare: number; maxProbabilityAlive: number };

export const BEST_CUSTOMERS_COUNT = 20;

/**
 * The smallest total spend that is in the top `share` of customers: the value of the
 * ceil(share × n)-th largest total (ties at the boundary are all in). Infinity with no customers.
 */
export function topValueThreshold(totals: ArrayLike<number>, share: number): number {
  const n = totals.length;
  if (n === 0) return Number.POSITIVE_INFINITY;
  const sorted = Float64Array.from(totals).sort();
  const count = Math.max(1, Math.ceil(share * n));
  return sorted[n - count]!;
}

/** Indices of the at-risk customers, largest total spend first (see the module comment). */
export function atRiskCustomers(columns: CustomerColumns, rule: AtRiskRule = AT_RISK_RULE): Int32Array {
  const threshold = topValueThreshold(columns.totalSpend, rule.topValueShare);
  const chosen: number[] = [];
  for (let i = 0; i < columns.ids.length; i++) {
    const alive = columns.probabilityAlive[i]!;
    if (
      columns.purchases[i]! >= rule.minPurchases &&
      columns.totalSpend[i]! >= threshold &&
      columns.totalSpend[i]! > 0 &&
      alive < rule.maxProbabilityAlive // NaN (no model) never passes
    ) {
      chosen.push(i);
    }
  }
  return Int32Array.from(chosen.sort((a, b) => columns.totalSpend[b]! - columns.totalSpend[a]! || a - b));
}

/** Indices of the best customers: highest predicted CLV, or highest total spend without a model. */
export function bestCustomers(
  columns: Pick<CustomerColumns, 'ids' | 'clv12' | 'totalSpend'>,
  count: number = BEST_CUSTOMERS_COUNT,
): Int32Array {
  const hasClv = columns.clv12.some((value) => !Number.isNaN(value));
  const key = hasClv ? columns.clv12 : columns.totalSpend;
  const order = Array.from(columns.ids, (_, i) => i).filter((i) => !Number.isNaN(key[i]!));
  order.sort((a, b) => key[b]! - key[a]! || a - b);
  return Int32Array.from(order.slice(0, count));
}
