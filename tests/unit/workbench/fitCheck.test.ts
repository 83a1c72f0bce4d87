import { describe, expect, it } from 'vitest';
import { calibrationRange, checkFit, defaultCalibrationEnd } from '../../../src/lib/workbench/fitCheck.ts';
import { generateSample, SAMPLE_OPTIONS } from '../../../src/lib/workbench/sampleData.ts';

const rows = generateSample({ ...SAMPLE_OPTIONS, customers: 1500 }).filter((line) => line.amount > 0);
const { start, end } = SAMPLE_OPTIONS;

describe('defaultCalibrationEnd and calibrationRange', () => {
  it.each([
    ['2024-04-01', '2026-03-31', '2025-09-30'], // a third of two years is capped at 182 days
    ['2025-01-01', '2025-04-01', '2025-03-02'], // a third of 90 days: 30
    ['2025-01-01', '2025-12-31', '2025-09-01'], // a third of 364 days: 121
  ])('%s to %s -> %s', (from, to, expected) => {
    expect(defaultCalibrationEnd(from, to)).toBe(expected);
  });

  it('leaves 60 days to calibrate and 14 days of holdout', () => {
    expect(calibrationRange('2025-01-01', '2025-12-31')).toEqual({ min: '2025-03-02', max: '2025-12-17' });
  });
});

describe('checkFit', () => {
  it('compares predicted with actual holdout purchases per bucket on data the BG/NBD generated', () => {
    const check = checkFit(rows, start, end, '2025-09-30');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.holdoutDays).toBe(182);
    expect(check.buckets.map((bucket) => bucket.repeatPurchases)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(check.buckets.at(-1)!.orMore).toBe(true);
    const customers = check.buckets.reduce((sum, bucket) => sum + bucket.customers, 0);
    expect(customers).toBe(check.customers);
    const actual = check.buckets.reduce((sum, bucket) => sum + bucket.actual * bucket.customers, 0);
    expect(actual).toBeCloseTo(check.actualTotal, 6);
    expect(check.relativeError).toBeCloseTo((check.predictedTotal - check.actualTotal) / check.actualTotal, 12);
    // Simulated from the model itself: the totals agree well.
    expect(Math.abs(check.relativeError!)).toBeLessThan(0.1);
    expect(check.verdict).toBe('good');
    // More repeat purchases before, more purchases after.
    expect(check.buckets[6]!.predicted).toBeGreaterThan(check.buckets[1]!.predicted);
  });

  it.each([
    ['2024-04-15', 'calibration-too-short'],
    ['2026-03-25', 'holdout-too-short'],
  ])('refuses a cut-off of %s (%s)', (calibrationEnd, reason) => {
    expect(checkFit(rows, start, end, calibrationEnd)).toEqual({ ok: false, calibrationEnd, reason });
  });
});
