import type { Locale } from '../i18n/locales.ts';
import { splitToFit } from './capLength.ts';
import { toSpoken } from './lexicon.ts';
import { splitSentences } from './sentences.ts';
import type { NarrationBlock, NarrationSegment } from './types.ts';

/**
 * Characters spoken per second at rate 1.0. Japanese voices read about 6–7 kana or kanji a
 * second (about 400 characters a minute, the pace of NHK news); English voices about 15
 * characters a second, spaces included (about 170 words a minute).
 */
export const CHARACTERS_PER_SECOND: Record<Locale, number> = { ja: 6.5, en: 15 };

/** Longest utterance we hand the engine: Chrome cuts speech off at about 15 seconds. */
export const MAX_SEGMENT_MS = 15_000;

/**
 * How long `text` takes to say at rate 1.0, in milliseconds. Japanese counts characters without
 * spaces; English counts spaces too, as they stand for the gaps between words. Used for the
 * length cap, the player's watchdog and elapsed/remaining time, so it is an estimate, not a promise.
 */
export function estimateDurationMs(text: string, locale: Locale): number {
  const characters = locale === 'ja' ? text.replace(/\s/g, '') : text.replace(/\s+/g, ' ').trim();
  return Math.round((Array.from(characters).length / CHARACTERS_PER_SECOND[locale]) * 1000);
}

export interface SegmentOptions {
  /** Longest estimated utterance; longer sentences are split at pauses. */
  maxSegmentMs?: number;
}

/**
 * The lesson's blocks as utterances: each block split into sentences, long sentences split
 * under the cap, each with its display text, its spoken text (after the lexicon) and its
 * estimated duration. Segments are numbered across the lesson from 0.
 */
export function segmentBlocks(
  blocks: readonly NarrationBlock[],
  locale: Locale,
  { maxSegmentMs = MAX_SEGMENT_MS }: SegmentOptions = {},
): NarrationSegment[] {
  const spokenDurationMs = (display: string) => estimateDurationMs(toSpoken(display, locale), locale);
  const segments: NarrationSegment[] = [];
  for (const block of blocks) {
    for (const display of splitBlockText(block.text, locale, maxSegmentMs, spokenDurationMs)) {
      const spoken = toSpoken(display, locale);
      if (spoken === '') continue;
      segments.push({
        index: segments.length,
        blockId: block.id,
        kind: block.kind,
        display,
        spoken,
        durationMs: estimateDurationMs(spoken, locale),
      });
    }
  }
  return segments;
}

/** The display text of one block as utterance-sized pieces. */
export function splitBlockText(
  text: string,
  locale: Locale,
  maxSegmentMs = MAX_SEGMENT_MS,
  measureMs: (text: string) => number = (part) => estimateDurationMs(part, locale),
): string[] {
  return splitSentences(text, locale).flatMap((sentence) => splitToFit(sentence, maxSegmentMs, measureMs));
}
