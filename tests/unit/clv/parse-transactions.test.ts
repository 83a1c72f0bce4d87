import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv, type ParseTransactionsResult } from '../../../src/lib/clv/parse/index.ts';

const fixture = (name: string): Buffer => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/csv', name));
/** Rows as `id|date|amount` strings: compact to compare. */
const compact = (result: ParseTransactionsResult): string[] => result.rows.map((r) => `${r.customerId}|${r.date}|${r.amount}`);
/** Issues as `row:code`. */
const codes = (issues: ParseTransactionsResult['errors']): string[] => issues.map((i) => `${i.row}:${i.code}`);

describe('parseTransactionsCsv on the fixtures', () => {
  it('reads the Shift_JIS export of Japanese Excel', () => {
    const result = parseTransactionsCsv(fixture('transactions-sjis.csv'));
    expect(result.encoding).toBe('shift_jis');
    expect(result.delimiter).toBe(',');
    expect(result.columns?.headers).toEqual(['顧客ID', '購入日', '金額', '備考']);
    expect(compact(result)).toEqual([
      'C001|2025-04-01|5000', // Ｃ００１ folded; "５，０００円"
      'C001|2025-04-15|15000', // 2025年4月15日; 1.5万円
      'C002|2025-04-03|12000', // ２０２５／０４／０３; "￥12,000"
      'C002|2025-04-03|-500', // △500: a refund, kept with a warning
    ]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { row: 5, column: '金額', code: 'negative-amount', message: '5行目「金額」列: マイナスの金額（-500）を返品として取り込みました' },
    ]);
    expect(result.stats).toMatchObject({ totalRows: 4, goodRows: 4, skippedRows: 0, blankRows: 0 });
  });

  it('reads Excel "CSV UTF-8" (BOM, CRLF, date-times, quoted amounts)', () => {
    const result = parseTransactionsCsv(fixture('transactions-utf8-bom.csv'));
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.columns?.customerId).toMatchObject({ index: 0, header: 'customer_id', confidence: 'exact' });
    expect(compact(result)).toEqual(['1001|2025-04-01|5000', '1001|2025-04-01|1200', '1002|2025-04-02|3000']);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a messy file: every good row, and one issue per bad cell with its Excel row', () => {
    const result = parseTransactionsCsv(fixture('transactions-messy.csv'));
    // Row 1 is the padded header; rows 4 (empty) and 5 (`,,,`) are blank.
    expect(compact(result)).toEqual([
      'C001|2025-04-01|5000', // row 2: "5,000"
      'C002|2025-04-02|3000', // row 3: trailing spaces
      'C005|2025-04-04|-500', // row 9: (500)
      'C007|2025-04-06|12345', // row 11: all quoted, "12,345円", no trailing comma
      'C001|2025-04-08|2000', // row 13
    ]);
    expect(codes(result.errors)).toEqual([
      '6:invalid-date', // 2025-02-30
      '7:invalid-amount', // abc
      '8:empty-customer-id',
      '10:too-many-columns', // unquoted 1,500 spills into a fourth column
      '12:too-few-columns',
    ]);
    expect(codes(result.warnings)).toEqual(['9:negative-amount']);
    expect(result.errors.map((e) => e.message)).toEqual([
      '6行目「注文日」列: 日付として読めません（"2025-02-30" は存在しない日付です）',
      '7行目「売上金額」列: 金額として読めません（"abc"）',
      '8行目「顧客番号」列: 顧客IDが空です',
      '10行目: 列が多すぎます（3 列のはずが 4 列）。「5,000」のようにカンマを含む値は "5,000" と引用符で囲んでください',
      '12行目: 列が足りません（3 列のはずが 2 列）',
    ]);
    expect(result.stats).toMatchObject({ totalRows: 10, goodRows: 5, skippedRows: 5, blankRows: 2 });
    expect(result.stats.issueCounts).toEqual({
      errors: 5,
      warnings: 1,
      byCode: { 'invalid-date': 1, 'invalid-amount': 1, 'empty-customer-id': 1, 'too-many-columns': 1, 'too-few-columns': 1, 'negative-amount': 1 },
    });
  });

  it('reads tab-separated text without quotes (the fast path)', () => {
    const result = parseTransactionsCsv(fixture('transactions-tabs.tsv'));
    expect(result.delimiter).toBe('\t');
    expect(compact(result)).toEqual(['M-1|2025-04-01|5000', 'M-2|2025-04-02|1200', 'M-1|2025-04-03|5000']);
    expect(result.errors).toEqual([]);
  });

  it('writes the same issues in English', () => {
    const result = parseTransactionsCsv(fixture('transactions-messy.csv'), { locale: 'en' });
    expect(result.errors.map((e) => e.message)).toEqual([
      'Row 6, column "注文日": Not a date ("2025-02-30" does not exist on the calendar)',
      'Row 7, column "売上金額": Not an amount ("abc")',
      'Row 8, column "顧客番号": The customer ID is empty',
      'Row 10: Too many columns (expected 3, found 4). Put values with commas in quotes, as "5,000"',
      'Row 12: Too few columns (expected 3, found 2)',
    ]);
    expect(result.warnings[0]?.message).toBe('Row 9, column "売上金額": Negative amount (-500) kept as a refund');
  });
});

describe('parseTransactionsCsv error paths', () => {
  const header = '顧客ID,日付,金額\n';

  it.each([
    ['an empty string', ''],
    ['only line breaks', '\r\n\r\n'],
    ['only spaces and commas', '  \n,,\n'],
  ])('reports an empty file for %s', (_label, text) => {
    const result = parseTransactionsCsv(text);
    expect(result.errors).toEqual([{ row: 0, code: 'empty-file', message: 'ファイルが空です' }]);
    expect(result.rows).toEqual([]);
  });

  it('reports a file with only a header', () => {
    const result = parseTransactionsCsv(`${header}\n\n`);
    expect(result.errors).toEqual([{ row: 0, code: 'header-only', message: '見出し行しかありません（データ行がありません）' }]);
    expect(result.hasHeader).toBe(true);
  });

  it('refuses a file over maxBytes before reading it', () => {
    const result = parseTransactionsCsv(new Uint8Array(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024, locale: 'en' });
    expect(result.errors).toEqual([
      { row: 0, code: 'file-too-large', message: 'The file is too large (3.0 MB; the limit is 2.0 MB). Save a shorter period and try again' },
    ]);
    expect(result.encoding).toBeNull();
  });

  it('names a missing column and lists the headers found', () => {
    const result = parseTransactionsCsv('顧客ID,日付,数量\nC1,2025-04-01,2\n');
    expect(result.errors).toEqual([
      { row: 1, code: 'missing-column', message: '1行目: 「金額」にあたる列が見つかりません（見つかった列: 顧客ID、日付、数量）' },
    ]);
    expect(result.columns?.missing).toEqual(['amount']);
    expect(result.rows).toEqual([]);
    expect(result.stats.totalRows).toBe(0); // nothing is read without the column
  });

  it('reports every missing column, in English too', () => {
    const result = parseTransactionsCsv('a,b\n1,2\n', { locale: 'en' });
    expect(result.errors.map((e) => e.message)).toEqual([
      'Row 1: No column for the customer ID (columns found: a, b)',
      'Row 1: No column for the date (columns found: a, b)',
      'Row 1: No column for the amount (columns found: a, b)',
    ]);
  });

  it.each([
    [{ amount: '売上額' }, '1行目: 「金額」に指定された列「売上額」が見つかりません（見つかった列: 顧客ID、日付、金額）'],
    [{ amount: 7 }, '1行目: 「金額」に指定された列番号 7（0 始まり）がありません（列数 3）'],
  ])('reports a mapping %j that matches no column', (columns, message) => {
    const result = parseTransactionsCsv(`${header}C1,2025-04-01,100\n`, { columns });
    expect(result.errors).toEqual([{ row: 1, code: 'missing-column', message }]);
  });

  it('leaves out rows after observationEnd with a warning', () => {
    const result = parseTransactionsCsv(`${header}C1,2025-03-31,100\nC1,2025-04-01,200\n`, { observationEnd: '2025-03-31' });
    expect(compact(result)).toEqual(['C1|2025-03-31|100']);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { row: 3, column: '日付', code: 'after-observation-end', message: '3行目「日付」列: 観測終了日（2025-03-31）より後の日付（2025-04-01）のため除外しました' },
    ]);
    expect(result.stats).toMatchObject({ totalRows: 2, goodRows: 1, skippedRows: 1 });
  });

  it('can skip refunds as errors instead of keeping them', () => {
    const result = parseTransactionsCsv(`${header}C1,2025-04-01,100\nC1,2025-04-02,△100\n`, { refunds: 'skip' });
    expect(compact(result)).toEqual(['C1|2025-04-01|100']);
    expect(result.errors).toEqual([
      { row: 3, column: '金額', code: 'negative-amount', message: '3行目「金額」列: マイナスの金額（-100）を返品として除外しました' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reports every bad cell of a row, not only the first', () => {
    const result = parseTransactionsCsv(`${header} ,2025/13/01,abc\n`);
    expect(result.errors.map((e) => e.message)).toEqual([
      '2行目「顧客ID」列: 顧客IDが空です',
      '2行目「日付」列: 日付として読めません（"2025/13/01" は存在しない日付です）',
      '2行目「金額」列: 金額として読めません（"abc"）',
    ]);
    expect(result.stats).toMatchObject({ totalRows: 1, skippedRows: 1 });
  });

  it.each([
    ['an unclosed quote', `${header}C1,2025-04-01,"5,000\nC2,2025-04-02,100\n`, 'MissingQuotes', '引用符（"）が閉じられていません'],
    ['a stray quote after a quoted field', `${header}C1,2025-04-01,"5,000"x\nC2,2025-04-02,100\n`, 'InvalidQuotes', '引用符（"）の位置が正しくありません'],
  ])('reports %s from papaparse', (_label, text, _code, message) => {
    const result = parseTransactionsCsv(text);
    expect(result.errors[0]).toEqual({ row: 2, code: 'quote-error', message: `2行目: ${message}` });
  });

  it('warns when bytes could not be decoded', () => {
    // The Shift_JIS fixture plus a row whose memo holds 0xA0, a byte Shift_JIS does not define.
    const sjis = fixture('transactions-sjis.csv');
    const bytes = new Uint8Array([...sjis, ...new TextEncoder().encode('C3,2025-04-04,100,'), 0xa0, 0x0d, 0x0a]);
    const result = parseTransactionsCsv(bytes, { locale: 'en' });
    expect(result.encoding).toBe('shift_jis');
    expect(result.rows).toHaveLength(5); // the memo is not read, so the row is fine
    expect(result.warnings.map((w) => `${w.row}:${w.code}`)).toEqual(['5:negative-amount', '0:encoding-suspect']);
    expect(result.warnings[1]?.message).toBe('Some characters could not be decoded (read as shift_jis). Saving the file as UTF-8 avoids this');
  });

  it('keeps the first maxIssues issues per severity but counts them all', () => {
    const bad = Array.from({ length: 2500 }, (_, i) => `C${i},not a date,${-i - 1}`).join('\n');
    const good = 'C0,2025-04-01,-1\n'.repeat(1500);
    const result = parseTransactionsCsv(`${header}${bad}\n${good}`, { maxIssues: 100 });
    expect(result.errors).toHaveLength(100);
    expect(result.errors[99]?.row).toBe(101); // the 100th data row
    expect(result.warnings).toHaveLength(100);
    expect(result.stats.issueCounts).toEqual({ errors: 2500, warnings: 1500, byCode: { 'invalid-date': 2500, 'negative-amount': 1500 } });
    expect(result.stats.issuesTruncated).toBe(true);
    expect(result.stats).toMatchObject({ totalRows: 4000, goodRows: 1500, skippedRows: 2500 });
  });

  it('keeps 1,000 issues per severity by default', () => {
    const result = parseTransactionsCsv(header + 'C1,x,1\n'.repeat(1200));
    expect(result.errors).toHaveLength(1000);
    expect(result.stats.issueCounts.errors).toBe(1200);
  });
});
