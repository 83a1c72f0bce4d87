import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyAgainstDummy, verifyPassword } from '../../../src/server/auth/password.ts';

const FAST = { ...SCRYPT_PARAMS, log2N: 10, p: 1 };

describe('scrypt passwords', () => {
  it('stores the parameters and a per-user salt with the hash', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery', FAST), hashPassword('correct horse battery', FAST)]);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats full-width and half-width input alike (NFKC)', async () => {
    const stored = await hashPassword('パスワード123abc', FAST);
    expect(await verifyPassword('パスワード１２３ａｂｃ', stored)).toBe(true);
  });

  it('uses the production cost by default (N = 2^15, r = 8, p = 3)', async () => {
    expect(await hashPassword('correct horse battery')).toMatch(/^scrypt\$15\$8\$3\$/);
  });

  it.each(['', 'bcrypt$x', 'scrypt$99$8$1$a$b', 'scrypt$10$8$1$$'])('returns false for a malformed hash %j', async (stored) => {
    expect(await verifyPassword('x', stored)).toBe(false);
  });

  it('spends a verification on unknown accounts too', async () => {
    expect(await verifyAgainstDummy('whatever')).toBe(false);
  });
});
