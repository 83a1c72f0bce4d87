/**
 * Small string helpers shared by the value parsers. The hot paths test for plain ASCII first so
 * that a million clean cells never pay for Unicode normalisation or a regular expression.
 */

/** True when every UTF-16 unit is below 128 (no full-width digits, no yen sign, no kanji). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return false;
  }
  return true;
}

/**
 * Folds full-width forms to ASCII (`５，０００` → `5,000`, `￥` → `¥`, ideographic space → space).
 * NFKC is the Unicode-defined fold for exactly these compatibility characters.
 */
export function toHalfWidth(text: string): string {
  return isAscii(text) ? text : text.normalize('NFKC');
}

/** Trims only when an edge is whitespace, so clean cells are returned as they are. */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  // 0x3000 is the ideographic space Japanese keyboards type; 0xFEFF a stray BOM.
  if (first <= 32 || last <= 32 || first === 0x3000 || last === 0x3000 || first === 0xfeff) return text.trim();
  return text;
}
