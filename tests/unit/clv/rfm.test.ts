import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quintileScores, rfmScores } from '../../../src/lib/clv/rfm.ts';
import { dayNumberToIso, isoToDayNumber } from '../../../src/lib/clv/dates.ts';
import type { CustomerSummary } from '../../../src/lib/clv/types.ts';

const END = '2025-03-31';

/** A summary in days, observed until END, first purchase on 2024-10-01. */
function summary(customerId: string, lastPurchase: string, purchaseCount: number, totalSpend: number): CustomerSummary {
  const first = isoToDayNumber('2024-10-01');
  return {
    customerId,
    frequency: purchaseCount - 1,
    recency: isoToDayNumber(lastPurchase) - first,
    T: isoToDayNumber(END) - first,
    monetaryValue: purchaseCount > 1 ? totalSpend / purchaseCount : 0,
    firstPurchase: '2024-10-01',
    lastPurchase,
    totalSpend,
    purchaseCount,
  };
}

describe('rfmScores', () => {
  it('scores five distinct customers 1..5 on each axis', () => {
    // Recency (latest last purchase best): c1 03-31 > c2 03-01 > c5 02-10 > c3 01-15 > c4 12-01 -> 5, 4, 3, 2, 1.
    // Frequency (purchase days): c2 5 > c5 4 > c3 3 > c4 2 > c1 1.
    // Monetary (total spend): c2 50,000 > c3 20,000 > c4 8,000 > c5 3,000 > c1 1,000.
    const result = rfmScores([
      summary('c1', '2025-03-31', 1, 1_000),
      summary('c2', '2025-03-01', 5, 50_000),
      summary('c3', '2025-01-15', 3, 20_000),
      summary('c4', '2024-12-01', 2, 8_000),
      summary('c5', '2025-02-10', 4, 3_000),
    ]);
    expect(result).toEqual([
      { customerId: 'c1', recency: 5, frequency: 1, monetary: 1, score: '5-1-1', total: 7 },
      { customerId: 'c2', recency: 4, frequency: 5, monetary: 5, score: '4-5-5', total: 14 },
      { customerId: 'c3', recency: 2, frequency: 3, monetary: 4, score: '2-3-4', total: 9 },
      { customerId: 'c4', recency: 1, frequency: 2, monetary: 3, score: '1-2-3', total: 6 },
      { customerId: 'c5', recency: 3, frequency: 4, monetary: 2, score: '3-4-2', total: 9 },
    ]);
  });

  it('gives tied customers the same score', () => {
    // Same last day and count for a and b; spend 100, 100, 300: ranks 1.5, 1.5, 3 of 3 ->
    // floor(5 x 1 / 3) + 1 = 2 and floor(5 x 2.5 / 3) + 1 = 5.
    const result = rfmScores([
      summary('a', '2025-03-01', 2, 100),
      summary('b', '2025-03-01', 2, 100),
      summary('c', '2025-03-20', 2, 300),
    ]);
    expect(result.map((r) => r.score)).toEqual(['2-3-2', '2-3-2', '5-3-5']);
  });

  it('is empty for no customers', () => {
    expect(rfmScores([])).toEqual([]);
  });

  it('uses the calendar day of the last purchase, not T - recency in a rounded unit', () => {
    // Same last purchase day, different first days, in weeks: T - recency is 3.0000000000000004 for a
    // and 2.9999999999999996 for b (rounding of day / 7), yet both bought last on 03-10 and must tie.
    const inWeeks = (customerId: string, firstPurchase: string): CustomerSummary => {
      const first = isoToDayNumber(firstPurchase);
      return {
        ...summary(customerId, '2025-03-10', 2, 100),
        firstPurchase,
        recency: (isoToDayNumber('2025-03-10') - first) / 7,
        T: (isoToDayNumber(END) - first) / 7,
      };
    };
    const a0 = inWeeks('a', '2025-02-14');
    const b0 = inWeeks('b', '2025-02-11');
    expect(a0.T - a0.recency).not.toBe(b0.T - b0.recency);
    const [a, b] = rfmScores([a0, b0]);
    expect(a!.recency).toBe(b!.recency);
  });

  it.each([
    [[summary('x', '2025-01-01', 1, 1), summary('x', '2025-01-02', 1, 1)], 'summaries[1].customerId must be unique (got "x", as summaries[0])'],
    [[{ ...summary('x', '2025-01-01', 1, 1), lastPurchase: '2025-02-30' }], 'summaries[0].lastPurchase must be a calendar date YYYY-MM-DD (got "2025-02-30")'],
    [[{ ...summary('x', '2025-01-01', 1, 1), lastPurchase: '2025/01/01' }], 'summaries[0].lastPurchase must be a calendar date YYYY-MM-DD (got "2025/01/01")'],
    [[summary('x', '2025-01-01', 1, 1), summary('y', '2025-01-01', -1, 1)], 'summaries[1].purchaseCount must be a finite number >= 0 (got -1)'],
    [[summary('x', '2025-01-01', 1, Number.NaN)], 'summaries[0].totalSpend must be a finite number (got NaN)'],
  ])('rejects %#', (summaries, message) => {
    expect(() => rfmScores(summaries)).toThrow(new RangeError(message));
  });

  const customers = fc
    .array(fc.record({ day: fc.integer({ min: 0, max: 40 }), count: fc.integer({ min: 1, max: 8 }), spend: fc.integer({ min: 0, max: 20 }) }), {
      maxLength: 60,
    })
    .map((rows) =>
      rows.map((row, i) => summary(`c${i}`, dayNumberToIso(isoToDayNumber('2025-02-01') + row.day), row.count, row.spend * 1_000)),
    );

  it('keeps scores within 1..5, the total and the string consistent, and more never scores lower', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const result = rfmScores(list);
        expect(result.map((r) => r.customerId)).toEqual(list.map((s) => s.customerId));
        result.forEach((r, i) => {
          for (const s of [r.recency, r.frequency, r.monetary]) {
            expect(Number.isInteger(s) && s >= 1 && s <= 5).toBe(true);
          }
          expect(r.total).toBe(r.recency + r.frequency + r.monetary);
          expect(r.score).toBe(`${r.recency}-${r.frequency}-${r.monetary}`);
          result.forEach((other, j) => {
            if (list[i]!.totalSpend >= list[j]!.totalSpend) expect(r.monetary).toBeGreaterThanOrEqual(other.monetary);
            if (list[i]!.lastPurchase >= list[j]!.lastPurchase) expect(r.recency).toBeGreaterThanOrEqual(other.recency);
          });
        });
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        customers.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          const byId = (summaries: CustomerSummary[]) => new Map(rfmScores(summaries).map((r) => [r.customerId, r]));
          expect(byId(shuffled)).toEqual(byId(list));
        },
      ),
    );
  });
});

describe('quintileScores', () => {
  it.each([
    [[], []],
    // One value, or all tied: the middle score 3.
    [[42], [3]],
    [[7, 7, 7, 7], [3, 3, 3, 3]],
    // Five distinct: mid-rank percentiles 0.1, 0.3, 0.5, 0.7, 0.9 -> 1..5, whatever the order.
    [[50, 10, 30, 20, 40], [5, 1, 3, 2, 4]],
    // Ten distinct: two per score.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    // [1, 1, 1, 2]: the three 1s share ranks 1..3 (mean 2): floor(5 x 1.5 / 4) + 1 = 2; the 2: floor(5 x 3.5 / 4) + 1 = 5.
    [[1, 1, 2, 1], [2, 2, 5, 2]],
    // Two values: 0.25 -> 2, 0.75 -> 4.
    [[3, 9], [2, 4]],
  ])('%o -> %o', (values, expected) => {
    expect(quintileScores(values)).toEqual(expected);
  });
});
