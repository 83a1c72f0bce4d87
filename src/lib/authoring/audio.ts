/**
 * Recorded narration of a published custom module: what each lesson says (exactly the segments
 * its page gives the player, the module's pronunciations applied) and how its files are named.
 * A version never changes, so its audio is rendered once, after publishing, into its own folder:
 * `<version id>/<n>.json` and `<version id>/<n>.<hash>.mp3`, served by `/api/custom-audio/…`.
 */
import type { Locale } from '../i18n/locales.ts';
import type { NarrationSegment } from '../narration/types.ts';
import { customLessonKey, customModuleKey, parseCustomLessonKey } from './ids.ts';
import { customLessonPage } from './lessonPage.ts';
import type { ModuleSnapshot } from './schema.ts';

export const CUSTOM_AUDIO_PATH = '/api/custom-audio/';

/** A custom lesson's narration, in the shape the audio pipeline renders (src/server/audio/lessons.ts). */
export interface CustomLessonNarration {
  /** The lesson key `cm-<version>-<n>`: the player's lesson id and the manifest's `lesson`. */
  lesson: string;
  locale: Locale;
  /** `cm-<module id>`, what the render summary groups by. */
  module: string;
  order: number;
  title: string;
  segments: NarrationSegment[];
}

/** Every lesson of a frozen version, as the lesson page (src/server/authoring/pages.ts) narrates it. */
export function customLessonNarrations(versionId: string, snapshot: ModuleSnapshot): CustomLessonNarration[] {
  return snapshot.lessons.map((lesson, i) => ({
    lesson: customLessonKey(versionId, i + 1),
    locale: snapshot.locale,
    module: customModuleKey(snapshot.moduleId),
    order: i + 1,
    title: lesson.title,
    segments: customLessonPage({ title: lesson.title, sections: lesson.sections, locale: snapshot.locale, pronunciations: snapshot.pronunciations }).segments,
  }));
}

const MP3_NAME = /^([1-9][0-9]{0,2})\.([0-9a-f]{16})\.mp3$/;

export const customAudioManifestName = (position: number) => `${position}.json`;
export const customAudioFileName = (position: number, outputHash: string) => `${position}.${outputHash}.mp3`;
export const customAudioUrl = (versionId: string, position: number, outputHash: string) =>
  `${CUSTOM_AUDIO_PATH}${versionId}/${customAudioFileName(position, outputHash)}`;

/** The lesson position of a lesson key, for the file names (throws on a key that is not a custom lesson's). */
export function lessonPositionOf(key: string): number {
  const parsed = parseCustomLessonKey(key);
  if (!parsed) throw new Error(`not a custom lesson key: ${key}`);
  return parsed.position;
}

/**
 * A requested file name, if it is one this layout writes (`<n>.<16 hex>.mp3`): nothing else is
 * ever read from the folder, so `..`, slashes, NUL and manifests are refused by the name alone.
 */
export function parseCustomAudioFile(name: string): { position: number; outputHash: string } | null {
  const match = MP3_NAME.exec(name);
  return match ? { position: Number(match[1]), outputHash: match[2]! } : null;
}
