import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd } from '../../../src/lib/clv/bgnbd.ts';
import { fitGammaGamma } from '../../../src/lib/clv/gammaGamma.ts';
import { topShare } from '../../../src/lib/clv/pareto.ts';
import { predictiveClv } from '../../../src/lib/clv/predictive.ts';
import { rfmScores } from '../../../src/lib/clv/rfm.ts';
import { summarizeTransactions } from '../../../src/lib/clv/summarize.ts';
import type { TransactionRow } from '../../../src/lib/clv/types.ts';
import { analyzeRows } from '../../../src/lib/workbench/pipeline.ts';
import { monthlyDiscountRate } from '../../../src/lib/workbench/model.ts';
import { createProblemCollector } from '../../../src/lib/workbench/problems.ts';
import { generateSample, SAMPLE_OPTIONS } from '../../../src/lib/workbench/sampleData.ts';

const small = { ...SAMPLE_OPTIONS, customers: 400 };
const rows: TransactionRow[] = generateSample(small).map(({ customerId, date, amount }) => ({ customerId, date, amount }));

describe('analyzeRows on a small generated data set (400 customers, two years)', () => {
  const problems = createProblemCollector();
  const analysis = analyzeRows(rows, { locale: 'ja', discountRatePerYear: 0.1, problems })!;
  const purchases = rows.filter((row) => row.amount >= 0);
  const summaries = summarizeTransactions(purchases, { observationEnd: analysis.overview.lastDate, unit: 'day' });

  it('summarises every customer as the core does, refunds taken off the totals', () => {
    const { customers } = analysis;
    expect(customers.ids).toEqual(summaries.map((s) => s.customerId));
    const refunds = new Map<string, number>();
    for (const row of rows) if (row.amount < 0) refunds.set(row.customerId, (refunds.get(row.customerId) ?? 0) + row.amount);
    summaries.forEach((summary, i) => {
      expect(customers.purchases[i]).toBe(summary.purchaseCount);
      expect(customers.totalSpend[i]).toBeCloseTo(summary.totalSpend + (refunds.get(summary.customerId) ?? 0), 6);
    });
    const rfm = rfmScores(summaries.map((s, i) => ({ ...s, totalSpend: customers.totalSpend[i]! })));
    expect(Array.from(customers.recencyScore)).toEqual(rfm.map((score) => score.recency));
    expect(Array.from(customers.monetaryScore)).toEqual(rfm.map((score) => score.monetary));
  });

  it('computes the overview figures', () => {
    const { overview } = analysis;
    const revenue = rows.reduce((sum, row) => sum + row.amount, 0);
    const purchaseDays = summaries.reduce((sum, s) => sum + s.purchaseCount, 0);
    expect(overview.customers).toBe(summaries.length);
    expect(overview.transactions).toBe(rows.length);
    expect(overview.revenue).toBeCloseTo(revenue, 6);
    expect(overview.averageTicket).toBeCloseTo(revenue / purchaseDays, 6);
    // The lesson's formula on history equals sales per customer over the period.
    expect(overview.historicalClv).toBeCloseTo(revenue / summaries.length, 6);
    expect(overview.topShare).toBeCloseTo(topShare(Array.from(analysis.customers.totalSpend, (v) => Math.max(0, v)), 0.2), 12);
    expect(overview.pareto).toHaveLength(101);
    expect(overview.pareto[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(overview.pareto.at(-1)).toEqual({ customerShare: 1, valueShare: 1 });
  });

  it('fits both models and predicts each customer with the core functions', () => {
    const { model, customers } = analysis;
    expect(model.purchasesUsable && model.spendUsable).toBe(true);
    const bgFit = fitBgNbd(summaries);
    const ggFit = fitGammaGamma(summaries.filter((s) => s.frequency > 0 && s.monetaryValue > 0));
    if (!bgFit.ok || !ggFit.ok || !model.bgNbd?.ok || !model.gammaGamma?.ok) throw new Error('expected both models to fit');
    const bg = bgFit.params;
    const gg = ggFit.params;
    expect(model.bgNbd.params.r).toBeCloseTo(bg.r, 10);
    expect(model.gammaGamma.params.q).toBeCloseTo(gg.q, 10);
    for (const i of [0, 7, 123, summaries.length - 1]) {
      const summary = summaries[i]!;
      expect(customers.expectedPurchases90[i]).toBeCloseTo(bgNbdExpectedPurchases(bg, summary, 90), 10);
      expect(customers.probabilityAlive[i]).toBeCloseTo(bgNbdProbabilityAlive(bg, summary), 10);
      const clv = predictiveClv(bg, gg, summary, { months: 12, discountRatePerMonth: monthlyDiscountRate(0.1), unit: 'day' }).clv;
      expect(customers.clv12[i]).toBeCloseTo(clv, 6);
    }
  });

  it('keeps the at-risk and best lists consistent with the columns', () => {
    const { customers, atRisk, best } = analysis;
    for (const i of atRisk) expect(customers.probabilityAlive[i]).toBeLessThan(0.5);
    expect(best).toHaveLength(20);
    expect(customers.clv12[best[0]!]).toBe(Math.max(...customers.clv12));
  });
});

describe('analyzeRows with absurd values', () => {
  it('reports a customer whose refunds exceed their purchases, and one with refunds only', () => {
    const problems = createProblemCollector();
    const data: TransactionRow[] = [
      { customerId: 'A', date: '2025-04-01', amount: 1000 },
      { customerId: 'A', date: '2025-04-05', amount: -3000 },
      { customerId: 'B', date: '2025-04-02', amount: 500 },
      { customerId: 'C', date: '2025-04-03', amount: -200 },
    ];
    const analysis = analyzeRows(data, { locale: 'ja', discountRatePerYear: 0.1, problems })!;
    expect(analysis.customers.ids).toEqual(['A', 'B']);
    expect(analysis.customers.totalSpend[0]).toBe(-2000);
    // A refund is not a purchase occasion.
    expect(analysis.customers.purchases[0]).toBe(1);
    const report = problems.report(4, 4);
    expect(report.byCode).toEqual({ 'negative-total': 1, 'refund-only': 1 });
    expect(report.list[0]!.reason).toContain('合計がマイナス');
    // Too few repeat customers: no model, no predictions.
    expect(analysis.model.purchasesUsable).toBe(false);
    expect(analysis.model.notes.map((note) => note.code)).toContain('too-few-repeat');
    expect(Number.isNaN(analysis.customers.clv12[0]!)).toBe(true);
  });

  it('returns null when every row is a refund', () => {
    const data = [{ customerId: 'A', date: '2025-04-01', amount: -5 }];
    expect(analyzeRows(data, { locale: 'en', discountRatePerYear: 0.1, problems: createProblemCollector() })).toBeNull();
  });
});

describe('analyzeRows with 0-yen purchases (a purchase occasion, as in lifetimes)', () => {
  const analyse = (data: TransactionRow[]) => {
    const problems = createProblemCollector();
    const analysis = analyzeRows(data, { locale: 'ja', discountRatePerYear: 0.1, problems })!;
    const index = (id: string) => analysis.customers.ids.indexOf(id);
    return { analysis, problems: problems.report(data.length, data.length), index };
  };

  // purchases = purchase days; total = sum of amounts; average = total ÷ purchase days.
  it.each([
    ['only a 0-yen purchase', [{ date: '2025-04-01', amount: 0 }], { purchases: 1, total: 0, average: 0 }],
    ['a 0-yen repeat', [{ date: '2025-04-01', amount: 900 }, { date: '2025-04-10', amount: 0 }], { purchases: 2, total: 900, average: 450 }],
    ['a 0-yen first purchase', [{ date: '2025-04-01', amount: 0 }, { date: '2025-04-10', amount: 600 }], { purchases: 2, total: 600, average: 300 }],
    ['0 yen on a paid day (one occasion)', [{ date: '2025-04-01', amount: 0 }, { date: '2025-04-01', amount: 500 }], { purchases: 1, total: 500, average: 500 }],
  ])('keeps a customer with %s', (_name, lines, expected) => {
    const data: TransactionRow[] = [
      { customerId: 'B', date: '2025-03-01', amount: 1000 },
      ...lines.map((line) => ({ customerId: 'Z', ...line })),
    ];
    const { analysis, problems, index } = analyse(data);
    const z = index('Z');
    expect(analysis.customers.ids).toEqual(['B', 'Z']);
    expect(analysis.overview.customers).toBe(2);
    expect(analysis.customers.purchases[z]).toBe(expected.purchases);
    expect(analysis.customers.totalSpend[z]).toBe(expected.total);
    expect(analysis.customers.averageSpend[z]).toBe(expected.average);
    expect(analysis.purchaseRows).toHaveLength(data.length);
    // Nothing was left out, so there is nothing to report.
    expect(problems.byCode).toEqual({});
  });

  it('counts a 0-yen row in the period it falls in (first and last dates)', () => {
    const { analysis } = analyse([
      { customerId: 'A', date: '2025-04-05', amount: 700 },
      { customerId: 'Z', date: '2025-04-01', amount: 0 },
      { customerId: 'Z', date: '2025-04-09', amount: 0 },
    ]);
    expect(analysis.overview.firstDate).toBe('2025-04-01');
    expect(analysis.overview.lastDate).toBe('2025-04-09');
  });
});
