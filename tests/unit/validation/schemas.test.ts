/**
 * The zod schemas every API body uses for typed text: what is refused (with which message), what
 * is stored, and that limits count the normalized text.
 */
import { describe, expect, it } from 'vitest';
import { displayTextSchema, optionalDisplayTextSchema, plainTextSchema } from '../../../src/lib/validation/schemas.ts';

const name = displayTextSchema({ max: 10, required: 'enter a name' });
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe('displayTextSchema', () => {
  it.each([
    ['NUL', 'Ito\u0000', 'must not contain control characters'],
    ['U+0001', '\u0001Ito', 'must not contain control characters'],
    ['DEL', 'Ito\u007F', 'must not contain control characters'],
    ['a tab', 'Ito\tKen', 'must not contain control characters'],
    ['a line break', 'Ito\nKen', 'must not contain control characters'],
    ['only zero-width spaces', '\u200B\u200B\u200B', 'enter a name'],
    ['only a bidi override', '\u202E', 'enter a name'],
    ['only Hangul fillers (letters to Unicode, blank on screen)', '\u3164\u3164', 'enter a name'],
    ['only ideographic spaces', '\u3000\u3000', 'enter a name'],
    ['empty', '', 'enter a name'],
    ['11 characters', 'abcdefghijk', 'at most 10 characters'],
    ['a huge string (refused before normalizing)', 'a'.repeat(10_000), 'at most 10 characters'],
  ])('refuses %s', (_, input, message) => {
    const result = name.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });

  it.each([
    ['a Japanese name, intact', '山田 太郎', '山田 太郎'],
    ['full-width Latin, as ASCII', '\uFF33\uFF21\uFF34\uFF2F', 'SATO'],
    ['an ideographic space, as a space', '山田\u3000太郎', '山田 太郎'],
    ['a bidi override, removed', 'abc\u202Eexe', 'abcexe'],
    ['zero-width spaces around a name, removed', '\u200BIto\u200B', 'Ito'],
    ['an emoji', 'Ken \u{1F44D}', 'Ken \u{1F44D}'],
    // 10 characters after NFKC and trimming, though 14 UTF-16 units and full-width before.
    ['10 characters counted after normalizing', '  \uFF21\uFF22\uFF23\uFF24\uFF25fghij  ', 'ABCDEfghij'],
    ['10 emoji (20 UTF-16 units) as 10 characters', '\u{1F44D}'.repeat(10), '\u{1F44D}'.repeat(10)],
  ])('accepts %s', (_, input, stored) => {
    expect(name.parse(input)).toBe(stored);
  });

  it('counts the limit after normalizing: a ligature that NFKC expands past it is refused', () => {
    // U+337B (the Heisei era sign) is one character that NFKC writes as two (平成).
    expect(name.safeParse('\u337B'.repeat(6)).success).toBe(false);
    expect(name.parse('\u337B'.repeat(5))).toBe('平成'.repeat(5));
  });
});

describe('optionalDisplayTextSchema', () => {
  const employeeId = optionalDisplayTextSchema({ max: 8 });
  it.each([
    ['missing', undefined, undefined],
    ['empty', '', undefined],
    ['only spaces', '   ', undefined],
    ['only zero-width spaces', '\u200B', undefined],
    ['full-width digits, as ASCII', '\uFF11\uFF12\uFF13', '123'],
  ])('reads %s as %s', (_, input, stored) => {
    expect(employeeId.parse(input)).toBe(stored);
  });

  it.each([
    ['NUL', 'A1\u0000'],
    ['U+0001', '\u0001'],
    ['too long', '123456789'],
  ])('refuses %s', (_, input) => {
    expect(employeeId.safeParse(input).success).toBe(false);
  });
});

describe('plainTextSchema', () => {
  const answer = plainTextSchema({ max: 20 });
  it.each([
    ['NUL', '5000\u0000'],
    ['U+0001', '\u00015000'],
    ['DEL', '5000\u007F'],
    ['too long', '1'.repeat(21)],
  ])('refuses %s', (_, input) => {
    expect(answer.safeParse(input).success).toBe(false);
  });

  it('keeps a typed answer as typed (the grader reads full-width digits itself)', () => {
    expect(answer.parse('\uFF15\uFF0C\uFF10\uFF10\uFF10円')).toBe('\uFF15\uFF0C\uFF10\uFF10\uFF10円');
  });
});
