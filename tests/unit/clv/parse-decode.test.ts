import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvChunks, decodeCsvInput, type CsvInput } from '../../../src/lib/clv/parse/index.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/csv');
const SJIS_TEXT =
  '顧客ID,購入日,金額,備考\r\nＣ００１,2025/4/1,"５，０００円",初回\r\nC001,2025年4月15日,1.5万円,\r\n' +
  'C002,２０２５／０４／０３,"￥12,000",\r\nC002,2025-04-03,△500,返品\r\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const arrayBuffer = (text: string): ArrayBuffer => {
  const bytes = utf8(text);
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return buffer;
};

function decodeAll(input: CsvInput, chunkBytes?: number) {
  const result = decodeCsvChunks(input, chunkBytes === undefined ? {} : { chunkBytes });
  if (!result.ok) throw new Error('refused');
  const pieces: string[] = [];
  for (let piece = result.text.next(); piece !== undefined; piece = result.text.next()) pieces.push(piece);
  return { pieces, encoding: result.text.encoding, hasReplacementChars: result.text.hasReplacementChars };
}

describe('decodeCsvInput', () => {
  it.each([
    ['a string (BOM removed)', '\uFEFF顧客ID\n', '顧客ID\n', 'text'],
    ['UTF-8 bytes', utf8('顧客ID\n'), '顧客ID\n', 'utf-8'],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', utf8('\uFEFF顧客ID\n'), '顧客ID\n', 'utf-8-bom'],
    ['an ArrayBuffer', arrayBuffer('a,b\n'), 'a,b\n', 'utf-8'],
    ['ASCII bytes', utf8('id,date\n1,2025-04-01\n'), 'id,date\n1,2025-04-01\n', 'utf-8'],
    ['UTF-16LE with BOM (Excel "Unicode text")', new Uint8Array(Buffer.from('\uFEFF顧客ID\t金額\r\n', 'utf16le')), '顧客ID\t金額\r\n', 'utf-16le'],
    ['UTF-16BE with BOM', new Uint8Array(Buffer.from('\uFEFF顧客ID\n', 'utf16le').swap16()), '顧客ID\n', 'utf-16be'],
  ])('reads %s', (_label, input, text, encoding) => {
    expect(decodeCsvInput(input)).toEqual({ ok: true, text: { text, encoding, hasReplacementChars: false } });
  });

  it('falls back to Shift_JIS when the bytes are not UTF-8 (the committed iconv fixture)', () => {
    const bytes = readFileSync(path.join(fixtures, 'transactions-sjis.csv'));
    expect(decodeCsvInput(bytes)).toEqual({ ok: true, text: { text: SJIS_TEXT, encoding: 'shift_jis', hasReplacementChars: false } });
  });

  it.each([
    ['bytes', new Uint8Array(11), 11],
    ['a string', 'x'.repeat(11), 11],
  ])('refuses %s over maxBytes without decoding', (_label, input, size) => {
    expect(decodeCsvInput(input, { maxBytes: 10 })).toEqual({ ok: false, reason: 'too-large', size, maxBytes: 10 });
    expect(decodeCsvInput(input, { maxBytes: 11 }).ok).toBe(true);
  });
});

describe('decodeCsvChunks', () => {
  const lines = Array.from({ length: 50 }, (_, i) => `C${i},2025-04-01,${i * 100}\r\n`).join('');

  it('cuts pieces just after line feeds, and they join to the whole text', () => {
    const { pieces, encoding } = decodeAll(utf8(lines), 64);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(lines);
    expect(encoding).toBe('utf-8');
  });

  it('keeps a line longer than a piece whole', () => {
    const long = `${'x'.repeat(300)}\nshort\n`;
    expect(decodeAll(utf8(long), 16).pieces).toEqual([`${'x'.repeat(300)}\n`, 'short\n']);
  });

  it('switches to Shift_JIS at the first piece that is not UTF-8 when all before was ASCII', () => {
    const sjis = readFileSync(path.join(fixtures, 'transactions-sjis.csv'));
    const ascii = utf8(lines);
    const bytes = new Uint8Array([...ascii, ...sjis]);
    const { pieces, encoding, hasReplacementChars } = decodeAll(bytes, 64);
    expect(pieces.join('')).toBe(lines + SJIS_TEXT);
    expect(encoding).toBe('shift_jis');
    expect(hasReplacementChars).toBe(false);
  });

  it('reads damaged bytes after real UTF-8 text leniently and says so', () => {
    const bytes = new Uint8Array([...utf8('顧客ID,日付,金額\n'), ...utf8(lines), 0x82, 0xa0, 0x0a]);
    const { pieces, encoding, hasReplacementChars } = decodeAll(bytes, 64);
    expect(encoding).toBe('utf-8');
    expect(hasReplacementChars).toBe(true);
    expect(pieces.join('').endsWith('\uFFFD\uFFFD\n')).toBe(true);
  });

  it('decodes UTF-16 in one piece (its line feeds are two bytes)', () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${lines}`, 'utf16le'));
    expect(decodeAll(bytes, 64).pieces).toEqual([lines]);
  });

  it('gives a string as one piece', () => {
    expect(decodeAll(lines, 64).pieces).toEqual([lines]);
  });

  it('gives nothing for empty bytes', () => {
    expect(decodeAll(new Uint8Array(0)).pieces).toEqual([]);
  });
});
