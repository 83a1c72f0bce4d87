import type { Locale } from '../../../lib/i18n/locales.ts';
import { audioManifestUrl, type AudioManifest } from '../../../lib/narration/audio/manifest.ts';
import { recordingFor } from '../../../lib/narration/recorded/recording.ts';
import type { NarrationSegment } from '../../../lib/narration/types.ts';

const found = new Map<string, Promise<AudioManifest | undefined>>();

/**
 * The lesson's recorded narration, if it has been rendered and matches the page's script;
 * asked once per lesson and page session. Any failure (not rendered, offline, an older
 * render) means no recording: the speech engine reads the lesson instead.
 */
export function findRecording(locale: Locale, lessonId: string, segments: readonly NarrationSegment[]): Promise<AudioManifest | undefined> {
  const url = audioManifestUrl(locale, lessonId);
  let pending = found.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((raw: unknown) => (raw === undefined ? undefined : recordingFor(raw, segments)))
      .catch(() => undefined);
    found.set(url, pending);
  }
  return pending;
}

/** Forgets what was found (tests, or after rendering new audio in a long-lived page). */
export function forgetRecordings(): void {
  found.clear();
}
