/**
 * Text that people type and other people read (names, staff numbers, cohort names, typed
 * answers). PostgreSQL refuses NUL in text, control characters break CSV and logs, bidi overrides
 * let a name reverse the text after it (a CSV filename that reads `.exe`), and zero-width
 * characters make a name that looks empty. One place decides what is accepted, for every schema.
 * Pure: no zod here, so browser code can use the same rules.
 */

/** C0 controls except tab, LF and CR, plus DEL and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Any C0/C1 control, including tab and line breaks (single-line fields). */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Directional formatting (LRM/RLM, embeddings, overrides, isolates, ALM). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Characters that take no space: zero-width space and non-joiner, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u2060-\u2064\uFEFF]/g;
/**
 * A zero-width joiner anywhere but inside an emoji sequence (woman + ZWJ + laptop is one picture,
 * the technologist, only with it): elsewhere it only hides between letters.
 */
const STRAY_JOINER = /(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** Something a reader can see: a letter, a digit, a symbol or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;
/**
 * Characters fonts draw as nothing although Unicode files them as letters or symbols: the
 * default-ignorables (the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0 are letters, and a
 * favourite for names that look empty) and the blank Braille pattern.
 */
const BLANK = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** True when the text holds a control character (`multiline` allows tab and line breaks). */
export function hasControlCharacters(text: string, { multiline = false } = {}): boolean {
  return (multiline ? CONTROL : ANY_CONTROL).test(text);
}

/**
 * The form a name is stored in: NFKC (full-width Latin and digits become ASCII, half-width kana
 * become full-width, so `ＳＡＴＯ` and `SATO` are one name), no bidi controls, no zero-width
 * characters, runs of spaces (including the ideographic space) as one, trimmed.
 */
export function normalizeDisplayText(text: string): string {
  return text.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(/\s+/gu, ' ').trim();
}

/** True when a reader would see something: not only spaces or invisible characters. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text.replace(INVISIBLE, '').replace(BLANK, ''));
}

/** Characters as a reader counts them: code points, so an emoji or a rare kanji counts once. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
