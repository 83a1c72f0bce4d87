import type { Locale } from '../i18n/locales.ts';

/** `/podcast/<lang>/<module>.xml`: one feed per module and language. */
export function podcastFeedPath(locale: Locale, moduleId: string): string {
  return `/podcast/${locale}/${moduleId}.xml`;
}

/** `/podcast/<lang>/<lesson>.chapters.json`: Podcasting 2.0 chapters of one episode. */
export function podcastChaptersPath(locale: Locale, lessonId: string): string {
  return `/podcast/${locale}/${lessonId}.chapters.json`;
}
