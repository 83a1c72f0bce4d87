/**
 * Parsing and summarising a large transaction export: 1,000,000 rows for 100,000 customers
 * (~57 MB of UTF-8 with a Japanese header), the size of a mid-sized shop's two-year POS export.
 * Target: parse + summarise under 1.5 s and under 500 MB on a 2-core machine.
 *
 * Memory: a timing loop keeps earlier runs' garbage around, so the peak is measured in a fresh
 * Node process that reads the file, parses and summarises once (`jobPeakRssMB`, the whole
 * process: runtime, file bytes, rows and summaries). `heapRetainedMB` is the heap the parsed
 * rows hold; `benchMaxRssMB` is this process's own peak over all runs, generation included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/lib/clv/random.ts';
import { parseTransactionsCsv } from '../src/lib/clv/parse/index.ts';
import { summarizeTransactions } from '../src/lib/clv/summarize.ts';
import { dayNumberToIso, isoToDayNumber } from '../src/lib/clv/dates.ts';
import { measure, type Measurement } from './harness.ts';

const SEED = 20250401;
const FIRST_DAY = isoToDayNumber('2023-04-01');
const DAYS = 731; // two fiscal years
const OBSERVATION_END = '2025-03-31';
const HEADER = '注文番号,顧客ID,購入日時,商品コード,数量,金額\n';

/** Rows in date order (as exports are), customers drawn with a skew: a few buy often. */
function generateCsvBytes(rowCount: number, customerCount: number): Uint8Array {
  const rng = createRng(SEED);
  const lines: string[] = [];
  const chunks: Uint8Array[] = [new TextEncoder().encode(HEADER)];
  const encoder = new TextEncoder();
  for (let i = 0; i < rowCount; i++) {
    const day = FIRST_DAY + Math.floor((i * DAYS) / rowCount);
    const customer = Math.floor(customerCount * rng.next() ** 2); // skewed toward low ids
    const time = `${pad(rng.int(9, 20), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}`;
    const quantity = rng.int(1, 3);
    const amount = quantity * rng.int(3, 120) * 100;
    lines.push(`${100000000 + i},C${pad(customer, 7)},${dayNumberToIso(day)} ${time},SKU-${pad(rng.int(0, 9999), 5)},${quantity},${amount}\n`);
    if (lines.length === 50_000) chunks.push(encoder.encode(lines.splice(0).join('')));
  }
  chunks.push(encoder.encode(lines.join('')));
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const megabytes = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const SUMMARY_OPTIONS = { observationEnd: OBSERVATION_END, unit: 'week' } as const;

/** Medians of parse, summarise and both, with memory figures; quick mode uses 200,000 rows. */
export async function run({ quick }: { quick: boolean }): Promise<Measurement[]> {
  const rowCount = quick ? 200_000 : 1_000_000;
  const customerCount = rowCount / 10;
  const runs = quick ? 3 : 5;
  const label = `${rowCount.toLocaleString('en')} rows / ${customerCount.toLocaleString('en')} customers`;
  const bytes = generateCsvBytes(rowCount, customerCount);
  const job = measureFreshJob(bytes);
  const gc = (globalThis as { gc?: () => void }).gc;

  const parse = await measure(`parse ${label} (${megabytes(bytes.length)} MB UTF-8)`, () => parseTransactionsCsv(bytes), { runs });
  // The summarise runs need parsed rows; they are dropped afterwards so that the combined runs
  // do not carry a second million rows through every garbage collection.
  const { summarize, heapRetained, customers } = await (async () => {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const { rows, errors } = parseTransactionsCsv(bytes);
    if (errors.length > 0 || rows.length !== rowCount) throw new Error('bench input did not parse cleanly');
    gc?.();
    const retained = process.memoryUsage().heapUsed - heapBefore;
    const measurement = await measure(`summarize ${label}`, () => summarizeTransactions(rows, SUMMARY_OPTIONS), { runs });
    return { summarize: measurement, heapRetained: retained, customers: summarizeTransactions(rows, SUMMARY_OPTIONS).length };
  })();
  gc?.();
  const both = await measure(
    `parse + summarize ${label}`,
    () => summarizeTransactions(parseTransactionsCsv(bytes).rows, SUMMARY_OPTIONS),
    { runs },
  );
  // Without --expose-gc (`npm run bench` passes it) the heap figure would be noise.
  parse.extra = { inputMB: megabytes(bytes.length), heapRetainedMB: gc ? megabytes(heapRetained) : 'n/a (needs --expose-gc)' };
  summarize.extra = { customers };
  both.extra = {
    targetMs: 1500,
    jobMs: Math.round(job.ms),
    jobPeakRssMB: megabytes(job.maxRssBytes),
    targetMB: 500,
    benchMaxRssMB: megabytes(process.resourceUsage().maxRSS * 1024),
  };
  return [parse, summarize, both];
}

/** Runs one read + parse + summarise in a new Node process and reports its time and peak RSS. */
function measureFreshJob(bytes: Uint8Array): { ms: number; maxRssBytes: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ltv-parse-bench-'));
  try {
    const file = path.join(dir, 'transactions.csv');
    writeFileSync(file, bytes);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, LTV_PARSE_BENCH_INPUT: file },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`fresh-process job failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as { ms: number; maxRssBytes: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The child side of measureFreshJob: `LTV_PARSE_BENCH_INPUT=file node bench/parse.bench.ts`.
if (import.meta.main && process.env.LTV_PARSE_BENCH_INPUT) {
  const start = performance.now();
  const { rows } = parseTransactionsCsv(readFileSync(process.env.LTV_PARSE_BENCH_INPUT));
  const customers = summarizeTransactions(rows, SUMMARY_OPTIONS);
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, customers: customers.length }));
}
