import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
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

describe('parseTransactionsCsv layouts', () => {
  it.each([
    ['semicolons', '顧客ID;日付;金額\nC1;2025-04-01;"1,000"\n', ';'],
    ['pipes', 'customer_id|date|amount\nC1|2025-04-01|1000\n', '|'],
    ['tabs', 'customer_id\tdate\tamount\nC1\t2025-04-01\t1,000\n', '\t'],
    ['whitespace padding (CDNOW)', ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   1000.00\r\n', 'whitespace'],
  ])('detects %s', (_label, text, delimiter) => {
    const result = parseTransactionsCsv(text);
    expect(result.delimiter).toBe(delimiter);
    expect(result.rows).toEqual([{ customerId: delimiter === 'whitespace' ? '00001' : 'C1', date: expect.any(String), amount: 1000 }]);
  });

  it('uses an explicit delimiter', () => {
    const result = parseTransactionsCsv('id date amount\nC1 2025-04-01 10\n', { delimiter: 'whitespace' });
    expect(compact(result)).toEqual(['C1|2025-04-01|10']);
  });

  it('reads a headerless file when every field is mapped by index (CDNOW_sample layout)', () => {
    const text = '00004 0001 19970101  2   29.33\r\n00004 0001 19970118  2   29.73\r\n';
    const result = parseTransactionsCsv(text, { columns: { customerId: 1, date: 2, amount: 4 } });
    expect(result.hasHeader).toBe(false);
    expect(compact(result)).toEqual(['0001|1997-01-01|29.33', '0001|1997-01-18|29.73']);
    // Without a header, messages name the field.
    const bad = parseTransactionsCsv(`${text}00005 0002 1997013x 1 1.00\r\n`, { columns: { customerId: 1, date: 2, amount: 4 } });
    expect(bad.errors.map((e) => e.message)).toEqual(['3行目「日付」列: 日付として読めません（"1997013x"）']);
  });

  it('treats the first line as a header in auto mode when it does not parse as data', () => {
    const result = parseTransactionsCsv('id,x,date,n,value\n7,a,2025-04-01,1,5\n', { columns: { customerId: 0, date: 2, amount: 4 } });
    expect(result.hasHeader).toBe(true);
    expect(compact(result)).toEqual(['7|2025-04-01|5']);
  });

  it('obeys header: false and header: true', () => {
    const text = 'C1,2025-04-01,100\nC2,2025-04-02,200\n';
    const columns = { customerId: 0, date: 1, amount: 2 };
    expect(compact(parseTransactionsCsv(text, { columns, header: false }))).toEqual(['C1|2025-04-01|100', 'C2|2025-04-02|200']);
    expect(compact(parseTransactionsCsv(text, { columns, header: true }))).toEqual(['C2|2025-04-02|200']);
  });

  it('maps columns by header name, overriding the guess', () => {
    const text = '伝票番号,得意先,伝票日付,税抜金額,税込金額\n1,K-1,2025/4/1,1000,1100\n';
    const result = parseTransactionsCsv(text, { columns: { customerId: '得意先', date: '伝票日付', amount: '税込金額' } });
    expect(compact(result)).toEqual(['K-1|2025-04-01|1100']);
    expect(result.columns?.amount).toMatchObject({ index: 4, confidence: 'explicit' });
  });

  it('counts Excel rows across blank lines and quoted line breaks', () => {
    // Row 2 holds a quoted line break (still one Excel row); row 3 is blank; row 4 is bad.
    const text = '顧客ID,日付,金額,メモ\nC1,2025-04-01,100,"二行の\nメモ"\n\nC2,2025-04-31,100,\n';
    const result = parseTransactionsCsv(text);
    expect(compact(result)).toEqual(['C1|2025-04-01|100']);
    expect(codes(result.errors)).toEqual(['4:invalid-date']);
    expect(result.stats.blankRows).toBe(1);
  });

  it('reads old Mac line endings (CR only)', () => {
    expect(compact(parseTransactionsCsv('顧客ID,日付,金額\rC1,2025-04-01,100\rC2,2025-04-02,200'))).toEqual([
      'C1|2025-04-01|100',
      'C2|2025-04-02|200',
    ]);
  });

  it('accepts trailing empty cells and short rows that still reach every field', () => {
    const text = '顧客ID,日付,金額,メモ\nC1,2025-04-01,100,,,\nC2,2025-04-02,200\n';
    const result = parseTransactionsCsv(text);
    expect(compact(result)).toEqual(['C1|2025-04-01|100', 'C2|2025-04-02|200']);
    expect(result.errors).toEqual([]);
  });

  it('folds full-width customer IDs so one customer stays one', () => {
    expect(parseTransactionsCsv('顧客ID,日付,金額\nＡ－１２,2025-04-01,1\n　A-12 ,2025-04-02,1\n').rows.map((r) => r.customerId)).toEqual(['A-12', 'A-12']);
  });

  it('reads Excel serial dates only when asked', () => {
    const text = '顧客ID,日付,金額\nC1,45748,100\n';
    expect(codes(parseTransactionsCsv(text).errors)).toEqual(['2:invalid-date']);
    expect(compact(parseTransactionsCsv(text, { excelSerialDates: true }))).toEqual(['C1|2025-04-01|100']);
  });

  it('switches to papaparse mid-file when a quote first appears after the first piece', () => {
    // ~3 MB: pieces of 2 MB, the quote and a bad row come after the first piece.
    const plain = 'C1,2025-04-01,100\n'.repeat(150_000);
    const text = `顧客ID,日付,金額\n${plain}C2,2025-04-02,"1,000"\nC3,2025-99-01,1\n`;
    const result = parseTransactionsCsv(new TextEncoder().encode(text));
    expect(result.rows).toHaveLength(150_001);
    expect(result.rows.at(-1)).toEqual({ customerId: 'C2', date: '2025-04-02', amount: 1000 });
    expect(codes(result.errors)).toEqual(['150003:invalid-date']); // header 1, plain rows 2…150001, C2 150002
  });
});

describe('parseTransactionsCsv round trip', () => {
  const row = fc.record({
    customerId: fc.stringMatching(/^[A-Z]{1,2}-?\d{1,6}$/),
    date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    amount: fc.integer({ min: 0, max: 10_000_000 }),
  });
  const styles = ['plain', 'grouped', 'yen', 'fullwidth'] as const;

  it('reads back what it is given, however the amounts and dates are written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(row, fc.constantFrom(...styles)), { minLength: 1, maxLength: 40 }), fc.boolean(), (entries, crlf) => {
        const lines = entries.map(([r, style]) => {
          const grouped = r.amount.toLocaleString('en-US');
          const amount =
            style === 'plain' ? String(r.amount)
            : style === 'grouped' ? `"${grouped}"`
            : style === 'yen' ? `"¥${grouped}"`
            : `${String(r.amount).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}円`;
          const date = style === 'fullwidth' ? r.date.replaceAll('-', '/') : r.date;
          return `${r.customerId},${date},${amount}`;
        });
        const text = ['顧客ID,購入日,金額', ...lines].join(crlf ? '\r\n' : '\n');
        const result = parseTransactionsCsv(text);
        expect(result.errors).toEqual([]);
        expect(result.rows).toEqual(entries.map(([r]) => r));
      }),
    );
  });
});
