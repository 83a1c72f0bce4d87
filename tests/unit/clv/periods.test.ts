import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortRetention, decomposeChange, periodMetrics, type RevenueDrivers } from '../../../src/lib/clv/periods.ts';
import type { TransactionRow } from '../../../src/lib/clv/types.ts';

const row = (customerId: string, date: string, amount: number): TransactionRow => ({ customerId, date, amount });

// A: Jan 5 (two rows: one purchase of 1,500), Mar 10 (2,000).
// B: Mar 11 (3,000), Apr 11 (3,000).  C: Mar 1 (100), Mar 20 (300).  Nobody in February.
const ROWS = [
  row('A', '2025-01-05', 1000),
  row('B', '2025-03-11', 3000),
  row('A', '2025-01-05', 500),
  row('C', '2025-03-01', 100),
  row('A', '2025-03-10', 2000),
  row('C', '2025-03-20', 300),
  row('B', '2025-04-11', 3000),
];

// Up to a year of purchases by a few customers; integer amounts (refunds included) keep sums exact.
const arbitraryRows = fc.array(
  fc.record({
    customerId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    date: fc.integer({ min: 0, max: 400 }).map((offset) => new Date(Date.UTC(2024, 10, 1 + offset)).toISOString().slice(0, 10)),
    amount: fc.integer({ min: -1000, max: 50_000 }),
  }),
  { maxLength: 150 },
);

describe('periodMetrics', () => {
  it('gives every month from the first purchase to the last, empty ones included', () => {
    const months = periodMetrics(ROWS, 'month');
    expect(months.map((m) => [m.period, m.start, m.end])).toEqual([
      ['2025-01', '2025-01-01', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2025-03', '2025-03-01', '2025-03-31'],
      ['2025-04', '2025-04-01', '2025-04-30'],
    ]);
    expect(months.map(({ period: _p, start: _s, end: _e, ...figures }) => figures)).toEqual([
      // January: A's one purchase (two rows, one day) of 1,500.
      { revenue: 1500, purchases: 1, activeCustomers: 1, newCustomers: 1, returningCustomers: 0, averageTicket: 1500, purchasesPerCustomer: 1, revenuePerCustomer: 1500, repeatRate: 0 },
      { revenue: 0, purchases: 0, activeCustomers: 0, newCustomers: 0, returningCustomers: 0, averageTicket: 0, purchasesPerCustomer: 0, revenuePerCustomer: 0, repeatRate: 0 },
      // March: A 2,000 + B 3,000 + C 100 + 300 = 5,400 in 4 purchases by 3 customers;
      // B and C are new, A returns: repeat rate 1/3; ticket 5,400 / 4 = 1,350.
      { revenue: 5400, purchases: 4, activeCustomers: 3, newCustomers: 2, returningCustomers: 1, averageTicket: 1350, purchasesPerCustomer: 4 / 3, revenuePerCustomer: 1800, repeatRate: 1 / 3 },
      // April: B returns.
      { revenue: 3000, purchases: 1, activeCustomers: 1, newCustomers: 0, returningCustomers: 1, averageTicket: 3000, purchasesPerCustomer: 1, revenuePerCustomer: 3000, repeatRate: 1 },
    ]);
  });

  it('groups calendar quarters', () => {
    const quarters = periodMetrics(ROWS, 'quarter');
    expect(quarters.map((q) => [q.period, q.start, q.end, q.revenue, q.purchases, q.activeCustomers, q.newCustomers])).toEqual([
      // Q1: 1,500 + 5,400 = 6,900 in 5 purchases by A, B, C (all new this quarter).
      ['2025-Q1', '2025-01-01', '2025-03-31', 6900, 5, 3, 3],
      ['2025-Q2', '2025-04-01', '2025-06-30', 3000, 1, 1, 0],
    ]);
    expect(quarters[0]).toMatchObject({ averageTicket: 1380, purchasesPerCustomer: 5 / 3, repeatRate: 0 });
  });

  it.each([
    ['2024-11-30', '2025-02-01', 'month', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['2024-12-31', '2025-01-01', 'quarter', ['2024-Q4', '2025-Q1']],
    ['2025-04-01', '2025-04-01', 'quarter', ['2025-Q2']],
    ['2023-03-15', '2024-02-10', 'quarter', ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1']],
  ] as const)('labels %s … %s by %s', (first, last, kind, labels) => {
    expect(periodMetrics([row('A', first, 1), row('B', last, 1)], kind).map((p) => p.period)).toEqual(labels);
  });

  it('returns nothing for no rows', () => {
    expect(periodMetrics([], 'month')).toEqual([]);
  });

  it('keeps revenue = customers × purchases per customer × average ticket, and conserves the total', () => {
    fc.assert(
      fc.property(arbitraryRows, fc.constantFrom('month' as const, 'quarter' as const), (rows, kind) => {
        const periods = periodMetrics(rows, kind);
        for (const p of periods) {
          expect(p.activeCustomers * p.purchasesPerCustomer * p.averageTicket).toBeCloseTo(p.revenue, 6);
          expect(p.newCustomers + p.returningCustomers).toBe(p.activeCustomers);
        }
        expect(periods.reduce((sum, p) => sum + p.revenue, 0)).toBe(rows.reduce((sum, r) => sum + r.amount, 0));
        expect(periods.reduce((sum, p) => sum + p.newCustomers, 0)).toBe(new Set(rows.map((r) => r.customerId)).size);
      }),
    );
  });
});

const drivers = (activeCustomers: number, purchasesPerCustomer: number, averageTicket: number): RevenueDrivers => ({
  revenue: activeCustomers * purchasesPerCustomer * averageTicket,
  activeCustomers,
  purchasesPerCustomer,
  averageTicket,
});

describe('decomposeChange', () => {
  it.each([
    // [a, b, customer, frequency, price effects], by hand with L(x, y) = (x − y) / (ln x − ln y):
    // Only the ticket doubles: L(2000, 1000) · ln 2 = 1000 / ln 2 · ln 2 = 1,000, all price.
    [drivers(10, 1, 100), drivers(10, 1, 200), 0, 0, 1000],
    // Twice the customers at half the ticket: no change; L(1000, 1000) = 1000, effects ±1000 · ln 2.
    [drivers(10, 1, 100), drivers(20, 1, 50), 1000 * Math.LN2, 0, -1000 * Math.LN2],
    // Purchases per customer 1 → 1.5 only: revenue 1,000 → 1,500, all frequency.
    [drivers(10, 1, 100), drivers(10, 1.5, 100), 0, 500, 0],
  ])('%j → %j', (a, b, customerEffect, frequencyEffect, priceEffect) => {
    const result = decomposeChange(a, b);
    expect(result.method).toBe('lmdi');
    expect(result.customerEffect).toBeCloseTo(customerEffect, 9);
    expect(result.frequencyEffect).toBeCloseTo(frequencyEffect, 9);
    expect(result.priceEffect).toBeCloseTo(priceEffect, 9);
  });

  it('splits January → March of the example', () => {
    const [january, , march] = periodMetrics(ROWS, 'month');
    const result = decomposeChange(january!, march!);
    // R 1,500 → 5,400; C 1 → 3; F 1 → 4/3; P 1,500 → 1,350. L = 3,900 / ln 3.6 = 3,044.6537.
    // customers L · ln 3 = 3,344.894; frequency L · ln(4/3) = 875.892; price L · ln 0.9 = −320.786
    // (3,344.894 + 875.892 − 320.786 = 3,900).
    expect(result.totalChange).toBe(3900);
    expect(result.customerEffect).toBeCloseTo(3344.894, 3);
    expect(result.frequencyEffect).toBeCloseTo(875.892, 3);
    expect(result.priceEffect).toBeCloseTo(-320.786, 3);
    // Per customer: 1,500 → 1,800; L(1800, 1500) = 300 / ln 1.2 = 1,645.4445;
    // frequency L · ln(4/3) = 473.365; price L · ln 0.9 = −173.365 (sum 300).
    expect(result.perCustomer?.change).toBeCloseTo(300, 9);
    expect(result.perCustomer?.frequencyEffect).toBeCloseTo(473.365, 3);
    expect(result.perCustomer?.priceEffect).toBeCloseTo(-173.365, 3);
  });

  it('gives the whole change to customers when a period has none', () => {
    const [january, february, march] = periodMetrics(ROWS, 'month');
    expect(decomposeChange(february!, march!)).toEqual({
      totalChange: 5400, customerEffect: 5400, frequencyEffect: 0, priceEffect: 0, perCustomer: null, method: 'no-customers',
    });
    expect(decomposeChange(january!, february!)).toMatchObject({ totalChange: -1500, customerEffect: -1500, method: 'no-customers' });
  });

  it('falls back to a sequential split when refunds make revenue negative', () => {
    // a: 1 customer, 1 purchase of −100; b: 2 customers, 1 purchase each of 100.
    // customers (2 − 1) · 1 · (−100) = −100; frequency 2 · 0 · (−100) = 0; price 2 · 1 · (100 − (−100)) = 400.
    const result = decomposeChange(drivers(1, 1, -100), drivers(2, 1, 100));
    expect(result).toEqual({
      totalChange: 300, customerEffect: -100, frequencyEffect: 0, priceEffect: 400,
      perCustomer: { change: 200, frequencyEffect: 0, priceEffect: 200 }, method: 'sequential',
    });
  });

  const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  const someDrivers = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1, max: 50, noNaN: true }), positive).map(([c, f, p]) => drivers(c, f, p));

  it('adds up exactly to the total change (LMDI has no residual)', () => {
    fc.assert(
      fc.property(someDrivers, someDrivers, (a, b) => {
        const result = decomposeChange(a, b);
        const scale = Math.max(a.revenue, b.revenue);
        expect(Math.abs(result.customerEffect + result.frequencyEffect + result.priceEffect - result.totalChange)).toBeLessThanOrEqual(1e-9 * scale);
        const perCustomer = result.perCustomer!;
        expect(Math.abs(perCustomer.frequencyEffect + perCustomer.priceEffect - perCustomer.change)).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });

  it('adds up for any two periods of real metrics, refunds and empty periods included', () => {
    fc.assert(
      fc.property(arbitraryRows, fc.nat(), fc.nat(), (rows, i, j) => {
        const periods = periodMetrics(rows, 'month');
        fc.pre(periods.length > 0);
        const result = decomposeChange(periods[i % periods.length]!, periods[j % periods.length]!);
        const scale = Math.max(1, ...periods.map((p) => Math.abs(p.revenue)));
        expect(Math.abs(result.customerEffect + result.frequencyEffect + result.priceEffect - result.totalChange)).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });
});

describe('cohortRetention', () => {
  it('builds the retention triangle by first-purchase month', () => {
    expect(cohortRetention(ROWS)).toEqual([
      // A (January): back in March (month 2).
      { cohort: '2025-01', size: 1, active: [1, 0, 1, 0], retention: [1, 0, 1, 0] },
      // February has no new customer: no row. B and C (March): B back in April.
      { cohort: '2025-03', size: 2, active: [2, 1], retention: [1, 0.5] },
    ]);
  });

  it('returns nothing for no rows', () => {
    expect(cohortRetention([])).toEqual([]);
  });

  it('counts every customer in exactly one cohort, and retention starts at 1', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        const cohorts = cohortRetention(rows);
        expect(cohorts.reduce((sum, c) => sum + c.size, 0)).toBe(new Set(rows.map((r) => r.customerId)).size);
        for (const c of cohorts) {
          expect(c.retention[0]).toBe(1);
          for (const active of c.active) expect(active).toBeLessThanOrEqual(c.size);
        }
        // The triangle: each later cohort's row is shorter.
        const lengths = cohorts.map((c) => c.active.length);
        expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
      }),
    );
  });
});
