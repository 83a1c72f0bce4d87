/**
 * Where published custom modules' recorded narration lives, and how hard the server works on it.
 * LTV_CUSTOM_AUDIO_DIR, else `custom-audio` in the app's data folder (LTV_DATA_DIR, default ./data,
 * the one PGlite uses; see src/server/db/client.ts), so a backup of the data folder holds it too.
 * Several app instances must share this folder as they share the database.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import { rendererFor, type RendererAvailability } from '../audio/engines/index.ts';

export interface CustomAudioSettings {
  /** `<dir>/<version id>/<n>.json` and `.<hash>.mp3`; `<dir>/.segments/` caches synthesized sentences. */
  dir: string;
  /** Engine programs run at once by a render (the server keeps serving while it renders). */
  concurrency: number;
  /** The voice of a language: the offline engines only (a server never sends a module's text to a cloud). */
  rendererFor(locale: Locale): RendererAvailability;
  /** A render whose progress has not moved for this long (its process died) is taken over. */
  staleAfterMs: number;
}

export function settingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): CustomAudioSettings {
  const dataDir = env.LTV_DATA_DIR?.trim() || './data';
  const jobs = Number(env.LTV_CUSTOM_AUDIO_JOBS);
  return {
    dir: path.resolve(env.LTV_CUSTOM_AUDIO_DIR?.trim() || path.join(dataDir, 'custom-audio')),
    // Half the cores by default: learners' requests keep the other half.
    concurrency: Number.isInteger(jobs) && jobs > 0 ? jobs : Math.max(1, Math.floor(availableParallelism() / 2)),
    rendererFor: (locale) => rendererFor(locale, 'local', env),
    staleAfterMs: 10 * 60_000,
  };
}

let current: CustomAudioSettings | undefined;

export function customAudioSettings(): CustomAudioSettings {
  current ??= settingsFromEnv();
  return current;
}

/** Replaces some settings (tests: a temporary folder, a fake engine). */
export function configureCustomAudio(overrides: Partial<CustomAudioSettings>): CustomAudioSettings {
  current = { ...customAudioSettings(), ...overrides };
  return current;
}

/** The segment cache shared by every version (the same sentence in two versions is said once). */
export const segmentCacheDir = (settings: CustomAudioSettings) => path.join(settings.dir, '.segments');
