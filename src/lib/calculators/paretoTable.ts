import { paretoCurve, topShare } from '../clv/pareto.ts';
import { simpleClv } from '../clv/simple.ts';
import type { CustomerRow } from './customerTable.ts';

/**
 * The spreadsheet step of the lessons: each customer's CLV (the core's simpleClv), the list
 * ranked by CLV or by yearly sales, each customer's share of the total and the running share
 * (the Pareto curve read row by row).
 */

/** What the list is ranked and shared by. */
export type ParetoBasis = 'clv' | 'sales';

export interface RankedCustomer extends CustomerRow {
  rank: number;
  /** Average purchase x purchases per year (simpleClv over one year). */
  yearlySales: number;
  clv: number;
  /** Share of the basis total, 0..1. */
  share: number;
  /** Share of the basis total of this customer and everyone above, 0..1. */
  cumulativeShare: number;
}

export interface ParetoTable {
  rows: RankedCustomer[];
  /** Sum of the basis over every customer. */
  total: number;
  /** The basis value of each customer, ranked (for paretoCurve / topShare). */
  values: number[];
}

/** Ranks customers by the basis, largest first; ties keep the pasted order. */
export function rankCustomers(customers: readonly CustomerRow[], basis: ParetoBasis): ParetoTable {
  const rows = customers.map((customer, index) => {
    const inputs = { averagePurchase: customer.averagePurchase, purchasesPerYear: customer.purchasesPerYear };
    return {
      ...customer,
      index,
      yearlySales: simpleClv({ ...inputs, retentionYears: 1 }),
      clv: simpleClv({ ...inputs, retentionYears: customer.years }),
    };
  });
  const valueOf = (row: { yearlySales: number; clv: number }) => (basis === 'clv' ? row.clv : row.yearlySales);
  rows.sort((a, b) => valueOf(b) - valueOf(a) || a.index - b.index);
  const values = rows.map(valueOf);
  const total = values.reduce((sum, value) => sum + value, 0);
  const curve = paretoCurve(values);
  return {
    rows: rows.map(({ index: _index, ...row }, i) => ({
      ...row,
      rank: i + 1,
      share: total > 0 ? values[i]! / total : 0,
      cumulativeShare: curve[i + 1]!.valueShare,
    })),
    total,
    values,
  };
}

/** Share of the total brought by the top 10%, 20%, ... 100% of customers, for the chart's table. */
export function shareByDecile(values: readonly number[]): Array<{ fraction: number; share: number }> {
  return Array.from({ length: 10 }, (_, i) => {
    const fraction = (i + 1) / 10;
    return { fraction, share: topShare(values, fraction) };
  });
}

/** The headline: share of the total from the top `fraction` of customers, how many that is, and their amount. */
export function topSummary(table: ParetoTable, fraction: number): { share: number; count: number; amount: number } {
  const share = topShare(table.values, fraction);
  return { share, count: fraction * table.values.length, amount: share * table.total };
}
