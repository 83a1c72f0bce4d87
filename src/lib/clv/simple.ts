/**
 * The textbook CLV: average purchase x purchases per year x retention years (Module 2, lesson 1),
 * with an optional gross margin and optional yearly discounting, and its group-average variant
 * for anonymous customers (Module 2, lesson 4).
 *
 * Discounting convention (annuity-immediate): the value of year k is received at the end of year k
 * and divided by (1 + d)^k, k = 1..n. A fractional last year counts its share of the yearly value,
 * discounted as one sum at the end of that year: 2.5 years = years 1 and 2 in full + half a year
 * discounted by (1 + d)^3.
 */
import { discountRate, nonNegative, positive, unitInterval } from './validate.ts';

/** Inputs of the per-customer formula. */
export interface SimpleClvInput {
  /** Average amount of one purchase, in currency units (yen). */
  averagePurchase: number;
  /** Purchases per customer per year. */
  purchasesPerYear: number;
  /** How long the relationship lasts, in years; fractions allowed (2.5). */
  retentionYears: number;
  /** Share of the revenue kept as gross profit, 0..1; omitted = revenue CLV (margin 1). */
  grossMargin?: number;
  /** Yearly discount rate (0.05 = 5%), > -1; omitted or 0 = no discounting. */
  discountRatePerYear?: number;
}

/** One bar of the per-year chart. */
export interface ClvYear {
  /** Year number, 1-based; the last one may cover only part of a year. */
  year: number;
  /** (Discounted) value earned in this year. */
  value: number;
  /** Sum of the values of years 1..year. */
  cumulative: number;
}

/** Longest horizon simpleClvByYear draws, so a mistyped 5000 years cannot freeze the page. */
export const MAX_CHART_YEARS = 1000;

interface CheckedInput {
  valuePerYear: number;
  retentionYears: number;
  discountRatePerYear: number;
}

function check(input: SimpleClvInput): CheckedInput {
  const averagePurchase = nonNegative('averagePurchase', input.averagePurchase);
  const purchasesPerYear = nonNegative('purchasesPerYear', input.purchasesPerYear);
  const retentionYears = nonNegative('retentionYears', input.retentionYears);
  const grossMargin = input.grossMargin === undefined ? 1 : unitInterval('grossMargin', input.grossMargin);
  const rate = input.discountRatePerYear === undefined ? 0 : discountRate('discountRatePerYear', input.discountRatePerYear);
  return { valuePerYear: averagePurchase * purchasesPerYear * grossMargin, retentionYears, discountRatePerYear: rate };
}

/** Present value of 1 per year for `years` whole years, end of year: sum of (1 + d)^-k = (1 - (1 + d)^-n) / d. */
function annuityFactor(years: number, rate: number): number {
  // expm1/log1p keep the closed form accurate when d is close to 0.
  return -Math.expm1(-years * Math.log1p(rate)) / rate;
}

/** CLV of one customer: averagePurchase x purchasesPerYear x retentionYears (x grossMargin), discounted if asked. */
export function simpleClv(input: SimpleClvInput): number {
  const { valuePerYear, retentionYears, discountRatePerYear: rate } = check(input);
  if (rate === 0) return valuePerYear * retentionYears;
  if (valuePerYear === 0) return 0;
  const fullYears = Math.floor(retentionYears);
  const partYear = retentionYears - fullYears;
  const upToFull = annuityFactor(fullYears, rate);
  if (partYear === 0) return valuePerYear * upToFull;
  const withPart = upToFull + partYear * Math.exp(-(fullYears + 1) * Math.log1p(rate));
  // Rounding must not break "more years, more value": keep the result between the whole years.
  return valuePerYear * Math.min(Math.max(withPart, upToFull), annuityFactor(fullYears + 1, rate));
}

/** The same CLV year by year, for a chart; the last cumulative equals simpleClv up to rounding. */
export function simpleClvByYear(input: SimpleClvInput): ClvYear[] {
  const { valuePerYear, retentionYears, discountRatePerYear: rate } = check(input);
  if (retentionYears > MAX_CHART_YEARS) {
    throw new RangeError(`retentionYears must be <= ${MAX_CHART_YEARS} for a per-year chart (got ${retentionYears})`);
  }
  const years: ClvYear[] = [];
  let cumulative = 0;
  for (let year = 1; year < retentionYears + 1; year++) {
    const share = Math.min(1, retentionYears - (year - 1));
    const value = (valuePerYear * share) / Math.pow(1 + rate, year);
    cumulative += value;
    years.push({ year, value, cumulative });
  }
  return years;
}

/** Yearly totals of a shop whose customers are anonymous (POS / receipts), Module 2 lesson 4. */
export interface GroupClvInput {
  /** Sales of one year, in currency units. */
  totalSales: number;
  /** Visits (receipts) in the same year. */
  totalVisits: number;
  /** Estimated number of distinct customers behind those visits. */
  estimatedCustomers: number;
  /** Assumed relationship length, in years. */
  retentionYears: number;
}

/** Group averages and the CLV of an average customer. */
export interface GroupClv {
  /** totalSales / totalVisits: the average ticket. */
  averageSpendPerVisit: number;
  /** totalVisits / estimatedCustomers. */
  visitsPerCustomerPerYear: number;
  /** totalSales / estimatedCustomers (= average ticket x visits per customer). */
  salesPerCustomerPerYear: number;
  /** salesPerCustomerPerYear x retentionYears. */
  clv: number;
}

/** CLV from shop totals: average ticket x visits per customer per year x years (restaurant: 2,000 x 5 x 3 = 30,000). */
export function groupClv(input: GroupClvInput): GroupClv {
  const totalSales = nonNegative('totalSales', input.totalSales);
  const totalVisits = positive('totalVisits', input.totalVisits);
  const estimatedCustomers = positive('estimatedCustomers', input.estimatedCustomers);
  const retentionYears = nonNegative('retentionYears', input.retentionYears);
  // Divide the totals directly rather than multiplying two rounded averages.
  const salesPerCustomerPerYear = totalSales / estimatedCustomers;
  return {
    averageSpendPerVisit: totalSales / totalVisits,
    visitsPerCustomerPerYear: totalVisits / estimatedCustomers,
    salesPerCustomerPerYear,
    clv: salesPerCustomerPerYear * retentionYears,
  };
}
