import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateHistories } from '../../../src/lib/clv/aggregateHistories.ts';
import type { RepeatHistory } from '../../../src/lib/clv/types.ts';

/** The merge done the slow, obvious way: a string key per history, groups in first-seen order. */
function naiveGroups(customers: readonly RepeatHistory[]): Array<{ x: number; tx: number; T: number; weight: number }> {
  const groups = new Map<string, { x: number; tx: number; T: number; weight: number }>();
  for (const { frequency: x, recency, T } of customers) {
    const tx = x === 0 ? 0 : recency;
    // String(-0) is "0", so -0 and 0 share a key, as they must.
    const key = `${x}|${T}|${tx}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { x, tx: tx + 0, T: T + 0, weight: 1 });
  }
  return [...groups.values()];
}

/** Valid histories from a small pool of values, so that duplicates are common. */
const history = fc
  .record({
    frequency: fc.constantFrom(0, 0, 1, 2, 3, 7),
    T: fc.constantFrom(0, -0, 1, 10, 10.5, 30, 1e-300, 52.142857142857146),
    share: fc.constantFrom(0, 0.25, 0.5, 1),
  })
  .map(({ frequency, T, share }) => ({ frequency, T, recency: frequency === 0 ? 0 : share * T }));

describe('aggregateHistories', () => {
  it('merges exactly the identical histories, in first-seen order, with counts as weights', () => {
    fc.assert(
      fc.property(fc.array(history, { maxLength: 300 }), fc.constantFrom(1, 0.5, 1 / 30), (customers, scale) => {
        const data = aggregateHistories(customers, scale);
        const expected = naiveGroups(customers);
        const groups = Array.from(data.weight, (weight, g) => ({
          x: data.distinctX[data.xIndex[g]!]!,
          tx: data.recency[g]! / scale,
          T: data.age[g]! / scale,
          weight,
        }));
        expect(groups).toEqual(expected);
        expect(data.totalWeight).toBe(customers.length);
        expect(data.totalFrequency).toBe(customers.reduce((sum, c) => sum + c.frequency, 0));
        // Weights per distinct x add up to the customers with that x.
        data.distinctX.forEach((x, j) => {
          expect(data.weightPerX[j]).toBe(customers.filter((c) => c.frequency === x).length);
        });
        expect(new Set(data.distinctX).size).toBe(data.distinctX.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every distinct history apart, however many there are', () => {
    // 50,000 distinct ages: the table must grow and probe past collisions without merging.
    const customers = Array.from({ length: 50_000 }, (_, i) => ({ frequency: i % 3, recency: i % 3 === 0 ? 0 : i / 7, T: i / 7 + 1 }));
    const data = aggregateHistories(customers, 1);
    expect(data.weight.length).toBe(50_000);
    expect(data.maxT).toBe(49_999 / 7 + 1);
  });

  it('ignores the recency of customers without repeats when grouping', () => {
    const data = aggregateHistories([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 10 }, { frequency: 1, recency: 0, T: 10 }], 1);
    expect(Array.from(data.weight)).toEqual([2, 1]);
  });
});
