/** The playlist a listen page hands to listen mode: one module, its lessons and their narration (server and page agree on it). */
import type { Locale } from '../i18n/locales.ts';
import type { AudioManifest } from './audio/manifest.ts';
import type { PackedSegment } from './browser/packedSegments.ts';

/** One module as listen mode plays it. */
export interface ListenData {
  moduleId: string;
  moduleTitle: string;
  /** The module's listen page. */
  href: string;
  locale: Locale;
  lessons: ListenLesson[];
}

export interface ListenLesson {
  id: string;
  title: string;
  href: string;
  segments: PackedSegment[];
  /** The build found its recording (public/audio): the page fetches its manifest. */
  recorded?: boolean;
  /** The recording's manifest itself, where the server has it at hand (custom modules). */
  recording?: AudioManifest;
}
