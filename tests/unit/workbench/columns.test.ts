import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  columnLetter,
  completeSelection,
  selectionProblems,
  suggestColumns,
} from '../../../src/lib/workbench/columns.ts';

describe('suggestColumns', () => {
  it.each([
    // Japanese POS export: the core's header match.
    [['伝票番号', '顧客ID', '購入日', '店舗', '金額'], { customerId: 1, date: 2, amount: 4 }],
    // English names, other order.
    [['amount', 'Order Date', 'Customer ID'], { customerId: 2, date: 1, amount: 0 }],
    // Full-width and spaced headers fold to the same names.
    [['ＣｕｓｔｏｍｅｒＩＤ', '日付', '売上金額'], { customerId: 0, date: 1, amount: 2 }],
  ])('finds the columns of %j from the header', (header, columns) => {
    const suggestion = suggestColumns(header, [['x', '2025-04-01', '5000']]);
    expect(suggestion.hasHeader).toBe(true);
    expect(suggestion.columns).toEqual(columns);
    expect(Object.values(suggestion.sources).every((source) => source === 'exact' || source === 'partial')).toBe(true);
  });

  it('reads a file without a header: date, then the right-most number, then the first text column', () => {
    const rows = [
      ['1001', 'C001', '2025/4/1', '3', '5,000円'],
      ['1002', 'C002', '2025/4/2', '1', '1200'],
      ['1003', 'C001', '2025/4/9', '2', '800'],
    ];
    const suggestion = suggestColumns(rows[0]!, rows.slice(1));
    expect(suggestion.hasHeader).toBe(false);
    expect(suggestion.columns).toEqual({ customerId: 0, date: 2, amount: 4 });
    expect(suggestion.sources).toEqual({ customerId: 'content', date: 'content', amount: 'content' });
  });

  it('fills a field the header does not name from the values, and says so', () => {
    const suggestion = suggestColumns(['顧客ID', 'いつ', '金額'], [['C1', '2025-04-01', '100'], ['C2', '2025-04-02', '200']]);
    expect(suggestion.columns).toEqual({ customerId: 0, date: 1, amount: 2 });
    expect(suggestion.sources.date).toBe('content');
  });

  it('leaves a field empty when nothing fits (unknown columns)', () => {
    const suggestion = suggestColumns(['名前', 'メモ'], [['山田', 'よろしく'], ['佐藤', 'ありがとう']]);
    expect(suggestion.hasHeader).toBe(true);
    expect(suggestion.columns.date).toBeNull();
    expect(suggestion.columns.amount).toBeNull();
    expect(suggestion.sources.date).toBe('none');
  });
});

describe('selectionProblems', () => {
  it('names missing fields and a column used twice', () => {
    expect(selectionProblems({ customerId: 0, date: null, amount: 0 })).toEqual([
      { kind: 'missing', field: 'date' },
      { kind: 'duplicate', fields: ['customerId', 'amount'] },
    ]);
    expect(selectionProblems({ customerId: 0, date: 1, amount: 2 })).toEqual([]);
  });

  it('completeSelection gives the columns only without problems', () => {
    expect(completeSelection({ customerId: 0, date: 1, amount: 2 })).toEqual({ customerId: 0, date: 1, amount: 2 });
    expect(completeSelection({ customerId: 0, date: 0, amount: 2 })).toBeNull();
  });
});

describe('column names', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('labels a select option with the letter and the header', () => {
    expect(columnLabel(1, '顧客ID', 'ja')).toBe('B列: 顧客ID');
    expect(columnLabel(1, undefined, 'en')).toBe('Column B');
  });
});
