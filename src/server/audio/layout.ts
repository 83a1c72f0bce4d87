import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import { audioFileUrl, audioManifestUrl } from '../../lib/narration/audio/manifest.ts';
import type { LessonAudioPlan } from '../../lib/narration/audio/plan.ts';

/** Where one lesson's rendered audio is written, and the URL its manifest names the MP3 by. */
export interface LessonAudioPaths {
  /** The folder holding the lesson's manifest and MP3 (older MP3s of the lesson are removed from it). */
  dir: string;
  manifest: string;
  mp3: string;
  /** What the manifest's `src` says: the URL the player fetches. */
  src: string;
}

/**
 * How a set of lessons is laid out on disk and on the web: the built-in site's `/audio/<lang>/`
 * (siteLayout) or a published custom module's own folder (src/server/customAudio). The pipeline
 * only asks the layout, so the same plan, cache and join serve both.
 */
export interface AudioLayout {
  paths(plan: Pick<LessonAudioPlan, 'lesson' | 'locale' | 'outputHash'>): LessonAudioPaths;
  /** The folder a language's lessons are written to, where a full run removes lessons that no longer exist. */
  folderOf(locale: Locale): string;
}

/** `npm run audio`'s layout: `<outDir>/<lang>/<lesson>.json` and `.<hash>.mp3`, served as `/audio/…`. */
export function siteLayout(outDir: string): AudioLayout {
  // The output folder is what the site serves as /audio/: the URLs name the files, in one place.
  const onDisk = (url: string) => path.join(outDir, url.replace(/^\/audio\//, ''));
  return {
    paths: ({ lesson, locale, outputHash }) => ({
      dir: path.join(outDir, locale),
      manifest: onDisk(audioManifestUrl(locale, lesson)),
      mp3: onDisk(audioFileUrl(locale, lesson, outputHash)),
      src: audioFileUrl(locale, lesson, outputHash),
    }),
    folderOf: (locale) => path.join(outDir, locale),
  };
}
