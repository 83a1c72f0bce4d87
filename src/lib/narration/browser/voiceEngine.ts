import type { SpeechEngine, SpeechVoice, Utterance } from '../engine.ts';

/**
 * Whether the engine can speak: `checking` while the voice list is still loading (browsers
 * fill it late), `ready` with at least one voice, `unsupported` without speech or voices.
 */
export type SpeechSupport = 'checking' | 'ready' | 'unsupported';

/** A speech engine as the player island uses it: the SpeechEngine, plus news of its voices. */
export interface VoiceEngine extends SpeechEngine {
  support(): SpeechSupport;
  /** Calls `listener` when the voices or the support change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /**
   * Starts preparing what is likely said next (a cloud voice downloads it), so it plays
   * without a gap. Only the latest call counts; engines that need no preparation do nothing.
   */
  prepare?(utterance: Utterance): void;
}

/** The primary language of a BCP 47 tag: `ja` for `ja-JP`, `en` for `en_GB`. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The voices that can read a lesson in `lang`: the same language, any region (an English
 * lesson can be read in en-GB), those of the exact region first, in the engine's order.
 */
export function voicesFor(voices: readonly SpeechVoice[], lang: string): SpeechVoice[] {
  const wanted = primaryLanguage(lang);
  const exact = normalizeTag(lang);
  const matching = voices.filter((voice) => primaryLanguage(voice.lang) === wanted);
  return [
    ...matching.filter((voice) => normalizeTag(voice.lang) === exact),
    ...matching.filter((voice) => normalizeTag(voice.lang) !== exact),
  ];
}

/** The voice to use for `lang` when the learner chose none, or the chosen one is gone. */
export function pickVoice<Voice extends SpeechVoice>(voices: readonly Voice[], lang: string, chosenId?: string): Voice | undefined {
  const chosen = chosenId === undefined ? undefined : voices.find((voice) => voice.id === chosenId);
  if (chosen && primaryLanguage(chosen.lang) === primaryLanguage(lang)) return chosen;
  return voicesFor(voices, lang)[0] as Voice | undefined;
}

function normalizeTag(tag: string): string {
  return tag.replace('_', '-').toLowerCase();
}
