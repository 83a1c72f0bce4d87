import type { Locale } from '../../i18n/locales.ts';

/** The listen mode of a module: its lessons played one after another. */
export function listenPath(locale: Locale, moduleId: string): string {
  return locale === 'ja' ? `/listen/${moduleId}/` : `/en/listen/${moduleId}/`;
}
