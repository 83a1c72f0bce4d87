import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimizeBfgs, type ObjectiveWithGradient } from '../../../src/lib/clv/optimize.ts';

/** Rosenbrock's banana valley, minimum 0 at (1, 1): the classic test of a line search. */
const rosenbrock: ObjectiveWithGradient = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

/** Σ w_i (x_i - c_i)² with weights spanning `conditioning`: minimum 0 at c. */
function weightedQuadratic(centre: readonly number[], conditioning: number): ObjectiveWithGradient {
  const n = centre.length;
  const weights = centre.map((_, i) => Math.pow(conditioning, n === 1 ? 0 : i / (n - 1)));
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i]! - centre[i]!;
      f += weights[i]! * d * d;
      g[i] = 2 * weights[i]! * d;
    }
    return f;
  };
}

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock function from the standard start (-1.2, 1)', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
    expect(result.message).toMatch(/^Converged/);
  });

  it.each([
    // [centre, conditioning number of the Hessian]
    [[3], 1],
    [[1, -2], 10],
    [[0, 1, 2, 3], 1e3],
    [[5, -5, 0.5, 2, -1, 7], 1e4],
  ])('minimises a quadratic with minimum at %j (condition number %d)', (centre, conditioning) => {
    const result = minimizeBfgs(weightedQuadratic(centre, conditioning), centre.map(() => 0));
    expect(result.converged).toBe(true);
    result.x.forEach((value, i) => expect(value).toBeCloseTo(centre[i]!, 6));
  });

  it('minimises e^x - 2x at x = ln 2 (the shape of a log-parameterised likelihood)', () => {
    const result = minimizeBfgs((x, g) => {
      const e = Math.exp(x[0]!);
      g[0] = e - 2;
      return e - 2 * x[0]!;
    }, [3]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(Math.LN2, 8);
  });

  it('backs off from regions where the objective is not finite', () => {
    // (x - 1)² defined only for x < 1.5: the first steps from -4 would overshoot into NaN.
    const result = minimizeBfgs((x, g) => {
      g[0] = 2 * (x[0]! - 1);
      return x[0]! < 1.5 ? (x[0]! - 1) ** 2 : NaN;
    }, [-4]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
  });

  it('is deterministic: the same inputs give identical iterates', () => {
    const first = minimizeBfgs(rosenbrock, [-1.2, 1]);
    const second = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(second).toEqual(first);
  });

  it('converges on random convex quadratics from random starts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (centre, conditioning, start) => {
          const result = minimizeBfgs(weightedQuadratic(centre, conditioning), centre.map(() => start));
          expect(result.converged).toBe(true);
          result.x.forEach((value, i) => expect(Math.abs(value - centre[i]!)).toBeLessThan(1e-6 * (1 + Math.abs(centre[i]!))));
        },
      ),
      { numRuns: 50 },
    );
  });

  describe('reports failure as a value', () => {
    it('when the iteration budget runs out', () => {
      const result = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
      expect(result.converged).toBe(false);
      expect(result.iterations).toBe(3);
      expect(result.message).toMatch(/Did not converge in 3 iterations/);
    });

    it('when the objective is not finite at the start', () => {
      const result = minimizeBfgs((_x, g) => {
        g[0] = 0;
        return NaN;
      }, [0]);
      expect(result.converged).toBe(false);
      expect(result.message).toMatch(/not finite at the start/);
    });

    it('when the start point is not finite', () => {
      const result = minimizeBfgs(rosenbrock, [NaN, 1]);
      expect(result.converged).toBe(false);
      expect(result.message).toMatch(/start point is not finite/);
    });

    it('when the objective is unbounded below (steps are capped, the budget ends it)', () => {
      const result = minimizeBfgs((x, g) => {
        g[0] = 1;
        return x[0]!;
      }, [0], { maxIterations: 10, maxStep: 5 });
      expect(result.converged).toBe(false);
      expect(result.x[0]).toBeGreaterThanOrEqual(-50); // 10 steps of at most 5
      expect(result.message).toMatch(/Did not converge/);
    });

    it('when the gradient is wrong, so no descent is possible', () => {
      // f = x² but the reported gradient points uphill: the line search cannot decrease f.
      const result = minimizeBfgs((x, g) => {
        g[0] = -2 * x[0]!;
        return x[0]! * x[0]!;
      }, [1]);
      expect(result.converged).toBe(false);
      expect(result.message).toMatch(/Line search failed/);
    });
  });
});
