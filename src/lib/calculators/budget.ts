/**
 * "Where does an extra budget earn more?" Two ways of spending the same money, each described by
 * what one customer costs and what that customer is worth: winning new customers (cost = CAC,
 * value = CLV) or keeping customers who would otherwise leave (cost = what it takes to keep one,
 * value = what a kept customer still brings). The value per yen is the LTV:CAC ratio of the core,
 * so the comparison is ratio against ratio. The costs are taken as constant: the next customer
 * costs the same as the average one, which flatters large budgets.
 */
import { ltvToCac } from '../clv/cac.ts';

/** One way of spending: cost of one customer and value of that customer, in currency units. */
export interface SpendOption {
  /** Cost per customer won or kept, > 0. */
  costPerCustomer: number;
  /** Value one such customer brings (CLV, or the remaining value of a kept customer). */
  valuePerCustomer: number;
}

/** What the budget buys through one option. */
export interface SpendResult {
  /** budget / costPerCustomer: customers won or kept (may be fractional). */
  customers: number;
  /** customers x valuePerCustomer = budget x ratio. */
  value: number;
  /** valuePerCustomer / costPerCustomer: value per yen spent (the LTV:CAC ratio). */
  ratio: number;
}

/** Result of compareSpend. */
export interface SpendComparison {
  first: SpendResult;
  second: SpendResult;
  /** Which option brings more value; 'equal' when the values agree to within a millionth. */
  better: 'first' | 'second' | 'equal';
  /** |first.value - second.value|. */
  difference: number;
}

/** What a budget buys through one option, with the ratio from the core's ltvToCac. */
export function spendBudget(budget: number, option: SpendOption): SpendResult {
  if (!Number.isFinite(budget) || budget < 0) throw new RangeError(`budget must be a finite number >= 0 (got ${budget})`);
  const { ratio } = ltvToCac({ clv: option.valuePerCustomer, cac: option.costPerCustomer });
  return { customers: budget / option.costPerCustomer, value: budget * ratio, ratio };
}

/** The same budget spent two ways, and which earns more. */
export function compareSpend(budget: number, first: SpendOption, second: SpendOption): SpendComparison {
  const a = spendBudget(budget, first);
  const b = spendBudget(budget, second);
  const difference = Math.abs(a.value - b.value);
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  const better = difference <= scale * 1e-6 ? 'equal' : a.value > b.value ? 'first' : 'second';
  return { first: a, second: b, better, difference };
}
