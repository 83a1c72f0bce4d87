/**
 * `npm run bench` runs every `bench/*.bench.ts` and prints medians.
 * `npm run bench -- --quick` uses fewer runs and smaller inputs (CI); `--only parse` filters by file.
 * Each file runs in its own Node process, so memory figures of one do not leak into another.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatMeasurement, type Measurement } from './harness.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const here = import.meta.dirname;
const fileIndex = args.indexOf('--file');

if (fileIndex >= 0) {
  const file = args[fileIndex + 1]!;
  const module = (await import(path.join(here, file))) as { run(options: { quick: boolean }): Promise<Measurement[]> };
  for (const measurement of await module.run({ quick })) console.log(formatMeasurement(measurement));
} else {
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
  const files = (await readdir(here)).filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only))).sort();
  console.log(`LTV Dojo benchmarks — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${quick ? 'quick' : 'full'} mode`);
  let failed = false;
  for (const file of files) {
    console.log(`\n## ${file}`);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', path.join(here, 'run.ts'), '--file', file, ...(quick ? ['--quick'] : [])],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) failed = true;
  }
  if (failed) process.exit(1);
}
