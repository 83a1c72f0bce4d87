import type { CustomerColumns } from '../../../src/lib/workbench/customerColumns.ts';

/** A hand-made customer table; every argument is one column, in customer order. */
export function columnsOf(rows: Array<{ id: string; purchases: number; total: number; alive?: number; clv?: number; first?: number; last?: number }>): CustomerColumns {
  const n = rows.length;
  return {
    ids: rows.map((row) => row.id),
    firstPurchaseDay: Int32Array.from(rows, (row) => row.first ?? 20000),
    lastPurchaseDay: Int32Array.from(rows, (row) => row.last ?? 20100),
    purchases: Int32Array.from(rows, (row) => row.purchases),
    totalSpend: Float64Array.from(rows, (row) => row.total),
    averageSpend: Float64Array.from(rows, (row) => row.total / row.purchases),
    recencyScore: new Uint8Array(n).fill(3),
    frequencyScore: new Uint8Array(n).fill(3),
    monetaryScore: new Uint8Array(n).fill(3),
    expectedPurchases90: Float64Array.from(rows, (row) => (row.alive === undefined ? Number.NaN : row.alive * 2)),
    probabilityAlive: Float64Array.from(rows, (row) => row.alive ?? Number.NaN),
    clv12: Float64Array.from(rows, (row) => row.clv ?? Number.NaN),
  };
}
