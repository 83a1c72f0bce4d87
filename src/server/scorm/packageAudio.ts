/**
 * Rendered narration for a package, found by a pluggable function: built-in lessons have their
 * manifests in a folder (`npm run audio` writes public/audio), custom modules may keep theirs
 * elsewhere (the server renders them on demand). A lesson without audio is read by the browser's
 * speech inside the package, so every finder may answer null.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import { audioManifestSchema, audioManifestUrl } from '../../lib/narration/audio/manifest.ts';

export interface PackagedAudio {
  /** Where the recording goes inside the package: relative, as the launch page links it. */
  packagePath: string;
  bytes: Uint8Array;
}

/** The recording of `lessonId` (its bank's lesson key) in `locale`, or null to use browser speech. */
export type LessonAudioFinder = (locale: Locale, lessonId: string) => Promise<PackagedAudio | null>;

/** Manifests at `<root>/audio/<lang>/<lesson>.json` naming their MP3 beside them (public/ or dist/client/). */
export function audioFromFolder(audioRoot: string): LessonAudioFinder {
  return async (locale, lessonId) => {
    const manifestFile = path.join(audioRoot, audioManifestUrl(locale, lessonId));
    if (!existsSync(manifestFile)) return null;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch {
      return null;
    }
    const parsed = audioManifestSchema.safeParse(json);
    // A manifest names a file under the root, never one outside it.
    if (!parsed.success || parsed.data.src.split('/').includes('..')) return null;
    const file = path.join(audioRoot, parsed.data.src);
    // The manifest's URL is site-absolute (/audio/...); inside the package it is relative.
    return existsSync(file) ? { packagePath: parsed.data.src.replace(/^\/+/, ''), bytes: readFileSync(file) } : null;
  };
}
