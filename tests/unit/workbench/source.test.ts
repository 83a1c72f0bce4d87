import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headOf, inspectBytes, inspectText, sniffFormat } from '../../../src/lib/workbench/source.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/csv', name)));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('inspectBytes', () => {
  it('reads the Shift_JIS fixture: encoding, Japanese header, the first rows and the columns', () => {
    const sjis = fixture('transactions-sjis.csv');
    const result = inspectBytes(sjis, sjis.length, 'transactions-sjis.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { preview } = result;
    expect(preview.encoding).toBe('shift_jis');
    expect(preview.encodingSuspect).toBe(false);
    expect(preview.firstCells).toEqual(['顧客ID', '購入日', '金額', '備考']);
    expect(preview.sampleRows[0]).toEqual(['Ｃ００１', '2025/4/1', '５，０００円', '初回']);
    expect(preview.sampleRows).toHaveLength(4);
    expect(preview.firstLineCount).toBe(1);
    expect(preview.suggestion.columns).toEqual({ customerId: 0, date: 1, amount: 2 });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty-file'],
    ['blank lines only', bytes('\r\n\r\n'), 'empty-file'],
    ['a header without rows', bytes('顧客ID,日付,金額\r\n'), 'header-only'],
    ['a PNG image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'binary'],
    ['an old .xls workbook', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'legacy-excel'],
  ])('refuses %s', (_, input, failure) => {
    expect(inspectBytes(input, input.length, 'x')).toEqual({ ok: false, failure });
  });

  it('refuses a file over 100 MB before decoding it', () => {
    expect(inspectBytes(bytes('a,b\n'), 101 * 1024 * 1024, 'big.csv')).toEqual({ ok: false, failure: 'too-large' });
  });

  it('flags text that is neither UTF-8 nor Shift_JIS (EUC-JP bytes)', () => {
    // 顧客 in EUC-JP: B8DC B5D2; invalid as UTF-8, and garbage (with U+FFFD) as Shift_JIS.
    const euc = Uint8Array.from([0xb8, 0xdc, 0xb5, 0xd2, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32, 0x0a, 0x80, 0xa0, 0x2c, 0x33, 0x0a]);
    const result = inspectBytes(euc, euc.length, 'euc.csv');
    expect(result.ok && result.preview.encodingSuspect).toBe(true);
  });

  it('counts blank lines before the header', () => {
    const input = bytes('\n\n顧客ID,日付,金額\nC1,2025-04-01,100\n');
    const result = inspectBytes(input, input.length, 'x.csv');
    expect(result.ok && result.preview.firstLineCount).toBe(3);
  });
});

describe('inspectText', () => {
  it('reads a paste from Excel (tabs) and a header-only paste', () => {
    const pasted = inspectText('顧客ID\t日付\t金額\nA\t2025/4/1\t¥1,000', { name: 'p', format: 'paste', sizeBytes: 10, encoding: 'text', complete: true });
    expect(pasted.ok && pasted.preview.delimiter).toBe('\t');
    expect(pasted.ok && pasted.preview.sampleRows).toEqual([['A', '2025/4/1', '¥1,000']]);
    expect(inspectText('顧客ID\t日付\t金額', { name: 'p', format: 'paste', sizeBytes: 10, encoding: 'text', complete: true })).toEqual({
      ok: false,
      failure: 'header-only',
    });
  });
});

describe('sniffFormat and headOf', () => {
  it('tells a zip (xlsx) from text', () => {
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('xlsx');
    expect(sniffFormat(bytes('a,b\n'))).toBe('text');
    expect(sniffFormat(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toBe('text'); // UTF-16 with BOM
  });

  it('cuts the head after the last complete line', () => {
    const input = bytes('aaaa\nbbbb\ncccc\n');
    expect(new TextDecoder().decode(headOf(input, 12))).toBe('aaaa\nbbbb\n');
    expect(headOf(input, 100)).toBe(input);
  });
});
