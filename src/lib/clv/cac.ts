/**
 * CLV against the cost of winning a customer (CAC), Module 2 lessons 2 and 6. The bands follow
 * the common SaaS rule of thumb: below 1 every new customer loses money, 3 or more is healthy.
 * Results are plain data (no functions), so they can cross a Web Worker or an API boundary.
 */
import { finite, nonNegative, positive } from './validate.ts';

/** Verdict on an LTV / CAC ratio: < 1 losing, 1 to < 3 thin, >= 3 healthy. */
export type CacBand = 'losing' | 'thin' | 'healthy';

/** Ratio at which the band turns healthy, and the default target of maxAffordableCac. */
export const HEALTHY_LTV_TO_CAC = 3;

/** Inputs of ltvToCac. */
export interface LtvToCacInput {
  /** Lifetime value of one customer, in currency units. */
  clv: number;
  /** Cost of acquiring one customer, in currency units, > 0. */
  cac: number;
  /** Margin one customer brings per month, > 0; omitted = no payback period. */
  marginPerMonth?: number;
}

/** Result of ltvToCac. */
export interface LtvToCac {
  /** clv / cac. */
  ratio: number;
  /** Verdict on the ratio. */
  band: CacBand;
  /** Months of margin needed to earn the CAC back: cac / marginPerMonth; null without a margin. */
  paybackMonths: number | null;
  /** Highest CAC that keeps the ratio at the healthy target 3: clv / 3. */
  maxAffordableCac: number;
}

/** The band of an LTV / CAC ratio. */
export function cacBand(ratio: number): CacBand {
  if (ratio < 1) return 'losing';
  return ratio < HEALTHY_LTV_TO_CAC ? 'thin' : 'healthy';
}

/** Highest acquisition cost that still gives clv / cac >= targetRatio. */
export function maxAffordableCac(clv: number, targetRatio: number = HEALTHY_LTV_TO_CAC): number {
  return finite('clv', clv) / positive('targetRatio', targetRatio);
}

/** LTV / CAC ratio, its band, payback months and the affordable CAC. */
export function ltvToCac(input: LtvToCacInput): LtvToCac {
  const clv = finite('clv', input.clv);
  const cac = positive('cac', input.cac);
  const margin = input.marginPerMonth === undefined ? undefined : positive('marginPerMonth', input.marginPerMonth);
  const ratio = clv / cac;
  return {
    ratio,
    band: cacBand(ratio),
    paybackMonths: margin === undefined ? null : cac / margin,
    maxAffordableCac: maxAffordableCac(clv),
  };
}

/** Advertising of one period and the customers it brought. */
export interface AcquisitionPeriod {
  /** Advertising / sales spend of the period, in currency units. */
  adSpend: number;
  /** New customers won in the period, > 0. */
  customersAcquired: number;
}

/** CAC of one period, with its change against the first period. */
export interface AcquisitionCost {
  /** adSpend / customersAcquired. */
  cacPerCustomer: number;
  /** cacPerCustomer / first period's - 1 (0.5 = +50%); 0 for the first period. */
  changeFromFirst: number;
}

/** CAC per customer of each period: 10,000 yen for 10 customers = 1,000; later for 3 = 3,333 (+233%). */
export function acquisitionCostTrend(periods: readonly AcquisitionPeriod[]): AcquisitionCost[] {
  const costs = periods.map((period, i) => {
    const adSpend = nonNegative(`periods[${i}].adSpend`, period.adSpend);
    return adSpend / positive(`periods[${i}].customersAcquired`, period.customersAcquired);
  });
  const first = costs[0] ?? 0;
  return costs.map((cacPerCustomer) => ({
    cacPerCustomer,
    // A first period that cost nothing has no relative change: report 0 rather than Infinity.
    changeFromFirst: first === 0 ? 0 : cacPerCustomer / first - 1,
  }));
}
