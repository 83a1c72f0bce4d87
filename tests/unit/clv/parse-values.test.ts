import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate } from '../../../src/lib/clv/parse/index.ts';

describe('parseAmount', () => {
  it.each([
    // [cell, expected value] — the value a Japanese reader means
    ['5000', 5000],
    ['0', 0],
    ['12.50', 12.5],
    ['-500', -500],
    ['-0', 0], // no negative zero
    ['5,000', 5000],
    ['1,234,567', 1_234_567],
    ['5,000円', 5000],
    ['¥5,000', 5000],
    ['￥5,000', 5000], // full-width yen sign
    ['\\5,000', 5000], // Shift_JIS shows 0x5C as a yen sign
    ['$3,000.50', 3000.5],
    ['５０００', 5000], // full-width digits
    ['５，０００円', 5000],
    ['　5000　', 5000], // ideographic spaces around
    ['¥ 5,000', 5000],
    ['5千円', 5000],
    ['1.5万円', 15_000], // 1.5 × 10,000, not 15000.000000000002
    ['1.1万', 11_000],
    ['1万5千円', 15_000],
    ['1万5000円', 15_000],
    ['1億2,000万円', 120_000_000],
    ['５千円', 5000],
    ['△500', -500], // Japanese accounting negative
    ['▲1,000円', -1000],
    ['(500)', -500], // English accounting negative
    ['(¥1,200)', -1200],
    ['−500', -500], // U+2212 minus sign
    ['－５００', -500], // full-width hyphen-minus
    ['-¥500', -500],
    ['¥-500', -500],
    ['+500', 500],
    ['500JPY', 500],
  ])('%s → %d', (cell, expected) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['1,5', 'not-a-number'], // European decimal or typo: refused, not guessed
    ['5,00', 'not-a-number'],
    ['12.3.4', 'not-a-number'],
    ['-', 'not-a-number'],
    ['¥', 'not-a-number'],
    ['円', 'not-a-number'],
    ['万', 'not-a-number'],
    ['5千万千', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['--5', 'not-a-number'],
    ['NaN', 'not-a-number'],
  ])('%j is refused as %s', (cell, reason) => {
    expect(parseAmount(cell)).toEqual({ ok: false, reason });
  });

  it('reads every integer written plainly, with separators, or in full width', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        const grouped = Math.abs(value).toLocaleString('en-US');
        const sign = value < 0 ? '-' : '';
        const fullWidth = (sign + grouped).replace(/[0-9,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const expected = value === 0 ? 0 : value;
        expect(parseAmount(String(value))).toEqual({ ok: true, value: expected });
        expect(parseAmount(`${sign}${grouped}円`)).toEqual({ ok: true, value: expected });
        expect(parseAmount(fullWidth)).toEqual({ ok: true, value: expected });
      }),
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['2025/04/01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['2025年 4月 1日', '2025-04-01'],
    ['2025年4月1日(火)', '2025-04-01'],
    ['2025-04-01 00:00:00', '2025-04-01'],
    ['2025-04-01T23:30:00+09:00', '2025-04-01'], // the day as written: no time zone shift
    ['2025-04-01T23:30:00Z', '2025-04-01'],
    ['2025/4/1 9:05', '2025-04-01'],
    ['２０２５－０４－０１', '2025-04-01'], // full-width digits and hyphens
    ['２０２５／４／１', '2025-04-01'],
    ['２０２５０４０１', '2025-04-01'],
    ['  2025-04-01  ', '2025-04-01'],
    ['2024-02-29', '2024-02-29'], // leap day
    ['2000-02-29', '2000-02-29'], // divisible by 400
  ])('%s → %s', (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['2025-02-30', 'impossible-date'],
    ['2025/13/01', 'impossible-date'],
    ['2025-00-10', 'impossible-date'],
    ['20250230', 'impossible-date'],
    ['2025年2月29日', 'impossible-date'], // 2025 is not a leap year
    ['1900-02-29', 'impossible-date'], // divisible by 100, not 400
    ['4/1/2025', 'ambiguous-order'], // April 1st or January 4th?
    ['01.04.2025', 'ambiguous-order'],
    ['yesterday', 'not-a-date'],
    ['2025-4', 'not-a-date'],
    ['2025/4-1', 'not-a-date'], // mixed separators
    ['45748', 'not-a-date'], // Excel serials only with the option
    ['202541', 'not-a-date'],
  ])('%j is refused as %s', (cell, reason) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason });
  });

  it.each([
    // Excel (1900 system): 1 = 1900-01-01, 59 = 1900-02-28, 60 = the fictitious 1900-02-29,
    // 61 = 1900-03-01, 45748 = 2025-04-01 (= days from 1899-12-30).
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['45748', '2025-04-01'],
    ['45748.75', '2025-04-01'], // a date-time serial: the day
    ['2958465', '9999-12-31'],
  ])('Excel serial %s → %s with the option', (cell, expected) => {
    expect(parseDate(cell, { excelSerial: true })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['60', 'impossible-date'],
    ['0', 'not-a-date'],
    ['2958466', 'not-a-date'],
  ])('Excel serial %s is refused as %s', (cell, reason) => {
    expect(parseDate(cell, { excelSerial: true })).toEqual({ ok: false, reason });
  });

  it('reads every valid date in each written form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        for (const cell of [iso, `${y}/${m}/${d}`, iso.replaceAll('-', ''), `${y}年${m}月${d}日`, `${iso} 12:34:56`]) {
          expect(parseDate(cell)).toEqual({ ok: true, value: iso });
        }
      }),
    );
  });
});
