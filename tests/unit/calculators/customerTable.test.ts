import { describe, expect, it } from 'vitest';
import { readCustomerList } from '../../../src/lib/calculators/customerList.ts';
import {
  formatCustomerTable,
  isCustomerTableHeader,
  matchTableHeaders,
  parseCustomerTable,
} from '../../../src/lib/calculators/customerTable.ts';
import { sampleTransactionsText } from '../../../src/lib/calculators/paretoSample.ts';
import { simpleClv } from '../../../src/lib/clv/simple.ts';

describe('matchTableHeaders', () => {
  it.each([
    [['顧客', '平均購入額', '年間の購入回数', '継続年数'], [0, 1, 2, 3]],
    [['取引先名', '1回あたりの金額（円）', '購入回数（回/年）', 'お付き合いの年数'], [0, 1, 2, 3]],
    [['継続年数', '顧客ID', '客単価', '年間購入回数'], [1, 2, 3, 0]],
    [['Customer', 'Average purchase', 'Purchases per year', 'Years'], [0, 1, 2, 3]],
    [['customer_id', 'AOV', 'frequency', 'tenure', 'CLV'], [0, 1, 2, 3]],
    [['ＣＵＳＴＯＭＥＲ　ＮＡＭＥ', 'Avg purchase (JPY)', 'Orders per year', 'Years as a customer'], [0, 1, 2, 3]],
  ])('%j', (headers, [customer, averagePurchase, purchasesPerYear, years]) => {
    expect(matchTableHeaders(headers)).toEqual({ customer, averagePurchase, purchasesPerYear, years });
    expect(isCustomerTableHeader(headers)).toBe(true);
  });

  it('does not take a transaction header for a customer table', () => {
    expect(isCustomerTableHeader(['顧客ID', '日付', '金額'])).toBe(false);
    expect(matchTableHeaders(['顧客ID', '日付', '金額']).years).toBeNull();
  });
});

describe('parseCustomerTable', () => {
  it('reads a tab-separated paste from Excel, with commas, yen signs and full-width digits', () => {
    const text = '顧客\t平均購入額\t年間の購入回数\t継続年数\n駅前の和食店\t5,000\t4\t5\n郊外のカフェ\t￥３，０００\t2回\t5年\n';
    const result = parseCustomerTable(text, 'ja');
    expect(result.issues).toEqual([]);
    expect(result.hasHeader).toBe(true);
    expect(result.customers).toEqual([
      { customer: '駅前の和食店', averagePurchase: 5000, purchasesPerYear: 4, years: 5 },
      { customer: '郊外のカフェ', averagePurchase: 3000, purchasesPerYear: 2, years: 5 },
    ]);
  });

  it('reads a comma-separated file with quoted amounts (papaparse) and no header', () => {
    const text = 'A社,"12,000",6,3\r\nB社,8000,12,10\r\n';
    const result = parseCustomerTable(text, 'en');
    expect(result.hasHeader).toBe(false);
    expect(result.customers.map((c) => c.averagePurchase)).toEqual([12000, 8000]);
  });

  it('reports each bad row with its Excel row number, column and a message, and keeps the good rows', () => {
    const text = [
      '顧客,平均購入額,年間の購入回数,継続年数',
      'A社,5000,4,5',
      'B社,abc,4,5',
      ',3000,2,5',
      'C社,3000,2',
      '',
      'D社,-100,2,500',
      'E社,1000,2,3',
    ].join('\n');
    const result = parseCustomerTable(text, 'ja');
    expect(result.customers.map((c) => c.customer)).toEqual(['A社', 'E社']);
    expect(result.issues).toEqual([
      { row: 3, column: '平均購入額', message: '3行目「平均購入額」列: 数字として読めません（"abc"）' },
      { row: 4, column: '顧客', message: '4行目「顧客」列: 顧客名が空です' },
      { row: 5, message: expect.stringContaining('5行目: 列が足りません') },
      { row: 7, column: '平均購入額', message: '7行目「平均購入額」列: 0以上の値にしてください（"-100"）' },
      { row: 7, column: '継続年数', message: '7行目「継続年数」列: 100以下の値にしてください（"500"）' },
    ]);
    expect(result.rowCount).toBe(6);
  });

  it('writes messages in English for English learners', () => {
    const result = parseCustomerTable('Customer,Average purchase,Purchases per year,Years\nA,five,4,5', 'en');
    expect(result.issues[0]!.message).toBe('Row 2, column "Average purchase": Not a number ("five")');
  });

  it('round-trips through formatCustomerTable', () => {
    const rows = [{ customer: 'X', averagePurchase: 1234, purchasesPerYear: 3, years: 2.5 }];
    expect(parseCustomerTable(formatCustomerTable(rows, 'en'), 'en').customers).toEqual(rows);
    expect(parseCustomerTable(formatCustomerTable(rows, 'ja'), 'ja').customers).toEqual(rows);
  });
});

describe('readCustomerList', () => {
  it('tells the per-customer table from transactions', () => {
    expect(readCustomerList('顧客\t平均購入額\t年間の購入回数\t継続年数\nA\t1\t1\t1', 'ja').format).toBe('customers');
    expect(readCustomerList(sampleTransactionsText('ja'), 'ja').format).toBe('transactions');
    expect(readCustomerList('  \n\n', 'ja')).toMatchObject({ format: null, customers: [] });
  });

  it('turns transactions into per-customer history whose CLV is what each customer spent', () => {
    const text = 'customer_id,date,amount\nC1,2024-01-01,1000\nC1,2024-01-01,500\nC1,2024-07-01,2000\nC2,2024-12-31,800\n';
    const result = readCustomerList(text, 'en');
    expect(result.period).toEqual({ from: '2024-01-01', to: '2024-12-31', years: 366 / 365.25 });
    const c1 = result.customers.find((c) => c.customer === 'C1')!;
    // Same-day rows are one purchase (the core's rule): 2 purchase days, 3,500 yen.
    expect(c1.averagePurchase).toBe(1750);
    expect(c1.purchasesPerYear).toBeCloseTo(2 / (366 / 365.25), 12);
    expect(simpleClv({ averagePurchase: c1.averagePurchase, purchasesPerYear: c1.purchasesPerYear, retentionYears: c1.years })).toBeCloseTo(3500, 6);
  });

  it('reads transactions without a header as customer, date, amount', () => {
    const result = readCustomerList('C1\t2025/4/1\t5,000円\nC2\t2025/5/1\t3000', 'ja');
    expect(result.format).toBe('transactions');
    expect(result.customers).toHaveLength(2);
  });

  it('passes on the core parser’s row errors and leaves out customers whose refunds cancel their purchases', () => {
    const text = '顧客ID,日付,金額\nC1,2025-01-10,5000\nC1,2025-02-10,-5000\nC2,2025-13-01,3000\nC3,2025-03-01,2000\n';
    const result = readCustomerList(text, 'ja');
    expect(result.issues).toEqual([{ row: 4, column: '日付', message: expect.stringMatching(/^4行目「日付」列: 日付として読めません/) }]);
    expect(result.issueCount).toBe(1);
    expect(result.customers.map((c) => c.customer)).toEqual(['C3']);
    expect(result.customersWithoutValue).toBe(1);
  });

  it('explains a list that is neither shape', () => {
    const result = readCustomerList('名前,電話番号\n山田,03-0000-0000', 'ja');
    expect(result.customers).toEqual([]);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0]!.message).toContain('列が見つかりません');
  });
});
