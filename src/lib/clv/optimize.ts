/**
 * Deterministic minimiser for smooth functions of a few variables: BFGS on the inverse Hessian
 * with a strong-Wolfe line search (Nocedal & Wright, "Numerical Optimization", 2nd ed., 2006:
 * Algorithm 6.1 for BFGS, Algorithms 3.5 and 3.6 for the line search, eq. 6.20 for the initial
 * Hessian scaling). The caller supplies analytic gradients.
 *
 * Failures are values: a non-finite objective at the start, an exhausted iteration budget or a
 * stalled line search come back with `converged: false` and a message, never as an exception.
 */

/** Writes ∇f(x) into `gradient` and returns f(x). May return Infinity or NaN where f is undefined. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** BFGS iterations before giving up. Default 200. */
  maxIterations?: number;
  /** Converged when max_i |∂f/∂x_i| <= gradientTolerance (absolute: scale f to O(1)). Default 1e-8. */
  gradientTolerance?: number;
  /**
   * When the line search can no longer decrease f (rounding noise), the point is still reported
   * as converged if the gradient is below this relative tolerance. Default 1e-5.
   */
  stalledGradientTolerance?: number;
  /** Largest change of any coordinate in one step (keeps log-parameters from overflowing). Default 5. */
  maxStep?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

/** Sufficient-decrease and curvature constants of the strong Wolfe conditions (N&W p. 142). */
const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH_EVALUATIONS = 30;
/** Relative change of f treated as rounding noise once the zoom has shrunk the step a few times. */
const NOISE_FLOOR = 1e-12;
const ZOOM_TRIALS_BEFORE_NOISE_CHECK = 6;

interface LineSearchResult {
  ok: boolean;
  step: number;
  value: number;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (!(a <= m)) m = a; // NaN propagates as NaN
  }
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/**
 * Minimises f from x0 with BFGS. Deterministic: same inputs, same iterates, on every platform.
 */
export function minimizeBfgs(
  objective: ObjectiveWithGradient,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 200;
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const stalledTolerance = options.stalledGradientTolerance ?? 1e-5;
  const maxStep = options.maxStep ?? 5;
  const n = x0.length;

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const p = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  const h = new Float64Array(n * n); // inverse Hessian approximation, row-major
  let evaluations = 0;

  const evaluate = (point: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    const value = objective(point, gradient);
    return Number.isFinite(value) && allFinite(gradient) ? value : NaN;
  };
  const resetHessian = (scale: number): void => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = scale;
  };
  const result = (value: number, iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x: Array.from(x),
    value,
    gradient: Array.from(g),
    iterations,
    evaluations,
    converged,
    message,
  });

  if (!allFinite(x)) return result(NaN, 0, false, 'The start point is not finite.');
  let f = evaluate(x, g);
  if (Number.isNaN(f)) return result(f, 0, false, 'The objective or its gradient is not finite at the start point.');
  resetHessian(1);
  let hessianIsIdentity = true;
  let scaled = false;
  let identityScale = 1;

  // Line search along p from x (value f, directional derivative d0 < 0), writing the accepted
  // point into xTrial / gTrial. Strong Wolfe via bracketing then zoom (N&W Algorithms 3.5, 3.6).
  const lineSearch = (d0: number, firstStep: number, maxAlpha: number): LineSearchResult => {
    const phiAt = (alpha: number): { value: number; slope: number } => {
      for (let i = 0; i < n; i++) xTrial[i] = x[i]! + alpha * p[i]!;
      const value = evaluate(xTrial, gTrial);
      return { value, slope: Number.isNaN(value) ? NaN : dot(gTrial, p) };
    };
    let used = 0;
    let prevAlpha = 0;
    let prevValue = f;
    let prevSlope = d0;
    let alpha = firstStep;
    const zoom = (
      loAlpha: number,
      loValue: number,
      loSlope: number,
      hiAlpha: number,
      hiValue: number,
      hiSlope: number,
    ): LineSearchResult => {
      let zoomed = 0;
      while (used < MAX_LINE_SEARCH_EVALUATIONS) {
        const width = hiAlpha - loAlpha;
        if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(loAlpha))) break;
        let trial = cubicMinimizer(loAlpha, loValue, loSlope, hiAlpha, hiValue, hiSlope);
        const lower = Math.min(loAlpha, hiAlpha) + 0.1 * Math.abs(width);
        const upper = Math.max(loAlpha, hiAlpha) - 0.1 * Math.abs(width);
        if (!(trial >= lower && trial <= upper)) trial = loAlpha + 0.5 * width;
        const at = phiAt(trial);
        used++;
        zoomed++;
        // After a few halvings, changes of f at rounding-noise level carry no information.
        if (zoomed >= ZOOM_TRIALS_BEFORE_NOISE_CHECK && Math.abs(at.value - f) <= NOISE_FLOOR * Math.abs(f)) break;
        if (Number.isNaN(at.value) || at.value > f + C1 * trial * d0 || at.value >= loValue) {
          hiAlpha = trial;
          hiValue = at.value;
          hiSlope = at.slope;
        } else {
          if (Math.abs(at.slope) <= -C2 * d0) return { ok: true, step: trial, value: at.value };
          if (at.slope * (hiAlpha - loAlpha) >= 0) {
            hiAlpha = loAlpha;
            hiValue = loValue;
            hiSlope = loSlope;
          }
          loAlpha = trial;
          loValue = at.value;
          loSlope = at.slope;
        }
      }
      // No point met the curvature condition; accept the best sufficient-decrease point if any.
      if (loAlpha > 0 && loValue < f) {
        const at = phiAt(loAlpha);
        if (!Number.isNaN(at.value)) return { ok: true, step: loAlpha, value: at.value };
      }
      return { ok: false, step: 0, value: f };
    };
    while (used < MAX_LINE_SEARCH_EVALUATIONS) {
      const at = phiAt(alpha);
      used++;
      if (Number.isNaN(at.value) || at.value > f + C1 * alpha * d0 || (used > 1 && at.value >= prevValue)) {
        return zoom(prevAlpha, prevValue, prevSlope, alpha, at.value, at.slope);
      }
      if (Math.abs(at.slope) <= -C2 * d0) return { ok: true, step: alpha, value: at.value };
      if (at.slope >= 0) return zoom(alpha, at.value, at.slope, prevAlpha, prevValue, prevSlope);
      if (alpha >= maxAlpha) return { ok: true, step: alpha, value: at.value }; // longest allowed step
      prevAlpha = alpha;
      prevValue = at.value;
      prevSlope = at.slope;
      alpha = Math.min(2 * alpha, maxAlpha);
    }
    // Still descending steeply after every doubling (f unbounded along p?): take the last,
    // largest decrease and let the iteration budget decide.
    if (prevAlpha > 0) {
      const at = phiAt(prevAlpha);
      if (!Number.isNaN(at.value) && at.value < f) return { ok: true, step: prevAlpha, value: at.value };
    }
    return { ok: false, step: 0, value: f };
  };

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradientNorm = maxAbs(g);
    if (gradientNorm <= gradientTolerance) {
      return result(f, iteration, true, `Converged: gradient ${gradientNorm.toExponential(2)} after ${iteration} iterations.`);
    }
    // Search direction p = -H g; fall back to steepest descent if H lost positive definiteness.
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= h[i * n + j]! * g[j]!;
      p[i] = sum;
    }
    let d0 = dot(g, p);
    if (!(d0 < 0)) {
      resetHessian(identityScale);
      hessianIsIdentity = true;
      for (let i = 0; i < n; i++) p[i] = -identityScale * g[i]!;
      d0 = dot(g, p);
    }
    const pNorm = maxAbs(p);
    // Unit step for quasi-Newton directions; a cautious first step for the unscaled steepest descent.
    let firstStep = hessianIsIdentity && !scaled ? Math.min(1, 1 / pNorm) : 1;
    if (firstStep * pNorm > maxStep) firstStep = maxStep / pNorm;
    const search = lineSearch(d0, firstStep, Math.max(firstStep, maxStep / pNorm));
    if (!search.ok) {
      const relative = gradientNorm / Math.max(1, Math.abs(f));
      if (relative <= stalledTolerance) {
        // Rounding noise in f now hides any decrease: restarting would only burn evaluations.
        return result(f, iteration, true, `Converged to rounding precision: no further decrease possible, gradient ${gradientNorm.toExponential(2)}.`);
      }
      if (!hessianIsIdentity) {
        // The quasi-Newton direction failed: restart from (scaled) steepest descent once.
        resetHessian(identityScale);
        hessianIsIdentity = true;
        continue;
      }
      return result(f, iteration, false, `Line search failed: no decrease found along the descent direction (gradient ${gradientNorm.toExponential(2)}).`);
    }
    let sy = 0;
    let yy = 0;
    let maxChange = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xTrial[i]! - x[i]!;
      y[i] = gTrial[i]! - g[i]!;
      sy += s[i]! * y[i]!;
      yy += y[i]! * y[i]!;
      maxChange = Math.max(maxChange, Math.abs(s[i]!) / Math.max(1, Math.abs(x[i]!)));
    }
    const previous = f;
    x.set(xTrial);
    g.set(gTrial);
    f = search.value;
    if (sy > 1e-12 * Math.sqrt(yy * dot(s, s))) {
      if (!scaled) {
        identityScale = sy / yy; // N&W eq. 6.20
        resetHessian(identityScale);
        scaled = true;
      }
      bfgsUpdate(h, n, s, y, sy, hy);
      hessianIsIdentity = false;
    }
    if (maxChange === 0 && f === previous) {
      const gradientNormNow = maxAbs(g);
      const ok = gradientNormNow / Math.max(1, Math.abs(f)) <= stalledTolerance;
      return result(f, iteration + 1, ok, ok ? 'Converged to rounding precision: the step vanished.' : 'Stalled: the step vanished before the gradient did.');
    }
  }
  const gradientNorm = maxAbs(g);
  if (gradientNorm <= gradientTolerance) {
    return result(f, maxIterations, true, `Converged: gradient ${gradientNorm.toExponential(2)} after ${maxIterations} iterations.`);
  }
  return result(f, maxIterations, false, `Did not converge in ${maxIterations} iterations (gradient ${gradientNorm.toExponential(2)}).`);
}

/** H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s) (N&W eq. 6.17), in place. */
function bfgsUpdate(h: Float64Array, n: number, s: Float64Array, y: Float64Array, sy: number, hy: Float64Array): void {
  const rho = 1 / sy;
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += h[i * n + j]! * y[j]!;
    hy[i] = sum;
    yhy += y[i]! * sum;
  }
  // Expanded form: H + ρ²(yᵀHy) s sᵀ + ρ s sᵀ - ρ (Hy sᵀ + s (Hy)ᵀ), H symmetric.
  const coef = rho * rho * yhy + rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] = h[i * n + j]! + coef * s[i]! * s[j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!);
    }
  }
}

/**
 * Minimiser of the cubic through (a, fa, da) and (b, fb, db) (N&W eq. 3.59); NaN when it does not
 * exist or the values are not finite, and the caller then bisects.
 */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  if (![fa, da, fb, db].every(Number.isFinite)) return NaN;
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const radicand = d1 * d1 - da * db;
  if (radicand < 0) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(radicand);
  return b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
}
