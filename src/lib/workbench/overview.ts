import { isoToDayNumber } from '../clv/dates.ts';
import { paretoCurve, topShare, type ParetoPoint } from '../clv/pareto.ts';
import type { IsoDate } from '../clv/types.ts';
import type { CustomerColumns } from './customerColumns.ts';

/**
 * The figures of the overview: the lesson's simple CLV from history (average ticket × purchases
 * per customer per year × years covered, which equals sales per customer over the period), the
 * share of sales from the top 20 % of customers, and the Pareto curve.
 */

/** Days in an average calendar year. */
export const DAYS_PER_YEAR = 365.25;
/** Points of the Pareto curve sent to the chart: every percent of customers. */
export const PARETO_POINTS = 101;
/** The "top" of the top-share figure: 20 % of customers (the Pareto principle). */
export const TOP_CUSTOMER_SHARE = 0.2;

export interface Overview {
  customers: number;
  /** Customers who bought on two or more days. */
  repeatCustomers: number;
  /** Rows used (refund rows included). */
  transactions: number;
  /** Purchase days summed over customers. */
  purchases: number;
  /** Sales, refunds deducted. */
  revenue: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Days covered, first and last included. */
  periodDays: number;
  years: number;
  /** revenue ÷ purchases. */
  averageTicket: number;
  /** purchases ÷ customers ÷ years. */
  purchasesPerCustomerPerYear: number;
  /** averageTicket × purchasesPerCustomerPerYear × years: sales per customer over the period. */
  historicalClv: number;
  /** Share of sales from the top 20 % of customers. */
  topShare: number;
  pareto: ParetoPoint[];
}

/** The overview of customers whose history is in `columns`, for data from firstDate to lastDate. */
export function overviewOf(columns: CustomerColumns, transactions: number, firstDate: IsoDate, lastDate: IsoDate): Overview {
  const customers = columns.ids.length;
  let purchases = 0;
  let revenue = 0;
  let repeatCustomers = 0;
  for (let i = 0; i < customers; i++) {
    purchases += columns.purchases[i]!;
    revenue += columns.totalSpend[i]!;
    if (columns.purchases[i]! > 1) repeatCustomers++;
  }
  const periodDays = isoToDayNumber(lastDate) - isoToDayNumber(firstDate) + 1;
  const years = periodDays / DAYS_PER_YEAR;
  const averageTicket = purchases > 0 ? revenue / purchases : 0;
  const purchasesPerCustomerPerYear = customers > 0 ? purchases / customers / years : 0;
  // A customer whose refunds exceed their purchases brings nothing to the top: counted as 0.
  const values = Array.from(columns.totalSpend, (value) => Math.max(0, value));
  return {
    customers,
    repeatCustomers,
    transactions,
    purchases,
    revenue,
    firstDate,
    lastDate,
    periodDays,
    years,
    averageTicket,
    purchasesPerCustomerPerYear,
    historicalClv: averageTicket * purchasesPerCustomerPerYear * years,
    topShare: topShare(values, TOP_CUSTOMER_SHARE),
    pareto: thinCurve(paretoCurve(values), PARETO_POINTS),
  };
}

/** `count` points of the curve at evenly spaced customer shares (the curve has n + 1 points). */
export function thinCurve(curve: readonly ParetoPoint[], count: number): ParetoPoint[] {
  const n = curve.length - 1;
  if (n <= count - 1) return [...curve];
  return Array.from({ length: count }, (_, k) => curve[Math.round((k * n) / (count - 1))]!);
}
