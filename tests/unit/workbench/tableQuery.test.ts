import { describe, expect, it } from 'vitest';
import { filterOrder, firstDirection, nextSort, pageOf, sortedOrder } from '../../../src/lib/workbench/tableQuery.ts';
import { columnsOf } from './fixtures.ts';

const columns = columnsOf([
  { id: 'C001', purchases: 3, total: 300, clv: 50, alive: 0.5 },
  { id: 'C002', purchases: 1, total: 500, clv: Number.NaN },
  { id: 'ｃ００３', purchases: 2, total: 300, clv: 90, alive: 0.9 },
  { id: 'D004', purchases: 5, total: 100, clv: 10, alive: 0.2 },
]);
const ids = (order: Int32Array) => Array.from(order, (i) => columns.ids[i]);

describe('sortedOrder', () => {
  it.each([
    ['totalSpend', 'descending', ['C002', 'C001', 'ｃ００３', 'D004']], // ties keep ID order
    ['totalSpend', 'ascending', ['D004', 'C001', 'ｃ００３', 'C002']],
    ['purchases', 'descending', ['D004', 'C001', 'ｃ００３', 'C002']],
    ['clv12', 'descending', ['ｃ００３', 'C001', 'D004', 'C002']], // no value goes last
    ['clv12', 'ascending', ['D004', 'C001', 'ｃ００３', 'C002']], // ... in both directions
    ['customerId', 'descending', ['D004', 'ｃ００３', 'C002', 'C001']],
  ] as const)('by %s %s', (column, direction, expected) => {
    expect(ids(sortedOrder(columns, { column, direction }))).toEqual(expected);
  });

  it('sorts a subset only', () => {
    expect(ids(sortedOrder(columns, { column: 'totalSpend', direction: 'ascending' }, Int32Array.from([0, 3])))).toEqual(['D004', 'C001']);
  });
});

describe('nextSort', () => {
  it('starts numbers high to low and IDs A to Z, then flips on a second click', () => {
    expect(firstDirection('clv12')).toBe('descending');
    expect(nextSort({ column: 'clv12', direction: 'descending' }, 'customerId')).toEqual({ column: 'customerId', direction: 'ascending' });
    expect(nextSort({ column: 'clv12', direction: 'descending' }, 'clv12')).toEqual({ column: 'clv12', direction: 'ascending' });
  });
});

describe('filterOrder', () => {
  it('matches part of the ID, ignoring case and full width', () => {
    const all = sortedOrder(columns, { column: 'customerId', direction: 'ascending' });
    expect(ids(filterOrder(columns, all, 'c00'))).toEqual(['C001', 'C002', 'ｃ００３']);
    expect(ids(filterOrder(columns, all, 'Ｄ'))).toEqual(['D004']);
    expect(filterOrder(columns, all, '  ')).toBe(all);
    expect(ids(filterOrder(columns, all, 'zzz'))).toEqual([]);
  });
});

describe('pageOf', () => {
  const order = Int32Array.from({ length: 120 }, (_, i) => i);
  it.each([
    [0, { page: 0, pageCount: 3, from: 1, to: 50, length: 50 }],
    [2, { page: 2, pageCount: 3, from: 101, to: 120, length: 20 }],
    [9, { page: 2, pageCount: 3, from: 101, to: 120, length: 20 }], // clamped
    [-1, { page: 0, pageCount: 3, from: 1, to: 50, length: 50 }],
  ])('page %i', (page, expected) => {
    const result = pageOf(order, page, 50);
    expect({ page: result.page, pageCount: result.pageCount, from: result.from, to: result.to, length: result.rows.length }).toEqual(expected);
  });

  it('shows an empty view as page 1 of 1 with nothing on it', () => {
    expect(pageOf(new Int32Array(0), 0, 50)).toMatchObject({ page: 0, pageCount: 1, from: 0, to: 0, total: 0 });
  });
});
