import { persistentAtom } from '@nanostores/persistent';
import type { Locale } from '../lib/i18n/locales.ts';
import { normalizeRate } from '../lib/narration/rate.ts';
import {
  decodeSettings,
  defaultSettings,
  encodeSettings,
  withoutPosition,
  withPosition,
  type NarrationSettings,
} from '../lib/narration/browser/settings.ts';

/**
 * Narration settings: speed, the voice for each language and where each lesson was left,
 * persisted in localStorage and synced across tabs. Reading never throws (see decodeSettings).
 */
export const $settings = persistentAtom<NarrationSettings>('ltv-dojo:narration', defaultSettings(), {
  encode: encodeSettings,
  decode: decodeSettings,
});

/** Writes, but never lets a full or blocked storage break the player. */
function save(next: NarrationSettings): void {
  try {
    $settings.set(next);
  } catch {
    // Storage full or blocked: the setting lasts for this page only.
  }
}

export function setNarrationRate(rate: number): void {
  const normalized = normalizeRate(rate);
  if (normalized !== $settings.get().rate) save({ ...$settings.get(), rate: normalized });
}

/** The voice for lessons in `locale`; undefined goes back to the engine's choice. */
export function setNarrationVoice(locale: Locale, voiceId: string | undefined): void {
  const settings = $settings.get();
  if (settings.voices[locale] === voiceId) return;
  const voices = { ...settings.voices };
  if (voiceId === undefined) delete voices[locale];
  else voices[locale] = voiceId;
  save({ ...settings, voices });
}

export function saveNarrationPosition(key: string, index: number, now = Date.now()): void {
  if ($settings.get().positions[key]?.index === index) return;
  save(withPosition($settings.get(), key, index, now));
}

export function clearNarrationPosition(key: string): void {
  save(withoutPosition($settings.get(), key));
}

/** Where the lesson was left, if anywhere. */
export function narrationPosition(key: string): number | undefined {
  return $settings.get().positions[key]?.index;
}
