import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv } from '../../../src/lib/clv/parse/index.ts';
import { batchBounds, columnNames, headerWidth, readInBatches, type BatchOptions } from '../../../src/lib/workbench/batches.ts';

const TODAY = '2026-01-31';
const options = (overrides: Partial<BatchOptions> = {}): BatchOptions => ({
  locale: 'ja',
  columns: { customerId: 0, date: 1, amount: 2 },
  hasHeader: true,
  delimiter: ',',
  firstCells: ['顧客ID', '日付', '金額'],
  firstLineCount: 1,
  observationEnd: TODAY,
  ...overrides,
});

/** 200 good rows with a problem every 37th row and a quoted amount with a comma every 11th. */
function messyCsv(): string {
  const lines = ['顧客ID,日付,金額'];
  for (let i = 1; i <= 200; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (i % 37 === 0) lines.push(`C${i % 9},not a date,100`);
    else if (i % 11 === 0) lines.push(`C${i % 9},${day},"1,${String(i).padStart(3, '0')}"`);
    else lines.push(`C${i % 9},${day},${i * 10}`);
  }
  lines.push('C1,2027-01-01,500'); // after today
  return lines.join('\r\n') + '\r\n';
}

describe('readInBatches', () => {
  it.each([64, 200, 1000, 1 << 20])('gives the same rows and row numbers as one parse (batches of %i bytes)', (batchSize) => {
    const text = messyCsv();
    const bytes = new TextEncoder().encode(text);
    const whole = parseTransactionsCsv(bytes, { observationEnd: TODAY });
    const batched = readInBatches(bytes, options({ batchSize }));
    expect(batched.rows).toEqual(whole.rows);
    expect(batched.rowsRead).toBe(whole.stats.totalRows);
    const report = batched.problems.report(batched.rowsRead, batched.rows.length);
    expect(report.list.map((p) => [p.row, p.column, p.code])).toEqual(
      [...whole.errors, ...whole.warnings].map((issue) => [issue.row, issue.column, issue.code]),
    );
    // Excel's numbering: the header is row 1, so data row i is row i + 1.
    expect(report.list[0]).toMatchObject({ row: 38, column: '日付', code: 'invalid-date', severity: 'error' });
    expect(report.list[0]!.reason).toBe('日付として読めません（"not a date"）');
    expect(report.byCode).toEqual({ 'invalid-date': 5, 'after-observation-end': 1 });
    // Today is the observation end: a later date is a date in the future.
    expect(report.list.at(-1)!.reason).toBe('今日（2026-01-31）より後の日付（2027-01-01）のため除外しました');
    expect(report.rowsSkipped).toBe(6);
  });

  it('reports progress after every batch, ending at the full size', () => {
    const bytes = new TextEncoder().encode(messyCsv());
    const seen: number[] = [];
    readInBatches(bytes, options({ batchSize: 1000, onProgress: ({ bytesRead }) => seen.push(bytesRead) }));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(bytes.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('reads the Shift_JIS fixture in tiny batches, Japanese cells and refund included', () => {
    const sjis = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/csv/transactions-sjis.csv')));
    const whole = parseTransactionsCsv(sjis);
    const batched = readInBatches(sjis, options({ firstCells: ['顧客ID', '購入日', '金額', '備考'], batchSize: 16 }));
    expect(batched.encoding).toBe('shift_jis');
    expect(batched.rows).toEqual(whole.rows);
    expect(batched.rows[0]).toEqual({ customerId: 'C001', date: '2025-04-01', amount: 5000 });
  });

  it('names columns of a file without a header by field, and counts its first line as row 1', () => {
    const text = 'C1,2025-04-01,100\nC2,oops,200\n';
    const batched = readInBatches(text, options({ hasHeader: false, firstCells: ['C1', '2025-04-01', '100'], firstLineCount: 1 }));
    expect(batched.rows).toEqual([{ customerId: 'C1', date: '2025-04-01', amount: 100 }]);
    expect(batched.problems.report(2, 1).list[0]).toMatchObject({ row: 2, column: '日付' });
  });

  it('keeps counting exactly beyond the listed cap', () => {
    const lines = ['顧客ID,日付,金額', ...Array.from({ length: 30 }, (_, i) => `C${i},bad,1`)];
    const batched = readInBatches(lines.join('\n'), options({ batchSize: 50, maxListedProblems: 5 }));
    const report = batched.problems.report(batched.rowsRead, 0);
    expect(report.errors).toBe(30);
    expect(report.byCode).toEqual({ 'invalid-date': 30 });
    expect(report.list.map((problem) => problem.row)).toEqual([2, 3, 4, 5, 6]);
    expect(report.truncated).toBe(true);
  });
});

describe('batchBounds', () => {
  it('cuts after line feeds and never inside quotes', () => {
    const text = 'a,b\n"x\ny",1\nc,d\n';
    const bounds = [...batchBounds(text, 5)];
    expect(bounds.map(([s, e]) => text.slice(s, e))).toEqual(['a,b\n', '"x\ny",1\n', 'c,d\n']);
  });

  it('reads a UTF-16 file whole', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x62, 0x00, 0x0a, 0x00]);
    expect([...batchBounds(utf16, 2)]).toEqual([[0, 10]]);
  });
});

describe('headerWidth and columnNames', () => {
  it('counts up to the last named header cell, at least to the chosen columns', () => {
    expect(headerWidth(['a', 'b', 'c', ''], { customerId: 0, date: 1, amount: 2 })).toBe(3);
    expect(headerWidth(['a'], { customerId: 0, date: 1, amount: 4 })).toBe(5);
  });

  it('uses the header, or field names and column letters without one', () => {
    expect(columnNames({ firstCells: ['ID', 'day', 'x'], hasHeader: true, columns: { customerId: 0, date: 1, amount: 2 }, locale: 'en' })).toEqual(['ID', 'day', 'x']);
    expect(columnNames({ firstCells: ['1', '2', '3', '4'], hasHeader: false, columns: { customerId: 1, date: 2, amount: 3 }, locale: 'ja' })).toEqual([
      'A列',
      '顧客ID',
      '日付',
      '金額',
    ]);
  });
});
