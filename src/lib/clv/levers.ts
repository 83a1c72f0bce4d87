/**
 * "What if" on the four CLV levers of Module 2 lesson 5 (price, frequency, retention, revenue
 * models), with an exact split of the change between the levers.
 *
 *   CLV = P x F x Y  +  R x Y     (transactional term A, recurring term B)
 *
 * Decomposition: additive LMDI-I (Ang, "Decomposition analysis for policymaking in energy",
 * Energy Policy 32, 2004, eq. for V = sum_i prod_k x_ki): each term i gets
 * L(V_i after, V_i before) x ln(x_k after / x_k before) per factor k, L the logarithmic mean.
 * Retention multiplies both terms, so its contribution is the sum of its shares in A and in B;
 * price and frequency only act on A, recurring only on B. The parts add up to delta exactly
 * (up to rounding), whatever the order of the changes.
 *
 * Zeros (no logarithm): a term that is 0 before and after contributes nothing. A term that is 0
 * on one side only gives its whole change to the factors that are 0 on that side, shared equally:
 * the limit of replacing 0 by a small delta (Ang & Liu, Energy Policy 35, 2007). Example: a new
 * maintenance contract (recurring 0 -> 1,200,000 a year) puts all of term B on `recurring`.
 */
import { nonNegative, relativeChange } from './validate.ts';

/** Today's customer. */
export interface LeverBase {
  /** Average amount of one purchase (unit price lever). */
  averagePurchase: number;
  /** Purchases per year (frequency lever). */
  purchasesPerYear: number;
  /** Relationship length in years (retention lever). */
  retentionYears: number;
  /** Subscription / maintenance revenue per year (revenue-model lever); omitted = 0. */
  recurringRevenuePerYear?: number;
}

/** Relative changes, 0.1 = +10%, -0.2 = -20%, each >= -1; omitted = unchanged. */
export interface LeverChanges {
  /** Change of averagePurchase. */
  price?: number;
  /** Change of purchasesPerYear. */
  frequency?: number;
  /** Change of retentionYears. */
  retention?: number;
  /** Change of recurringRevenuePerYear (useless from 0: use recurringRevenuePerYearAfter). */
  recurring?: number;
  /** New recurring revenue per year as an absolute amount (e.g. a first maintenance contract); excludes `recurring`. */
  recurringRevenuePerYearAfter?: number;
}

/** The four levers, in currency units. */
export interface LeverContributions {
  /** Change due to averagePurchase. */
  price: number;
  /** Change due to purchasesPerYear. */
  frequency: number;
  /** Change due to retentionYears, through both the transactional and the recurring term. */
  retention: number;
  /** Change due to recurringRevenuePerYear. */
  recurring: number;
}

/** Result of leverWhatIf. */
export interface LeverWhatIf {
  /** CLV with the base inputs. */
  before: number;
  /** CLV after the changes. */
  after: number;
  /** after - before. */
  delta: number;
  /** delta / before; null when before is 0 (no relative change exists). */
  deltaRatio: number | null;
  /** Share of delta due to each lever; they add up to delta. */
  contributions: LeverContributions;
}

/** ln(a / b) for a, b > 0, accurate both for a close to b and for a far from b. */
function logRatio(a: number, b: number): number {
  // Within a factor 2, a - b is exact and log1p keeps the small log precise; further apart,
  // log1p near -1 would amplify rounding, and log a - log b has no cancellation to fear.
  return a >= b / 2 && a <= 2 * b ? Math.log1p((a - b) / b) : Math.log(a) - Math.log(b);
}

/** Logarithmic mean L(a, b) = (a - b) / ln(a / b), L(a, a) = a; a, b > 0. */
export function logarithmicMean(a: number, b: number): number {
  return a === b ? a : (a - b) / logRatio(a, b);
}

/** LMDI contributions of each factor to the change of the product of the factors. */
function productContributions<K extends string>(before: Record<K, number>, after: Record<K, number>): Record<K, number> {
  const factors = Object.keys(before) as K[];
  const product = (values: Record<K, number>) => factors.reduce((p, k) => p * values[k], 1);
  const valueBefore = product(before);
  const valueAfter = product(after);
  const share = (pick: (k: K) => number) => Object.fromEntries(factors.map((k) => [k, pick(k)])) as Record<K, number>;
  if (valueBefore === 0 && valueAfter === 0) return share(() => 0);
  if (valueBefore > 0 && valueAfter > 0) {
    const weight = logarithmicMean(valueAfter, valueBefore);
    return share((k) => weight * logRatio(after[k], before[k]));
  }
  const change = valueAfter - valueBefore;
  const zeroSide = valueBefore === 0 ? before : after;
  const zeros = factors.filter((k) => zeroSide[k] === 0).length;
  // zeros is 0 only if the product underflowed (< 1e-308): any split is then within rounding.
  if (zeros === 0) return share(() => change / factors.length);
  return share((k) => (zeroSide[k] === 0 ? change / zeros : 0));
}

/** CLV before and after relative lever changes, and each lever's exact share of the difference. */
export function leverWhatIf(base: LeverBase, changes: LeverChanges): LeverWhatIf {
  const price = nonNegative('averagePurchase', base.averagePurchase);
  const frequency = nonNegative('purchasesPerYear', base.purchasesPerYear);
  const years = nonNegative('retentionYears', base.retentionYears);
  const recurring = nonNegative('recurringRevenuePerYear', base.recurringRevenuePerYear ?? 0);
  const scaled = (name: 'price' | 'frequency' | 'retention' | 'recurring', value: number) =>
    value * (1 + relativeChange(`changes.${name}`, changes[name] ?? 0));
  let recurringAfter: number;
  if (changes.recurringRevenuePerYearAfter === undefined) {
    recurringAfter = scaled('recurring', recurring);
  } else if (changes.recurring !== undefined) {
    throw new RangeError('changes.recurring and changes.recurringRevenuePerYearAfter must not both be given');
  } else {
    recurringAfter = nonNegative('changes.recurringRevenuePerYearAfter', changes.recurringRevenuePerYearAfter);
  }
  const priceAfter = scaled('price', price);
  const frequencyAfter = scaled('frequency', frequency);
  const yearsAfter = scaled('retention', years);
  const transactional = productContributions(
    { price, frequency, retention: years },
    { price: priceAfter, frequency: frequencyAfter, retention: yearsAfter },
  );
  const recurringTerm = productContributions({ recurring, retention: years }, { recurring: recurringAfter, retention: yearsAfter });
  const before = price * frequency * years + recurring * years;
  const after = priceAfter * frequencyAfter * yearsAfter + recurringAfter * yearsAfter;
  const delta = after - before;
  return {
    before,
    after,
    delta,
    deltaRatio: before === 0 ? null : delta / before,
    contributions: {
      price: transactional.price,
      frequency: transactional.frequency,
      retention: transactional.retention + recurringTerm.retention,
      recurring: recurringTerm.recurring,
    },
  };
}
