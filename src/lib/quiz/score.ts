/**
 * Scoring rules, one per answer shape, each returning a share of the question's points in [0, 1],
 * and the readers that turn a raw response (anything a browser may post) into a typed answer or
 * null. A response that cannot be read scores 0: grading never throws on learner input.
 */
import { parseField } from '../calculators/fields.ts';
import { toHalfWidth } from '../clv/parse/text.ts';
import type { Tolerance, Unit } from './schemaParts.ts';

/** A display position in 0..count-1, or null. */
export function readChoice(response: unknown, count: number): number | null {
  return typeof response === 'number' && Number.isInteger(response) && response >= 0 && response < count ? response : null;
}

/** Distinct valid positions, in the order given; null for a non-list or an empty selection. */
export function readChoices(response: unknown, count: number): number[] | null {
  if (!Array.isArray(response)) return null;
  const chosen = [...new Set(response.map((item) => readChoice(item, count)).filter((item) => item !== null))];
  return chosen.length ? chosen : null;
}

/** A full order: a permutation of 0..count-1, else null (a half-sorted list is not an answer). */
export function readOrder(response: unknown, count: number): number[] | null {
  const order = readChoices(response, count);
  return order && order.length === count && (response as unknown[]).length === count ? order : null;
}

/**
 * Multiple select: (right chosen - wrong chosen) / right options, at least 0. Guessing every
 * option therefore earns nothing extra; the rule is printed in the question's instructions.
 */
export function multipleChoiceScore(chosen: readonly number[], correct: readonly number[]): number {
  const right = chosen.filter((position) => correct.includes(position)).length;
  const wrong = chosen.length - right;
  return correct.length === 0 ? 0 : Math.max(0, right - wrong) / correct.length;
}

/**
 * Ordering: pairs in the right relative order minus pairs in the wrong order, over all pairs,
 * at least 0 (Kendall's tau floored at 0). One swap of neighbours in 4 steps keeps 4/6 = 0.67;
 * the reverse order or a random guess earns about 0. Chosen over all-or-nothing because the
 * lesson's steps are learnt in pieces, and over "pairs in order" alone (C / all pairs), which
 * would give a random order half the points.
 */
export function orderingScore(order: readonly number[], correct: readonly number[]): number {
  const rank = new Map(correct.map((position, index) => [position, index]));
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = rank.get(order[i] as number);
      const b = rank.get(order[j] as number);
      if (a === undefined || b === undefined) continue;
      if (a < b) concordant++;
      else discordant++;
    }
  }
  const pairs = (correct.length * (correct.length - 1)) / 2;
  return pairs === 0 ? 1 : Math.max(0, concordant - discordant) / pairs;
}

/**
 * |value - answer| within the tolerance, edges included. A relative margin of 1e-9 absorbs
 * binary rounding, so 40,000 with { absolute: 100 } accepts 40,100 exactly as written.
 */
export function withinTolerance(value: number, answer: number, tolerance: Tolerance): boolean {
  const allowed = 'relative' in tolerance ? tolerance.relative * Math.abs(answer) : tolerance.absolute;
  return Math.abs(value - answer) <= allowed + 1e-9 * Math.max(1, Math.abs(answer));
}

// Words of approximation people add ("約10万円", "about 20,000") and unit suffixes per unit.
const APPROXIMATELY = /^(?:約|およそ|大体|だいたい|about|approx\.?|approximately|ca\.?|~|〜)\s*/i;
const UNIT_SUFFIXES: Record<Unit, RegExp | null> = {
  '¥': null, // parseAmount reads ¥, 円 and yen itself
  '%': /\s*(?:%|パーセント|percent)$/i,
  回: /\s*(?:回|times?)$/i,
  年: /\s*(?:年間?|years?)$/i,
  か月: /\s*(?:か月|ヶ月|カ月|ヵ月|箇月|months?)$/i,
  倍: /\s*(?:倍|times|x|×)$/i,
};

/** A typed number: the value, or the text that could not be read. Null when nothing was typed. */
export type NumberAnswer = { ok: true; value: number } | { ok: false; text: string };

/** Reads `100,000`, `１０万円`, `¥100,000`, `約20,000円`, `40%`, `4回` (parseField does the digits). */
export function readNumber(response: unknown, unit: Unit): NumberAnswer | null {
  if (typeof response === 'number') return Number.isFinite(response) ? { ok: true, value: response } : null;
  if (typeof response !== 'string') return null;
  let text = toHalfWidth(response).trim().replace(APPROXIMATELY, '');
  const suffix = UNIT_SUFFIXES[unit];
  if (suffix) text = text.replace(suffix, '');
  if (text.trim() === '') return response.trim() === '' ? null : { ok: false, text: response.trim() };
  const parsed = parseField(text, { kind: 'number' });
  return parsed.ok && parsed.value !== undefined ? { ok: true, value: parsed.value } : { ok: false, text: response.trim() };
}
