import { describe, expect, it } from 'vitest';
import {
  paretoSampleCustomers,
  sampleTransactionsText,
  SAMPLE_SIZE,
  SAMPLE_TOP_SALES,
  SAMPLE_TOTAL_SALES,
  twoClientCustomers,
} from '../../../src/lib/calculators/paretoSample.ts';
import { topShare } from '../../../src/lib/clv/pareto.ts';
import { simpleClv } from '../../../src/lib/clv/simple.ts';

const yearly = (c: { averagePurchase: number; purchasesPerYear: number }) =>
  simpleClv({ averagePurchase: c.averagePurchase, purchasesPerYear: c.purchasesPerYear, retentionYears: 1 });

describe('paretoSampleCustomers', () => {
  const customers = paretoSampleCustomers('ja');
  const sales = customers.map(yearly);

  it('reproduces the lesson: 100 accounts, 50 million yen, the top 20 bring 40 million (80%)', () => {
    expect(customers).toHaveLength(SAMPLE_SIZE);
    expect(sales.reduce((a, b) => a + b, 0)).toBe(SAMPLE_TOTAL_SALES);
    const sorted = [...sales].sort((a, b) => b - a);
    expect(sorted.slice(0, 20).reduce((a, b) => a + b, 0)).toBe(SAMPLE_TOP_SALES);
    expect(sorted.slice(20).reduce((a, b) => a + b, 0) / 80).toBe(125_000);
    expect(topShare(sales, 0.2)).toBeCloseTo(0.8, 12);
  });

  it('is a plausible customer list: whole-yen orders, realistic counts, distinct names', () => {
    for (const c of customers) {
      expect(Number.isInteger(c.averagePurchase)).toBe(true);
      expect(c.averagePurchase).toBeGreaterThan(0);
      expect([1, 2, 3, 4, 6, 12]).toContain(c.purchasesPerYear);
      expect(c.years).toBeGreaterThanOrEqual(1);
      expect(c.years).toBeLessThanOrEqual(20);
    }
    expect(new Set(customers.map((c) => c.name)).size).toBe(SAMPLE_SIZE);
  });

  it('is the same list every time and in both languages (only the names differ)', () => {
    expect(paretoSampleCustomers('ja')).toEqual(customers);
    const english = paretoSampleCustomers('en');
    expect(english.map(({ name: _name, ...rest }) => rest)).toEqual(customers.map(({ name: _name, ...rest }) => rest));
    expect(english[0]!.name).toMatch(/^[A-Za-z -]+$/);
  });

  it('has new accounts with one large order, so ranking by CLV differs from ranking by sales', () => {
    const oneOff = customers.filter((c, i) => i < 20 && c.purchasesPerYear === 1 && c.years === 1);
    expect(oneOff.length).toBeGreaterThanOrEqual(2);
    const clv = customers.map((c) => simpleClv({ averagePurchase: c.averagePurchase, purchasesPerYear: c.purchasesPerYear, retentionYears: c.years }));
    const topBySales = [...sales.keys()].sort((a, b) => sales[b]! - sales[a]!).slice(0, 20);
    const topByClv = [...clv.keys()].sort((a, b) => clv[b]! - clv[a]!).slice(0, 20);
    expect(topByClv).not.toEqual(topBySales);
  });
});

describe('lesson presets', () => {
  it('two clients: 100,000 and 30,000 yen', () => {
    const [restaurant, cafe] = twoClientCustomers('ja').map((c) =>
      simpleClv({ averagePurchase: c.averagePurchase, purchasesPerYear: c.purchasesPerYear, retentionYears: c.years }),
    );
    expect([restaurant, cafe]).toEqual([100_000, 30_000]);
  });

  it('transaction records have a header and 20 rows', () => {
    const lines = sampleTransactionsText('en').split('\n');
    expect(lines[0]).toBe('customer_id,date,amount');
    expect(lines).toHaveLength(21);
  });
});
