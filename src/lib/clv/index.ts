/**
 * The CLV core: the one place LTV Dojo computes customer lifetime value. Calculators, quiz
 * questions, server grading and the customer workbench all call this API. Pure TypeScript: no
 * DOM, no framework; runs in the browser, in a Web Worker, on the server and in plain Node.
 * See README.md beside this file for every function's formula and source.
 */
export type { CustomerSummary, IsoDate, RepeatHistory, TimeUnit, TransactionRow } from './types.ts';

// Closed-form models (lessons of module 2)
export { simpleClv, simpleClvByYear, groupClv, MAX_CHART_YEARS } from './simple.ts';
export type { ClvYear, GroupClv, GroupClvInput, SimpleClvInput } from './simple.ts';
export { retentionClv } from './retention.ts';
export type { RetentionClv, RetentionClvInput } from './retention.ts';
export { leverWhatIf, logarithmicMean } from './levers.ts';
export type { LeverBase, LeverChanges, LeverContributions, LeverWhatIf } from './levers.ts';
export { acquisitionCostTrend, cacBand, HEALTHY_LTV_TO_CAC, ltvToCac, maxAffordableCac } from './cac.ts';
export type { AcquisitionCost, AcquisitionPeriod, CacBand, LtvToCac, LtvToCacInput } from './cac.ts';

// Customer lists and transactions
export { paretoCurve, topShare } from './pareto.ts';
export type { ParetoPoint } from './pareto.ts';
export { rfmScores, quintileScores } from './rfm.ts';
export type { RfmScore } from './rfm.ts';
export {
  collectPurchaseDays,
  summarizeCalibrationHoldout,
  summarizeTransactions,
  summarizeTransactionsReport,
} from './summarize.ts';
export type { CalibrationHoldoutSummary, PurchaseDays, SummaryOptions, SummaryReport } from './summarize.ts';
export { cohortRetention, decomposeChange, periodMetrics } from './periods.ts';
export type { ChangeDecomposition, CohortRow, PeriodKind, PeriodMetrics, RevenueDrivers } from './periods.ts';

// Predictive models
export {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNew,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
  simulateBgNbdCustomers,
} from './bgnbd.ts';
export type { BgNbdFit, BgNbdFitFailure, BgNbdFitOptions, BgNbdFitted, BgNbdNotFitted, BgNbdParams } from './bgnbd.ts';
export { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, simulateGammaGammaCustomers } from './gammaGamma.ts';
export type {
  GammaGammaFit,
  GammaGammaFitFailure,
  GammaGammaFitOptions,
  GammaGammaFitted,
  GammaGammaNotFitted,
  GammaGammaParams,
  SpendHistory,
} from './gammaGamma.ts';
export { DAYS_PER_MONTH, predictiveClv } from './predictive.ts';
export type { PredictiveClv, PredictiveClvOptions } from './predictive.ts';

// Input parsing and helpers
export * from './parse/index.ts';
export { dayNumberToIso, isoToDayNumber } from './dates.ts';
export { createRng } from './random.ts';
export type { Rng } from './random.ts';
