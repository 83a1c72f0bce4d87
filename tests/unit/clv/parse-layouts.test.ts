import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv, type ParseTransactionsResult } from '../../../src/lib/clv/parse/index.ts';

/** Rows as `id|date|amount` strings: compact to compare. */
const compact = (result: ParseTransactionsResult): string[] => result.rows.map((r) => `${r.customerId}|${r.date}|${r.amount}`);
/** Issues as `row:code`. */
const codes = (issues: ParseTransactionsResult['errors']): string[] => issues.map((i) => `${i.row}:${i.code}`);

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
    // ~3 MB, read in 64 KB pieces: the quote and a bad row come long after the first piece.
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
