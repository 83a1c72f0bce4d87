import type { ListenData } from '../../../lib/narration/listenPlaylist.ts';

export type { ListenData, ListenLesson } from '../../../lib/narration/listenPlaylist.ts';

/** Id of the JSON a listen page carries: the module's lessons and their narration scripts. */
export const LISTEN_DATA_ID = 'listen-data';

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
