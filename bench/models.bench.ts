/**
 * Fitting benchmarks for the probabilistic models: BG/NBD and Gamma-Gamma on the CDNOW sample
 * (2,357 / 946 customers, from ../shared/data/cdnow or $LTV_SHARED_DIR/data/cdnow; simulated
 * stand-ins of the same size when the files are absent) and on 100,000 simulated customers.
 * Targets: a few ms for CDNOW, under 1 s for 100,000 customers on a 2-core machine. Also the
 * BG/NBD setup on 24,000 and 240,000 distinct customers and their ratio (linear: about 10).
 *
 * Runs under plain Node 24 (type stripping): `.ts` imports, no TypeScript-only syntax.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './harness.ts';
import type { RepeatHistory } from '../src/lib/clv/types.ts';
import type { SpendHistory } from '../src/lib/clv/gammaGamma.ts';
import { measure, median } from './harness.ts';
import { createRng } from '../src/lib/clv/random.ts';
import { fitBgNbd, simulateBgNbdCustomers, type BgNbdFit } from '../src/lib/clv/bgnbd.ts';
import { fitGammaGamma, simulateGammaGammaCustomers, type GammaGammaFit } from '../src/lib/clv/gammaGamma.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.LTV_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const cdnowDir = path.join(sharedDir, 'data', 'cdnow');

/** Published CDNOW estimates, used to simulate look-alike data. */
const CDNOW_BG = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const CDNOW_GG = { p: 6.25, q: 3.74, v: 15.44 };

function csvRows(file: string): number[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** CDNOW calibration summary in weeks, or a simulated stand-in (ages 27..38.86 weeks like CDNOW). */
function cdnowHistories(): { customers: RepeatHistory[]; source: string } {
  const file = path.join(cdnowDir, 'cdnow_customers_summary.csv');
  if (existsSync(file)) {
    const customers = csvRows(file).map(([, frequency, recency, T]) => ({ frequency: frequency!, recency: recency!, T: T! }));
    return { customers, source: 'CDNOW' };
  }
  return { customers: simulatedHistories(2357, 1997), source: 'simulated (CDNOW files absent)' };
}

function cdnowSpend(): { customers: SpendHistory[]; source: string } {
  const file = path.join(cdnowDir, 'cdnow_customers_summary_with_transactions.csv');
  if (existsSync(file)) {
    // The Gamma-Gamma takes the customers with repeat purchases only (946 of 2,357).
    const customers = csvRows(file)
      .map(([, x, , , zbar]) => ({ frequency: x!, monetaryValue: zbar! }))
      .filter((customer) => customer.frequency > 0);
    return { customers, source: 'CDNOW' };
  }
  return { customers: simulatedSpend(946, 1997), source: 'simulated (CDNOW files absent)' };
}

/** Continuous ages, so almost every history is distinct: the worst case for aggregation. */
function simulatedHistories(n: number, seed: number): RepeatHistory[] {
  const rng = createRng(seed);
  const ages = Array.from({ length: n }, () => 27 + 11.86 * rng.next());
  return simulateBgNbdCustomers(CDNOW_BG, ages, rng);
}

function simulatedSpend(n: number, seed: number): SpendHistory[] {
  const rng = createRng(seed);
  const frequencies = Array.from({ length: n }, () => 1 + rng.poisson(2));
  return simulateGammaGammaCustomers(CDNOW_GG, frequencies, rng);
}

/** What a fit found: the parameters when it fitted, the reason when not. */
function bgFigures(fit: BgNbdFit): Record<string, string | number> {
  if (!fit.ok) return { fitted: 'no', reason: fit.reason, iterations: fit.iterations };
  const { r, alpha, a, b } = fit.params;
  return { fitted: 'yes', iterations: fit.iterations, r: r.toFixed(4), alpha: alpha.toFixed(4), a: a.toFixed(4), b: b.toFixed(4) };
}

function ggFigures(fit: GammaGammaFit): Record<string, string | number> {
  if (!fit.ok) return { fitted: 'no', reason: fit.reason, iterations: fit.iterations };
  const { p, q, v } = fit.params;
  return { fitted: 'yes', iterations: fit.iterations, p: p.toFixed(4), q: q.toFixed(4), v: v.toFixed(4) };
}

/**
 * The fit's setup (input checks, merging identical histories, one likelihood evaluation:
 * fitBgNbd with maxIterations 0) on 24,000 and 240,000 distinct customers. Linear work takes
 * about 10 times as long on 10 times the customers; the ratio is printed to show it. Besides the
 * wall time, the median CPU time of the process is printed: on a shared machine it is not
 * inflated by waiting for a core, so its ratio is the steadier figure.
 */
async function measureBgNbdSetup(quick: boolean): Promise<Measurement[]> {
  const setup = { maxIterations: 0 };
  const runs = quick ? 5 : 21;
  const measurements: Measurement[] = [];
  const cpuMedians: number[] = [];
  for (const size of [24_000, 240_000]) {
    const customers = simulatedHistories(size, 4242);
    const cpuMs: number[] = [];
    const measurement = await measure(
      `fitBgNbd setup, ${size.toLocaleString('en-US')} distinct customers`,
      () => {
        const before = process.cpuUsage();
        fitBgNbd(customers, setup);
        const used = process.cpuUsage(before);
        cpuMs.push((used.user + used.system) / 1000);
      },
      { runs, warmup: quick ? 1 : 3 },
    );
    // The warm-up runs are timed too: keep the measured ones only.
    const cpu = median(cpuMs.slice(-runs));
    cpuMedians.push(cpu);
    measurement.extra = { cpuMs: cpu.toFixed(2) };
    measurements.push(measurement);
  }
  const [small, large] = measurements as [Measurement, Measurement];
  large.extra = {
    ...large.extra,
    ratio: (large.medianMs / small.medianMs).toFixed(1),
    cpuRatio: (cpuMedians[1]! / cpuMedians[0]!).toFixed(1),
    linear: '~10',
  };
  return measurements;
}

/** Measures the model fits; `quick` runs 3 times each and uses 20,000 instead of 100,000 customers. */
export async function run({ quick }: { quick: boolean }): Promise<Measurement[]> {
  const runs = quick ? 3 : 20;
  const bigRuns = quick ? 3 : 5;
  // Small fits take milliseconds: warm the JIT up properly before timing them.
  const warmup = quick ? 1 : 5;
  const bigSize = quick ? 20_000 : 100_000;
  const bigLabel = quick ? '20,000 simulated (quick)' : '100,000 simulated';
  const results: Measurement[] = [];

  const small = cdnowHistories();
  let bgSmall = fitBgNbd(small.customers);
  const m1 = await measure(`fitBgNbd, ${small.customers.length} customers (${small.source})`, () => {
    bgSmall = fitBgNbd(small.customers);
  }, { runs, warmup });
  m1.extra = { ...bgFigures(bgSmall), target: 'a few ms' };
  results.push(m1);

  const big = simulatedHistories(bigSize, 2024);
  let bgBig = fitBgNbd(big);
  const m2 = await measure(`fitBgNbd, ${bigLabel}`, () => {
    bgBig = fitBgNbd(big);
  }, { runs: bigRuns });
  m2.extra = { ...bgFigures(bgBig), target: '< 1000 ms at 100,000' };
  results.push(m2);

  results.push(...(await measureBgNbdSetup(quick)));

  const spend = cdnowSpend();
  let ggSmall = fitGammaGamma(spend.customers);
  const m3 = await measure(`fitGammaGamma, ${ggSmall.customersUsed} customers with repeats (${spend.source})`, () => {
    ggSmall = fitGammaGamma(spend.customers);
  }, { runs, warmup });
  m3.extra = ggFigures(ggSmall);
  results.push(m3);

  const bigSpend = simulatedSpend(bigSize, 2025);
  let ggBig = fitGammaGamma(bigSpend);
  const m4 = await measure(`fitGammaGamma, ${bigLabel}`, () => {
    ggBig = fitGammaGamma(bigSpend);
  }, { runs: bigRuns });
  m4.extra = { ...ggFigures(ggBig), target: '< 1000 ms at 100,000' };
  results.push(m4);

  return results;
}
