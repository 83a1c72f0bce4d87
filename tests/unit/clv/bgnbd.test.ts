import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNew,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
  simulateBgNbdCustomer,
  simulateBgNbdCustomers,
  type BgNbdFit,
  type BgNbdFitted,
  type BgNbdParams,
} from '../../../src/lib/clv/bgnbd.ts';
import { lnBeta } from '../../../src/lib/clv/special.ts';
import { createRng } from '../../../src/lib/clv/random.ts';
import type { RepeatHistory } from '../../../src/lib/clv/types.ts';

// Reference data lives outside the repo: <repo>/../shared/data/cdnow, or $LTV_SHARED_DIR/data/cdnow.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sharedDir = process.env.LTV_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const summaryFile = path.join(sharedDir, 'data', 'cdnow', 'cdnow_customers_summary.csv');
const haveCdnow = existsSync(summaryFile);

/** cdnow_customers_summary.csv: `ID,frequency,recency,T`, weeks, 2,357 rows. */
function readCdnowSummary(): RepeatHistory[] {
  const lines = readFileSync(summaryFile, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [, frequency, recency, T] = line.split(',').map(Number) as [number, number, number, number];
    return { frequency, recency, T };
  });
}

/** Published BG/NBD estimates for CDNOW (Fader, Hardie & Lee 2005; Hardie's Excel note). */
const PUBLISHED: BgNbdParams = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

/** The fit, failing the test with the fit's own message when it did not fit. */
function fitted(fit: BgNbdFit): BgNbdFitted {
  if (!fit.ok) throw new Error(`expected a fit, got ${fit.reason}: ${fit.message}`);
  return fit;
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/**
 * ∫_0^1 f(p) dp by tanh-sinh quadrature (Takahasi & Mori 1974): p = (1 + tanh(π/2 sinh t))/2,
 * which tames the endpoint singularities of Beta densities. Everything is kept in logs, because
 * with a or b as small as 0.1 the integrand decays only like p^0.1 at the ends and the nodes must
 * reach p ~ e^-1000. f gets ln p, ln(1 - p) and p, and returns ln of the integrand's positive
 * factor and its remaining factor.
 */
function integrateUnitInterval(
  f: (lnP: number, lnQ: number, p: number) => [number, number],
  h = 1 / 128,
  tMax = 6,
): number {
  // ln(1 / (1 + e^-u)) without overflow.
  const lnLogistic = (u: number) => (u > 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u)));
  let sum = 0;
  const steps = Math.round(tMax / h);
  for (let k = -steps; k <= steps; k++) {
    const t = k * h;
    const u = Math.PI * Math.sinh(t); // 2 × (π/2) sinh t
    const lnP = lnLogistic(u);
    const lnQ = lnLogistic(-u);
    const [lnPositive, factor] = f(lnP, lnQ, Math.exp(lnP));
    // dp/dt = π cosh(t) p (1 - p)
    sum += Math.exp(lnPositive + Math.log(Math.PI * Math.cosh(t)) + lnP + lnQ) * factor;
  }
  return sum * h;
}

/**
 * Eq. 10 by numeric integration over the model, independent of 2F1: given alive at T, λ ~
 * Gamma(r+x, α+T) and p ~ Beta(a, b+x); an alive customer buys (1 - e^{-λpt})/p in expectation
 * over (T, T+t], and E_λ[e^{-λpt}] = ((α+T)/(α+T+pt))^(r+x). So
 * E = P(alive) ∫ Beta(p; a, b+x) (1 - (1 + p t/(α+T))^-(r+x)) / p dp.
 */
function expectedPurchasesByIntegration(params: BgNbdParams, customer: RepeatHistory, t: number): number {
  const { r, alpha, a, b } = params;
  const x = customer.frequency;
  const s = t / (alpha + customer.T);
  const lnNorm = lnBeta(a, b + x);
  const integral = integrateUnitInterval((lnP, lnQ, p) => [
    (a - 1) * lnP + (b + x - 1) * lnQ - lnNorm,
    // (1 - (1 + p s)^-(r+x)) / p, which tends to (r+x) s as p -> 0.
    p < 1e-200 ? (r + x) * s : -Math.expm1(-(r + x) * Math.log1p(p * s)) / p,
  ]);
  return bgNbdProbabilityAlive(params, customer) * integral;
}

describe.skipIf(!haveCdnow)(
  `BG/NBD on CDNOW (${haveCdnow ? summaryFile : `skipped: ${summaryFile} not found; set LTV_SHARED_DIR`})`,
  () => {
    const customers = haveCdnow ? readCdnowSummary() : [];

    it('reads the 2,357 customers of the calibration period', () => {
      expect(customers).toHaveLength(2357);
      expect(customers.reduce((s, c) => s + c.frequency, 0)).toBe(2457); // README: Σ frequency
    });

    const fit = haveCdnow ? fitted(fitBgNbd(customers)) : null;
    const estimate = fit?.params;

    it('converges', () => {
      expect(fit!.ok).toBe(true);
      expect(fit!.message).toMatch(/^Converged/);
    });

    // Published to 4 decimals; we get r 0.242593, α 4.413532, a 0.792886, b 2.425753.
    it.each([
      ['r', PUBLISHED.r],
      ['alpha', PUBLISHED.alpha],
      ['a', PUBLISHED.a],
      ['b', PUBLISHED.b],
    ] as const)('reproduces the published %s = %d', (name, published) => {
      expect(Math.abs(estimate![name] - published)).toBeLessThan(2e-4);
    });

    it('reproduces the published log-likelihood -9582.4', () => {
      expect(fit!.logLikelihood).toBeCloseTo(-9582.4, 1);
      // The fast aggregated objective and the direct per-customer formula agree.
      expectRelative(bgNbdLogLikelihood(estimate!, customers), fit!.logLikelihood, 1e-12);
      // And the published point is (slightly) worse than ours.
      expect(bgNbdLogLikelihood(PUBLISHED, customers)).toBeLessThanOrEqual(fit!.logLikelihood);
    });

    it('gives the same estimate when every customer appears twice (weights are counts)', () => {
      const doubled = fitted(fitBgNbd([...customers, ...customers]));
      for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelative(doubled.params[name], estimate![name], 1e-6);
      expectRelative(doubled.logLikelihood, 2 * fit!.logLikelihood, 1e-9);
    });

    it('shrinks every parameter with a penalizer, more with a larger one (as lifetimes)', () => {
      const light = fitted(fitBgNbd(customers, { penalizer: 0.1 })).params;
      const heavy = fitted(fitBgNbd(customers, { penalizer: 10 })).params;
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(light[name]).toBeLessThan(estimate![name]);
        expect(heavy[name]).toBeLessThan(light[name]);
      }
    });

    it('predicts 1.226 purchases in 39 weeks for the paper customer from the fitted model', () => {
      const customer = { frequency: 2, recency: 30.43, T: 38.86 };
      expect(Math.abs(bgNbdExpectedPurchases(estimate!, customer, 39) - 1.226)).toBeLessThan(1e-3);
    });
  },
);

describe('BG/NBD closed forms at the published CDNOW parameters', () => {
  // Example customer of FHL / Hardie's Excel note: x = 2, t_x = 30.43, T = 38.86 weeks.
  const paperCustomer = { frequency: 2, recency: 30.43, T: 38.86 };

  it('eq. 10: 1.226 expected purchases in the next 39 weeks (mpmath: 1.22592265798703)', () => {
    expectRelative(bgNbdExpectedPurchases(PUBLISHED, paperCustomer, 39), 1.22592265798703, 1e-11);
  });

  it('P(alive) = 1/(1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) = 0.726614044854247', () => {
    // By hand: a/(b+1) = 0.7929/3.4259 = 0.231443; ((4.4136+38.86)/(4.4136+30.43))^2.2426
    // = 1.241938^2.2426 = 1.625656; 1/(1 + 0.231443 × 1.625656) = 0.726614.
    expectRelative(bgNbdProbabilityAlive(PUBLISHED, paperCustomer), 0.726614044854247, 1e-12);
  });

  // Eq. 9 against Hardie's Excel note (4 decimals, "Implementing the BG/NBD model") and mpmath.
  it.each([
    [0.1429, 0.0078, 0.00781618099189707],
    [1, 0.0532, 0.0531855412265393],
    [3, 0.1506, 0.150634501212865],
    [31.8571, 1.0405, 1.04052093206694],
    [32, 1.0437, 1.0437639538152],
    [39, 1.1950, 1.19504768151378], // a new customer's 39 weeks: 1.195, not 0.447
    [52, 1.4441, 1.44405999489824],
    [78, 1.8580, 1.85802390486629],
  ])('eq. 9: E[X(%d)] = %d (Excel) = %d (mpmath)', (t, excel, exact) => {
    const value = bgNbdExpectedPurchasesNew(PUBLISHED, t);
    expect(Math.abs(value - excel)).toBeLessThan(1e-4); // Excel used unrounded estimates
    expectRelative(value, exact, 1e-11);
  });

  // P(X(t) = n), eq. 8, against R BTYD's bgnbd.pmf as quoted by lifetimes' tests
  // (parameters rounded to 3 decimals there).
  const BTYD: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it.each([
    [2, 10, 1.07869e-7],
    [39, 0, 0.5737864],
    [30, 11, 0.0019995214],
    [30, 12, 0.0015170236],
    [30, 14, 0.0009003148],
    [30, 20, 0.000222226],
  ])('eq. 8: P(X(%d) = %d) = %d (R BTYD)', (t, n, expected) => {
    expectRelative(bgNbdProbabilityOfPurchases(BTYD, t, n), expected, 1e-5);
  });

  it.each([
    // By hand, n = 0 (first term of eq. 8 only): B(a, b)/B(a, b) (α/(α+t))^r = (4.414/6.414)^0.243 = 0.913192.
    [2, 0, Math.pow(4.414 / 6.414, 0.243)],
  ])('eq. 8 by hand: P(X(%d) = %d) = %d', (t, n, expected) => {
    expectRelative(bgNbdProbabilityOfPurchases(BTYD, t, n), expected, 1e-14);
  });

  it('eq. 8 sums to 1 and its mean is eq. 9', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= 5000; n++) {
      const probability = bgNbdProbabilityOfPurchases(PUBLISHED, 39, n);
      total += probability;
      mean += n * probability;
    }
    expect(total).toBeCloseTo(1, 10);
    expectRelative(mean, bgNbdExpectedPurchasesNew(PUBLISHED, 39), 1e-9);
  });
});

describe('BG/NBD closed forms against Monte-Carlo simulation of the model', () => {
  it('eq. 9: the mean of 200,000 simulated new customers over 39 weeks', () => {
    const rng = createRng(2005);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const { futurePurchases } = simulateBgNbdCustomer(PUBLISHED, 0, rng, 39);
      sum += futurePurchases;
      sumSquares += futurePurchases * futurePurchases;
    }
    const mean = sum / n;
    const standardError = Math.sqrt((sumSquares / n - mean * mean) / n); // ≈ 0.0057
    expect(Math.abs(mean - bgNbdExpectedPurchasesNew(PUBLISHED, 39))).toBeLessThan(4 * standardError);
  });

  it('P(alive) and eq. 10: simulated customers with x = 2 and t_x in [28, 33] at T = 38.86', () => {
    // Simulate 400,000 customers, keep those whose history resembles the paper customer, and
    // compare what the model hides (alive at T, purchases in the next 39 weeks) with the formulas
    // averaged over the same histories. About 4,800 are kept; standard errors ≈ 0.0065 and 0.023.
    const rng = createRng(11);
    let kept = 0;
    let alive = 0;
    let predictedAlive = 0;
    let future = 0;
    let futureSquares = 0;
    let predictedFuture = 0;
    for (let i = 0; i < 400_000; i++) {
      const c = simulateBgNbdCustomer(PUBLISHED, 38.86, rng, 39);
      if (c.frequency !== 2 || c.recency < 28 || c.recency > 33) continue;
      kept++;
      alive += c.alive ? 1 : 0;
      predictedAlive += bgNbdProbabilityAlive(PUBLISHED, c);
      future += c.futurePurchases;
      futureSquares += c.futurePurchases ** 2;
      predictedFuture += bgNbdExpectedPurchases(PUBLISHED, c, 39);
    }
    expect(kept).toBeGreaterThan(4000);
    const pAlive = predictedAlive / kept;
    expect(Math.abs(alive / kept - pAlive)).toBeLessThan(4 * Math.sqrt((pAlive * (1 - pAlive)) / kept));
    const meanFuture = future / kept;
    const standardError = Math.sqrt((futureSquares / kept - meanFuture ** 2) / kept);
    expect(Math.abs(meanFuture - predictedFuture / kept)).toBeLessThan(4 * standardError);
  });
});

describe('BG/NBD closed forms against numeric integration', () => {
  // Removable singularities of eq. 9/10: a = 1 (0/0 in (a+b+x-1)/(a-1)[...]) and a + b + x - 1 = 0.
  // Reference values from mpmath (a = 1 as the mean of a = 1 ± 1e-12 at 30 digits).
  it.each([
    [{ r: 0.5, alpha: 10, a: 1, b: 2 }, { frequency: 0, recency: 0, T: 0 }, 5, 0.22393922689539591],
    [{ r: 0.5, alpha: 10, a: 1, b: 2 }, { frequency: 3, recency: 8, T: 10 }, 50, 3.6554272774936007],
    [{ r: 0.5, alpha: 10, a: 1, b: 2 }, { frequency: 1, recency: 2, T: 20 }, 1000, 2.7374154865216345],
    [{ r: 0.5, alpha: 10, a: 1.0004, b: 2 }, { frequency: 0, recency: 0, T: 10 }, 100, 1.3396976861128245],
    [{ r: 0.5, alpha: 10, a: 0.999, b: 2 }, { frequency: 3, recency: 8, T: 10 }, 50, 3.6580368144527643],
    [{ r: 0.5, alpha: 10, a: 0.3, b: 0.7 }, { frequency: 0, recency: 0, T: 0 }, 5, 0.22761995370229966],
    [{ r: 0.5, alpha: 10, a: 0.3, b: 0.7 }, { frequency: 0, recency: 0, T: 10 }, 100, 1.5978178854627446],
    [{ r: 0.8, alpha: 3, a: 0.25, b: 0.5 }, { frequency: 1, recency: 2, T: 20 }, 1000, 3.8450868618130332],
    [{ r: 2, alpha: 1, a: 1.5, b: 0.5 }, { frequency: 1, recency: 2, T: 20 }, 1000, 0.0034629155695679373],
  ])('eq. 10 at %j for %j over t = %d is %d', (params, customer, t, expected) => {
    expectRelative(bgNbdExpectedPurchases(params, customer, t), expected, 1e-9);
  });

  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
    a: fc.double({ min: 0.1, max: 5, noNaN: true }),
    b: fc.double({ min: 0.1, max: 10, noNaN: true }),
  });
  const history = fc
    .record({
      frequency: fc.integer({ min: 0, max: 30 }),
      T: fc.double({ min: 0, max: 100, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ frequency, T, share }) => ({ frequency, T, recency: frequency === 0 ? 0 : share * T }));

  it('eq. 10 equals P(alive) × the posterior expectation integrated numerically', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.01, max: 5, noNaN: true }), (p, customer, horizonShare) => {
        const t = horizonShare * (p.alpha + customer.T);
        const closed = bgNbdExpectedPurchases(p, customer, t);
        const numeric = expectedPurchasesByIntegration(p, customer, t);
        expect(Math.abs(closed - numeric)).toBeLessThanOrEqual(1e-8 * Math.abs(numeric) + 1e-300);
      }),
      { numRuns: 200 },
    );
  });

  it('eq. 10 with x = 0 and T = 0 is eq. 9', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0, max: 1000, noNaN: true }), (p, t) => {
        const conditional = bgNbdExpectedPurchases(p, { frequency: 0, recency: 0, T: 0 }, t);
        expect(conditional).toBe(bgNbdExpectedPurchasesNew(p, t));
      }),
    );
  });
});

describe('BG/NBD properties', () => {
  const params = fc.record({
    r: fc.double({ min: 0.01, max: 20, noNaN: true }),
    alpha: fc.double({ min: 0.01, max: 500, noNaN: true }),
    a: fc.double({ min: 0.01, max: 20, noNaN: true }),
    b: fc.double({ min: 0.01, max: 50, noNaN: true }),
  });
  const history = fc
    .record({
      frequency: fc.integer({ min: 0, max: 2000 }),
      T: fc.double({ min: 0, max: 2000, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ frequency, T, share }) => ({ frequency, T, recency: frequency === 0 ? 0 : share * T }));

  it('P(alive) is a probability, exactly 1 without repeat purchases, never NaN', () => {
    fc.assert(
      fc.property(params, history, (p, customer) => {
        const alive = bgNbdProbabilityAlive(p, customer);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (customer.frequency === 0) expect(alive).toBe(1);
      }),
    );
  });

  it('P(alive) is 0, not NaN, for a heavy buyer silent for a long time (lifetimes overflow case)', () => {
    expect(bgNbdProbabilityAlive(PUBLISHED, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
    expect(bgNbdExpectedPurchases(PUBLISHED, { frequency: 1000, recency: 10, T: 100 }, 39)).toBe(0);
  });

  it('expected purchases are >= 0 and do not decrease with the horizon', () => {
    fc.assert(
      fc.property(
        params,
        history,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (p, customer, t1, t2) => {
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const eShort = bgNbdExpectedPurchases(p, customer, short);
          const eLong = bgNbdExpectedPurchases(p, customer, long);
          expect(eShort).toBeGreaterThanOrEqual(0);
          expect(eLong).toBeGreaterThanOrEqual(eShort - 1e-9 * eLong);
        },
      ),
    );
  });

  it('the reported log-likelihood of a fit is the direct formula at the estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const rng = createRng(seed);
        const ages = Array.from({ length: 300 }, () => 10 + 40 * rng.next());
        const customers = simulateBgNbdCustomers({ r: 0.6, alpha: 5, a: 0.8, b: 3 }, ages, rng);
        const fit = fitBgNbd(customers);
        if (!fit.ok) return;
        expectRelative(bgNbdLogLikelihood(fit.params, customers), fit.logLikelihood, 1e-10);
      }),
      { numRuns: 20 },
    );
  });
});

describe('BG/NBD model recovery from simulated customers', () => {
  // 12 seeds per design gave root-mean-square errors of about 2 % for r and α, 6-8 % for a and b
  // (dropout is seen only through silence) and 2 % for the mean rate r/α and the mean dropout
  // probability a/(a+b). The tolerances are roughly 4 of those standard errors.
  it.each([
    ['weekly, CDNOW-like', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 26, 52, 7919],
    ['weekly, active buyers', { r: 0.5, alpha: 4, a: 0.5, b: 3 }, 39, 78, 104729],
    ['daily', { r: 1.2, alpha: 60, a: 1.5, b: 4 }, 180, 365, 31337],
  ] as const)('recovers the %s parameters from 20,000 customers', (_name, truth, minT, maxT, seed) => {
    const rng = createRng(seed);
    const ages = Array.from({ length: 20_000 }, () => minT + (maxT - minT) * rng.next());
    const fit = fitted(fitBgNbd(simulateBgNbdCustomers(truth, ages, rng))).params;
    const relative = (name: 'r' | 'alpha' | 'a' | 'b') => Math.abs(fit[name] / truth[name] - 1);
    expect(relative('r')).toBeLessThan(0.1);
    expect(relative('alpha')).toBeLessThan(0.1);
    expect(relative('a')).toBeLessThan(0.25);
    expect(relative('b')).toBeLessThan(0.25);
    expect(Math.abs(fit.r / fit.alpha / (truth.r / truth.alpha) - 1)).toBeLessThan(0.08);
    expect(Math.abs(fit.a / (fit.a + fit.b) / (truth.a / (truth.a + truth.b)) - 1)).toBeLessThan(0.1);
  });
});

describe('BG/NBD invalid input and non-convergence', () => {
  const good: RepeatHistory[] = [
    { frequency: 0, recency: 0, T: 30 },
    { frequency: 2, recency: 20, T: 30 },
  ];

  it.each([
    [{ frequency: -1, recency: 0, T: 30 }, /customer 2: frequency must be a whole number/],
    [{ frequency: 1.5, recency: 3, T: 30 }, /customer 2: frequency must be a whole number/],
    [{ frequency: NaN, recency: 3, T: 30 }, /customer 2: frequency/],
    [{ frequency: 1, recency: 40, T: 30 }, /customer 2: recency \(40\) must not exceed T \(30\)/],
    [{ frequency: 1, recency: -1, T: 30 }, /customer 2: recency must be a finite number >= 0/],
    [{ frequency: 1, recency: 3, T: Infinity }, /customer 2: T must be a finite number/],
    [{ frequency: 1, recency: 3, T: -2 }, /customer 2: T must be/],
    // Recency is the time of the last repeat purchase: without a repeat there is none.
    [{ frequency: 0, recency: 3, T: 30 }, /customer 2: recency must be 0 when frequency is 0 \(got 3\)/],
    [{ frequency: 0, recency: 1e-9, T: 30 }, /customer 2: recency must be 0 when frequency is 0/],
  ])('fitBgNbd rejects %j with a RangeError naming the customer and field', (bad, message) => {
    expect(() => fitBgNbd([...good, bad])).toThrow(RangeError);
    expect(() => fitBgNbd([...good, bad])).toThrow(message);
  });

  it('predictions reject invalid parameters, horizons and counts', () => {
    const customer = { frequency: 1, recency: 5, T: 10 };
    expect(() => bgNbdProbabilityAlive({ ...PUBLISHED, a: 0 }, customer)).toThrow(/parameter a must be a finite number > 0/);
    expect(() => bgNbdExpectedPurchases({ ...PUBLISHED, r: NaN }, customer, 10)).toThrow(RangeError);
    expect(() => bgNbdExpectedPurchases(PUBLISHED, customer, -1)).toThrow(/t must be a finite number >= 0/);
    expect(() => bgNbdExpectedPurchasesNew(PUBLISHED, Infinity)).toThrow(RangeError);
    expect(() => bgNbdProbabilityOfPurchases(PUBLISHED, 10, 1.5)).toThrow(/n must be a whole number/);
    expect(() => bgNbdProbabilityAlive(PUBLISHED, { frequency: 1, recency: 11, T: 10 })).toThrow(/recency/);
    expect(() => fitBgNbd(good, { penalizer: -1 })).toThrow(/penalizer/);
  });

  it('predictions reject frequency 0 with a positive recency too', () => {
    const impossible = { frequency: 0, recency: 5, T: 10 };
    expect(() => bgNbdProbabilityAlive(PUBLISHED, impossible)).toThrow(/recency must be 0 when frequency is 0/);
    expect(() => bgNbdExpectedPurchases(PUBLISHED, impossible, 10)).toThrow(/recency must be 0 when frequency is 0/);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [impossible])).toThrow(/customer 0: recency must be 0/);
  });

  const simulated = (seed: number, ages: number[]) => simulateBgNbdCustomers(PUBLISHED, ages, createRng(seed));

  // Each failure comes back as { ok: false, reason, message } with no parameters to predict from.
  it.each([
    ['no customers', [], {}, 'no-customers', /No customers/],
    ['no repeat purchases', [{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 20 }], {}, 'no-repeat-purchases', /No customer has a repeat purchase/],
    ['no observation time', [{ frequency: 0, recency: 0, T: 0 }], {}, 'no-observation-time', /T = 0/],
    // Everyone bought on the last day: nothing suggests anyone dropped out. The optimiser stops
    // "converged to rounding precision" with r about 7e6, finite and useless: the fit says no.
    ['no sign of dropout', Array.from({ length: 200 }, (_, i) => ({ frequency: 1 + (i % 5), recency: 30, T: 30 })), {}, 'parameter-run-off', /r ran off towards infinity/],
    ['an exhausted iteration budget', simulated(5, Array.from({ length: 500 }, () => 39)), { maxIterations: 2 }, 'not-converged', /Did not converge in 2 iterations/],
  ] as const)('returns ok: false without parameters for %s', (_name, customers, options, reason, message) => {
    const fit = fitBgNbd(customers, options);
    expect(fit).toMatchObject({ ok: false, reason });
    expect(fit.message).toMatch(message);
    expect(fit).not.toHaveProperty('params');
  });

  it('reports the iterations spent when the budget runs out', () => {
    const fit = fitBgNbd(simulated(5, Array.from({ length: 500 }, () => 39)), { maxIterations: 2 });
    expect(fit.iterations).toBe(2);
  });
});
