import { dayNumberToIso, DAYS_PER_UNIT, isoToDayNumber } from './dates.ts';
import type { CustomerSummary, IsoDate, TimeUnit, TransactionRow } from './types.ts';

/**
 * Transactions to the per-customer BG/NBD input (frequency, recency, T) plus spend, with the
 * semantics of lifetimes' `summary_data_from_transaction_data` (Davidson-Pilon, lifetimes 0.11,
 * utils.py): purchases on one calendar day are one purchase occasion with their amounts summed;
 * frequency counts the occasions after the first; recency runs from the first to the last
 * occasion and T from the first occasion to the observation end, in days or fractional weeks;
 * monetaryValue is the mean of the repeat occasions (the first is left out, as Gamma-Gamma needs).
 *
 * Output is sorted by customer ID: all-digit IDs first in numeric order (`9` before `10`), then
 * the rest in code-unit order, so the result does not depend on the order of the rows.
 */

/** When the observation ends and the unit that recency and T are counted in. */
export interface SummaryOptions {
  /** Last day observed; later rows are ignored (and counted). */
  observationEnd: IsoDate;
  unit: TimeUnit;
  /** When given, the summary is cut at this day and the days after it form a holdout period. */
  calibrationEnd?: IsoDate;
}

/** A calibration-period summary (T up to calibrationEnd) with the holdout period's figures. */
export interface CalibrationHoldoutSummary extends CustomerSummary {
  /** Purchase days in (calibrationEnd, observationEnd]. */
  holdoutFrequency: number;
  /** Sum of the amounts in the holdout period. */
  holdoutSpend: number;
  /** Mean total of the holdout purchase days (0 without any), as lifetimes' monetary_value_holdout. */
  holdoutMonetaryValue: number;
  /** Length of the holdout period in the unit (the same for every customer). */
  holdoutDuration: number;
}

/** The summaries with counts of the rows that were not used. */
export interface SummaryReport<Summary> {
  customers: Summary[];
  rowsUsed: number;
  rowsAfterObservationEnd: number;
  /** Rows whose date is not a `YYYY-MM-DD` calendar day or whose amount is not a finite number. */
  rowsInvalid: number;
  /** Customers left out of a calibration summary because they first bought in the holdout. */
  customersFirstSeenInHoldout: number;
}

/** Per-customer purchase occasions: customer c owns days/totals[offsets[c] .. offsets[c + 1]). */
export interface PurchaseDays {
  /** Customer IDs in order of first appearance. */
  customerIds: string[];
  offsets: Int32Array;
  /** Distinct day numbers (days since 1970-01-01), ascending within each customer. */
  days: Int32Array;
  /** Amount summed over each purchase day. */
  totals: Float64Array;
  rowsUsed: number;
  rowsAfterEnd: number;
  rowsInvalid: number;
}

/** Summarises rows per customer; with `calibrationEnd`, the calibration summary plus holdout. */
export function summarizeTransactions(
  rows: readonly TransactionRow[],
  options: SummaryOptions & { calibrationEnd: IsoDate },
): CalibrationHoldoutSummary[];
export function summarizeTransactions(rows: readonly TransactionRow[], options: SummaryOptions): CustomerSummary[];
export function summarizeTransactions(rows: readonly TransactionRow[], options: SummaryOptions): CustomerSummary[] {
  return summarizeTransactionsReport(rows, options).customers;
}

/** summarizeTransactions with the counts of ignored rows (and customers first seen in the holdout). */
export function summarizeTransactionsReport(
  rows: readonly TransactionRow[],
  { observationEnd, unit, calibrationEnd }: SummaryOptions,
): SummaryReport<CustomerSummary | CalibrationHoldoutSummary> {
  const endDay = isoToDayNumber(observationEnd);
  const cutDay = calibrationEnd === undefined ? endDay : isoToDayNumber(calibrationEnd);
  if (cutDay > endDay) throw new RangeError(`calibrationEnd ${calibrationEnd} is after observationEnd ${observationEnd}`);
  const unitDays = DAYS_PER_UNIT[unit];
  const purchases = collectPurchaseDays(rows, endDay);
  const { customerIds, offsets, days, totals } = purchases;
  const isoOf = memoize(dayNumberToIso);
  const customers: Array<CustomerSummary | CalibrationHoldoutSummary> = [];
  let firstSeenInHoldout = 0;
  for (const c of customerOrder(customerIds)) {
    const start = offsets[c]!;
    const stop = offsets[c + 1]!;
    let split = start; // first holdout occasion
    while (split < stop && days[split]! <= cutDay) split++;
    if (split === start) {
      firstSeenInHoldout++;
      continue;
    }
    const first = days[start]!;
    const last = days[split - 1]!;
    const frequency = split - start - 1;
    const repeatSpend = sum(totals, start + 1, split);
    const summary: CustomerSummary = {
      customerId: customerIds[c]!,
      frequency,
      recency: (last - first) / unitDays,
      T: (cutDay - first) / unitDays,
      monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
      firstPurchase: isoOf(first),
      lastPurchase: isoOf(last),
      totalSpend: totals[start]! + repeatSpend,
      purchaseCount: frequency + 1,
    };
    if (calibrationEnd === undefined) {
      customers.push(summary);
      continue;
    }
    const holdoutFrequency = stop - split;
    const holdoutSpend = sum(totals, split, stop);
    customers.push({
      ...summary,
      holdoutFrequency,
      holdoutSpend,
      holdoutMonetaryValue: holdoutFrequency > 0 ? holdoutSpend / holdoutFrequency : 0,
      holdoutDuration: (endDay - cutDay) / unitDays,
    });
  }
  return {
    customers,
    rowsUsed: purchases.rowsUsed,
    rowsAfterObservationEnd: purchases.rowsAfterEnd,
    rowsInvalid: purchases.rowsInvalid,
    customersFirstSeenInHoldout: firstSeenInHoldout,
  };
}

/** The calibration summary (T to calibrationEnd) with each customer's holdout-period figures. */
export function summarizeCalibrationHoldout(
  rows: readonly TransactionRow[],
  options: SummaryOptions & { calibrationEnd: IsoDate },
): CalibrationHoldoutSummary[] {
  return summarizeTransactions(rows, options);
}

/**
 * Groups rows into purchase occasions per customer in O(n): a counting sort by customer, then a
 * sort by day inside each customer (usually already in order), then same-day rows merged.
 * Rows after `lastDay` and rows with an invalid date or amount are counted, not used.
 */
export function collectPurchaseDays(rows: readonly TransactionRow[], lastDay = Number.POSITIVE_INFINITY): PurchaseDays {
  const n = rows.length;
  const customerOf = new Int32Array(n);
  const dayOf = new Int32Array(n);
  const indexById = new Map<string, number>();
  const customerIds: string[] = [];
  const counts = new Int32Array(n + 1);
  let used = 0;
  let rowsAfterEnd = 0;
  let rowsInvalid = 0;
  let minDay = Number.POSITIVE_INFINITY;
  const dayNumber = memoize(dayNumberOrNaN); // rows from the parser even share date strings
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const day = dayNumber(row.date);
    if (Number.isNaN(day) || !Number.isFinite(row.amount)) {
      rowsInvalid++;
      customerOf[i] = -1;
      continue;
    }
    if (day > lastDay) {
      rowsAfterEnd++;
      customerOf[i] = -1;
      continue;
    }
    let c = indexById.get(row.customerId);
    if (c === undefined) {
      c = customerIds.length;
      indexById.set(row.customerId, c);
      customerIds.push(row.customerId);
    }
    customerOf[i] = c;
    dayOf[i] = day;
    counts[c + 1]!++;
    if (day < minDay) minDay = day;
    used++;
  }
  const customerCount = customerIds.length;
  const offsets = new Int32Array(customerCount + 1);
  for (let c = 0; c < customerCount; c++) offsets[c + 1] = offsets[c]! + counts[c + 1]!;
  const days = new Int32Array(used);
  const amounts = new Float64Array(used);
  const fill = offsets.slice(0, customerCount);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i]!;
    if (c < 0) continue;
    const slot = fill[c]!++;
    days[slot] = dayOf[i]!;
    amounts[slot] = rows[i]!.amount;
  }
  // Merge same-day rows per customer, compacting in place (the write index never passes the read).
  let write = 0;
  for (let c = 0; c < customerCount; c++) {
    const start = offsets[c]!;
    const stop = offsets[c + 1]!;
    sortByDay(days, amounts, start, stop, minDay);
    offsets[c] = write;
    for (let i = start; i < stop; i++) {
      if (i > start && days[i] === days[write - 1]) amounts[write - 1]! += amounts[i]!;
      else {
        days[write] = days[i]!;
        amounts[write++] = amounts[i]!;
      }
    }
  }
  offsets[customerCount] = write;
  return {
    customerIds,
    offsets,
    days: days.slice(0, write),
    totals: amounts.slice(0, write),
    rowsUsed: used,
    rowsAfterEnd,
    rowsInvalid,
  };
}

/** Sorts one customer's segment by day, keeping row order within a day (stable). */
function sortByDay(days: Int32Array, amounts: Float64Array, start: number, stop: number, minDay: number): void {
  let sorted = true;
  for (let i = start + 1; i < stop && sorted; i++) sorted = days[i - 1]! <= days[i]!;
  if (sorted) return;
  const length = stop - start;
  // Pack (day, position) into one number so a typed-array sort (no comparator) does the work:
  // O(k log k) even for a customer with a million rows.
  const keys = new Float64Array(length);
  for (let i = 0; i < length; i++) keys[i] = (days[start + i]! - minDay) * length + i;
  keys.sort();
  const daysCopy = days.slice(start, stop);
  const amountsCopy = amounts.slice(start, stop);
  for (let i = 0; i < length; i++) {
    const from = keys[i]! % length;
    days[start + i] = daysCopy[from]!;
    amounts[start + i] = amountsCopy[from]!;
  }
}

/** Customer indices by ID: all-digit IDs numerically (ties by text), then others by code unit. */
function customerOrder(ids: readonly string[]): Int32Array {
  const numeric = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    numeric[i] = id.length > 0 && id.length <= 15 && /^\d+$/.test(id) ? Number(id) : Number.NaN;
  });
  const order = Int32Array.from(ids, (_, i) => i);
  return order.sort((a, b) => {
    const x = numeric[a]!;
    const y = numeric[b]!;
    const xNumeric = x === x; // not NaN
    const yNumeric = y === y;
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    if (xNumeric && x !== y) return x - y;
    const p = ids[a]!;
    const q = ids[b]!;
    return p < q ? -1 : p > q ? 1 : 0;
  });
}

/** Caches a function's results: dates repeat, so a million rows need only a few hundred parses. */
function memoize<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new Map<Key, Value>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** isoToDayNumber, with NaN instead of an exception: a bad row is counted, not fatal. */
function dayNumberOrNaN(iso: IsoDate): number {
  try {
    return isoToDayNumber(iso);
  } catch {
    return Number.NaN;
  }
}

function sum(values: Float64Array, start: number, stop: number): number {
  let total = 0;
  for (let i = start; i < stop; i++) total += values[i]!;
  return total;
}
