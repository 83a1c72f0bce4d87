/**
 * The geometric retention model of Gupta & Lehmann ("Customers as assets", Journal of Interactive
 * Marketing 17(1), 2003; "Managing Customers as Investments", 2005): constant margin m per period,
 * constant retention rate r, discount rate d per period.
 *
 * Timing convention: the customer is acquired at time 0; at the end of each period t = 1, 2, ...
 * they are still a customer with probability r^t (retained r once per period) and then pay m,
 * discounted by (1 + d)^t. Hence
 *   CLV_n = sum_{t=1..n} m (r / (1 + d))^t = m r (1 - q^n) / (1 + d - r),  q = r / (1 + d),
 *   CLV_inf = m r / (1 + d - r)   ("margin multiple" r / (1 + d - r), needs 1 + d - r > 0).
 * The variant that also counts a margin at t = 0 is m (1 + d) / (1 + d - r); we do not use it.
 */
import { discountRate, finite, nonNegativeInteger, retentionRate } from './validate.ts';

/** Inputs of the retention model; rates are per period (a year, a month: the same for all three). */
export interface RetentionClvInput {
  /** Margin a retained customer pays per period; may be negative for a loss-making customer. */
  marginPerPeriod: number;
  /** Share of customers kept from one period to the next, in [0, 1). */
  retentionRate: number;
  /** Discount rate per period (0.1 = 10%), > -1. */
  discountRate: number;
  /** Number of periods to count; omitted or Infinity = infinite horizon. */
  periods?: number;
}

/** Result of the retention model. */
export interface RetentionClv {
  /** Expected discounted margin: marginPerPeriod x marginMultiple. */
  clv: number;
  /** sum_{t=1..n} (r / (1 + d))^t; for the infinite horizon r / (1 + d - r). */
  marginMultiple: number;
  /** Expected tenure 1 / (1 - r) in periods, counting the period of acquisition (the "1 / churn" rule). */
  expectedLifetimePeriods: number;
  /** Number of periods counted, or 'infinite'. */
  horizon: number | 'infinite';
}

/** CLV under geometric retention (Gupta & Lehmann 2003): m r / (1 + d - r) for an infinite horizon. */
export function retentionClv(input: RetentionClvInput): RetentionClv {
  const margin = finite('marginPerPeriod', input.marginPerPeriod);
  const r = retentionRate('retentionRate', input.retentionRate);
  const d = discountRate('discountRate', input.discountRate);
  const periods =
    input.periods === undefined || input.periods === Infinity ? Infinity : nonNegativeInteger('periods', input.periods);
  const infinite = periods === Infinity;
  let marginMultiple: number;
  if (infinite) {
    // 1 - r first: exact for r >= 0.5 (Sterbenz), so a retention rate close to 1 keeps its
    // precision; the expression is also monotone in r, so more retention never rounds to less value.
    const gap = 1 - r + d;
    if (!(gap > 0)) {
      throw new RangeError(
        `discountRate must be > retentionRate - 1 for an infinite horizon, else the sum diverges (got discountRate ${d}, retentionRate ${r})`,
      );
    }
    marginMultiple = r / gap;
  } else if (periods === 0 || r === 0) {
    marginMultiple = 0;
  } else {
    // q (1 - q^n) / (1 - q) written as q expm1(n ln q) / expm1(ln q): both parts use the same
    // ln q, so the ratio stays accurate when q is close to 1 (where it tends to n).
    const logQ = Math.log(r) - Math.log1p(d);
    marginMultiple = logQ === 0 ? periods : ((r / (1 + d)) * Math.expm1(periods * logQ)) / Math.expm1(logQ);
  }
  return {
    clv: margin * marginMultiple,
    marginMultiple,
    expectedLifetimePeriods: 1 / (1 - r),
    horizon: infinite ? 'infinite' : periods,
  };
}
