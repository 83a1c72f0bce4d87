import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFileName, toCsv } from '../../../src/lib/workbench/csv.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['顧客ID', '顧客ID'],
    [1234.5, '1234.5'],
    [-500, '-500'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    // Formula injection: Excel would run these; a leading quote mark makes them text.
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['+81 3', "'+81 3"],
    // A negative number written as text stays a number for Excel.
    ['-500', '-500'],
  ] as const)('%j -> %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with the BOM and ends every line with CRLF', () => {
    const csv = toCsv(['顧客ID', '金額'], [['C001', 5000], ['C,002', null]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\uFEFF顧客ID,金額\r\nC001,5000\r\n"C,002",\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n');
  });

  it('encodes to UTF-8 bytes EF BB BF first', () => {
    const bytes = new TextEncoder().encode(toCsv(['a'], []));
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('csvFileName', () => {
  it('adds the date and replaces characters Windows forbids', () => {
    expect(csvFileName('顧客一覧', '2026-03-31')).toBe('顧客一覧_2026-03-31.csv');
    expect(csvFileName('a/b:c', '2026-03-31')).toBe('a_b_c_2026-03-31.csv');
  });
});
