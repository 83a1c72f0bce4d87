/**
 * Seeded randomness for attempts. Every question gets its own generator from (seed, question id),
 * so its shuffle and its drawn numbers do not depend on which other questions were drawn: a
 * question can be re-created, and re-graded, from the attempt's seed and its id alone.
 */
import { createRng, type Rng } from '../clv/random.ts';

/** FNV-1a, 32 bits: a stable hash of a string, the same in every JavaScript engine. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The generator of one question of an attempt. */
export function questionRng(seed: number, questionId: string): Rng {
  return createRng(hashString(`${seed >>> 0}:${questionId}`));
}

/** A shuffled copy (Fisher-Yates), deterministic for the generator's state. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy;
}

/** A fresh seed for a new attempt (browser and Node 24 both have Web Crypto). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export { createRng };
