import type { ParseLocale } from '../clv/parse/index.ts';
import { rfmScores } from '../clv/rfm.ts';
import { summarizeTransactions } from '../clv/summarize.ts';
import type { CustomerSummary, IsoDate, TransactionRow } from '../clv/types.ts';
import { atRiskCustomers, bestCustomers } from './atRisk.ts';
import { historyColumns, type CustomerColumns } from './customerColumns.ts';
import { fitModels, predictCustomers, type ModelReport } from './model.ts';
import { overviewOf, type Overview } from './overview.ts';
import type { ProblemCollector } from './problems.ts';

/**
 * From parsed rows to everything the first screen shows: per-customer history (the core's
 * summarizeTransactions), RFM, the fitted models and their predictions, the overview and the
 * two lists. A row of amount 0 is a purchase occasion (a free sample, a 100 % coupon), as in
 * lifetimes' summary_data_from_transaction_data: it counts in frequency, recency and T. Refunds
 * (negative amounts) are taken off the customer's total but are not purchase occasions: a
 * returned item is not a visit.
 */

/** The steps after reading, reported as progress. */
export type AnalysisStage = 'summarizing' | 'fitting' | 'predicting';

export interface Analysis {
  overview: Overview;
  customers: CustomerColumns;
  model: ModelReport;
  atRisk: Int32Array;
  best: Int32Array;
  /** The purchase rows (amounts >= 0) the models and monitoring use. */
  purchaseRows: TransactionRow[];
  /** Refund rows of customers without any purchase: no customer to take them off, so left out (reported as refund-only). */
  rowsLeftOut: number;
  /** Each customer's undiscounted expected value per month, for a new discount rate; null without CLV. */
  monthlyValues: Float64Array | null;
}

/** Analyses the rows; null when every row is a refund (nothing to analyse). */
export function analyzeRows(
  rows: readonly TransactionRow[],
  options: { locale: ParseLocale; discountRatePerYear: number; problems: ProblemCollector; onStage?: (stage: AnalysisStage) => void },
): Analysis | null {
  const { locale, problems, onStage } = options;
  onStage?.('summarizing');
  const purchaseRows: TransactionRow[] = [];
  const refunds = new Map<string, number>();
  const refundRows = new Map<string, number>();
  let firstDate: IsoDate | null = null;
  let lastDate: IsoDate | null = null;
  for (const row of rows) {
    if (row.amount >= 0) {
      purchaseRows.push(row);
      // ISO dates compare correctly as strings.
      if (firstDate === null || row.date < firstDate) firstDate = row.date;
      if (lastDate === null || row.date > lastDate) lastDate = row.date;
    } else if (row.amount < 0) {
      refunds.set(row.customerId, (refunds.get(row.customerId) ?? 0) + row.amount);
      refundRows.set(row.customerId, (refundRows.get(row.customerId) ?? 0) + 1);
    }
  }
  if (firstDate === null || lastDate === null) return null;
  const summaries = summarizeTransactions(purchaseRows, { observationEnd: lastDate, unit: 'day' });
  const known = new Set<string>();
  const adjusted: CustomerSummary[] = summaries.map((summary) => {
    known.add(summary.customerId);
    const refund = refunds.get(summary.customerId) ?? 0;
    if (refund === 0) return summary;
    const totalSpend = summary.totalSpend + refund;
    if (totalSpend < 0) {
      problems.add({
        row: 0,
        column: summary.customerId,
        code: 'negative-total',
        severity: 'warning',
        reason: negativeTotalReason(summary.customerId, totalSpend, locale),
      });
    }
    return { ...summary, totalSpend };
  });
  let rowsLeftOut = 0;
  for (const [customerId, refund] of refunds) {
    if (known.has(customerId)) continue;
    rowsLeftOut += refundRows.get(customerId)!;
    problems.add({ row: 0, column: customerId, code: 'refund-only', severity: 'warning', reason: refundOnlyReason(customerId, refund, locale) });
  }
  const customers = historyColumns(adjusted, rfmScores(adjusted));
  onStage?.('fitting');
  const overview = overviewOf(customers, rows.length - rowsLeftOut, firstDate, lastDate);
  const model = fitModels(summaries, overview.periodDays);
  onStage?.('predicting');
  const monthlyValues = predictCustomers(model, summaries, customers, options.discountRatePerYear);
  return {
    overview,
    customers,
    model,
    atRisk: atRiskCustomers(customers),
    best: bestCustomers(customers),
    purchaseRows,
    rowsLeftOut,
    monthlyValues,
  };
}

function yen(value: number, locale: ParseLocale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency: 'JPY' }).format(value);
}

function negativeTotalReason(customerId: string, total: number, locale: ParseLocale): string {
  return locale === 'ja'
    ? `顧客「${customerId}」の合計がマイナス（${yen(total, locale)}）です。返品が購入を上回っています。日付や金額の符号を確かめてください`
    : `Customer "${customerId}" has a negative total (${yen(total, locale)}): refunds exceed purchases. Check the dates and the signs of the amounts`;
}

function refundOnlyReason(customerId: string, refund: number, locale: ParseLocale): string {
  const amount = yen(refund, locale);
  return locale === 'ja'
    ? `顧客「${customerId}」には返品（${amount}）しかないため、お客様の数に入れていません`
    : `Customer "${customerId}" has only refunds (${amount}), so they are not counted as a customer`;
}
