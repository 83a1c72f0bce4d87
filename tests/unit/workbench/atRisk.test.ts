import { describe, expect, it } from 'vitest';
import { AT_RISK_RULE, atRiskCustomers, bestCustomers, topValueThreshold } from '../../../src/lib/workbench/atRisk.ts';
import { columnsOf } from './fixtures.ts';

// Ten customers; the top 20% by total spend are the two largest (totals 900 and 1000).
const ten = columnsOf([
  { id: 'A', purchases: 5, total: 1000, alive: 0.3, clv: 100 }, // valuable, lapsed: at risk
  { id: 'B', purchases: 4, total: 900, alive: 0.49, clv: 300 }, // valuable, just under 0.5: at risk
  { id: 'C', purchases: 3, total: 800, alive: 0.1, clv: 10 }, // lapsed but not in the top 20%
  { id: 'D', purchases: 2, total: 100, alive: 0.9, clv: 50 },
  { id: 'E', purchases: 2, total: 100, alive: 0.95, clv: 60 },
  { id: 'F', purchases: 2, total: 100, alive: 0.95, clv: 70 },
  { id: 'G', purchases: 2, total: 100, alive: 0.95, clv: 80 },
  { id: 'H', purchases: 2, total: 100, alive: 0.95, clv: 90 },
  { id: 'I', purchases: 2, total: 100, alive: 0.95, clv: 95 },
  { id: 'J', purchases: 2, total: 100, alive: 0.95, clv: 500 },
]);

describe('topValueThreshold', () => {
  it.each([
    [[1000, 900, 800, 100], 0.2, 1000], // ceil(0.8) = 1 customer
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2, 9], // the top 2
    [[5, 5, 5], 0.2, 5], // ties at the boundary are all in
    [[], 0.2, Number.POSITIVE_INFINITY],
  ])('%j, top %f -> %f', (totals, share, expected) => {
    expect(topValueThreshold(totals, share)).toBe(expected);
  });
});

describe('atRiskCustomers', () => {
  it('needs high past value AND P(alive) < 0.5, sorted by total spend', () => {
    expect(Array.from(atRiskCustomers(ten), (i) => ten.ids[i])).toEqual(['A', 'B']);
  });

  it.each([
    ['one purchase day only (P(alive) is 1 by construction, but any value is excluded)', { purchases: 1, alive: 0.1 }, []],
    ['P(alive) exactly 0.5 is not below the limit', { purchases: 3, alive: 0.5 }, []],
    ['no model (NaN) never qualifies', { purchases: 3, alive: Number.NaN }, []],
    ['a lapsed repeat customer at the top', { purchases: 3, alive: 0.2 }, ['X']],
  ])('%s', (_, top, expected) => {
    const columns = columnsOf([{ id: 'X', total: 5000, ...top }, ...Array.from({ length: 9 }, (_, i) => ({ id: `Y${i}`, purchases: 2, total: 10, alive: 0.9 }))]);
    expect(Array.from(atRiskCustomers(columns), (i) => columns.ids[i])).toEqual(expected);
  });

  it('takes other thresholds', () => {
    const wider = atRiskCustomers(ten, { ...AT_RISK_RULE, topValueShare: 0.3 });
    expect(Array.from(wider, (i) => ten.ids[i])).toEqual(['A', 'B', 'C']);
  });
});

describe('bestCustomers', () => {
  it('ranks by predicted CLV', () => {
    expect(Array.from(bestCustomers(ten, 3), (i) => ten.ids[i])).toEqual(['J', 'B', 'A']);
  });

  it('falls back to total spend without a CLV', () => {
    const noModel = columnsOf([
      { id: 'A', purchases: 1, total: 10 },
      { id: 'B', purchases: 1, total: 30 },
      { id: 'C', purchases: 1, total: 20 },
    ]);
    expect(Array.from(bestCustomers(noModel, 2), (i) => noModel.ids[i])).toEqual(['B', 'C']);
  });
});
