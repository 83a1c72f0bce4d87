import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv } from '../../../src/lib/clv/parse/index.ts';
import { summarizeTransactions, summarizeTransactionsReport } from '../../../src/lib/clv/summarize.ts';
import { cdnowDir, hasCdnow } from './shared-data.ts';

/**
 * Cross-check against lifetimes' published CDNOW summaries (see the data's README): parse the
 * raw sample, summarise the calibration period (to 1997-09-30, in weeks) and compare every
 * customer to 2 decimals.
 */
const read = (file: string): Buffer => readFileSync(path.join(cdnowDir, file));
/** A reference CSV as rows of numbers (header dropped; LF or CRLF; with or without a final newline). */
const table = (file: string): number[][] =>
  read(file).toString('utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
/**
 * Equal to 2 decimals: within half a cent of the rounded reference. (Not `round(x, 2) === ref`:
 * 18 means of two cent amounts end in exactly ½ cent, e.g. zbar 18.135 for customer 401, which
 * the reference rounds up to 18.14 while the binary double is 18.134999….)
 */
const sameTo2Decimals = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 0.005 + 1e-9;

describe.skipIf(!hasCdnow)('CDNOW reference data', () => {
  const sample = () =>
    // No header; columns id_total, id_sample, date (YYYYMMDD), num_cds, value.
    parseTransactionsCsv(read('CDNOW_sample.txt'), { columns: { customerId: 1, date: 2, amount: 4 } });
  const options = { observationEnd: '1997-09-30', unit: 'week' } as const;

  it('parses CDNOW_sample.txt: 6,919 rows, no issues, no header', () => {
    const parsed = sample();
    expect(parsed.delimiter).toBe('whitespace');
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows).toHaveLength(6919);
    // README totals: value 244,091.94.
    expect(parsed.rows.reduce((sum, r) => sum + r.amount, 0)).toBeCloseTo(244_091.94, 6);
  });

  it('matches frequency, recency and T of cdnow_customers_summary.csv for all 2,357 customers', () => {
    const report = summarizeTransactionsReport(sample().rows, options);
    expect(report).toMatchObject({ rowsUsed: 4960, rowsAfterObservationEnd: 1959, rowsInvalid: 0 });
    const reference = table('cdnow_customers_summary.csv');
    expect(report.customers).toHaveLength(2357);
    const mismatches = reference.filter(([id, frequency, recency, T], i) => {
      const s = report.customers[i]!;
      return !(Number(s.customerId) === id && s.frequency === frequency && sameTo2Decimals(s.recency, recency!) && sameTo2Decimals(s.T, T!));
    });
    expect(mismatches).toEqual([]);
    // README: 1,411 customers without a repeat, Σ frequency = 2,457.
    expect(report.customers.filter((s) => s.frequency === 0)).toHaveLength(1411);
    expect(report.customers.reduce((sum, s) => sum + s.frequency, 0)).toBe(2457);
  });

  it('matches zbar (mean repeat-day value) of cdnow_customers_summary_with_transactions.csv', () => {
    const summaries = summarizeTransactions(sample().rows, options);
    const reference = table('cdnow_customers_summary_with_transactions.csv');
    expect(reference).toHaveLength(2357);
    const mismatches = reference.filter(([id, x, tx, T, zbar], i) => {
      const s = summaries[i]!;
      return !(
        Number(s.customerId) === id &&
        s.frequency === x &&
        sameTo2Decimals(s.recency, tx!) &&
        sameTo2Decimals(s.T, T!) &&
        sameTo2Decimals(s.monetaryValue, zbar!)
      );
    });
    expect(mismatches).toEqual([]);
    expect(summaries.filter((s) => s.frequency > 0)).toHaveLength(946); // the Gamma-Gamma set
  });

  it('parses CDNOW_master.txt (header, padded columns, CRLF) with no issues', () => {
    const parsed = parseTransactionsCsv(read('CDNOW_master.txt'));
    expect(parsed.delimiter).toBe('whitespace');
    expect(parsed.columns).toMatchObject({
      customerId: { header: 'customer_id' },
      date: { header: 'date' },
      amount: { header: 'dollar_value' },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows).toHaveLength(69_659);
    expect(new Set(parsed.rows.map((r) => r.customerId)).size).toBe(23_570);
    expect(parsed.rows[0]).toEqual({ customerId: '00001', date: '1997-01-01', amount: 11.77 });
    const dates = parsed.rows.map((r) => r.date).sort();
    expect([dates[0], dates.at(-1)]).toEqual(['1997-01-01', '1998-06-30']);
  });
});
