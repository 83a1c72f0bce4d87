import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leverWhatIf, logarithmicMean, type LeverBase, type LeverChanges } from '../../../src/lib/clv/levers.ts';

// CLV = P x F x Y + R x Y; contributions by LMDI-I per term (see levers.ts).
describe('leverWhatIf', () => {
  it.each([
    // Case C (Tokyo beauty salon): ticket 8,000 -> 11,500 = +43.75%; 6 visits a year, 3 years.
    // 8,000 x 6 x 3 = 144,000 -> 11,500 x 6 x 3 = 207,000; delta 63,000, all from price.
    ['case C: unit price 8,000 -> 11,500', { averagePurchase: 8_000, purchasesPerYear: 6, retentionYears: 3 }, { price: 0.4375 },
      144_000, 207_000, 0.4375, { price: 63_000, frequency: 0, retention: 0, recurring: 0 }],
    // Case B (Osaka restaurant chain): regulars 1.0 -> 1.4 visits a month = 12 -> 16.8 a year (+40%).
    // 3,000 x 12 x 2 = 72,000 -> 3,000 x 16.8 x 2 = 100,800; delta 28,800, all from frequency.
    ['case B: 1.0 -> 1.4 visits a month', { averagePurchase: 3_000, purchasesPerYear: 12, retentionYears: 2 }, { frequency: 0.4 },
      72_000, 100_800, 0.4, { price: 0, frequency: 28_800, retention: 0, recurring: 0 }],
    // Case A (Nagano machine tools): 3-year re-order rate 40% -> 68%, read as expected relationship
    // length growing in the same proportion: 0.68 / 0.40 - 1 = +70%, 3 -> 5.1 years.
    // 10,000,000 x 0.2 x 3 = 6,000,000 -> x 5.1 = 10,200,000; delta 4,200,000, all from retention.
    ['case A: re-order 40% -> 68%', { averagePurchase: 10_000_000, purchasesPerYear: 0.2, retentionYears: 3 }, { retention: 0.68 / 0.4 - 1 },
      6_000_000, 10_200_000, 0.7, { price: 0, frequency: 0, retention: 4_200_000, recurring: 0 }],
    // Case D (Gifu equipment maker): machine sales stop (price -100%), 1,200,000 a year of use fee +
    // maintenance instead. 5,000,000 x 0.2 x 10 = 10,000,000 -> 1,200,000 x 10 = 12,000,000.
    // Term A: 10,000,000 -> 0, the zero factor after is price: price -10,000,000.
    // Term B: 0 -> 12,000,000, the zero factor before is recurring: recurring +12,000,000.
    ['case D: machine sales -> use fee', { averagePurchase: 5_000_000, purchasesPerYear: 0.2, retentionYears: 10 },
      { price: -1, recurringRevenuePerYearAfter: 1_200_000 },
      10_000_000, 12_000_000, 0.2, { price: -10_000_000, frequency: 0, retention: 0, recurring: 12_000_000 }],
    // Price +10% and frequency +20%: 1,000 x 10 x 2 = 20,000 -> 1,100 x 12 x 2 = 26,400, delta 6,400.
    // L(26,400, 20,000) = 6,400 / ln 1.32 = 6,400 / 0.277632 = 23,052.12;
    // price = 23,052.12 x ln 1.1 (0.095310) = 2,197.10; frequency = 23,052.12 x ln 1.2 (0.182322) = 4,202.90.
    ['price +10%, frequency +20%', { averagePurchase: 1_000, purchasesPerYear: 10, retentionYears: 2 }, { price: 0.1, frequency: 0.2 },
      20_000, 26_400, 0.32, { price: 2_197.10, frequency: 4_202.90, retention: 0, recurring: 0 }],
    // Retention +50% with a recurring term: A 20,000 -> 30,000, B 5,000 x 2 = 10,000 -> 15,000; all retention.
    ['retention acts on both terms', { averagePurchase: 1_000, purchasesPerYear: 10, retentionYears: 2, recurringRevenuePerYear: 5_000 },
      { retention: 0.5 }, 30_000, 45_000, 0.5, { price: 0, frequency: 0, retention: 15_000, recurring: 0 }],
    // All four: A 20,000 -> 1,100 x 12 x 3 = 39,600; B 10,000 -> 6,000 x 3 = 18,000; delta 27,600.
    // L_A = 19,600 / ln 1.98 = 28,692.87: price 2,734.72, frequency 5,231.33, retention 11,633.96.
    // L_B = 8,000 / ln 1.8 = 13,610.38: recurring x ln 1.2 = 2,481.47, retention x ln 1.5 = 5,518.53.
    ['all four levers', { averagePurchase: 1_000, purchasesPerYear: 10, retentionYears: 2, recurringRevenuePerYear: 5_000 },
      { price: 0.1, frequency: 0.2, retention: 0.5, recurring: 0.2 },
      30_000, 57_600, 0.92, { price: 2_734.72, frequency: 5_231.33, retention: 17_152.49, recurring: 2_481.47 }],
    // Price and frequency both to 0: term A 20,000 -> 0 is shared by the two zero factors.
    ['two factors to zero', { averagePurchase: 1_000, purchasesPerYear: 10, retentionYears: 2 }, { price: -1, frequency: -1 },
      20_000, 0, -1, { price: -10_000, frequency: -10_000, retention: 0, recurring: 0 }],
    // No purchases at all: price changes move nothing.
    ['frequency 0 stays 0', { averagePurchase: 1_000, purchasesPerYear: 0, retentionYears: 2 }, { price: 0.5 },
      0, 0, null, { price: 0, frequency: 0, retention: 0, recurring: 0 }],
    // From nothing to a subscription: before 0 -> deltaRatio null; 1,000 x 2 = 2,000 to recurring.
    ['from zero', { averagePurchase: 0, purchasesPerYear: 0, retentionYears: 2 }, { recurringRevenuePerYearAfter: 1_000 },
      0, 2_000, null, { price: 0, frequency: 0, retention: 0, recurring: 2_000 }],
    ['no change', { averagePurchase: 5_000, purchasesPerYear: 4, retentionYears: 5 }, {},
      100_000, 100_000, 0, { price: 0, frequency: 0, retention: 0, recurring: 0 }],
  ] as [string, LeverBase, LeverChanges, number, number, number | null, Record<string, number>][])(
    '%s',
    (_name, base, changes, before, after, deltaRatio, contributions) => {
      const result = leverWhatIf(base, changes);
      expect(result.before).toBeCloseTo(before, 6);
      expect(result.after).toBeCloseTo(after, 6);
      expect(result.delta).toBeCloseTo(after - before, 6);
      if (deltaRatio === null) expect(result.deltaRatio).toBeNull();
      else expect(result.deltaRatio).toBeCloseTo(deltaRatio, 12);
      for (const [lever, value] of Object.entries(contributions)) {
        expect(result.contributions[lever as keyof typeof result.contributions], lever).toBeCloseTo(value, 2);
      }
    },
  );

  it('combined price and frequency: price and frequency share the gain as ln 1.4375 : ln 1.4', () => {
    // Case C's price and case B's frequency on one customer: 0.3629 : 0.3365 -> price 51.9%.
    const result = leverWhatIf({ averagePurchase: 8_000, purchasesPerYear: 12, retentionYears: 3 }, { price: 0.4375, frequency: 0.4 });
    expect(result.contributions.price / result.delta).toBeCloseTo(Math.log(1.4375) / Math.log(1.4375 * 1.4), 12);
    expect(result.contributions.price).toBeGreaterThan(result.contributions.frequency);
  });

  const amount = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e7, noNaN: true }));
  const change = fc.option(fc.oneof(fc.constant(-1), fc.constant(0), fc.double({ min: -1, max: 5, noNaN: true })), { nil: undefined });
  const base = fc.record({
    averagePurchase: amount,
    purchasesPerYear: amount,
    retentionYears: amount,
    recurringRevenuePerYear: fc.option(amount, { nil: undefined }),
  });
  const changes = fc.oneof(
    fc.record({ price: change, frequency: change, retention: change, recurring: change }),
    fc.record({ price: change, frequency: change, retention: change, recurringRevenuePerYearAfter: amount }),
  );

  it('contributions add up to delta', () => {
    fc.assert(
      fc.property(base, changes, (b, c) => {
        const result = leverWhatIf(b, c);
        const { price, frequency, retention, recurring } = result.contributions;
        const sum = price + frequency + retention + recurring;
        expect(Number.isFinite(sum)).toBe(true);
        expect(Math.abs(sum - result.delta)).toBeLessThanOrEqual(1e-12 * Math.max(result.before, result.after));
      }),
    );
  });

  it.each([
    // Near-total drops (ratios ~1e-13): ln(a / b) must not go through log1p near -1.
    [{ averagePurchase: 0.001, purchasesPerYear: 0.001, retentionYears: 51.09365460927961 }, { price: -0.9999999999997726 }],
    [{ averagePurchase: 0, purchasesPerYear: 0.001, retentionYears: 0.001, recurringRevenuePerYear: 484_692.04 }, { recurringRevenuePerYearAfter: 0.001 }],
  ] as [LeverBase, LeverChanges][])('stays exact for extreme ratios: %o %o', (b, c) => {
    const result = leverWhatIf(b, c);
    const { price, frequency, retention, recurring } = result.contributions;
    expect(Math.abs(price + frequency + retention + recurring - result.delta)).toBeLessThanOrEqual(1e-12 * result.before);
  });

  it('gives the whole change to the only lever that moved', () => {
    fc.assert(
      fc.property(base, fc.constantFrom('price', 'frequency', 'retention', 'recurring'), change, (b, lever, c) => {
        const result = leverWhatIf(b, { [lever]: c });
        for (const other of ['price', 'frequency', 'retention', 'recurring'] as const) {
          if (other !== lever) expect(result.contributions[other]).toBe(0);
        }
      }),
    );
  });

  const valid = { averagePurchase: 5_000, purchasesPerYear: 4, retentionYears: 5 };
  it.each([
    [{ averagePurchase: -1 }, {}, 'averagePurchase must be a finite number >= 0 (got -1)'],
    [{ purchasesPerYear: Number.NaN }, {}, 'purchasesPerYear must be a finite number >= 0 (got NaN)'],
    [{ retentionYears: -2 }, {}, 'retentionYears must be a finite number >= 0 (got -2)'],
    [{ recurringRevenuePerYear: -100 }, {}, 'recurringRevenuePerYear must be a finite number >= 0 (got -100)'],
    [{}, { price: -1.5 }, 'changes.price must be a finite number >= -1 (got -1.5)'],
    [{}, { frequency: Number.NaN }, 'changes.frequency must be a finite number >= -1 (got NaN)'],
    [{}, { retention: Infinity }, 'changes.retention must be a finite number >= -1 (got Infinity)'],
    [{}, { recurring: -2 }, 'changes.recurring must be a finite number >= -1 (got -2)'],
    [{}, { recurringRevenuePerYearAfter: -1 }, 'changes.recurringRevenuePerYearAfter must be a finite number >= 0 (got -1)'],
    [{}, { recurring: 0.1, recurringRevenuePerYearAfter: 1_000 }, 'changes.recurring and changes.recurringRevenuePerYearAfter must not both be given'],
  ] as [Partial<LeverBase>, LeverChanges, string][])('rejects %o %o', (patch, changes, message) => {
    expect(() => leverWhatIf({ ...valid, ...patch }, changes)).toThrow(new RangeError(message));
  });
});

describe('logarithmicMean', () => {
  it.each([
    [5, 5, 5],
    // (2 - 1) / ln 2 = 1.442695.
    [2, 1, 1 / Math.LN2],
    [1, 2, 1 / Math.LN2],
    // (e - 1) / ln e = 1.718282.
    [Math.E, 1, Math.E - 1],
    // Nearly equal: stays close to the common value.
    [1 + 1e-12, 1, 1 + 5e-13],
  ])('L(%d, %d) = %d', (a, b, expected) => {
    expect(logarithmicMean(a, b)).toBeCloseTo(expected, 12);
  });
});
