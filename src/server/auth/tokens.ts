/**
 * Secrets handed to browsers (session tokens, invite tokens, resume codes) and how they are kept:
 * only a SHA-256 is stored for sessions and resume codes. A fast hash is right here, unlike for
 * passwords: these are 120 to 256 random bits, so there is nothing to guess from a leaked hash.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 bits, URL-safe: the session cookie's value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 192 bits, URL-safe: the invite link's last segment. */
export function newInviteToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or retyped stays unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RESUME_CODE_LENGTH = 12;

/** 60 random bits as `XXXX-XXXX-XXXX`, for a learner to continue on another device. */
export function newResumeCode(): string {
  let code = '';
  for (let i = 0; i < RESUME_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * The code as typed on a phone: any case, spaces or hyphens, full-width characters, and the
 * letters people confuse with digits (O for 0, I and L for 1). Null when it cannot be a code.
 */
export function normalizeResumeCode(typed: string): string | null {
  const text = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return text.length === RESUME_CODE_LENGTH && [...text].every((char) => ALPHABET.includes(char)) ? text : null;
}

/** What is stored for a resume code. */
export function resumeCodeHash(code: string): string | null {
  const normalized = normalizeResumeCode(code);
  return normalized === null ? null : sha256(`resume:${normalized}`);
}
