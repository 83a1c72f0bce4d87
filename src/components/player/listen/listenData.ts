import type { Locale } from '../../../lib/i18n/locales.ts';
import type { AudioManifest } from '../../../lib/narration/audio/manifest.ts';
import type { PackedSegment } from '../../../lib/narration/browser/packedSegments.ts';

/** Id of the JSON a listen page carries: the module's lessons and their narration scripts. */
export const LISTEN_DATA_ID = 'listen-data';

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

/** The module of a listen page; nothing on other pages (or if the JSON is unreadable). */
export function readListenData(doc: Document): ListenData | undefined {
  const element = doc.getElementById(LISTEN_DATA_ID);
  if (!element?.textContent) return undefined;
  try {
    const data = JSON.parse(element.textContent) as ListenData;
    return Array.isArray(data.lessons) && data.lessons.length > 0 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Same module in the same language. */
export function sameModule(a: ListenData | undefined, b: ListenData | undefined): boolean {
  return a !== undefined && b !== undefined && a.moduleId === b.moduleId && a.locale === b.locale;
}
