/**
 * The named formulas a `calculated` question may use. Answers are always computed by the CLV
 * core (src/lib/clv), never written in the bank, so a question cannot drift from the calculator
 * the lesson shows. Each formula lists its inputs; a bank maps them to parameters or constants.
 */
import { acquisitionCostTrend, ltvToCac, maxAffordableCac } from '../clv/cac.ts';
import { leverWhatIf } from '../clv/levers.ts';
import { retentionClv } from '../clv/retention.ts';
import { groupClv, simpleClv } from '../clv/simple.ts';

/** Values handed to a formula, by input name. */
export type FormulaArgs = Readonly<Record<string, number>>;

export interface FormulaSpec {
  /** Inputs that must be mapped. */
  required: readonly string[];
  /** Inputs that may be mapped; left out = the core's default. */
  optional: readonly string[];
  /** The answer; throws a RangeError (from src/lib/clv/validate.ts) on inputs outside the model. */
  compute(args: FormulaArgs): number;
}

/** `args.name` for a mapped input (checked before compute runs, see computeFormula). */
const get = (args: FormulaArgs, name: string): number => args[name] as number;
const maybe = (args: FormulaArgs, name: string): number | undefined => args[name];

export const FORMULAS = {
  /** averagePurchase x purchasesPerYear x retentionYears (x grossMargin), discounted if asked (simple.ts). */
  simpleClv: {
    required: ['averagePurchase', 'purchasesPerYear', 'retentionYears'],
    optional: ['grossMargin', 'discountRatePerYear'],
    compute: (a) => {
      const grossMargin = maybe(a, 'grossMargin');
      const discountRatePerYear = maybe(a, 'discountRatePerYear');
      return simpleClv({
        averagePurchase: get(a, 'averagePurchase'),
        purchasesPerYear: get(a, 'purchasesPerYear'),
        retentionYears: get(a, 'retentionYears'),
        ...(grossMargin === undefined ? {} : { grossMargin }),
        ...(discountRatePerYear === undefined ? {} : { discountRatePerYear }),
      });
    },
  },
  /** CLV of an average anonymous customer from shop totals (restaurant: 2,000 x 5 x 3). */
  groupClv: {
    required: ['totalSales', 'totalVisits', 'estimatedCustomers', 'retentionYears'],
    optional: [],
    compute: (a) =>
      groupClv({
        totalSales: get(a, 'totalSales'),
        totalVisits: get(a, 'totalVisits'),
        estimatedCustomers: get(a, 'estimatedCustomers'),
        retentionYears: get(a, 'retentionYears'),
      }).clv,
  },
  /** CLV / CAC (a ratio, "3.2 times"). */
  ltvToCacRatio: {
    required: ['clv', 'cac'],
    optional: [],
    compute: (a) => ltvToCac({ clv: get(a, 'clv'), cac: get(a, 'cac') }).ratio,
  },
  /** Highest CAC that keeps CLV / CAC at the target ratio (3 by default). */
  maxAffordableCac: {
    required: ['clv'],
    optional: ['targetRatio'],
    compute: (a) => maxAffordableCac(get(a, 'clv'), maybe(a, 'targetRatio')),
  },
  /** Months of margin needed to earn the CAC back. */
  paybackMonths: {
    required: ['cac', 'marginPerMonth'],
    optional: [],
    // clv does not enter the payback period; ltvToCac needs one, 0 is neutral.
    compute: (a) => ltvToCac({ clv: 0, cac: get(a, 'cac'), marginPerMonth: get(a, 'marginPerMonth') }).paybackMonths ?? NaN,
  },
  /** Advertising spend / customers won. */
  cacPerCustomer: {
    required: ['adSpend', 'customersAcquired'],
    optional: [],
    compute: (a) =>
      acquisitionCostTrend([{ adSpend: get(a, 'adSpend'), customersAcquired: get(a, 'customersAcquired') }])[0]?.cacPerCustomer ?? NaN,
  },
  /** Expected discounted margin under geometric retention (Gupta & Lehmann 2003). */
  retentionClv: {
    required: ['marginPerPeriod', 'retentionRate', 'discountRate'],
    optional: ['periods'],
    compute: (a) => {
      const periods = maybe(a, 'periods');
      return retentionClv({
        marginPerPeriod: get(a, 'marginPerPeriod'),
        retentionRate: get(a, 'retentionRate'),
        discountRate: get(a, 'discountRate'),
        ...(periods === undefined ? {} : { periods }),
      }).clv;
    },
  },
  /** Expected tenure 1 / (1 - retention rate), in periods. */
  expectedLifetime: {
    required: ['retentionRate'],
    optional: [],
    compute: (a) => retentionClv({ marginPerPeriod: 0, retentionRate: get(a, 'retentionRate'), discountRate: 0 }).expectedLifetimePeriods,
  },
  /** CLV after relative lever changes (0.1 = +10%), from leverWhatIf. */
  leverAfter: {
    required: ['averagePurchase', 'purchasesPerYear', 'retentionYears'],
    optional: ['recurringRevenuePerYear', 'priceChange', 'frequencyChange', 'retentionChange'],
    compute: (a) => {
      const recurring = maybe(a, 'recurringRevenuePerYear');
      return leverWhatIf(
        {
          averagePurchase: get(a, 'averagePurchase'),
          purchasesPerYear: get(a, 'purchasesPerYear'),
          retentionYears: get(a, 'retentionYears'),
          ...(recurring === undefined ? {} : { recurringRevenuePerYear: recurring }),
        },
        { price: maybe(a, 'priceChange') ?? 0, frequency: maybe(a, 'frequencyChange') ?? 0, retention: maybe(a, 'retentionChange') ?? 0 },
      ).after;
    },
  },
} as const satisfies Record<string, FormulaSpec>;

export type FormulaName = keyof typeof FORMULAS;
export const FORMULA_NAMES = Object.keys(FORMULAS) as [FormulaName, ...FormulaName[]];

/** An input mapping: formula input name -> parameter name (string) or a constant (number). */
export type FormulaInputs = Readonly<Record<string, string | number>>;

/**
 * The answer of a calculated question for one draw of its parameters. Throws a RangeError naming
 * the input when a mapping points nowhere, or the core's RangeError when a value is outside the model.
 */
export function computeFormula(name: FormulaName, inputs: FormulaInputs, parameters: Readonly<Record<string, number>>): number {
  const spec: FormulaSpec = FORMULAS[name];
  const args: Record<string, number> = {};
  for (const [input, source] of Object.entries(inputs)) {
    const value = typeof source === 'number' ? source : parameters[source];
    if (value === undefined) throw new RangeError(`input ${input} refers to an unknown parameter "${source}"`);
    args[input] = value;
  }
  for (const input of spec.required) {
    if (!(input in args)) throw new RangeError(`formula ${name} needs input ${input}`);
  }
  return spec.compute(args);
}
