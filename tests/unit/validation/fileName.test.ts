/** Download file names built from a stored cohort name, whatever that row holds. */
import { describe, expect, it } from 'vitest';
import { encodeRfc5987, fileNameStem } from '../../../src/lib/validation/fileName.ts';

describe('fileNameStem', () => {
  it.each([
    ['a Japanese name, intact', '営業1課 春', '営業1課 春'],
    ['a right-to-left override, removed', 'report\u202Evsc.exe', 'reportvsc.exe'],
    ['NUL and other controls, as spaces', 'a\u0000b\u0001c\u007Fd', 'a b c d'],
    ['path separators and reserved characters, as _', '../etc/passwd:x*?"<>|', 'etc_passwd_x______'],
    ['only dots', '...', ''],
    ['only zero-width spaces', '\u200B\u200B', ''],
    ['full-width, as ASCII', '\uFF34\uFF45\uFF41\uFF4D', 'Team'],
  ])('%s', (_, input, stem) => {
    expect(fileNameStem(input)).toBe(stem);
  });

  it('is capped by characters (an emoji is one)', () => {
    expect(fileNameStem('\u{1F44D}'.repeat(100), { max: 5 })).toBe('\u{1F44D}'.repeat(5));
    expect(fileNameStem('x'.repeat(10_000))).toHaveLength(60);
  });
});

describe('encodeRfc5987', () => {
  it('leaves only attr-chars and percent-escapes', () => {
    const encoded = encodeRfc5987("営業 (1)'s*!.csv");
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toBe("営業 (1)'s*!.csv");
  });
});
