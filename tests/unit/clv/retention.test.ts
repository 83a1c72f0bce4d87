import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retentionClv } from '../../../src/lib/clv/retention.ts';

// Timing: margin m at the end of period t if still retained (probability r^t), discounted (1 + d)^t.
describe('retentionClv', () => {
  it.each([
    // Infinite: 0.8 / (1 + 0.1 - 0.8) = 0.8 / 0.3 = 2.6667; 100 x 2.6667 = 266.67; lifetime 1 / 0.2 = 5.
    ['r 0.8, d 0.1, infinite', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1 }, 266.6666667, 2.6666667, 5, 'infinite'],
    // Gupta & Lehmann's typical case: r 0.8, d 0.12 -> multiple 0.8 / 0.32 = 2.5.
    ['r 0.8, d 0.12', { marginPerPeriod: 10_000, retentionRate: 0.8, discountRate: 0.12 }, 25_000, 2.5, 5, 'infinite'],
    // Infinity as periods is the infinite horizon.
    ['periods Infinity', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, periods: Infinity }, 266.6666667, 2.6666667, 5, 'infinite'],
    // No discounting: 0.5 / 0.5 = 1 -> one margin.
    ['r 0.5, d 0', { marginPerPeriod: 300, retentionRate: 0.5, discountRate: 0 }, 300, 1, 2, 'infinite'],
    // One period: 0.8 / 1.1 = 0.72727 -> 72.727.
    ['1 period', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, periods: 1 }, 72.7272727, 0.7272727, 5, 1],
    // Two periods: 0.72727 + 0.64 / 1.21 = 0.72727 + 0.52893 = 1.25620 -> 125.620.
    ['2 periods', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2 }, 125.6198347, 1.2561983, 5, 2],
    ['0 periods', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, periods: 0 }, 0, 0, 5, 0],
    // Nobody retained: no margin after acquisition; lifetime 1 period.
    ['r 0', { marginPerPeriod: 100, retentionRate: 0, discountRate: 0.1 }, 0, 0, 1, 'infinite'],
    ['r 0, finite', { marginPerPeriod: 100, retentionRate: 0, discountRate: 0.1, periods: 4 }, 0, 0, 1, 4],
    // r = 1 + d (q = 1): every term is m -> 3 x 100.
    ['q = 1', { marginPerPeriod: 100, retentionRate: 0.5, discountRate: -0.5, periods: 3 }, 300, 3, 2, 3],
    // q = 0.8 / 0.5 = 1.6 > 1 (finite only): 1.6 + 2.56 = 4.16.
    ['q > 1, finite', { marginPerPeriod: 100, retentionRate: 0.8, discountRate: -0.5, periods: 2 }, 416, 4.16, 5, 2],
    // q extremely close to 1: 1000 periods of almost 1 each -> 1000 - (1 - r) x 500,500 = 1000 - 2.4e-9.
    ['r close to 1, finite', { marginPerPeriod: 1, retentionRate: 0.9999999999999951, discountRate: 0, periods: 1000 }, 999.9999999976, 999.9999999976, 204709073971386.2, 1000],
    // A loss-making customer: more retention, more loss.
    ['negative margin', { marginPerPeriod: -100, retentionRate: 0.8, discountRate: 0.1 }, -266.6666667, 2.6666667, 5, 'infinite'],
  ])('%s', (_name, input, clv, marginMultiple, expectedLifetimePeriods, horizon) => {
    const result = retentionClv(input);
    expect(result.clv).toBeCloseTo(clv, 6);
    expect(result.marginMultiple).toBeCloseTo(marginMultiple, 6);
    expect(result.expectedLifetimePeriods).toBeCloseTo(expectedLifetimePeriods, 12);
    expect(result.horizon).toBe(horizon);
  });

  it('is always margin x marginMultiple', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        (marginPerPeriod, retentionRate, discountRate, periods) => {
          const result = retentionClv({ marginPerPeriod, retentionRate, discountRate, periods });
          expect(result.clv).toBe(marginPerPeriod * result.marginMultiple);
        },
      ),
    );
  });

  it('matches the sum of the discounted, retained margins term by term', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (retentionRate, discountRate, periods) => {
          let sum = 0;
          for (let t = 1; t <= periods; t++) sum += retentionRate ** t / (1 + discountRate) ** t;
          const { marginMultiple } = retentionClv({ marginPerPeriod: 1, retentionRate, discountRate, periods });
          expect(Math.abs(marginMultiple - sum)).toBeLessThanOrEqual(1e-12 * sum);
        },
      ),
    );
  });

  it('rises with the retention rate (infinite horizon: exactly)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, marginPerPeriod, discountRate) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const clv = (retentionRate: number) => retentionClv({ marginPerPeriod, retentionRate, discountRate }).clv;
          expect(clv(high)).toBeGreaterThanOrEqual(clv(low));
        },
      ),
    );
  });

  it('rises with the retention rate (finite horizon: up to rounding)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        (a, b, discountRate, periods) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const clv = (retentionRate: number) => retentionClv({ marginPerPeriod: 100, retentionRate, discountRate, periods }).clv;
          expect(clv(high)).toBeGreaterThanOrEqual(clv(low) * (1 - 1e-12));
        },
      ),
    );
  });

  it('finite horizons grow towards the infinite value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        (retentionRate, discountRate, periods) => {
          const multiple = (p?: number) => retentionClv({ marginPerPeriod: 1, retentionRate, discountRate, periods: p }).marginMultiple;
          const infinite = multiple();
          const tolerance = 1e-12 * Math.max(1, infinite);
          expect(multiple(periods + 1)).toBeGreaterThanOrEqual(multiple(periods) - tolerance);
          expect(multiple(periods + 1)).toBeLessThanOrEqual(infinite + tolerance);
          // 0.99^5000 = e^-50: nothing is left of the tail.
          expect(multiple(5_000)).toBeCloseTo(infinite, 9);
        },
      ),
    );
  });

  const valid = { marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1 };
  it.each([
    [{ marginPerPeriod: Number.NaN }, 'marginPerPeriod must be a finite number (got NaN)'],
    [{ marginPerPeriod: -Infinity }, 'marginPerPeriod must be a finite number (got -Infinity)'],
    [{ retentionRate: 1 }, 'retentionRate must be a number in [0, 1) (got 1)'],
    [{ retentionRate: -0.1 }, 'retentionRate must be a number in [0, 1) (got -0.1)'],
    [{ retentionRate: 80 }, 'retentionRate must be a number in [0, 1) (got 80)'],
    [{ discountRate: -1 }, 'discountRate must be a finite number > -1 (got -1)'],
    [{ discountRate: Infinity }, 'discountRate must be a finite number > -1 (got Infinity)'],
    [{ periods: 2.5 }, 'periods must be an integer >= 0 (got 2.5)'],
    [{ periods: -1 }, 'periods must be an integer >= 0 (got -1)'],
    [{ periods: Number.NaN }, 'periods must be an integer >= 0 (got NaN)'],
    [
      { retentionRate: 0.5, discountRate: -0.5 },
      'discountRate must be > retentionRate - 1 for an infinite horizon, else the sum diverges (got discountRate -0.5, retentionRate 0.5)',
    ],
  ])('rejects %o', (patch, message) => {
    expect(() => retentionClv({ ...valid, ...patch })).toThrow(new RangeError(message));
  });
});
