import { describe, expect, it } from 'vitest';
import * as clv from '../../../src/lib/clv/index.ts';

// The public API other issues build on: these names and shapes are a contract.
describe('the CLV core public API', () => {
  it.each([
    'simpleClv',
    'groupClv',
    'retentionClv',
    'leverWhatIf',
    'ltvToCac',
    'summarizeTransactions',
    'paretoCurve',
    'topShare',
    'rfmScores',
    'periodMetrics',
    'decomposeChange',
    'cohortRetention',
    'fitBgNbd',
    'bgNbdExpectedPurchases',
    'bgNbdProbabilityAlive',
    'bgNbdExpectedPurchasesNew',
    'fitGammaGamma',
    'gammaGammaExpectedSpend',
    'predictiveClv',
    'parseTransactionsCsv',
    'guessColumns',
    'parseAmount',
    'parseDate',
  ])('exports %s as a function', (name) => {
    expect(typeof (clv as Record<string, unknown>)[name]).toBe('function');
  });

  it('reproduces the lesson examples through the index', () => {
    expect(clv.simpleClv({ averagePurchase: 5000, purchasesPerYear: 4, retentionYears: 5 })).toBe(100_000);
    expect(clv.groupClv({ totalSales: 2_000_000, totalVisits: 1000, estimatedCustomers: 200, retentionYears: 3 }).clv).toBe(30_000);
  });
});
