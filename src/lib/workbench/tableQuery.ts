import { toHalfWidth } from '../clv/parse/index.ts';
import type { CustomerColumns } from './customerColumns.ts';

/**
 * Sorting, searching and paging the customer table without building row objects: every view is
 * an Int32Array of customer indices. Sorting 100,000 customers by one column takes a few tens of
 * milliseconds; a page renders 50 rows, so the page never holds 100,000 table rows.
 */

/** The sortable columns, in display order. */
export const TABLE_COLUMNS = [
  'customerId',
  'firstPurchase',
  'lastPurchase',
  'purchases',
  'totalSpend',
  'averageSpend',
  'rfm',
  'expectedPurchases90',
  'probabilityAlive',
  'clv12',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  column: TableColumn;
  direction: SortDirection;
}

/** The direction a column sorts in on its first click: values high to low, names A to Z. */
export function firstDirection(column: TableColumn): SortDirection {
  return column === 'customerId' ? 'ascending' : 'descending';
}

/** The next sort after a click on a column's header. */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
  if (current.column !== column) return { column, direction: firstDirection(column) };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Customer indices sorted by a column; ties keep customer-ID order, and missing values (NaN,
 * no model) always go last. The columns arrive in customer-ID order, so sorting by ID is the
 * identity (or its reverse).
 */
export function sortedOrder(columns: CustomerColumns, sort: TableSort, subset?: Int32Array): Int32Array {
  const order = subset ? Int32Array.from(subset) : Int32Array.from(columns.ids, (_, i) => i);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'customerId') {
    order.sort((a, b) => sign * (a - b));
    return order;
  }
  const key = sortKey(columns, sort.column);
  order.sort((a, b) => {
    const x = key[a]!;
    const y = key[b]!;
    if (x !== y) {
      if (Number.isNaN(x)) return 1;
      if (Number.isNaN(y)) return -1;
      return sign * (x - y);
    }
    return a - b;
  });
  return order;
}

function sortKey(columns: CustomerColumns, column: Exclude<TableColumn, 'customerId'>): ArrayLike<number> {
  switch (column) {
    case 'firstPurchase':
      return columns.firstPurchaseDay;
    case 'lastPurchase':
      return columns.lastPurchaseDay;
    case 'purchases':
      return columns.purchases;
    case 'totalSpend':
      return columns.totalSpend;
    case 'averageSpend':
      return columns.averageSpend;
    case 'rfm': {
      // The RFM total first, then R, F and M as tie-breakers: one number per customer.
      const { recencyScore: r, frequencyScore: f, monetaryScore: m } = columns;
      return Float64Array.from(r, (_, i) => (r[i]! + f[i]! + m[i]!) * 1000 + r[i]! * 100 + f[i]! * 10 + m[i]!);
    }
    case 'expectedPurchases90':
      return columns.expectedPurchases90;
    case 'probabilityAlive':
      return columns.probabilityAlive;
    case 'clv12':
      return columns.clv12;
  }
}

/** Folds a search text or an ID for matching: half-width, lower case, trimmed. */
export function foldForSearch(text: string): string {
  return toHalfWidth(text).trim().toLowerCase();
}

/** The indices of `order` whose customer ID contains the query (all of them for an empty query). */
export function filterOrder(columns: CustomerColumns, order: Int32Array, query: string): Int32Array {
  const needle = foldForSearch(query);
  if (needle === '') return order;
  const kept: number[] = [];
  for (const index of order) {
    if (foldForSearch(columns.ids[index]!).includes(needle)) kept.push(index);
  }
  return Int32Array.from(kept);
}

export interface TablePage {
  /** Customer indices on this page. */
  rows: Int32Array;
  /** 0-based page, clamped to the pages that exist. */
  page: number;
  pageCount: number;
  /** Customers in the (filtered) view. */
  total: number;
  /** 1-based positions of the first and last row shown (0 and 0 when empty). */
  from: number;
  to: number;
}

/** One page of a view; an out-of-range page shows the nearest page that exists. */
export function pageOf(order: Int32Array, page: number, pageSize: number): TablePage {
  const total = order.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = current * pageSize;
  const rows = order.subarray(start, Math.min(total, start + pageSize));
  return { rows, page: current, pageCount, total, from: total === 0 ? 0 : start + 1, to: start + rows.length };
}
