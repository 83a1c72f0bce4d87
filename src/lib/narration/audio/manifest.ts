import * as z from 'zod/mini';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { samplesOf } from './format.ts';
import type { LessonAudioPlan } from './plan.ts';

/** Where a segment is heard in the lesson's audio file. zod/mini: the player parses manifests in the browser. */
export const audioManifestSegmentSchema = z.object({
  /** The segment's index in the lesson's narration, the one the player highlights by. */
  id: z.int().check(z.minimum(0)),
  /** The block the segment belongs to. */
  block: z.string().check(z.minLength(1)),
  /** Seconds from the start of the file where the segment begins. */
  start: z.number().check(z.minimum(0)),
  /** Seconds where the next segment begins (the pause after a segment belongs to it). */
  end: z.number().check(z.minimum(0)),
});
export type AudioManifestSegment = z.infer<typeof audioManifestSegmentSchema>;

/** `/audio/<lang>/<lesson>.json`: the lesson's rendered narration and its timings. */
export const audioManifestSchema = z.object({
  /** Format of this file. */
  version: z.literal(1),
  /** The lesson id. */
  lesson: z.string().check(z.minLength(1)),
  lang: z.enum(LOCALES),
  /** The MP3, content-hashed: `/audio/<lang>/<lesson>.<hash>.mp3` (a custom module's: `/api/custom-audio/<version>/<n>.<hash>.mp3`). */
  src: z.string().check(z.minLength(1)),
  /** Length of the audio in seconds. */
  duration: z.number().check(z.minimum(0)),
  /** Who speaks: engine, voice id and a name for people (credited on /credits/). */
  voice: z.object({ engine: z.string().check(z.minLength(1)), id: z.string().check(z.minLength(1)), label: z.string().check(z.minLength(1)) }),
  /** `narrationScriptHash` of the segments the audio was made from. */
  scriptHash: z.string().check(z.minLength(1)),
  /** In order, contiguous: each segment ends where the next starts, the last at `duration`. */
  segments: z.array(audioManifestSegmentSchema),
});
export type AudioManifest = z.infer<typeof audioManifestSchema>;

/** The URL of a lesson's manifest: the player fetches this first. */
export function audioManifestUrl(locale: Locale, lesson: string): string {
  return `/audio/${locale}/${lesson}.json`;
}

/** The URL of a lesson's MP3: a new hash whenever anything heard in it changes. */
export function audioFileUrl(locale: Locale, lesson: string, outputHash: string): string {
  return `/audio/${locale}/${lesson}.${outputHash}.mp3`;
}

export interface ManifestInput {
  plan: LessonAudioPlan;
  /** Samples of each planned segment's cached audio, in plan order, at `sampleRate`. */
  segmentSamples: readonly number[];
  sampleRate: number;
  voice: AudioManifest['voice'];
  /** The MP3's URL when it is not the site's `/audio/<lang>/…` (a custom module's, served with authorization). */
  src?: string;
}

/**
 * The manifest for a plan, from the measured length of each segment's audio. Positions are
 * counted in samples, exactly as the joined file is laid out (segment, then its pause), and
 * only turned into seconds at the end, so rounding never opens a gap or drifts.
 */
export function buildManifest({ plan, segmentSamples, sampleRate, voice, src }: ManifestInput): AudioManifest {
  if (segmentSamples.length !== plan.segments.length) {
    throw new Error(`segmentSamples: expected ${plan.segments.length} lengths (one per planned segment), got ${segmentSamples.length}`);
  }
  const seconds = (samples: number) => Math.round((samples / sampleRate) * 1000) / 1000;
  let position = 0;
  const segments = plan.segments.map((segment, i) => {
    const start = position;
    position += segmentSamples[i]! + samplesOf(segment.pauseAfterMs, sampleRate);
    return { id: segment.id, block: segment.blockId, start: seconds(start), end: seconds(position) };
  });
  return {
    version: 1,
    lesson: plan.lesson,
    lang: plan.locale,
    src: src ?? audioFileUrl(plan.locale, plan.lesson, plan.outputHash),
    duration: seconds(position),
    voice,
    scriptHash: plan.scriptHash,
    segments,
  };
}
