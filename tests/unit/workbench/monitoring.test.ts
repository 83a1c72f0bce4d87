import { describe, expect, it } from 'vitest';
import { cohortRetention, periodMetrics } from '../../../src/lib/clv/periods.ts';
import { defaultPeriods, monitoringOf, shortPeriodLabel } from '../../../src/lib/workbench/monitoring.ts';
import { thinCurve } from '../../../src/lib/workbench/overview.ts';

const rows = [
  { customerId: 'A', date: '2025-01-10', amount: 100 },
  { customerId: 'A', date: '2025-02-10', amount: 100 },
  { customerId: 'B', date: '2025-02-11', amount: 300 },
  { customerId: 'A', date: '2026-02-15', amount: 200 },
];

describe('monitoringOf', () => {
  it('uses the core periods and cohorts, and marks periods the data covers only in part', () => {
    const monitoring = monitoringOf(rows, '2025-01-10', '2026-02-15');
    expect(monitoring.month.periods).toEqual(periodMetrics(rows, 'month'));
    expect(monitoring.quarter.periods).toEqual(periodMetrics(rows, 'quarter'));
    expect(monitoring.cohorts).toEqual(cohortRetention(rows));
    expect(monitoring.month).toMatchObject({ firstPartial: true, lastPartial: true });
    expect(monitoringOf(rows, '2025-01-01', '2026-02-28').month).toMatchObject({ firstPartial: false, lastPartial: false });
  });

  it('compares the last complete month with the same month a year earlier', () => {
    const monitoring = monitoringOf(rows, '2025-01-10', '2026-02-15');
    const { from, to } = defaultPeriods(monitoring.month, 'month');
    // 14 months, the last (2026-02) partial: 2026-01 against 2025-01.
    expect(monitoring.month.periods[to]!.period).toBe('2026-01');
    expect(monitoring.month.periods[from]!.period).toBe('2025-01');
  });
});

describe('shortPeriodLabel', () => {
  it.each([
    ['2025-06', '25/6'],
    ['2025-Q2', '25Q2'],
    ['odd', 'odd'],
  ])('%s -> %s', (period, label) => {
    expect(shortPeriodLabel(period)).toBe(label);
  });
});

describe('thinCurve', () => {
  it('keeps the ends and spaces the points evenly', () => {
    const curve = Array.from({ length: 1001 }, (_, k) => ({ customerShare: k / 1000, valueShare: Math.sqrt(k / 1000) }));
    const thin = thinCurve(curve, 101);
    expect(thin).toHaveLength(101);
    expect(thin[0]).toEqual(curve[0]);
    expect(thin[100]).toEqual(curve[1000]);
    expect(thin[20]!.customerShare).toBeCloseTo(0.2, 12);
    expect(thinCurve(curve.slice(0, 11), 101)).toHaveLength(11);
  });
});
