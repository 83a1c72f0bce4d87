import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAYS_PER_MONTH, predictiveClv } from '../../../src/lib/clv/predictive.ts';
import { bgNbdExpectedPurchases, type BgNbdParams } from '../../../src/lib/clv/bgnbd.ts';
import { gammaGammaExpectedSpend, type GammaGammaParams } from '../../../src/lib/clv/gammaGamma.ts';

/** CDNOW estimates in weeks (Fader, Hardie & Lee 2005) and lifetimes' Gamma-Gamma fit. */
const BG_WEEKS: BgNbdParams = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const GG: GammaGammaParams = { p: 6.248802, q: 3.744588, v: 15.447748 };
/** lifetimes' daily example fit (its test_utils.py), with the rounded Gamma-Gamma parameters. */
const BG_DAYS: BgNbdParams = { r: 0.16, alpha: 1.86, a: 1.85, b: 3.18 };
const GG_ROUNDED: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

/** CDNOW customer 1: x = 2, t_x = 30.43, T = 38.86 weeks, zbar = 22.35 dollars. */
const paperCustomer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
const dailyCustomer = { frequency: 6, recency: 142, T: 292, monetaryValue: 50 };

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('predictiveClv', () => {
  // References: lifetimes' _customer_lifetime_value recipe evaluated in mpmath (30 digits) with a
  // 30-day month, i.e. 30/7 weeks per month for weekly data.
  it.each([
    ['weekly CDNOW customer 1, 12 months at 1 %', BG_WEEKS, GG, paperCustomer, 12, 0.01, 'week', 35.871409119472198],
    ['weekly new-ish customer (x = 0), 12 months at 1 %', BG_WEEKS, GG, { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 }, 12, 0.01, 'week', 8.2438812819385284],
    ['daily customer, 12 months at 1 %', BG_DAYS, GG_ROUNDED, dailyCustomer, 12, 0.01, 'day', 10.547671749853057],
    ['daily customer, 24 months at 2 %', BG_DAYS, GG_ROUNDED, dailyCustomer, 24, 0.02, 'day', 13.361169510774593],
  ] as const)('%s', (_name, bg, gg, customer, months, discountRatePerMonth, unit, expected) => {
    const result = predictiveClv(bg, gg, customer, { months, discountRatePerMonth, unit });
    expectRelative(result.clv, expected, 1e-10);
    expect(result.monthly).toHaveLength(months);
    expect(result.expectedPurchases).toHaveLength(months);
    expect(result.monthly.reduce((s, v) => s + v, 0)).toBeCloseTo(result.clv, 12);
  });

  it('first months of the weekly example, by hand from eq. 10 differences', () => {
    // Spend 6.2488 (15.4477 + 2 × 22.35) / (2 × 6.2488 + 2.7446) = 24.6586; month 1 is
    // E[X(30/7 weeks)] × 24.6586 / 1.01 = 3.84764 (mpmath: 3.8476393343).
    const result = predictiveClv(BG_WEEKS, GG, paperCustomer, { months: 3, discountRatePerMonth: 0.01, unit: 'week' });
    expectRelative(result.expectedSpend, 24.6586165558009, 1e-12);
    expectRelative(result.monthly[0]!, 3.8476393343, 1e-9);
    expectRelative(result.monthly[1]!, 3.63985517285, 1e-9);
    expectRelative(result.monthly[2]!, 3.453094195, 1e-9);
  });

  it('with no discount, the CLV telescopes to E[purchases over the whole horizon] × spend', () => {
    for (const months of [1, 2, 12]) {
      const result = predictiveClv(BG_DAYS, GG_ROUNDED, dailyCustomer, { months, discountRatePerMonth: 0, unit: 'day' });
      const purchases = bgNbdExpectedPurchases(BG_DAYS, dailyCustomer, months * DAYS_PER_MONTH);
      expectRelative(result.clv, purchases * gammaGammaExpectedSpend(GG_ROUNDED, dailyCustomer), 1e-12);
    }
  });

  it('a discount rate of 100 % a month halves a one-month CLV (as in lifetimes)', () => {
    const options = { months: 1, unit: 'day' } as const;
    const undiscounted = predictiveClv(BG_DAYS, GG_ROUNDED, dailyCustomer, { ...options, discountRatePerMonth: 0 });
    const halved = predictiveClv(BG_DAYS, GG_ROUNDED, dailyCustomer, { ...options, discountRatePerMonth: 1 });
    expectRelative(halved.clv, undiscounted.clv / 2, 1e-14);
  });

  it('a month is 30 days: 30/7 weeks for weekly data', () => {
    const weekly = predictiveClv(BG_WEEKS, GG, paperCustomer, { months: 1, discountRatePerMonth: 0, unit: 'week' });
    const purchases = bgNbdExpectedPurchases(BG_WEEKS, paperCustomer, 30 / 7);
    expectRelative(weekly.expectedPurchases[0]!, purchases, 1e-14);
  });

  it('is 0 with empty arrays for a zero-month horizon', () => {
    expect(predictiveClv(BG_DAYS, GG_ROUNDED, dailyCustomer, { months: 0, discountRatePerMonth: 0.01, unit: 'day' })).toEqual({
      clv: 0,
      monthly: [],
      expectedPurchases: [],
      expectedSpend: gammaGammaExpectedSpend(GG_ROUNDED, dailyCustomer),
    });
  });

  it('is >= 0, grows with the horizon and falls with the discount rate', () => {
    const customer = fc
      .record({
        frequency: fc.integer({ min: 0, max: 50 }),
        T: fc.double({ min: 1, max: 400, noNaN: true }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        monetaryValue: fc.double({ min: 1, max: 500, noNaN: true }),
      })
      .map(({ frequency, T, share, monetaryValue }) => ({
        frequency,
        T,
        recency: frequency === 0 ? 0 : share * T,
        monetaryValue: frequency === 0 ? 0 : monetaryValue,
      }));
    fc.assert(
      fc.property(
        customer,
        fc.integer({ min: 1, max: 36 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (c, months, rate) => {
          const base = predictiveClv(BG_DAYS, GG_ROUNDED, c, { months, discountRatePerMonth: rate, unit: 'day' });
          const longer = predictiveClv(BG_DAYS, GG_ROUNDED, c, { months: months + 6, discountRatePerMonth: rate, unit: 'day' });
          const dearer = predictiveClv(BG_DAYS, GG_ROUNDED, c, { months, discountRatePerMonth: rate + 0.05, unit: 'day' });
          expect(base.clv).toBeGreaterThanOrEqual(0);
          base.monthly.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
          expect(longer.clv).toBeGreaterThanOrEqual(base.clv);
          expect(dearer.clv).toBeLessThanOrEqual(base.clv);
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each([
    [{ months: -1, discountRatePerMonth: 0.01, unit: 'day' }, /months must be a whole number/],
    [{ months: 1.5, discountRatePerMonth: 0.01, unit: 'day' }, /months must be a whole number/],
    [{ months: 12, discountRatePerMonth: -1, unit: 'day' }, /discountRatePerMonth must be a finite number > -1/],
    [{ months: 12, discountRatePerMonth: NaN, unit: 'day' }, /discountRatePerMonth/],
    [{ months: 12, discountRatePerMonth: 0.01, unit: 'month' }, /unit must be 'day' or 'week'/],
  ])('rejects options %j with a RangeError', (options, message) => {
    expect(() =>
      predictiveClv(BG_DAYS, GG_ROUNDED, dailyCustomer, options as unknown as Parameters<typeof predictiveClv>[3]),
    ).toThrow(message);
  });

  it('passes on the models’ errors: invalid history, and spend without a finite mean', () => {
    const options = { months: 12, discountRatePerMonth: 0.01, unit: 'day' } as const;
    expect(() => predictiveClv(BG_DAYS, GG_ROUNDED, { ...dailyCustomer, recency: 300 }, options)).toThrow(/recency/);
    expect(() =>
      predictiveClv(BG_DAYS, { p: 2, q: 0.9, v: 10 }, { frequency: 0, recency: 0, T: 100, monetaryValue: 0 }, options),
    ).toThrow(/q must exceed 1/);
  });
});
