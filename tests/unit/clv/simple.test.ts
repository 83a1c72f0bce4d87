import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CHART_YEARS, groupClv, simpleClv, simpleClvByYear, type SimpleClvInput } from '../../../src/lib/clv/simple.ts';

const base: SimpleClvInput = { averagePurchase: 5_000, purchasesPerYear: 4, retentionYears: 5 };

describe('simpleClv', () => {
  it.each([
    // Curriculum, Module 2 lesson 1: 5,000 x 4 x 5 = 100,000 yen.
    ['curriculum 5,000 x 4 x 5', base, 100_000],
    // 5,000 x 4 x 5 x 0.3 = 30,000 (gross profit instead of revenue).
    ['gross margin 30%', { ...base, grossMargin: 0.3 }, 30_000],
    // Half a year without discounting: 20,000 x 2.5 = 50,000.
    ['fractional years', { ...base, retentionYears: 2.5 }, 50_000],
    ['zero years', { ...base, retentionYears: 0 }, 0],
    ['zero price', { ...base, averagePurchase: 0, discountRatePerYear: 0.1 }, 0],
    // 20,000 / 1.1 + 20,000 / 1.21 = 18,181.818 + 16,528.926 = 34,710.744.
    ['2 years at 10%', { ...base, retentionYears: 2, discountRatePerYear: 0.1 }, 34_710.743801652894],
    // + half a year discounted at year 3: 10,000 / 1.331 = 7,513.148 -> 42,223.892.
    ['2.5 years at 10%', { ...base, retentionYears: 2.5, discountRatePerYear: 0.1 }, 42_223.89181066867],
    // Half a year only, discounted at year 1: 10,000 / 1.1 = 9,090.909.
    ['0.5 years at 10%', { ...base, retentionYears: 0.5, discountRatePerYear: 0.1 }, 9_090.909090909091],
    // A negative rate (> -1) inflates: 20,000 / 0.5 = 40,000.
    ['1 year at -50%', { ...base, retentionYears: 1, discountRatePerYear: -0.5 }, 40_000],
    // 5 years at 10%: 20,000 x (1 - 1.1^-5) / 0.1 = 20,000 x (1 - 0.62092132) / 0.1 = 75,815.7354.
    ['5 years at 10%', { ...base, discountRatePerYear: 0.1 }, 75_815.7353881],
    // Discount 0 is the undiscounted formula.
    ['rate 0', { ...base, discountRatePerYear: 0 }, 100_000],
  ])('%s', (_name, input, expected) => {
    expect(simpleClv(input)).toBeCloseTo(expected, 3);
  });

  it('is exactly 100,000 for the curriculum example', () => {
    expect(simpleClv(base)).toBe(100_000);
  });

  it('converges to value / d for a very long horizon', () => {
    // 20,000 / 0.1 = 200,000.
    expect(simpleClv({ ...base, retentionYears: 1e9, discountRatePerYear: 0.1 })).toBeCloseTo(200_000, 6);
  });

  it('rises (non-strictly) with retention years, discounted or not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.option(fc.double({ min: -0.5, max: 1, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, discountRatePerYear, grossMargin) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const input = { averagePurchase: 5_000, purchasesPerYear: 4, grossMargin, discountRatePerYear };
          expect(simpleClv({ ...input, retentionYears: long })).toBeGreaterThanOrEqual(simpleClv({ ...input, retentionYears: short }));
        },
      ),
    );
  });

  it('rises with retention years right below a whole year (rounding at the year boundary)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (years, rate) => {
        const input = { averagePurchase: 5_000, purchasesPerYear: 4, discountRatePerYear: rate };
        const below = 1 - Number.EPSILON / 2; // largest double below 1, scaled below
        expect(simpleClv({ ...input, retentionYears: years })).toBeGreaterThanOrEqual(
          simpleClv({ ...input, retentionYears: years * below }),
        );
      }),
    );
  });
});

describe('simpleClvByYear', () => {
  it('lists each year for the curriculum example (20,000 a year)', () => {
    expect(simpleClvByYear({ ...base, retentionYears: 3 })).toEqual([
      { year: 1, value: 20_000, cumulative: 20_000 },
      { year: 2, value: 20_000, cumulative: 40_000 },
      { year: 3, value: 20_000, cumulative: 60_000 },
    ]);
  });

  it('counts a fractional last year in part, discounted at its year', () => {
    // 18,181.818 (1 / 1.1), 16,528.926 (1 / 1.21), 7,513.148 (half of 20,000 / 1.331).
    const years = simpleClvByYear({ ...base, retentionYears: 2.5, discountRatePerYear: 0.1 });
    expect(years.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(years.map((y) => y.value)).toEqual([expect.closeTo(18_181.818, 3), expect.closeTo(16_528.926, 3), expect.closeTo(7_513.148, 3)]);
    expect(years[2]!.cumulative).toBeCloseTo(42_223.892, 3);
  });

  it('is empty for 0 years', () => {
    expect(simpleClvByYear({ ...base, retentionYears: 0 })).toEqual([]);
  });

  it('ends at simpleClv', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.option(fc.double({ min: -0.5, max: 1, noNaN: true }), { nil: undefined }),
        (retentionYears, discountRatePerYear) => {
          const input = { ...base, retentionYears, discountRatePerYear };
          const last = simpleClvByYear(input).at(-1)?.cumulative ?? 0;
          const clv = simpleClv(input);
          expect(Math.abs(last - clv)).toBeLessThanOrEqual(1e-9 * Math.max(1, clv));
        },
      ),
    );
  });

  it('refuses a horizon too long to chart', () => {
    expect(() => simpleClvByYear({ ...base, retentionYears: MAX_CHART_YEARS + 1 })).toThrow(
      new RangeError('retentionYears must be <= 1000 for a per-year chart (got 1001)'),
    );
  });
});

describe.each([
  ['simpleClv', simpleClv],
  ['simpleClvByYear', simpleClvByYear],
] as const)('%s rejects invalid input', (_name, fn) => {
  it.each([
    [{ averagePurchase: -1 }, 'averagePurchase must be a finite number >= 0 (got -1)'],
    [{ averagePurchase: Number.NaN }, 'averagePurchase must be a finite number >= 0 (got NaN)'],
    [{ averagePurchase: Infinity }, 'averagePurchase must be a finite number >= 0 (got Infinity)'],
    [{ averagePurchase: '5000' as unknown as number }, 'averagePurchase must be a finite number >= 0 (got "5000")'],
    [{ purchasesPerYear: -1 }, 'purchasesPerYear must be a finite number >= 0 (got -1)'],
    [{ retentionYears: -0.5 }, 'retentionYears must be a finite number >= 0 (got -0.5)'],
    [{ grossMargin: 1.2 }, 'grossMargin must be a number in [0, 1] (got 1.2)'],
    [{ grossMargin: -0.1 }, 'grossMargin must be a number in [0, 1] (got -0.1)'],
    [{ discountRatePerYear: -1 }, 'discountRatePerYear must be a finite number > -1 (got -1)'],
    [{ discountRatePerYear: Number.NaN }, 'discountRatePerYear must be a finite number > -1 (got NaN)'],
  ])('%o', (patch, message) => {
    expect(() => fn({ ...base, ...patch })).toThrow(new RangeError(message));
  });
});

describe('groupClv', () => {
  it.each([
    // Curriculum, Module 2 lesson 4: 2,000 yen x 1,000 visits = 2,000,000 yen; 200 customers, 3 years:
    // 1,000 / 200 = 5 visits; 2,000,000 / 200 = 10,000 a year; CLV = 2,000 x 5 x 3 = 30,000.
    [{ totalSales: 2_000_000, totalVisits: 1_000, estimatedCustomers: 200, retentionYears: 3 }, 2_000, 5, 10_000, 30_000],
    // 900,000 / 600 visits = 1,500; 600 / 400 = 1.5 visits; 2,250 a year; x 2 = 4,500.
    [{ totalSales: 900_000, totalVisits: 600, estimatedCustomers: 400, retentionYears: 2 }, 1_500, 1.5, 2_250, 4_500],
    [{ totalSales: 0, totalVisits: 10, estimatedCustomers: 5, retentionYears: 3 }, 0, 2, 0, 0],
  ])('%o', (input, averageSpendPerVisit, visitsPerCustomerPerYear, salesPerCustomerPerYear, clv) => {
    expect(groupClv(input)).toEqual({ averageSpendPerVisit, visitsPerCustomerPerYear, salesPerCustomerPerYear, clv });
  });

  it('agrees with simpleClv on the group averages', () => {
    const group = groupClv({ totalSales: 2_000_000, totalVisits: 1_000, estimatedCustomers: 200, retentionYears: 3 });
    expect(
      simpleClv({ averagePurchase: group.averageSpendPerVisit, purchasesPerYear: group.visitsPerCustomerPerYear, retentionYears: 3 }),
    ).toBe(group.clv);
  });

  const restaurant = { totalSales: 2_000_000, totalVisits: 1_000, estimatedCustomers: 200, retentionYears: 3 };
  it.each([
    [{ totalSales: -1 }, 'totalSales must be a finite number >= 0 (got -1)'],
    [{ totalVisits: 0 }, 'totalVisits must be a finite number > 0 (got 0)'],
    [{ estimatedCustomers: 0 }, 'estimatedCustomers must be a finite number > 0 (got 0)'],
    [{ estimatedCustomers: Number.NaN }, 'estimatedCustomers must be a finite number > 0 (got NaN)'],
    [{ retentionYears: -3 }, 'retentionYears must be a finite number >= 0 (got -3)'],
  ])('rejects %o', (patch, message) => {
    expect(() => groupClv({ ...restaurant, ...patch })).toThrow(new RangeError(message));
  });
});
