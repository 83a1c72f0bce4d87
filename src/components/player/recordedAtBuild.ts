import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import { audioManifestUrl, type AudioManifest } from '../../lib/narration/audio/manifest.ts';
import { recordingFor } from '../../lib/narration/recorded/recording.ts';
import type { NarrationSegment } from '../../lib/narration/types.ts';

/**
 * Whether the build found this lesson's recording in public/audio (rendered by `npm run audio`
 * before the build, which copies it to the site) made from the page's own script. Pages ask
 * for a manifest only then, so lessons without audio cost no request and log no 404.
 */
export function hasRecordingAtBuild(locale: Locale, lessonId: string, segments: readonly NarrationSegment[]): boolean {
  return recordingAtBuild(locale, lessonId, segments) !== undefined;
}

/** The lesson's recording found by the build (see hasRecordingAtBuild), with its duration. */
export function recordingAtBuild(locale: Locale, lessonId: string, segments: readonly NarrationSegment[]): AudioManifest | undefined {
  try {
    const file = path.join(process.cwd(), 'public', audioManifestUrl(locale, lessonId));
    return recordingFor(JSON.parse(readFileSync(file, 'utf8')), segments);
  } catch {
    return undefined;
  }
}
