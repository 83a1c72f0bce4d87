import * as z from 'zod/mini';
import type { Locale } from '../../i18n/locales.ts';
import { normalizeRate } from '../rate.ts';

/**
 * The learner's narration settings as stored in the browser: speed, the voice chosen for each
 * language, and where each lesson was left. Versioned like the progress record: `decodeSettings`
 * reads what it can, resets the rest, and never throws, so a broken entry cannot break a page.
 * zod/mini keeps the schema small enough for the player's bundle.
 */
export const SETTINGS_VERSION = 1;

/** How many lesson positions are kept; the oldest go first. */
export const MAX_POSITIONS = 40;

/** Where a lesson was left. */
export const positionSchema = z.object({
  /** Index of the segment to resume at, from 0. */
  index: z.number().check(z.int(), z.minimum(0)),
  /** When it was saved (ms since the epoch), to drop the oldest positions first. */
  savedAt: z.number(),
});
export type SavedPosition = z.infer<typeof positionSchema>;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Speaking rate, 0.5 to 2.0 in steps of 0.25. */
  rate: z.number(),
  /** The voice chosen for each lesson language (an engine voice id); none means the engine's pick. */
  voices: z.object({ ja: z.optional(z.string()), en: z.optional(z.string()) }),
  /** Positions by `positionKey(locale, lessonId)`: segment numbers differ between languages. */
  positions: z.record(z.string(), positionSchema),
});
export type NarrationSettings = z.infer<typeof settingsSchema>;

export function defaultSettings(): NarrationSettings {
  return { version: SETTINGS_VERSION, rate: 1, voices: {}, positions: {} };
}

/** `ja/what-is-ltv`: positions belong to one language version of a lesson. */
export function positionKey(locale: Locale, lessonId: string): string {
  return `${locale}/${lessonId}`;
}

/** Reads stored settings; every field that cannot be read falls back to its default on its own. */
export function decodeSettings(encoded: string | null | undefined): NarrationSettings {
  const settings = defaultSettings();
  if (!encoded) return settings;
  let raw: unknown;
  try {
    raw = JSON.parse(encoded);
  } catch {
    return settings;
  }
  // A newer format than this code knows: keep the defaults rather than misread it.
  if (!isRecord(raw) || raw['version'] !== SETTINGS_VERSION) return settings;
  if (typeof raw['rate'] === 'number') settings.rate = normalizeRate(raw['rate']);
  const voices = isRecord(raw['voices']) ? raw['voices'] : {};
  for (const locale of ['ja', 'en'] as const) {
    const voice = voices[locale];
    if (typeof voice === 'string' && voice !== '') settings.voices[locale] = voice;
  }
  const positions = isRecord(raw['positions']) ? raw['positions'] : {};
  for (const [key, value] of Object.entries(positions)) {
    const parsed = positionSchema.safeParse(value);
    if (parsed.success) settings.positions[key] = parsed.data;
  }
  settings.positions = newestPositions(settings.positions);
  return settings;
}

export function encodeSettings(settings: NarrationSettings): string {
  return JSON.stringify(settings);
}

/** A copy with one lesson's position saved, keeping at most MAX_POSITIONS. */
export function withPosition(settings: NarrationSettings, key: string, index: number, now: number): NarrationSettings {
  const positions = { ...settings.positions, [key]: { index: Math.max(0, Math.trunc(index) || 0), savedAt: now } };
  return { ...settings, positions: newestPositions(positions) };
}

/** A copy without one lesson's position (listened to the end: next time starts at the top). */
export function withoutPosition(settings: NarrationSettings, key: string): NarrationSettings {
  if (!(key in settings.positions)) return settings;
  const { [key]: _dropped, ...positions } = settings.positions;
  return { ...settings, positions };
}

function newestPositions(positions: Record<string, SavedPosition>): Record<string, SavedPosition> {
  const entries = Object.entries(positions);
  if (entries.length <= MAX_POSITIONS) return positions;
  return Object.fromEntries(entries.sort(([, a], [, b]) => b.savedAt - a.savedAt).slice(0, MAX_POSITIONS));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
