import { describe, expect, it } from 'vitest';
import { isoToDayNumber } from '../../../src/lib/clv/dates.ts';
import { atRiskCsv, customersCsv, daysSinceLastPurchase, usualIntervalDays } from '../../../src/lib/workbench/exports.ts';
import { columnsOf } from './fixtures.ts';

const day = isoToDayNumber;
const columns = columnsOf([
  { id: 'C001', purchases: 3, total: 30000.4, clv: 12345.6, alive: 0.25, first: day('2025-01-01'), last: day('2025-03-02') },
  { id: '株式会社"A",本店', purchases: 1, total: 5000, first: day('2025-02-01'), last: day('2025-02-01') },
]);

describe('customersCsv', () => {
  it('has a BOM, Japanese headers in ja, quoting, and empty cells without a model value', () => {
    const csv = customersCsv(columns, [1, 0], 'ja');
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFF顧客ID,初回購入日,最終購入日,購入回数,購入合計（円）')).toBe(true);
    expect(lines[1]).toBe('"株式会社""A"",本店",2025-02-01,2025-02-01,1,5000,5000,3,3,3,,,');
    expect(lines[2]).toBe('C001,2025-01-01,2025-03-02,3,30000,10000,3,3,3,0.5,0.25,12346');
  });

  it('has English headers in en (headers with a comma quoted)', () => {
    const expected = [
      'Customer ID', 'First purchase', 'Last purchase', 'Purchases', 'Total spend (JPY)', 'Average purchase (JPY)',
      'R (recency)', 'F (frequency)', 'M (monetary)', '"Expected purchases, next 90 days"', 'Probability still active',
      '"Predicted 12-month CLV (JPY, discounted)"',
    ];
    expect(customersCsv(columns, [], 'en')).toBe(`\uFEFF${expected.join(',')}\r\n`);
  });
});

describe('atRiskCsv', () => {
  it('adds days since the last purchase and the usual interval', () => {
    const lastDay = day('2025-03-31');
    expect(daysSinceLastPurchase(columns, 0, lastDay)).toBe(29);
    expect(usualIntervalDays(columns, 0)).toBe(30); // 60 days over 2 intervals
    expect(usualIntervalDays(columns, 1)).toBeNull();
    const lines = atRiskCsv(columns, [0, 1], lastDay, 'ja').split('\r\n');
    expect(lines[0]).toBe('\uFEFF顧客ID,購入合計（円）,購入回数,最終購入日,最後の購入からの日数,ふだんの購入間隔（日）,継続している確率,12か月の予測CLV（円・割引後）');
    expect(lines[1]).toBe('C001,30000,3,2025-03-02,29,30,0.25,12346');
    expect(lines[2]).toBe('"株式会社""A"",本店",5000,1,2025-02-01,58,,,');
  });
});
