import type { Locale } from '../../i18n/locales.ts';
import type { NarrationSegment } from '../types.ts';
import { canonicalJson, segmentCacheKey } from './cacheKey.ts';
import { LESSON_MP3, PAUSES_MS, type Pauses } from './format.ts';
import type { RendererIdentity } from './renderer.ts';
import { sha256Hex } from './sha256.ts';

/** One segment to say, where its audio is cached, and the silence that follows it. */
export interface PlannedSegment {
  /** The segment's index in the lesson's narration: the id the player highlights by. */
  id: number;
  /** The block the segment belongs to (the element the page highlights). */
  blockId: string;
  /** What the engine is given: the spoken text, after the pronunciation lexicon. */
  text: string;
  cacheKey: string;
  /** Silence after this segment, in milliseconds; 0 after the last. */
  pauseAfterMs: number;
}

export interface LessonAudioPlan {
  lesson: string;
  locale: Locale;
  segments: PlannedSegment[];
  /** Identifies the narration script the audio was made from (see `narrationScriptHash`). */
  scriptHash: string;
  /** Identifies the joined file: its segments' audio, the pauses and the encoder settings. */
  outputHash: string;
}

export interface PlanInput {
  lesson: string;
  locale: Locale;
  /** The lesson's segments, as `segmentBlocks(lessonScript(…))` gives them to the page. */
  segments: readonly Pick<NarrationSegment, 'index' | 'blockId' | 'kind' | 'spoken'>[];
  renderer: RendererIdentity;
  pauses?: Pauses;
}

/** Blocks outside the body that begin a part of the page of their own. */
const PAGE_PARTS = new Set(['summary', 'objectives', 'key-terms']);

/** What the lesson's audio is made of: the segments in order, each with its cache key and pause. */
export function planLessonAudio({ lesson, locale, segments, renderer, pauses = PAUSES_MS }: PlanInput): LessonAudioPlan {
  const planned = segments.map((segment, i): PlannedSegment => {
    const next = segments[i + 1];
    return {
      id: segment.index,
      blockId: segment.blockId,
      text: segment.spoken,
      cacheKey: segmentCacheKey(renderer, segment.spoken),
      pauseAfterMs: next ? pauses[boundaryBetween(segment, next)] : 0,
    };
  });
  const outputHash = sha256Hex(
    canonicalJson({ mp3: LESSON_MP3, parts: planned.map(({ cacheKey, pauseAfterMs }) => [cacheKey, pauseAfterMs]) }),
  ).slice(0, 16);
  return { lesson, locale, segments: planned, scriptHash: narrationScriptHash(segments), outputHash };
}

/** How far apart two consecutive segments are in the lesson's structure. */
export function boundaryBetween(
  previous: Pick<NarrationSegment, 'blockId'>,
  next: Pick<NarrationSegment, 'blockId' | 'kind'>,
): keyof Pauses {
  if (next.blockId === previous.blockId) return 'sentence';
  return next.kind === 'heading' || PAGE_PARTS.has(next.blockId) ? 'section' : 'block';
}

/**
 * A short hash of what is said and where it is shown. The page computes it from its own
 * segments; when it differs from the manifest's, the audio was made from another version of
 * the lesson and the player should not trust its timings.
 */
export function narrationScriptHash(segments: readonly Pick<NarrationSegment, 'blockId' | 'spoken'>[]): string {
  return sha256Hex(JSON.stringify(segments.map(({ blockId, spoken }) => [blockId, spoken]))).slice(0, 16);
}
