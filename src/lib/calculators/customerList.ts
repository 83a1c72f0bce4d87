import { isoToDayNumber } from '../clv/dates.ts';
import { detectDelimiter, parseDate, parseTransactionsCsv, readRecords, trimCell } from '../clv/parse/index.ts';
import { summarizeTransactionsReport } from '../clv/summarize.ts';
import type { Locale } from '../i18n/locales.ts';
import {
  isCustomerTableHeader,
  isCustomerTableRow,
  parseCustomerTable,
  type CustomerRow,
  type RowIssue,
  textPieces,
} from './customerTable.ts';

/**
 * A pasted customer list in either of the two shapes a small business has: the per-customer
 * table (customer, average purchase, purchases per year, years) or raw transactions (customer,
 * date, amount), which the core parses and summarises per customer. Transactions become the
 * same per-customer inputs as history over the period the data covers:
 *   average purchase = the customer's total / their purchase days,
 *   purchases per year = purchase days / years covered,
 *   years = years covered (first to last date in the data, the same for everyone),
 * so CLV = average purchase x purchases per year x years = what the customer spent in the period.
 */

export type ListFormat = 'customers' | 'transactions';

export interface CustomerListResult {
  /** null when nothing but blank lines was pasted. */
  format: ListFormat | null;
  customers: CustomerRow[];
  /** Rows left out, each with its row, column and message. */
  issues: RowIssue[];
  /** Exact number of problems (issues may be capped by the transaction parser). */
  issueCount: number;
  /** Transactions only: the period covered, in years, and its first and last day. */
  period?: { years: number; from: string; to: string };
  /** Transactions only: customers whose refunds leave a total of 0 yen or less (left out). */
  customersWithoutValue: number;
}

/** Days in an average calendar year, to turn the period covered into years. */
const DAYS_PER_YEAR = 365.25;

/** The first non-blank record of the text (cells trimmed), or null. */
function firstRecord(text: string): string[] | null {
  // The first few kilobytes hold the header; no need to split a large paste twice.
  const head = text.slice(0, 4096);
  let first: string[] | null = null;
  readRecords(textPieces(head), detectDelimiter(head), (cells) => {
    if (first === null && cells.some((cell) => trimCell(cell) !== '')) first = cells.map(trimCell);
  });
  return first;
}

/** Reads a pasted list, deciding its shape from the first line. */
export function readCustomerList(text: string, locale: Locale): CustomerListResult {
  const first = firstRecord(text);
  if (first === null) return { format: null, customers: [], issues: [], issueCount: 0, customersWithoutValue: 0 };
  if (isCustomerTableHeader(first) || isCustomerTableRow(first)) {
    const table = parseCustomerTable(text, locale);
    return { format: 'customers', customers: table.customers, issues: table.issues, issueCount: table.issues.length, customersWithoutValue: 0 };
  }
  return readTransactions(text, locale, first);
}

function readTransactions(text: string, locale: Locale, first: readonly string[]): CustomerListResult {
  // Without a header, the columns are taken in the order customer, date, amount.
  const headerless = first.length >= 3 && parseDate(first[1]!).ok;
  const parsed = parseTransactionsCsv(text, { locale, ...(headerless && { columns: { customerId: 0, date: 1, amount: 2 } }) });
  const issues: RowIssue[] = parsed.errors.map(({ row, column, message }) => ({ row, ...(column !== undefined && { column }), message }));
  const base = { format: 'transactions' as const, issues, issueCount: parsed.stats.issueCounts.errors };
  if (parsed.rows.length === 0) return { ...base, customers: [], customersWithoutValue: 0 };
  let from = parsed.rows[0]!.date;
  let to = from;
  for (const row of parsed.rows) {
    if (row.date < from) from = row.date; // ISO dates compare as strings
    if (row.date > to) to = row.date;
  }
  const years = (isoToDayNumber(to) - isoToDayNumber(from) + 1) / DAYS_PER_YEAR;
  const report = summarizeTransactionsReport(parsed.rows, { observationEnd: to, unit: 'day' });
  const customers: CustomerRow[] = [];
  let customersWithoutValue = 0;
  for (const summary of report.customers) {
    if (!(summary.totalSpend > 0)) {
      customersWithoutValue++;
      continue;
    }
    customers.push({
      customer: summary.customerId,
      averagePurchase: summary.totalSpend / summary.purchaseCount,
      purchasesPerYear: summary.purchaseCount / years,
      years,
    });
  }
  return { ...base, customers, period: { years, from, to }, customersWithoutValue };
}
