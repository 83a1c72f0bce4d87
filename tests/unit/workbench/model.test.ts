import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases } from '../../../src/lib/clv/bgnbd.ts';
import { predictiveClv } from '../../../src/lib/clv/predictive.ts';
import { summarizeTransactions } from '../../../src/lib/clv/summarize.ts';
import { historyColumns } from '../../../src/lib/workbench/customerColumns.ts';
import { rfmScores } from '../../../src/lib/clv/rfm.ts';
import {
  correlation,
  discountedClv,
  fitModels,
  monthlyDiscountRate,
  predictCustomers,
  SHORT_PERIOD_DAYS,
} from '../../../src/lib/workbench/model.ts';
import { generateSample, SAMPLE_OPTIONS } from '../../../src/lib/workbench/sampleData.ts';

/** The parameters of a fit that must have worked. */
function paramsOf<Params>(fit: { ok: true; params: Params } | { ok: false; reason: string; message: string } | null): Params {
  if (fit === null) throw new Error('expected a fit, got none');
  if (!fit.ok) throw new Error(`expected a fit, got ${fit.reason}: ${fit.message}`);
  return fit.params;
}

const lines = generateSample({ ...SAMPLE_OPTIONS, customers: 300 }).filter((line) => line.amount > 0);
const summaries = summarizeTransactions(lines, { observationEnd: SAMPLE_OPTIONS.end, unit: 'day' });

describe('monthlyDiscountRate', () => {
  it.each([
    [0, 0],
    [0.1, 0.007974140428903764], // 1.1^(1/12) − 1
    [0.12682503013196977, 0.01], // 1 % a month compounds to 12.68 % a year
  ])('%f a year is %f a month', (yearly, monthly) => {
    expect(monthlyDiscountRate(yearly)).toBeCloseTo(monthly, 12);
  });
});

describe('fitModels and predictCustomers', () => {
  const report = fitModels(summaries, 730);
  const columns = historyColumns(summaries, rfmScores(summaries));
  const monthly = predictCustomers(report, summaries, columns, 0.1)!;

  it('re-discounts exactly as predictiveClv would at the new rate', () => {
    const at25 = discountedClv(monthly, 0.25, new Float64Array(summaries.length));
    for (const i of [0, 42, 299]) {
      const expected = predictiveClv(paramsOf(report.bgNbd), paramsOf(report.gammaGamma), summaries[i]!, {
        months: 12,
        discountRatePerMonth: monthlyDiscountRate(0.25),
        unit: 'day',
      });
      expect(at25[i]).toBeCloseTo(expected.clv, 8);
    }
  });

  it('CLV falls as the discount rate rises (and equals the undiscounted sum at 0)', () => {
    const at0 = discountedClv(monthly, 0, new Float64Array(summaries.length));
    const at50 = discountedClv(monthly, 0.5, new Float64Array(summaries.length));
    for (let i = 0; i < summaries.length; i++) {
      expect(at0[i]).toBeGreaterThanOrEqual(columns.clv12[i]!);
      expect(columns.clv12[i]).toBeGreaterThanOrEqual(at50[i]!);
    }
    expect(columns.expectedPurchases90[5]).toBeCloseTo(bgNbdExpectedPurchases(paramsOf(report.bgNbd), summaries[5]!, 90), 12);
  });
});

describe('model notes', () => {
  it('blocks the model with too few repeat customers and cautions a short period', () => {
    const few = summaries.filter((s) => s.frequency === 0).concat(summaries.filter((s) => s.frequency > 0).slice(0, 5));
    const report = fitModels(few, SHORT_PERIOD_DAYS - 1);
    expect(report.notes).toEqual([
      { code: 'too-few-repeat', severity: 'blocking' },
      { code: 'short-period', severity: 'caution' },
    ]);
    expect(report.purchasesUsable).toBe(false);
    expect(report.bgNbd).toBeNull();
  });

  // Every customer buys every 10 days from day 0 to the end: no sign of drop-out at all.
  const steady = Array.from({ length: 60 }, (_, i) => ({
    customerId: String(i),
    frequency: 36 + (i % 3),
    recency: 360 + 10 * (i % 3),
    T: 380,
    monetaryValue: 1000 + i,
    firstPurchase: '2025-01-01',
    lastPurchase: '2025-12-31',
    totalSpend: 1,
    purchaseCount: 1,
  }));

  it('says when the BG/NBD does not fit, and predicts nothing from it', () => {
    const report = fitModels(steady, 380);
    expect(report.notes).toContainEqual({ code: 'not-converged', severity: 'blocking' });
    expect(report.purchasesUsable).toBe(false);
    expect(report.spendUsable).toBe(false);
    // The failed fit carries no parameters that a caller could predict from.
    expect(report.bgNbd).toMatchObject({ ok: false });
    expect(report.bgNbd).not.toHaveProperty('params');
    const columns = historyColumns(steady, rfmScores(steady));
    expect(predictCustomers(report, steady, columns, 0.1)).toBeNull();
    for (const column of [columns.expectedPurchases90, columns.probabilityAlive, columns.clv12]) {
      expect(Array.from(column).every(Number.isNaN)).toBe(true);
    }
  });

  it('leaves customers whose repeat purchases were all free out of the spend fit, with a caution', () => {
    // Ten repeat customers of the sample get 0-yen repeat purchases (mean repeat spend 0).
    const freeRepeats = new Set(summaries.filter((s) => s.frequency > 0).slice(0, 10).map((s) => s.customerId));
    const withFree = summaries.map((s) => (freeRepeats.has(s.customerId) ? { ...s, monetaryValue: 0 } : s));
    const report = fitModels(withFree, 730);
    expect(report.zeroValueRepeatCustomers).toBe(10);
    expect(report.notes).toContainEqual({ code: 'spend-zero-value', severity: 'caution' });
    expect(report.gammaGamma).toMatchObject({ ok: true, customersUsed: report.repeatCustomers - 10 });
    expect(report.spendUsable).toBe(true);
    // They still get a CLV: the Gamma-Gamma's spend for x repeats with mean 0 is p·v / (p·x + q − 1).
    const columns = historyColumns(withFree, rfmScores(withFree));
    predictCustomers(report, withFree, columns, 0.1);
    const free = withFree.findIndex((s) => freeRepeats.has(s.customerId));
    expect(columns.clv12[free]).toBeGreaterThan(0);
  });

  it('computes Pearson correlation', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 2], [1, 2])).toBeNull();
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
