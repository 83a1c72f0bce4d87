/**
 * A small seeded random number generator with the distributions the CLV models need for
 * simulation (tests, benchmarks, sample data). Deterministic for a seed on every platform.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer uniform in [min, max], both included. */
  int(min: number, max: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Exponential with the given rate (mean 1 / rate). */
  exponential(rate: number): number;
  /** Gamma with shape and scale (mean shape * scale). Marsaglia & Tsang (2000). */
  gamma(shape: number, scale: number): number;
  /** Beta(a, b) from two gammas. */
  beta(a: number, b: number): number;
  /** Poisson with mean lambda (Knuth for small means, normal approximation past 500). */
  poisson(lambda: number): number;
}

/** mulberry32: 32-bit state, good statistical quality for simulation, tiny and fast. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spareNormal: number | null = null;
  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  const gamma = (shape: number, scale: number): number => {
    if (!(shape > 0) || !(scale > 0)) throw new RangeError('gamma needs shape > 0 and scale > 0');
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) * U^(1/k).
      let u = 0;
      while (u === 0) u = next();
      return gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal,
    exponential: (rate) => {
      let u = 0;
      while (u === 0) u = next();
      return -Math.log(u) / rate;
    },
    gamma,
    beta: (a, b) => {
      const x = gamma(a, 1);
      const y = gamma(b, 1);
      return x / (x + y);
    },
    poisson: (lambda) => {
      if (lambda > 500) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
}
