/**
 * Per-module pronunciation overrides (御社 → おんしゃ) on top of the narration lexicon
 * (src/lib/narration/lexicon.ts): the term is replaced in the text given to the voice before the
 * lexicon runs, never on screen. One pass, longest term first, so one override's reading is
 * never rewritten by another.
 */
import type { Locale } from '../i18n/locales.ts';
import { toSpoken } from '../narration/lexicon.ts';
import { estimateDurationMs } from '../narration/segment.ts';
import type { NarrationSegment } from '../narration/types.ts';
import type { Pronunciation } from './schema.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function applyPronunciations(text: string, overrides: readonly Pronunciation[]): string {
  if (overrides.length === 0) return text;
  const readings = new Map(overrides.map((entry) => [entry.term, entry.reading]));
  const terms = [...readings.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(terms.join('|'), 'gu'), (term) => readings.get(term) ?? term);
}

/** The segments with the overrides applied to what the voice says (durations follow). */
export function withPronunciations(segments: readonly NarrationSegment[], overrides: readonly Pronunciation[], locale: Locale): NarrationSegment[] {
  if (overrides.length === 0) return [...segments];
  return segments.map((segment) => {
    const spoken = toSpoken(applyPronunciations(segment.display, overrides), locale);
    return { ...segment, spoken, durationMs: estimateDurationMs(spoken, locale) };
  });
}
