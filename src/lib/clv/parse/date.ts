import { daysFromCivil, dayNumberToIso, isValidCivilDate } from '../dates.ts';
import type { IsoDate } from '../types.ts';
import { toHalfWidth } from './text.ts';

/**
 * Reading a purchase date as spreadsheets write it: `2025-04-01`, `2025/4/1`, `2025.4.1`,
 * `20250401`, `2025年4月1日(火)`, full-width digits, and date-times (`2025-04-01 13:45:00`,
 * `2025-04-01T23:30:00+09:00`), of which only the calendar day as written is kept: a time zone
 * is never applied, because the shop's own calendar day is the purchase day.
 * Day-first or month-first dates (`4/1/2025`) are refused as ambiguous rather than guessed.
 */

/** Why a cell is not a date. */
export type DateFailure = 'empty' | 'not-a-date' | 'impossible-date' | 'ambiguous-order';

/** A calendar day, or the reason the text is not one. */
export type DateResult = { ok: true; value: IsoDate } | { ok: false; reason: DateFailure };

/** Options for parseDate. */
export interface DateParseOptions {
  /** Read bare numbers like `45748` as Excel serial days (1900 date system). Default false. */
  excelSerial?: boolean;
}

/** Parses a date cell into `YYYY-MM-DD`; ISO and `YYYYMMDD` cells take a regex-free fast path. */
export function parseDate(text: string, options: DateParseOptions = {}): DateResult {
  const fast = parseCompactOrIso(text);
  if (fast !== undefined) return fast;
  return parseWrittenDate(text, options);
}

const EMPTY: DateResult = { ok: false, reason: 'empty' };
const NOT_A_DATE: DateResult = { ok: false, reason: 'not-a-date' };
const IMPOSSIBLE: DateResult = { ok: false, reason: 'impossible-date' };
const AMBIGUOUS: DateResult = { ok: false, reason: 'ambiguous-order' };

/** `YYYY-MM-DD` (optionally followed by a time) or `YYYYMMDD`; undefined when neither shape. */
function parseCompactOrIso(text: string): DateResult | undefined {
  const n = text.length;
  if (n === 8) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 4, 6);
    const day = digitsAt(text, 6, 8);
    if (Number.isNaN(year + month + day)) return undefined;
    return calendarDay(year, month, day);
  }
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (n > 10) {
    const separator = text.charCodeAt(10);
    if (separator !== 32 && separator !== 84) return undefined; // ' ' or 'T' before a time
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (Number.isNaN(year + month + day)) return undefined;
  if (!isValidCivilDate(year, month, day)) return IMPOSSIBLE;
  return { ok: true, value: n === 10 ? text : text.slice(0, 10) };
}

// Year first with any one separator repeated, then an optional time part.
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T].*)?$/;
const YMD_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[\s(].*)?$/;
const DAY_OR_MONTH_FIRST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:[ T].*)?$/;
const EXCEL_SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/** The slow path, for anything the fast path did not recognise. */
function parseWrittenDate(raw: string, options: DateParseOptions): DateResult {
  const text = toHalfWidth(raw).trim();
  if (text === '') return EMPTY;
  if (text !== raw) {
    const fast = parseCompactOrIso(text);
    if (fast !== undefined) return fast;
  }
  const ymd = YMD.exec(text);
  if (ymd) return calendarDay(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
  const kanji = YMD_KANJI.exec(text);
  if (kanji) return calendarDay(Number(kanji[1]), Number(kanji[2]), Number(kanji[3]));
  if (options.excelSerial && EXCEL_SERIAL.test(text)) return excelSerialDay(Math.floor(Number(text)));
  if (DAY_OR_MONTH_FIRST.test(text)) return AMBIGUOUS;
  return NOT_A_DATE;
}

function calendarDay(year: number, month: number, day: number): DateResult {
  if (!isValidCivilDate(year, month, day)) return IMPOSSIBLE;
  return {
    ok: true,
    value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

// Excel's day 1 is 1900-01-01, and it keeps Lotus 1-2-3's fictitious 1900-02-29 as day 60,
// so from day 61 (1900-03-01) on, serial = days since 1899-12-30.
const EXCEL_EPOCH_AFTER_LEAP_BUG = daysFromCivil(1899, 12, 30);
const EXCEL_LAST_SERIAL = 2_958_465; // 9999-12-31

function excelSerialDay(serial: number): DateResult {
  if (serial < 1 || serial > EXCEL_LAST_SERIAL) return NOT_A_DATE;
  if (serial === 60) return IMPOSSIBLE;
  const dayNumber = EXCEL_EPOCH_AFTER_LEAP_BUG + (serial < 60 ? serial + 1 : serial);
  return { ok: true, value: dayNumberToIso(dayNumber) };
}

function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
}
