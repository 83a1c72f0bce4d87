import { describe, expect, it } from 'vitest';
import {
  checkHiddenDecline,
  compareFigures,
  defaultComparison,
  periodName,
} from '../../../src/lib/calculators/monitoring.ts';
import { monitoringSampleTransactions, SAMPLE_MONTHS, SAMPLE_SHOWN_FROM } from '../../../src/lib/calculators/monitoringSample.ts';
import { decomposeChange, periodMetrics, type PeriodMetrics } from '../../../src/lib/clv/periods.ts';

const period = (revenue: number, returningCustomers: number) => ({ revenue, returningCustomers });

describe('checkHiddenDecline', () => {
  it('warns on the lesson example: sales 20 million both years, repeat customers 800 -> 600', () => {
    expect(checkHiddenDecline(period(20_000_000, 800), period(20_000_000, 600))).toEqual({
      signal: 'hidden-decline',
      salesChange: 0,
      repeatChange: -0.25,
    });
  });

  it.each([
    // Sales within ±5% count as flat, the edges included.
    [period(100, 100), period(105, 90), 'hidden-decline'],
    [period(100, 100), period(95, 90), 'hidden-decline'],
    [period(100, 100), period(105.01, 90), 'sales-moved'],
    [period(100, 100), period(94.99, 90), 'sales-moved'],
    // Repeat customers must fall by more than 5%.
    [period(100, 100), period(100, 95), 'steady'],
    [period(100, 100), period(100, 94), 'hidden-decline'],
    [period(100, 100), period(100, 130), 'steady'],
    // Nothing to compare with.
    [period(0, 0), period(100, 10), 'no-baseline'],
    // No repeat customers before: they cannot fall.
    [period(100, 0), period(100, 0), 'steady'],
  ] as const)('%j -> %j is %s', (a, b, signal) => {
    expect(checkHiddenDecline(a, b).signal).toBe(signal);
  });

  it('takes other thresholds', () => {
    expect(checkHiddenDecline(period(100, 100), period(108, 80), 0.1, 0.1).signal).toBe('hidden-decline');
    expect(checkHiddenDecline(period(100, 100), period(100, 92), 0.05, 0.1).signal).toBe('steady');
  });
});

describe('defaultComparison', () => {
  it('compares the latest period with the same period a year earlier', () => {
    expect(defaultComparison(18, 'month')).toEqual({ from: 5, to: 17 });
    expect(defaultComparison(6, 'quarter')).toEqual({ from: 1, to: 5 });
  });

  it('falls back to the previous period, then to the only one', () => {
    expect(defaultComparison(12, 'month')).toEqual({ from: 10, to: 11 });
    expect(defaultComparison(3, 'quarter')).toEqual({ from: 1, to: 2 });
    expect(defaultComparison(1, 'month')).toEqual({ from: 0, to: 0 });
    expect(defaultComparison(0, 'month')).toEqual({ from: 0, to: 0 });
  });
});

describe('periodName', () => {
  it.each([
    ['2025-06', 'ja', '2025年6月'],
    ['2025-06', 'en', 'Jun 2025'],
    ['2025-Q2', 'ja', '2025年 第2四半期'],
    ['2025-Q2', 'en', 'Q2 2025'],
    ['other', 'en', 'other'],
  ] as const)('%s in %s is %s', (label, locale, expected) => {
    expect(periodName(label, locale)).toBe(expected);
  });
});

describe('compareFigures', () => {
  it('gives relative changes, and points for the repeat rate', () => {
    const a = { revenue: 200, activeCustomers: 10, newCustomers: 2, returningCustomers: 8, purchasesPerCustomer: 2, averageTicket: 10, repeatRate: 0.8 } as PeriodMetrics;
    const b = { revenue: 200, activeCustomers: 12.5, newCustomers: 0, returningCustomers: 6, purchasesPerCustomer: 1.6, averageTicket: 10, repeatRate: 0.48 } as PeriodMetrics;
    const byFigure = Object.fromEntries(compareFigures(a, b).map((row) => [row.figure, row]));
    expect(byFigure.activeCustomers!.change).toBe(0.25);
    expect(byFigure.purchasesPerCustomer!.change).toBeCloseTo(-0.2, 12);
    expect(byFigure.revenue!.change).toBe(0);
    expect(byFigure.returningCustomers!.change).toBe(-0.25);
    expect(byFigure.repeatRate).toMatchObject({ unit: 'points' });
    expect(byFigure.repeatRate!.change).toBeCloseTo(-0.32, 12);
    expect(compareFigures({ ...a, newCustomers: 0 }, b).find((row) => row.figure === 'newCustomers')!.change).toBeNull();
  });
});

describe('monitoringSampleTransactions', () => {
  const rows = monitoringSampleTransactions();

  const shown = (kind: 'month' | 'quarter') => periodMetrics(rows, kind).filter((p) => p.start >= SAMPLE_SHOWN_FROM);

  it('shows 18 months, with six months of earlier records, the same every time', () => {
    expect(rows[0]!.date.slice(0, 7)).toBe('2023-07');
    expect(rows.at(-1)!.date.slice(0, 7)).toBe('2025-06');
    expect(periodMetrics(rows, 'month')).toHaveLength(SAMPLE_MONTHS);
    expect(shown('month')).toHaveLength(18);
    expect(shown('quarter')).toHaveLength(6);
    expect(monitoringSampleTransactions()).toEqual(rows);
  });

  it.each(['month', 'quarter'] as const)('tells the lesson story by %s: flat sales, fewer repeat customers, more new ones', (kind) => {
    const periods = shown(kind);
    const { from, to } = defaultComparison(periods.length, kind);
    const a = periods[from]!;
    const b = periods[to]!;
    expect(checkHiddenDecline(a, b).signal).toBe('hidden-decline');
    expect(Math.abs(b.revenue / a.revenue - 1)).toBeLessThan(0.03);
    expect(b.returningCustomers / a.returningCustomers).toBeLessThan(0.8);
    expect(b.newCustomers / a.newCustomers).toBeGreaterThan(2);
    // More customers, fewer purchases each, the ticket about the same.
    const change = decomposeChange(a, b);
    expect(change.customerEffect).toBeGreaterThan(0);
    expect(change.frequencyEffect).toBeLessThan(0);
    expect(Math.abs(change.priceEffect)).toBeLessThan(Math.abs(change.frequencyEffect) / 2);
    expect(Math.abs(b.averageTicket / 10_000 - 1)).toBeLessThan(0.05);
  });
});
