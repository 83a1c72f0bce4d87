import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  simulateGammaGammaCustomers,
  type GammaGammaFit,
  type GammaGammaFitted,
  type GammaGammaParams,
  type SpendHistory,
} from '../../../src/lib/clv/gammaGamma.ts';
import { createRng } from '../../../src/lib/clv/random.ts';

// Reference data lives outside the repo: <repo>/../shared/data/cdnow, or $LTV_SHARED_DIR/data/cdnow.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sharedDir = process.env.LTV_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const spendFile = path.join(sharedDir, 'data', 'cdnow', 'cdnow_customers_summary_with_transactions.csv');
const haveCdnow = existsSync(spendFile);

/** `ID,x,t_x,T,zbar`, CRLF, no trailing newline; zbar is the mean repeat-purchase value. */
function readCdnowSpend(): SpendHistory[] {
  const lines = readFileSync(spendFile, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [, x, , , zbar] = line.split(',').map(Number) as [number, number, number, number, number];
    return { frequency: x, monetaryValue: zbar };
  });
}

/** lifetimes' documented Gamma-Gamma fit of CDNOW (Fader, Hardie & Lee 2005: 6.25, 3.74, 15.44). */
const LIFETIMES: GammaGammaParams = { p: 6.248802, q: 3.744588, v: 15.447748 };

/** The fit, failing the test with the fit's own message when it did not fit. */
function fitted(fit: GammaGammaFit): GammaGammaFitted {
  if (!fit.ok) throw new Error(`expected a fit, got ${fit.reason}: ${fit.message}`);
  return fit;
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe.skipIf(!haveCdnow)(
  `Gamma-Gamma on CDNOW (${haveCdnow ? spendFile : `skipped: ${spendFile} not found; set LTV_SHARED_DIR`})`,
  () => {
    const customers = haveCdnow ? readCdnowSpend() : [];
    // As in lifetimes' documentation: the fit takes the customers with repeat purchases only.
    const repeaters = customers.filter((customer) => customer.frequency > 0);
    const fit = haveCdnow ? fitted(fitGammaGamma(repeaters)) : null;
    const estimate = fit?.params;

    it('uses the 946 customers with repeat purchases out of 2,357', () => {
      expect(customers).toHaveLength(2357);
      expect(fit!.customersUsed).toBe(946);
    });

    it.each([
      ['p', LIFETIMES.p],
      ['q', LIFETIMES.q],
      ['v', LIFETIMES.v],
    ] as const)('reproduces %s = %d (lifetimes docs; 6.25, 3.74, 15.44 in the paper)', (name, expected) => {
      expectRelative(estimate![name], expected, 1e-5);
    });

    it('reports the log-likelihood of the direct formula at the estimate (about -4055.9)', () => {
      expectRelative(gammaGammaLogLikelihood(estimate!, repeaters), fit!.logLikelihood, 1e-12);
      expect(fit!.logLikelihood).toBeCloseTo(-4055.92, 1);
      expect(gammaGammaLogLikelihood(LIFETIMES, repeaters)).toBeLessThanOrEqual(fit!.logLikelihood + 1e-9);
    });

    it("matches Hardie's spreadsheet for the first 10 customers' expected spend", () => {
      // From http://brucehardie.com/notes/025/ as quoted in lifetimes' tests (atol 0.1 there too,
      // with the rounded parameters 6.25, 3.74, 15.44).
      const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
      customers.slice(0, 10).forEach((customer, i) => {
        expect(Math.abs(gammaGammaExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, customer) - expected[i]!)).toBeLessThan(0.1);
        expect(Math.abs(gammaGammaExpectedSpend(estimate!, customer) - expected[i]!)).toBeLessThan(0.01);
      });
    });
  },
);

describe('gammaGammaExpectedSpend', () => {
  const params = { p: 6, q: 4, v: 15 };
  it.each([
    // p (v + x zbar) / (p x + q - 1), by hand:
    [0, 0, (6 * 15) / 3], // population mean p v / (q - 1) = 90 / 3 = 30
    [1, 10, (6 * 25) / 9], // 150 / 9 = 16.667: pulled up from 10 towards 30
    [10, 50, (6 * 515) / 63], // 3090 / 63 = 49.048: ten purchases, close to the customer's 50
    [2, 30, 30], // 6 (15 + 60) / 15 = 30: already at the population mean
  ])('x = %d, zbar = %d gives %d', (frequency, monetaryValue, expected) => {
    expectRelative(gammaGammaExpectedSpend(params, { frequency, monetaryValue }), expected, 1e-15);
  });

  it('lies between the customer mean and the population mean, and increases with zbar', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 1.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        (p, q, v, frequency, monetaryValue) => {
          const params = { p, q, v };
          const population = (p * v) / (q - 1);
          const spend = gammaGammaExpectedSpend(params, { frequency, monetaryValue });
          const slack = 1e-12 * Math.max(population, monetaryValue);
          expect(spend).toBeGreaterThanOrEqual(Math.min(population, monetaryValue) - slack);
          expect(spend).toBeLessThanOrEqual(Math.max(population, monetaryValue) + slack);
          expect(gammaGammaExpectedSpend(params, { frequency, monetaryValue: monetaryValue * 1.1 })).toBeGreaterThan(spend);
        },
      ),
    );
  });

  it('throws when the mean does not exist (q <= 1 without purchases), instead of a negative value', () => {
    expect(() => gammaGammaExpectedSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 0, monetaryValue: 0 })).toThrow(
      /q must exceed 1/,
    );
    // With purchases the posterior mean exists once p x + q > 1.
    expect(gammaGammaExpectedSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 1, monetaryValue: 20 })).toBeCloseTo(
      (2 * 30) / 1.8,
      12,
    );
  });
});

describe('fitGammaGamma', () => {
  // Recovery designs: every simulated customer has at least one repeat purchase (1 + Poisson).
  // Root-mean-square errors over 12 seeds: p 3 %, q 1 %, v 4 %, mean spend 0.4 % for the first
  // design; p 2 %, q 3 %, v 5 % for the second. Tolerances are about 4 of those.
  it.each([
    ['CDNOW-like dollars', { p: 6, q: 4, v: 15 }, 50_000, 2, 104729],
    ['yen, few purchases', { p: 2, q: 6, v: 20_000 }, 20_000, 2, 271828],
  ] as const)('recovers %s parameters from simulated customers', (_name, truth, n, meanRepeat, seed) => {
    const rng = createRng(seed);
    const frequencies = Array.from({ length: n }, () => 1 + rng.poisson(meanRepeat));
    const fit = fitted(fitGammaGamma(simulateGammaGammaCustomers(truth, frequencies, rng))).params;
    expect(Math.abs(fit.p / truth.p - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.q / truth.q - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.v / truth.v - 1)).toBeLessThan(0.2);
    const mean = (x: GammaGammaParams) => (x.p * x.v) / (x.q - 1);
    expect(Math.abs(mean(fit) / mean(truth) - 1)).toBeLessThan(0.02);
  });

  const good = { frequency: 1, monetaryValue: 10 };

  // Like lifetimes' GammaGammaFitter, which raises on monetary_value <= 0: a customer the model
  // cannot use is an error naming the customer and field, never a silent skip.
  it.each([
    [{ frequency: -1, monetaryValue: 10 }, /customer 1: frequency must be a whole number/],
    [{ frequency: 2.5, monetaryValue: 10 }, /customer 1: frequency/],
    [{ frequency: 2, monetaryValue: -5 }, /customer 1: monetaryValue must be a finite number >= 0/],
    [{ frequency: 2, monetaryValue: NaN }, /customer 1: monetaryValue/],
    [{ frequency: 0, monetaryValue: 0 }, /customer 1: frequency must be >= 1 for the Gamma-Gamma fit \(got 0\)/],
    [{ frequency: 0, monetaryValue: 12 }, /customer 1: frequency must be >= 1 for the Gamma-Gamma fit/],
    [{ frequency: 3, monetaryValue: 0 }, /customer 1: monetaryValue must be > 0 for the Gamma-Gamma fit \(got 0\)/],
  ])('rejects %j with a RangeError naming the customer and field', (bad, message) => {
    expect(() => fitGammaGamma([good, bad])).toThrow(RangeError);
    expect(() => fitGammaGamma([good, bad])).toThrow(message);
    expect(() => gammaGammaLogLikelihood({ p: 6, q: 4, v: 15 }, [good, bad])).toThrow(message);
  });

  const simulated = (seed: number, n: number) => {
    const rng = createRng(seed);
    return simulateGammaGammaCustomers({ p: 6, q: 4, v: 15 }, Array.from({ length: n }, () => 1 + rng.poisson(2)), rng);
  };

  // Each failure comes back as { ok: false, reason, message } with no parameters to predict from.
  it.each([
    ['no customers', [], {}, 'too-few-customers', /No customer with repeat purchases/],
    ['one customer', [{ frequency: 3, monetaryValue: 20 }], {}, 'too-few-customers', /Only one customer/],
    // Identical means: no spread between or within customers, so p -> ∞ and q -> ∞.
    ['identical spend', Array.from({ length: 100 }, (_, i) => ({ frequency: 1 + (i % 4), monetaryValue: 25 })), {}, 'parameter-run-off', /Parameter p ran off towards infinity/],
    ['an exhausted iteration budget', simulated(9, 300), { maxIterations: 2 }, 'not-converged', /Did not converge in 2 iterations/],
  ] as const)('returns ok: false without parameters for %s', (_name, customers, options, reason, message) => {
    const fit = fitGammaGamma(customers, options);
    expect(fit).toMatchObject({ ok: false, reason });
    expect(fit.message).toMatch(message);
    expect(fit).not.toHaveProperty('params');
  });

  it('rejects a negative penalizer', () => {
    expect(() => fitGammaGamma([good], { penalizer: -0.1 })).toThrow(/penalizer/);
  });
});
