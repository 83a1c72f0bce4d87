/**
 * The pipeline's own audio formats. Changing one changes every cache key or output name that
 * depends on it, so old files are never mistaken for new ones.
 */

/**
 * What each segment is cached as: the engine's own sampling rate (each engine synthesizes at
 * the rate its voice was trained for; ffmpeg resamples once, when a lesson is joined), 16-bit
 * mono PCM WAV, with the engine's leading and trailing silence cut (Open JTalk adds about
 * 0.3 s before and 0.5 s after), so the pauses between sentences are the plan's and nothing else.
 */
export const SEGMENT_FORMAT = {
  version: 2,
  channels: 1,
  bitsPerSample: 16,
  /** Quieter than this at the start and end is silence. */
  silenceThresholdDb: -50,
  /** Kept on each side of the sound, so soft onsets and endings are not clipped. */
  silenceMarginMs: 20,
} as const;

/** The lesson file: mono MP3 at about 48 kbit/s, about 21 MB an hour. */
export const LESSON_MP3 = {
  version: 1,
  codec: 'libmp3lame',
  bitrateKbps: 48,
  /** MPEG-2 Layer III: 24 kHz is plenty for speech at 48 kbit/s. */
  sampleRate: 24_000,
  channels: 1,
} as const;

/**
 * Silence between two segments, in milliseconds: a breath between sentences of one block, a
 * longer one between blocks, and the longest before a new section, so a listener hears the
 * structure a reader sees.
 */
export const PAUSES_MS = { sentence: 250, block: 400, section: 600 } as const;
export type Pauses = { readonly [K in keyof typeof PAUSES_MS]: number };

/** Samples of `ms` milliseconds at `sampleRate`: the joined file and the manifest both use this. */
export function samplesOf(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}
