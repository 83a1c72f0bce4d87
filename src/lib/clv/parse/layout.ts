import { parseAmount } from './amount.ts';
import { parseDate } from './date.ts';
import { applyColumnMapping, FIELD_NAMES, guessColumns, type ColumnMapping, type ColumnsGuess, type FieldName } from './headers.ts';
import type { IssueLog, ParseLocale } from './issues.ts';
import { FIELD_LABELS } from './messages.ts';
import { trimCell } from './text.ts';

/**
 * Settling, from the first non-blank record, whether the file has a header and which column
 * holds each field. Missing columns are reported once here rather than on every row.
 */

/** Where each field is and how to name its column in messages. */
export interface RowLayout {
  hasHeader: boolean;
  columns: ColumnsGuess;
  /**
   * Columns a row may fill: up to the last named header cell (or the first row's last non-empty
   * cell). Text beyond it usually means an unquoted `5,000` split one value into two cells.
   */
  width: number;
  /** 0-based column of each field; -1 when missing (then `columns.missing` is not empty). */
  index: Record<FieldName, number>;
  /** The column names shown in messages: the header text, else the field's name. */
  labels: Record<FieldName, string>;
}

/** Settings resolveLayout reads. */
export interface LayoutOptions {
  locale?: ParseLocale;
  columns?: ColumnMapping;
  header?: boolean | 'auto';
  excelSerialDates?: boolean;
}

/** Decides header and columns from the first record; logs a `missing-column` error per gap. */
export function resolveLayout(firstCells: readonly string[], options: LayoutOptions, log: IssueLog): RowLayout {
  const locale = options.locale ?? 'ja';
  const mapping = options.columns ?? {};
  const cells = firstCells.map(trimCell);
  const hasHeader = decideHeader(cells, mapping, options);
  const headers = hasHeader ? cells : [];
  const guess = guessColumns(headers);
  const { columns, unknown } = applyColumnMapping(guess, mapping, cells.length);
  for (const field of columns.missing) {
    const requested = unknown.find((entry) => entry.field === field)?.requested;
    const detail = { code: 'missing-column', field, found: headers, columnCount: cells.length } as const;
    log.error(hasHeader ? 1 : 0, requested === undefined ? detail : { ...detail, requested });
  }
  const index = {} as Record<FieldName, number>;
  const labels = {} as Record<FieldName, string>;
  for (const field of FIELD_NAMES) {
    index[field] = columns[field].index ?? -1;
    const header = columns[field].header;
    labels[field] = hasHeader && header ? header : FIELD_LABELS[locale][field];
  }
  return { hasHeader, columns, width: lastNonEmpty(cells) + 1, index, labels };
}

function lastNonEmpty(cells: readonly string[]): number {
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === '') last--;
  return last;
}

/**
 * 'auto' reads the first record as data only when the caller mapped every field by index and
 * its date and amount cells parse: a header row never has a date and a number in those places.
 */
function decideHeader(cells: readonly string[], mapping: ColumnMapping, options: LayoutOptions): boolean {
  const header = options.header ?? 'auto';
  if (header !== 'auto') return header;
  const { customerId, date, amount } = mapping;
  if (typeof customerId !== 'number' || typeof date !== 'number' || typeof amount !== 'number') return true;
  const dateCell = cells[date];
  const amountCell = cells[amount];
  if (dateCell === undefined || amountCell === undefined) return true;
  const looksLikeData =
    parseDate(dateCell, { excelSerial: options.excelSerialDates ?? false }).ok && parseAmount(amountCell).ok;
  return !looksLikeData;
}
