import { describe, expect, it } from 'vitest';
import { applyColumnMapping, guessColumns, normalizeHeader } from '../../../src/lib/clv/parse/index.ts';

describe('normalizeHeader', () => {
  it.each([
    ['Customer ID', 'customerid'],
    ['customer_id', 'customerid'],
    ['customerId', 'customerid'],
    ['ＣｕｓｔｏｍｅｒＩＤ', 'customerid'], // full width folds (NFKC)
    ['顧客ＩＤ', '顧客id'],
    [' order-date ', 'orderdate'],
    ['金額（税込）', '金額(税込)'],
  ])('%j → %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('guessColumns', () => {
  it.each([
    // [headers, expected indices [customerId, date, amount], confidences]
    [['顧客ID', '購入日', '金額'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['顧客番号', '注文日', '売上金額'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['会員番号', '取引日', '合計'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['お客様ID', '売上日', '購入金額'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['会員ID', '日付', '売上'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['customer_id', 'date', 'amount'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['Customer ID', 'Order Date', 'Revenue'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['customerId', 'purchase_date', 'value'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['ID', 'date', 'sales'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['customer', 'order_date', 'total'], [0, 1, 2], ['exact', 'exact', 'exact']],
    [['customer_id', 'date', 'number_of_cds', 'dollar_value'], [0, 1, 3], ['exact', 'exact', 'exact']], // CDNOW
    // Order and extra columns do not matter.
    [['金額', '商品名', '日付', '数量', '顧客ID'], [4, 2, 0], ['exact', 'exact', 'exact']],
    // Headers containing a synonym: partial matches.
    [['顧客ID', '注文日時(JST)', '売上金額（税込）'], [0, 1, 2], ['exact', 'partial', 'partial']],
    [['customer_code', 'transaction_date_local', 'amount_jpy'], [0, 1, 2], ['partial', 'partial', 'partial']],
  ])('%j', (headers, indices, confidences) => {
    const guess = guessColumns(headers);
    expect([guess.customerId.index, guess.date.index, guess.amount.index]).toEqual(indices);
    expect([guess.customerId.confidence, guess.date.confidence, guess.amount.confidence]).toEqual(confidences);
    expect(guess.missing).toEqual([]);
  });

  it('gives one column to one field, the strongest match first', () => {
    // `顧客ID` is the best customer column; `ID` (an order ID here) is left as an alternative.
    const guess = guessColumns(['ID', '顧客ID', '日付', '金額']);
    expect(guess.customerId).toEqual({ index: 1, header: '顧客ID', confidence: 'exact', alternatives: [{ index: 0, header: 'ID' }] });
  });

  it('offers alternatives when two columns fit a field', () => {
    const guess = guessColumns(['顧客ID', '注文日', '出荷日', '日付', '金額', '売上']);
    expect(guess.date.index).toBe(3); // `日付` ranks before `注文日`
    expect(guess.date.alternatives.map((a) => a.header)).toEqual(['注文日']);
    expect(guess.amount.header).toBe('金額');
    expect(guess.amount.alternatives.map((a) => a.header)).toEqual(['売上']);
  });

  it.each([
    // Headers that contain a synonym but mean something else are not matched.
    [['顧客名', '日付', '金額'], ['customerId']],
    [['商品ID', '日付', '金額'], ['customerId']],
    [['顧客ID', '生年月日', '金額'], ['date']],
    [['顧客ID', '日付', '売上数量'], ['amount']],
    [['a', 'b', 'c'], ['customerId', 'date', 'amount']],
    [[], ['customerId', 'date', 'amount']],
  ])('%j leaves %j missing', (headers, missing) => {
    const guess = guessColumns(headers);
    expect(guess.missing).toEqual(missing);
    for (const field of missing) expect(guess[field as 'date']).toMatchObject({ index: null, confidence: 'none' });
  });
});

describe('applyColumnMapping', () => {
  const headers = ['伝票番号', '得意先', '伝票日付', '税抜金額', '税込金額'];

  it('overrides the guess by header name (exact or folded) and by index', () => {
    const guess = guessColumns(headers);
    const { columns, unknown } = applyColumnMapping(guess, { customerId: '得意先', date: 2, amount: '税込金額' }, headers.length);
    expect(unknown).toEqual([]);
    expect(columns.customerId).toMatchObject({ index: 1, confidence: 'explicit' });
    expect(columns.date).toMatchObject({ index: 2, header: '伝票日付', confidence: 'explicit' });
    expect(columns.amount).toMatchObject({ index: 4, confidence: 'explicit' });
    expect(columns.missing).toEqual([]);
  });

  it('matches a mapped name after folding', () => {
    const guess = guessColumns(['Kunde', 'Datum', 'Betrag']);
    const { columns } = applyColumnMapping(guess, { customerId: 'kunde', date: 'ＤＡＴＵＭ', amount: 'betrag' }, 3);
    expect([columns.customerId.index, columns.date.index, columns.amount.index]).toEqual([0, 1, 2]);
  });

  it('moves a guessed field off a column the caller gave to another field', () => {
    // Guess: amount = 売上 (exact), 合計 as alternative. The caller says 売上 is the date (odd, but theirs to say).
    const guess = guessColumns(['顧客ID', '売上', '合計']);
    const { columns } = applyColumnMapping(guess, { date: '売上' }, 3);
    expect(columns.date).toMatchObject({ index: 1, confidence: 'explicit' });
    expect(columns.amount).toMatchObject({ index: 2, header: '合計' });
    const alone = applyColumnMapping(guessColumns(['顧客ID', '売上']), { date: '売上' }, 2).columns;
    expect(alone.amount.index).toBeNull();
    expect(alone.missing).toEqual(['amount']);
  });

  it.each([
    [{ amount: '売上' }, 'amount', '売上'],
    [{ amount: 5 }, 'amount', 5], // 0-based: 5 is the sixth column
    [{ date: -1 }, 'date', -1],
    [{ date: 1.5 }, 'date', 1.5],
  ])('reports %j as unknown', (mapping, field, requested) => {
    const { columns, unknown } = applyColumnMapping(guessColumns(headers), mapping, headers.length);
    expect(unknown).toEqual([{ field, requested }]);
    expect(columns.missing).toContain(field);
  });
});
