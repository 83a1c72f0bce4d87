/**
 * The Gauss hypergeometric function 2F1(a, b; c; z), needed by the BG/NBD closed forms
 * (Fader, Hardie & Lee 2005, eq. 9 and 10): the series, the 1 - z transformations and the
 * method choice, with an error estimate so callers learn when no method converged.
 */
import { digamma, gammaSign, lnGamma } from './special.ts';

/** Which formula produced a 2F1 value (see hyp2f1Detailed). */
export type Hyp2f1Method =
  | 'series'
  | 'polynomial'
  | 'one-minus-z'
  | 'one-minus-z-integer'
  | 'one-minus-z-near-integer';

/** A 2F1 value with an estimate of its relative error (rounding and truncation). */
export interface Hyp2f1Evaluation {
  value: number;
  /** Estimated relative error; Infinity when the method failed (overflow, no convergence). */
  relativeError: number;
  method: Hyp2f1Method;
  /** True when z < 0 was first mapped into (0, 1) by Pfaff's transformation. */
  pfaff: boolean;
}

const EPS = Number.EPSILON;
/** Up to this z the defining series is used first: it needs at most a few hundred terms. */
const SERIES_FIRST_MAX_Z = 0.9;
/** Term budget of the plain series when it is the method of choice. */
const SERIES_MAX_TERMS = 100_000;
/** Term budget of a quick series attempt for z > 0.9 (cheap when c is large next to a and b). */
const QUICK_SERIES_MAX_TERMS = 500;
/** Term budget of the last-resort series when the transformation lost too much precision. */
const LAST_RESORT_MAX_TERMS = 2_000_000;
/** A method whose estimated error is below this is accepted without trying the next one. */
const ACCEPT_RELATIVE_ERROR = 1e-11;
/** hyp2f1 throws when the best estimate is worse than this. */
export const HYP2F1_MAX_RELATIVE_ERROR = 1e-8;
/**
 * When c - a - b is within h of an integer m (but not equal), A&S 15.3.6 cancels
 * catastrophically (both terms have poles in c - a - b), losing about ε/|c - a - b - m|.
 * The value is then interpolated in c through c - a - b = m + j·h, j = -3..3 (degree 6), applied
 * to 2F1/Γ(c), which is entire in c (DLMF 15.2.2) and so free of the poles of Γ(c). It varies on
 * a scale 1/L with L ≈ max(1, |ln(1 - z)|, ln(1 + |c|)), so h = NEAR_INTEGER_SCALE / L (at most
 * 1e-3): the remainder (h·L)^7 stays near 1e-15 and the cancellation near ε·L/h ≈ 1e-13·L.
 */
const NEAR_INTEGER_SCALE = 0.005;
const NEAR_INTEGER_MAX_STEP = 1e-3;
const NEAR_INTEGER_HALF_WIDTH = 3;

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && x === Math.floor(x);
}

/**
 * The defining series Σ (a)_k (b)_k / ((c)_k k!) z^k (DLMF 15.2.1), stopped once a geometric
 * bound on the remaining tail is below machine precision (see ratioBound).
 */
export function hyp2f1Series(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms: number = SERIES_MAX_TERMS,
): { value: number; relativeError: number; converged: boolean; terms: number } {
  let term = 1;
  let sum = 1;
  let absSum = 1;
  const kMin = Math.max(0, -a, -b, -c);
  const absZ = Math.abs(z);
  let k = 0;
  for (; k < maxTerms; k++) {
    term *= (z * (a + k) * (b + k)) / ((c + k) * (k + 1));
    if (term === 0) {
      // Terminated (a or b a non-positive integer) or underflowed: nothing left to add.
      return { value: sum, relativeError: roundingError(absSum, sum, k), converged: true, terms: k + 1 };
    }
    sum += term;
    absSum += Math.abs(term);
    if (!Number.isFinite(sum)) break;
    if (k + 1 > kMin) {
      const rho = ratioBound(a, b, c, absZ, k + 1);
      if (rho < 1) {
        const tail = (Math.abs(term) * rho) / (1 - rho);
        if (tail <= EPS * Math.abs(sum)) {
          return {
            value: sum,
            relativeError: roundingError(absSum, sum, k) + tail / Math.abs(sum),
            converged: true,
            terms: k + 1,
          };
        }
      }
    }
  }
  return { value: sum, relativeError: Infinity, converged: false, terms: k };
}

/**
 * An upper bound on |z|(A+j)(B+j)/((C+j)(j+1)), the ratio of consecutive series terms, for all
 * j >= k, valid once A + k, B + k, C + k > 0. Writing the ratio as |z|(1 + δ_j),
 *   δ_j = ((A+B-C-1) j + AB - C) / ((C+j)(j+1)) <= max(0, A+B-C-1)/(C+k) + max(0, AB-C)/((C+k)(k+1)),
 * so ρ = max(ratio at k, |z|(1 + that)) bounds every later ratio and the tail by |term| ρ/(1-ρ).
 */
function ratioBound(A: number, B: number, C: number, absZ: number, k: number): number {
  const next = (absZ * Math.abs((A + k) * (B + k))) / ((C + k) * (k + 1));
  const drift = Math.max(0, A + B - C - 1) / (C + k) + Math.max(0, A * B - C) / ((C + k) * (k + 1));
  return Math.max(next, absZ * (1 + drift));
}

/** Rounding error of a sum of n terms each computed by a product of ratios (≈ 4 roundings each). */
function roundingError(absSum: number, sum: number, n: number): number {
  if (sum === 0) return absSum === 0 ? 0 : Infinity;
  return EPS * (2 + 4 * Math.sqrt(n + 1)) * (absSum / Math.abs(sum));
}

/** sign · e^{lnMagnitude} with its relative error from the error of the lnGamma sum. */
function signedExp(sign: number, lnMagnitude: number, lnScale: number): { value: number; error: number } {
  if (sign === 0) return { value: 0, error: 0 };
  return { value: sign * Math.exp(lnMagnitude), error: 4 * EPS * (lnScale + 1) };
}

/**
 * A&S 15.3.6 (DLMF 15.8.4), c - a - b = d not an integer:
 *   2F1(a,b;c;z) = Γ(c)Γ(d)/(Γ(c-a)Γ(c-b)) 2F1(a,b;1-d;1-z)
 *                + (1-z)^d Γ(c)Γ(-d)/(Γ(a)Γ(b)) 2F1(c-a,c-b;1+d;1-z).
 * Both series are in 1 - z, so they converge fast when z is close to 1. Gamma ratios are formed in
 * log space with signs, so large parameters do not overflow them.
 */
export function hyp2f1OneMinusZ(a: number, b: number, c: number, z: number): Hyp2f1Evaluation {
  const s = 1 - z;
  const lnS = Math.log(s);
  const d = c - a - b;
  const lnGc = lnGamma(c);
  const first = hyp2f1Series(a, b, 1 - d, s);
  const second = hyp2f1Series(c - a, c - b, 1 + d, s);
  const lnGd = lnGamma(d);
  const lnGca = lnGamma(c - a);
  const lnGcb = lnGamma(c - b);
  const coef1 = signedExp(
    gammaSign(c) * gammaSign(d) * gammaSign(c - a) * gammaSign(c - b),
    lnGc + lnGd - lnGca - lnGcb,
    Math.abs(lnGc) + Math.abs(lnGd) + finiteAbs(lnGca) + finiteAbs(lnGcb),
  );
  const lnGmd = lnGamma(-d);
  const lnGa = lnGamma(a);
  const lnGb = lnGamma(b);
  const coef2 = signedExp(
    gammaSign(c) * gammaSign(-d) * gammaSign(a) * gammaSign(b),
    d * lnS + lnGc + lnGmd - lnGa - lnGb,
    Math.abs(d * lnS) + Math.abs(lnGc) + Math.abs(lnGmd) + Math.abs(lnGa) + Math.abs(lnGb),
  );
  const t1 = coef1.value === 0 ? 0 : coef1.value * first.value;
  const t2 = coef2.value === 0 ? 0 : coef2.value * second.value;
  const value = t1 + t2;
  const e1 = t1 === 0 ? 0 : Math.abs(t1) * (coef1.error + first.relativeError);
  const e2 = t2 === 0 ? 0 : Math.abs(t2) * (coef2.error + second.relativeError);
  const relativeError = Number.isFinite(value) && value !== 0
    ? (e1 + e2 + EPS * Math.max(Math.abs(t1), Math.abs(t2))) / Math.abs(value)
    : Infinity;
  return { value, relativeError: Number.isNaN(relativeError) ? Infinity : relativeError, method: 'one-minus-z', pfaff: false };
}

function finiteAbs(x: number): number {
  return Number.isFinite(x) ? Math.abs(x) : 0;
}

/**
 * A&S 15.3.10-15.3.12 (DLMF 15.8.10): the limit of 15.3.6 when c - a - b = m is an integer,
 * where the two terms' poles cancel into logarithms and digammas. Written, as in Cephes' hyp2f1
 * (S. Moshier), as one logarithmic series plus, for m ≠ 0, a finite sum of |m| terms.
 * With e = |m|, d1 = max(m, 0), d2 = min(m, 0):
 *   Σ_t (a+d1)_t (b+d1)_t / (t! (t+e)!) (1-z)^t [ψ(1+t) + ψ(1+t+e) - ψ(a+t+d1) - ψ(b+t+d1) - ln(1-z)]
 *     × (-1)^e Γ(c) / (Γ(a+d2) Γ(b+d2)) × (1-z)^{max(m,0)}
 *   + Γ(e) Γ(c) / (Γ(a+d1) Γ(b+d1)) (1-z)^{min(m,0)} Σ_{n<e} (a+d2)_n (b+d2)_n / (n! (1-e)_n) (1-z)^n.
 */
export function hyp2f1OneMinusZInteger(a: number, b: number, c: number, z: number, m: number): Hyp2f1Evaluation {
  const s = 1 - z;
  const lnS = Math.log(s);
  const e = Math.abs(m);
  const d1 = m >= 0 ? m : 0;
  const d2 = m >= 0 ? 0 : m;
  const kMin = Math.max(0, -(a + d1), -(b + d1));
  let p = 1;
  let sum = 0;
  let absParts = 0;
  let converged = false;
  for (let t = 0; t < SERIES_MAX_TERMS; t++) {
    const psi1 = digamma(1 + t);
    const psi2 = digamma(1 + t + e);
    const psi3 = digamma(a + t + d1);
    const psi4 = digamma(b + t + d1);
    const bracket = psi1 + psi2 - psi3 - psi4 - lnS;
    const term = p * bracket;
    sum += term;
    absParts += Math.abs(p) * (Math.abs(psi1) + Math.abs(psi2) + Math.abs(psi3) + Math.abs(psi4) + Math.abs(lnS));
    const ratio = (s * (a + t + d1) * (b + t + d1)) / ((t + 1) * (t + 1 + e));
    p *= ratio;
    if (!Number.isFinite(sum)) break;
    if (p === 0) {
      converged = true;
      break;
    }
    if (t + 1 > kMin) {
      const rho = ratioBound(a + d1, b + d1, 1 + e, s, t + 1);
      // The bracket grows like 2 ln t at most, so |bracket| + 1 bounds the next few of them.
      if (rho < 1 && (Math.abs(p) * (Math.abs(bracket) + 1)) / (1 - rho) <= EPS * Math.abs(sum)) {
        converged = true;
        break;
      }
    }
  }
  const lnGc = lnGamma(c);
  const lnGa2 = lnGamma(a + d2);
  const lnGb2 = lnGamma(b + d2);
  const lnGe1 = lnGamma(e + 1);
  const logPart = signedExp(
    gammaSign(c) * gammaSign(a + d2) * gammaSign(b + d2) * (e % 2 === 1 ? -1 : 1),
    lnGc - lnGa2 - lnGb2 - lnGe1 + (m > 0 ? m * lnS : 0),
    Math.abs(lnGc) + finiteAbs(lnGa2) + finiteAbs(lnGb2) + lnGe1 + (m > 0 ? Math.abs(m * lnS) : 0),
  );
  const y = logPart.value === 0 ? 0 : logPart.value * sum;
  const yError =
    y === 0 ? 0 : Math.abs(y) * logPart.error + Math.abs(logPart.value) * 8 * EPS * absParts;

  let y1 = 0;
  let y1Error = 0;
  if (e >= 1) {
    let q = 1;
    let finite = 1;
    let absFinite = 1;
    for (let n = 1; n < e; n++) {
      q *= (s * (a + n - 1 + d2) * (b + n - 1 + d2)) / ((n - e) * n);
      finite += q;
      absFinite += Math.abs(q);
    }
    const lnGe = lnGamma(e);
    const lnGa1 = lnGamma(a + d1);
    const lnGb1 = lnGamma(b + d1);
    const finitePart = signedExp(
      gammaSign(c) * gammaSign(a + d1) * gammaSign(b + d1),
      lnGe + lnGc - lnGa1 - lnGb1 + (m < 0 ? m * lnS : 0),
      Math.abs(lnGe) + Math.abs(lnGc) + Math.abs(lnGa1) + Math.abs(lnGb1) + (m < 0 ? Math.abs(m * lnS) : 0),
    );
    y1 = finitePart.value * finite;
    y1Error = Math.abs(y1) * finitePart.error + Math.abs(finitePart.value) * roundingError(absFinite, 1, e) ;
  }
  const value = y + y1;
  let relativeError =
    converged && Number.isFinite(value) && value !== 0
      ? (yError + y1Error + EPS * Math.max(Math.abs(y), Math.abs(y1))) / Math.abs(value)
      : Infinity;
  if (Number.isNaN(relativeError)) relativeError = Infinity;
  return { value, relativeError, method: 'one-minus-z-integer', pfaff: false };
}

/**
 * c - a - b within h of the integer m: degree-6 Lagrange interpolation of 2F1/Γ(c) in c through
 * c0 + j·h, j = -3..3, c0 = a + b + m (the centre by the integer formula, the others by 15.3.6,
 * where the cancellation costs only about ε/h), then multiplied back by Γ(c). The error estimate
 * covers rounding only; the interpolation remainder is negligible by the choice of h.
 */
function hyp2f1NearInteger(a: number, b: number, c: number, z: number, m: number, h: number): Hyp2f1Evaluation {
  const c0 = a + b + m;
  const u = (c - c0) / h;
  const lnGc = lnGamma(c);
  let value = 0;
  let error = 0;
  for (let j = -NEAR_INTEGER_HALF_WIDTH; j <= NEAR_INTEGER_HALF_WIDTH; j++) {
    let weight = 1;
    for (let k = -NEAR_INTEGER_HALF_WIDTH; k <= NEAR_INTEGER_HALF_WIDTH; k++) {
      if (k !== j) weight *= (u - k) / (j - k);
    }
    const cj = c0 + j * h;
    const node = j === 0 ? hyp2f1OneMinusZInteger(a, b, cj, z, m) : hyp2f1OneMinusZ(a, b, cj, z);
    // Node value / Γ(cj) × Γ(c), with the two gamma functions combined in log space.
    const scaled = gammaSign(cj) * gammaSign(c) * Math.exp(lnGc - lnGamma(cj)) * node.value;
    value += weight * scaled;
    error += Math.abs(weight * scaled) * node.relativeError;
  }
  let relativeError = Number.isFinite(value) && value !== 0 ? (error + 4 * EPS * (Math.abs(lnGc) + 1) * Math.abs(value)) / Math.abs(value) : Infinity;
  if (Number.isNaN(relativeError)) relativeError = Infinity;
  return { value, relativeError, method: 'one-minus-z-near-integer', pfaff: false };
}

/** The 1 - z transformation suited to c - a - b: general, integer, or next to an integer. */
function hyp2f1Transformed(a: number, b: number, c: number, z: number): Hyp2f1Evaluation {
  const d = c - a - b;
  const m = Math.round(d);
  const delta = d - m;
  if (delta === 0) return hyp2f1OneMinusZInteger(a, b, c, z, m);
  const scale = Math.max(1, Math.abs(Math.log1p(-z)), Math.log1p(Math.abs(c)));
  const h = Math.min(NEAR_INTEGER_MAX_STEP, NEAR_INTEGER_SCALE / scale);
  if (Math.abs(delta) < h) return hyp2f1NearInteger(a, b, c, z, m, h);
  return hyp2f1OneMinusZ(a, b, c, z);
}

function fromSeries(
  result: { value: number; relativeError: number; converged: boolean },
  method: Hyp2f1Method,
): Hyp2f1Evaluation {
  return { value: result.value, relativeError: result.converged ? result.relativeError : Infinity, method, pfaff: false };
}

/**
 * 2F1(a, b; c; z) for real z < 1 with the method used and an error estimate; never throws for
 * lack of convergence (relativeError is then large or Infinity). Strategy:
 * z < 0: Pfaff's transformation 2F1(a,b;c;z) = (1-z)^{-a} 2F1(a, c-b; c; z/(z-1)) (DLMF 15.8.1)
 * maps z into (0, 1). z <= 0.9: the defining series. z > 0.9: a short series attempt, then the
 * 1 - z transformation (A&S 15.3.6, or 15.3.10-12 when c - a - b is an integer), then a long
 * series as a last resort; the estimate with the smallest error wins.
 * Throws RangeError for non-finite arguments, z >= 1, or c a non-positive integer.
 */
export function hyp2f1Detailed(a: number, b: number, c: number, z: number): Hyp2f1Evaluation {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError(`hyp2f1: non-finite argument (a=${a}, b=${b}, c=${c}, z=${z})`);
  if (!(z < 1)) throw new RangeError(`hyp2f1: z must be below 1 (got ${z}); the series diverges there`);
  if (isNonPositiveInteger(c)) throw new RangeError(`hyp2f1: c must not be 0 or a negative integer (got ${c})`);
  if (z === 0) return { value: 1, relativeError: 0, method: 'series', pfaff: false };
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    // A polynomial of degree -a (or -b): the finite sum is exact for any z.
    return fromSeries(hyp2f1Series(a, b, c, z, LAST_RESORT_MAX_TERMS), 'polynomial');
  }
  if (z < 0) {
    const w = z / (z - 1);
    if (!(w < 1)) throw new RangeError(`hyp2f1: z = ${z} is too far below 0 for Pfaff's transformation`);
    const inner = hyp2f1Detailed(a, c - b, c, w);
    const factor = Math.exp(-a * Math.log1p(-z));
    return {
      value: factor * inner.value,
      relativeError: inner.relativeError + EPS * (2 + Math.abs(a * Math.log1p(-z))),
      method: inner.method,
      pfaff: true,
    };
  }
  const tried: Hyp2f1Evaluation[] = [];
  const series = hyp2f1Series(a, b, c, z, z <= SERIES_FIRST_MAX_Z ? SERIES_MAX_TERMS : QUICK_SERIES_MAX_TERMS);
  const first = fromSeries(series, 'series');
  if (first.relativeError <= ACCEPT_RELATIVE_ERROR) return first;
  tried.push(first);
  const transformed = hyp2f1Transformed(a, b, c, z);
  if (transformed.relativeError <= ACCEPT_RELATIVE_ERROR) return transformed;
  tried.push(transformed);
  if (series.terms < LAST_RESORT_MAX_TERMS && !series.converged) {
    tried.push(fromSeries(hyp2f1Series(a, b, c, z, LAST_RESORT_MAX_TERMS), 'series'));
  }
  let best = tried[0]!;
  for (const candidate of tried) if (candidate.relativeError < best.relativeError) best = candidate;
  return best;
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real z < 1 (see hyp2f1Detailed for the methods).
 * Throws RangeError when no method reaches a relative error of HYP2F1_MAX_RELATIVE_ERROR (1e-8),
 * rather than returning an inaccurate number, and when the value overflows.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const result = hyp2f1Detailed(a, b, c, z);
  if (!(result.relativeError <= HYP2F1_MAX_RELATIVE_ERROR) || !Number.isFinite(result.value)) {
    throw new RangeError(
      `hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge to a reliable value ` +
        `(best ${result.method}: ${result.value}, estimated relative error ${result.relativeError})`,
    );
  }
  return result.value;
}
