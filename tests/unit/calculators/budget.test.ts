import { describe, expect, it } from 'vitest';
import { compareSpend, spendBudget } from '../../../src/lib/calculators/budget.ts';

describe('spendBudget', () => {
  it.each([
    // 100,000 yen at a CAC of 20,000 wins 5 referral customers worth 120,000 each: 600,000 (6x).
    [100_000, { costPerCustomer: 20_000, valuePerCustomer: 120_000 }, 5, 600_000, 6],
    // At a CAC of 30,000 it wins 3.33 flyer customers worth 60,000: 200,000 (2x).
    [100_000, { costPerCustomer: 30_000, valuePerCustomer: 60_000 }, 100_000 / 30_000, 200_000, 2],
    // Ishida's shop today: CAC 10,000 / 3 = 3,333.33, CLV 10,000: 30 customers, 300,000 (3x).
    [100_000, { costPerCustomer: 10_000 / 3, valuePerCustomer: 10_000 }, 30, 300_000, 3],
    // No budget buys nothing.
    [0, { costPerCustomer: 1_000, valuePerCustomer: 10_000 }, 0, 0, 10],
  ])('%d yen through %o', (budget, option, customers, value, ratio) => {
    const result = spendBudget(budget, option);
    expect(result.customers).toBeCloseTo(customers, 9);
    expect(result.value).toBeCloseTo(value, 6);
    expect(result.ratio).toBeCloseTo(ratio, 12);
  });

  it.each([
    [-1, { costPerCustomer: 1_000, valuePerCustomer: 1 }, 'budget must be a finite number >= 0 (got -1)'],
    [Number.NaN, { costPerCustomer: 1_000, valuePerCustomer: 1 }, 'budget must be a finite number >= 0 (got NaN)'],
    [100, { costPerCustomer: 0, valuePerCustomer: 1 }, 'cac must be a finite number > 0 (got 0)'],
  ])('rejects budget %d with %o', (budget, option, message) => {
    expect(() => spendBudget(budget, option)).toThrow(new RangeError(message));
  });
});

describe('compareSpend', () => {
  it('prefers the option with more value per yen', () => {
    // Acquisition at CAC 3,333.33 (3x) against keeping customers at 1,000 each worth 10,000 (10x).
    const result = compareSpend(100_000, { costPerCustomer: 10_000 / 3, valuePerCustomer: 10_000 }, { costPerCustomer: 1_000, valuePerCustomer: 10_000 });
    expect(result.better).toBe('second');
    expect(result.first.value).toBeCloseTo(300_000, 6);
    expect(result.second.value).toBeCloseTo(1_000_000, 6);
    expect(result.difference).toBeCloseTo(700_000, 6);
  });

  it('reports the first option when it wins', () => {
    const result = compareSpend(100_000, { costPerCustomer: 20_000, valuePerCustomer: 120_000 }, { costPerCustomer: 30_000, valuePerCustomer: 60_000 });
    expect(result.better).toBe('first');
    expect(result.difference).toBeCloseTo(400_000, 6);
  });

  it('calls values equal within rounding', () => {
    // 10,000 / 3 per customer against 3,333.333333 rounded: the same value to a millionth.
    const result = compareSpend(100_000, { costPerCustomer: 10_000 / 3, valuePerCustomer: 10_000 }, { costPerCustomer: 3_333.333333, valuePerCustomer: 10_000 });
    expect(result.better).toBe('equal');
    expect(compareSpend(0, { costPerCustomer: 1, valuePerCustomer: 1 }, { costPerCustomer: 2, valuePerCustomer: 1 }).better).toBe('equal');
  });
});
