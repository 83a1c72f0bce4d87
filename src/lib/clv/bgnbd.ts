/**
 * BG/NBD model of repeat purchasing: Fader, Hardie & Lee (2005), "Counting Your Customers the
 * Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284 (FHL), and
 * Hardie's notes "Implementing the BG/NBD Model for Customer Base Analysis in Excel" (2005) and
 * "Computing P(alive) Using the BG/NBD Model" (note 021).
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat
 * purchase they drop out for good with probability p ~ Beta(a, b). Inputs per customer are
 * x = frequency (repeat purchases), t_x = recency and T = age, all times in one unit (days or
 * weeks); α is in that unit too.
 */
import type { RepeatHistory } from './types.ts';
import type { Rng } from './random.ts';
import { aggregateHistories, type AggregatedHistories } from './aggregateHistories.ts';
import { hyp2f1 } from './hypergeometric.ts';
import { lnBeta, lnGamma, logSumExp } from './special.ts';
import { minimizeBfgs } from './optimize.ts';

/** Population parameters: λ ~ Gamma(shape r, rate α), p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A fit the caller may predict from: the optimiser converged to a finite interior point. */
export interface BgNbdFitted {
  ok: true;
  params: BgNbdParams;
  /** Σ log-likelihood (FHL eq. 6) at the estimate, in the caller's time unit, without the penalty. */
  logLikelihood: number;
  iterations: number;
  message: string;
}

/**
 * Why a fit gave no parameters to use:
 * - `no-customers`: the list is empty;
 * - `no-observation-time`: every T is 0;
 * - `no-repeat-purchases`: every frequency is 0, so nothing tells purchase rate from dropout;
 * - `not-converged`: the optimiser ran out of iterations or its line search stalled, or the
 *   likelihood is not finite at the end point;
 * - `parameter-run-off`: a parameter ran off towards 0 or infinity (the data do not identify it).
 */
export type BgNbdFitFailure = 'no-customers' | 'no-observation-time' | 'no-repeat-purchases' | 'not-converged' | 'parameter-run-off';

/**
 * A fit that must not be used for predictions. It carries no parameters on purpose: an
 * unconverged optimiser can stop at r = 2.7e7, finite and plausible-looking but meaningless.
 */
export interface BgNbdNotFitted {
  ok: false;
  reason: BgNbdFitFailure;
  iterations: number;
  /** What happened, in English, for logs and developers (the reason code is for the UI). */
  message: string;
}

/** Result of fitBgNbd: check `ok` before reading `params`. */
export type BgNbdFit = BgNbdFitted | BgNbdNotFitted;

export interface BgNbdFitOptions {
  /**
   * L2 penalty c·(r² + α² + a² + b²) added to the mean negative log-likelihood, as lifetimes'
   * `penalizer_coef`: like lifetimes, α is taken with time rescaled so that the largest T is 1.
   * Default 0 (plain maximum likelihood).
   */
  penalizer?: number;
  maxIterations?: number;
  /** Gradient tolerance of the optimiser (see MinimizeOptions). Default 1e-8. */
  gradientTolerance?: number;
  /** Start values. Default r = a = b = e^0.1 and α = e^0.1 · max T (lifetimes' start, rescaled). */
  initial?: BgNbdParams;
}

/**
 * Throws a RangeError naming the customer (by index when given) and field unless x is a whole
 * number >= 0, t_x and T are finite, 0 <= t_x <= T, and t_x = 0 when x = 0 (recency is the time
 * of the last repeat purchase: without one there is none, and a positive value means the
 * frequency or the recency is wrong).
 */
export function validateRepeatHistory(customer: RepeatHistory, index?: number): void {
  const { frequency, recency, T } = customer;
  // The common case allocates nothing: the label is built only for a message.
  if (
    frequency >= 0 &&
    frequency === Math.floor(frequency) &&
    frequency !== Infinity &&
    T >= 0 &&
    T !== Infinity &&
    recency >= 0 &&
    recency <= T &&
    (frequency > 0 || recency === 0)
  ) {
    return;
  }
  const who = index === undefined ? 'customer' : `customer ${index}`;
  if (!Number.isFinite(frequency) || frequency < 0 || frequency !== Math.floor(frequency)) {
    throw new RangeError(`${who}: frequency must be a whole number >= 0 (got ${frequency})`);
  }
  if (!Number.isFinite(T) || T < 0) throw new RangeError(`${who}: T must be a finite number >= 0 (got ${T})`);
  if (!Number.isFinite(recency) || recency < 0) {
    throw new RangeError(`${who}: recency must be a finite number >= 0 (got ${recency})`);
  }
  if (recency > T) throw new RangeError(`${who}: recency (${recency}) must not exceed T (${T})`);
  throw new RangeError(
    `${who}: recency must be 0 when frequency is 0 (got ${recency}): recency is the time of the last repeat purchase`,
  );
}

function validateParams(params: BgNbdParams): void {
  for (const name of ['r', 'alpha', 'a', 'b'] as const) {
    const value = params[name];
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`BG/NBD parameter ${name} must be a finite number > 0 (got ${value})`);
    }
  }
}

function validateHorizon(t: number, name = 't'): void {
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`${name} must be a finite number >= 0 (got ${t})`);
}

// ---------------------------------------------------------------------------------------------
// Likelihood and fit
// ---------------------------------------------------------------------------------------------

/**
 * Σ ln L(r, α, a, b | x, t_x, T) over customers, FHL eq. 6 in the log form of Hardie's note:
 *   ln L = A1 + A2 + ln(e^{A3} + δ(x>0) e^{A4}),
 *   A1 = ln Γ(r+x) - ln Γ(r) + r ln α,   A2 = ln Γ(a+b) + ln Γ(b+x) - ln Γ(b) - ln Γ(a+b+x),
 *   A3 = -(r+x) ln(α+T),                 A4 = ln a - ln(b+x-1) - (r+x) ln(α+t_x).
 * Since x is a whole number, A1 - r ln α = Σ_{j<x} ln(r+j) and A2 = Σ_{j<x} ln(1 - a/(a+b+j)).
 * A direct per-customer evaluation, the reference that the fast fit objective is tested against.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RepeatHistory[]): number {
  validateParams(params);
  const { r, alpha, a, b } = params;
  let total = 0;
  customers.forEach((customer, index) => {
    validateRepeatHistory(customer, index);
    const { frequency: x, recency: tx, T } = customer;
    // For whole x the gamma ratios are finite products (Γ(z+x)/Γ(z) = z(z+1)...(z+x-1)): summing
    // their logs stays accurate where ln Γ(a+b) - ln Γ(a+b+x) cancels catastrophically (a+b huge).
    let lnRising = 0;
    let lnRatio = 0;
    for (let j = 0; j < x; j++) {
      lnRising += Math.log(r + j);
      lnRatio += Math.log1p(-a / (a + b + j));
    }
    const a1 = lnRising + r * Math.log(alpha);
    const a2 = lnRatio;
    const a3 = -(r + x) * Math.log(alpha + T);
    const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
    total += a1 + a2 + logSumExp(a3, a4);
  });
  return total;
}

/**
 * The penalised mean negative log-likelihood over θ = (ln r, ln α, ln a, ln b) and its analytic
 * gradient. With the finite sums for whole x (see bgNbdLogLikelihood), the derivatives are
 *   ∂A1/∂r = Σ_{j<x} 1/(r+j) + ln α (= ψ(r+x) - ψ(r) + ln α),  ∂A1/∂α = r/α,
 *   ∂A2/∂a = -Σ_{j<x} 1/(a+b+j),  ∂A2/∂b = Σ_{j<x} a/((b+j)(a+b+j)),
 *   ∂A3/∂r = -ln(α+T), ∂A3/∂α = -(r+x)/(α+T), ∂A4/∂r = -ln(α+t_x), ∂A4/∂α = -(r+x)/(α+t_x),
 *   ∂A4/∂a = 1/a, ∂A4/∂b = -1/(b+x-1);
 * the log-sum-exp term weighs ∂A3 and ∂A4 by their shares w3, w4 of e^{A3} + e^{A4}.
 * The sums over j are accumulated once per evaluation up to the largest x and read off at each
 * distinct x (weighted by its number of customers); the per-customer loop only does two logs,
 * one exp and one log1p.
 */
function makeObjective(data: AggregatedHistories, penalizer: number) {
  const nx = data.distinctX.length;
  const lnB4 = new Float64Array(nx);
  const invB4 = new Float64Array(nx);
  const { distinctX, weightPerX, xIndex, recency, age, weight, totalWeight } = data;
  const groups = weight.length;
  // Distinct x in increasing order, to read the running sums off in one pass.
  const order = Array.from(distinctX.keys()).sort((i, j) => distinctX[i]! - distinctX[j]!);
  const maxX = nx > 0 ? distinctX[order[nx - 1]!]! : 0;
  let lastLogLikelihood = NaN;
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const lnAlpha = theta[1]!;
    const lnA = theta[2]!;
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(lnAlpha);
    const a = Math.exp(lnA);
    const b = Math.exp(theta[3]!);
    let ll = 0;
    let dR = 0;
    let dAlpha = 0;
    let dA = 0;
    let dB = 0;
    // Running sums over j < k: ln(r+j), ln(1 - a/(a+b+j)), 1/(r+j), 1/(a+b+j), a/((b+j)(a+b+j)).
    let lnRising = 0;
    let lnRatio = 0;
    let invR = 0;
    let invAB = 0;
    let dRatioB = 0;
    let next = 0;
    for (let k = 0; next < nx; k++) {
      while (next < nx && distinctX[order[next]!] === k) {
        const j = order[next]!;
        const w = weightPerX[j]!;
        ll += w * (lnRising + r * lnAlpha + lnRatio);
        dR += w * (invR + lnAlpha);
        dAlpha += (w * r) / alpha;
        dA -= w * invAB;
        dB += w * dRatioB;
        if (k > 0) {
          lnB4[j] = lnA - Math.log(b + k - 1);
          invB4[j] = 1 / (b + k - 1);
        }
        next++;
      }
      if (k >= maxX) break;
      const abk = a + b + k;
      lnRising += Math.log(r + k);
      lnRatio += Math.log1p(-a / abk);
      invR += 1 / (r + k);
      invAB += 1 / abk;
      dRatioB += a / ((b + k) * abk);
    }
    let sumW4 = 0;
    for (let i = 0; i < groups; i++) {
      const j = xIndex[i]!;
      const x = distinctX[j]!;
      const w = weight[i]!;
      const rx = r + x;
      const alphaT = alpha + age[i]!;
      const l3 = Math.log(alphaT);
      const a3 = -rx * l3;
      if (x === 0) {
        ll += w * a3;
        dR -= w * l3;
        dAlpha -= (w * rx) / alphaT;
        continue;
      }
      const alphaTx = alpha + recency[i]!;
      const l4 = Math.log(alphaTx);
      const a4 = lnB4[j]! - rx * l4;
      let w3: number;
      let w4: number;
      if (a3 >= a4) {
        const e = Math.exp(a4 - a3);
        ll += w * (a3 + Math.log1p(e));
        w3 = 1 / (1 + e);
        w4 = e * w3;
      } else {
        const e = Math.exp(a3 - a4);
        ll += w * (a4 + Math.log1p(e));
        w4 = 1 / (1 + e);
        w3 = e * w4;
      }
      dR -= w * (w3 * l3 + w4 * l4);
      dAlpha -= w * rx * (w3 / alphaT + w4 / alphaTx);
      sumW4 += w * w4;
      dB -= w * w4 * invB4[j]!;
    }
    dA += sumW4 / a;
    lastLogLikelihood = ll;
    const n = totalWeight;
    gradient[0] = (-dR * r) / n + 2 * penalizer * r * r;
    gradient[1] = (-dAlpha * alpha) / n + 2 * penalizer * alpha * alpha;
    gradient[2] = (-dA * a) / n + 2 * penalizer * a * a;
    gradient[3] = (-dB * b) / n + 2 * penalizer * b * b;
    return -ll / n + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };
  return { objective, logLikelihood: () => lastLogLikelihood };
}

/** Log-parameters beyond this (in rescaled time) mean the estimate ran off to 0 or ∞. */
const LOG_PARAMETER_LIMIT = 15;

function notFitted(reason: BgNbdFitFailure, message: string, iterations = 0): BgNbdNotFitted {
  return { ok: false, reason, iterations, message };
}

/**
 * Maximum-likelihood BG/NBD fit (FHL eq. 6) by BFGS on log-parameters with analytic gradients.
 * Throws RangeError for invalid customers. When the data cannot identify the model the result is
 * `{ ok: false, reason, message }` without parameters, so no caller can predict from it by
 * accident.
 */
export function fitBgNbd(customers: readonly RepeatHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
  for (let i = 0; i < customers.length; i++) validateRepeatHistory(customers[i]!, i);
  const penalizer = options.penalizer ?? 0;
  if (!Number.isFinite(penalizer) || penalizer < 0) {
    throw new RangeError(`penalizer must be a finite number >= 0 (got ${penalizer})`);
  }
  const start = options.initial;
  if (start) validateParams(start);
  if (customers.length === 0) return notFitted('no-customers', 'No customers: nothing to fit.');
  let maxT = 0;
  for (let i = 0; i < customers.length; i++) if (customers[i]!.T > maxT) maxT = customers[i]!.T;
  if (maxT === 0) return notFitted('no-observation-time', 'Every customer has T = 0: no observation time to fit on.');
  // Rescale time so that the largest T is 1 (as lifetimes does): α then starts near the data's
  // scale, and the penalty means the same thing as lifetimes' penalizer_coef.
  const scale = 1 / maxT;
  const data = aggregateHistories(customers, scale);
  if (data.totalFrequency === 0) {
    return notFitted('no-repeat-purchases', 'No customer has a repeat purchase (all frequencies are 0): the BG/NBD cannot be fitted.');
  }
  const theta0 = start
    ? [Math.log(start.r), Math.log(start.alpha * scale), Math.log(start.a), Math.log(start.b)]
    : [0.1, 0.1, 0.1, 0.1];
  const { objective, logLikelihood } = makeObjective(data, penalizer);
  const result = minimizeBfgs(objective, theta0, {
    maxIterations: options.maxIterations ?? 200,
    gradientTolerance: options.gradientTolerance ?? 1e-8,
  });
  const names = ['r', 'alpha', 'a', 'b'] as const;
  for (let k = 0; k < 4; k++) {
    const value = result.x[k]!;
    if (!(Math.abs(value) <= LOG_PARAMETER_LIMIT)) {
      const shown = Math.exp(value) / (names[k] === 'alpha' ? scale : 1);
      // An L2 penalty pulls large values back, so it helps only with a run-off towards infinity.
      return notFitted(
        'parameter-run-off',
        `Parameter ${names[k]} ran off towards ${value > 0 ? 'infinity' : '0'} (${shown}): the data do not identify it. ` +
          (value > 0 ? 'A small penalizer (e.g. 0.001) keeps the estimate finite. ' : '') +
          result.message,
        result.iterations,
      );
    }
  }
  if (!result.converged) return notFitted('not-converged', result.message, result.iterations);
  // Re-evaluate at the reported point so the log-likelihood belongs to it.
  objective(Float64Array.from(result.x), new Float64Array(4));
  // Rescaling time by s multiplies the density of x purchase times by s^-x, hence the shift.
  const ll = logLikelihood() + data.totalFrequency * Math.log(scale);
  if (!Number.isFinite(ll)) {
    return notFitted('not-converged', `The log-likelihood is not finite at the end point (${ll}). ${result.message}`, result.iterations);
  }
  const [lnR, lnAlpha, lnA, lnB] = result.x as [number, number, number, number];
  return {
    ok: true,
    params: { r: Math.exp(lnR), alpha: Math.exp(lnAlpha) / scale, a: Math.exp(lnA), b: Math.exp(lnB) },
    logLikelihood: ll,
    iterations: result.iterations,
    message: result.message,
  };
}

// ---------------------------------------------------------------------------------------------
// Predictions
// ---------------------------------------------------------------------------------------------

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) (Hardie note 021;
 * the denominator of FHL eq. 10). Exactly 1 when x = 0. The odds are formed in log space, so extreme
 * histories give 0 (or 1), never NaN.
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, customer: RepeatHistory): number {
  validateParams(params);
  validateRepeatHistory(customer);
  return probabilityAlive(params, customer);
}

function probabilityAlive(params: BgNbdParams, customer: RepeatHistory): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, T } = customer;
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/** Half-width of the interpolation around the removable singularity a = 1 of eq. 9 / 10. */
const A_NEAR_ONE_STEP = 1e-3;

/**
 * Expected purchases in (T, T+t] of a customer known to be alive at T with x repeat purchases:
 * the numerator of FHL eq. 10,
 *   (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))].
 * Euler's transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) (DLMF 15.8.1) turns the
 * bracket into 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), which cannot overflow for large x.
 * a = 1 is a removable singularity (0/0): there the value is interpolated (cubic Lagrange through
 * a = 1 ± h, 1 ± 2h). a + b + x - 1 = 0 (x = 0, a + b = 1) is another, where (a+b-1)·2F1 has a
 * finite limit: averaged over b ± 1e-6.
 */
function expectedIfAlive(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  if (Math.abs(a - 1) < A_NEAR_ONE_STEP) {
    const h = A_NEAR_ONE_STEP;
    const u = (a - 1) / h;
    const nodes = [-2, -1, 1, 2];
    let value = 0;
    for (const j of nodes) {
      let weight = 1;
      for (const k of nodes) if (k !== j) weight *= (u - k) / (j - k);
      value += weight * expectedIfAliveDirect(r, alpha, 1 + j * h, b, x, T, t);
    }
    return value;
  }
  if (Math.abs(a + b + x - 1) < 1e-9) {
    const h = 1e-6;
    return 0.5 * (expectedIfAliveDirect(r, alpha, a, b + h, x, T, t) + expectedIfAliveDirect(r, alpha, a, b - h, x, T, t));
  }
  return expectedIfAliveDirect(r, alpha, a, b, x, T, t);
}

function expectedIfAliveDirect(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  const g = Math.exp((a - 1) * lnOneMinusZ) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  return Math.max(0, (c * (1 - g)) / (a - 1));
}

/**
 * Conditional expected number of purchases in (T, T+t] given the history (FHL eq. 10):
 * P(alive) × the expectation of an alive customer. `t` is in the unit of the history.
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, customer: RepeatHistory, t: number): number {
  validateParams(params);
  validateRepeatHistory(customer);
  validateHorizon(t);
  const { r, alpha, a, b } = params;
  const alive = probabilityAlive(params, customer);
  if (alive === 0) return 0;
  return alive * expectedIfAlive(r, alpha, a, b, customer.frequency, customer.T, t);
}

/**
 * Expected repeat purchases of a new customer in (0, t] (FHL eq. 9):
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))].
 */
export function bgNbdExpectedPurchasesNew(params: BgNbdParams, t: number): number {
  validateParams(params);
  validateHorizon(t);
  const { r, alpha, a, b } = params;
  return expectedIfAlive(r, alpha, a, b, 0, 0, t);
}

/**
 * P(X(t) = n): probability that a new customer makes exactly n repeat purchases in (0, t]
 * (FHL eq. 8). The bracket of the second term, 1 - Σ_{j<n} NB(j), is the upper tail of a negative
 * binomial, summed directly when it is small to avoid cancellation.
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  validateParams(params);
  validateHorizon(t);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0 (got ${n})`);
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = params;
  const lnQ = -Math.log1p(t / alpha); // ln(α/(α+t))
  const lnOneMinusQ = -Math.log1p(alpha / t); // ln(t/(α+t))
  const lnBetaAB = lnBeta(a, b);
  const first = Math.exp(
    lnBeta(a, b + n) - lnBetaAB + lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1) + r * lnQ + n * lnOneMinusQ,
  );
  if (n === 0) return first;
  const second = Math.exp(lnBeta(a + 1, b + n - 1) - lnBetaAB) * negativeBinomialUpperTail(r, lnQ, lnOneMinusQ, n);
  return first + second;
}

/** P(N >= n) for N ~ NB with pmf Γ(r+j)/(Γ(r) j!) q^r (1-q)^j. */
function negativeBinomialUpperTail(r: number, lnQ: number, lnOneMinusQ: number, n: number): number {
  const oneMinusQ = Math.exp(lnOneMinusQ);
  let pmf = Math.exp(r * lnQ);
  let cdf = 0;
  for (let j = 0; j < n; j++) {
    cdf += pmf;
    pmf *= ((r + j) / (j + 1)) * oneMinusQ;
  }
  if (cdf <= 0.5) return Math.max(0, 1 - cdf);
  // The tail is small: add it up term by term (pmf is now the term j = n).
  let pmfN = Math.exp(lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1) + r * lnQ + n * lnOneMinusQ);
  let tail = 0;
  for (let j = n; j < n + 10_000_000; j++) {
    tail += pmfN;
    const ratio = ((r + j) / (j + 1)) * oneMinusQ;
    pmfN *= ratio;
    if (ratio < 1 && pmfN / (1 - ratio) <= 1e-17 * tail) break;
  }
  return Math.min(1, tail);
}

// ---------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------

/** A simulated customer: the observed history plus what the model hides. */
export interface SimulatedBgNbdCustomer extends RepeatHistory {
  /** Still active at T. */
  alive: boolean;
  /** Repeat purchases in (T, T + horizon]. */
  futurePurchases: number;
  lambda: number;
  p: number;
}

/**
 * Draws one customer from the BG/NBD generative story (FHL's assumptions i-v): λ ~ Gamma(r, rate α),
 * p ~ Beta(a, b), exponential gaps between purchases, dropout with probability p after each
 * repeat purchase. Observed up to T; purchases in (T, T + horizon] are counted separately.
 */
export function simulateBgNbdCustomer(params: BgNbdParams, T: number, rng: Rng, horizon = 0): SimulatedBgNbdCustomer {
  const { r, alpha, a, b } = params;
  const lambda = rng.gamma(r, 1 / alpha);
  const p = rng.beta(a, b);
  let time = 0;
  let frequency = 0;
  let recency = 0;
  let futurePurchases = 0;
  let alive = true;
  const end = T + horizon;
  for (;;) {
    time += rng.exponential(lambda);
    if (!(time <= end)) break;
    if (time <= T) {
      frequency++;
      recency = time;
    } else {
      futurePurchases++;
    }
    if (rng.next() < p) {
      if (time <= T) alive = false;
      break;
    }
  }
  return { frequency, recency, T, alive, futurePurchases, lambda, p };
}

/** One simulated history per observation time in `ages` (see simulateBgNbdCustomer). */
export function simulateBgNbdCustomers(params: BgNbdParams, ages: readonly number[], rng: Rng): RepeatHistory[] {
  validateParams(params);
  return ages.map((T) => {
    const { frequency, recency } = simulateBgNbdCustomer(params, T, rng);
    return { frequency, recency, T };
  });
}
