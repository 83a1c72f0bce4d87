import { dayNumberToIso } from '../clv/dates.ts';
import type { Locale } from '../i18n/locales.ts';
import type { CustomerColumns } from './customerColumns.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { AT_RISK_CSV_HEADERS, CUSTOMER_CSV_HEADERS } from './labels.ts';

/**
 * The CSV files a user takes away: the customer table (in the order shown) and the at-risk
 * list. Money is rounded to whole yen, probabilities to three decimals; cells without a model
 * value are empty rather than 0 (0 would claim a prediction).
 */

/** Days from the last purchase to the end of the data. */
export function daysSinceLastPurchase(columns: CustomerColumns, index: number, lastDay: number): number {
  return lastDay - columns.lastPurchaseDay[index]!;
}

/** Mean days between purchase days; null for a customer who bought on one day only. */
export function usualIntervalDays(columns: CustomerColumns, index: number): number | null {
  const purchases = columns.purchases[index]!;
  if (purchases < 2) return null;
  return (columns.lastPurchaseDay[index]! - columns.firstPurchaseDay[index]!) / (purchases - 1);
}

const round = (value: number, digits = 0): number | null => {
  if (!Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** The customer table as CSV, rows in `order`. */
export function customersCsv(columns: CustomerColumns, order: ArrayLike<number>, locale: Locale): string {
  const rows = function* (): Generator<CsvCell[]> {
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      yield [
        columns.ids[i]!,
        dayNumberToIso(columns.firstPurchaseDay[i]!),
        dayNumberToIso(columns.lastPurchaseDay[i]!),
        columns.purchases[i]!,
        round(columns.totalSpend[i]!),
        round(columns.averageSpend[i]!),
        columns.recencyScore[i]!,
        columns.frequencyScore[i]!,
        columns.monetaryScore[i]!,
        round(columns.expectedPurchases90[i]!, 2),
        round(columns.probabilityAlive[i]!, 3),
        round(columns.clv12[i]!),
      ];
    }
  };
  return toCsv(CUSTOMER_CSV_HEADERS[locale], rows());
}

/** The at-risk (or any short) list as CSV, with what a visit needs. `lastDay`: the data's last day. */
export function atRiskCsv(columns: CustomerColumns, order: ArrayLike<number>, lastDay: number, locale: Locale): string {
  const rows: CsvCell[][] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    rows.push([
      columns.ids[i]!,
      round(columns.totalSpend[i]!),
      columns.purchases[i]!,
      dayNumberToIso(columns.lastPurchaseDay[i]!),
      daysSinceLastPurchase(columns, i, lastDay),
      round(usualIntervalDays(columns, i) ?? Number.NaN),
      round(columns.probabilityAlive[i]!, 3),
      round(columns.clv12[i]!),
    ]);
  }
  return toCsv(AT_RISK_CSV_HEADERS[locale], rows);
}
