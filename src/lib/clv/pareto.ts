/**
 * Concentration of value among customers (the Pareto principle of Module 2 lesson 3: about 80% of
 * sales from the top 20% of customers). The curve is the Lorenz curve read from the top: customers
 * sorted by value, largest first; x = share of customers, y = share of the total value they bring.
 *
 * Edge cases: no customers -> the curve is the single point (0, 0) and topShare is 0; customers
 * whose values are all 0 -> a flat curve at y = 0 and topShare 0 (there is no value to share).
 */
import { nonNegative, unitInterval } from './validate.ts';

/** One point of the Pareto curve. */
export interface ParetoPoint {
  /** Share of customers counted, largest values first, 0..1. */
  customerShare: number;
  /** Share of the total value those customers bring, 0..1. */
  valueShare: number;
}

/**
 * Values sorted largest first and divided by the largest, so the running sum cannot overflow;
 * shares are unchanged by the scaling. Returns the scaled values and their total.
 */
function scaledDescending(values: readonly number[]): { sorted: Float64Array; total: number } {
  const sorted = new Float64Array(values.length);
  values.forEach((value, i) => {
    sorted[i] = nonNegative(`values[${i}]`, value);
  });
  sorted.sort().reverse();
  const largest = sorted[0] ?? 0;
  let total = 0;
  if (largest > 0) {
    for (let i = 0; i < sorted.length; i++) {
      sorted[i] = sorted[i]! / largest;
      total += sorted[i]!;
    }
  }
  return { sorted, total };
}

/** The n + 1 points (k / n, share of the top k customers), k = 0..n: monotone, concave, (0,0) to (1,1). */
export function paretoCurve(values: readonly number[]): ParetoPoint[] {
  const { sorted, total } = scaledDescending(values);
  const n = sorted.length;
  const points: ParetoPoint[] = [{ customerShare: 0, valueShare: 0 }];
  let cumulative = 0;
  for (let k = 1; k <= n; k++) {
    cumulative += sorted[k - 1]!;
    // The last cumulative is the total itself (same additions), so the curve ends at exactly 1.
    points.push({ customerShare: k / n, valueShare: total > 0 ? cumulative / total : 0 });
  }
  return points;
}

/**
 * Share of the total value from the top `customerFraction` of customers (default 0.2). When
 * fraction x n is not whole, the boundary customer counts in part: linear interpolation on the
 * curve (20% of 12 customers = the top 2 + 0.4 of the third).
 */
export function topShare(values: readonly number[], customerFraction: number = 0.2): number {
  const fraction = unitInterval('customerFraction', customerFraction);
  const { sorted, total } = scaledDescending(values);
  if (total === 0) return 0;
  const count = fraction * sorted.length;
  const whole = Math.floor(count);
  let cumulative = 0;
  for (let k = 0; k < whole; k++) cumulative += sorted[k]!;
  if (whole < sorted.length) cumulative += (count - whole) * sorted[whole]!;
  return Math.min(1, cumulative / total);
}
