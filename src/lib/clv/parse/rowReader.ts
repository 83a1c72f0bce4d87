import type { IsoDate, TransactionRow } from '../types.ts';
import { parseAmount } from './amount.ts';
import { parseDate, type DateResult } from './date.ts';
import type { IssueLog } from './issues.ts';
import type { RowLayout } from './layout.ts';
import { toHalfWidth, trimCell } from './text.ts';

/**
 * Reading one data record into a TransactionRow, or into issues. Every bad cell of a row is
 * reported (not just the first), so one pass over the messages fixes the row.
 */

/** Settings the row reader needs. */
export interface RowReaderOptions {
  observationEnd?: IsoDate;
  refunds?: 'keep' | 'skip';
  excelSerialDates?: boolean;
}

/** Reads a record's cells (at its 1-based row number) and appends the row or logs why not. */
export type RowReader = (cells: readonly string[], row: number) => void;

// Dates repeat (a year of data has 365 distinct days), so a cache skips the parsing and lets
// the million rows share a few hundred date strings. The limit bounds memory for date-times.
const DATE_CACHE_LIMIT = 100_000;

/** A reader bound to one file's layout, appending good rows to `rows`. */
export function createRowReader(
  layout: RowLayout,
  options: RowReaderOptions,
  log: IssueLog,
  rows: TransactionRow[],
): RowReader {
  const { customerId: idIndex, date: dateIndex, amount: amountIndex } = layout.index;
  const { labels, width } = layout;
  const needed = Math.max(idIndex, dateIndex, amountIndex) + 1;
  const observationEnd = options.observationEnd;
  const keepRefunds = (options.refunds ?? 'keep') === 'keep';
  const dateOptions = { excelSerial: options.excelSerialDates ?? false };
  const dateCache = new Map<string, DateResult>();

  const readDate = (cell: string): DateResult => {
    // Date-times are nearly unique, their calendar day is not: key `2025-04-01 13:45:12` by its day.
    const key = cell.length > 10 && isDateTimeShape(cell) ? cell.slice(0, 10) : cell;
    let result = dateCache.get(key);
    if (result === undefined) {
      result = parseDate(key, dateOptions);
      if (dateCache.size < DATE_CACHE_LIMIT) dateCache.set(key, result);
    }
    return result;
  };

  return (cells, row) => {
    if (cells.length < needed) {
      log.error(row, { code: 'too-few-columns', expected: width, actual: cells.length });
      return;
    }
    if (cells.length > width) {
      const filled = lastFilledCell(cells) + 1;
      if (filled > width) {
        log.error(row, { code: 'too-many-columns', expected: width, actual: filled });
        return;
      }
    }
    const customerId = readCustomerId(cells[idIndex]!);
    const dateCell = cells[dateIndex]!;
    const date = readDate(dateCell);
    const amountCell = cells[amountIndex]!;
    const amount = parseAmount(amountCell);
    if (customerId === '' || !date.ok || !amount.ok) {
      if (customerId === '') log.error(row, { code: 'empty-customer-id' }, labels.customerId);
      if (!date.ok) log.error(row, { code: 'invalid-date', value: dateCell.trim(), reason: date.reason }, labels.date);
      if (!amount.ok) log.error(row, { code: 'invalid-amount', value: amountCell.trim(), reason: amount.reason }, labels.amount);
      return;
    }
    if (observationEnd !== undefined && date.value > observationEnd) {
      // ISO dates compare correctly as strings.
      log.warning(row, { code: 'after-observation-end', date: date.value, observationEnd }, labels.date);
      return;
    }
    if (amount.value < 0) {
      const detail = { code: 'negative-amount', amount: amount.value, kept: keepRefunds } as const;
      if (!keepRefunds) {
        log.error(row, detail, labels.amount);
        return;
      }
      log.warning(row, detail, labels.amount);
    }
    rows.push({ customerId, date: date.value, amount: amount.value });
  };
}

/** `YYYY-MM-DD` followed by a space or `T` (a time follows, which parseDate ignores anyway). */
function isDateTimeShape(cell: string): boolean {
  const separator = cell.charCodeAt(10);
  return cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45 && (separator === 32 || separator === 84);
}

/** Trimmed, with full-width letters and digits folded, so `Ｃ００１` and `C001` are one customer. */
function readCustomerId(cell: string): string {
  return trimCell(toHalfWidth(cell));
}

/** Index of the last cell with text (Excel sometimes writes trailing empty cells: harmless). */
function lastFilledCell(cells: readonly string[]): number {
  let last = cells.length - 1;
  while (last >= 0 && trimCell(cells[last]!) === '') last--;
  return last;
}
