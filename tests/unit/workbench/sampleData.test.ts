import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_HEADER, SAMPLE_OPTIONS, SAMPLE_PATH, sampleCsv } from '../../../src/lib/workbench/sampleData.ts';

describe('the bundled sample', () => {
  it('is exactly what the generator writes for the documented seed (scripts/generate-sample.ts)', () => {
    const file = readFileSync(path.resolve(import.meta.dirname, '../../../public', SAMPLE_PATH.slice(1)), 'utf8');
    expect(file).toBe('\uFEFF' + sampleCsv(generateSample(SAMPLE_OPTIONS)));
  });

  it('covers two fiscal years, a few thousand customers, in date order, with a few refunds', () => {
    const lines = generateSample(SAMPLE_OPTIONS);
    const customers = new Set(lines.map((line) => line.customerId));
    expect(customers.size).toBe(SAMPLE_OPTIONS.customers);
    expect(lines[0]!.date >= SAMPLE_OPTIONS.start).toBe(true);
    expect(lines.at(-1)!.date <= SAMPLE_OPTIONS.end).toBe(true);
    expect(lines.every((line, i) => i === 0 || lines[i - 1]!.date <= line.date)).toBe(true);
    const refunds = lines.filter((line) => line.amount < 0).length;
    expect(refunds).toBeGreaterThan(0);
    expect(refunds).toBeLessThan(lines.length * 0.01);
    expect(sampleCsv(lines).split('\r\n')[0]).toBe(SAMPLE_HEADER.join(','));
  });

  it('is deterministic for a seed and differs for another', () => {
    const small = { ...SAMPLE_OPTIONS, customers: 50 };
    expect(generateSample(small)).toEqual(generateSample(small));
    expect(generateSample({ ...small, seed: 1 })).not.toEqual(generateSample(small));
  });
});
