import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digamma, gammaSign, lnBeta, lnGamma, logSumExp, logSumExpArray } from '../../../src/lib/clv/special.ts';
import {
  hyp2f1,
  hyp2f1Detailed,
  hyp2f1OneMinusZ,
  hyp2f1OneMinusZInteger,
  hyp2f1Series,
} from '../../../src/lib/clv/hypergeometric.ts';

const EULER_GAMMA = 0.5772156649015329;

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('lnGamma', () => {
  // Closed forms: Γ(1/2) = √π, Γ(3/2) = √π/2, Γ(5/2) = 3√π/4, Γ(-1/2) = -2√π, Γ(n) = (n-1)!.
  // The others from mpmath.loggamma at 40 digits.
  it.each([
    [1, 0],
    [2, 0],
    [3, Math.log(2)],
    [10, Math.log(362880)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [2.5, Math.log((3 * Math.sqrt(Math.PI)) / 4)],
    [-0.5, Math.log(2 * Math.sqrt(Math.PI))],
    [100, 359.1342053695754],
    [1e-5, 11.512919692895826],
    [0.24, 1.3311791434660619],
    // Next to the zeros at 1 and 2, where only a series keeps the relative error small.
    [1.01, -0.0056903079460696505],
    [1.99, -0.0041955290887916687],
    [2.01, 0.0042600229070983458],
  ])('lnGamma(%d) = %d', (x, expected) => {
    if (expected === 0) expect(Math.abs(lnGamma(x))).toBeLessThan(1e-15);
    else expectRelative(lnGamma(x), expected, 2e-14);
  });

  it('is +Infinity at the poles and NaN for NaN', () => {
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
    expect(lnGamma(NaN)).toBeNaN();
  });

  it('satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const lhs = lnGamma(x + 1);
        const rhs = lnGamma(x) + Math.log(x);
        const scale = Math.abs(lnGamma(x)) + Math.abs(Math.log(x)) + 1;
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-14 * scale);
      }),
    );
  });

  it('gives the sign of Γ and 0 at its poles', () => {
    expect(gammaSign(2.5)).toBe(1);
    expect(gammaSign(-0.5)).toBe(-1); // Γ(-1/2) = -2√π
    expect(gammaSign(-1.5)).toBe(1); // Γ(-3/2) = 4√π/3
    expect(gammaSign(-2)).toBe(0);
  });
});

describe('digamma', () => {
  // ψ(1) = -γ, ψ(2) = 1 - γ, ψ(1/2) = -γ - 2 ln 2, ψ(3/2) = ψ(1/2) + 2; the rest from mpmath.
  it.each([
    [1, -EULER_GAMMA],
    [2, 1 - EULER_GAMMA],
    [0.5, -EULER_GAMMA - 2 * Math.log(2)],
    [1.5, -EULER_GAMMA - 2 * Math.log(2) + 2],
    [2.5, 0.70315664064524319],
    [100, 4.6001618527380874],
    [1e-5, -100000.57719921567],
    [0.24, -4.4061603457926036],
    [-0.5, 0.036489973978576521],
  ])('digamma(%d) = %d', (x, expected) => {
    // Absolute accuracy: relative is lost only next to the root near 1.4616.
    expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  it('is the derivative of lnGamma and satisfies ψ(x + 1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), (x) => {
        expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThanOrEqual(1e-13 * (1 + 1 / x));
        const h = 1e-5 * Math.max(1, x);
        const numeric = (lnGamma(x + h) - lnGamma(x - h)) / (2 * h);
        expect(Math.abs(numeric - digamma(x))).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(digamma(x))));
      }),
    );
  });
});

describe('lnBeta and logSumExp', () => {
  it.each([
    // B(1, 1) = 1, B(2, 3) = 1!·2!/4! = 1/12, B(1/2, 1/2) = π; B(0.3, 40) from mpmath.
    [1, 1, 0],
    [2, 3, Math.log(1 / 12)],
    [0.5, 0.5, Math.log(Math.PI)],
    [0.3, 40, -0.0082365242733524688],
  ])('lnBeta(%d, %d) = %d', (a, b, expected) => {
    // Absolute 1e-13: ln B(0.3, 40) is the difference of ln Γ(40) and ln Γ(40.3), both about 106.
    expect(Math.abs(lnBeta(a, b) - expected)).toBeLessThanOrEqual(1e-13);
  });

  it.each([
    [0, 0, Math.log(2)],
    [1000, 1000, 1000 + Math.log(2)], // e^1000 overflows; the log form does not
    [-1000, 0, Math.exp(-1000)], // ln(1 + e^-1000) = e^-1000 up to rounding: 0
    [-Infinity, 3, 3],
    [-Infinity, -Infinity, -Infinity],
  ])('logSumExp(%d, %d) = %d', (x, y, expected) => {
    expect(logSumExp(x, y)).toBeCloseTo(expected, 14);
  });

  it('logSumExpArray matches pairwise logSumExp and handles the empty list', () => {
    expect(logSumExpArray([])).toBe(-Infinity);
    expect(logSumExpArray([1, 2, 3])).toBeCloseTo(logSumExp(logSumExp(1, 2), 3), 14);
    expect(logSumExpArray([-800, -800])).toBeCloseTo(-800 + Math.log(2), 12);
  });
});

describe('hyp2f1', () => {
  // Closed forms: 2F1(1,1;2;z) = -ln(1-z)/z; 2F1(1/2,1/2;3/2;z²) = arcsin(z)/z; 2F1(a,b;b;z) = (1-z)^-a;
  // 2F1(-2,3;4;z) = 1 - 1.5z + 0.6z² (a terminating series). The others from mpmath.hyp2f1 (40 digits).
  it.each([
    [1, 1, 2, 0.5, 2 * Math.log(2), 'series'],
    [1, 1, 2, 0.999, -Math.log(0.001) / 0.999, 'one-minus-z-integer'], // c - a - b = 0
    [0.5, 0.5, 1.5, 0.25, Math.PI / 3, 'series'],
    [2, 3, 3, 0.95, 400, 'one-minus-z-integer'], // c - a - b = -2
    [-2, 3, 4, 0.97, 1 - 1.5 * 0.97 + 0.6 * 0.97 * 0.97, 'polynomial'],
    [1, 1, 2, -1, Math.log(2), 'series'], // Pfaff: z = -1 -> 1/2
    [0.5, 1.25, 2.0, 0.3, 1.1137259870194439, 'series'],
    [2.2426, 4.4259, 4.2188, 0.9, 248.67619330287587, 'series'],
    [0.4, 0.25, 1.9, 0.97, 1.0852819066044872, 'one-minus-z'],
    [0.4, 0.25, 1.9, 0.999999, 1.0928144875620859, 'one-minus-z'],
    [1.5, 2.5, 4.0, 0.99, 14.520358060671332, 'one-minus-z-integer'],
    [1.5, 2.5, 4.0001, 0.99, 14.517969585933169, 'one-minus-z-near-integer'],
    [1.5, 2.5, 3.9999, 0.99, 14.522747132281738, 'one-minus-z-near-integer'],
    [3, 2, 4, 0.999, 2967.4439006638379, 'one-minus-z-integer'],
    [0.7, -0.2, 32.5, 0.9999, 0.99560087867349271, 'series'], // c = 32.5 large next to a b: few terms
    [1.5, 2.5, 2.0, 0.995, 33995.102991343133, 'one-minus-z-integer'],
    [50.2, 52.4, 52.2, 0.5, 1479876085424356.2, 'series'],
    [2, 0.5, 1.2, -5, 0.28540622316509132, 'series'], // Pfaff: z = -5 -> 5/6
    [0.7, 0.3, 400, 0.999, 1.000525926287662, 'series'], // large c: the series is fast even near 1
  ])('2F1(%d, %d; %d; %d) = %d by %s', (a, b, c, z, expected, method) => {
    const result = hyp2f1Detailed(a, b, c, z);
    expect(result.method).toBe(method);
    expectRelative(result.value, expected, 1e-12);
    expect(result.relativeError).toBeLessThan(1e-10);
    expect(hyp2f1(a, b, c, z)).toBe(result.value);
  });

  it('matches -ln(1 - z)/z for 2F1(1, 1; 2; z) over all of [0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1 - 1e-12, noNaN: true }), (z) => {
        expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-12);
      }),
    );
  });

  it('matches (1 - z)^-a for 2F1(a, b; b; z), whatever branch c - a - b = -a selects', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (a, b, z) => {
          expectRelative(hyp2f1(a, b, b, z), Math.pow(1 - z, -a), 1e-10);
        },
      ),
    );
  });

  // Where both converge (z in [0.85, 0.97]) the transformations must agree with the series. They
  // are only used above z = 0.9; lower down their own error estimate grows (1 - z is no longer
  // small), so the comparison allows for both estimates.
  const withinEstimates = (x: { value: number; relativeError: number }, y: { value: number; relativeError: number }) => {
    expect(Math.abs(x.value - y.value) / Math.abs(y.value)).toBeLessThanOrEqual(1e-10 + x.relativeError + y.relativeError);
    expect(x.relativeError).toBeLessThan(1e-8);
  };

  it('gives the same value by the 1 - z transformation (A&S 15.3.6) as by the series', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: 0.1, max: 12, noNaN: true }),
        fc.double({ min: 0.85, max: 0.97, noNaN: true }),
        (a, b, c, z) => {
          const d = c - a - b;
          fc.pre(Math.abs(d - Math.round(d)) > 0.01); // 15.3.6 needs c - a - b away from integers
          const series = hyp2f1Series(a, b, c, z);
          expect(series.converged).toBe(true);
          withinEstimates(hyp2f1OneMinusZ(a, b, c, z), series);
        },
      ),
    );
  });

  it('gives the same value by the integer-case formulas (A&S 15.3.10-12) as by the series', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.integer({ min: -3, max: 4 }),
        fc.double({ min: 0.85, max: 0.97, noNaN: true }),
        (a, b, m, z) => {
          const c = a + b + m;
          fc.pre(c > 0.05);
          const series = hyp2f1Series(a, b, c, z);
          expect(series.converged).toBe(true);
          withinEstimates(hyp2f1OneMinusZInteger(a, b, c, z, m), series);
        },
      ),
    );
  });

  it("agrees with Euler's transformation (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z) near z = 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 6, noNaN: true }),
        fc.double({ min: 0.05, max: 6, noNaN: true }),
        fc.double({ min: 0.1, max: 15, noNaN: true }),
        fc.double({ min: 0.9, max: 0.99999, noNaN: true }),
        (a, b, c, z) => {
          const direct = hyp2f1(a, b, c, z);
          const euler = Math.pow(1 - z, c - a - b) * hyp2f1(c - a, c - b, c, z);
          expectRelative(direct, euler, 1e-8);
        },
      ),
    );
  });

  it("agrees with the plain series for negative z (Pfaff's transformation)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 6, noNaN: true }),
        fc.double({ min: 0.05, max: 6, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -0.5, max: -1e-6, noNaN: true }),
        (a, b, c, z) => {
          const result = hyp2f1Detailed(a, b, c, z);
          expect(result.pfaff).toBe(true);
          const series = hyp2f1Series(a, b, c, z);
          // Alternating series: judge against the size of its terms, not of the (maybe small) sum.
          expect(Math.abs(result.value - series.value)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(series.value)) + series.relativeError * Math.abs(series.value));
        },
      ),
    );
  });

  it('rejects arguments outside its domain with a RangeError', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError); // diverges at z = 1 when c - a - b <= 0
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(/z must be below 1/);
    expect(() => hyp2f1(1, 1, 0, 0.5)).toThrow(/c must not be 0 or a negative integer/);
    expect(() => hyp2f1(1, 1, -3, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(NaN, 1, 2, 0.5)).toThrow(/non-finite/);
  });

  it('throws instead of returning Infinity when the value overflows', () => {
    // 2F1(400, 400; 1; 0.9) is about 10^1000.
    expect(() => hyp2f1(400, 400, 1, 0.9)).toThrow(/did not converge to a reliable value/);
  });

  it('reports a series that runs out of terms as not converged', () => {
    const result = hyp2f1Series(1, 1, 2, 0.999, 10);
    expect(result.converged).toBe(false);
    expect(result.relativeError).toBe(Infinity);
  });
});
