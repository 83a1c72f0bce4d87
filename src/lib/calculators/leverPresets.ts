/**
 * Presets of the lever simulator, from the four-levers lesson (Module 2 lesson 5). Changes are
 * relative, in percent (text as a learner would type it). Base figures the lesson does not give
 * (the machine price in A, the ticket in B, visits in C, the amounts in D) are illustrative and
 * match the core's table tests (tests/unit/clv/levers.test.ts).
 */
import type { Preset } from './presets.ts';

export type LeverField =
  | 'price'
  | 'frequency'
  | 'years'
  | 'recurring'
  | 'priceChange'
  | 'frequencyChange'
  | 'retentionChange'
  | 'recurringAfter';

export type LeverPresetId = 'ten-percent' | 'case-a' | 'case-b' | 'case-c' | 'case-d';

const base = { recurring: '0', priceChange: '0', frequencyChange: '0', retentionChange: '0', recurringAfter: '' };

export const LEVER_PRESETS: readonly (Preset<LeverField> & { id: LeverPresetId })[] = [
  // The lesson's opening point: +10% on price, frequency and years = 1.1^3 = 1.331, about +33%.
  { id: 'ten-percent', texts: { ...base, price: '5,000', frequency: '4', years: '5', priceChange: '10', frequencyChange: '10', retentionChange: '10' } },
  // A, Nagano machine tools: 3-year re-order rate 40% -> 68%, read as the relationship lasting 68 / 40 = 1.7 times as long.
  { id: 'case-a', texts: { ...base, price: '10,000,000', frequency: '0.2', years: '3', retentionChange: '70' } },
  // B, Osaka restaurant chain: regulars 1.0 -> 1.4 visits a month (12 -> 16.8 a year) = +40%.
  { id: 'case-b', texts: { ...base, price: '3,000', frequency: '12', years: '2', frequencyChange: '40' } },
  // C, Tokyo beauty salon: average ticket 8,000 -> 11,500 yen = +43.75%.
  { id: 'case-c', texts: { ...base, price: '8,000', frequency: '6', years: '3', priceChange: '43.75' } },
  // D, Gifu equipment maker: machine sales stop (price -100%); a monthly use fee + maintenance of 100,000 yen (1,200,000 a year) instead.
  { id: 'case-d', texts: { ...base, price: '5,000,000', frequency: '0.2', years: '10', priceChange: '-100', recurringAfter: '1,200,000' } },
];
