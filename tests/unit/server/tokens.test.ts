import { describe, expect, it } from 'vitest';
import { newInviteToken, newResumeCode, newSessionToken, normalizeResumeCode, resumeCodeHash, sha256 } from '../../../src/server/auth/tokens.ts';

describe('tokens', () => {
  it('makes URL-safe random tokens of 256 and 192 bits', () => {
    expect(newSessionToken()).toMatch(/^[\w-]{43}$/);
    expect(newInviteToken()).toMatch(/^[\w-]{32}$/);
    expect(new Set(Array.from({ length: 100 }, newSessionToken)).size).toBe(100);
  });

  it('writes resume codes as XXXX-XXXX-XXXX in Crockford base32', () => {
    for (let i = 0; i < 50; i++) expect(newResumeCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it.each([
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    [' ABCD EFGH JKMN ', 'ABCDEFGHJKMN'],
    ['ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ', 'ABCDEFGHJKMN'],
    ['0O1I-L000-0000', '001110000000'],
  ])('reads %j as typed on a phone', (typed, normalized) => {
    expect(normalizeResumeCode(typed)).toBe(normalized);
  });

  it.each(['', 'ABCD-EFGH', 'ABCD-EFGH-JKMNP', 'ABCD-EFGH-JKMU'])('refuses %j', (typed) => {
    expect(normalizeResumeCode(typed)).toBeNull();
    expect(resumeCodeHash(typed)).toBeNull();
  });

  it('hashes equivalent spellings of a code the same way', () => {
    const code = newResumeCode();
    expect(resumeCodeHash(code.toLowerCase().replace(/-/g, ' '))).toBe(resumeCodeHash(code));
    expect(resumeCodeHash(code)).not.toBe(sha256(code));
  });
});
