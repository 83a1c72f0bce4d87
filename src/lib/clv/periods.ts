import { civilFromDays, daysFromCivil, dayNumberToIso } from './dates.ts';
import { collectPurchaseDays, type PurchaseDays } from './summarize.ts';
import type { IsoDate, TransactionRow } from './types.ts';

/**
 * Sales by month or quarter, the change between two periods split into its drivers, and
 * retention by first-purchase cohort. A purchase is a purchase occasion, as in summarize.ts:
 * one customer's rows on one calendar day count once (their amounts summed), so buying three
 * items at one visit is one purchase with a larger ticket, not three purchases.
 */

/** Calendar months, or calendar quarters (Q1 = January–March; `2025-Q2` is April–June). */
export type PeriodKind = 'month' | 'quarter';

/** One period's sales. revenue = activeCustomers × purchasesPerCustomer × averageTicket. */
export interface PeriodMetrics {
  /** `2025-04` or `2025-Q2`. */
  period: string;
  start: IsoDate;
  end: IsoDate;
  revenue: number;
  /** Purchase occasions (distinct customer-days). */
  purchases: number;
  /** Customers with at least one purchase in the period. */
  activeCustomers: number;
  /** Active customers whose first purchase in the data is in this period. */
  newCustomers: number;
  /** Active customers who had bought in an earlier period: activeCustomers − newCustomers. */
  returningCustomers: number;
  /** revenue / purchases (0 for an empty period). */
  averageTicket: number;
  /** purchases / activeCustomers (0 for an empty period). */
  purchasesPerCustomer: number;
  /** revenue / activeCustomers (0 for an empty period). */
  revenuePerCustomer: number;
  /** returningCustomers / activeCustomers: the share of this period's buyers who are repeaters. */
  repeatRate: number;
}

/**
 * Metrics for every period from the first purchase to the last, empty periods included (with
 * zeros), in order. Rows with an invalid date or amount are left out.
 */
export function periodMetrics(rows: readonly TransactionRow[], kind: PeriodKind): PeriodMetrics[] {
  const purchases = collectPurchaseDays(rows);
  const calendar = monthCalendar(purchases);
  if (calendar === null) return [];
  const monthsPerPeriod = kind === 'month' ? 1 : 3;
  const firstPeriod = Math.floor(calendar.firstMonth / monthsPerPeriod);
  const count = Math.floor(calendar.lastMonth / monthsPerPeriod) - firstPeriod + 1;
  const revenue = new Float64Array(count);
  const occasions = new Float64Array(count);
  const active = new Float64Array(count);
  const fresh = new Float64Array(count);
  const { offsets, days, totals } = purchases;
  for (let c = 0; c + 1 < offsets.length; c++) {
    let previous = -1;
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const period = Math.floor(calendar.monthOf(days[i]!) / monthsPerPeriod) - firstPeriod;
      revenue[period]! += totals[i]!;
      occasions[period]!++;
      if (period !== previous) active[period]!++;
      if (previous < 0) fresh[period]!++;
      previous = period;
    }
  }
  return Array.from({ length: count }, (_, p) => {
    const activeCustomers = active[p]!;
    const returningCustomers = activeCustomers - fresh[p]!;
    return {
      ...periodBounds(firstPeriod + p, monthsPerPeriod),
      revenue: revenue[p]!,
      purchases: occasions[p]!,
      activeCustomers,
      newCustomers: fresh[p]!,
      returningCustomers,
      averageTicket: ratio(revenue[p]!, occasions[p]!),
      purchasesPerCustomer: ratio(occasions[p]!, activeCustomers),
      revenuePerCustomer: ratio(revenue[p]!, activeCustomers),
      repeatRate: ratio(returningCustomers, activeCustomers),
    };
  });
}

/** The three drivers of a period's revenue that decomposeChange reads. */
export type RevenueDrivers = Pick<PeriodMetrics, 'revenue' | 'activeCustomers' | 'purchasesPerCustomer' | 'averageTicket'>;

/** A revenue change split into drivers that add up to it. */
export interface ChangeDecomposition {
  /** b.revenue − a.revenue = customerEffect + frequencyEffect + priceEffect. */
  totalChange: number;
  /** From the number of active customers. */
  customerEffect: number;
  /** From purchases per customer. */
  frequencyEffect: number;
  /** From the average ticket. */
  priceEffect: number;
  /** Revenue per customer: change = frequencyEffect + priceEffect. null when a side has no customers. */
  perCustomer: { change: number; frequencyEffect: number; priceEffect: number } | null;
  /**
   * 'lmdi' when every driver is positive on both sides; 'no-customers' when a side has none (the
   * whole change is then the customer effect); 'sequential' otherwise (e.g. refunds make revenue
   * ≤ 0, where logarithms do not exist): customers, then frequency, then price, each at the
   * later values of the drivers before it.
   */
  method: 'lmdi' | 'no-customers' | 'sequential';
}

/**
 * Splits b.revenue − a.revenue with the additive LMDI-I (Ang 2004, "Decomposition analysis for
 * policymaking in energy", Energy Policy 32): effect_k = L(R_b, R_a) · ln(x_k,b / x_k,a), with the
 * logarithmic mean L(x, y) = (x − y) / (ln x − ln y). Since the logs of the drivers add up to
 * ln(R_b / R_a), the effects add up to R_b − R_a exactly (up to floating-point rounding), with no
 * residual and independently of the drivers' order.
 */
export function decomposeChange(a: RevenueDrivers, b: RevenueDrivers): ChangeDecomposition {
  const totalChange = b.revenue - a.revenue;
  if (a.activeCustomers <= 0 || b.activeCustomers <= 0) {
    return { totalChange, customerEffect: totalChange, frequencyEffect: 0, priceEffect: 0, perCustomer: null, method: 'no-customers' };
  }
  const ra = a.purchasesPerCustomer * a.averageTicket;
  const rb = b.purchasesPerCustomer * b.averageTicket;
  const drivers = [a.revenue, b.revenue, a.purchasesPerCustomer, b.purchasesPerCustomer, a.averageTicket, b.averageTicket];
  if (drivers.every((value) => value > 0 && Number.isFinite(value))) {
    const weight = logMean(b.revenue, a.revenue);
    const perCustomerWeight = logMean(rb, ra);
    return {
      totalChange,
      customerEffect: weight * Math.log(b.activeCustomers / a.activeCustomers),
      frequencyEffect: weight * Math.log(b.purchasesPerCustomer / a.purchasesPerCustomer),
      priceEffect: weight * Math.log(b.averageTicket / a.averageTicket),
      perCustomer: {
        change: rb - ra,
        frequencyEffect: perCustomerWeight * Math.log(b.purchasesPerCustomer / a.purchasesPerCustomer),
        priceEffect: perCustomerWeight * Math.log(b.averageTicket / a.averageTicket),
      },
      method: 'lmdi',
    };
  }
  // A telescoping sum: C_b F_b P_b − C_a F_a P_a = ΔC·F_a·P_a + C_b·ΔF·P_a + C_b·F_b·ΔP.
  // (`+ 0` turns a −0, e.g. 0 × −100, into 0 for display.)
  const frequencyStep = (b.purchasesPerCustomer - a.purchasesPerCustomer) * a.averageTicket + 0;
  const priceStep = b.purchasesPerCustomer * (b.averageTicket - a.averageTicket) + 0;
  return {
    totalChange,
    customerEffect: (b.activeCustomers - a.activeCustomers) * ra + 0,
    frequencyEffect: b.activeCustomers * frequencyStep + 0,
    priceEffect: b.activeCustomers * priceStep + 0,
    perCustomer: { change: rb - ra, frequencyEffect: frequencyStep, priceEffect: priceStep },
    method: 'sequential',
  };
}

/** One cohort: customers whose first purchase fell in `cohort`, and who came back when. */
export interface CohortRow {
  /** First-purchase month, `2025-04`. */
  cohort: string;
  size: number;
  /** active[k]: cohort members with a purchase k months after their first month (k = 0 … last). */
  active: number[];
  /** active[k] / size; retention[0] is 1. */
  retention: number[];
}

/**
 * The retention triangle by first-purchase month. Each cohort's row runs to the last month in
 * the data, so later cohorts have shorter rows; months with no new customer have no row.
 */
export function cohortRetention(rows: readonly TransactionRow[]): CohortRow[] {
  const purchases = collectPurchaseDays(rows);
  const calendar = monthCalendar(purchases);
  if (calendar === null) return [];
  const { firstMonth, lastMonth } = calendar;
  const active: Float64Array[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) active.push(new Float64Array(lastMonth - m + 1));
  const { offsets, days } = purchases;
  for (let c = 0; c + 1 < offsets.length; c++) {
    const start = offsets[c]!;
    const cohort = calendar.monthOf(days[start]!);
    let previous = -1;
    for (let i = start; i < offsets[c + 1]!; i++) {
      const month = calendar.monthOf(days[i]!);
      if (month !== previous) active[cohort - firstMonth]![month - cohort]!++;
      previous = month;
    }
  }
  return active
    .map((counts, index) => {
      const size = counts[0] ?? 0;
      const monthsActive = Array.from(counts);
      return {
        cohort: periodBounds(firstMonth + index, 1).period,
        size,
        active: monthsActive,
        retention: monthsActive.map((count) => ratio(count, size)),
      };
    })
    .filter((row) => row.size > 0);
}

/** Month numbers (year × 12 + month − 1) of the data's span, with a per-day lookup table. */
function monthCalendar(purchases: PurchaseDays): { firstMonth: number; lastMonth: number; monthOf(day: number): number } | null {
  const { days } = purchases;
  if (days.length === 0) return null;
  let minDay = days[0]!;
  let maxDay = days[0]!;
  for (const day of days) {
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const first = civilFromDays(minDay);
  const last = civilFromDays(maxDay);
  const firstMonth = first.year * 12 + first.month - 1;
  const lastMonth = last.year * 12 + last.month - 1;
  // Walk the months once and fill each month's days: no date arithmetic per purchase.
  const table = new Int32Array(maxDay - minDay + 1);
  for (let month = firstMonth; month <= lastMonth; month++) {
    const from = Math.max(minDay, daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1));
    const to = Math.min(maxDay + 1, daysFromCivil(Math.floor((month + 1) / 12), ((month + 1) % 12) + 1, 1));
    table.fill(month, from - minDay, to - minDay);
  }
  return { firstMonth, lastMonth, monthOf: (day) => table[day - minDay]! };
}

/** Label and first/last day of a period numbered in units of `monthsPerPeriod` months. */
function periodBounds(period: number, monthsPerPeriod: number): { period: string; start: IsoDate; end: IsoDate } {
  const month = period * monthsPerPeriod;
  const year = Math.floor(month / 12);
  const monthOfYear = (month % 12) + 1;
  const next = month + monthsPerPeriod;
  const start = daysFromCivil(year, monthOfYear, 1);
  const end = daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1) - 1;
  const label =
    monthsPerPeriod === 1 ? `${year}-${String(monthOfYear).padStart(2, '0')}` : `${year}-Q${Math.floor((monthOfYear - 1) / 3) + 1}`;
  return { period: label, start: dayNumberToIso(start), end: dayNumberToIso(end) };
}

/** The logarithmic mean; (x + y) / 2 when x and y are too close for the quotient to be accurate. */
function logMean(x: number, y: number): number {
  if (Math.abs(x - y) <= 1e-12 * Math.max(x, y)) return (x + y) / 2;
  return (x - y) / (Math.log(x) - Math.log(y));
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
