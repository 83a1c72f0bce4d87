/**
 * Trainer passwords: scrypt (RFC 7914) from node:crypto, a memory-hard hash, with a random salt
 * per user and a timing-safe comparison. The cost is one of OWASP's equivalent minimums for
 * scrypt (Password Storage Cheat Sheet): N = 2^15, r = 8, p = 3, i.e. 32 MiB of memory per hash.
 * The parameters are stored with each hash, so raising them later only affects new hashes, and
 * old ones still verify.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_PARAMS = { log2N: 15, r: 8, p: 3, keyLength: 32, saltLength: 16 };

/** Longest password accepted: scrypt hashes any length, but a megabyte "password" is a DoS. */
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const N = 2 ** log2N;
  // Node refuses more than 32 MiB by default; allow what the parameters need, with headroom.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export type ScryptParams = typeof SCRYPT_PARAMS;

/** `scrypt$15$8$3$<salt base64url>$<hash base64url>`. Tests may pass cheaper parameters. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const { log2N, r, p, keyLength, saltLength } = params;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, log2N, r, p, keyLength);
  return ['scrypt', log2N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const numbers = [log2N, r, p].map(Number);
  if (!numbers.every((value) => Number.isInteger(value) && value > 0 && value < 64)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), numbers[0]!, numbers[1]!, numbers[2]!, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/**
 * Spends the time a real verification would when the email is unknown, so the response time
 * does not tell an attacker which emails have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('dummy password for unknown accounts');
  await verifyPassword(password, await dummy);
  return false;
}
