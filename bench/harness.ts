/** Small timing helpers for `npm run bench`: medians over repeated runs, never a single sample. */

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Free-form figures a benchmark wants to print beside the time (sizes, targets, ratios). */
  extra?: Record<string, string | number>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `runs` times after one warm-up and returns the median wall time. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  { runs = 5, warmup = 1 }: { runs?: number; warmup?: number } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { name, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

export function formatMeasurement(m: Measurement): string {
  const extra = m.extra ? '  ' + Object.entries(m.extra).map(([k, v]) => `${k}=${v}`).join('  ') : '';
  return `${m.name.padEnd(58)} median ${m.medianMs.toFixed(2).padStart(10)} ms  (min ${m.minMs.toFixed(2)}, max ${m.maxMs.toFixed(2)}, n=${m.runs})${extra}`;
}
