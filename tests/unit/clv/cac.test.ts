import { describe, expect, it } from 'vitest';
import { acquisitionCostTrend, cacBand, ltvToCac, maxAffordableCac } from '../../../src/lib/clv/cac.ts';

describe('ltvToCac', () => {
  it.each([
    // Curriculum CLV 100,000 against a CAC of 20,000: 5x, healthy; pays back in 20,000 / 2,000 = 10 months;
    // the most one may spend at 3x is 100,000 / 3 = 33,333.33.
    [{ clv: 100_000, cac: 20_000, marginPerMonth: 2_000 }, 5, 'healthy', 10, 33_333.333333],
    // Exactly 3 is healthy (the band starts at 3).
    [{ clv: 30_000, cac: 10_000 }, 3, 'healthy', null, 10_000],
    // Exactly 1 is thin: the customer only pays for itself.
    [{ clv: 30_000, cac: 30_000 }, 1, 'thin', null, 10_000],
    // Restaurant CLV 30,000 with CAC 12,000: 2.5, thin; 12,000 / 1,500 = 8 months.
    [{ clv: 30_000, cac: 12_000, marginPerMonth: 1_500 }, 2.5, 'thin', 8, 10_000],
    // CLV below the CAC: losing money on each new customer.
    [{ clv: 3_000, cac: 3_333 }, 3_000 / 3_333, 'losing', null, 1_000],
    // A negative CLV (loss-making customer) is losing too.
    [{ clv: -5_000, cac: 1_000 }, -5, 'losing', null, -5_000 / 3],
    [{ clv: 0, cac: 1_000, marginPerMonth: 100 }, 0, 'losing', 10, 0],
  ])('%o', (input, ratio, band, paybackMonths, affordable) => {
    const result = ltvToCac(input);
    expect(result.ratio).toBeCloseTo(ratio, 12);
    expect(result.band).toBe(band);
    expect(result.paybackMonths).toBe(paybackMonths);
    expect(result.maxAffordableCac).toBeCloseTo(affordable, 6);
  });

  it('returns plain data that survives structuredClone (Web Worker) and JSON', () => {
    const result = ltvToCac({ clv: 100_000, cac: 20_000, marginPerMonth: 2_000 });
    expect(structuredClone(result)).toEqual(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it.each([
    [{ clv: Number.NaN, cac: 1 }, 'clv must be a finite number (got NaN)'],
    [{ clv: 100, cac: 0 }, 'cac must be a finite number > 0 (got 0)'],
    [{ clv: 100, cac: -5 }, 'cac must be a finite number > 0 (got -5)'],
    [{ clv: 100, cac: 10, marginPerMonth: 0 }, 'marginPerMonth must be a finite number > 0 (got 0)'],
    [{ clv: 100, cac: 10, marginPerMonth: Number.NaN }, 'marginPerMonth must be a finite number > 0 (got NaN)'],
  ])('rejects %o', (input, message) => {
    expect(() => ltvToCac(input)).toThrow(new RangeError(message));
  });
});

describe('cacBand', () => {
  it.each([
    [0.99, 'losing'],
    [1, 'thin'],
    [2.999, 'thin'],
    [3, 'healthy'],
    [10, 'healthy'],
  ])('%d -> %s', (ratio, band) => {
    expect(cacBand(ratio)).toBe(band);
  });
});

describe('maxAffordableCac', () => {
  it.each([
    // 100,000 / 3 = 33,333.33 (default target 3); / 5 = 20,000; / 1 = 100,000.
    [100_000, undefined, 33_333.333333],
    [100_000, 5, 20_000],
    [100_000, 1, 100_000],
  ])('clv %d, target %s', (clv, target, expected) => {
    expect(maxAffordableCac(clv, target)).toBeCloseTo(expected, 6);
  });

  it.each([
    [100, 0, 'targetRatio must be a finite number > 0 (got 0)'],
    [100, -3, 'targetRatio must be a finite number > 0 (got -3)'],
    [Infinity, 3, 'clv must be a finite number (got Infinity)'],
  ])('rejects clv %d, target %d', (clv, target, message) => {
    expect(() => maxAffordableCac(clv, target)).toThrow(new RangeError(message));
  });
});

describe('acquisitionCostTrend', () => {
  it('reproduces the curriculum: 10,000 yen for 10 customers, then for 3', () => {
    // 10,000 / 10 = 1,000 yen a customer; 10,000 / 3 = 3,333.33 (+233%).
    const [then, now] = acquisitionCostTrend([
      { adSpend: 10_000, customersAcquired: 10 },
      { adSpend: 10_000, customersAcquired: 3 },
    ]);
    expect(then).toEqual({ cacPerCustomer: 1_000, changeFromFirst: 0 });
    expect(Math.round(now!.cacPerCustomer)).toBe(3_333);
    expect(now!.changeFromFirst).toBeCloseTo(7 / 3, 12);
  });

  it.each([
    [[], []],
    // A free first period has no relative change to report.
    [[{ adSpend: 0, customersAcquired: 5 }, { adSpend: 500, customersAcquired: 5 }], [{ cacPerCustomer: 0, changeFromFirst: 0 }, { cacPerCustomer: 100, changeFromFirst: 0 }]],
    // 4,000 / 4 = 1,000; 6,000 / 4 = 1,500 (+50%); 3,000 / 6 = 500 (-50%).
    [
      [{ adSpend: 4_000, customersAcquired: 4 }, { adSpend: 6_000, customersAcquired: 4 }, { adSpend: 3_000, customersAcquired: 6 }],
      [{ cacPerCustomer: 1_000, changeFromFirst: 0 }, { cacPerCustomer: 1_500, changeFromFirst: 0.5 }, { cacPerCustomer: 500, changeFromFirst: -0.5 }],
    ],
  ])('%o', (periods, expected) => {
    expect(acquisitionCostTrend(periods)).toEqual(expected);
  });

  it.each([
    [[{ adSpend: -1, customersAcquired: 1 }], 'periods[0].adSpend must be a finite number >= 0 (got -1)'],
    [[{ adSpend: 1, customersAcquired: 1 }, { adSpend: 1, customersAcquired: 0 }], 'periods[1].customersAcquired must be a finite number > 0 (got 0)'],
  ])('rejects %o', (periods, message) => {
    expect(() => acquisitionCostTrend(periods)).toThrow(new RangeError(message));
  });
});
