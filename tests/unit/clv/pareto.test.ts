import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paretoCurve, topShare } from '../../../src/lib/clv/pareto.ts';

// Curriculum, Module 2 lesson 3: 80% of sales from the top 20% of customers. Ten customers, shuffled:
// two bring 40 each (80 of 100), eight bring 2.5 each (20 of 100).
const eightyTwenty = [2.5, 40, 2.5, 2.5, 2.5, 2.5, 40, 2.5, 2.5, 2.5];

describe('paretoCurve', () => {
  it('reproduces 80/20 on the constructed list', () => {
    const curve = paretoCurve(eightyTwenty);
    expect(curve).toHaveLength(11);
    // Top 1: 40 / 100; top 2: 80 / 100; then +2.5 / 100 per customer.
    expect(curve.slice(0, 4)).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.1, valueShare: 0.4 },
      { customerShare: 0.2, valueShare: 0.8 },
      { customerShare: 0.3, valueShare: 0.825 },
    ]);
    expect(curve.at(-1)).toEqual({ customerShare: 1, valueShare: 1 });
  });

  it.each([
    // No customers: the origin only.
    [[], [[0, 0]]],
    // All zero: flat at 0 (no value to share).
    [[0, 0, 0], [[0, 0], [1 / 3, 0], [2 / 3, 0], [1, 0]]],
    [[7], [[0, 0], [1, 1]]],
    // Sorted largest first: 3 / 4, then 4 / 4.
    [[1, 3], [[0, 0], [0.5, 0.75], [1, 1]]],
    // Equal values lie on the diagonal.
    [[5, 5, 5, 5], [[0, 0], [0.25, 0.25], [0.5, 0.5], [0.75, 0.75], [1, 1]]],
    // Values near the largest double do not overflow.
    [[1e308, 1e308], [[0, 0], [0.5, 0.5], [1, 1]]],
  ])('%o', (values, expected) => {
    expect(paretoCurve(values)).toEqual(expected.map(([customerShare, valueShare]) => ({ customerShare, valueShare })));
  });

  it.each([
    [[1, -1], 'values[1] must be a finite number >= 0 (got -1)'],
    [[Number.NaN], 'values[0] must be a finite number >= 0 (got NaN)'],
    [[1, 2, Infinity], 'values[2] must be a finite number >= 0 (got Infinity)'],
  ])('rejects %o', (values, message) => {
    expect(() => paretoCurve(values)).toThrow(new RangeError(message));
  });

  const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 200 });

  it('runs from (0, 0) to (1, 1), monotone and concave', () => {
    fc.assert(
      fc.property(values, (list) => {
        const curve = paretoCurve(list);
        const total = list.reduce((s, v) => s + v, 0);
        expect(curve[0]).toEqual({ customerShare: 0, valueShare: 0 });
        expect(curve.at(-1)).toEqual({ customerShare: 1, valueShare: total > 0 ? 1 : 0 });
        for (let k = 1; k < curve.length; k++) {
          expect(curve[k]!.customerShare).toBeGreaterThan(curve[k - 1]!.customerShare);
          expect(curve[k]!.valueShare).toBeGreaterThanOrEqual(curve[k - 1]!.valueShare);
          if (k >= 2) {
            // Steps never grow (largest first); rounding allowed.
            const step = curve[k]!.valueShare - curve[k - 1]!.valueShare;
            const previous = curve[k - 1]!.valueShare - curve[k - 2]!.valueShare;
            expect(step).toBeLessThanOrEqual(previous + 1e-12);
          }
        }
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        values.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expect(paretoCurve(shuffled)).toEqual(paretoCurve(list));
          expect(topShare(shuffled, 0.2)).toBe(topShare(list, 0.2));
        },
      ),
    );
  });
});

describe('topShare', () => {
  it('is 80% for the top 20% of the constructed list', () => {
    expect(topShare(eightyTwenty)).toBe(0.8);
    expect(topShare(eightyTwenty, 0.2)).toBe(0.8);
  });

  it.each([
    // [50, 30, 10, 10], total 100. 20% of 4 = 0.8 customers: 0.8 x 50 = 40 -> 0.4.
    [[10, 50, 10, 30], 0.2, 0.4],
    // 50% of 4 = 2 customers: 80 -> 0.8.
    [[10, 50, 10, 30], 0.5, 0.8],
    // 60% of 4 = 2.4: 80 + 0.4 x 10 = 84 -> 0.84.
    [[10, 50, 10, 30], 0.6, 0.84],
    [[10, 50, 10, 30], 0, 0],
    [[10, 50, 10, 30], 1, 1],
    // Equal values: the top x% bring x%.
    [[5, 5, 5, 5, 5], 0.2, 0.2],
    // One customer: 20% of one customer brings 20%.
    [[9], 0.2, 0.2],
    // Empty and all-zero lists have no value to share: 0.
    [[], 0.2, 0],
    [[0, 0, 0], 0.2, 0],
  ])('%o, top %d -> %d', (list, fraction, expected) => {
    expect(topShare(list, fraction)).toBeCloseTo(expected, 12);
  });

  it.each([
    [[1], 1.5, 'customerFraction must be a number in [0, 1] (got 1.5)'],
    [[1], -0.2, 'customerFraction must be a number in [0, 1] (got -0.2)'],
    [[1], Number.NaN, 'customerFraction must be a number in [0, 1] (got NaN)'],
    [[-3], 0.2, 'values[0] must be a finite number >= 0 (got -3)'],
  ])('rejects %o with fraction %d', (list, fraction, message) => {
    expect(() => topShare(list, fraction)).toThrow(new RangeError(message));
  });

  it('lies in [0, 1], at least the customer share, and on the curve at whole counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (list, fraction) => {
          const share = topShare(list, fraction);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          if (list.some((v) => v > 0)) expect(share).toBeGreaterThanOrEqual(fraction - 1e-12);
          const curve = paretoCurve(list);
          const k = Math.floor(fraction * list.length);
          expect(topShare(list, k / list.length)).toBeCloseTo(curve[k]!.valueShare, 12);
        },
      ),
    );
  });
});
