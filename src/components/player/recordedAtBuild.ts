import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import { audioManifestSchema, audioManifestUrl, type AudioManifest } from '../../lib/narration/audio/manifest.ts';
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

/** The voices of every recording in public/audio when the site is built (for the credits page). */
export function recordedVoicesAtBuild(): AudioManifest['voice'][] {
  const root = path.join(process.cwd(), 'public', 'audio');
  const voices: AudioManifest['voice'][] = [];
  for (const locale of ['ja', 'en'] as const) {
    let files: string[];
    try {
      files = readdirSync(path.join(root, locale)).filter((file) => file.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const parsed = audioManifestSchema.safeParse(JSON.parse(readFileSync(path.join(root, locale, file), 'utf8')));
      if (parsed.success) voices.push(parsed.data.voice);
    }
  }
  return voices;
}
