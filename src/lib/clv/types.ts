/**
 * Shared shapes of the CLV core. Money is a plain number in the currency's unit (yen, dollars);
 * time units are explicit in every name or option.
 */

/** A calendar day as ISO 8601 `YYYY-MM-DD`. Calendar days, not instants: no time zone applies. */
export type IsoDate = string;

/** One purchase line: who bought, on which calendar day, for how much. */
export interface TransactionRow {
  customerId: string;
  date: IsoDate;
  amount: number;
}

/** The unit that recency, T and model horizons are counted in. A week is 7 days. */
export type TimeUnit = 'day' | 'week';

/** Per-customer history in the standard BG/NBD input form (see summarize.ts). */
export interface CustomerSummary {
  customerId: string;
  /** Number of repeat purchase days: distinct purchase days after the first. */
  frequency: number;
  /** Time from the first to the last purchase day, in the summary's unit. */
  recency: number;
  /** Time from the first purchase day to the observation end, in the summary's unit. */
  T: number;
  /** Mean total of the repeat purchase days (0 when there is no repeat). */
  monetaryValue: number;
  firstPurchase: IsoDate;
  lastPurchase: IsoDate;
  /** Sum of every amount, first day included. */
  totalSpend: number;
  /** Number of purchase days (same-day purchases count once). */
  purchaseCount: number;
}

/** The three inputs of a BG/NBD customer. */
export interface RepeatHistory {
  frequency: number;
  recency: number;
  T: number;
}
