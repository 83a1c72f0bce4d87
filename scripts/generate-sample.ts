/**
 * Writes the workbench's bundled sample data set, public/samples/tea-shop-transactions.csv:
 * two fiscal years (2024-04-01 to 2026-03-31) of a fictional tea shop with 3,000 members,
 * seed 20240401 (SAMPLE_OPTIONS in src/lib/workbench/sampleData.ts). UTF-8 with a BOM, so
 * Japanese Excel opens it cleanly. Run: `node scripts/generate-sample.ts`.
 * A unit test checks that the committed file is exactly what this script writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSample, SAMPLE_OPTIONS, SAMPLE_PATH, sampleCsv } from '../src/lib/workbench/sampleData.ts';

const file = path.resolve(import.meta.dirname, '..', 'public', SAMPLE_PATH.replace(/^\//, ''));
const lines = generateSample(SAMPLE_OPTIONS);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, '\uFEFF' + sampleCsv(lines));
const customers = new Set(lines.map((line) => line.customerId)).size;
console.log(`${path.relative(process.cwd(), file)}: ${lines.length} lines, ${customers} customers, seed ${SAMPLE_OPTIONS.seed}`);
