import { toHalfWidth } from './text.ts';

/**
 * Reading money as people type it in Japanese spreadsheets: `5,000`, `5,000円`, `¥5,000`,
 * `５，０００円`, `5千円`, `1.5万円`, `1億2,000万円`, and negatives written `-500`, `−500`,
 * `△500`, `▲500` (Japanese accounting) or `(500)` (English accounting).
 */

/** Why a cell is not an amount. */
export type AmountFailure = 'empty' | 'not-a-number';

/** An amount, or the reason the text is not one. Negative values are ok: the caller decides. */
export type AmountResult = { ok: true; value: number } | { ok: false; reason: AmountFailure };

/** Parses an amount of money; a fast path handles plain `5000` / `-12.5` without a regex. */
export function parseAmount(text: string): AmountResult {
  const plain = parsePlainNumber(text);
  if (plain !== null) return { ok: true, value: plain };
  return parseWrittenAmount(text);
}

const NOT_A_NUMBER: AmountResult = { ok: false, reason: 'not-a-number' };
const EMPTY: AmountResult = { ok: false, reason: 'empty' };

/** `123`, `-123`, `12.50`: ASCII digits, an optional leading minus and at most one dot. */
function parsePlainNumber(text: string): number | null {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return null;
  let digits = 0;
  let dots = 0;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 46 && dots === 0) dots++;
    else return null;
  }
  if (digits === 0) return null;
  const value = Number(text);
  return value === 0 ? 0 : value; // no -0
}

// Signs seen in the wild: ASCII minus, U+2212 minus, hyphens, and the accounting triangles.
const NEGATIVE_MARKS = new Set(['-', '−', '‐', '‒', '–', '△', '▲']);
const CURRENCY_PREFIXES = new Set(['¥', '\\', '$']); // `\` is the yen sign in Shift_JIS fonts
const CURRENCY_SUFFIXES = ['円', 'JPY', 'jpy', 'yen'];

// A number with optional thousands separators in groups of three, then optional decimals.
// `1,5` is refused: it is a European decimal or a typo, and either guess could be wrong.
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const KANJI_UNITS = new RegExp(`^(?:(${NUMBER})億)?(?:(${NUMBER})万)?(?:(${NUMBER})千)?(${NUMBER})?$`);

/** The slow path: full-width forms, currency marks, negatives and kanji units. */
function parseWrittenAmount(raw: string): AmountResult {
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return EMPTY;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  // Sign and currency can come in either order (`-¥500`, `¥-500`), so strip up to one of each.
  for (let pass = 0; pass < 2; pass++) {
    if (!negative && NEGATIVE_MARKS.has(text.charAt(0))) {
      negative = true;
      text = text.slice(1);
    } else if (text.charAt(0) === '+') {
      text = text.slice(1);
    } else if (CURRENCY_PREFIXES.has(text.charAt(0))) {
      text = text.slice(1);
    }
  }
  for (const suffix of CURRENCY_SUFFIXES) {
    if (text.endsWith(suffix)) {
      text = text.slice(0, -suffix.length);
      break;
    }
  }
  const match = text === '' ? null : KANJI_UNITS.exec(text);
  if (match === null) return NOT_A_NUMBER;
  const value =
    scaled(match[1], 100_000_000) + scaled(match[2], 10_000) + scaled(match[3], 1_000) + scaled(match[4], 1);
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * `1.1` × 10,000 without the binary-fraction error of `1.1 * 10000` (= 11000.000000000002):
 * multiply the digits as an integer first, then divide by the power of ten once.
 */
function scaled(part: string | undefined, unit: number): number {
  if (part === undefined) return 0;
  const digits = part.replaceAll(',', '');
  const dot = digits.indexOf('.');
  if (dot < 0) return Number(digits) * unit;
  const decimals = digits.length - dot - 1;
  const mantissa = Number(digits.slice(0, dot) + digits.slice(dot + 1));
  return (mantissa * unit) / 10 ** decimals;
}
