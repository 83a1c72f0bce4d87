/**
 * Gamma-Gamma model of spend per transaction: Fader, Hardie & Lee (2005), "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415-430, and
 * Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013, note 025).
 *
 * A customer's transactions z_1..z_x are Gamma(p, rate ν) with ν ~ Gamma(q, rate v) across
 * customers; the observed summary is x (repeat transactions) and zbar (their mean value). Only
 * customers with x > 0 carry information about spend. A repeat purchase of value 0 is a
 * transaction like any other: it counts in x and lowers zbar (lifetimes' summary does the same);
 * only a customer whose repeat purchases were all free (zbar = 0) cannot enter the likelihood.
 *
 * The population mean spend per transaction is p·v/(q - 1): it is finite only when q > 1.
 */
import type { Rng } from './random.ts';
import { digamma, lnGamma } from './special.ts';
import { minimizeBfgs } from './optimize.ts';

/** Population parameters: transaction values ~ Gamma(p, rate ν), ν ~ Gamma(q, rate v). */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A customer's spend summary: repeat transactions and their mean value. */
export interface SpendHistory {
  frequency: number;
  monetaryValue: number;
}

/** A fit the caller may predict from. Check `params.q > 1` before using the population mean. */
export interface GammaGammaFitted {
  ok: true;
  params: GammaGammaParams;
  /** Σ ln f(zbar | x) (Hardie note 025) over the customers, without the penalty. */
  logLikelihood: number;
  iterations: number;
  message: string;
  /** Customers the likelihood used (all of the input). */
  customersUsed: number;
}

/**
 * Why a fit gave no parameters to use: fewer than two customers, the optimiser did not converge,
 * or a parameter ran off towards 0 or infinity (e.g. every customer has the same mean spend).
 */
export type GammaGammaFitFailure = 'too-few-customers' | 'not-converged' | 'parameter-run-off';

/** A fit that must not be used for predictions: no parameters on purpose. */
export interface GammaGammaNotFitted {
  ok: false;
  reason: GammaGammaFitFailure;
  iterations: number;
  message: string;
  customersUsed: number;
}

/** Result of fitGammaGamma: check `ok` before reading `params`. */
export type GammaGammaFit = GammaGammaFitted | GammaGammaNotFitted;

export interface GammaGammaFitOptions {
  /** L2 penalty c·(p² + q² + v²) on the mean negative log-likelihood (lifetimes' penalizer_coef). Default 0. */
  penalizer?: number;
  maxIterations?: number;
  gradientTolerance?: number;
  /** Start values. Default p = 1, q = 2, v = mean zbar (so that p·v/(q-1) is the mean spend). */
  initial?: GammaGammaParams;
}

function validateSpend(customer: SpendHistory, index?: number): void {
  const { frequency, monetaryValue } = customer;
  if (frequency >= 0 && frequency === Math.floor(frequency) && frequency !== Infinity && monetaryValue >= 0 && monetaryValue !== Infinity) {
    return; // the common case builds no message
  }
  const who = index === undefined ? 'customer' : `customer ${index}`;
  if (!Number.isFinite(frequency) || frequency < 0 || frequency !== Math.floor(frequency)) {
    throw new RangeError(`${who}: frequency must be a whole number >= 0 (got ${frequency})`);
  }
  if (!Number.isFinite(monetaryValue) || monetaryValue < 0) {
    throw new RangeError(`${who}: monetaryValue must be a finite number >= 0 (got ${monetaryValue})`);
  }
}

/**
 * The fit and its likelihood take only customers with repeat purchases of positive mean value,
 * as lifetimes' GammaGammaFitter (which raises on monetary_value <= 0): zbar is the mean of the x
 * repeat transactions, so x = 0 has no zbar, and ln zbar is undefined at 0. Throws a RangeError
 * naming the customer and field, so that leaving such customers out is the caller's visible choice.
 */
function validateSpendForFit(customer: SpendHistory, index: number): void {
  validateSpend(customer, index);
  if (customer.frequency === 0) {
    throw new RangeError(
      `customer ${index}: frequency must be >= 1 for the Gamma-Gamma fit (got 0): only repeat purchases carry spend information; leave out customers without repeats`,
    );
  }
  if (customer.monetaryValue === 0) {
    throw new RangeError(
      `customer ${index}: monetaryValue must be > 0 for the Gamma-Gamma fit (got 0): every repeat purchase was free; leave the customer out of the fit`,
    );
  }
}

function validateParams(params: GammaGammaParams): void {
  for (const name of ['p', 'q', 'v'] as const) {
    const value = params[name];
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Gamma-Gamma parameter ${name} must be a finite number > 0 (got ${value})`);
    }
  }
}

/**
 * Σ ln f(zbar | p, q, v, x) over customers, each with x > 0 and zbar > 0 (Hardie note 025; as in
 * his spreadsheet and lifetimes' GammaGammaFitter); other customers throw, as in fitGammaGamma:
 *   ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln v + (px-1) ln zbar + px ln x - (px+q) ln(v + x·zbar).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendHistory[]): number {
  validateParams(params);
  const { p, q, v } = params;
  let total = 0;
  customers.forEach((customer, index) => {
    validateSpendForFit(customer, index);
    const { frequency: x, monetaryValue: m } = customer;
    total +=
      lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) - (p * x + q) * Math.log(v + x * m);
  });
  return total;
}

function notFitted(reason: GammaGammaFitFailure, message: string, customersUsed: number, iterations = 0): GammaGammaNotFitted {
  return { ok: false, reason, iterations, message, customersUsed };
}

/** Log-parameters beyond this mean the estimate ran off to 0 or ∞. */
const LOG_PARAMETER_LIMIT = 20;

/**
 * Maximum-likelihood Gamma-Gamma fit by BFGS on (ln p, ln q, ln v) with analytic gradients.
 * Every customer must have frequency >= 1 and monetaryValue > 0 (see validateSpendForFit):
 * filter the others out and count them. Throws RangeError for invalid rows; returns
 * `{ ok: false, reason, message }` without parameters when the data cannot identify the model.
 */
export function fitGammaGamma(customers: readonly SpendHistory[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  customers.forEach((customer, index) => validateSpendForFit(customer, index));
  const penalizer = options.penalizer ?? 0;
  if (!Number.isFinite(penalizer) || penalizer < 0) {
    throw new RangeError(`penalizer must be a finite number >= 0 (got ${penalizer})`);
  }
  // Merge identical (x, zbar) pairs (number-keyed maps per distinct x); gamma terms per distinct x.
  const xSlot = new Map<number, number>();
  const byMean: Map<number, number>[] = [];
  const xList: number[] = [];
  const xOf: number[] = [];
  const mean: number[] = [];
  const weight: number[] = [];
  let used = 0;
  let sumMean = 0;
  for (const { frequency: x, monetaryValue: m } of customers) {
    used++;
    sumMean += m;
    let xi = xSlot.get(x);
    if (xi === undefined) {
      xi = xList.length;
      xSlot.set(x, xi);
      xList.push(x);
      byMean.push(new Map());
    }
    const slot = byMean[xi]!.get(m);
    if (slot !== undefined) {
      weight[slot]!++;
      continue;
    }
    byMean[xi]!.set(m, weight.length);
    xOf.push(xi);
    mean.push(m);
    weight.push(1);
  }
  if (used === 0) return notFitted('too-few-customers', 'No customer with repeat purchases: nothing to fit.', 0);
  if (used < 2) return notFitted('too-few-customers', 'Only one customer with repeat purchases: the Gamma-Gamma needs several.', used);
  const nx = xList.length;
  const distinctX = Float64Array.from(xList);
  const weightPerX = new Float64Array(nx);
  const xIndex = Int32Array.from(xOf);
  const w = Float64Array.from(weight);
  const m = Float64Array.from(mean);
  const groupsCount = w.length;
  // Σ w·[(px - 1) ln zbar + px ln x] is linear in p: precompute Σ w x ln zbar, Σ w ln zbar, Σ w x ln x.
  let sumXLnM = 0;
  let sumLnM = 0;
  let sumXLnX = 0;
  for (let i = 0; i < groupsCount; i++) {
    const x = distinctX[xIndex[i]!]!;
    weightPerX[xIndex[i]!]! += w[i]!;
    const lnM = Math.log(m[i]!);
    sumXLnM += w[i]! * x * lnM;
    sumLnM += w[i]! * lnM;
    sumXLnX += w[i]! * x * Math.log(x);
  }

  let lastLogLikelihood = NaN;
  // Derivatives of the log-likelihood above:
  //   ∂/∂p = x[ψ(px+q) - ψ(px) + ln zbar + ln x - ln(v + x zbar)],
  //   ∂/∂q = ψ(px+q) - ψ(q) + ln v - ln(v + x zbar),  ∂/∂v = q/v - (px+q)/(v + x zbar).
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const p = Math.exp(theta[0]!);
    const q = Math.exp(theta[1]!);
    const lnV = theta[2]!;
    const v = Math.exp(lnV);
    const lgQ = lnGamma(q);
    const psiQ = digamma(q);
    let ll = p * sumXLnM - sumLnM + p * sumXLnX;
    let dP = sumXLnM + sumXLnX;
    let dQ = 0;
    let dV = 0;
    for (let j = 0; j < nx; j++) {
      const x = distinctX[j]!;
      const wj = weightPerX[j]!;
      const px = p * x;
      const psiPxq = digamma(px + q);
      ll += wj * (lnGamma(px + q) - lnGamma(px) - lgQ + q * lnV);
      dP += wj * x * (psiPxq - digamma(px));
      dQ += wj * (psiPxq - psiQ + lnV);
      dV += (wj * q) / v;
    }
    for (let i = 0; i < groupsCount; i++) {
      const x = distinctX[xIndex[i]!]!;
      const wi = w[i]!;
      const denominator = v + x * m[i]!;
      const lnDen = Math.log(denominator);
      const pxq = p * x + q;
      ll -= wi * pxq * lnDen;
      dP -= wi * x * lnDen;
      dQ -= wi * lnDen;
      dV -= (wi * pxq) / denominator;
    }
    lastLogLikelihood = ll;
    gradient[0] = (-dP * p) / used + 2 * penalizer * p * p;
    gradient[1] = (-dQ * q) / used + 2 * penalizer * q * q;
    gradient[2] = (-dV * v) / used + 2 * penalizer * v * v;
    return -ll / used + penalizer * (p * p + q * q + v * v);
  };

  const start = options.initial;
  if (start) validateParams(start);
  const theta0 = start ? [Math.log(start.p), Math.log(start.q), Math.log(start.v)] : [0, Math.log(2), Math.log(sumMean / used)];
  const result = minimizeBfgs(objective, theta0, {
    maxIterations: options.maxIterations ?? 200,
    gradientTolerance: options.gradientTolerance ?? 1e-8,
  });
  const names = ['p', 'q', 'v'] as const;
  for (let k = 0; k < 3; k++) {
    const value = result.x[k]!;
    if (!(Math.abs(value) <= LOG_PARAMETER_LIMIT)) {
      return notFitted(
        'parameter-run-off',
        `Parameter ${names[k]} ran off towards ${value > 0 ? 'infinity' : '0'} (${Math.exp(value)}): ` +
          'the data do not identify it (are the values nearly identical across customers?). ' +
          result.message,
        used,
        result.iterations,
      );
    }
  }
  if (!result.converged) return notFitted('not-converged', result.message, used, result.iterations);
  objective(Float64Array.from(result.x), new Float64Array(3));
  if (!Number.isFinite(lastLogLikelihood)) {
    return notFitted('not-converged', `The log-likelihood is not finite at the end point. ${result.message}`, used, result.iterations);
  }
  const params = { p: Math.exp(result.x[0]!), q: Math.exp(result.x[1]!), v: Math.exp(result.x[2]!) };
  let message = result.message;
  if (params.q <= 1) {
    message += ` Note: q = ${params.q} <= 1, so the population mean spend p·v/(q-1) is infinite; ` +
      'expected spend is defined only for customers with p·x + q > 1.';
  }
  return { ok: true, params, logLikelihood: lastLogLikelihood, iterations: result.iterations, message, customersUsed: used };
}

/**
 * E[mean transaction value | x, zbar] = p (v + x·zbar) / (p x + q - 1) (Hardie note 025, eq. 5
 * as cited by lifetimes):
 * a weighted average of the population mean p·v/(q-1) and the customer's own zbar, with weight
 * p x/(p x + q - 1) on zbar. For x = 0 it is the population mean, finite only when q > 1.
 * Throws RangeError when p·x + q <= 1 (the mean does not exist).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: SpendHistory): number {
  validateParams(params);
  validateSpend(customer);
  const { p, q, v } = params;
  const x = customer.frequency;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new RangeError(
      `Gamma-Gamma expected spend is infinite when p·x + q <= 1 (p=${p}, q=${q}, x=${x}); q must exceed 1 for a finite population mean`,
    );
  }
  return (p * (v + x * customer.monetaryValue)) / denominator;
}

/**
 * Draws spend summaries from the model: ν ~ Gamma(q, rate v), then the mean of x transactions
 * ~ Gamma(p, rate ν), i.e. zbar = Gamma(p·x, rate ν) / x. Customers with x = 0 get zbar 0.
 */
export function simulateGammaGammaCustomers(
  params: GammaGammaParams,
  frequencies: readonly number[],
  rng: Rng,
): SpendHistory[] {
  validateParams(params);
  return frequencies.map((x) => {
    if (x === 0) return { frequency: 0, monetaryValue: 0 };
    const nu = rng.gamma(params.q, 1 / params.v);
    return { frequency: x, monetaryValue: rng.gamma(params.p * x, 1 / nu) / x };
  });
}
