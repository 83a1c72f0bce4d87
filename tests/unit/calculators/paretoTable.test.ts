import { describe, expect, it } from 'vitest';
import { rankCustomers, shareByDecile, topSummary } from '../../../src/lib/calculators/paretoTable.ts';
import { paretoCurve, topShare } from '../../../src/lib/clv/pareto.ts';
import { simpleClv } from '../../../src/lib/clv/simple.ts';

const customers = [
  { customer: 'cafe', averagePurchase: 3000, purchasesPerYear: 2, years: 5 },
  { customer: 'restaurant', averagePurchase: 5000, purchasesPerYear: 4, years: 5 },
  { customer: 'one-off', averagePurchase: 50_000, purchasesPerYear: 1, years: 1 },
];

describe('rankCustomers', () => {
  it('ranks by CLV with shares and the running share of the Pareto curve', () => {
    const table = rankCustomers(customers, 'clv');
    expect(table.rows.map((row) => [row.rank, row.customer, row.clv])).toEqual([
      [1, 'restaurant', 100_000],
      [2, 'one-off', 50_000],
      [3, 'cafe', 30_000],
    ]);
    expect(table.total).toBe(180_000);
    expect(table.rows.map((row) => row.share)).toEqual([100 / 180, 50 / 180, 30 / 180]);
    expect(table.rows.map((row) => row.cumulativeShare)).toEqual(paretoCurve(table.values).slice(1).map((p) => p.valueShare));
    expect(table.rows.at(-1)!.cumulativeShare).toBe(1);
  });

  it('ranks by yearly sales, where the one-off order comes first', () => {
    const table = rankCustomers(customers, 'sales');
    expect(table.rows.map((row) => [row.customer, row.yearlySales])).toEqual([
      ['one-off', 50_000],
      ['restaurant', 20_000],
      ['cafe', 6_000],
    ]);
    expect(table.rows[0]!.clv).toBe(simpleClv({ averagePurchase: 50_000, purchasesPerYear: 1, retentionYears: 1 }));
  });

  it('keeps the pasted order for ties and handles an all-zero list', () => {
    const tie = rankCustomers(
      [
        { customer: 'a', averagePurchase: 0, purchasesPerYear: 1, years: 1 },
        { customer: 'b', averagePurchase: 0, purchasesPerYear: 1, years: 1 },
      ],
      'clv',
    );
    expect(tie.rows.map((row) => [row.customer, row.share, row.cumulativeShare])).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
  });
});

describe('topSummary and shareByDecile', () => {
  it('use the core topShare', () => {
    const table = rankCustomers(customers, 'clv');
    const summary = topSummary(table, 0.2);
    expect(summary.share).toBe(topShare(table.values, 0.2));
    expect(summary.count).toBeCloseTo(0.6, 12);
    expect(summary.amount).toBeCloseTo(summary.share * 180_000, 6);
    const deciles = shareByDecile(table.values);
    expect(deciles).toHaveLength(10);
    expect(deciles[9]).toEqual({ fraction: 1, share: 1 });
  });
});
