/**
 * The typed-text rules one case per kind of hostile or surprising input. Characters are written
 * as escapes so the test file itself holds no invisible or direction-changing characters.
 */
import { describe, expect, it } from 'vitest';
import { characterCount, hasControlCharacters, hasVisibleText, normalizeDisplayText } from '../../../src/lib/validation/text.ts';

describe('hasControlCharacters', () => {
  it.each([
    ['NUL', 'a\u0000b', true, true],
    ['U+0001', '\u0001', true, true],
    ['DEL', 'a\u007F', true, true],
    ['a C1 control (U+0085)', 'a\u0085', true, true],
    ['a tab', 'a\tb', true, false],
    ['a line feed', 'a\nb', true, false],
    ['a carriage return', 'a\rb', true, false],
    ['plain Japanese', '山田 太郎', false, false],
    ['a bidi override (not a control: stripped by normalizing instead)', 'a\u202Eb', false, false],
  ])('%s: single-line %s, multiline %s', (_, text, singleLine, multiline) => {
    expect(hasControlCharacters(text)).toBe(singleLine);
    expect(hasControlCharacters(text, { multiline: true })).toBe(multiline);
  });
});

describe('normalizeDisplayText', () => {
  it.each([
    ['full-width Latin and digits become ASCII (NFKC)', '\uFF33\uFF21\uFF34\uFF2F\u3000\uFF11\uFF12', 'SATO 12'],
    ['half-width kana become full-width', '\uFF94\uFF8F\uFF80\uFF9E', 'ヤマダ'],
    ['the ideographic space is one ordinary space', '山田\u3000\u3000太郎', '山田 太郎'],
    ['runs of spaces collapse and the ends are trimmed', '  Ito   Ken  ', 'Ito Ken'],
    ['a right-to-left override is removed', 'abc\u202Etxt.exe', 'abctxt.exe'],
    ['isolates and marks are removed', '\u2066a\u2069\u200Fb\u200E', 'ab'],
    ['zero-width space, word joiner, BOM, soft hyphen are removed', 'a\u200Bb\u2060c\uFEFFd\u00ADe', 'abcde'],
    ['only zero-width spaces leave nothing', '\u200B\u200B', ''],
    ['Japanese names are kept as they are', '渡邉 髙橋 さくら', '渡邉 髙橋 さくら'],
    ['an emoji is kept', 'Ken \u{1F44D}', 'Ken \u{1F44D}'],
    ['a joined emoji keeps its joiner', '\u{1F469}\u200D\u{1F4BB}', '\u{1F469}\u200D\u{1F4BB}'],
    ['a joiner between letters is removed', 'a\u200Db', 'ab'],
  ])('%s', (_, input, expected) => {
    expect(normalizeDisplayText(input)).toBe(expected);
  });
});

describe('hasVisibleText', () => {
  it.each([
    ['letters', 'Ito', true],
    ['kanji', '山', true],
    ['an emoji', '\u{1F44D}', true],
    ['punctuation', '-', true],
    ['nothing', '', false],
    ['spaces', '   ', false],
    ['the ideographic space', '\u3000', false],
    ['zero-width spaces', '\u200B\u200B', false],
    ['a bidi override alone', '\u202E', false],
    ['the Hangul filler (a letter to Unicode, blank on screen)', '\u3164', false],
    ['the half-width Hangul filler and the choseong filler', '\uFFA0\u115F', false],
    ['the blank Braille pattern', '\u2800 \u2800', false],
    ['a variation selector alone', '\uFE0F', false],
    ['a name with a Hangul filler beside it', '\u3164김', true],
    ['an emoji with its variation selector', '\u2764\uFE0F', true],
  ])('%s: %s', (_, text, visible) => {
    expect(hasVisibleText(text)).toBe(visible);
  });
});

describe('characterCount', () => {
  it.each([
    ['ASCII', 'abc', 3],
    ['kanji', '山田', 2],
    ['an emoji outside the BMP counts once', '\u{1F44D}', 1],
    ['a rare kanji outside the BMP counts once', '\u{20BB7}', 1],
  ])('%s', (_, text, count) => {
    expect(characterCount(text)).toBe(count);
  });
});
