import { SEGMENT_FORMAT } from './format.ts';
import type { RendererIdentity } from './renderer.ts';
import { sha256Hex } from './sha256.ts';

/**
 * The name of one segment's audio in the cache: a hash of everything that decides its sound
 * (the text, the engine, the voice, the engine's settings and the pipeline's segment format).
 * Editing one sentence changes one key; changing the voice changes them all.
 */
export function segmentCacheKey(renderer: RendererIdentity, text: string): string {
  return sha256Hex(canonicalJson({ format: SEGMENT_FORMAT, engine: renderer.id, voice: renderer.voice, settings: renderer.settings, text }));
}

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
