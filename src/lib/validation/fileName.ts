/**
 * A download's file name built from text people typed (a cohort name). Built when the file is
 * sent, not trusted from storage: rows saved before the input rules (or by hand) may hold
 * control characters, a right-to-left override (U+202E: `report<RLO>vsc.exe` displays as
 * `reportexe.csv`), path separators or nothing but dots. Pure, for server and browser.
 */
import { characterCount, normalizeDisplayText } from './text.ts';

/** Control characters of any kind (C0, DEL, C1); text.ts refuses them on input, here they are dropped. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
/** Characters Windows, macOS or a shell treat specially in a file name. */
const RESERVED = /[\\/:*?"<>|]/g;

/** The text as a file name stem: normalized, no controls or bidi, no separators, at most `max` characters; '' if nothing is left. */
export function fileNameStem(text: string, { max = 60 } = {}): string {
  const cleaned = normalizeDisplayText(text.replace(CONTROL, ' '))
    .replace(RESERVED, '_')
    .replace(/^[.\s_]+|[.\s]+$/g, '');
  if (characterCount(cleaned) <= max) return cleaned;
  return Array.from(cleaned).slice(0, max).join('').trimEnd();
}

/** RFC 5987 `ext-value` encoding of a UTF-8 string (for `filename*=UTF-8''...`). */
export function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
