/**
 * RFM scoring (Hughes, "Strategic Database Marketing", 1994): each customer gets a quintile score
 * 1..5 on Recency, Frequency and Monetary value, 5 = best.
 *
 * Measures taken from CustomerSummary:
 * - Recency: time since the last purchase, i.e. T - recency in BG/NBD terms (small = good). All
 *   summaries of one run share the observation end, so we rank the lastPurchase calendar day
 *   (later = better): the same order, exact, whatever the summary's time unit.
 * - Frequency: purchaseCount, the number of purchase days (more = better).
 * - Monetary: totalSpend, every amount including the first purchase (more = better).
 *
 * Quintiles from ranks, ties averaged: a customer's rank is the mean of the ranks its tie group
 * occupies (1 = worst .. n = best), and score = floor(5 x (rank - 1/2) / n) + 1, the mid-rank
 * percentile cut in fifths. Ties always share a score; 10 distinct customers score 1,1,2,2,..,5,5;
 * one customer, or all tied, score 3 (the middle: no information either way). Integer arithmetic
 * makes it exact, and the result does not depend on the input order.
 */
import type { CustomerSummary } from './types.ts';
import { isoToDayNumber } from './dates.ts';
import { finite, nonNegative } from './validate.ts';

/** RFM scores of one customer. */
export interface RfmScore {
  /** The customer, as in the summary. */
  customerId: string;
  /** Recency score 1..5, 5 = bought most recently. */
  recency: number;
  /** Frequency score 1..5, 5 = most purchase days. */
  frequency: number;
  /** Monetary score 1..5, 5 = highest total spend. */
  monetary: number;
  /** The three scores as 'R-F-M', e.g. '5-4-3'. */
  score: string;
  /** recency + frequency + monetary, 3..15. */
  total: number;
}

/** Quintile score 1..5 of each value (higher value = higher score), ties averaged. */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const scores = new Array<number>(n);
  let first = 0;
  while (first < n) {
    let last = first;
    while (last + 1 < n && values[order[last + 1]!] === values[order[first]!]) last++;
    // Ranks first+1 .. last+1 average to (first + last + 2) / 2, so 2 x (rank - 1/2) = first + last + 1.
    const score = Math.floor((5 * (first + last + 1)) / (2 * n)) + 1;
    for (let k = first; k <= last; k++) scores[order[k]!] = score;
    first = last + 1;
  }
  return scores;
}

function lastPurchaseDay(summary: CustomerSummary, i: number): number {
  try {
    return isoToDayNumber(summary.lastPurchase);
  } catch {
    throw new RangeError(`summaries[${i}].lastPurchase must be a calendar date YYYY-MM-DD (got ${JSON.stringify(summary.lastPurchase)})`);
  }
}

/** R, F and M quintile scores of each customer, in input order; customerIds must be distinct. */
export function rfmScores(summaries: readonly CustomerSummary[]): RfmScore[] {
  const seen = new Map<string, number>();
  summaries.forEach((summary, i) => {
    const earlier = seen.get(summary.customerId);
    if (earlier !== undefined) {
      throw new RangeError(`summaries[${i}].customerId must be unique (got ${JSON.stringify(summary.customerId)}, as summaries[${earlier}])`);
    }
    seen.set(summary.customerId, i);
  });
  const recency = quintileScores(summaries.map(lastPurchaseDay));
  const frequency = quintileScores(summaries.map((s, i) => nonNegative(`summaries[${i}].purchaseCount`, s.purchaseCount)));
  const monetary = quintileScores(summaries.map((s, i) => finite(`summaries[${i}].totalSpend`, s.totalSpend)));
  return summaries.map((summary, i) => {
    const r = recency[i]!;
    const f = frequency[i]!;
    const m = monetary[i]!;
    return { customerId: summary.customerId, recency: r, frequency: f, monetary: m, score: `${r}-${f}-${m}`, total: r + f + m };
  });
}
