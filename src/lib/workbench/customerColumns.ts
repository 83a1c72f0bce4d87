import { isoToDayNumber } from '../clv/dates.ts';
import type { RfmScore } from '../clv/rfm.ts';
import type { CustomerSummary } from '../clv/types.ts';

/**
 * The customer table as columns of typed arrays, one entry per customer in customer-ID order.
 * Columns, not objects: 100,000 customers cross from the worker to the page as a dozen
 * transferable buffers (no copying, no per-object cloning on the main thread), and sorting
 * a column is a sort of an index array.
 */
export interface CustomerColumns {
  ids: string[];
  /** First and last purchase day as day numbers (days since 1970-01-01). */
  firstPurchaseDay: Int32Array;
  lastPurchaseDay: Int32Array;
  /** Purchase days (several purchases on one day count once). */
  purchases: Int32Array;
  /** Everything spent, refunds deducted. */
  totalSpend: Float64Array;
  /** totalSpend ÷ purchases. */
  averageSpend: Float64Array;
  /** RFM quintile scores 1–5 (5 = best). */
  recencyScore: Uint8Array;
  frequencyScore: Uint8Array;
  monetaryScore: Uint8Array;
  /** BG/NBD: purchases expected in the next 90 days; NaN without a usable model. */
  expectedPurchases90: Float64Array;
  /** BG/NBD: probability that the customer is still active; NaN without a usable model. */
  probabilityAlive: Float64Array;
  /** BG/NBD + Gamma-Gamma, discounted: value of the next 12 months; NaN without a usable model. */
  clv12: Float64Array;
}

/** The columns' buffers, to transfer them to the page instead of copying. */
export function customerBuffers(columns: CustomerColumns): ArrayBuffer[] {
  const { ids: _ids, ...arrays } = columns;
  return Object.values(arrays).map((array) => array.buffer as ArrayBuffer);
}

/** The history and RFM columns from summaries (model columns start as NaN). */
export function historyColumns(summaries: readonly CustomerSummary[], rfm: readonly RfmScore[]): CustomerColumns {
  const n = summaries.length;
  const columns: CustomerColumns = {
    ids: new Array<string>(n),
    firstPurchaseDay: new Int32Array(n),
    lastPurchaseDay: new Int32Array(n),
    purchases: new Int32Array(n),
    totalSpend: new Float64Array(n),
    averageSpend: new Float64Array(n),
    recencyScore: new Uint8Array(n),
    frequencyScore: new Uint8Array(n),
    monetaryScore: new Uint8Array(n),
    expectedPurchases90: new Float64Array(n).fill(Number.NaN),
    probabilityAlive: new Float64Array(n).fill(Number.NaN),
    clv12: new Float64Array(n).fill(Number.NaN),
  };
  summaries.forEach((summary, i) => {
    columns.ids[i] = summary.customerId;
    columns.firstPurchaseDay[i] = isoToDayNumber(summary.firstPurchase);
    columns.lastPurchaseDay[i] = isoToDayNumber(summary.lastPurchase);
    columns.purchases[i] = summary.purchaseCount;
    columns.totalSpend[i] = summary.totalSpend;
    columns.averageSpend[i] = summary.purchaseCount > 0 ? summary.totalSpend / summary.purchaseCount : 0;
    columns.recencyScore[i] = rfm[i]!.recency;
    columns.frequencyScore[i] = rfm[i]!.frequency;
    columns.monetaryScore[i] = rfm[i]!.monetary;
  });
  return columns;
}

/** The number of customers. */
export function customerCount(columns: CustomerColumns): number {
  return columns.ids.length;
}
