import type { AudioManifest, AudioManifestSegment } from './manifest.ts';

/**
 * The segment heard at `seconds` into the lesson's audio: the last one starting at or before
 * it, found by binary search (the player asks on every `timeupdate`). Nothing before the start
 * or for a time that is not a number; past the end, the last segment (a finished file reports
 * its full duration as its current time).
 */
export function segmentAt(manifest: Pick<AudioManifest, 'segments'>, seconds: number): AudioManifestSegment | undefined {
  const { segments } = manifest;
  if (!(seconds >= 0) || segments.length === 0 || seconds < segments[0]!.start) return undefined;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    // Upper middle, so `low = middle` always moves.
    const middle = (low + high + 1) >> 1;
    if (segments[middle]!.start <= seconds) low = middle;
    else high = middle - 1;
  }
  return segments[low];
}
