import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToDayNumber } from '../../../src/lib/clv/dates.ts';
import {
  collectPurchaseDays,
  summarizeCalibrationHoldout,
  summarizeTransactions,
  summarizeTransactionsReport,
} from '../../../src/lib/clv/summarize.ts';
import type { CustomerSummary, TransactionRow } from '../../../src/lib/clv/types.ts';

const row = (customerId: string, date: string, amount: number): TransactionRow => ({ customerId, date, amount });

// A buys on 04-01 (twice: one occasion of 1,500), 04-08 and 04-15; B once on 04-10;
// C only after the observation end; D only in a holdout starting 04-11.
const ROWS = [
  row('A', '2025-04-08', 2000),
  row('A', '2025-04-01', 1000),
  row('B', '2025-04-10', 700),
  row('A', '2025-04-15', 3000),
  row('A', '2025-04-01', 500),
  row('C', '2025-05-02', 100),
  row('D', '2025-04-20', 400),
];

describe('summarizeTransactions', () => {
  it('follows lifetimes: same-day purchases collapse, frequency counts repeat days (unit: day)', () => {
    const summaries = summarizeTransactions(ROWS, { observationEnd: '2025-04-30', unit: 'day' });
    expect(summaries).toEqual<CustomerSummary[]>([
      // Days 04-01 (1,500), 04-08 (2,000), 04-15 (3,000): 2 repeats; recency 14 days;
      // T = 04-01 → 04-30 = 29 days; monetaryValue = (2,000 + 3,000) / 2.
      { customerId: 'A', frequency: 2, recency: 14, T: 29, monetaryValue: 2500, firstPurchase: '2025-04-01', lastPurchase: '2025-04-15', totalSpend: 6500, purchaseCount: 3 },
      // One day: no repeat, recency 0, monetaryValue 0 (not 700: the first purchase is left out).
      { customerId: 'B', frequency: 0, recency: 0, T: 20, monetaryValue: 0, firstPurchase: '2025-04-10', lastPurchase: '2025-04-10', totalSpend: 700, purchaseCount: 1 },
      { customerId: 'D', frequency: 0, recency: 0, T: 10, monetaryValue: 0, firstPurchase: '2025-04-20', lastPurchase: '2025-04-20', totalSpend: 400, purchaseCount: 1 },
    ]);
  });

  it.each([
    // [customer, recency in weeks, T in weeks]: days / 7, fractional
    ['A', 2, 29 / 7],
    ['B', 0, 20 / 7],
    ['D', 0, 10 / 7],
  ])('counts %s in fractional weeks', (customerId, recency, T) => {
    const summary = summarizeTransactions(ROWS, { observationEnd: '2025-04-30', unit: 'week' }).find((s) => s.customerId === customerId);
    expect(summary?.recency).toBeCloseTo(recency, 12);
    expect(summary?.T).toBeCloseTo(T, 12);
  });

  // A 0-value row is a purchase occasion, as in lifetimes (the CDNOW sample has 8 such customers).
  it.each([
    // Z only bought for 0 on 04-05: kept, one occasion, T = 25 days.
    ['a customer whose only purchase was 0', [row('Z', '2025-04-05', 0)], { frequency: 0, recency: 0, T: 25, monetaryValue: 0, totalSpend: 0, purchaseCount: 1 }],
    // 04-01 (600), 04-05 (0): one repeat of value 0, so the repeat mean is 0.
    ['a 0-value repeat', [row('Z', '2025-04-01', 600), row('Z', '2025-04-05', 0)], { frequency: 1, recency: 4, T: 29, monetaryValue: 0, totalSpend: 600, purchaseCount: 2 }],
    // 04-01 (0), 04-05 (300), 04-09 (0): two repeats, mean (300 + 0) ÷ 2 = 150.
    ['0-value days around a paid one', [row('Z', '2025-04-01', 0), row('Z', '2025-04-05', 300), row('Z', '2025-04-09', 0)], { frequency: 2, recency: 8, T: 29, monetaryValue: 150, totalSpend: 300, purchaseCount: 3 }],
  ])('keeps %s', (_name, rows, expected) => {
    const [summary] = summarizeTransactions(rows, { observationEnd: '2025-04-30', unit: 'day' });
    expect(summary).toMatchObject({ customerId: 'Z', ...expected });
  });

  it('counts the rows it ignores', () => {
    const report = summarizeTransactionsReport([...ROWS, row('E', '2025-13-01', 1), row('E', '2025-04-01', Number.NaN)], {
      observationEnd: '2025-04-30',
      unit: 'day',
    });
    expect(report).toMatchObject({ rowsUsed: 6, rowsAfterObservationEnd: 1, rowsInvalid: 2, customersFirstSeenInHoldout: 0 });
  });

  it('includes a purchase on the observation end day itself', () => {
    expect(summarizeTransactions([row('A', '2025-04-01', 1), row('A', '2025-04-30', 2)], { observationEnd: '2025-04-30', unit: 'day' })[0])
      .toMatchObject({ frequency: 1, recency: 29, T: 29, monetaryValue: 2 });
  });

  it('sorts by customer ID: all-digit IDs numerically first, then the rest by code unit', () => {
    const ids = ['b', '10', 'A', '9', '002', 'a1', '9'];
    const summaries = summarizeTransactions(ids.map((id) => row(id, '2025-04-01', 1)), { observationEnd: '2025-04-30', unit: 'day' });
    expect(summaries.map((s) => s.customerId)).toEqual(['002', '9', '10', 'A', 'a1', 'b']);
  });

  it('returns nothing for no rows', () => {
    expect(summarizeTransactions([], { observationEnd: '2025-04-30', unit: 'week' })).toEqual([]);
  });

  it.each([
    [{ observationEnd: '2025/04/30', unit: 'day' as const }],
    [{ observationEnd: '2025-04-30', unit: 'day' as const, calibrationEnd: '2025-05-01' }],
  ])('throws on invalid options %j (a programming error, not a data error)', (options) => {
    expect(() => summarizeTransactions(ROWS, options)).toThrow(RangeError);
  });

  it('sorts a long, reversed history of one customer (no quadratic work)', () => {
    const start = isoToDayNumber('2020-01-01');
    const rows = Array.from({ length: 50_000 }, (_, i) => row('BIG', new Date((start + 50_000 - i) * 86_400_000).toISOString().slice(0, 10), 1));
    const [summary] = summarizeTransactions(rows, { observationEnd: '2200-01-01', unit: 'day' });
    expect(summary).toMatchObject({ frequency: 49_999, recency: 49_999, totalSpend: 50_000 });
  });
});

describe('summarizeCalibrationHoldout', () => {
  it('cuts the summary at calibrationEnd and adds the holdout figures', () => {
    const summaries = summarizeCalibrationHoldout(ROWS, { calibrationEnd: '2025-04-10', observationEnd: '2025-04-30', unit: 'day' });
    expect(summaries).toEqual([
      // Calibration: 04-01 (1,500), 04-08 (2,000) → 1 repeat, recency 7, T = 04-01 → 04-10 = 9.
      // Holdout (04-11 … 04-30, 20 days): 04-15 (3,000).
      {
        customerId: 'A', frequency: 1, recency: 7, T: 9, monetaryValue: 2000, firstPurchase: '2025-04-01', lastPurchase: '2025-04-08',
        totalSpend: 3500, purchaseCount: 2, holdoutFrequency: 1, holdoutSpend: 3000, holdoutMonetaryValue: 3000, holdoutDuration: 20,
      },
      // B bought on calibrationEnd itself: T = 0.
      {
        customerId: 'B', frequency: 0, recency: 0, T: 0, monetaryValue: 0, firstPurchase: '2025-04-10', lastPurchase: '2025-04-10',
        totalSpend: 700, purchaseCount: 1, holdoutFrequency: 0, holdoutSpend: 0, holdoutMonetaryValue: 0, holdoutDuration: 20,
      },
      // D first bought in the holdout: left out, as lifetimes' calibration_and_holdout_data does.
    ]);
  });

  it('is what summarizeTransactions returns when calibrationEnd is given', () => {
    const options = { calibrationEnd: '2025-04-10', observationEnd: '2025-04-30', unit: 'week' as const };
    expect(summarizeTransactions(ROWS, options)).toEqual(summarizeCalibrationHoldout(ROWS, options));
    expect(summarizeTransactionsReport(ROWS, options).customersFirstSeenInHoldout).toBe(1);
  });
});

describe('collectPurchaseDays', () => {
  it('groups rows into sorted, distinct purchase days per customer in order of first appearance', () => {
    const purchases = collectPurchaseDays(ROWS, isoToDayNumber('2025-04-30'));
    expect(purchases.customerIds).toEqual(['A', 'B', 'D']);
    expect(Array.from(purchases.offsets)).toEqual([0, 3, 4, 5]);
    expect(Array.from(purchases.days, (d) => d - isoToDayNumber('2025-04-01'))).toEqual([0, 7, 14, 9, 19]);
    expect(Array.from(purchases.totals)).toEqual([1500, 2000, 3000, 700, 400]);
  });
});

// Random histories: few customers and days so that same-day collisions are common.
const arbitraryRows = fc.array(
  fc.record({
    customerId: fc.constantFrom('1', '2', '10', 'A', 'b', 'Ｃ'),
    date: fc.integer({ min: 0, max: 60 }).map((offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10)),
    amount: fc.integer({ min: -500, max: 100_000 }),
  }),
  { maxLength: 200 },
);
const OPTIONS = { observationEnd: '2025-02-20', unit: 'week' } as const;

/** A slow, obviously correct reference: a Map of day → total per customer. */
function referenceSummary(rows: readonly TransactionRow[], observationEnd: string): Map<string, { days: number[]; totals: number[] }> {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.date > observationEnd) continue;
    const days = byCustomer.get(r.customerId) ?? new Map<number, number>();
    days.set(isoToDayNumber(r.date), (days.get(isoToDayNumber(r.date)) ?? 0) + r.amount);
    byCustomer.set(r.customerId, days);
  }
  const result = new Map<string, { days: number[]; totals: number[] }>();
  for (const [id, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    result.set(id, { days: sorted, totals: sorted.map((d) => days.get(d)!) });
  }
  return result;
}

describe('summarizeTransactions properties', () => {
  it('matches a naive reference implementation', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        const reference = referenceSummary(rows, OPTIONS.observationEnd);
        const summaries = summarizeTransactions(rows, OPTIONS);
        expect(summaries.map((s) => s.customerId).sort()).toEqual([...reference.keys()].sort());
        const end = isoToDayNumber(OPTIONS.observationEnd);
        for (const s of summaries) {
          const { days, totals } = reference.get(s.customerId)!;
          const repeats = totals.slice(1);
          expect(s.frequency).toBe(days.length - 1);
          expect(s.recency).toBeCloseTo((days.at(-1)! - days[0]!) / 7, 12);
          expect(s.T).toBeCloseTo((end - days[0]!) / 7, 12);
          expect(s.monetaryValue).toBeCloseTo(repeats.length ? repeats.reduce((a, b) => a + b, 0) / repeats.length : 0, 9);
        }
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        arbitraryRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          expect(summarizeTransactions(shuffled, OPTIONS)).toEqual(summarizeTransactions(rows, OPTIONS));
        },
      ),
    );
  });

  it('conserves money: Σ totalSpend = Σ amounts up to the observation end', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        const spend = summarizeTransactions(rows, OPTIONS).reduce((sum, s) => sum + s.totalSpend, 0);
        const amounts = rows.filter((r) => r.date <= OPTIONS.observationEnd).reduce((sum, r) => sum + r.amount, 0);
        expect(spend).toBe(amounts); // integer amounts: exact
      }),
    );
  });

  it('keeps 0 ≤ recency ≤ T and purchaseCount = frequency + 1', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        for (const s of summarizeTransactions(rows, OPTIONS)) {
          expect(s.recency).toBeGreaterThanOrEqual(0);
          expect(s.recency).toBeLessThanOrEqual(s.T);
          expect(s.purchaseCount).toBe(s.frequency + 1);
        }
      }),
    );
  });

  it('splits the full summary exactly into calibration and holdout', () => {
    fc.assert(
      fc.property(arbitraryRows, fc.integer({ min: 0, max: 50 }), (rows, cut) => {
        const calibrationEnd = new Date(Date.UTC(2025, 0, 1 + cut)).toISOString().slice(0, 10);
        const full = new Map(summarizeTransactions(rows, OPTIONS).map((s) => [s.customerId, s]));
        for (const s of summarizeCalibrationHoldout(rows, { ...OPTIONS, calibrationEnd })) {
          const whole = full.get(s.customerId)!;
          expect(s.purchaseCount + s.holdoutFrequency).toBe(whole.purchaseCount);
          expect(s.totalSpend + s.holdoutSpend).toBe(whole.totalSpend);
          expect(s.firstPurchase <= calibrationEnd && s.lastPurchase <= calibrationEnd).toBe(true);
        }
      }),
    );
  });
});
