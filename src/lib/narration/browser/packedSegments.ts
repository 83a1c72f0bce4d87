import type { NarrationSegment } from '../types.ts';

/**
 * Segments as the page sends them to the player island: short keys, and the spoken text only
 * where the lexicon changed it, so a lesson's script adds little to its HTML.
 */
export interface PackedSegment {
  /** blockId */
  b: string;
  /** kind */
  k: NarrationSegment['kind'];
  /** display */
  d: string;
  /** spoken, when it differs from display */
  s?: string;
  /** durationMs */
  t: number;
}

export function packSegments(segments: readonly NarrationSegment[]): PackedSegment[] {
  return segments.map(({ blockId, kind, display, spoken, durationMs }) =>
    spoken === display ? { b: blockId, k: kind, d: display, t: durationMs } : { b: blockId, k: kind, d: display, s: spoken, t: durationMs },
  );
}

export function unpackSegments(packed: readonly PackedSegment[]): NarrationSegment[] {
  return packed.map(({ b, k, d, s, t }, index) => ({ index, blockId: b, kind: k, display: d, spoken: s ?? d, durationMs: t }));
}
