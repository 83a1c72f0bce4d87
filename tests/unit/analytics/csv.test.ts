import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../../src/lib/analytics/csv.ts';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and quotes per RFC 4180', () => {
    const text = toCsv(['名前', '点'], [['佐藤, 花子', 80], ['say "hi"', null], ['two\nlines', true]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('名前,点\r\n"佐藤, 花子",80\r\n"say ""hi""",\r\n"two\nlines",true\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx'])('neutralises a formula-like cell %j', (value) => {
    const line = toCsv(['a'], [[value]]).split('\r\n')[1] as string;
    expect(line.replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves negative numbers as numbers', () => {
    expect(toCsv(['a'], [[-5]]).split('\r\n')[1]).toBe('-5');
  });
});
